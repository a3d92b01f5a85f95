/**
 * Boundaries the analysis must get exactly right (issue 12 item 7): red lines that only touch
 * still leave a zone (a single value), and the draft aligner's similarity thresholds are
 * inclusive at their stated values (RENUMBER_SIMILARITY, SAME_NUMBER_SIMILARITY).
 */
import { describe, expect, it } from 'vitest';
import { zoneOfAgreement } from '../../src/analysis/index.ts';
import { alignPoints, RENUMBER_SIMILARITY, SAME_NUMBER_SIMILARITY } from '../../src/analysis/drafts.ts';
import { Case, type CaseInput } from '../../src/case/schema.ts';

/** Two veto holders on one issue 0–100: a admits x ≤ aMax, b admits x ≥ bMin. */
const touching = (aMax: number, bMin: number): CaseInput => ({
  id: 'touch',
  title: 'Touching red lines',
  actors: [
    { id: 'a', name: 'A', kind: 'state', capability: 1 },
    { id: 'b', name: 'B', kind: 'state', capability: 1 },
  ],
  issues: [{ id: 'x', title: 'X', statusQuo: 50 }],
  stances: [
    { actor: 'a', issue: 'x', position: 20, salience: 50, redLine: { max: aMax, veto: true } },
    { actor: 'b', issue: 'x', position: 80, salience: 50, redLine: { min: bMin, veto: true } },
  ],
});

describe('zone of agreement at the boundary', () => {
  it('lines that meet at one value (a ≤ 50, b ≥ 50) leave the zone [50, 50], and a package exists', () => {
    const z = zoneOfAgreement(Case.parse(touching(50, 50)), { forecasts: false });
    expect(z.issues[0].zone).toEqual({ min: 50, max: 50 });
    expect(z.issues[0].toOpen).toBeNull();
    expect(z.packagesExist).toBe(true);
    expect(z.box).toEqual({ x: { min: 50, max: 50 } });
    expect(z.totalMovement).toBe(0);
  });

  it('lines 0.5 apart (a ≤ 50, b ≥ 50.5) leave none; moving one line by 0.5 opens it', () => {
    const z = zoneOfAgreement(Case.parse(touching(50, 50.5)), { forecasts: false });
    expect(z.issues[0].zone).toBeNull();
    expect(z.packagesExist).toBe(false);
    expect(z.totalMovement).toBe(0.5);
  });

  it('a line touching the scale end leaves the end itself (a ≤ 0 on 0–100)', () => {
    const c = touching(0, 0);
    const z = zoneOfAgreement(Case.parse(c), { forecasts: false });
    expect(z.issues[0].zone).toEqual({ min: 0, max: 0 });
  });
});

/** A text of `n` distinct words w<from>..w<from+n-1>. */
const words = (from: number, n: number) => Array.from({ length: n }, (_, k) => `w${from + k}`).join(' ');
const point = (number: number, text: string, values: Record<string, number> = {}) => ({ number, text, values });

describe('draft renumbering threshold', () => {
  it('the thresholds are the documented ones', () => {
    expect(RENUMBER_SIMILARITY).toBe(0.35);
    expect(SAME_NUMBER_SIMILARITY).toBe(0.2);
  });

  it('points with different numbers pair at similarity exactly 0.35 (7 shared words of 20), not at 7 of 21', () => {
    // A: point 1 = w0..w12 (13 words); B: point 2 = w0..w6 + w100..w106 (14 words): 7 / (13 + 14 − 7) = 0.35.
    const at = alignPoints([point(1, words(0, 13))], [point(2, `${words(0, 7)} ${words(100, 7)}`)]);
    expect(at).toEqual([[0, 0, 0.35]]);
    // One more word in B: 7 / 21 = 0.333…: removed and added, not renumbered.
    const below = alignPoints([point(1, words(0, 13))], [point(2, `${words(0, 7)} ${words(100, 8)}`)]);
    expect(below).toEqual([[0, null, 0], [null, 0, 0]]);
  });

  it('just above 0.35 pairs too; same-numbered points pair from 0.2 (1 shared word of 5), not below', () => {
    // 7 / 19 = 0.368…
    expect(alignPoints([point(1, words(0, 13))], [point(2, `${words(0, 7)} ${words(100, 6)}`)])).toEqual([[0, 0, 7 / 19]]);
    // Same number, no common issue: 1 / 5 = 0.2 pairs; 1 / 6 does not.
    expect(alignPoints([point(1, words(0, 3))], [point(1, `${words(0, 1)} ${words(100, 2)}`)])).toEqual([[0, 0, 0.2]]);
    expect(alignPoints([point(1, words(0, 3))], [point(1, `${words(0, 1)} ${words(100, 3)}`)])).toEqual([[0, null, 0], [null, 0, 0]]);
  });
});
