/**
 * Weighted median ("median voter") model: per issue, the position of the actor at which the
 * capability × salience weights reach half the total.
 *
 * Black (1948), "On the rationale of group decision-making"; Achen (2006), in Thomson et al., The
 * European Union Decides, ch. 10: under single-peaked (distance-based) preferences the weighted median
 * is the Condorcet winner — the position that beats every other in a pairwise vote weighted by
 * `c_i s_i` (Scholz et al. 2011, Appendix step 3). On DEU III its mean absolute error is 28.37 (0–100).
 *
 * @example
 * // A (c=2, s=1) at 0, B (c=1, s=1) at 50, C (c=2, s=1) at 100 → weights 2, 1, 2 of 5; the
 * // cumulative weight passes 2.5 at B → 50.
 */
import { positionsOf, type EngineParams, type EngineResult, type ModelInput } from './types.ts';
import type { ParamTable } from './params.ts';
import { fallbackOutcome, weightedMedian } from './weights.ts';

/** The capability × salience weighted median on issue k (the status quo or mid-scale when nobody cares). */
export function weightedMedianOnIssue(input: ModelInput, k: number, position: ArrayLike<number> = input.position): number {
  const n = input.actors.length;
  const m = input.issues.length;
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = position[i * m + k];
    weights[i] = input.capability[i * m + k] * input.salience[i * m + k];
  }
  const med = weightedMedian(values, weights);
  return Number.isNaN(med) ? fallbackOutcome(input, k) : med;
}

/** median has no parameters (src/engines/params.ts): a one-shot weighted median. */
export const medianParams: ParamTable = [];

export function median(input: ModelInput, params: EngineParams = {}): EngineResult {
  const m = input.issues.length;
  const outcome: number[] = new Array(m);
  for (let k = 0; k < m; k++) outcome[k] = weightedMedianOnIssue(input, k);
  // Without explanations (Monte Carlo), no round 0: it would only copy the input.
  const rounds = params.explain === false ? [] : [{ positions: positionsOf(input), outcome: outcome.slice(), moves: [] }];
  return { model: 'median', outcome, rounds, params: {} };
}
