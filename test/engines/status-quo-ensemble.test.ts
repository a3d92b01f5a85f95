import { describe, expect, it } from 'vitest';
import { defaultEnsembleWeights, ensemble } from '../../src/engines/ensemble.ts';
import { engines } from '../../src/engines/index.ts';
import { statusQuo } from '../../src/engines/status-quo.ts';
import { modelInput as input } from './input.ts';

describe('status-quo', () => {
  it('the doc example: every issue stays at its status quo; unknown (NaN) → the middle of the scale', () => {
    const r = statusQuo(input([[2, [80, 80], [1, 1]], [1, [0, 0], [1, 1]]], [20, NaN]));
    expect(r.outcome).toEqual([20, 50]);
    expect(r.model).toBe('status-quo');
    expect(statusQuo(input([[1, [10], [1]]], [30]), { explain: false }).rounds).toEqual([]);
  });
  it('is registered', () => {
    expect(engines['status-quo']).toBe(statusQuo);
    expect(engines.ensemble).toBe(ensemble);
  });
});

describe('ensemble', () => {
  it('the doc example: 0.75 · compromise 30 + 0.25 · status quo 100 = 47.5', () => {
    const r = ensemble(input([[2, [0], [1]], [1, [90], [1]]], [100]), { weights: { compromise: 3, 'status-quo': 1 } });
    expect(r.outcome[0]).toBeCloseTo(47.5, 12);
    expect(r.params.weights).toEqual({ compromise: 0.75, 'status-quo': 0.25 });
  });
  it('default weights are the shipped ones, normalised', () => {
    const x = input([[2, [0], [1]], [1, [90], [1]]], [100]);
    const r = ensemble(x);
    const total = Object.values(defaultEnsembleWeights).reduce((a, b) => a + b, 0);
    const expected = Object.entries(defaultEnsembleWeights).reduce((s, [m, w]) => s + (w / total) * engines[m](x).outcome[0], 0);
    expect(r.outcome[0]).toBeCloseTo(expected, 10);
  });
  it('refuses unknown components and bad weights', () => {
    const x = input([[1, [0], [1]]], [0]);
    expect(() => ensemble(x, { weights: { oracle: 1 } })).toThrow(/unknown component "oracle"/);
    expect(() => ensemble(x, { weights: { compromise: -1 } })).toThrow(/finite number ≥ 0/);
    expect(() => ensemble(x, { weights: { compromise: 0 } })).toThrow(/positive sum/);
  });
});
