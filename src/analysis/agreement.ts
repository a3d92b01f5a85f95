/**
 * The probability of an agreement by a date (docs/agreement.md): pure functions over plain numbers.
 *
 *   P(agreement by D) = (1/R) Σ_r prior(t) · e_r
 *
 * - prior(t) = c · (1 − 2^(−t/h)): a mixture cure model (Boag 1949; Berkson & Gage 1952) for the
 *   kind of negotiation: a share c of such negotiations ever agrees, those that do after an
 *   exponential time with half-life h (constant hazard λ = ln 2 / h); t = years from the as-of date
 *   to D. Base rates by kind in `PRIORS`, with their sources.
 * - e_r ∈ [FLOOR, 1]: the evidence of Monte Carlo draw r from the red lines. Per jointly decided
 *   issue k, the slack s_k = the width of the zone of agreement over the scale's width (negative:
 *   minus the gap between the closest opposed lines), with every uncertain red line drawn;
 *   f(s) = σ(s/τ)/σ(1/τ) (σ the logistic function), so a zone of zero width counts about one half,
 *   a gap of τ = 10 % of the scale cuts the odds by e, a wide zone counts ≈ 1. The package needs every
 *   issue, so e_r = max(FLOOR, min_k f(s_k)): the tightest issue decides.
 *
 * τ and FLOOR are judgments, not fitted (no data on red lines and agreements at hand); the forecast
 * record (`parley score`) is where they can be checked.
 */
import type { ModelInput } from '../engines/types.ts';
import type { Rng } from '../engines/random.ts';
import { drawBetween, type DistributionName } from './distributions.ts';

/** How fast the evidence falls with the gap between red lines (a share of the scale). */
export const SLACK_SCALE = 0.1;
/** The least evidence a draw carries: stated red lines are sometimes dropped outright. */
export const EVIDENCE_FLOOR = 0.01;

export type NegotiationKindName = 'war' | 'eu-legislation' | 'trade' | 'climate' | 'coalition' | 'labour' | 'other';

export interface AgreementPriorSpec {
  /** c: the share of such negotiations that ever agree. */
  ceiling: number;
  /** h: among those that agree, half do within this many years. */
  halfLifeYears: number;
  /** Whether the numbers were derived from data (false: a stated assumption). */
  derived: boolean;
  source: string;
}

/**
 * Base rates by kind of negotiation. Only eu-legislation is derived from data here
 * (scripts/derive-agreement-priors.ts on the DEU III training file); the war ceiling is read from the
 * published termination shares; every other number is a stated assumption. docs/agreement.md.
 */
export const PRIORS: Record<NegotiationKindName, AgreementPriorSpec> = {
  war: {
    ceiling: 0.3,
    halfLifeYears: 3,
    derived: false,
    source:
      'UCDP Conflict Termination dataset (Kreutz 2010, J. Peace Research 47(2):243-250): most conflict episodes 1946-2005 end in low activity or victory, not by agreement; peace and ceasefire agreements together end roughly three in ten (ceiling 0.3, a rounded reading of the published shares, not derived from the file, which is not in ../shared/reference). Half-life 3 years: an assumption (median durations run from months for interstate to ~7 years for civil wars, Fearon 2004).',
  },
  'eu-legislation': {
    ceiling: 0.915,
    halfLifeYears: 1.22,
    derived: true,
    source:
      'DEU III training file (Arregui & Perarnaud 2021, doi:10.34810/data53), its own introduction and final-act dates: 86 of 94 proposals reached a final act (0.915); exponential rate among them 0.566 per year (mean 1.77 years, median 1.39), half-life 1.22 years. Derived by scripts/derive-agreement-priors.ts; DEU selected controversial proposals that mostly passed, so the ceiling is for such proposals.',
  },
  trade: { ceiling: 0.5, halfLifeYears: 2, derived: false, source: 'no base rate derived: an uninformative assumption (ceiling 0.5, half-life 2 years); give the case an agreementPrior.' },
  climate: { ceiling: 0.5, halfLifeYears: 1, derived: false, source: 'no base rate derived: an uninformative assumption (ceiling 0.5, half-life 1 year); give the case an agreementPrior.' },
  coalition: { ceiling: 0.5, halfLifeYears: 0.25, derived: false, source: 'no base rate derived: an uninformative assumption (ceiling 0.5, half-life 3 months); give the case an agreementPrior.' },
  labour: { ceiling: 0.5, halfLifeYears: 0.5, derived: false, source: 'no base rate derived: an uninformative assumption (ceiling 0.5, half-life 6 months); give the case an agreementPrior.' },
  other: { ceiling: 0.5, halfLifeYears: 1, derived: false, source: 'no kind given: an uninformative assumption (ceiling 0.5, half-life 1 year); give the case a kind or an agreementPrior.' },
};

