/**
 * The `explain: false` contract (src/engines/types.ts): the same outcome bit for bit as with
 * explanations, and none of the per-round records. Monte Carlo relies on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bdm } from '../../src/engines/bdm.ts';
import { compromise } from '../../src/engines/compromise.ts';
import { median } from '../../src/engines/median.ts';
import { nash } from '../../src/engines/nash.ts';
import type { EngineParams, EngineResult, ModelInput } from '../../src/engines/types.ts';
import { modelInput } from './input.ts';

const models: Array<[string, (input: ModelInput, p: EngineParams) => EngineResult]> = [
  ['compromise', (i, p) => compromise(i, p)],
  ['median', (i, p) => median(i, p)],
  ['nash linear unanimity', (i, p) => nash(i, p)],
  ['nash quadratic unanimity', (i, p) => nash(i, { ...p, utility: 'quadratic' })],
  ['nash linear coalition', (i, p) => nash(i, { ...p, rule: 'coalition', coalitionShare: 0.6 })],
  ['bdm paper q=1', (i, p) => bdm(i, { ...p, rounds: 6 })],
  ['bdm paper q=0.5', (i, p) => bdm(i, { ...p, rounds: 6, q: 0.5 })],
  ['bdm reference', (i, p) => bdm(i, { ...p, rounds: 6, variant: 'reference', q: 0.8 })],
  ['bdm no rounds', (i, p) => bdm(i, { ...p, rounds: 0 })],
];

// Positions on a coarse grid, so that ties (equal positions, equal moves) are common: the choice
// among offers and the weighted median must break them the same way with and without explanations.
const actor = fc.record({
  c: fc.integer({ min: 0, max: 5 }),
  x: fc.array(fc.integer({ min: 0, max: 8 }).map((v) => v * 12.5), { minLength: 3, maxLength: 3 }),
  s: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 1, noNaN: true })), { minLength: 3, maxLength: 3 }),
});
const cases = fc.record({
  actors: fc.array(actor, { minLength: 1, maxLength: 9 }),
  sq: fc.array(fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 100 })), { minLength: 3, maxLength: 3 }),
});

describe.each(models)('%s with explain: false', (_name, run) => {
  it('gives the same outcome bit for bit, and the same params', () => {
    fc.assert(
      fc.property(cases, ({ actors, sq }) => {
        const input = modelInput(actors.map((a) => [a.c, a.x, a.s]), sq);
        const full = run(input, {});
        const lean = run(input, { explain: false });
        // Object.is per issue: equal doubles, NaN with NaN, and +0 distinguished from −0.
        expect(lean.outcome.length).toBe(full.outcome.length);
        lean.outcome.forEach((o, k) => expect(Object.is(o, full.outcome[k]), `issue ${k}: ${o} vs ${full.outcome[k]}`).toBe(true));
        expect(lean.params).toEqual(full.params);
        expect(lean.model).toBe(full.model);
        // Explicitly true is the default.
        expect(JSON.stringify(run(input, { explain: true }))).toBe(JSON.stringify(full));
      }),
      { numRuns: 150 },
    );
  });

  it('builds no rounds, moves or sentences', () => {
    const input = modelInput([
      [3, [10, 90, 40], [0.9, 0.4, 0.7]],
      [2, [60, 20, 45], [0.5, 0.8, 0.6]],
      [1, [100, 50, 80], [0.7, 0.6, 0.9]],
      [2, [30, 70, 0], [0.4, 0.9, 0.3]],
    ], [50, 50, 50]);
    const full = run(input, {});
    expect(full.rounds.length).toBeGreaterThan(0);
    expect(run(input, { explain: false }).rounds).toEqual([]);
  });
});

describe('bdm with explain: false on a case that moves', () => {
  it('skips the moves but lands where the explained run lands', () => {
    // BDM (1994) EC car-emission standards (Scholz Table 1): several actors move every round.
    const actors = [
      { c: 10, x: 4, s: 0.8 }, { c: 10, x: 10, s: 0.4 }, { c: 3, x: 7, s: 0.4 }, { c: 10, x: 7, s: 0.6 }, { c: 2, x: 4, s: 0.4 },
      { c: 5, x: 4, s: 0.6 }, { c: 2, x: 7, s: 0.6 }, { c: 3, x: 4, s: 0.6 }, { c: 5, x: 10, s: 0.8 }, { c: 5, x: 7, s: 0.4 },
    ];
    const input = modelInput(actors.map((a) => [a.c, [a.x], [a.s]]));
    const full = bdm(input, { rounds: 10 });
    expect(full.rounds.slice(1).some((r) => r.moves.length > 0)).toBe(true);
    expect(bdm(input, { rounds: 10, explain: false }).outcome).toEqual(full.outcome);
  });
});
