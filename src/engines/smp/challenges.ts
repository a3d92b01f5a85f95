/**
 * The hot loop of SMP: every actor i evaluates a challenge against every other actor j, each
 * evaluation weighing every third party n (SMPState::bestChallengeUtils + bestChallenge), O(N³) per
 * turn. Written over flat typed arrays so the same function runs on the main thread or in a worker
 * over SharedArrayBuffers, with identical arithmetic whatever thread evaluates which actor.
 *
 * Precomputation (why it is fast): h's estimate of a's utility for b's position is
 * `U(d_ab; α R_h + β R_a) = (1−d_ab)(1 + d_ab β R_a) + α R_h · (1−d_ab) d_ab` (BigRAdjust: α, β), so
 * two N×N matrices per turn (`base`, `slope`, stored column-major: `base[b*N + a]`) give every
 * perspective's utility with one multiply-add, instead of KTAB's N utility matrices per turn.
 */
import { MIN_CHALLENGE_COALITION, TPC_SEMI, VR_PROP, challengeOutcome, thirdPartyVote, vote } from './kernel.ts';

export interface ChallengeTurn {
  n: number;
  /** `base[b*n + a] = (1−d_ab)(1 + d_ab·β·R_a)`. */
  base: Float64Array;
  /** `slope[b*n + a] = (1−d_ab)·d_ab`. */
  slope: Float64Array;
  /** `alphaRisk[h] = α·R_h`. */
  alphaRisk: Float64Array;
  /** `weight[a] = S_a · c_a` (total salience × capability). */
  weight: Float64Array;
  /** `totalSalience[a] = S_a`. */
  totalSalience: Float64Array;
  rule: number;
  commit: number;
}

/** Smallest expected gain worth a challenge (SMPState::bestChallenge, minSigEDU). */
export const MIN_SIGNIFICANT_GAIN = 1e-5;

/**
 * For actors i in [from, to): the best target j (or −1), i's probability of beating it and the
 * expected gain, written to `target[i]`, `probability[i]`, `gain[i]`. Ties go to the lowest j, as in
 * KTAB (strictly greater gain replaces the best).
 */
export function bestChallenges(t: ChallengeTurn, from: number, to: number, target: Int32Array, probability: Float64Array, gain: Float64Array): void {
  const { n, base, slope, alphaRisk, weight, totalSalience, rule, commit } = t;
  const uI = new Float64Array(n);
  const uJ = new Float64Array(n);
  const fast = rule === VR_PROP && commit === TPC_SEMI;
  for (let i = from; i < to; i++) {
    const r = alphaRisk[i];
    const io = i * n;
    for (let a = 0; a < n; a++) uI[a] = base[io + a] + r * slope[io + a];
    let bestJ = -1;
    let bestP = 0;
    let bestEU = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const jo = j * n;
      for (let a = 0; a < n; a++) uJ[a] = base[jo + a] + r * slope[jo + a];
      const uii = uI[i];
      const uij = uJ[i];
      const uji = uI[j];
      const ujj = uJ[j];
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
      if (fast) {
        // Proportional votes, SemiCommit third parties: thirdPartyVote inlined.
        for (let a = 0; a < n; a++) {
          if (a === i || a === j) continue;
          const w = weight[a];
          if (w <= 0) continue;
          const uai = uI[a];
          const uaj = uJ[a];
          const uaa = base[a * n + a];
          const v0 = w * (uai - uaj);
          const cni = v0 > 0 ? ci + v0 : ci;
          const cnj = v0 < 0 ? cj - v0 : cj;
          const pin = cni / (cni + cnj);
          const pjn = 1 - pin;
          const joinI = pin * (uai + uai + uaa) + pjn * (uaj + uaj + uaj);
          const joinJ = pin * (uai + uai + uai) + pjn * (uaj + uaj + uaa);
          const v = w * (joinI - joinJ);
          if (v > 0) chij += v;
          if (v < 0) chji -= v;
        }
      } else {
        for (let a = 0; a < n; a++) {
          if (a === i || a === j) continue;
          const v = thirdPartyVote(rule, commit, weight[a], uI[a], uJ[a], base[a * n + a], ci, cj);
          if (v > 0) chij += v;
          if (v < 0) chji -= v;
        }
      }
      const { probability: p, gain: edu } = challengeOutcome(chij, chji, uii, uij, totalSalience[j]);
      if (MIN_SIGNIFICANT_GAIN < edu && bestEU < edu) {
        bestJ = j;
        bestP = p;
        bestEU = edu;
      }
    }
    target[i] = bestJ;
    probability[i] = bestP;
    gain[i] = bestJ >= 0 ? bestEU : 0;
  }
}
