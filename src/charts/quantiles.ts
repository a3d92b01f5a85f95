/**
 * Monte Carlo forecast intervals: per issue and model, the 5–95 % (thin) and 25–75 % (thick)
 * intervals and the median, in % of each issue's scale.
 */
import * as Plot from '@observablehq/plot';
import type { SimulationResult } from '../analysis/montecarlo.ts';
import { CHART_WIDTH, clip, type PlotOptions } from './render.ts';

export function quantileChart(s: SimulationResult): PlotOptions {
  const data = s.issues.flatMap((iss) =>
    s.models.map((m) => {
      const q = s.quantiles[m][iss.id];
      const pct = (x: number) => (100 * (x - iss.scale.min)) / (iss.scale.max - iss.scale.min || 1);
      return { row: clip(`${iss.id} · ${m}`, 40), model: m, p05: pct(q.p05), p25: pct(q.p25), p50: pct(q.p50), p75: pct(q.p75), p95: pct(q.p95) };
    }),
  );
  return {
    title: `Monte Carlo forecast intervals (${s.runs} runs, ${s.distribution})`,
    width: CHART_WIDTH,
    height: 50 + 16 * data.length,
    marginLeft: 220,
    x: { domain: [0, 100], label: 'forecast (% of the issue scale)', grid: true },
    y: { domain: data.map((d) => d.row), label: null },
    color: { legend: true, domain: s.models },
    marks: [
      Plot.link(data, { x1: 'p05', x2: 'p95', y1: 'row', y2: 'row', stroke: 'model', strokeWidth: 1.5 }),
      Plot.link(data, { x1: 'p25', x2: 'p75', y1: 'row', y2: 'row', stroke: 'model', strokeWidth: 6 }),
      Plot.tickX(data, { x: 'p50', y: 'row', stroke: 'black' }),
    ],
  };
}
