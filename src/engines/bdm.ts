/**
 * Bueno de Mesquita's expected-utility ("challenge") model, as specified by Scholz, Calbert & Smith
 * (2011), "Unravelling Bueno De Mesquita's group decision model", J. Theoretical Politics 23(4):510–531
 * (equations and Appendix algorithm; see specs/models.md §3.2). Each issue is played separately.
 *
 * Per round, for the actors with salience > 0 on the issue (positions x, capability c, salience s):
 * 1. μ = the capability × salience weighted median (the Condorcet winner, Appendix step 3).
 * 2. From i's view (risk exponent r_i, range R = x_max − x_min): success, failure, better, worse and
 *    status-quo utilities (eqs. 15, 16, 22, 23, 24): `U = 2 − 4(0.5 ∓ …)^{r_i}`.
 * 3. P^i, the probability that i beats j, from third-party support (eqs. 30–31):
 *    `P^i = Σ_{k: a_k>0} c_k s_k a_k / Σ_k c_k s_k |a_k|`, `a_k = |x_k − x_j| − |x_k − x_i|`.
 * 4. `E^i(U_ij) = s_j[P^i U_s + (1−P^i)U_f] + (1−s_j)U_s − Q U_sq − (1−Q)[T U_b + (1−T)U_w]`
 *    (eqs. 5–7), T = 1 iff |x_i − μ| < |x_i − x_j|.
 * 5. Risk (two passes, §5): all E with r = 1; security `Sec_i = Σ_{j≠i} E^j(U_ji)`;
 *    `R_i = (2Sec_i − max Sec − min Sec)/(max Sec − min Sec)` (eq. 34); `r_i = (1 − R_i/3)/(1 + R_i/3)`
 *    (eq. 33); then all E again with these r_i.
 * 6. Offers (fig. 6) for receiver i from proposer j, with a = E^i(U_ij), b = E^j(U_ji):
 *    b > a > 0 → conflict, i moves to x_j; a < 0 < b, b > |a| → compromise, i moves the fraction |a/b|
 *    of the way to x_j (eq. 36); a < 0 < b, |a| ≥ b → capitulation, i moves to x_j; otherwise none.
 * 7. Each actor accepts one offer (§6.2): conflict before compromise before capitulation ("given
 *    equally enforceable proposals, players move the least that they can"), the least move within a
 *    kind, then the proposer with the highest expected utility. All actors move at once.
 * The round's forecast is μ of the new positions; the capability × salience weighted mean is reported
 * beside it (Scholz Table 2 reports both).
 *
 * `variant: 'reference'` reproduces the jmckib/dmasad replication code (the code behind
 * `ExampleActors.10r.log`), which deviates from the paper: R is fixed from the initial positions;
 * P uses votes `c_k s_k((|x_k−x_j|/R)^{r_k} − (|x_k−x_i|/R)^{r_k})` over a normaliser summed over all
 * actors and all position pairs (so P^i + P^j ≠ 1); both EUs of a dyad use the receiver's r; the
 * (1−Q)[…] term is left out; capitulation never happens (a typo in its test); and among compromises
 * the actor takes the one whose EU-weighted midpoint (|a|x_i + |b|x_j)/(|a|+|b|) is smallest.
 *
 * @example
 * // BDM (1994) EC car-emission standards (Scholz Table 1), Q = 1, variant 'reference', round 1:
 * // Belgium (7) compromises with France (10): EUs −0.1148 vs 0.2433, new position
 * // 7 + 3·0.1148/0.2433 = 8.416; the weighted mean moves from 7.390 to 7.461.
 */
import { positionsOf, type EngineParams, type EngineResult, type ModelInput, type Move, type Round } from './types.ts';
import { readParams, roundsParam, type ParamTable } from './params.ts';
import { fallbackOutcome, weightedMedian } from './weights.ts';

export type BdmVariant = 'paper' | 'reference';
export type OfferKind = 'conflict' | 'compromise' | 'capitulation';

export interface BdmParams extends EngineParams {
  /** Probability that the status quo holds when nobody challenges (Scholz: 1.0 for the EC case; BDM: 0.5). */
  q?: number;
  rounds?: number;
  variant?: BdmVariant;
}

