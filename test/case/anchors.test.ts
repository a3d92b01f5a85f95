import { describe, expect, it } from 'vitest';
import { ANCHOR_NEAR_SHARE, anchorText, nearestAnchor } from '../../src/case/anchors.ts';

const issue = {
  scale: {
    min: 0,
    max: 200,
    anchors: [
      { at: 100, label: 'half' },
      { at: 0, label: 'none' },
      { at: 180, label: 'most' },
    ],
  },
};

describe('anchorText', () => {
  it('names the nearest anchor when it lies within 5 % of the scale (10 units of 200)', () => {
    expect(ANCHOR_NEAR_SHARE).toBe(0.05);
    expect(anchorText(issue, 100)).toBe('half');
    expect(anchorText(issue, 110)).toBe('half');
    expect(anchorText(issue, 90)).toBe('half');
    expect(anchorText(issue, 9.99)).toBe('none');
  });
  it('otherwise says which two anchors the value lies between (anchors in any order)', () => {
    expect(anchorText(issue, 110.01)).toBe('between half and most');
    expect(anchorText(issue, 50)).toBe('between none and half');
  });
  it('past the outermost anchor: below or beyond it; no anchors or no number: empty', () => {
    expect(anchorText(issue, 189)).toBe('most');
    expect(anchorText(issue, 195)).toBe('beyond most');
    expect(anchorText({ scale: { min: 0, max: 100, anchors: [{ at: 20, label: 'low' }, { at: 60, label: 'mid' }] } }, 5)).toBe('below low');
    expect(anchorText({ scale: { min: 0, max: 100, anchors: [{ at: 20, label: 'low' }, { at: 60, label: 'mid' }] } }, 90)).toBe('beyond mid');
    expect(anchorText({ scale: { min: 0, max: 100, anchors: [] } }, 50)).toBe('');
    expect(anchorText(issue, Number.NaN)).toBe('');
  });
  it('nearestAnchor: ties go to the first listed', () => {
    expect(nearestAnchor([{ at: 0, label: 'a' }, { at: 10, label: 'b' }], 5)?.label).toBe('a');
    expect(nearestAnchor([], 5)).toBeUndefined();
  });
});
