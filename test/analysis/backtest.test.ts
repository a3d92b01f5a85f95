import { describe, expect, it } from 'vitest';
import { backtest, crpsOfSamples, fitConvexLad, foldsByProposal } from '../../src/analysis/backtest.ts';
import { ensemble, snapToCandidates } from '../../src/engines/ensemble.ts';
import { parseDeuByProposal } from '../../src/formats/deu.ts';
import { modelInput } from '../engines/input.ts';

// A tiny DEU data set: 4 proposals, 6 issues, two actors of equal capability (29) and salience 100,
// so the compromise forecast is the mean of the two positions.
const header = 'prnr;prname;isnr;proc;pcom;pfr;scom;sfr;rp;out';
const rows = [
  'p1;a;p1i1;COD;0;100;100;100;0;60', //   compromise 50, status quo 0, outcome 60
  'p1;a;p1i2;COD;20;40;100;100;0;30', //   30, 0, 30
  'p2;b;p2i1;COD;100;100;100;100;0;100', // 100, 0, 100
  'p3;c;p3i1;COD;0;0;100;100;100;0', //    0, 100, 0
  'p3;c;p3i2;COD;40;80;100;100;50;50', //  60, 50, 50
  'p4;d;p4i1;COD;10;30;100;100;0;0', //    20, 0, 0
];
const cases = parseDeuByProposal(`${header}\n${rows.join('\n')}\n`, 'tiny.csv');

