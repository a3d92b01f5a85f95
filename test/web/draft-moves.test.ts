import { describe, expect, it } from 'vitest';
import type { PointDiff } from '../../src/analysis/drafts.ts';
import { matchMovedPoints } from '../../web/src/draft-moves.ts';

const point = (p: Partial<PointDiff> & Pick<PointDiff, 'status'>): PointDiff => ({
  numberA: null,
  numberB: null,
  renumbered: false,
  similarity: 0,
  textA: null,
  textB: null,
  text: [],
  valueChanges: [],
  ...p,
});

describe('matchMovedPoints', () => {
  // Going from 0 (status quo) to 40 on territory gains actor x 0.2 when the clause is removed (back to 0: -0.2)
  // and +0.3 when re-added at 70; the moved clause is worth +0.1 to x in all.
  const removed = point({ status: 'removed', numberA: '21', textA: 'Troops withdraw from the line of contact', valueChanges: [{ issue: 'territory', from: 40, to: null, gains: [{ actor: 'x', change: -0.2 }] }] });
  const added = point({ status: 'added', numberB: '7', textB: 'Troops withdraw from the contact line', valueChanges: [{ issue: 'territory', from: null, to: 70, gains: [{ actor: 'x', change: 0.3 }] }] });
  const other = point({ status: 'added', numberB: '8', textB: 'Sanctions are lifted', valueChanges: [{ issue: 'sanctions', from: null, to: 50, gains: [{ actor: 'x', change: 0.1 }] }] });
  const same = point({ status: 'unchanged', numberA: '1', numberB: '1', textA: 'Sovereignty', textB: 'Sovereignty' });

  it('pairs a removed and an added point on the same issue into one moved row', () => {
    const out = matchMovedPoints([same, removed, added, other]);
    expect(out.map((p) => p.status)).toEqual(['unchanged', 'moved', 'added']);
    const moved = out[1];
    expect(moved).toMatchObject({ numberA: '21', numberB: '7', renumbered: true, movedOn: ['territory'], textA: removed.textA, textB: added.textB });
    expect(moved.valueChanges).toHaveLength(1);
    expect(moved.valueChanges[0].from).toBe(40);
    expect(moved.valueChanges[0].to).toBe(70);
    expect(moved.valueChanges[0].gains[0].change).toBeCloseTo(0.1, 12);
    expect(moved.text.filter((t) => t.op === 'delete').map((t) => t.text).join(' ')).toContain('line of');
  });

  it('leaves removed and added points on different issues as they are, and uses an added point once', () => {
    expect(matchMovedPoints([removed, other]).map((p) => p.status)).toEqual(['removed', 'added']);
    const removed2 = { ...removed, numberA: '22' };
    expect(matchMovedPoints([removed, removed2, added]).map((p) => `${p.status}:${p.numberA}`)).toEqual(['moved:21', 'removed:22']);
  });

  it('does not pair points that set no value', () => {
    const r = point({ status: 'removed', numberA: '3', textA: 'x' });
    const a = point({ status: 'added', numberB: '4', textB: 'x' });
    expect(matchMovedPoints([r, a]).map((p) => p.status)).toEqual(['removed', 'added']);
  });
});