const SCHOLZ = 'Scholz, Calbert & Smith (2011), J. Theoretical Politics 23(4)';

/** bdm's parameters (src/engines/params.ts): the engine's defaults and ranges, the CLI's flags, the API's schema. */
export const bdmParams: ParamTable = [
  {
    name: 'q',
    type: 'number',
    default: 1,
    min: 0,
    max: 1,
    help: 'probability that the status quo holds when nobody challenges (Scholz: 1 for the EC case; BDM: 0.5)',
    source: `${SCHOLZ}, eqs. 5–7 (Q)`,
  },
  roundsParam(10, `${SCHOLZ}, Appendix algorithm; the replication log ExampleActors.10r.log runs 10`),
  {
    name: 'variant',
    type: 'enum',
    default: 'paper',
    choices: ['paper', 'reference'],
    help: 'paper: the paper’s specification; reference: the jmckib/dmasad replication code’s behaviour (ExampleActors.10r.log)',
    source: `${SCHOLZ}; github.com/jmckib/bdm-scholz-expected-utility-model`,
  },
];

interface Offer {
  kind: OfferKind;
  /** Proposer (local index on the issue) and its position. */
  from: number;
  proposerAt: number;
  to: number;
  /** Receiver's EU of challenging the proposer (a) and the proposer's EU of challenging the receiver (b). */
  euReceiver: number;
  euProposer: number;
  probProposerWins: number;
}

/** One issue's actors, as local arrays. */
interface IssueActors {
  ids: number[];
  x: Float64Array;
  c: Float64Array;
  s: Float64Array;
}

const fmt = (x: number, d = 2): string => (Number.isInteger(x) ? String(x) : x.toFixed(d));

/** Scholz eqs. 15/16/22/23/24: `2 − 4·base^r`. */
function basicUtility(base: number, r: number): number {
  return 2 - 4 * (r === 1 ? Math.max(0, base) : Math.max(0, base) ** r);
}

/**
 * P^i that i beats j (Scholz eqs. 30–31): third parties' capability × salience weighted support,
 * proportional to how much closer each stands to i than to j. Pairwise normalised: P^i + P^j = 1.
 */
export function probabilityOfWinning(act: IssueActors, i: number, j: number): number {
  const { x, c, s } = act;
  let pro = 0;
  let all = 0;
  for (let k = 0; k < x.length; k++) {
    const a = Math.abs(x[k] - x[j]) - Math.abs(x[k] - x[i]);
    const w = c[k] * s[k];
    if (a > 0) pro += w * a;
    all += w * Math.abs(a);
  }
  return all > 0 ? pro / all : 0.5;
}

/**
 * P^i for every pair in O(log N): the support a_k = |x_k − x_j| − |x_k − x_i| is piecewise linear in
 * x_k (constant ±|x_i − x_j| outside [x_i, x_j], x_i + x_j − 2x_k inside), so the sums of eq. 31 are
 * prefix sums of w = c·s and w·x over the sorted positions. Same value as `probabilityOfWinning`
 * up to rounding (property-tested).
 */
export class SupportIndex {
  /** Positions in ascending order (ties in actor order), and the actor order behind them. */
  private xs: Float64Array;
  private order: Int32Array;
  /** Prefix sums: cumW[r] = Σ of the r lowest positions' weights; cumWX likewise of w·x. */
  private cumW: Float64Array;
  private cumWX: Float64Array;
  private n = 0;

  /** `capacity`: the most actors `load` will be given (the arrays are reused across issues and rounds). */
  constructor(act: IssueActors, capacity = act.x.length) {
    this.xs = new Float64Array(capacity);
    this.order = new Int32Array(capacity);
    this.cumW = new Float64Array(capacity + 1);
    this.cumWX = new Float64Array(capacity + 1);
    this.load(act);
  }

