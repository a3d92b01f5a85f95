/**
 * The tornado diagram of a sensitivity report (Howard 1988; Clemen & Reilly 2014, Making Hard
 * Decisions, ch. 5): one bar per estimate × forecast issue, from the forecast with the estimate at
 * its low bound to the forecast at its high bound, as change from the baseline in % of the issue's
 * scale, the largest swing on top.
 */
import * as Plot from '@observablehq/plot';
import type { SensitivityReport } from '../analysis/sensitivity.ts';
import { CHART_WIDTH, clip, type PlotOptions } from './render.ts';

export function tornadoChart(s: SensitivityReport, model: string, top = 15): PlotOptions {
  const bars = (s.tornado[model] ?? []).slice(0, top);
  const k = new Map(s.issues.map((id, i) => [id, i]));
  const data = bars.map((b) => {
    const base = s.baseline[model][k.get(b.forecastIssue)!];
    // The scale's width is the bar's swing over its swing in % (bars have non-zero swings).
    const width = (100 * b.swing) / b.swingPercent;
    return {
      label: clip(`${b.actor} ${b.field}${b.issue ? ` (${b.issue})` : ''} → ${b.forecastIssue}`, 55),
      low: (100 * (b.outcomeLow - base)) / width,
      high: (100 * (b.outcomeHigh - base)) / width,
    };
  });
  return {
    title: `Sensitivity (${model}): which estimate moves the forecast most`,
    subtitle: 'blue end: estimate at its low bound; orange end: at its high bound',
    width: CHART_WIDTH,
    height: 50 + 20 * data.length,
    marginLeft: 330,
    x: { label: 'change in the forecast (% of the issue scale)', grid: true },
    y: { domain: data.map((d) => d.label), label: null },
    marks: [
      Plot.barX(data, { x1: (d: (typeof data)[number]) => Math.min(d.low, d.high), x2: (d: (typeof data)[number]) => Math.max(d.low, d.high), y: 'label', fill: '#bbb' }),
      Plot.dot(data, { x: 'low', y: 'label', fill: '#1f77b4', r: 3 }),
      Plot.dot(data, { x: 'high', y: 'label', fill: '#ff7f0e', r: 3 }),
      Plot.ruleX([0]),
    ],
  };
}
