/** The dashboard's own chart helpers (web/src/charts), rendered under linkedom. */
import { describe, expect, it } from 'vitest';
import { nodeDocument } from '../../src/charts/node-document.ts';
import { scenarioCompareChart } from '../../web/src/charts/scenario-compare.ts';
import { spreadLabels } from '../../web/src/charts/trajectories.ts';
import { timelineColumns } from '../../src/charts/timeline.ts';

const doc = nodeDocument();

describe('spreadLabels', () => {
  it('pushes labels at least the gap apart, keeps their order and stays on the scale', () => {
    // 13 px in a 330 px plot of a 0–100 scale is 3.94 units.
    const out = spreadLabels([50, 50.5, 51, 10, 99], { min: 0, max: 100 }, 330);
    const gap = (13 / 330) * 100;
    expect(out[3]).toBe(10);
    expect(out[0]).toBe(50);
    expect(out[1]).toBeCloseTo(50 + gap, 9);
    expect(out[2]).toBeCloseTo(50 + 2 * gap, 9);
    expect(out[4]).toBe(99);
    const sorted = [...out].sort((a, b) => a - b);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k] - sorted[k - 1]).toBeGreaterThanOrEqual(gap * 0.999 - 1e-9);
  });
  it('shifts a stack that runs past the top back onto the scale', () => {
    const out = spreadLabels([100, 100, 100], { min: 0, max: 100 }, 100);
    // gap 13 units: 74, 87, 100.
    expect(out.map((v) => Math.round(v))).toEqual([74, 87, 100]);
  });
});

describe('scenarioCompareChart', () => {
  it('draws one chart per issue on its own scale and a legend naming the baseline first', () => {
    const points = [
      { issue: 'Army cap', model: 'compromise', scenario: 'baseline', value: 600 },
      { issue: 'Army cap', model: 'compromise', scenario: 'Europe hardens', value: 800 },
      { issue: 'Donbas', model: 'compromise', scenario: 'baseline', value: 40 },
      { issue: 'Donbas', model: 'compromise', scenario: 'Europe hardens', value: 30 },
    ];
    const el = scenarioCompareChart(points, doc, 600, { 'Army cap': { min: 0, max: 1000 }, Donbas: { min: 0, max: 100 } });
    const svgs = [...el.querySelectorAll('svg')];
    expect(svgs).toHaveLength(2);
    const ticks = (s: Element) => [...s.querySelectorAll('text')].map((t) => t.textContent);
    expect(ticks(svgs[0])).toContain('1,000');
    expect(ticks(svgs[1])).toContain('100');
    expect(ticks(svgs[1])).not.toContain('1,000');
    expect([...el.querySelectorAll('.chart-legend li')].map((li) => li.textContent?.trim())).toEqual(['◇ baseline', '● Europe hardens']);
    expect(el.querySelectorAll('.scenario-baseline').length).toBe(2);
    expect([...el.querySelectorAll('.chart-sub')].map((p) => p.textContent)).toEqual(['Army cap (scale 0–1000)', 'Donbas (scale 0–100)']);
  });
});

it('timeline panels per row follow the width', () => {
  expect([timelineColumns(1100), timelineColumns(720), timelineColumns(390)]).toEqual([3, 2, 1]);
});