  /** Re-index for another set of actors (or their new positions). */
  load(act: IssueActors): this {
    const n = act.x.length;
    if (n > this.xs.length) {
      this.xs = new Float64Array(n);
      this.order = new Int32Array(n);
      this.cumW = new Float64Array(n + 1);
      this.cumWX = new Float64Array(n + 1);
    }
    this.n = n;
    const { x, c, s } = act;
    const { xs, order, cumW, cumWX } = this;
    // Stable insertion sort by position (N is small; ties keep actor order, as a stable sort would).
    for (let i = 0; i < n; i++) {
      const v = x[i];
      let r = i - 1;
      while (r >= 0 && xs[r] > v) {
        xs[r + 1] = xs[r];
        order[r + 1] = order[r];
        r--;
      }
      xs[r + 1] = v;
      order[r + 1] = i;
    }
    cumW[0] = 0;
    cumWX[0] = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r];
      const w = c[i] * s[i];
      cumW[r + 1] = cumW[r] + w;
      cumWX[r + 1] = cumWX[r] + w * x[i];
    }
    return this;
  }

  /** Number of positions < v (strict) or ≤ v. */
  private rank(v: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.xs[mid] < v || (inclusive && this.xs[mid] === v)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** P that the actor at xi beats the one at xj. */
  probability(xi: number, xj: number): number {
    if (xi === xj) return 0.5;
    const lo = Math.min(xi, xj);
    const hi = Math.max(xi, xj);
    const gap = hi - lo;
    const sum = xi + xj;
    const { cumW, cumWX } = this;
    const total = cumW[this.n];
    const rLo = this.rank(lo, true); // x ≤ lo
    const rMid = this.rank(sum / 2, false); // x < mid
    const rHi = this.rank(hi, false); // x < hi
    const wOut = cumW[rLo]; // beyond lo, on lo's side: support for the lower actor, |a| = gap
    const wFar = total - cumW[rHi]; // at or beyond hi: support for the higher actor, |a| = gap
    // Between: |a| = |sum − 2x|, for the lower actor when x < mid.
    const innerLow = sum * (cumW[rMid] - cumW[rLo]) - 2 * (cumWX[rMid] - cumWX[rLo]);
    const innerHigh = 2 * (cumWX[rHi] - cumWX[rMid]) - sum * (cumW[rHi] - cumW[rMid]);
    const forLower = gap * wOut + Math.max(0, innerLow);
    const forHigher = gap * wFar + Math.max(0, innerHigh);
    const all = forLower + forHigher;
    if (!(all > 0)) return 0.5;
    return (xi < xj ? forLower : forHigher) / all;
  }
}

/**
 * The reference code's distance terms `(|x_k − x_a|/R)^{r_k}` for every voter k and position a (N×N),
 * computed once per pass since the votes `c_k s_k(D_kj − D_ki)` only combine them.
 */
function referenceDistances(act: IssueActors, r: Float64Array, range: number): Float64Array {
  const n = act.x.length;
  const d = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let a = 0; a < n; a++) d[k * n + a] = (Math.abs(act.x[k] - act.x[a]) / range) ** r[k];
  return d;
}

/**
 * The reference code's normaliser Σ_k Σ_a Σ_b |vote_k(x_a, x_b)| over all actors and position pairs:
 * per voter, Σ_{a,b} |v_a − v_b| = 2 Σ_i v_(i) (2i − n + 1) over the sorted values.
 */
function referenceNormaliser(act: IssueActors, dist: Float64Array): number {
  const n = act.x.length;
  let total = 0;
  const row = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let a = 0; a < n; a++) row[a] = dist[k * n + a];
    row.sort();
    let pairs = 0;
    for (let i = 0; i < n; i++) pairs += row[i] * (2 * i - n + 1);
    total += act.c[k] * act.s[k] * 2 * pairs;
  }
  return total;
}

interface EuContext {
  act: IssueActors;
  range: number;
  median: number;
  q: number;
  variant: BdmVariant;
  /** Current risk exponents (the voters' r, used by the reference probability). */
  r: Float64Array;
  /** Reference variant: the distance terms and the normaliser for the current r. */
  distances?: Float64Array;
  normaliser: number;
  /** Paper variant: eq. 31 by prefix sums. */
  support?: SupportIndex;
  /**
   * U_sq = 2 − 4·0.5^r for the last r seen: the loops hold r fixed over every j, so this saves
   * a third of the powers (the same value, computed once).
   */
  sqRisk?: number;
  sqUtility?: number;
}

