/**
 * Scoring the record once questions are resolved (docs/record.md "Scores").
 *
 * Per model and recorded issue: the absolute error of the predictive median, the continuous ranked
 * probability score (CRPS) of the predictive distribution, and whether the outcome fell inside the
 * 50 % and 90 % central intervals; per model and entry, the Brier score (p − o)² of the agreement
 * probability (Brier 1950). Lower is better for all but coverage, which should be near 0.5 / 0.9.
 *
 * The predictive distribution of an entry is known only through its quantiles q₁ ≤ … ≤ q_K at levels
 * τ₁ < … < τ_K. We read it as the distribution whose quantile function interpolates those points
 * linearly and is flat beyond them: a piecewise-linear CDF between q₁ and q_K with a point mass τ₁ at
 * q₁ and 1 − τ_K at q_K (the tails are not extrapolated: a distribution recorded as a point, all q
 * equal, has CRPS equal to its absolute error, as it must). The CRPS
 *
 *     CRPS(F, y) = ∫ (F(x) − 1{x ≥ y})² dx                         (Matheson & Winkler 1976)
 *
 * is then integrated exactly, piece by piece: on a piece where F runs linearly from a to b over a
 * width w, ∫F² = w(a² + ab + b²)/3 and ∫(1 − F)² likewise with 1 − a, 1 − b; the piece holding y is
 * split there. This equals 2∫₀¹ QS_τ(Q(τ), y) dτ, the quantile-score form of Gneiting & Raftery
 * (2007, eq. 21 ff.), for the same Q, which the tests check numerically. Quantiles that decrease by
 * rounding are sorted first (monotone rearrangement, Chernozhukov, Fernández-Val & Galichon 2010).
 */
import type { Entry } from './entry.ts';
import type { Resolution } from './resolution.ts';

/** Models shown as the baselines every other model must beat. */
export const BASELINES = ['status-quo', 'compromise'] as const;

function sortedPairs(levels: readonly number[], quantiles: readonly number[]): { t: number[]; q: number[] } {
  if (levels.length !== quantiles.length || levels.length === 0) throw new RangeError(`${quantiles.length} quantiles for ${levels.length} levels`);
  return { t: [...levels], q: [...quantiles].sort((a, b) => a - b) };
}

/** The interpolated quantile function at τ (flat beyond the outer levels). */
export function quantileAt(levels: readonly number[], quantiles: readonly number[], tau: number): number {
  const { t, q } = sortedPairs(levels, quantiles);
  if (tau <= t[0]) return q[0];
  if (tau >= t[t.length - 1]) return q[q.length - 1];
  let k = 1;
  while (t[k] < tau) k++;
  const f = (tau - t[k - 1]) / (t[k] - t[k - 1]);
  return q[k - 1] + f * (q[k] - q[k - 1]);
}

/** Exact CRPS of the distribution the quantiles describe (see the header), at outcome y. */
export function crpsFromQuantiles(levels: readonly number[], quantiles: readonly number[], y: number): number {
  const { t, q } = sortedPairs(levels, quantiles);
  const K = q.length;
  let total = 0;
  // Below q₁ F = 0: the indicator alone counts, from y up to q₁.
  if (y < q[0]) total += q[0] - y;
  // Above q_K F = 1: counts from q_K up to y.
  if (y > q[K - 1]) total += y - q[K - 1];
  // ∫ over [x0, x1] of (F − H)², F linear from a to b, H the step at y.
  const piece = (x0: number, x1: number, a: number, b: number, h: 0 | 1): number => {
    const w = x1 - x0;
    if (w <= 0) return 0;
    const u = h === 0 ? a : 1 - a;
    const v = h === 0 ? b : 1 - b;
    return (w * (u * u + u * v + v * v)) / 3;
  };
  for (let k = 0; k + 1 < K; k++) {
    const x0 = q[k];
    const x1 = q[k + 1];
    const a = t[k];
    const b = t[k + 1];
    if (x1 <= x0) continue; // a jump: no width, no area
    if (y <= x0) total += piece(x0, x1, a, b, 1);
    else if (y >= x1) total += piece(x0, x1, a, b, 0);
    else {
      const fy = a + ((b - a) * (y - x0)) / (x1 - x0);
      total += piece(x0, y, a, fy, 0) + piece(y, x1, fy, b, 1);
    }
  }
  return total;
}

/** Brier score of a probability forecast p of an event that happened (o = 1) or not (o = 0). */
export const brierScore = (p: number, o: 0 | 1): number => (p - o) ** 2;

export const covers = (interval: readonly [number, number], y: number): boolean => y >= Math.min(interval[0], interval[1]) && y <= Math.max(interval[0], interval[1]);

export interface IssueScore {
  issue: string;
  median: number;
  outcome: number;
  absError: number;
  crps: number;
  in50: boolean;
  in90: boolean;
}

export interface EntryModelScore {
  model: string;
  agreement: number;
  brier: number;
  issues: IssueScore[];
}

/** The model every entry is scored against even when its outlook lacks it: no agreement, every issue at its status quo. */
function statusQuoModel(entry: Entry): Entry['outlook']['models'][number] {
  const sq = entry.outlook.models[0].issues;
  return {
    model: 'status-quo',
    agreement: 0,
    issues: sq.map((i) => ({
      issue: i.issue,
      statusQuo: i.statusQuo,
      ifAgreed: i.statusQuo,
      expected: i.statusQuo,
      interval50: [i.statusQuo, i.statusQuo],
      interval90: [i.statusQuo, i.statusQuo],
      quantiles: entry.outlook.levels.map(() => i.statusQuo),
    })),
  };
}

