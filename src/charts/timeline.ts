/**
 * How the outlook moved: one model's forecast per issue as of each date of the timeline report,
 * in % of each issue's scale so that issues with different scales share one axis.
 */
import * as Plot from '@observablehq/plot';
import type { Timeline } from '../analysis/timeline.ts';
import { CHART_WIDTH, type PlotOptions } from './render.ts';

export function timelineChart(t: Timeline, model: string, scales: Record<string, { min: number; max: number }>): PlotOptions {
  const data = t.points.flatMap((p) =>
    t.issues.map((iss, k) => {
      const sc = scales[iss];
      return { date: new Date(`${p.date}T00:00:00Z`), issue: iss, percent: (100 * (p.outcome[model][k] - sc.min)) / (sc.max - sc.min || 1) };
    }),
  );
  return {
    title: `Forecast over time (${model})`,
    width: CHART_WIDTH,
    height: 360,
    x: { type: 'utc', label: 'as of' },
    y: { domain: [0, 100], label: 'forecast (% of the issue scale)', grid: true },
    color: { legend: true, domain: t.issues },
    marks: [Plot.lineY(data, { x: 'date', y: 'percent', stroke: 'issue' }), Plot.dot(data, { x: 'date', y: 'percent', fill: 'issue', r: 2.5 })],
  };
}