function probability(ctx: EuContext, i: number, j: number): number {
  if (ctx.variant === 'paper') return ctx.support ? ctx.support.probability(ctx.act.x[i], ctx.act.x[j]) : probabilityOfWinning(ctx.act, i, j);
  const { x, c, s } = ctx.act;
  const d = ctx.distances!;
  const n = x.length;
  if (x[i] === x[j] || ctx.normaliser === 0) return 0;
  let pro = 0;
  for (let k = 0; k < n; k++) pro += Math.max(0, c[k] * s[k] * (d[k * n + j] - d[k * n + i]));
  return pro / ctx.normaliser;
}

/**
 * `E^i(U_ij)`: i's expected utility of challenging j (Scholz eqs. 5–7), seen with risk exponent `r`
 * (i's own in the paper; the receiver's in the reference code).
 */
export function expectedUtilityOfChallenge(ctx: EuContext, i: number, j: number, r: number, p = probability(ctx, i, j)): number {
  const { x } = ctx.act;
  const dist = Math.abs(x[i] - x[j]) / ctx.range;
  return euFromUtilities(ctx, i, j, r, p, basicUtility(0.5 - 0.5 * dist, r), basicUtility(0.5 + 0.5 * dist, r));
}

/** `expectedUtilityOfChallenge` once U^i_s and U^i_f (which depend on i, r and x_j alone) are known. */
function euFromUtilities(ctx: EuContext, i: number, j: number, r: number, p: number, success: number, failure: number): number {
  const { x, s } = ctx.act;
  if (ctx.sqRisk !== r) {
    ctx.sqRisk = r;
    ctx.sqUtility = basicUtility(0.5, r);
  }
  const statusQuo = ctx.sqUtility!;
  const challenge = s[j] * (p * success + (1 - p) * failure) + (1 - s[j]) * success;
  if (ctx.variant === 'reference' || ctx.q === 1) return challenge - ctx.q * statusQuo;
  // No challenge: with probability 1−Q, j drifts toward the median, better for i (T = 1) or worse.
  const toMedian = Math.abs(x[i] - ctx.median);
  const better = toMedian < Math.abs(x[i] - x[j]);
  const drift = (toMedian + Math.abs(x[i] - x[j])) / ctx.range;
  const noChallenge = better ? basicUtility(0.5 - 0.25 * drift, r) : basicUtility(0.5 + 0.25 * drift, r);
  return challenge - ctx.q * statusQuo - (1 - ctx.q) * noChallenge;
}

/**
 * Risk exponents from the security levels (Scholz §5, eqs. 33–34): the actors most exposed to
 * profitable challenges become the most risk-acceptant (r up to 2), the safest risk-averse (r ≥ 0.5).
 * Written into `r` (and `security`, scratch), both of length ≥ N.
 */
function riskExponents(ctx: EuContext, prob: Float64Array | undefined, security: Float64Array, r: Float64Array): void {
  const n = ctx.act.x.length;
  for (let i = 0; i < n; i++) {
    security[i] = 0;
    for (let j = 0; j < n; j++) if (j !== i) security[i] += expectedUtilityOfChallenge(ctx, j, i, 1, prob ? prob[j * n + i] : probability(ctx, j, i));
  }
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const v = security[i];
    if (v > max) max = v;
    if (v < min) min = v;
  }
  for (let i = 0; i < n; i++) {
    const basis = max > min ? (2 * security[i] - max - min) / (max - min) : 0;
    r[i] = (1 - basis / 3) / (1 + basis / 3);
  }
}

const offerKinds: OfferKind[] = ['conflict', 'compromise', 'capitulation'];
const NO_OFFER = -1;

/**
 * The offer receiver i gets from proposer j (fig. 6), as its index in `offerKinds` — which is also
 * its rank in the choice (§6.2: conflict before compromise before capitulation) — or NO_OFFER.
 */
