/**
 * Capitulation in BDM (issue 12 item 7). The paper (Scholz et al. 2011, fig. 6 / eq. 36): with
 * a < 0 < b and |a| ≥ b the receiver capitulates. The reference code's test (`eu_ji < abs(eu_ji)`)
 * is never true, so variant 'reference' never capitulates; variant 'paper' does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bdm } from '../../src/engines/bdm.ts';
import '../helpers/fast-check-seed.ts';
import { oneIssue } from './input.ts';

const offers = (r: ReturnType<typeof bdm>) => r.rounds.flatMap((round) => round.moves.map((mv) => mv.detail?.offer));

const actors = fc.array(
  fc.record({ c: fc.integer({ min: 1, max: 20 }), x: fc.integer({ min: 0, max: 10 }), s: fc.integer({ min: 1, max: 10 }) }),
  { minLength: 3, maxLength: 7 },
);
const input = (list: Array<{ c: number; x: number; s: number }>) => oneIssue(list.map((a, i) => ({ name: `A${i}`, c: a.c, x: a.x, s: a.s / 10 })));

describe('bdm capitulation by variant', () => {
  it('paper: capitulations happen (so the check below is not vacuous)', () => {
    let seen = 0;
    fc.assert(
      fc.property(actors, fc.constantFrom(0.5, 1), (list, q) => {
        if (offers(bdm(input(list), { variant: 'paper', q, rounds: 3 })).includes('capitulation')) seen++;
      }),
      { numRuns: 300, seed: 12 },
    );
    expect(seen).toBeGreaterThan(0);
  });

  it('reference: never a capitulation, whatever the actors and Q', () => {
    fc.assert(
      fc.property(actors, fc.constantFrom(0.5, 1), (list, q) => {
        expect(offers(bdm(input(list), { variant: 'reference', q, rounds: 3 }))).not.toContain('capitulation');
      }),
      { numRuns: 300 },
    );
  });
});
