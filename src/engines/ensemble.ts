/**
 * Ensemble model: a convex combination of the other models' forecasts, `O_k = Σ_m w_m O_k^m` with
 * w_m ≥ 0 and Σ w_m = 1 (forecast combination: Bates & Granger 1969; with the weights fitted to
 * minimise the absolute error on training data, a least-absolute-deviation stack, Breiman 1996).
 *
 * The default weights are the ones fitted on DEU III by `scripts/fit-error-models.ts` and shipped in
 * src/analysis/error-models.json (`ensemble.weights`); `params.weights` (model → weight) overrides
 * them and is normalised to sum 1. Only components with a positive weight are run, with the same
 * parameters as the ensemble (rounds, seed, explain). docs/backtest.md gives how the weights were
 * chosen (nested cross-validation by proposal) and what they achieve out of sample.
 *
 * THE SNAP (why the point is not just the combination). For absolute error the best point forecast
 * is the median of the predictive distribution (e.g. Gneiting 2011, "Making and evaluating point
 * forecasts", Thm 9), and on DEU III that distribution has point masses: 63 % of the outcomes equal
 * one of the actors' positions and 18 % the status quo (docs/backtest.md). Where a mass lies close to
 * the combination, the median is at the mass. So the ensemble moves its combination `c` to the
 * nearest candidate point — a position some actor takes on the issue — when that point lies within
 * `snap × (range of the positions)` of c; otherwise it keeps c. `snap` = 0 turns it off. The status
 * quo is not a candidate: DEU III imports 78 of its 234 scored issues without a reference point (at
 * 50), so a status-quo candidate snaps to an invented point (out of fold 23.6 against 22.5 without
 * it, docs/backtest.md). It uses only what every case has (positions and saliences), so
 * `--model ensemble` works on any case the same way as on DEU III. The shipped `snap` was chosen on
 * DEU III by nested cross-validation (src/analysis/backtest.ts, `fitEnsemble`); `params.snap`
 * overrides it.
 *
 * @example
 * // Weights compromise 0.75, status-quo 0.25. Two actors on 0–100, A (c=2, s=1) at 0 and B
 * // (c=1, s=1) at 90, status quo 100: compromise (2·0 + 90)/3 = 30, status quo 100, so the
 * // ensemble forecasts 0.75·30 + 0.25·100 = 47.5.
 */
import shipped from '../analysis/error-models.json' with { type: 'json' };
import { bdm } from './bdm.ts';
import { compromise } from './compromise.ts';
import { exchange } from './exchange.ts';
import { median } from './median.ts';
import { nash } from './nash.ts';
import { smp } from './smp.ts';
import { statusQuo } from './status-quo.ts';
import { positionsOf, type Engine, type EngineParams, type EngineResult, type ModelInput } from './types.ts';

/** The models an ensemble may combine (every registered engine except the ensemble itself). */
export const ensembleComponents: Record<string, Engine> = { compromise, median, nash, bdm, smp, exchange, 'status-quo': statusQuo };

/** The shipped default weights (fitted on DEU III). */
export const defaultEnsembleWeights: Readonly<Record<string, number>> = (shipped as { ensemble: { weights: Record<string, number> } }).ensemble.weights;

const shippedEnsemble = (shipped as { ensemble: { weights: Record<string, number>; snap?: number } }).ensemble;

/** The shipped snap radius (a share of the range of the candidate points; 0: off). */
export const defaultEnsembleSnap: number = shippedEnsemble.snap ?? 0;

/**
 * The candidate point nearest to `point` if it lies within `snap × (max − min of the candidates)`,
 * else `point` itself (see the file comment). Ties go to the first candidate (deterministic).
 */
export function snapToCandidates(point: number, candidates: ArrayLike<number>, snap: number): number {
  if (!(snap > 0) || candidates.length === 0 || !Number.isFinite(point)) return point;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    if (candidates[i] < lo) lo = candidates[i];
    if (candidates[i] > hi) hi = candidates[i];
  }
  const limit = snap * (hi > lo ? hi - lo : 1);
  let best = point;
  let bestDist = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const d = Math.abs(candidates[i] - point);
    if (d <= limit + 1e-12 && d < bestDist) [best, bestDist] = [candidates[i], d];
  }
  return best;
}

/** Issue k's candidate points: every position taken (salience > 0). */
export function candidatePoints(input: ModelInput, k: number): number[] {
  const m = input.issues.length;
  const n = input.actors.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (input.salience[i * m + k] > 0 && Number.isFinite(input.position[i * m + k])) out.push(input.position[i * m + k]);
  return out;
}

/** Weights checked (known components, finite, ≥ 0, positive sum) and normalised to sum 1. */
export function normaliseWeights(weights: Readonly<Record<string, number>>): Record<string, number> {
  let total = 0;
  for (const [name, w] of Object.entries(weights)) {
    if (!(name in ensembleComponents)) throw new RangeError(`ensemble: unknown component "${name}" (known: ${Object.keys(ensembleComponents).join(', ')})`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`ensemble: the weight of "${name}" must be a finite number ≥ 0, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('ensemble: the weights must have a positive sum');
  const out: Record<string, number> = {};
  for (const [name, w] of Object.entries(weights)) if (w > 0) out[name] = w / total;
  return out;
}

export function ensemble(input: ModelInput, params: EngineParams = {}): EngineResult {
  const weights = normaliseWeights((params.weights as Record<string, number> | undefined) ?? defaultEnsembleWeights);
  const snap = params.snap === undefined ? defaultEnsembleSnap : Number(params.snap);
  if (!Number.isFinite(snap) || snap < 0) throw new RangeError(`ensemble: snap must be a finite number ≥ 0, got ${params.snap}`);
  const { weights: _w, snap: _s, ...componentParams } = params;
  const m = input.issues.length;
  const outcome: number[] = new Array(m).fill(0);
  const components: Record<string, number[]> = {};
  for (const [name, w] of Object.entries(weights)) {
    const o = ensembleComponents[name](input, componentParams).outcome;
    components[name] = o;
    for (let k = 0; k < m; k++) outcome[k] += w * o[k];
  }
  const combined = outcome.slice();
  for (let k = 0; k < m; k++) outcome[k] = snapToCandidates(combined[k], candidatePoints(input, k), snap);
  const rounds = params.explain === false ? [] : [{ positions: positionsOf(input), outcome: outcome.slice(), moves: [], components, combined }];
  return { model: 'ensemble', outcome, rounds, params: { weights, snap } };
}
