/**
 * Predictive error models: what a model's forecast misses by, fitted on backtests with known outcomes
 * (DEU III, by proposal, cross-validated), so that an interval carries the model's own error as well as
 * the uncertainty of the inputs.
 *
 * CONTRACT (shared by the Monte Carlo, the agreement outlook and the forecast record; keep the signature):
 * `predictiveSamples(draws, model, scale, seed)` returns, for each Monte Carlo draw of a model's outcome on
 * one issue, that draw plus an error drawn from the model's fitted error distribution (fitted on the
 * 0–1 normalised scale, rescaled to the issue's width), clipped to the scale. Same inputs and seed, same
 * output, bit for bit.
 *
 * The family, chosen from the DEU III residuals (docs/backtest.md): an EMPIRICAL-QUANTILE error model,
 * not a normal. On 0–1 the residuals y − f of the compromise model have a 90 % range of about ±0.5
 * and are flat-topped (a third of the outcomes sit at a scale end, a fifth at the status quo), so a
 * normal fitted to them puts too much mass near zero error and too little at ±0.4. The error is
 * conditioned on where the forecast stands relative to the status quo: it is measured along the
 * direction from the status quo to the forecast (`e = (y − f)·sign(f − sq)`; negative: the outcome
 * fell back toward the status quo), separately for forecasts near the status quo and far from it
 * (cut at the training median of |f − sq|). The weighted-median model shows why: far from the status
 * quo its outcomes fall back (median signed error −0.08, 5 % quantile −1.0), near it they overshoot.
 * Clipping the shifted draw to the scale puts the point masses at the scale ends that the data show.
 * Where the status quo is unknown (or a caller passes none), the pooled, unsigned residual quantiles
 * are used.
 *
 * An error model is stored as `QUANTILE_COUNT` quantiles (levels 0, 1/(Q−1), …, 1; Hyndman–Fan type 7)
 * and sampled by inverse transform with linear interpolation between them.
 */
import { createRng } from '../engines/random.ts';
import shipped from './error-models.json' with { type: 'json' };

export interface IssueScale {
  min: number;
  max: number;
  /**
   * The issue's status quo on its own scale (optional: an extension of the contract). With it the
   * error is drawn from the conditional (near / far from the status quo, signed) quantiles; without
   * it, or when it is not finite, from the pooled ones.
   */
  statusQuo?: number;
}

/** Number of stored quantiles per distribution (levels k/(Q−1), k = 0…Q−1). */
export const QUANTILE_COUNT = 41;

/** One model's fitted error model on the 0–1 scale. */
export interface ErrorModel {
  /** Residuals the model was fitted on. */
  n: number;
  /** Quantiles of the raw residual y − f (0–1 scale). */
  pooled: number[];
  /** The cut on |f − sq| (0–1) between "near" and "far". */
  cut: number;
  /** Quantiles of the signed residual (y − f)·sign(f − sq) for |f − sq| ≤ cut, and above it. */
  near: number[];
  far: number[];
}

export interface ShippedErrorModels {
  provenance: { file: string; sha256: string; date: string; issues: number; proposals: number; script: string; note?: string };
  models: Record<string, ErrorModel>;
  ensemble: { weights: Record<string, number>; method: string };
}

export const shippedErrorModels = shipped as unknown as ShippedErrorModels;

/** Hyndman & Fan (1996) type-7 quantile of sorted data. */
function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function quantilesOf(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return Array.from({ length: QUANTILE_COUNT }, (_, k) => quantileSorted(sorted, k / (QUANTILE_COUNT - 1)));
}

/** The direction from the status quo to the forecast (+1 where they coincide or the status quo is unknown). */
const directionOf = (f: number, sq: number): number => (Number.isFinite(sq) && f < sq ? -1 : 1);

/**
 * Fit an error model from forecasts, outcomes and status quos, all on 0–1 (NaN status quo: unknown).
 * Throws when there is no residual to fit on.
 */
