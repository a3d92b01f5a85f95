import { describe, expect, it } from 'vitest';
import { compromise } from '../../src/engines/compromise.ts';
import type { ModelInput } from '../../src/engines/types.ts';

export function input(rows: Array<[cap: number, pos: number[], sal: number[]]>, sq: number[] = []): ModelInput {
  const n = rows.length;
  const m = rows[0][1].length;
  const f = (g: (i: number, k: number) => number) => Float64Array.from({ length: n * m }, (_, j) => g(Math.floor(j / m), j % m));
  return {
    actors: rows.map((_, i) => `A${i}`),
    issues: Array.from({ length: m }, (_, k) => `I${k}`),
    position: f((i, k) => rows[i][1][k]),
    salience: f((i, k) => rows[i][2][k]),
    capability: f((i) => rows[i][0]),
    scaleMin: new Float64Array(m),
    scaleMax: new Float64Array(m).fill(100),
    statusQuo: Float64Array.from({ length: m }, (_, k) => sq[k] ?? NaN),
  };
}

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
