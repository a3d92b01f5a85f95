/**
 * The numeric kernel of KTAB's spatial model of politics (SMP): votes, victory probabilities,
 * probabilistic Condorcet elections (PCE), risk attitudes, challenge evaluation and bargain
 * interpolation. Pure functions over typed arrays, shared by the engine (smp.ts) and its worker
 * threads (smp-worker.ts), so that a computation gives the same bits whichever thread runs it.
 *
 * Every formula follows KTAB (github.com/KAPSARC/KTAB, MIT): `kmodel.cpp` (Model::vote, vProb,
 * coalitions, condPCE, markovUniformPCE, markovIncentivePCE, bigRfromProb, estNRA,
 * Actor::vProbLittle, thirdPartyVoteSU) and `smp.cpp`/`smpbcn.cpp` (bvDiff, bsUtil,
 * probEduChlg, interpBrgnSnPm, interpBrgnS2PMax), as summarised in specs/models.md §1.2.
 * All positions here are on KTAB's internal 0–1 scale; saliences are shares (Σ_k s_ik ≤ 1).
 */

/** KTAB's VotingRule, in its enum order. */
export const VOTING_RULES = ['Binary', 'PropBin', 'Proportional', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
/** KTAB's VPModel (victory probability model). */
export const VICTORY_PROB_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
/** KTAB's PCEModel. */
export const PCE_MODELS = ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const;
/** KTAB's ThirdPartyCommit. */
export const THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
/** KTAB's BigRRange: the range of inferred risk attitudes. */
export const BIG_R_RANGES = ['Min', 'Mid', 'Max'] as const;
/** KTAB's BigRAdjust: how much of another actor's risk attitude an actor perceives. */
export const BIG_R_ADJUSTS = ['Full', 'TwoThirds', 'Half', 'OneThird', 'No'] as const;
/** KTAB's InterVecBrgn: how a bargain interpolates between the two positions. */
export const INTER_VEC_BARGAINS = ['S1P1', 'S2P2', 'S2PMax'] as const;
/** KTAB's SMPBargnModel: whose interpolation(s) go into the queues. */
export const BARGAIN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;
export const STATE_TRANSITIONS = ['Deterministic', 'Stochastic'] as const;

// Numeric codes used inside the hot loops (indices into the arrays above).
export const VR_BINARY = 0, VR_PROPBIN = 1, VR_PROP = 2, VR_PROPCBC = 3, VR_CUBIC = 4, VR_ASYMPROSP = 5;
export const VPM_LINEAR = 0, VPM_SQUARE = 1, VPM_QUARTIC = 2, VPM_OCTIC = 3, VPM_BINARY = 4;
export const PCE_CONDITIONAL = 0, PCE_MARKOV_INCENTIVE = 1, PCE_MARKOV_UNIFORM = 2;
export const TPC_NO = 0, TPC_SEMI = 1, TPC_FULL = 2;

/** Smallest coalition strength in Model::coalitions (avoids 0/0 in victory probabilities). */
export const MIN_COALITION = 1e-8;
/** Smallest coalition strength in SMPState::probEduChlg. */
export const MIN_CHALLENGE_COALITION = 1e-10;

/**
 * Model::vote: actor with weight w votes for option a over b given its utilities ua, ub.
 * Prop `w·Δu`; Binary `w·clip(Δu/1e-8, ±1)`; PropBin `w(0.8Δu + 0.2·bin)`; PropCbc `w(Δu + Δu³)/2`;
 * Cubic `wΔu³`; ASymProsp: losses count fully, gains by two thirds. KTAB throws on w ≤ 0; here an
 * actor without weight simply casts no vote.
 */
export function vote(rule: number, w: number, ua: number, ub: number): number {
  if (w <= 0) return 0;
  const du = ua - ub;
  switch (rule) {
    case VR_PROP:
      return w * du;
    case VR_BINARY:
    case VR_PROPBIN: {
      let bin = du / 1e-8;
      if (bin > 1) bin = 1;
      if (bin < -1) bin = -1;
      return rule === VR_BINARY ? w * bin : w * ((1 - 0.2) * du + 0.2 * bin);
    }
    case VR_PROPCBC:
      return w * ((1 - 0.5) * du + 0.5 * du * du * du);
    case VR_CUBIC:
      return w * (du * du * du);
    case VR_ASYMPROSP:
      if (du < 0) return w * du;
      if (du > 0) return (2 * w * du) / 3;
      return 0;
    default:
      throw new RangeError(`unknown voting rule ${rule}`);
  }
}

/** Model::vProb: probability that the side with coalition strength s1 beats the side with s2. */
export function victoryProbability(vpm: number, s1: number, s2: number): number {
  return victoryPair(vpm, s1, s2)[0];
}

/** Model::vProb: both probabilities, `[x1/(x1+x2), x2/(x1+x2)]`, computed as KTAB does. */
export function victoryPair(vpm: number, s1: number, s2: number): [number, number] {
  let x1: number;
  let x2: number;
  switch (vpm) {
    case VPM_LINEAR:
      x1 = s1;
      x2 = s2;
      break;
    case VPM_SQUARE:
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case VPM_QUARTIC:
      x1 = s1 * s1 * (s1 * s1);
      x2 = s2 * s2 * (s2 * s2);
      break;
    case VPM_OCTIC: {
      const q1 = s1 * s1 * (s1 * s1);
      const q2 = s2 * s2 * (s2 * s2);
      x1 = q1 * q1;
      x2 = q2 * q2;
      break;
    }
    case VPM_BINARY: {
      // A 10% advantage either way wins outright; a linear ramp inside the band avoids jumps.
      const thresh = 1.1;
      if (s1 >= thresh * s2) {
        x1 = 1;
        x2 = 1e-6;
      } else if (s2 >= thresh * s1) {
        x1 = 1e-6;
        x2 = 1;
      } else {
        const r12 = s1 / (s1 + s2);
        const p12 = (r12 * (thresh + 1) - 1) / (thresh - 1);
        x1 = p12;
        x2 = 1 - p12;
      }
      break;
    }
    default:
      throw new RangeError(`unknown victory probability model ${vpm}`);
  }
  return [x1 / (x1 + x2), x2 / (x1 + x2)];
}

/** SMPModel::bsUtil: utility of a salience-weighted distance d ∈ [0,1] for risk attitude R. */
export function riskUtility(d: number, r: number): number {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

/**
 * SMPModel::bvDiff: `sqrt(Σ_k s_k² (a_k − b_k)² / Σ_k s_k²)`, the distance from a (an ideal) to b
 * as the owner of saliences s sees it. An actor with no salience at all sees no difference (KTAB
 * asserts instead).
 */
export function salienceDistance(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, s: ArrayLike<number>, so: number, m: number): number {
  let dsSqr = 0;
  let ssSqr = 0;
  for (let k = 0; k < m; k++) {
    const sk = s[so + k];
    const ds = (a[ao + k] - b[bo + k]) * sk;
    dsSqr += ds * ds;
    ssSqr += sk * sk;
  }
  return ssSqr > 0 ? Math.sqrt(dsSqr / ssSqr) : 0;
}

/** Model::bigRfromProb: risk attitudes from the risk-neutral PCE probabilities of each position. */
export function riskAttitudes(p: Float64Array, range: number): Float64Array {
  let pMin = 1;
  let pMax = 0;
  for (const pi of p) {
    if (pi < pMin) pMin = pi;
    if (pi > pMax) pMax = pi;
  }
  const r = new Float64Array(p.length);
  // All positions equally likely (e.g. everyone agrees): KTAB divides by zero; everyone is neutral.
  if (!(pMax - pMin > 0)) return r;
  for (let i = 0; i < p.length; i++) {
    if (range === 0) r[i] = (p[i] - pMin) / (pMax - pMin);
    else if (range === 1) r[i] = (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
    else r[i] = (2 * p[i] - (pMax + pMin)) / (pMax - pMin);
  }
  return r;
}

/**
 * Model::estNRA: h's estimate of i's risk attitude is `α·R_h + β·R_i`; returns [α, β] for the
 * BigRAdjust index (Full, TwoThirds, Half, OneThird, No).
 */
export function riskAdjustWeights(adjust: number): [number, number] {
  switch (adjust) {
    case 0:
      return [0, 1];
    case 1:
      return [1 / 3, 2 / 3];
    case 2:
      return [1 / 2, 1 / 2];
    case 3:
      return [2 / 3, 1 / 3];
    case 4:
      return [1, 0];
    default:
      throw new RangeError(`unknown BigRAdjust ${adjust}`);
  }
}

/** Model::estNRA with KTAB's own arithmetic (used where exact agreement matters more than speed). */
export function perceivedRisk(adjust: number, rh: number, ri: number): number {
  switch (adjust) {
    case 0:
      return ri;
    case 1:
      return (rh + 2 * ri) / 3;
    case 2:
      return (rh + ri) / 2;
    case 3:
      return (2 * rh + ri) / 3;
    default:
      return rh;
  }
}

/**
 * Coalition strengths for a PCE (Model::coalitions): `c(a,b) = 1e-8 + Σ_k max(0, v_k(a:b))` over
 * options a ≠ b, with `c(a,a) = 1e-8`. `util` is option-major: `util[a * nVoters + k]` is voter k's
 * utility for option a (so each pair reads two contiguous rows).
 */
export function coalitionStrengths(nVoters: number, nOpt: number, weight: ArrayLike<number>, util: Float64Array, rule: number): Float64Array {
  const c = new Float64Array(nOpt * nOpt);
  coalitionRows(nVoters, nOpt, weight, util, rule, c, 0, nOpt);
  return c;
}

/**
 * Rows [from, to) of coalitionStrengths: for each option a in range, the pairs (a, b < a), both
 * directions, and the diagonal. Rows write disjoint cells, so threads can share the work.
 */
export function coalitionRows(nVoters: number, nOpt: number, weight: ArrayLike<number>, util: ArrayLike<number>, rule: number, c: Float64Array, from: number, to: number): void {
  for (let a = from; a < to; a++) {
    const ao = a * nVoters;
    let b = 0;
    if (rule === VR_PROP) {
      // Four pairs (a, b..b+3) per pass over the voters: each pair keeps its own two running sums,
      // added in the same voter order as the one-pair loop below (so the same bits), but the eight
      // independent addition chains keep the CPU busy where one pair's two chains wait on each
      // add's latency, and row a is read once for four pairs.
      for (; b + 3 < a; b += 4) {
        const o0 = b * nVoters;
        const o1 = o0 + nVoters;
        const o2 = o1 + nVoters;
        const o3 = o2 + nVoters;
        let c0 = MIN_COALITION, d0 = MIN_COALITION, c1 = MIN_COALITION, d1 = MIN_COALITION;
        let c2 = MIN_COALITION, d2 = MIN_COALITION, c3 = MIN_COALITION, d3 = MIN_COALITION;
        for (let k = 0; k < nVoters; k++) {
          const w = weight[k];
          const ua = util[ao + k];
          const v0 = w * (ua - util[o0 + k]);
          const v1 = w * (ua - util[o1 + k]);
          const v2 = w * (ua - util[o2 + k]);
          const v3 = w * (ua - util[o3 + k]);
          const a0 = Math.abs(v0);
          const a1 = Math.abs(v1);
          const a2 = Math.abs(v2);
          const a3 = Math.abs(v3);
          c0 += 0.5 * (v0 + a0);
          d0 += 0.5 * (a0 - v0);
          c1 += 0.5 * (v1 + a1);
          d1 += 0.5 * (a1 - v1);
          c2 += 0.5 * (v2 + a2);
          d2 += 0.5 * (a2 - v2);
          c3 += 0.5 * (v3 + a3);
          d3 += 0.5 * (a3 - v3);
        }
        c[a * nOpt + b] = c0;
        c[b * nOpt + a] = d0;
        c[a * nOpt + b + 1] = c1;
        c[(b + 1) * nOpt + a] = d1;
        c[a * nOpt + b + 2] = c2;
        c[(b + 2) * nOpt + a] = d2;
        c[a * nOpt + b + 3] = c3;
        c[(b + 3) * nOpt + a] = d3;
      }
    }
    for (; b < a; b++) {
      const bo = b * nVoters;
      let cab = MIN_COALITION;
      let cba = MIN_COALITION;
      if (rule === VR_PROP) {
        // Branch-free: (v + |v|)/2 and (|v| − v)/2 are exactly max(0, v) and max(0, −v), and
        // adding the other side's exact 0 changes nothing, so the sums are KTAB's bit for bit.
        for (let k = 0; k < nVoters; k++) {
          const v = weight[k] * (util[ao + k] - util[bo + k]);
          const av = Math.abs(v);
          cab += 0.5 * (v + av);
          cba += 0.5 * (av - v);
        }
      } else {
        for (let k = 0; k < nVoters; k++) {
          const v = vote(rule, weight[k], util[ao + k], util[bo + k]);
          if (v > 0) cab += v;
          if (v < 0) cba -= v;
        }
      }
      c[a * nOpt + b] = cab;
      c[b * nOpt + a] = cba;
    }
    c[a * nOpt + a] = MIN_COALITION;
  }
}

/** Model::vProb over a coalition matrix: `pv(a,b)` = probability that a beats b; `pv(a,a) = 0.5`. */
export function victoryMatrix(c: Float64Array, nOpt: number, vpm: number): Float64Array {
  const pv = new Float64Array(nOpt * nOpt);
  for (let a = 0; a < nOpt; a++) {
    for (let b = 0; b < a; b++) {
      const [pab, pba] = victoryPair(vpm, c[a * nOpt + b], c[b * nOpt + a]);
      pv[a * nOpt + b] = pab;
      pv[b * nOpt + a] = pba;
    }
    pv[a * nOpt + a] = 0.5;
  }
  return pv;
}

/** Model::condPCE: `p_a ∝ Π_b P(a > b)` (the probability that a beats every alternative). */
export function conditionalPce(pv: Float64Array, nOpt: number): Float64Array {
  const p = new Float64Array(nOpt);
  let total = 0;
  for (let a = 0; a < nOpt; a++) {
    let pa = 1;
    for (let b = 0; b < nOpt; b++) pa *= pv[a * nOpt + b];
    p[a] = pa;
    total += pa;
  }
  for (let a = 0; a < nOpt; a++) p[a] /= total;
  return p;
}

/**
 * The Markov PCE iteration both KTAB variants share: from the uniform distribution, compute the
 * chain's next distribution `q` (`nextOf(a, p)` per option), then `p ← (p+q)/2`, until
 * max|q−p| ≤ `tolerance` (at most 1,000 steps).
 */
function markovFixedPoint(nOpt: number, tolerance: number, nextOf: (a: number, p: Float64Array) => number): Float64Array {
  let p = new Float64Array(nOpt).fill(1 / nOpt);
  const q = new Float64Array(nOpt);
  for (let iter = 0; iter < 1000; iter++) {
    let change = 0;
    for (let a = 0; a < nOpt; a++) {
      q[a] = nextOf(a, p);
      const c = Math.abs(q[a] - p[a]);
      if (c > change) change = c;
    }
    const next = new Float64Array(nOpt);
    for (let a = 0; a < nOpt; a++) next[a] = (p[a] + q[a]) / 2;
    p = next;
    if (!(tolerance < change)) break;
  }
  return p;
}

/** Model::markovUniformPCE: `q_a = (1/n)Σ_b P(a>b)(p_a+p_b)`, `p ← (p+q)/2` until max|q−p| ≤ 1e-6. */
export function markovUniformPce(pv: Float64Array, nOpt: number): Float64Array {
  return markovFixedPoint(nOpt, 1e-6, (a, p) => {
    let s = 0;
    for (let b = 0; b < nOpt; b++) s += pv[a * nOpt + b] * (p[a] + p[b]);
    return s / nOpt;
  });
}

/**
 * Model::markovIncentivePCE: challenges of the favourite b by a occur with probability proportional
 * to the incentive `c(a,b)·P(a>b)` (plus 1e-10 for b itself); iterate the Markov chain
 * (`p ← (p+q)/2`) until max|q−p| ≤ 1e-8.
 */
export function markovIncentivePce(c: Float64Array, pv: Float64Array, nOpt: number): Float64Array {
  const chlg = new Float64Array(nOpt * nOpt);
  for (let b = 0; b < nOpt; b++) {
    let sum = 0;
    for (let a = 0; a < nOpt; a++) sum += c[a * nOpt + b] * pv[a * nOpt + b] + (a === b ? 1e-10 : 0);
    for (let a = 0; a < nOpt; a++) chlg[a * nOpt + b] = (c[a * nOpt + b] * pv[a * nOpt + b] + (a === b ? 1e-10 : 0)) / sum;
  }
  return markovFixedPoint(nOpt, 1e-8, (a, p) => {
    let s = 0;
    // ct(a,b) = p_a·P[b challenges a]; ct(b,a) = p_b·P[a challenges b]
    for (let b = 0; b < nOpt; b++) s += pv[a * nOpt + b] * (p[a] * chlg[b * nOpt + a] + p[b] * chlg[a * nOpt + b]);
    return s;
  });
}

/** Model::probCE2: option probabilities from coalition strengths under the chosen PCE model. */
export function pceFromCoalitions(c: Float64Array, nOpt: number, vpm: number, pcem: number): Float64Array {
  const pv = victoryMatrix(c, nOpt, vpm);
  if (pcem === PCE_CONDITIONAL) return conditionalPce(pv, nOpt);
  if (pcem === PCE_MARKOV_UNIFORM) return markovUniformPce(pv, nOpt);
  return markovIncentivePce(c, pv, nOpt);
}

/** Model::scalarPCE: voters with weights and utilities over options → option probabilities. */
export function scalarPce(nVoters: number, nOpt: number, weight: ArrayLike<number>, util: Float64Array, rule: number, vpm: number, pcem: number): Float64Array {
  return pceFromCoalitions(coalitionStrengths(nVoters, nOpt, weight, util, rule), nOpt, vpm, pcem);
}

/**
 * Expand a coalition matrix over distinct options to all options, where `group[a]` names the
 * distinct option that option a duplicates exactly. Identical positions get identical utility
 * columns, so this gives the very numbers a full computation would, at a fraction of the cost.
 */
export function expandCoalitions(cg: Float64Array, nGroups: number, group: Int32Array): Float64Array {
  const n = group.length;
  const c = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const ga = group[a];
    for (let b = 0; b < n; b++) {
      const gb = group[b];
      c[a * n + b] = ga === gb ? MIN_COALITION : cg[ga * nGroups + gb];
    }
  }
  return c;
}

/**
 * Actor::vProbLittle then Actor::thirdPartyVoteSU: third party n's vote in the contest i:j.
 * n first imagines the little contest of i, j and itself (`π = (C_i + v⁺)/(C_i + v⁺ + C_j + v⁻)`),
 * then compares joining i with joining j; SemiCommit values joining i as `π(2u_ni + u_nn) + (1−π)3u_nj`
 * and joining j as `π·3u_ni + (1−π)(2u_nj + u_nn)` (FullCommit: all u_ni or u_nj; NoCommit: the
 * third term always u_nn).
 */
export function thirdPartyVote(rule: number, commit: number, wn: number, uni: number, unj: number, unn: number, ci: number, cj: number): number {
  const v0 = vote(rule, wn, uni, unj);
  const cni = v0 > 0 ? ci + v0 : ci;
  const cnj = v0 < 0 ? cj - v0 : cj;
  const pin = cni / (cni + cnj);
  const pjn = 1 - pin;
  let ikDefJ: number, jDefIk: number, iDefJk: number, jkDefI: number;
  if (commit === TPC_SEMI) {
    ikDefJ = uni + uni + unn;
    jDefIk = unj + unj + unj;
    iDefJk = uni + uni + uni;
    jkDefI = unj + unj + unn;
  } else if (commit === TPC_FULL) {
    ikDefJ = uni + uni + uni;
    jDefIk = unj + unj + unj;
    iDefJk = uni + uni + uni;
    jkDefI = unj + unj + unj;
  } else {
    ikDefJ = uni + uni + unn;
    jDefIk = unj + unj + unn;
    iDefJk = uni + uni + unn;
    jkDefI = unj + unj + unn;
  }
  const joinI = pin * ikDefJ + pjn * jDefIk;
  const joinJ = pin * iDefJk + pjn * jkDefI;
  return vote(rule, wn, joinI, joinJ);
}

/** Result of evaluating one challenge: probability that i wins and the expected gain to k. */
export interface ChallengeValue {
  probability: number;
  gain: number;
}

/**
 * SMPState::probEduChlg(h, k, i, j): h's estimate of the probability that i beats j and of the
 * expected change in utility to k if i challenges j rather than leaving things as they are.
 * `u(a, b)` is h's estimate of a's utility for b's position; `weight[a] = S_a·c_a`; `totalSalience[j] = S_j`.
 * `EU_chlg = (1−S_j)·2u_ki + S_j·[P·2u_ki + (1−P)·2u_kj]`, gain = `EU_chlg − (u_ki + u_kj)`.
 */
export function evaluateChallenge(
  n: number,
  u: (a: number, b: number) => number,
  weight: ArrayLike<number>,
  totalSalience: ArrayLike<number>,
  k: number,
  i: number,
  j: number,
  rule: number,
  commit: number,
): ChallengeValue {
  const uii = u(i, i);
  const uij = u(i, j);
  const uji = u(j, i);
  const ujj = u(j, j);
  const contribI = vote(rule, weight[i], uii, uij);
  const contribJ = vote(rule, weight[j], uji, ujj);
  let chij = MIN_CHALLENGE_COALITION;
  let chji = MIN_CHALLENGE_COALITION;
  if (contribI > 0) chij += contribI;
  if (contribI < 0) chji -= contribI;
  if (contribJ > 0) chij += contribJ;
  if (contribJ < 0) chji -= contribJ;
  const ci = chij;
  const cj = chji;
  for (let t = 0; t < n; t++) {
    if (t === i || t === j) continue;
    const v = thirdPartyVote(rule, commit, weight[t], u(t, i), u(t, j), u(t, t), ci, cj);
    if (v > 0) chij += v;
    if (v < 0) chji -= v;
  }
  return challengeOutcome(chij, chji, u(k, i), u(k, j), totalSalience[j]);
}

/** The last lines of probEduChlg: from the two coalitions to (P, expected gain). */
export function challengeOutcome(chij: number, chji: number, uki: number, ukj: number, sj: number): ChallengeValue {
  const phij = chij / (chij + chji);
  const phji = chji / (chij + chji);
  const euSq = uki + ukj;
  const euVict = uki + uki;
  const euCntst = phij * (uki + uki) + phji * (ukj + ukj);
  const euChlg = (1 - sj) * euVict + sj * euCntst;
  return { probability: phij, gain: euChlg - euSq };
}

/** KTAB's round4: round half up to 4 decimals (bargains avoid spurious precision and asymmetry). */
export function round4(x: number): number {
  return Math.trunc(0.5 + x * 10000) / 10000;
}

/**
 * SMPActor::interpolateBrgn on one dimension: the positions i and j are each asked to adopt.
 * S1P1/S2P2 (interpBrgnSnPm): weights `w_i = s_ik^n·P_i^m`, `w_j = s_jk^n·P_j^m`, with a 1e-6 guard
 * on the proposer's own side so that 0/0 leaves each actor where it is; rounded to 4 decimals.
 * S2PMax: only the less likely side moves, toward the other by `d·s_other²/(d·s_other² + 1e-6 + (1−d)s_own²)`.
 */
export function interpolateBargain(mode: number, ti: number, si: number, pi: number, tj: number, sj: number, pj: number): [number, number] {
  if (mode === 2) {
    const di = pj > pi ? pj - pi : 0;
    const dj = pi > pj ? pi - pj : 0;
    const si2 = si * si;
    const sj2 = sj * sj;
    const dik = (di * sj2) / (di * sj2 + 1e-6 + (1 - di) * si2);
    const djk = (dj * si2) / (dj * si2 + 1e-6 + (1 - dj) * sj2);
    return [ti + dik * (tj - ti), tj + djk * (ti - tj)];
  }
  const e = mode === 0 ? 1 : 2;
  const wi = Math.pow(si, e) * Math.pow(pi, e);
  const wj = Math.pow(sj, e) * Math.pow(pj, e);
  const minW = 1e-6;
  const bi = round4(((wi + minW) * ti + wj * tj) / (wi + minW + wj));
  const bj = round4((wi * ti + (minW + wj) * tj) / (wi + minW + wj));
  return [bi, bj];
}

/**
 * Coalition strengths for proportional voting over points on ONE dimension, in O(G² log N) instead
 * of O(G² N). On a line every voter's distance to an option is |y_k − x_a| (salience cancels) and
 * utility `U_k(d) = (1−d)(1+d r_k) = 1 + (r_k−1)d − r_k d²` falls with distance for any r ∈ [−1, 1],
 * so a voter supports the nearer option: `c(a,b) = 1e-8 + Σ_{k nearer a} w_k (U_k(d_ka) − U_k(d_kb))`.
 * Between the breakpoints (x_a, the midpoint, x_b) both distances are linear in y_k, so each sum is
 * a combination of prefix sums of w, w(r−1), w(r−1)y, wr, wry, wry² over the voters sorted by y.
 * Same values as coalitionStrengths up to rounding (≈1e-13 absolute).
 *
 * `voterPos`, `weight`, `risk`: per voter (weight 0 for voters who take no part); `optPos`: per option.
 */
export function coalitionStrengthsOnLine(voterPos: ArrayLike<number>, weight: ArrayLike<number>, risk: ArrayLike<number> | undefined, optPos: ArrayLike<number>): Float64Array {
  const nv = voterPos.length;
  const nOpt = optPos.length;
  const order = Array.from({ length: nv }, (_, k) => k).sort((p, q) => voterPos[p] - voterPos[q] || p - q);
  const y = new Float64Array(nv);
  // prefix sums, index t = sum over the first t sorted voters
  const W = new Float64Array(nv + 1), A = new Float64Array(nv + 1), B = new Float64Array(nv + 1);
  const C = new Float64Array(nv + 1), D = new Float64Array(nv + 1), E = new Float64Array(nv + 1);
  for (let t = 0; t < nv; t++) {
    const k = order[t];
    const yk = voterPos[k];
    const w = weight[k];
    const r = risk ? risk[k] : 0;
    y[t] = yk;
    W[t + 1] = W[t] + w;
    A[t + 1] = A[t] + w * (r - 1);
    B[t + 1] = B[t] + w * (r - 1) * yk;
    C[t + 1] = C[t] + w * r;
    D[t + 1] = D[t] + w * r * yk;
    E[t + 1] = E[t] + w * r * yk * yk;
  }
  // First sorted index with y ≥ v (strict = false) or y > v (strict = true).
  const bound = (v: number, strict: boolean): number => {
    let lo = 0;
    let hi = nv;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? y[mid] <= v : y[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Σ over sorted voters [lo, hi) of w·U(α + βy).
  const sumU = (lo: number, hi: number, alpha: number, beta: number): number => {
    if (hi <= lo) return 0;
    const w = W[hi] - W[lo];
    const a = A[hi] - A[lo];
    const b = B[hi] - B[lo];
    const c = C[hi] - C[lo];
    const d = D[hi] - D[lo];
    const e = E[hi] - E[lo];
    // w·U = w + w(r−1)(α+βy) − w r (α+βy)², with β² = 1
    return w + alpha * a + beta * b - (alpha * alpha * c + 2 * alpha * beta * d + e);
  };
  // Support of the voters in sorted range [lo, hi) for option at p over option at q (both distances linear there).
  const support = (lo: number, hi: number, p: number, q: number): number => {
    if (hi <= lo) return 0;
    // within the range, y − p and y − q keep their signs: take them from the range's first voter
    const yp = y[lo];
    const sp = yp >= p ? 1 : -1;
    const sq = yp >= q ? 1 : -1;
    return sumU(lo, hi, -sp * p, sp) - sumU(lo, hi, -sq * q, sq);
  };
  // Each option's own breakpoints once (first voter at or right of it, first voter right of it),
  // rather than two binary searches per pair: the same indices, so the same sums.
  const atOrRight = new Int32Array(nOpt);
  const rightOf = new Int32Array(nOpt);
  for (let a = 0; a < nOpt; a++) {
    atOrRight[a] = bound(optPos[a], false);
    rightOf[a] = bound(optPos[a], true);
  }
  // Pairs visited by position: for the option a, its partners b from the leftmost up, so that the
  // midpoint only moves right and its voter index is found by a forward walk (O(N) per option)
  // instead of a binary search per pair. Every pair is still computed once by the same formulas.
  const byPosition = Array.from({ length: nOpt }, (_, a) => a).sort((p, q) => optPos[p] - optPos[q] || p - q);
  const c = new Float64Array(nOpt * nOpt);
  for (let pa = 0; pa < nOpt; pa++) {
    const a = byPosition[pa];
    const right = optPos[a];
    let iMidLo = 0;
    for (let pb = 0; pb < pa; pb++) {
      const b = byPosition[pb];
      const left = optPos[b];
      let cab = MIN_COALITION;
      let cba = MIN_COALITION;
      if (left !== right) {
        const mid = (left + right) / 2;
        // voters strictly left of mid prefer the left option b; split at b's position and at a's.
        while (iMidLo < nv && y[iMidLo] < mid) iMidLo++;
        // first voter right of mid: step over the voters exactly at mid (usually none)
        let iMidHi = iMidLo;
        while (iMidHi < nv && y[iMidHi] <= mid) iMidHi++;
        const iLeft = atOrRight[b];
        const iRight = rightOf[a];
        const forLeft = support(0, iLeft, left, right) + support(iLeft, iMidLo, left, right);
        const forRight = support(iMidHi, iRight, right, left) + support(iRight, nv, right, left);
        cab += forRight;
        cba += forLeft;
      }
      c[a * nOpt + b] = cab;
      c[b * nOpt + a] = cba;
    }
    c[a * nOpt + a] = MIN_COALITION;
  }
  return c;
}