export function fitErrorModel(forecasts: ArrayLike<number>, outcomes: ArrayLike<number>, statusQuos: ArrayLike<number>): ErrorModel {
  const raw: number[] = [];
  const dist: number[] = [];
  const signed: number[] = [];
  for (let i = 0; i < forecasts.length; i++) {
    const f = forecasts[i];
    const y = outcomes[i];
    if (!Number.isFinite(f) || !Number.isFinite(y)) continue;
    raw.push(y - f);
    const sq = statusQuos[i];
    if (Number.isFinite(sq)) {
      dist.push(Math.abs(f - sq));
      signed.push((y - f) * directionOf(f, sq));
    }
  }
  if (raw.length === 0) throw new RangeError('cannot fit an error model on no residuals');
  const pooled = quantilesOf(raw);
  if (signed.length < 4) return { n: raw.length, pooled, cut: 1, near: pooled, far: pooled };
  const cut = quantileSorted(Float64Array.from(dist).sort(), 0.5);
  const near = signed.filter((_, i) => dist[i] <= cut);
  const far = signed.filter((_, i) => dist[i] > cut);
  // A stratum too small to estimate 5 % tails falls back to all signed residuals.
  const all = quantilesOf(signed);
  return { n: raw.length, pooled, cut, near: near.length >= 10 ? quantilesOf(near) : all, far: far.length >= 10 ? quantilesOf(far) : all };
}

/** The error at probability level u ∈ [0, 1] of stored quantiles (linear interpolation). */
export function errorQuantile(q: readonly number[], u: number): number {
  const h = u * (q.length - 1);
  const lo = Math.min(q.length - 1, Math.max(0, Math.floor(h)));
  const hi = Math.min(q.length - 1, lo + 1);
  return q[lo] + (h - lo) * (q[hi] - q[lo]);
}

/** The quantiles that apply to a forecast f (0–1) with status quo sq (0–1, NaN: unknown), and the sign. */
function errorFor(em: ErrorModel, f: number, sq: number): { q: readonly number[]; sign: number } {
  if (!Number.isFinite(sq)) return { q: em.pooled, sign: 1 };
  return { q: Math.abs(f - sq) <= em.cut ? em.near : em.far, sign: directionOf(f, sq) };
}

const clip = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/**
 * Each draw plus one error drawn from `em` (inverse transform of a seeded uniform), rescaled to the
 * scale's width and clipped to it.
 */
export function sampleWithErrorModel(draws: ArrayLike<number>, em: ErrorModel, scale: IssueScale, seed: number): Float64Array {
  const width = scale.max - scale.min;
  const out = new Float64Array(draws.length);
  if (!(width > 0)) {
    for (let i = 0; i < draws.length; i++) out[i] = draws[i];
    return out;
  }
  const rng = createRng(seed >>> 0, 0x5eed);
  const sq = scale.statusQuo === undefined ? NaN : (scale.statusQuo - scale.min) / width;
  for (let i = 0; i < draws.length; i++) {
    const f = (draws[i] - scale.min) / width;
    const { q, sign } = errorFor(em, f, sq);
    out[i] = clip(draws[i] + sign * errorQuantile(q, rng()) * width, scale.min, scale.max);
  }
  return out;
}

/**
 * A deterministic predictive sample of a point forecast: f plus the error at the J mid-levels
 * (j + ½)/J, rescaled and clipped (quasi-random: the backtest needs no seed for point forecasts).
 */
export function gridSamples(forecast: number, em: ErrorModel, scale: IssueScale, points = 200): Float64Array {
  const width = scale.max - scale.min;
  const out = new Float64Array(points);
  const sq = scale.statusQuo === undefined ? NaN : (scale.statusQuo - scale.min) / width;
  const { q, sign } = errorFor(em, (forecast - scale.min) / width, sq);
  for (let j = 0; j < points; j++) out[j] = width > 0 ? clip(forecast + sign * errorQuantile(q, (j + 0.5) / points) * width, scale.min, scale.max) : forecast;
  return out;
}

/**
 * The contract: each draw of `model`'s outcome plus an error from the model's shipped error model
 * (src/analysis/error-models.json, fitted on DEU III by scripts/fit-error-models.ts). A model without
 * a shipped error model (a new engine) gets the draws back unchanged.
 */
export function predictiveSamples(draws: ArrayLike<number>, model: string, scale: IssueScale, seed: number): Float64Array {
  const em = shippedErrorModels.models[model];
  if (!em) return Float64Array.from(draws);
  return sampleWithErrorModel(draws, em, scale, seed);
}
