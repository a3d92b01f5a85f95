/**
 * The agreement outlook in words and tables, shared by the report (report.ts) and the dashboard's
 * "Will there be a deal?" panel (web/src/views/Deal.tsx): the probability as the CLI prints it, how
 * it was reached in a sentence, and per model and issue the terms if agreed, the expected outcome and
 * the intervals beside the status quo (docs/agreement.md). Type imports only, so the dashboard
 * bundles it without the engines.
 */
import type { Outlook } from './outlook-types.ts';
import type { AgreementBasis } from './outlook.ts';
import type { Section } from './tables.ts';

/** A probability as `parley forecast --by` prints it (src/cli/outlook-output.ts): small ones keep their digits. */
export const pct = (p: number): string => (p >= 0.1 ? `${(100 * p).toFixed(0)} %` : p >= 0.001 ? `${(100 * p).toFixed(1)} %` : `${(100 * p).toFixed(2)} %`);

/** 1 decimal at most, no trailing zeros (the dashboard's `num`). */
const one = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : '–');
export const intervalText = (iv: readonly [number, number]): string => `${one(iv[0])} to ${one(iv[1])}`;

/** The basis's fields these texts read (the API's AgreementBasis schema, or forecastOutlook's own). */
export type BasisLike = Pick<AgreementBasis, 'start' | 'years' | 'prior' | 'evidence' | 'issues'>;

/** The share of draws with a zone of agreement on an issue, as text ('decided alone' when one actor decides it). */
export function zoneText(b: BasisLike, issue: string): string {
  const x = b.issues.find((y) => y.issue === issue);
  return !x ? '' : x.zoneShare === null ? 'decided alone' : pct(x.zoneShare);
}

/** How the probability was reached, in three sentences: the prior by kind, the red-line evidence over the draws, who must agree. */
export function basisSentence(b: BasisLike, runs: number, seed: number, name: (actor: string) => string = (a) => a): string {
  const prior = b.prior.own ? 'the case’s own prior' : `the base rate for a negotiation of kind “${b.prior.kind}”`;
  const groups = new Map<string, { rule: string; actors: string[]; n: number }>();
  for (const i of b.issues) {
    const key = `${i.rule}:${i.actors.join(',')}`;
    const g = groups.get(key) ?? { rule: i.rule, actors: i.actors, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  const who = [...groups.values()].map((g) => {
    const names = g.actors.map(name).join(', ');
    const issues = `${g.n} issue${g.n === 1 ? '' : 's'}`;
    if (g.rule === 'single') return `${names || 'one actor'} decide${g.actors.length > 1 ? '' : 's'} ${issues} alone`;
    if (g.rule === 'qualified-majority') return `a qualified majority of ${g.actors.length} decides ${issues}`;
    return g.actors.length ? `${names} can veto ${issues}` : `no binding red line on ${issues}`;
  });
  return (
    `Prior ${pct(b.prior.probability)}: ${prior} (${pct(b.prior.ceiling)} of such negotiations ever agree, half of those within ${one(b.prior.halfLifeYears)} years; ` +
    `${b.prior.derived ? 'derived from data' : 'partly assumed'}) over ${b.years.toFixed(2)} years from ${b.start}. ` +
    `Times the red-line evidence ${b.evidence.mean.toFixed(3)}: the red lines leave a zone of agreement on every joint issue in ${pct(b.evidence.everyIssueOpen)} of ${runs} draws (seed ${seed}). ` +
    `Who must agree: ${who.join('; ')}.`
  );
}

/**
 * The report's tables: who must agree per issue with the share of draws that leave a zone, then one
 * table per model (the no-deal `status-quo` model is the status-quo column of every table).
 */
export function outlookSections(o: Pick<Outlook, 'models' | 'model' | 'agreement'> & { agreementBasis: BasisLike }, title: (issue: string) => string, name: (actor: string) => string = (a) => a): Section[] {
  const b = o.agreementBasis;
  const rule = (i: BasisLike['issues'][number]) =>
    i.rule === 'single' ? `decided alone by ${i.actors.map(name).join(', ')}` : i.rule === 'qualified-majority' ? `qualified majority of ${i.actors.length}` : i.actors.length ? `veto: ${i.actors.map(name).join(', ')}` : 'no binding red line';
  const sections: Section[] = [
    {
      title: 'Who must agree, and how often the red lines leave a zone of agreement',
      header: ['issue', 'who must agree', 'zone in draws', 'median slack (share of scale)'],
      rows: b.issues.map((i) => [title(i.issue), rule(i), zoneText(b, i.issue), i.medianSlack === null ? '' : i.medianSlack]),
      note: 'Slack: the zone of agreement’s width as a share of the scale (negative: the gap between the closest opposed red lines).',
    },
  ];
  for (const m of o.models) {
    if (m.model === 'status-quo') continue;
    sections.push({
      title: `${m.model}${m.model === o.model ? ' (default)' : ''}: terms if agreed, expected outcome and intervals by ${o.agreement.by}`,
      header: ['issue', 'status quo (no deal)', 'if agreed', 'expected', '50 % interval', '90 % interval'],
      rows: m.issues.map((i) => [title(i.issue), i.statusQuo, i.ifAgreed, i.expected, intervalText(i.interval50), intervalText(i.interval90)]),
    });
  }
  return sections;
}
