import { describe, expect, it } from 'vitest';
import { compromise } from '../../src/engines/compromise.ts';
import { modelInput as input } from './input.ts';

describe('compromise', () => {
  it('is the capability × salience weighted mean (hand-computed)', () => {
    // (2·1·0 + 1·1·90) / 3 = 30; issue 2: (2·0.5·10 + 1·1·40) / 2 = 25
    const r = compromise(input([[2, [0, 10], [1, 0.5]], [1, [90, 40], [1, 1]]]));
    expect(r.outcome[0]).toBeCloseTo(30, 12);
    expect(r.outcome[1]).toBeCloseTo(25, 12);
    expect(r.rounds).toHaveLength(1);
    expect(r.rounds[0].positions).toEqual([[0, 10], [90, 40]]);
  });

  it('falls back to the status quo when nobody cares', () => {
    const r = compromise(input([[1, [10], [0]], [1, [90], [0]]], [55]));
    expect(r.outcome[0]).toBe(55);
  });
});
