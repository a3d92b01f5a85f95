/**
 * The default horizon of "will there be a deal by DATE?" where no date is given (the dashboard's
 * date field, `parley report` without `--by`): six months after the day the outlook's clock starts,
 * which is the as-of date or else the case's latest dated stance, evidence, draft or event (the
 * start `forecastOutlook` uses, src/analysis/outlook.ts). Six months: long enough for a round of
 * talks to conclude or visibly fail, short enough that the case as recorded still describes it; a
 * convention, not an estimate (docs/agreement.md). Dependency-free, so the dashboard bundles it.
 */

/** Months ahead of the clock's start. */
export const DEFAULT_HORIZON_MONTHS = 6;

interface Dated {
  date?: string;
}
/** The parts of a case that carry dates (a Case, or the dashboard's copy of one). */
export interface DatedCase {
  stances: Dated[];
  evidence: Dated[];
  drafts: Dated[];
  events: Dated[];
}

/** The latest date the case records (YYYY-MM-DD strings compare as dates), or null. */
export function latestCaseDate(c: DatedCase): string | null {
  let last: string | null = null;
  for (const list of [c.stances, c.evidence, c.drafts, c.events]) {
    for (const x of list) if (x.date !== undefined && (last === null || x.date > last)) last = x.date;
  }
  return last;
}

/** `date` plus `months` calendar months, the day clamped to the month's length (08-31 + 6 → 02-28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The default `by`: six months after the as-of date, or after the case's latest date; null when neither exists. */
export function defaultHorizon(c: DatedCase, asOf?: string): string | null {
  const start = asOf ?? latestCaseDate(c);
  return start === null ? null : addMonths(start, DEFAULT_HORIZON_MONTHS);
}
