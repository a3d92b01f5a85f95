/**
 * Asymmetric Nash bargaining solution with the status quo as the disagreement point.
 *
 * Nash (1950), "The bargaining problem"; Kalai (1977) for the asymmetric form; applied to EU
 * legislation by Achen (2006), in Thomson et al., The European Union Decides, ch. 10. Per issue:
 *
 *   O* = argmax_x Π_{i∈C} [U_i(x) − U_i(d)]^{w_i}   subject to U_i(x) ≥ U_i(d) for all i ∈ C,
 *
 * with d the status quo, weights w_i = c_i (capability), and U_i(x) = −s_i|x − x_i| (linear) or
 * −s_i(x − x_i)² (quadratic). The salience s_i scales U_i − U_i(d) by a constant factor and so does not
 * move the argmax; it decides who takes part (s_i > 0).
 *
 * Who must gain (the set C):
 * - `rule: 'unanimity'` — every actor with salience > 0. Each actor gains only strictly between d and
 *   the mirror image of d in its own position, so a deal exists only when all of them stand on the same
 *   side of d; otherwise the status quo stands.
 * - `rule: 'coalition'` — the actors on one side of d, when they hold at least `coalitionShare` of the
 *   capability of all actors with salience > 0 (a decisive coalition, e.g. QMV); the coalition is
 *   everyone on that side (each gains from a move their way), the others may lose.
 *
 * Exact optimum: in reflected coordinates z = σ(x − d) > 0 (σ the coalition's side), the gains are
 * g_i(z) = z for z ≤ y_i and 2y_i − z beyond (linear; y_i = σ(x_i − d)), or z(2y_i − z) (quadratic).
 * Each log g_i is concave on the feasible interval (0, 2·min y_i), so the objective Σ w_i log g_i is
 * concave and its right derivative
 *   linear:    Σ_{y_i > z} w_i / z − Σ_{y_i ≤ z} w_i / (2y_i − z)
 *   quadratic: Σ w_i / z − Σ w_i / (2y_i − z)
 * is strictly decreasing, +∞ at 0+. The maximiser is where it changes sign; bisection on it converges
 * to the last representable double (≈ 60 halvings), and for linear utilities a result within rounding
 * of a breakpoint y_i is snapped onto it (the kinks are where linear optima usually sit).
 *
 * @example
 * // d = 0; A at 10 (c = 1), B at 30 (c = 3), both s = 1, linear, unanimity. Feasible: (0, 20).
 * // On (10, 20): f'(z) = 3/z − 1/(20 − z) = 0 → z = 15. Quadratic: 4/z − 1/(20 − z) − 3/(60 − z) = 0
 * // → z² − 55z + 600 = 0 → z = 15 as well.
 */
import { positionsOf, type EngineParams, type EngineResult, type ModelInput } from './types.ts';
import { fallbackOutcome } from './weights.ts';
import { readParams, type ParamTable } from './params.ts';

export type NashUtility = 'linear' | 'quadratic';
export type NashRule = 'unanimity' | 'coalition';

export interface NashParams extends EngineParams {
  utility?: NashUtility;
  rule?: NashRule;
  /** Share of the capability (of actors with salience > 0) a decisive coalition needs, in (0, 1]. */
  coalitionShare?: number;
}

const ACHEN = 'Achen (2006), in Thomson et al., The European Union Decides, ch. 10';

/** nash's parameters (src/engines/params.ts): the engine's defaults and ranges, the CLI's flags, the API's schema. */
export const nashParams: ParamTable = [
  {
    name: 'utility',
    type: 'enum',
    default: 'linear',
    choices: ['linear', 'quadratic'],
    help: 'the actors’ utilities: linear −s|x−xᵢ| or quadratic −s(x−xᵢ)²',
    source: ACHEN,
  },
  {
    name: 'rule',
    type: 'enum',
    default: 'unanimity',
    choices: ['unanimity', 'coalition'],
    help: 'who must gain over the status quo: every actor with salience > 0 (unanimity) or a decisive coalition on one side',
    source: `Nash (1950); Kalai (1977); ${ACHEN}`,
  },
  {
    name: 'coalitionShare',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    minExclusive: true,
    help: 'with rule coalition: the capability share a decisive coalition needs (e.g. QMV); reported as 1 under unanimity',
    source: ACHEN,
  },
];