/** prior(t) = c · (1 − 2^(−t/h)); 0 for t ≤ 0. */
export function priorProbability(prior: Pick<AgreementPriorSpec, 'ceiling' | 'halfLifeYears'>, years: number): number {
  if (!(years > 0)) return 0;
  return prior.ceiling * (1 - Math.pow(2, -years / prior.halfLifeYears));
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const F_ONE = logistic(1 / SLACK_SCALE);

/** f(s) = σ(s/τ)/σ(1/τ): the evidence of one issue's slack s (zone width or −gap, on the 0–1 scale). */
export function slackEvidence(s: number): number {
  return Math.min(1, logistic(s / SLACK_SCALE) / F_ONE);
}

/** e_r for one draw: max(FLOOR, min over the joint issues of f(s_k)); 1 when no issue is joint. NaN slacks are not joint. */
export function drawEvidence(slack: ArrayLike<number>, offset = 0, m = slack.length): number {
  let e = 1;
  for (let k = 0; k < m; k++) {
    const s = slack[offset + k];
    if (Number.isNaN(s)) continue;
    const f = slackEvidence(s);
    if (f < e) e = f;
  }
  return Math.max(EVIDENCE_FLOOR, e);
}

export const RULE_UNANIMITY = 0;
export const RULE_QMV = 1;
export const RULE_SINGLE = 2;

/**
 * The red lines and rules of a case, flattened for the Monte Carlo draws (plain arrays, cloneable to a
 * worker thread). Per issue k: its rule, thresholds, and (CSR) the lines that count there: under
 * unanimity the veto holders' lines, under a qualified majority the members, each with its line if it
 * has one (else the whole scale).
 */
export interface AgreementPlan {
  rule: Uint8Array;
  threshold: Float64Array;
  countThreshold: Float64Array;
  /** Entries of issue k: entryStart[k] … entryStart[k + 1] − 1. */
  entryStart: Int32Array;
  /** Per entry: the actor index (its capability weighs it under a qualified majority). */
  actor: Int32Array;
  /** Per entry: the bounds' best values and ranges (a bound without a range has low = high = value). */
  minValue: Float64Array;
  minLow: Float64Array;
  minHigh: Float64Array;
  maxValue: Float64Array;
  maxLow: Float64Array;
  maxHigh: Float64Array;
}

export interface PlanLine {
  actor: number;
  minValue: number;
  minLow: number;
  minHigh: number;
  maxValue: number;
  maxLow: number;
  maxHigh: number;
}

export interface PlanIssue {
  rule: number;
  threshold: number;
  countThreshold: number;
  entries: PlanLine[];
}

export function packAgreementPlan(issues: PlanIssue[]): AgreementPlan {
  const entries = issues.flatMap((i) => i.entries);
  const start: number[] = [0];
  for (const i of issues) start.push(start[start.length - 1] + i.entries.length);
  const col = (f: (l: PlanLine) => number) => Float64Array.from(entries, f);
  return {
    rule: Uint8Array.from(issues, (i) => i.rule),
    threshold: Float64Array.from(issues, (i) => i.threshold),
    countThreshold: Float64Array.from(issues, (i) => i.countThreshold),
    entryStart: Int32Array.from(start),
    actor: Int32Array.from(entries, (l) => l.actor),
    minValue: col((l) => l.minValue),
    minLow: col((l) => l.minLow),
    minHigh: col((l) => l.minHigh),
    maxValue: col((l) => l.maxValue),
    maxLow: col((l) => l.maxLow),
    maxHigh: col((l) => l.maxHigh),
  };
}

/** Draws of one Monte Carlo run: the slack per issue and the accepted segments, for clamping terms. */
export interface ZoneKernel {
  /**
   * Draws every uncertain red line (in plan order, from `rng`) and writes each issue's slack to
   * slack[offset + k] (NaN for an issue decided alone); keeps the accepted segments for `clamp`.
   */
  draw(input: ModelInput, rng: Rng, distribution: DistributionName, slack: Float64Array, offset: number): void;
  /** The accepted value nearest to x on issue k in the last draw (x itself where no zone exists or the issue is decided alone). */
  clamp(k: number, x: number): number;
}

/** A kernel for a plan: allocates its scratch once, then `draw` allocates nothing. */
export function zoneKernel(plan: AgreementPlan, scaleMin: ArrayLike<number>, scaleMax: ArrayLike<number>): ZoneKernel {
  const m = plan.rule.length;
  const n = plan.actor.length;
  let most = 0;
  for (let k = 0; k < m; k++) most = Math.max(most, plan.entryStart[k + 1] - plan.entryStart[k]);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  // Accepted segments per issue: up to `most` + 1 each (breakpoints split the scale into ≤ 2·most + 1 pieces).
  const cap = 2 * most + 3;
  const segLo = new Float64Array(m * cap);
  const segHi = new Float64Array(m * cap);
  const segCount = new Int32Array(m);
  const breaks = new Float64Array(2 * most + 2);
  const dist = new Float64Array(most);
  const order: number[] = [];

  const drawBound = (value: number, low: number, high: number, rng: Rng, d: DistributionName) => (high > low ? drawBetween(low, value, high, d, rng) : value);

  /** Support (weight, count) of the members at x. */
  const supportAt = (a: number, b: number, x: number, w: ArrayLike<number>, k: number, res: Float64Array) => {
    let wt = 0;
    let ct = 0;
    for (let e = a; e < b; e++) {
      if (x >= lo[e] - 1e-12 && x <= hi[e] + 1e-12) {
        wt += w[plan.actor[e] * m + k];
        ct++;
      }
    }
    res[0] = wt;
    res[1] = ct;
  };
  const sup = new Float64Array(2);

  function qmv(k: number, a: number, b: number, input: ModelInput): number {
    const smin = scaleMin[k];
    const smax = scaleMax[k];
    const range = smax - smin || 1;
    const w = input.capability;
    let wTot = 0;
    for (let e = a; e < b; e++) wTot += w[plan.actor[e] * m + k];
    const needW = plan.threshold[k] * wTot - 1e-12;
    const needC = plan.countThreshold[k] * (b - a) - 1e-12;
    const ok = () => sup[0] >= needW && sup[1] >= needC;
    let nb = 0;
    breaks[nb++] = smin;
    breaks[nb++] = smax;
    for (let e = a; e < b; e++) {
      if (lo[e] > smin && lo[e] < smax) breaks[nb++] = lo[e];
      if (hi[e] > smin && hi[e] < smax) breaks[nb++] = hi[e];
    }
    const bs = breaks.subarray(0, nb).sort();
    let count = 0;
    let width = 0;
    const base = k * cap;
    for (let j = 0; j < nb; j++) {
      if (j > 0 && bs[j] === bs[j - 1]) continue;
      supportAt(a, b, bs[j], w, k, sup);
      const pointOk = ok();
      let next = j + 1;
      while (next < nb && bs[next] === bs[j]) next++;
      let segOk = false;
      if (next < nb) {
        supportAt(a, b, (bs[j] + bs[next]) / 2, w, k, sup);
        segOk = ok();
      }
      if (segOk) {
        if (count > 0 && segHi[base + count - 1] >= bs[j]) segHi[base + count - 1] = bs[next];
        else {
          segLo[base + count] = bs[j];
          segHi[base + count] = bs[next];
          count++;
        }
        width += bs[next] - bs[j];
      } else if (pointOk && !(count > 0 && segHi[base + count - 1] >= bs[j])) {
        segLo[base + count] = bs[j];
        segHi[base + count] = bs[j];
        count++;
      }
    }
    segCount[k] = count;
    if (count > 0) return width / range;
    // No qualified coalition accepts any value: the least r such that moving every member's line by
    // up to r lets one form, tried at every breakpoint; the slack is −2r (two opposed lines each
    // moving r close a gap of 2r, as under unanimity).
    // The least r is reached where two members' distances are equal: at a breakpoint, or midway
    // between one member's upper bound and another's lower bound above it.
    let best = Infinity;
    const tryAt = (x: number) => {
      order.length = 0;
      for (let e = a; e < b; e++) {
        dist[e - a] = x < lo[e] ? lo[e] - x : x > hi[e] ? x - hi[e] : 0;
        order.push(e);
      }
      order.sort((p, q) => dist[p - a] - dist[q - a]);
      let wt = 0;
      let ct = 0;
      for (const e of order) {
        wt += w[plan.actor[e] * m + k];
        ct++;
        if (wt >= needW && ct >= needC) {
          best = Math.min(best, dist[e - a]);
          break;
        }
      }
    };
    for (let j = 0; j < nb; j++) tryAt(bs[j]);
    for (let e = a; e < b; e++) for (let f = a; f < b; f++) if (hi[e] < lo[f]) tryAt((hi[e] + lo[f]) / 2);
    return Number.isFinite(best) ? (-2 * best) / range : -1;
  }

  return {
    draw(input, rng, distribution, slack, offset) {
      // Draw every entry's bounds first, in plan order (the draws do not depend on the outcomes).
      for (let e = 0; e < n; e++) {
        let a = drawBound(plan.minValue[e], plan.minLow[e], plan.minHigh[e], rng, distribution);
        let b = drawBound(plan.maxValue[e], plan.maxLow[e], plan.maxHigh[e], rng, distribution);
        // Crossed draws of an uncertain line: the actor accepts only the point between them.
        if (a > b) a = b = (a + b) / 2;
        lo[e] = a;
        hi[e] = b;
      }
      for (let k = 0; k < m; k++) {
        const a = plan.entryStart[k];
        const b = plan.entryStart[k + 1];
        const rule = plan.rule[k];
        if (rule === RULE_SINGLE) {
          slack[offset + k] = NaN;
          segCount[k] = 0;
          continue;
        }
        if (rule === RULE_QMV) {
          slack[offset + k] = qmv(k, a, b, input);
          continue;
        }
        let zl = scaleMin[k];
        let zh = scaleMax[k];
        for (let e = a; e < b; e++) {
          if (lo[e] > zl) zl = lo[e];
          if (hi[e] < zh) zh = hi[e];
        }
        const range = scaleMax[k] - scaleMin[k] || 1;
        slack[offset + k] = (zh - zl) / range;
        if (zl <= zh) {
          segLo[k * cap] = zl;
          segHi[k * cap] = zh;
          segCount[k] = 1;
        } else segCount[k] = 0;
      }
    },
    clamp(k, x) {
      const c = segCount[k];
      if (c === 0) return x;
      let best = x;
      let bestD = Infinity;
      for (let j = 0; j < c; j++) {
        const l = segLo[k * cap + j];
        const h = segHi[k * cap + j];
        const y = x < l ? l : x > h ? h : x;
        const d = Math.abs(y - x);
        if (d < bestD) {
          bestD = d;
          best = y;
        }
      }
      return best;
    },
  };
}

/** Values sorted ascending, with their weights carried along (one sort serves every quantile asked). */
export function sortWeighted(values: ArrayLike<number>, weights: ArrayLike<number>): { values: Float64Array; weights: Float64Array } {
  const n = values.length;
  let idx: Uint32Array = new Uint32Array(n);
  let nan = false;
  for (let i = 0; i < n; i++) {
    idx[i] = i;
    if (Number.isNaN(values[i])) nan = true;
  }
  // Without NaN, (value, index) is a strict total order, so any correct sort gives the one
  // permutation the comparator sort gives; a merge sort on the typed arrays takes about a third of
  // its time (no callback per comparison: 104 sorts of 10,000 in the 10,000-run outlook). With NaN
  // the comparator is not a total order and its algorithm decides: kept as it was.
  if (nan) idx.sort((a, b) => values[a] - values[b] || a - b);
  else idx = mergeSortIndices(idx, values);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    v[i] = values[idx[i]];
    w[i] = weights[idx[i]];
  }
  return { values: v, weights: w };
}

