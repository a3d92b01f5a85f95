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
  const { weights: _w, ...componentParams } = params;
  const m = input.issues.length;
  const outcome: number[] = new Array(m).fill(0);
  const components: Record<string, number[]> = {};
  for (const [name, w] of Object.entries(weights)) {
    const o = ensembleComponents[name](input, componentParams).outcome;
    components[name] = o;
    for (let k = 0; k < m; k++) outcome[k] += w * o[k];
  }
  const rounds = params.explain === false ? [] : [{ positions: positionsOf(input), outcome: outcome.slice(), moves: [], components }];
  return { model: 'ensemble', outcome, rounds, params: { weights } };
}