/** Per issue: who bargained, where it landed and why, in words (round 0's `bargains`). */
export interface NashBargain {
  issue: number;
  disagreementPoint: number;
  outcome: number;
  /** Actor indices of the coalition that must gain (empty when the status quo stands). */
  coalition: number[];
  /** Capability share of the coalition among actors with salience > 0. */
  coalitionShare: number;
  why: string;
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/**
 * The maximiser z* ∈ (0, upper] of Σ w_i log g_i(z) for actors at reflected distances y_i > 0 with
 * weights w_i ≥ 0 (see the file comment). `upper` = 2·min y over the coalition.
 */
export function nashOnHalfLine(y: ArrayLike<number>, w: ArrayLike<number>, upper: number, utility: NashUtility): number {
  const n = y.length;
  const rightDerivative = (z: number): number => {
    let toward = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      if (utility === 'quadratic') {
        toward += w[i];
        beyond += w[i] / (2 * y[i] - z);
      } else if (y[i] > z) {
        toward += w[i];
      } else {
        beyond += w[i] / (2 * y[i] - z);
      }
    }
    return toward / z - beyond;
  };
  let lo = 0;
  let hi = upper;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (rightDerivative(mid) > 0) lo = mid;
    else hi = mid;
  }
  let z = hi;
  if (utility === 'linear') {
    for (let i = 0; i < n; i++) {
      if (w[i] > 0 && Math.abs(z - y[i]) <= 1e-12 * Math.max(1, y[i])) z = y[i];
    }
  }
  return z;
}

export function nash(input: ModelInput, params: NashParams = {}): EngineResult {
  // Defaults and range checks from the table (ParamError, a RangeError, names the parameter).
  const { utility, rule, coalitionShare: share } = readParams(nashParams, params, 'nash') as { utility: NashUtility; rule: NashRule; coalitionShare: number };
  const explain = params.explain !== false;
  const m = input.issues.length;
  const outcome: number[] = new Array(m);
  const bargains: NashBargain[] = [];
  for (let k = 0; k < m; k++) {
    const b = bargainOnIssue(input, k, utility, rule, share, explain);
    outcome[k] = b.outcome;
    bargains.push(b);
  }
  return {
    model: 'nash',
    outcome,
    // Without explanations (Monte Carlo) no round 0: the bargains' sentences are not even written.
    rounds: explain ? [{ positions: positionsOf(input), outcome: outcome.slice(), moves: [], bargains }] : [],
    params: { utility, rule, coalitionShare: rule === 'coalition' ? share : 1 },
  };
}

const namesOf = (input: ModelInput, idx: number[]): string => idx.map((i) => input.actors[i]).join(', ');

/** The status quo (or mid-scale) in words. */
function disagreementWords(input: ModelInput, k: number, d: number): string {
  return Number.isFinite(input.statusQuo[k]) ? `the status quo (${fmt(d)})` : `the middle of the scale (${fmt(d)}, no status quo given)`;
}

/**
 * The bargain on issue k. With `explain` false the `why` is left empty (its sentences are only
 * written when asked for; the numbers are the same).
 */