/** Every model of one entry (the status quo added when the outlook lacks it), scored against a resolution. */
export function scoreEntry(entry: Entry, resolution: Resolution): EntryModelScore[] {
  const models = entry.outlook.models.some((m) => m.model === 'status-quo') ? entry.outlook.models : [...entry.outlook.models, statusQuoModel(entry)];
  const { levels } = entry.outlook;
  return models.map((m) => ({
    model: m.model,
    agreement: m.agreement,
    brier: brierScore(m.agreement, resolution.agreement),
    issues: m.issues
      .filter((i) => resolution.outcome[i.issue] !== undefined)
      .map((i) => {
        const y = resolution.outcome[i.issue];
        const median = quantileAt(levels, i.quantiles, 0.5);
        return { issue: i.issue, median, outcome: y, absError: Math.abs(median - y), crps: crpsFromQuantiles(levels, i.quantiles, y), in50: covers(i.interval50, y), in90: covers(i.interval90, y) };
      }),
  }));
}

export interface ModelScore {
  model: string;
  /** Means; null where nothing was scored (e.g. a resolution with no issue outcome). */
  absError: number | null;
  crps: number | null;
  coverage50: number | null;
  coverage90: number | null;
  brier: number;
  /** Resolved questions scored. */
  n: number;
  /** Entries scored (a question can be forecast on several dates). */
  entries: number;
  baseline: boolean;
}

export interface CaseScore {
  case: string;
  title: string;
  questions: number;
  models: ModelScore[];
}

export interface QuestionStatus {
  question: string;
  case: string;
  by: string;
  entries: number;
  resolved: boolean;
}

export interface RecordScores {
  models: ModelScore[];
  cases: CaseScore[];
  questions: QuestionStatus[];
}

interface Acc {
  abs: number[];
  crps: number[];
  c50: number[];
  c90: number[];
  brier: number[];
  entries: number;
}
const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** One question's scores per model: each metric averaged over the question's issues, then its entries. */
function questionScores(entries: readonly Entry[], resolution: Resolution): Map<string, { abs: number | null; crps: number | null; c50: number | null; c90: number | null; brier: number; entries: number }> {
  const per = new Map<string, Acc>();
  for (const e of entries) {
    for (const s of scoreEntry(e, resolution)) {
      const a = per.get(s.model) ?? { abs: [], crps: [], c50: [], c90: [], brier: [], entries: 0 };
      a.entries++;
      a.brier.push(s.brier);
      const abs = mean(s.issues.map((i) => i.absError));
      if (abs !== null) {
        a.abs.push(abs);
        a.crps.push(mean(s.issues.map((i) => i.crps))!);
        a.c50.push(mean(s.issues.map((i) => (i.in50 ? 1 : 0)))!);
        a.c90.push(mean(s.issues.map((i) => (i.in90 ? 1 : 0)))!);
      }
      per.set(s.model, a);
    }
  }
  return new Map([...per].map(([m, a]) => [m, { abs: mean(a.abs), crps: mean(a.crps), c50: mean(a.c50), c90: mean(a.c90), brier: mean(a.brier)!, entries: a.entries }]));
}

/** Average question-level scores per model; models in first-seen order with the baselines last. */
function summarise(perQuestion: ReadonlyArray<ReturnType<typeof questionScores>>): ModelScore[] {
  const acc = new Map<string, Acc & { n: number }>();
  for (const q of perQuestion) {
    for (const [model, s] of q) {
      const a = acc.get(model) ?? { abs: [], crps: [], c50: [], c90: [], brier: [], entries: 0, n: 0 };
      a.n++;
      a.entries += s.entries;
      a.brier.push(s.brier);
      if (s.abs !== null) {
        a.abs.push(s.abs);
        a.crps.push(s.crps!);
        a.c50.push(s.c50!);
        a.c90.push(s.c90!);
      }
      acc.set(model, a);
    }
  }
  const isBaseline = (m: string) => (BASELINES as readonly string[]).includes(m);
  return [...acc]
    .map(([model, a]) => ({ model, absError: mean(a.abs), crps: mean(a.crps), coverage50: mean(a.c50), coverage90: mean(a.c90), brier: mean(a.brier)!, n: a.n, entries: a.entries, baseline: isBaseline(model) }))
    .sort((x, y) => Number(x.baseline) - Number(y.baseline));
}

/**
 * Score the record: every resolved question once (its entries averaged), per case and across cases.
 * Each question weighs the same, however often it was forecast. Scores mix the issues' own scales:
 * compare models on the same questions, not numbers across records with different scales.
 */
export function scoreRecord(entries: readonly Entry[], resolutions: ReadonlyMap<string, Resolution>): RecordScores {
  const byQuestion = new Map<string, Entry[]>();
  for (const e of entries) byQuestion.set(e.question.id, [...(byQuestion.get(e.question.id) ?? []), e]);
  const questions: QuestionStatus[] = [];
  const scored: Array<{ case: string; title: string; scores: ReturnType<typeof questionScores> }> = [];
  for (const [id, es] of byQuestion) {
    const r = resolutions.get(id);
    questions.push({ question: id, case: es[0].case.id, by: es[0].by, entries: es.length, resolved: r !== undefined });
    if (r) scored.push({ case: es[0].case.id, title: es[0].case.title, scores: questionScores(es, r) });
  }
  const caseIds = [...new Set(scored.map((s) => s.case))].sort();
  return {
    models: summarise(scored.map((s) => s.scores)),
    cases: caseIds.map((id) => {
      const mine = scored.filter((s) => s.case === id);
      return { case: id, title: mine[0].title, questions: mine.length, models: summarise(mine.map((s) => s.scores)) };
    }),
    questions,
  };
}
