/**
 * How the outlook moved: one model's forecast as of each date of the timeline report, drawn as
 * small multiples — one panel per issue, each on its own scale (the panel's y runs from the
 * issue's minimum to its maximum, shown as % of it; the range is written in the panel) — with the
 * case's events as vertical rules across every panel. One colour: the panel names the issue, so 13
 * issues no longer cycle through 10 colours.
 */
import * as Plot from '@observablehq/plot';
import type { Timeline } from '../analysis/timeline.ts';
import { CHART_WIDTH, clip, type PlotOptions } from './render.ts';

export interface TimelineEventMark {
  date: string;
  title: string;
}
export interface TimelineChartOptions {
  /** Dated events of the case, drawn as rules across every panel. */
  events?: readonly TimelineEventMark[];
  /** Issue titles by id (the panels are named by id without them). */
  titles?: Record<string, string>;
  /** Chart width in px (default CHART_WIDTH); decides how many panels share a row. */
  width?: number;
}

/** Panels per row for a chart width: 3 from 900 px, 2 from 560 px, else 1. */
export const timelineColumns = (width: number): number => (width >= 900 ? 3 : width >= 560 ? 2 : 1);
const PANEL_HEIGHT = 110;

export function timelineChart(t: Timeline, model: string, scales: Record<string, { min: number; max: number; unit?: string }>, opts: TimelineChartOptions = {}): PlotOptions {
  const width = opts.width ?? CHART_WIDTH;
  const cols = timelineColumns(width);
  const panel = new Map(t.issues.map((iss, k) => [iss, { col: k % cols, row: Math.floor(k / cols) }]));
  const name = (iss: string) => clip(opts.titles?.[iss] ?? iss, cols === 1 ? 44 : 28);
  const data = t.points.flatMap((p) =>
    t.issues.map((iss, k) => {
      const sc = scales[iss];
      return { date: new Date(`${p.date}T00:00:00Z`), issue: iss, ...panel.get(iss)!, value: p.outcome[model][k], percent: (100 * (p.outcome[model][k] - sc.min)) / (sc.max - sc.min || 1) };
    }),
  );
  const dates = data.map((d) => +d.date);
  const [first, last] = [Math.min(...dates), Math.max(...dates)];
  // Events inside the timeline's span (an event before the first dated estimate has nothing to mark).
  const events = (opts.events ?? []).map((e) => ({ ...e, at: new Date(`${e.date}T00:00:00Z`) })).filter((e) => +e.at >= first && +e.at <= last);
  const eventMarks = t.issues.flatMap((iss) => events.map((e) => ({ ...e, ...panel.get(iss)! })));
  const heads = t.issues.map((iss) => {
    const sc = scales[iss];
    return { issue: iss, ...panel.get(iss)!, label: name(iss), range: `${sc.min}–${sc.max}${sc.unit ? ` ${clip(sc.unit, 12)}` : ''}` };
  });
  const rows = Math.ceil(t.issues.length / cols);
  return {
    title: `Forecast over time (${model})`,
    subtitle: events.length ? `one panel per issue, on its own scale; grey rules: the case's ${events.length} event${events.length === 1 ? '' : 's'}` : 'one panel per issue, on its own scale',
    width,
    height: 60 + rows * PANEL_HEIGHT,
    marginTop: 20,
    marginLeft: 40,
    marginRight: 10,
    x: { type: 'utc', label: null, ticks: cols === 1 ? 4 : 3 },
    y: { domain: [0, 100], label: '% of scale', ticks: [0, 50, 100], grid: true },
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.32 },
    marks: [
      Plot.frame({ stroke: '#d8dde3' }),
      Plot.ruleX(eventMarks, { x: 'at', fx: 'col', fy: 'row', stroke: '#8a929c', strokeOpacity: 0.55, strokeDasharray: '2,2', title: (e: (typeof eventMarks)[number]) => `${e.date}: ${e.title}` }),
      Plot.lineY(data, { x: 'date', y: 'percent', fx: 'col', fy: 'row', stroke: '#1f4e8c', strokeWidth: 2 }),
      Plot.dot(data, { x: 'date', y: 'percent', fx: 'col', fy: 'row', fill: '#1f4e8c', r: 2.5, title: (d: (typeof data)[number]) => `${name(d.issue)}: ${Math.round(d.value * 10) / 10}` }),
      Plot.text(heads, { fx: 'col', fy: 'row', text: 'label', frameAnchor: 'top-left', dy: -14, fontWeight: 600, fontSize: 11 }),
      Plot.text(heads, { fx: 'col', fy: 'row', text: 'range', frameAnchor: 'top-right', dy: -14, fill: '#5b6470', fontSize: 10 }),
    ],
  };
}