function bargainOnIssue(input: ModelInput, k: number, utility: NashUtility, rule: NashRule, share: number, explain: boolean): NashBargain {
  const n = input.actors.length;
  const m = input.issues.length;
  const d = fallbackOutcome(input, k);
  const dWords = explain ? disagreementWords(input, k, d) : '';
  const stay = (why: () => string, coalition: number[] = [], coalitionShare = 0): NashBargain => ({ issue: k, disagreementPoint: d, outcome: d, coalition, coalitionShare, why: explain ? why() : '' });

  const above: number[] = [];
  const below: number[] = [];
  const atSq: number[] = [];
  let capAbove = 0;
  let capBelow = 0;
  let capTotal = 0;
  for (let i = 0; i < n; i++) {
    if (!(input.salience[i * m + k] > 0)) continue;
    const x = input.position[i * m + k];
    const c = input.capability[i * m + k];
    capTotal += c;
    if (x > d) {
      above.push(i);
      capAbove += c;
    } else if (x < d) {
      below.push(i);
      capBelow += c;
    } else atSq.push(i);
  }
  if (above.length + below.length + atSq.length === 0) return stay(() => `Nobody cares about this issue: ${dWords} stands.`);

  let coalition: number[];
  let sigma: 1 | -1;
  let coalitionShare: number;
  if (rule === 'unanimity') {
    if (atSq.length > 0) return stay(() => `${namesOf(input, atSq)} already stand${atSq.length === 1 ? 's' : ''} at ${dWords}: any change makes ${atSq.length === 1 ? 'it' : 'them'} worse off, so under unanimity no point improves on the status quo for everyone and it stands.`);
    if (above.length > 0 && below.length > 0) {
      return stay(() => `${namesOf(input, above)} want${above.length === 1 ? 's' : ''} more than ${dWords} and ${namesOf(input, below)} want${below.length === 1 ? 's' : ''} less: no point improves on the status quo for every actor, so under unanimity it stands.`);
    }
    coalition = above.length > 0 ? above : below;
    sigma = above.length > 0 ? 1 : -1;
    coalitionShare = 1;
  } else {
    const shareAbove = capTotal > 0 ? capAbove / capTotal : 0;
    const shareBelow = capTotal > 0 ? capBelow / capTotal : 0;
    const decisive = (s: number) => s >= share - 1e-12;
    if (!decisive(shareAbove) && !decisive(shareBelow)) {
      return stay(() => `Neither the actors wanting more than ${dWords} (${pct(shareAbove)} of capability) nor those wanting less (${pct(shareBelow)}) reach the ${pct(share)} a decisive coalition needs: the status quo stands.`);
    }
    if (decisive(shareAbove) && decisive(shareBelow) && shareAbove === shareBelow) {
      return stay(() => `The actors wanting more and those wanting less than ${dWords} hold equal capability (${pct(shareAbove)} each): no decisive direction, the status quo stands.`);
    }
    const up = decisive(shareAbove) && (!decisive(shareBelow) || shareAbove > shareBelow);
    coalition = up ? above : below;
    sigma = up ? 1 : -1;
    coalitionShare = up ? shareAbove : shareBelow;
  }

  const y = coalition.map((i) => sigma * (input.position[i * m + k] - d));
  const w = coalition.map((i) => input.capability[i * m + k]);
  const upper = 2 * Math.min(...y);
  if (!w.some((v) => v > 0)) return stay(() => `The actors who could gain (${namesOf(input, coalition)}) have no capability: ${dWords} stands.`, coalition, coalitionShare);
  const z = nashOnHalfLine(y, w, upper, utility);
  const x = d + sigma * z;
  if (!explain) return { issue: k, disagreementPoint: d, outcome: x, coalition, coalitionShare, why: '' };
  const limiting = coalition[y.indexOf(Math.min(...y))];
  const losers = rule === 'coalition' ? [...(sigma === 1 ? below : above), ...atSq] : [];
  const why =
    `${namesOf(input, coalition)} (${pct(coalitionShare)} of capability${rule === 'coalition' ? `, ${pct(share)} needed` : ', unanimity'}) all gain by moving from ${dWords} ` +
    `${sigma === 1 ? 'up' : 'down'}; ${utility} utilities, capability-weighted Nash product, maximised at ${fmt(x)} ` +
    `(no coalition member may lose, so ${input.actors[limiting]} caps the move at ${fmt(d + sigma * upper)})` +
    (losers.length ? `; ${namesOf(input, losers)} lose${losers.length === 1 ? 's' : ''} but cannot block.` : '.');
  return { issue: k, disagreementPoint: d, outcome: x, coalition, coalitionShare, why };
}