function classifyOffer(a: number, b: number, variant: BdmVariant): number {
  if (b > a && a > 0) return 0;
  if (b > 0 && a < 0) {
    if (b > Math.abs(a)) return 1;
    // The reference code's capitulation test (`eu_ji < abs(eu_ji)`) is never true.
    return variant === 'paper' ? 2 : NO_OFFER;
  }
  return NO_OFFER;
}

function explainOffer(o: Offer, receiver: string, proposer: string, from: number, count: number): string {
  const eus = `${receiver}'s expected utility of challenging ${proposer} ${fmt(o.euReceiver, 3)}, ${proposer}'s of challenging ${receiver} ${fmt(o.euProposer, 3)}`;
  const choice = count > 1 ? ` It was the best of ${count} offers ${receiver} received.` : '';
  switch (o.kind) {
    case 'conflict':
      return `${receiver} loses a confrontation to ${proposer}: both expect to gain from a challenge (${eus}), ${proposer} more, so ${receiver} gives in and moves from ${fmt(from)} to ${proposer}'s position ${fmt(o.to)}.${choice}`;
    case 'compromise':
      return `${receiver} compromises with ${proposer}: ${proposer} expects to gain by pressing (${eus}) and ${receiver} expects to lose less than ${proposer} gains, so ${receiver} moves ${(100 * Math.abs(o.euReceiver / o.euProposer)).toFixed(0)}% of the way toward ${proposer}, from ${fmt(from)} to ${fmt(o.to)}.${choice}`;
    case 'capitulation':
      return `${receiver} capitulates to ${proposer}: ${receiver} expects to lose more by resisting than ${proposer} expects to gain (${eus}), so ${receiver} moves from ${fmt(from)} all the way to ${proposer}'s position ${fmt(o.to)}.${choice}`;
  }
}

/** Arrays of one bdm() call, sized for its largest issue and reused by every issue and round. */
interface Scratch {
  w: Float64Array;
  ones: Float64Array;
  security: Float64Array;
  r: Float64Array;
  /** N×N: P^i that i beats j, and (paper) E^i(U_ij). */
  prob: Float64Array;
  eu: Float64Array;
  /** One row of U^i_s and U^i_f by opponent j (the paper's second pass). */
  success: Float64Array;
  failure: Float64Array;
  support: SupportIndex;
}

function scratchFor(n: number): Scratch {
  const none: IssueActors = { ids: [], x: new Float64Array(0), c: new Float64Array(0), s: new Float64Array(0) };
  return {
    w: new Float64Array(n),
    ones: new Float64Array(n).fill(1),
    security: new Float64Array(n),
    r: new Float64Array(n),
    prob: new Float64Array(n * n),
    eu: new Float64Array(n * n),
    success: new Float64Array(n),
    failure: new Float64Array(n),
    support: new SupportIndex(none, n),
  };
}

/** The reference variant's distance terms and normaliser for the risk exponents r. */
function referencePass(ctx: EuContext, r: Float64Array): void {
  ctx.r = r;
  ctx.distances = referenceDistances(ctx.act, r, ctx.range);
  ctx.normaliser = referenceNormaliser(ctx.act, ctx.distances);
}

function fillProbabilities(ctx: EuContext, prob: Float64Array): void {
  const n = ctx.act.x.length;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) prob[i * n + j] = probability(ctx, i, j);
}

/**
 * One round on one issue: writes the new local positions into `next` and returns true, or returns
 * false when nobody can move (fewer than two actors, or all at one point). With `moves` given, the
 * moves are recorded there with their reasons; without, only the numbers are computed (the same).
 */