/**
 * Indices sorted by (values[i], i), stably: bottom-up merge sort over runs of insertion-sorted
 * blocks, ping-ponging between two typed arrays. `idx` is in ascending index order on entry, so
 * stability is the index tie-break. Returns the sorted array (idx or its twin).
 */
function mergeSortIndices(idx: Uint32Array, values: ArrayLike<number>): Uint32Array {
  const n = idx.length;
  const BLOCK = 16;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const hi = Math.min(n, lo + BLOCK);
    for (let i = lo + 1; i < hi; i++) {
      const t = idx[i];
      const vt = values[t];
      let j = i - 1;
      while (j >= lo && values[idx[j]] > vt) {
        idx[j + 1] = idx[j];
        j--;
      }
      idx[j + 1] = t;
    }
  }
  let src = idx;
  let dst: Uint32Array = new Uint32Array(n);
  for (let width = BLOCK; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let a = lo;
      let b = mid;
      let o = lo;
      while (a < mid && b < hi) {
        // Ties take the left run first: the lower index, as the comparator's `a - b`.
        if (values[src[b]] < values[src[a]]) dst[o++] = src[b++];
        else dst[o++] = src[a++];
      }
      while (a < mid) dst[o++] = src[a++];
      while (b < hi) dst[o++] = src[b++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Quantiles of a mixture of sorted values (each with its weight) and a point mass `atomWeight` at
 * `atom` (the status quo); weights need not sum to 1. The p-quantile is the least x with F(x) ≥ p
 * (the inverse of the weighted empirical distribution, Hyndman & Fan 1996 definition 1), so a point
 * mass shows as itself rather than being smeared. `levels` ascending.
 */
export function mixtureQuantilesSorted(values: ArrayLike<number>, weights: ArrayLike<number>, atom: number, atomWeight: number, levels: readonly number[]): number[] {
  const n = values.length;
  let total = atomWeight;
  for (let i = 0; i < n; i++) total += weights[i];
  const out: number[] = [];
  if (!(total > 0)) return levels.map(() => atom);
  // Walk the merged order (the atom placed before equal values), accumulating weight.
  let i = 0;
  let atomDone = !(atomWeight > 0);
  let cum = 0;
  let current = NaN;
  const step = () => {
    if (!atomDone && (i >= n || atom <= values[i])) {
      atomDone = true;
      cum += atomWeight;
      current = atom;
    } else {
      cum += weights[i];
      current = values[i++];
    }
  };
  for (const p of levels) {
    const target = p * total * (1 - 1e-12);
    while ((Number.isNaN(current) || cum < target) && (i < n || !atomDone)) step();
    out.push(current);
  }
  return out;
}

/** Quantiles and mean of a mixture of weighted values and a point mass (see `mixtureQuantilesSorted`). */
export function mixtureQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, atom: number, atomWeight: number, levels: readonly number[]): { quantiles: number[]; mean: number } {
  const sorted = sortWeighted(values, weights);
  let total = atomWeight;
  let sum = atomWeight * atom;
  for (let i = 0; i < values.length; i++) {
    total += weights[i];
    sum += weights[i] * values[i];
  }
  return { quantiles: mixtureQuantilesSorted(sorted.values, sorted.weights, atom, atomWeight, levels), mean: total > 0 ? sum / total : NaN };
}
