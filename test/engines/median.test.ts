import { describe, expect, it } from 'vitest';
import { median } from '../../src/engines/median.ts';
import { modelInput } from './input.ts';

describe('median', () => {
  it('is the capability × salience weighted median (hand-computed)', () => {
    // Issue 0: weights 2, 1, 2 of 5 at 0, 50, 100: cumulative 2 < 2.5 ≤ 3 → 50.
    // Issue 1: saliences 0.2, 1, 1 → weights 0.4, 1, 2 at 90, 10, 40: sorted 10 (1), 40 (3) → 40.
    const r = median(modelInput([[2, [0, 90], [1, 0.2]], [1, [50, 10], [1, 1]], [2, [100, 40], [1, 1]]]));
    expect(r.outcome).toEqual([50, 40]);
    expect(r.rounds).toHaveLength(1);
    expect(r.model).toBe('median');
  });

  it('takes the midpoint when the weight splits exactly in half', () => {
    // Weights 1 and 1 at 20 and 60: half the weight is reached exactly at 20 → (20 + 60) / 2.
    expect(median(modelInput([[1, [20], [1]], [1, [60], [1]]])).outcome[0]).toBe(40);
  });

  it('ignores actors without salience and falls back to the status quo when nobody cares', () => {
    expect(median(modelInput([[100, [0], [0]], [1, [70], [0.5]]])).outcome[0]).toBe(70);
    expect(median(modelInput([[1, [10], [0]], [1, [90], [0]]], [35])).outcome[0]).toBe(35);
  });
});