function roundOnIssue(input: ModelInput, k: number, act: IssueActors, fixedRange: number, q: number, variant: BdmVariant, scratch: Scratch, next: Float64Array, moves: Move[] | null): boolean {
  const n = act.x.length;
  const x = act.x;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = variant === 'reference' ? fixedRange : hi - lo;
  if (n < 2 || !(range > 0) || hi === lo) return false;
  next.set(x);
  // μ enters the EUs only through the (1−Q) term of the paper variant; otherwise it is only reported.
  let median = NaN;
  if ((variant === 'paper' && q !== 1) || moves) {
    const w = scratch.w.subarray(0, n);
    for (let i = 0; i < n; i++) w[i] = act.c[i] * act.s[i];
    median = weightedMedian(x, w);
  }
  const ctx: EuContext = { act, range, median: Number.isNaN(median) ? (lo + hi) / 2 : median, q, variant, r: scratch.ones, normaliser: 0, distances: undefined, support: undefined, sqRisk: NaN, sqUtility: 0 };
  const prob = scratch.prob;
  // The paper's P does not depend on r: one matrix serves both passes; the reference's does.
  if (variant === 'reference') referencePass(ctx, ctx.r);
  else {
    ctx.support = scratch.support.load(act);
    fillProbabilities(ctx, prob);
  }
  const r = scratch.r;
  riskExponents(ctx, variant === 'paper' ? prob : undefined, scratch.security, r);
  ctx.r = r;
  if (variant === 'reference') {
    referencePass(ctx, r);
    fillProbabilities(ctx, prob);
  }

  // Second pass: every ordered dyad's EU with the risk exponents (paper: the challenger's own;
  // reference: the receiver's, so both EUs of a dyad are computed when the receiver is known).
  const eu = scratch.eu;
  if (variant === 'paper') {
    // U_s and U_f (two powers, most of BDM's time) depend on j only through x_j: actors at the same
    // position (frequent once actors adopt each other's positions) share them. Same arithmetic.
    for (let i = 0; i < n; i++) {
      const ri = r[i];
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        let twin = -1;
        for (let t = 0; t < j; t++) {
          if (t !== i && x[t] === x[j]) {
            twin = t;
            break;
          }
        }
        if (twin < 0) {
          const dist = Math.abs(x[i] - x[j]) / range;
          scratch.success[j] = basicUtility(0.5 - 0.5 * dist, ri);
          scratch.failure[j] = basicUtility(0.5 + 0.5 * dist, ri);
        } else {
          scratch.success[j] = scratch.success[twin];
          scratch.failure[j] = scratch.failure[twin];
        }
        eu[i * n + j] = euFromUtilities(ctx, i, j, ri, prob[i * n + j], scratch.success[j], scratch.failure[j]);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    // The offer i accepts (§6.2), chosen as the offers arrive in proposer order: a lower kind wins;
    // within a kind the least move (reference: the lowest EU-weighted midpoint of a compromise);
    // an exact tie goes to the proposer with the higher EU (paper) or stays with the first (reference).
    let count = 0;
    let bestFrom = -1;
    let bestKind = NO_OFFER;
    let bestKey = 0;
    let bestTo = 0;
    let bestA = 0;
    let bestB = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || x[j] === xi) continue;
      const a = variant === 'paper' ? eu[i * n + j] : expectedUtilityOfChallenge(ctx, i, j, r[i], prob[i * n + j]);
      const b = variant === 'paper' ? eu[j * n + i] : expectedUtilityOfChallenge(ctx, j, i, r[i], prob[j * n + i]);
      const kind = classifyOffer(a, b, variant);
      if (kind === NO_OFFER) continue;
      count++;
      const to = kind === 1 ? xi + (x[j] - xi) * Math.abs(a / b) : x[j];
      let key: number;
      if (variant === 'reference' && kind === 1) {
        const wa = Math.abs(a);
        const wb = Math.abs(b);
        key = (wa * xi + wb * x[j]) / (wa + wb);
      } else key = Math.abs(to - xi);
      if (bestFrom >= 0) {
        if (kind > bestKind) continue;
        if (kind === bestKind) {
          const dm = key - bestKey;
          if (!(dm < 0 || (dm === 0 && variant === 'paper' && b > bestB))) continue;
        }
      }
      bestFrom = j;
      bestKind = kind;
      bestKey = key;
      bestTo = to;
      bestA = a;
      bestB = b;
    }
    if (bestFrom < 0) continue;
    next[i] = bestTo;
    if (!moves) continue;
    const best: Offer = { kind: offerKinds[bestKind], from: bestFrom, proposerAt: x[bestFrom], to: bestTo, euReceiver: bestA, euProposer: bestB, probProposerWins: prob[bestFrom * n + i] };
    const receiver = input.actors[act.ids[i]];
    const proposer = input.actors[act.ids[bestFrom]];
    moves.push({
      actor: act.ids[i],
      issue: k,
      from: xi,
      to: bestTo,
      why: explainOffer(best, receiver, proposer, xi, count),
      detail: {
        offer: best.kind,
        challenger: proposer,
        euOfChallenging: best.euReceiver,
        euOfChallenger: best.euProposer,
        probabilityChallengerWins: best.probProposerWins,
        riskExponent: r[i],
        offers: count,
        median: ctx.median,
      },
    });
  }
  return true;
}

