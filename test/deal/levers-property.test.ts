/**
 * Properties of the levers on random small cases: every compromise and median lever, applied to the
 * case and the model re-run, lands on its target, and 99 % of it does not; every zone lever (with the moves it names) opens its
 * issue's zone, and moving the same bound 99 % of the way does not (the lever is the least move).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../helpers/fast-check-seed.ts';
import { Case, type CaseInput } from '../../src/case/schema.ts';
import { applyMoves, findLevers } from '../../src/deal/levers.ts';
import { forecastCase } from '../../src/analysis/forecast.ts';
import { zoneOfAgreement } from '../../src/analysis/zopa.ts';

const actorArb = fc.record({
  capability: fc.integer({ min: 1, max: 100 }),
  position: fc.integer({ min: 0, max: 100 }),
  salience: fc.integer({ min: 1, max: 100 }),
  lo: fc.integer({ min: 0, max: 100 }),
  width: fc.integer({ min: 0, max: 60 }),
  veto: fc.boolean(),
});

function caseOf(actors: Array<{ capability: number; position: number; salience: number; lo: number; width: number; veto: boolean }>): Case {
  return Case.parse({
    id: 'p',
    title: 'P',
    actors: actors.map((a, i) => ({ id: `a${i}`, name: `A${i}`, kind: 'state', capability: a.capability })),
    issues: [{ id: 'x', title: 'X', statusQuo: 50 }],
    stances: actors.map((a, i) => ({ actor: `a${i}`, issue: 'x', position: a.position, salience: a.salience, redLine: { min: a.lo, max: Math.min(100, a.lo + a.width), veto: a.veto } })),
  } satisfies CaseInput);
}

describe('levers on random cases', () => {
  it('compromise and median levers land on the target when the model is re-run, and are the least moves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actorArb, { minLength: 2, maxLength: 6 }), fc.integer({ min: 0, max: 100 }), async (actors, v) => {
        const c = caseOf(actors);
        const r = await findLevers(c, { target: `value:x=${v}:0`, models: ['compromise', 'median'], runs: 0 });
        for (const l of r.levers) {
          const again = forecastCase(applyMoves(c, [l]), { models: [l.model!] }).results[0].outcome[0];
          expect(Math.abs(again - v)).toBeLessThanOrEqual(1e-6);
          // The least move: 99 % of it does not reach the target yet.
          const short = forecastCase(applyMoves(c, [{ ...l, to: l.from + 0.99 * l.by }]), { models: [l.model!] }).results[0].outcome[0];
          expect(Math.abs(short - v)).toBeGreaterThan(1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('zone levers open the zone, and 99 % of the move does not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actorArb, { minLength: 2, maxLength: 5 }), async (actors) => {
        const c = caseOf(actors);
        const r = await findLevers(c, { target: 'zone:x', runs: 0 });
        const closed = zoneOfAgreement(c, { forecasts: false }).issues[0].zone === null;
        expect(r.parts).toEqual(closed ? ['x'] : []);
        if (closed) expect(r.reachable).toBe(true);
        for (const l of r.levers) {
          const all = [l, ...l.with];
          expect(zoneOfAgreement(applyMoves(c, all), { forecasts: false }).issues[0].zone).not.toBeNull();
          if (l.with.length === 0) {
            const short = { ...l, to: l.from + 0.99 * l.by };
            expect(zoneOfAgreement(applyMoves(c, [short]), { forecasts: false }).issues[0].zone).toBeNull();
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
