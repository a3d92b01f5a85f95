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
  const keys = new Float64Array(n);
  const forI = new Float64Array(n + 1);
  const bound = new Float64Array(n);
  const uJ = new Float64Array(n);
  const fast = rule === VR_PROP && commit === TPC_SEMI;
  for (let i = from; i < to; i++) {
    const r = alphaRisk[i];
    const io = i * n;
    for (let a = 0; a < n; a++) uI[a] = base[io + a] + r * slope[io + a];
    // forI[a] = Σ_{n ≥ a} w_n (1 − u_ni): the most third parties from a on can add for i.
    forI[n] = 0;
    for (let a = n - 1; a >= 0; a--) forI[a] = forI[a + 1] + weight[a] * (1 - uI[a]);
    let bestJ = -1;
    let bestP = 0;
    let bestEU = -1;
    // Branch and bound: the gain of challenging j is (u_ii − u_ij)(1 − 2S_j(1 − P)) ≤ u_ii − u_ij,
    // so targets are tried from the largest bound down, and the search stops when no remaining
    // target can reach the best gain found (a margin of 1e-12 covers rounding). Ties still go to
    // the lowest j, as in KTAB's ascending scan.
    // Sort keys: the bound quantized down to 2^-32 (descending), then j (ascending), packed
    // exactly into one double so that the engine's native numeric sort does the work. The bound of a
    // later target can exceed a quantized bound by less than 2^-32, hence the 1e-9 margin.
    for (let j = 0; j < n; j++) {
      const ub = j === i ? -1 : uI[i] - (base[j * n + i] + r * slope[j * n + i]);
      bound[j] = ub;
      const q = ub <= 0 ? 0 : Math.floor(Math.min(ub, 1) * 4294967296);
      keys[j] = (4294967296 - q) * 1048576 + j;
    }
    keys.sort();
    for (let q = 0; q < n; q++) {
      const j = keys[q] % 1048576;
      if (j === i) continue;
      const ub = bound[j];
      if (ub + 1e-9 < bestEU || ub + 1e-9 < MIN_SIGNIFICANT_GAIN) break;
      const jo = j * n;
      const uii = uI[i];
      const uij = base[jo + i] + r * slope[jo + i];
      const uji = uI[j];
      const ujj = base[jo + j] + r * slope[jo + j];
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
        // Proportional votes, SemiCommit third parties (thirdPartyVote inlined). u_nn = 1 exactly
        // (d_nn = 0), and 3·u equals KTAB's u+u+u bit for bit (both round the exact 3u once).
        // The third parties run in three stretches so that i and j need no test in the loop.
        //
        // Early abandon: a third party's vote for i is at most w_n(1 − u_ni) (it equals
        // w_n[π(1 − u_ni) − (1 − π)(1 − u_nj)]), so after the voters before a, P cannot exceed
        // (C_i + R)/(C_i + R + C_j) with R = Σ_{n ≥ a} w_n(1 − u_ni); if even that P leaves the gain
        // below the best found (or below 1e-5), j cannot be chosen and the rest is skipped. Targets
        // evaluated to the end are summed exactly as before, so results do not change.
        const lo = i < j ? i : j;
        const hi = i < j ? j : i;
        const sj = totalSalience[j];
        const threshold = (bestEU > MIN_SIGNIFICANT_GAIN ? bestEU : MIN_SIGNIFICANT_GAIN) - 1e-9;
        let abandoned = false;
        for (let part = 0; part < 3 && !abandoned; part++) {
          const start = part === 0 ? 0 : part === 1 ? lo + 1 : hi + 1;
          const end = part === 0 ? lo : part === 1 ? hi : n;
          for (let a0 = start; a0 < end; a0 += 128) {
            const rest = forI[a0];
            const pMax = (chij + rest) / (chij + rest + chji);
            if (ub * (1 - 2 * sj * (1 - pMax)) < threshold) {
              abandoned = true;
              break;
            }
            const a1 = a0 + 128 < end ? a0 + 128 : end;
          for (let a = a0; a < a1; a++) {
            // A weightless third party adds exactly 0 to both sides: no test needed.
            const w = weight[a];
            const uai = uI[a];
            const uaj = base[jo + a] + r * slope[jo + a];
            // Branch-free max(0, ±v): (v + |v|)/2 is exact (2v, then halved), and the signs of
            // these votes are unpredictable, so branches would cost more than the arithmetic.
            const v0 = w * (uai - uaj);
            const a0 = Math.abs(v0);
            const cni = ci + 0.5 * (v0 + a0);
            const cnj = cj + 0.5 * (a0 - v0);
            const pin = cni / (cni + cnj);
            const pjn = 1 - pin;
            const v = w * (pin * (uai + uai + 1) + pjn * (3 * uaj) - (pin * (3 * uai) + pjn * (uaj + uaj + 1)));
            const av = Math.abs(v);
            chij += 0.5 * (v + av);
            chji += 0.5 * (av - v);
          }
          }
        }
        if (abandoned) continue;
      } else {
        for (let a = 0; a < n; a++) uJ[a] = base[jo + a] + r * slope[jo + a];
        for (let a = 0; a < n; a++) {
          if (a === i || a === j) continue;
          const v = thirdPartyVote(rule, commit, weight[a], uI[a], uJ[a], base[a * n + a], ci, cj);
          if (v > 0) chij += v;
          if (v < 0) chji -= v;
        }
      }
      const { probability: p, gain: edu } = challengeOutcome(chij, chji, uii, uij, totalSalience[j]);
      if (MIN_SIGNIFICANT_GAIN < edu && (bestEU < edu || (bestEU === edu && j < bestJ))) {
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