/** The round's forecast on issue k (the weighted median μ) and the weighted mean beside it (Scholz Table 2). */
function issueForecast(input: ModelInput, k: number, act: IssueActors, w: Float64Array): { median: number; mean: number } {
  const { x, c, s } = act;
  let num = 0;
  let den = 0;
  const wk = w.subarray(0, x.length);
  for (let i = 0; i < x.length; i++) {
    wk[i] = c[i] * s[i];
    num += wk[i] * x[i];
    den += wk[i];
  }
  const med = weightedMedian(x, wk);
  return { median: Number.isNaN(med) ? fallbackOutcome(input, k) : med, mean: den > 0 ? num / den : fallbackOutcome(input, k) };
}

export function bdm(input: ModelInput, params: BdmParams = {}): EngineResult {
  // Defaults and range checks from the table (ParamError, a RangeError, names the parameter).
  const { q, rounds, variant } = readParams(bdmParams, params, 'bdm') as { q: number; rounds: number; variant: BdmVariant };
  const explain = params.explain !== false;
  const n = input.actors.length;
  const m = input.issues.length;
  const position = Float64Array.from(input.position);

  // The actors taking part in each issue (salience > 0), and the initial range (reference variant).
  const issueActors: IssueActors[] = [];
  const spare: Float64Array[] = [];
  const initialRange = new Float64Array(m);
  let most = 0;
  for (let k = 0; k < m; k++) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) if (input.salience[i * m + k] > 0) ids.push(i);
    const x = new Float64Array(ids.length);
    const c = new Float64Array(ids.length);
    const s = new Float64Array(ids.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (let l = 0; l < ids.length; l++) {
      const slot = ids[l] * m + k;
      x[l] = position[slot];
      c[l] = input.capability[slot];
      s[l] = input.salience[slot];
      hi = Math.max(hi, x[l]);
      lo = Math.min(lo, x[l]);
    }
    issueActors.push({ ids, x, c, s });
    spare.push(new Float64Array(ids.length));
    initialRange[k] = ids.length ? hi - lo : 0;
    most = Math.max(most, ids.length);
  }
  const scratch = scratchFor(most);

  const summarize = (moves: Move[]): Round => {
    const median: number[] = new Array(m);
    const mean: number[] = new Array(m);
    for (let k = 0; k < m; k++) ({ median: median[k], mean: mean[k] } = issueForecast(input, k, issueActors[k], scratch.w));
    return { positions: positionsOf(input, position), outcome: median.slice(), moves, median, mean };
  };

  // Without explanations (Monte Carlo) no round is recorded: only the last round's forecast is computed.
  const history: Round[] = explain ? [summarize([])] : [];
  for (let t = 1; t <= rounds; t++) {
    const moves: Move[] | null = explain ? [] : null;
    for (let k = 0; k < m; k++) {
      const act = issueActors[k];
      const next = spare[k];
      if (!roundOnIssue(input, k, act, initialRange[k], q, variant, scratch, next, moves)) continue;
      spare[k] = act.x;
      act.x = next;
      if (explain) for (let l = 0; l < act.ids.length; l++) position[act.ids[l] * m + k] = next[l];
    }
    if (moves) {
      moves.sort((a, b) => a.actor - b.actor || a.issue - b.issue);
      history.push(summarize(moves));
    }
  }
  let outcome: number[];
  if (explain) outcome = history[history.length - 1].outcome.slice();
  else {
    outcome = new Array(m);
    for (let k = 0; k < m; k++) outcome[k] = issueForecast(input, k, issueActors[k], scratch.w).median;
  }
  return { model: 'bdm', outcome, rounds: history, params: { q, rounds, variant } };
}
