import { describe, expect, it } from 'vitest';
import { nash, nashOnHalfLine, type NashBargain } from '../../src/engines/nash.ts';
import { modelInput } from './input.ts';

const bargains = (r: ReturnType<typeof nash>) => r.rounds[0].bargains as NashBargain[];

describe('nash', () => {
  // d = 0; A at 10 (c = 1), B at 30 (c = 3), saliences 1 and 0.4 (salience does not move the argmax).
  const twoAbove = modelInput([[1, [10], [1]], [3, [30], [0.4]]], [0]);

  it('linear utilities: the optimum between the kinks (hand-computed)', () => {
    // Feasible (0, 20). On (10, 20): 3/x − 1/(20 − x) = 0 → x = 15.
    const r = nash(twoAbove, { utility: 'linear' });
    expect(r.outcome[0]).toBeCloseTo(15, 12);
    expect(bargains(r)[0].coalition).toEqual([0, 1]);
  });

  it('linear utilities: an optimum on a kink is exact', () => {
    // Equal weights: on (10, 20) 1/x − 1/(20 − x) < 0, on (0, 10) 2/x > 0 → the kink x = 10.
    const r = nash(modelInput([[1, [10], [1]], [1, [30], [1]]], [0]), { utility: 'linear' });
    expect(r.outcome[0]).toBe(10);
  });

  it('quadratic utilities (hand-computed)', () => {
    // 4/x − 1/(20 − x) − 3/(60 − x) = 0 → x² − 55x + 600 = 0 → x = 15 (the other root, 40, is infeasible).
    expect(nash(twoAbove, { utility: 'quadratic' }).outcome[0]).toBeCloseTo(15, 12);
    // One actor at 10, d = 0: 1/x − 1/(20 − x) = 0 → its own ideal point.
    expect(nash(modelInput([[5, [10], [1]]], [0]), { utility: 'quadratic' }).outcome[0]).toBeCloseTo(10, 12);
    // Where the two differ: d = 0, A at 1, B at 3, equal weights. Linear: on (1, 2) 1/x − 1/(2 − x) = 0
    // → the kink 1. Quadratic: 2/x = 1/(2 − x) + 1/(6 − x) → 4x² − 24x + 24 = 0 → x = 3 − √3.
    const close = modelInput([[1, [1], [1]], [1, [3], [1]]], [0]);
    expect(nash(close, { utility: 'linear' }).outcome[0]).toBe(1);
    expect(nash(close, { utility: 'quadratic' }).outcome[0]).toBeCloseTo(3 - Math.sqrt(3), 12);
  });

  it('mirrors below the status quo', () => {
    // The two-actor case reflected around d = 50: A at 40, B at 20 → 50 − 15 = 35.
    expect(nash(modelInput([[1, [40], [1]], [3, [20], [1]]], [50])).outcome[0]).toBeCloseTo(35, 12);
  });

  // d = 50; A at 80 (c = 3), B at 70 (c = 2), C at 20 (c = 2): capability shares 3/7, 2/7, 2/7.
  const split = modelInput([[3, [80], [1]], [2, [70], [1]], [2, [20], [1]]], [50]);

  it('unanimity: actors on both sides of the status quo keep it, and the why says so', () => {
    const r = nash(split, { rule: 'unanimity' });
    expect(r.outcome[0]).toBe(50);
    expect(bargains(r)[0].why).toMatch(/A0, A1 want more .* A2 wants less.*status quo .*stands/);
  });

  it('coalition: the decisive side bargains (hand-computed)', () => {
    // Right side holds 5/7 ≥ 0.5; feasible (50, 90). On (70, 80): 3/(x − 50) − 2/(90 − x) = 0 → x = 74.
    const r = nash(split, { rule: 'coalition', coalitionShare: 0.5 });
    expect(r.outcome[0]).toBeCloseTo(74, 12);
    const b = bargains(r)[0];
    expect(b.coalition).toEqual([0, 1]);
    expect(b.coalitionShare).toBeCloseTo(5 / 7, 12);
    expect(b.why).toMatch(/A2 loses but cannot block/);
    // Quadratic, z = x − 50: 5/z − 3/(60 − z) − 2/(40 − z) = 0 → z² − 74z + 1200 = 0 → z = 24 (or 50,
    // infeasible): the same 74 here.
    expect(nash(split, { rule: 'coalition', utility: 'quadratic' }).outcome[0]).toBeCloseTo(74, 10);
  });

  it('coalition: no side reaches the share → status quo', () => {
    const r = nash(split, { rule: 'coalition', coalitionShare: 0.8 });
    expect(r.outcome[0]).toBe(50);
    expect(bargains(r)[0].why).toMatch(/71% of capability.*29%.*80%/);
  });

  it('an actor at the status quo blocks under unanimity', () => {
    const r = nash(modelInput([[1, [50], [1]], [1, [90], [1]]], [50]));
    expect(r.outcome[0]).toBe(50);
    expect(bargains(r)[0].why).toMatch(/A0 already stands at the status quo/);
  });

  it('rejects bad parameters', () => {
    expect(() => nash(split, { utility: 'cubic' as never })).toThrow(/utility/);
    expect(() => nash(split, { rule: 'coalition', coalitionShare: 0 })).toThrow(/coalitionShare/);
  });

  it('the half-line solver reaches machine precision', () => {
    // Single actor, linear: the gain is z on (0, y] and 2y − z beyond: maximum at z = y exactly.
    expect(nashOnHalfLine([7], [1], 14, 'linear')).toBe(7);
    // Quadratic: W/z = Σ w/(2y − z); y = (1, 3), w = (1, 1): 2/z = 1/(2 − z) + 1/(6 − z)
    // → 2(2−z)(6−z) = z(8 − 2z) → 4z² − 24z + 24 = 0 → z = 3 − √3.
    expect(nashOnHalfLine([1, 3], [1, 1], 2, 'quadratic')).toBeCloseTo(3 - Math.sqrt(3), 14);
  });
});
