/**
 * Compromise model: per issue, the capability × salience weighted mean of the actors' positions.
 *
 * Van den Bos (1991), Achen (2006), "Evaluating political decision-making models", in Thomson et al.,
 * The European Union Decides, ch. 10: `O_k = Σ_i c_ik s_ik x_ik / Σ_i c_ik s_ik`.
 * On DEU III it is the most accurate of the simple models (mean absolute error 22.99 on 0–100).
 *
 * @example
 * // Two actors: A (c=2, s=1) at 0 and B (c=1, s=1) at 90 → (2·0 + 1·90) / 3 = 30.
 */
import { positionsOf, type EngineParams, type EngineResult, type ModelInput } from './types.ts';
import type { ParamTable } from './params.ts';
import { weightedMeanOnIssue } from './weights.ts';

/** compromise has no parameters (src/engines/params.ts): a one-shot weighted mean. */
export const compromiseParams: ParamTable = [];

export function compromise(input: ModelInput, params: EngineParams = {}): EngineResult {
  const m = input.issues.length;
  const outcome: number[] = new Array(m);
  for (let k = 0; k < m; k++) outcome[k] = weightedMeanOnIssue(input, k);
  // Without explanations (Monte Carlo), no round 0: it would only copy the input.
  const rounds = params.explain === false ? [] : [{ positions: positionsOf(input), outcome: outcome.slice(), moves: [] }];
  return { model: 'compromise', outcome, rounds, params: {} };
}
