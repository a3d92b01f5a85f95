/**
 * Status-quo ("no deal") model: no agreement is reached, so every issue stays where it stands.
 *
 * The baseline every bargaining model must beat (issue 11: "no deal is an outcome"). In the EU
 * legislative literature it is the reference point of the DEU data sets (Thomson et al. 2006, The
 * European Union Decides, ch. 1: the outcome "if no new legislation were adopted"); the spatial
 * models use the same point as the disagreement point (Nash 1950: `d`; Bueno de Mesquita's Q).
 * `O_k = SQ_k`.
 *
 * An unknown status quo (NaN in the model input; a case file always has one, a DEU issue without a
 * reference point is imported at 50) forecasts the middle of the issue's scale, the same fallback the
 * other engines use when nobody has weight on an issue (`fallbackOutcome`): the model makes no claim
 * about such an issue, and the middle is the point that is never more than half the scale wrong.
 *
 * @example
 * // Two issues on 0–100: the status quo of the first is 20, of the second unknown (NaN). Whatever
 * // the actors want (A at 80 with c=2, B at 0), the forecast is [20, 50]: the first stays at 20,
 * // the second takes the middle of its scale (0 + 100) / 2 = 50.
 */
import { positionsOf, type EngineParams, type EngineResult, type ModelInput } from './types.ts';
import { fallbackOutcome } from './weights.ts';

export function statusQuo(input: ModelInput, params: EngineParams = {}): EngineResult {
  const m = input.issues.length;
  const outcome: number[] = new Array(m);
  for (let k = 0; k < m; k++) outcome[k] = fallbackOutcome(input, k);
  // Without explanations (Monte Carlo), no round 0: it would only copy the input.
  const rounds = params.explain === false ? [] : [{ positions: positionsOf(input), outcome: outcome.slice(), moves: [] }];
  return { model: 'status-quo', outcome, rounds, params: {} };
}