describe('backtest metrics (hand-computed on a constructed data set)', () => {
  it('MAE, median AE and RMSE of the compromise and status-quo models', () => {
    const r = backtest(cases, { models: ['compromise', 'status-quo'], bootstrap: 50 });
    const c = r.models.find((m) => m.model === 'compromise')!;
    // |50−60| 10, 0, 0, 0, |60−50| 10, |20−0| 20 → MAE 40/6, median (0 + 10)/2 = 5, RMSE √(600/6) = 10.
    expect(c.n).toBe(6);
    expect(c.mae).toBeCloseTo(40 / 6, 12);
    expect(c.medianAe).toBeCloseTo(5, 12);
    expect(c.rmse).toBeCloseTo(10, 12);
    const sq = r.models.find((m) => m.model === 'status-quo')!;
    // 60, 30, 100, 100, 0, 0 → MAE 290/6.
    expect(sq.mae).toBeCloseTo(290 / 6, 12);
  });

  it('coverage is the share of outcomes inside the reported intervals; CRPS is on the scale', () => {
    const r = backtest(cases, { models: ['compromise', 'median', 'status-quo'], folds: 2, seed: 3, bootstrap: 50 });
    for (const s of r.models) {
      const inside = (k: '50' | '90') => r.issues.filter((i) => i.outcome >= i[`interval${k}`][s.model][0] - 1e-9 && i.outcome <= i[`interval${k}`][s.model][1] + 1e-9).length / r.issues.length;
      expect(s.coverage50).toBeCloseTo(inside('50'), 12);
      expect(s.coverage90).toBeCloseTo(inside('90'), 12);
      expect(s.coverage90).toBeGreaterThanOrEqual(s.coverage50);
      for (const i of r.issues) {
        expect(i.crps[s.model]).toBeGreaterThanOrEqual(0);
        // CRPS ≤ E|X − y| ≤ the width of the scale.
        expect(i.crps[s.model]).toBeLessThanOrEqual(100);
      }
    }
  });

  it('folds never split a proposal; the same seed gives the same numbers, another seed other folds', () => {
    const a = backtest(cases, { models: ['compromise', 'ensemble'], folds: 2, seed: 5, bootstrap: 100 });
    for (const c of ['p1', 'p3']) expect(new Set(a.issues.filter((i) => i.case === c).map((i) => i.fold)).size).toBe(1);
    const b = backtest(cases, { models: ['compromise', 'ensemble'], folds: 2, seed: 5, bootstrap: 100 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    const folds = (seed: number) => {
      const f = foldsByProposal(ids, 2, seed);
      return ids.map((p) => f.get(p)).join('');
    };
    expect(new Set([1, 2, 3, 4, 5, 6].map(folds)).size).toBeGreaterThan(1);
  });

  it('foldsByProposal deals every proposal to exactly one fold, balanced', () => {
    const f = foldsByProposal(['a', 'a', 'b', 'c', 'd', 'e', 'c'], 2, 1);
    expect([...f.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const sizes = [0, 1].map((k) => [...f.values()].filter((v) => v === k).length);
    expect(sizes.sort()).toEqual([2, 3]);
  });

  it('bootstrap intervals hold the point estimate and are seeded', () => {
    const r = backtest(cases, { models: ['compromise'], bootstrap: 400, seed: 9 });
    const c = r.models[0];
    expect(c.maeInterval[0]).toBeLessThanOrEqual(c.mae);
    expect(c.maeInterval[1]).toBeGreaterThanOrEqual(c.mae);
    // A resample of whole proposals: the MAE can be at most the worst proposal's mean error (p4: 20).
    expect(c.maeInterval[1]).toBeLessThanOrEqual(20);
    expect(backtest(cases, { models: ['compromise'], bootstrap: 400, seed: 9 }).models[0].maeInterval).toEqual(c.maeInterval);
  });
});

describe('crpsOfSamples', () => {
  it('a point mass: the absolute error', () => {
    expect(crpsOfSamples([0.3], 0.5)).toBeCloseTo(0.2, 15);
  });
  it('two equal masses at 0 and 1, outcome 0: E|X−y| − ½E|X−X′| = 0.5 − 0.25 = 0.25', () => {
    expect(crpsOfSamples([1, 0], 0)).toBeCloseTo(0.25, 15);
  });
  it('the uniform distribution on [0, 1] at y: y² − y + 1/3 (closed form), from a fine grid', () => {
    const grid = Array.from({ length: 4000 }, (_, j) => (j + 0.5) / 4000);
    for (const y of [0, 0.25, 0.5, 1]) expect(crpsOfSamples(grid, y)).toBeCloseTo(y * y - y + 1 / 3, 6);
  });
});

describe('fitConvexLad', () => {
  it('recovers an exact convex combination', () => {
    const a = [0, 10, 20, 30, 40, 55, 70];
    const b = [100, 80, 30, 60, 10, 5, 90];
    const c = [50, 50, 50, 50, 50, 50, 50];
    const y = a.map((v, i) => 0.3 * v + 0.7 * b[i]);
    const w = fitConvexLad([a, b, c], y);
    expect(w[0]).toBeCloseTo(0.3, 6);
    expect(w[1]).toBeCloseTo(0.7, 6);
    expect(w[2]).toBeCloseTo(0, 6);
  });
  it('weights are ≥ 0 and sum to 1; never worse than the best single column', () => {
    const a = [1, 5, 2, 8, 3];
    const b = [4, 4, 9, 1, 0];
    const y = [2, 6, 3, 3, 9];
    const w = fitConvexLad([a, b], y);
    expect(w.every((v) => v >= 0)).toBe(true);
    expect(w[0] + w[1]).toBeCloseTo(1, 12);
    const err = (f: number[]) => f.reduce((s, v, i) => s + Math.abs(y[i] - v), 0);
    const fit = err(a.map((v, i) => w[0] * v + w[1] * b[i]));
    expect(fit).toBeLessThanOrEqual(Math.min(err(a), err(b)) + 1e-9);
  });
});

describe('the ensemble snap (the median of a predictive distribution with point masses at the positions)', () => {
  it('moves to the nearest position within snap × range, else keeps the point', () => {
    // Positions 0, 40, 100 (range 100), snap 0.1: limit 10.
    expect(snapToCandidates(33, [0, 40, 100], 0.1)).toBe(40); // 7 away ≤ 10
    expect(snapToCandidates(25, [0, 40, 100], 0.1)).toBe(25); // nearest is 15 away > 10
    expect(snapToCandidates(33, [0, 40, 100], 0)).toBe(33); // 0: off
    expect(snapToCandidates(33, [], 0.5)).toBe(33);
  });
  it('the engine: compromise 30 between positions 0 (c=2) and 90 (c=1); snap 0.4 (limit 36) → 0, snap 0.3 (27) → 30', () => {
    const x = modelInput([[2, [0], [1]], [1, [90], [1]]], [100]);
    const a = ensemble(x, { weights: { compromise: 1 }, snap: 0.4 });
    expect(a.outcome[0]).toBe(0);
    expect(a.rounds[0].combined).toEqual([30]);
    expect(ensemble(x, { weights: { compromise: 1 }, snap: 0.3 }).outcome[0]).toBeCloseTo(30, 12);
    expect(() => ensemble(x, { snap: -1 })).toThrow(/snap must be a finite number ≥ 0/);
  });
});
