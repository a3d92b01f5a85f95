/**
 * The outlook over time: the forecasts re-run as of each date on which a stance or a piece of
 * evidence (not rejected) was dated, so the analyst sees how the outlook moved, and what changed
 * on each date.
 */
import type { Case } from '../case/schema.ts';
import { asOf, applyScenario } from '../case/view.ts';
import { forecastCase, type ForecastOptions } from './forecast.ts';
import { zoneOfAgreement } from './zopa.ts';

export interface TimelinePoint {
  date: string;
  /** What is dated that day: stance changes (actor/issue) and evidence ids. */
  changes: { stances: Array<{ actor: string; issue: string }>; evidence: string[] };
  /** outcome[model]: the forecast per issue as of the date. */
  outcome: Record<string, number[]>;
  /** Whether packages respecting every veto holder's red line existed as of the date. */
  packagesExist: boolean;
}

export interface Timeline {
  case: { id: string; title: string };
  scenario: string | null;
  models: string[];
  issues: string[];
  points: TimelinePoint[];
}

export function timeline(c: Case, opts: ForecastOptions & { from?: string; to?: string } = {}): Timeline {
  const { scenario, from, to, asOf: _a, ...rest } = opts;
  const dates = new Set<string>();
  for (const s of c.stances) if (s.date) dates.add(s.date);
  for (const e of c.evidence) if (e.status !== 'rejected') dates.add(e.date);
  const sorted = [...dates].filter((d) => (!from || d >= from) && (!to || d <= to)).sort();
  let models: string[] = [];
  const points = sorted.map((date): TimelinePoint => {
    let view = asOf(c, date);
    if (scenario) view = applyScenario(view, scenario);
    const results = forecastCase(view, rest).results;
    models = results.map((r) => r.model);
    return {
      date,
      changes: {
        stances: c.stances.filter((s) => s.date === date).map((s) => ({ actor: s.actor, issue: s.issue })),
        evidence: c.evidence.filter((e) => e.date === date && e.status !== 'rejected').map((e) => e.id),
      },
      outcome: Object.fromEntries(results.map((r) => [r.model, r.outcome])),
      packagesExist: zoneOfAgreement(view, { forecasts: false }).packagesExist,
    };
  });
  return { case: { id: c.id, title: c.title }, scenario: scenario ?? null, models, issues: c.issues.map((i) => i.id), points };
}
