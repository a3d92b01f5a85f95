/** Properties every engine must have, on random inputs (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bdm } from '../../src/engines/bdm.ts';
import { compromise } from '../../src/engines/compromise.ts';
import { median } from '../../src/engines/median.ts';
import { nash } from '../../src/engines/nash.ts';
import type { EngineResult, ModelInput } from '../../src/engines/types.ts';
import { modelInput } from './input.ts';

const models: Array<[string, (input: ModelInput) => EngineResult]> = [
  ['compromise', (i) => compromise(i)],
  ['median', (i) => median(i)],
  ['nash linear unanimity', (i) => nash(i)],
  ['nash quadratic coalition', (i) => nash(i, { utility: 'quadratic', rule: 'coalition', coalitionShare: 0.6 })],
  ['bdm paper', (i) => bdm(i, { rounds: 4, q: 0.5 })],
  ['bdm reference', (i) => bdm(i, { rounds: 4, variant: 'reference' })],
];

const actor = fc.record({
  c: fc.double({ min: 0.01, max: 100, noNaN: true }),
  x: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 2 }),
  s: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }),
});
const cases = fc.record({
  actors: fc.array(actor, { minLength: 2, maxLength: 7 }),
  sq: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 2 }),
});
const build = (actors: Array<{ c: number; x: number[]; s: number[] }>, sq: number[]) => modelInput(actors.map((a) => [a.c, a.x, a.s]), sq);

describe.each(models)('%s', (name, run) => {
  it('forecasts within the actors’ range (with the status quo for Nash)', () => {
    fc.assert(
      fc.property(cases, ({ actors, sq }) => {
        const r = run(build(actors, sq));
        r.outcome.forEach((o, k) => {
          const xs = actors.map((a) => a.x[k]);
          if (name.startsWith('nash')) xs.push(sq[k]);
          expect(o).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
          expect(o).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('permuting the actors changes nothing', () => {
    fc.assert(
      fc.property(cases, fc.nat(), ({ actors, sq }, rot) => {
        const shift = rot % actors.length;
        const permuted = [...actors.slice(shift), ...actors.slice(0, shift)].reverse();
        const a = run(build(actors, sq)).outcome;
        const b = run(build(permuted, sq)).outcome;
        a.forEach((v, k) => expect(b[k]).toBeCloseTo(v, 8));
      }),
      { numRuns: 60 },
    );
  });

  it('same input, same result, bit for bit', () => {
    fc.assert(
      fc.property(cases, ({ actors, sq }) => {
        expect(run(build(actors, sq))).toEqual(run(build(actors, sq)));
      }),
      { numRuns: 20 },
    );
  });
});
