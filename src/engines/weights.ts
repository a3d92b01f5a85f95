/** Weighted means and medians shared by the engines. */
import type { ModelInput } from './types.ts';

/**
 * Capability × salience weighted mean of positions on issue k (the compromise model, Van den Bos 1991;
 * Achen 2006: `O = Σ c s x / Σ c s`). Falls back to the status quo, then the scale midpoint, when no
 * actor has weight on the issue.
 */
export function weightedMeanOnIssue(input: ModelInput, k: number, position: ArrayLike<number> = input.position): number {
  const m = input.issues.length;
  const n = input.actors.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const w = input.capability[i * m + k] * input.salience[i * m + k];
    num += w * position[i * m + k];
    den += w;
  }
  return den > 0 ? num / den : fallbackOutcome(input, k);
}

/** The status quo where it is known, otherwise the middle of the scale. */
export function fallbackOutcome(input: ModelInput, k: number): number {
  const sq = input.statusQuo[k];
  return Number.isFinite(sq) ? sq : (input.scaleMin[k] + input.scaleMax[k]) / 2;
}

/**
 * The weighted median of `values` with `weights`: the smallest value at which the cumulative weight
 * reaches half the total. Where the half falls exactly between two values, their midpoint.
 * Returns NaN for an empty or weightless set.
 */
export function weightedMedian(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const idx: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (weights[i] > 0) {
      idx.push(i);
      total += weights[i];
    }
  }
  if (idx.length === 0) return NaN;
  idx.sort((a, b) => values[a] - values[b] || a - b);
  const half = total / 2;
  let cum = 0;
  for (let r = 0; r < idx.length; r++) {
    cum += weights[idx[r]];
    // Relative tolerance: an exact tie at half the weight is resolved by the midpoint.
    if (Math.abs(cum - half) <= 1e-12 * total && r + 1 < idx.length) return (values[idx[r]] + values[idx[r + 1]]) / 2;
    if (cum > half) return values[idx[r]];
  }
  return values[idx[idx.length - 1]];
}
