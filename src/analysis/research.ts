/**
 * "Research next": the estimates that move the forecast most and are least well evidenced, ranked
 * (docs/evidence.md "Reliability").
 *
 *   score = swing × gap
 *   swing = the estimate's one-at-a-time swing (src/analysis/sensitivity.ts) in % of the scale:
 *           the largest over the forecast issues, averaged over the models;
 *   gap   = factor ÷ (1 + n), where n is the number of cited evidence items that count (accepted,
 *           not retracted) and factor is the widening factor of src/analysis/reliability.ts (its
 *           grades, a single outlet, everything retracted).
 *
 * An estimate with no evidence has gap 1; one A1 item carried by several outlets, 1/2; one C3 item
 * from one outlet, 1.25 × 1.5 / 2 = 0.9375; all of its evidence retracted, 3. Actors' overall
 * capabilities are graded by the actor's `evidence`.
 */
import type { Case, Evidence } from '../case/schema.ts';
import { currentStances } from '../case/view.ts';
import { caseView, type ForecastOptions } from './forecast.ts';
import { analysisHeading, type AnalysisHeading } from './heading.ts';
import { stanceSupport } from './reliability.ts';
import { sensitivity, type SensitivityEntry, type SensitivityReport } from './sensitivity.ts';

/** An estimate as sensitivity names it (issue null: the actor's overall capability), ranked for research. */
export interface ResearchItem extends Pick<SensitivityEntry, 'actor' | 'issue' | 'field' | 'value' | 'low' | 'high'> {
  rank: number;
  /** Mean over models of the largest swing, in % of the issue's scale. */
  swingPercent: number;
  /** Evidence cited, and how many of them count. */
  cited: number;
  counted: number;
  /** Independent outlets behind the counted evidence (null: not known for all of it). */
  outlets: number | null;
  /** Admiralty grades of the counted evidence, e.g. "B2" ("?" for a grade not given). */
  grades: string[];
  factor: number;
  gap: number;
  score: number;
  reason: string;
}

export interface ResearchReport extends AnalysisHeading {
  models: string[];
  items: ResearchItem[];
}

const grade = (e: Evidence) => `${e.reliability ?? '?'}${e.credibility ?? (e.uncertain ? '4?' : '?')}`;

export function research(c: Case, opts: ForecastOptions = {}): ResearchReport {
  return researchFromSensitivity(c, opts, sensitivity(c, opts));
}

/** The ranking of `s`, the sensitivity report of `c` with `opts` (src/analysis/research-chunks.ts merges the split one). */
export function researchFromSensitivity(c: Case, opts: ForecastOptions, s: SensitivityReport): ResearchReport {
  const view = caseView(c, opts);
  const asOf = opts.asOf ?? null;
  const byId = new Map(view.evidence.map((e) => [e.id, e]));
  const stances = currentStances(view);
  const actors = new Map(view.actors.map((a) => [a.id, a]));
  const unranked = s.entries.map((e) => {
    const holder = e.issue === null ? { evidence: actors.get(e.actor)?.evidence ?? [] } : [...stances.values()].find((x) => x.actor === e.actor && x.issue === e.issue) ?? { evidence: [] };
    const sup = stanceSupport(holder as Parameters<typeof stanceSupport>[0], byId, asOf);
    const swingPercent = s.models.reduce((t, m) => t + e.swings[m].largestPercent, 0) / Math.max(1, s.models.length);
    const gap = sup.factor / (1 + sup.counted.length);
    const reason = sup.cited === 0 ? 'no evidence cited' : `${sup.counted.length} of ${sup.cited} cited count; ${sup.reason}`;
    return { actor: e.actor, issue: e.issue, field: e.field, value: e.value, low: e.low, high: e.high, swingPercent, cited: sup.cited, counted: sup.counted.length, outlets: sup.outlets, grades: sup.counted.map(grade), factor: sup.factor, gap, score: swingPercent * gap, reason };
  });
  // Highest score first; equal scores: larger swing, then the sensitivity report's order.
  const items = unranked
    .map((x, i) => [x, i] as const)
    .filter(([x]) => x.score > 1e-12)
    .sort((a, b) => b[0].score - a[0].score || b[0].swingPercent - a[0].swingPercent || a[1] - b[1])
    .map(([x], i) => ({ rank: i + 1, ...x }));
  return { ...analysisHeading(c, opts), models: s.models, items };
}
