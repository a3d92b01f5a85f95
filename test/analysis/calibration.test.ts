import { describe, expect, it } from 'vitest';
import { errorQuantile, fitErrorModel, gridSamples, predictiveSamples, QUANTILE_COUNT, sampleWithErrorModel, shippedErrorModels, type ErrorModel } from '../../src/analysis/calibration.ts';

const constant = (e: number): ErrorModel => ({ n: 1, pooled: [e, e], cut: 0.2, near: [e, e], far: [e, e] });

describe('error models', () => {
  it('fitErrorModel: quantiles of the raw residuals, and signed residuals split at the median distance from the status quo', () => {
    // Forecasts 0.5, outcomes 0.1…0.9; status quo 0.4 for the first five (distance 0.1), 0.9 for the rest (0.4).
    const y = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    const f = y.map(() => 0.5);
    const sq = y.map((_, i) => (i < 5 ? 0.4 : 0.9));
    const em = fitErrorModel(f, y, sq);
    expect(em.n).toBe(9);
    expect(em.pooled).toHaveLength(QUANTILE_COUNT);
    expect(em.pooled[0]).toBeCloseTo(-0.4, 12);
    expect(em.pooled[QUANTILE_COUNT - 1]).toBeCloseTo(0.4, 12);
    expect(errorQuantile(em.pooled, 0.5)).toBeCloseTo(0, 12);
    expect(em.cut).toBeCloseTo(0.1, 12);
    // Fewer than 10 in a stratum: both strata fall back to all signed residuals. Signed: the first
    // five (f above sq) keep their sign: −0.4…0; the rest (f below sq) flip: 0.1…0.4 → −0.1…−0.4.
    expect(em.near[0]).toBeCloseTo(-0.4, 12);
    expect(em.near[QUANTILE_COUNT - 1]).toBeCloseTo(0, 12);
  });

  it('a constant error shifts every draw by error × width, clipped to the scale; the sign follows the status quo', () => {
    const s = sampleWithErrorModel([10, 50, 95], constant(0.1), { min: 0, max: 200 }, 1);
    expect(Array.from(s)).toEqual([30, 70, 115]);
    const clipped = sampleWithErrorModel([190], constant(0.1), { min: 0, max: 200 }, 1);
    expect(clipped[0]).toBe(200);
    // Forecast below the status quo: "toward the forecast from the status quo" is downward.
    expect(sampleWithErrorModel([40], constant(0.1), { min: 0, max: 100, statusQuo: 80 }, 1)[0]).toBeCloseTo(30, 12);
    expect(sampleWithErrorModel([90], constant(0.1), { min: 0, max: 100, statusQuo: 80 }, 1)[0]).toBeCloseTo(100, 12);
  });

  it('gridSamples: the error at the mid-levels, deterministic', () => {
    const em: ErrorModel = { n: 2, pooled: [-0.2, 0.2], cut: 1, near: [-0.2, 0.2], far: [-0.2, 0.2] };
    const g = gridSamples(0.5, em, { min: 0, max: 1 }, 4);
    expect(Array.from(g).map((v) => Number(v.toFixed(12)))).toEqual([0.35, 0.45, 0.55, 0.65]);
  });
});

describe('predictiveSamples (the shared contract)', () => {
  const draws = Float64Array.from({ length: 500 }, (_, i) => 20 + (i % 7));

  it('same seed, same output bit for bit; another seed, other errors', () => {
    const a = predictiveSamples(draws, 'compromise', { min: 0, max: 100 }, 42);
    expect(Array.from(predictiveSamples(draws, 'compromise', { min: 0, max: 100 }, 42))).toEqual(Array.from(a));
    expect(Array.from(predictiveSamples(draws, 'compromise', { min: 0, max: 100 }, 43))).not.toEqual(Array.from(a));
  });

  it('adds the shipped model error: within the scale, and wider than the draws', () => {
    expect(shippedErrorModels.models.compromise.n).toBeGreaterThan(100);
    const s = predictiveSamples(draws, 'compromise', { min: 0, max: 100 }, 7);
    expect(s).toHaveLength(draws.length);
    expect(Math.min(...s)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...s)).toBeLessThanOrEqual(100);
    const sd = (x: ArrayLike<number>) => {
      const v = Array.from(x);
      const m = v.reduce((p, q) => p + q, 0) / v.length;
      return Math.sqrt(v.reduce((p, q) => p + (q - m) ** 2, 0) / v.length);
    };
    expect(sd(s)).toBeGreaterThan(5 * sd(draws));
  });

  it('a model without a shipped error model gets its draws back unchanged', () => {
    expect(Array.from(predictiveSamples([1, 2, 3], 'no-such-model', { min: 0, max: 10 }, 1))).toEqual([1, 2, 3]);
  });

  it('every registered model but none other has a shipped error model, and the ensemble weights sum to 1', () => {
    expect(Object.keys(shippedErrorModels.models).sort()).toEqual(['bdm', 'compromise', 'ensemble', 'exchange', 'median', 'nash', 'smp', 'status-quo']);
    const w = Object.values(shippedErrorModels.ensemble.weights);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(shippedErrorModels.provenance.file).toBe('deu3_train.tsv');
    expect(shippedErrorModels.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
