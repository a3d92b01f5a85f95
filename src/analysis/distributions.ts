/**
 * From an estimate's range to a random draw, and from draws to quantiles. Every draw takes its
 * uniforms from an injected `Rng` (src/engines/random.ts), so a run's numbers depend only on its
 * seed and stream.
 */
import type { Rng } from '../engines/random.ts';

export type DistributionName = 'triangular' | 'uniform' | 'beta';
export const distributionNames: DistributionName[] = ['triangular', 'uniform', 'beta'];

/**
 * Triangular distribution on [low, high] with mode `mode`, by inverting its CDF
 * (Johnson, Kotz & Balakrishnan 1995, Continuous Univariate Distributions 2, ch. 26):
 * x = low + √(u (high−low)(mode−low)) for u < F(mode), else high − √((1−u)(high−low)(high−mode)).
 *
 * @example
 * triangular(0, 0, 10, 0.5) // 10 − √(0.5·10·10) = 2.9289…
 */
export function triangular(low: number, mode: number, high: number, u: number): number {
  const width = high - low;
  if (!(width > 0)) return mode;
  const fMode = (mode - low) / width;
  return u < fMode ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
}

/** Standard normal by Box–Muller (two uniforms; 1 − u keeps the logarithm finite). */
function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/**
 * Gamma(shape, 1) for shape ≥ 1 by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3): d = shape − 1/3, c = 1/√(9d); accept d·v with v = (1 + c z)³ when
 * log u < z²/2 + d − d v + d log v.
 */
export function gamma(shape: number, rng: Rng): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng();
    if (Math.log(u) < (z * z) / 2 + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * PERT (beta) distribution on [low, high] with mode `mode` (Malcolm et al. 1959; Vose 2008, Risk
 * Analysis, §9.1): α = 1 + 4 (mode−low)/(high−low), β = 1 + 4 (high−mode)/(high−low), drawn as
 * low + (high−low)·X/(X+Y) with X ~ Gamma(α), Y ~ Gamma(β). Its mean is (low + 4 mode + high)/6.
 */
export function pert(low: number, mode: number, high: number, rng: Rng): number {
  const width = high - low;
  if (!(width > 0)) return mode;
  const x = gamma(1 + (4 * (mode - low)) / width, rng);
  const y = gamma(1 + (4 * (high - mode)) / width, rng);
  return low + (width * x) / (x + y);
}

/**
 * A draw for an estimate `{value, low?, high?}` (a missing bound is the value itself; an estimate
 * without a range is not random and consumes no uniforms).
 */
export function drawEstimate(e: { value: number; low?: number; high?: number }, dist: DistributionName, rng: Rng): number {
  const low = Math.min(e.low ?? e.value, e.value);
  const high = Math.max(e.high ?? e.value, e.value);
  if (!(high > low)) return e.value;
  return drawBetween(low, e.value, high, dist, rng);
}

/** A draw on [low, high] (low < high) with mode `mode`: uniform ignores the mode. */
export function drawBetween(low: number, mode: number, high: number, dist: DistributionName, rng: Rng): number {
  if (dist === 'uniform') return low + (high - low) * rng();
  if (dist === 'beta') return pert(low, mode, high, rng);
  return triangular(low, mode, high, rng());
}

/**
 * The p-quantile of sorted data by linear interpolation between order statistics (Hyndman & Fan
 * 1996, definition 7; R's default): h = (n−1)p, Q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
