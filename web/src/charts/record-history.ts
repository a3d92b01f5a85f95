/**
 * One issue's recorded forecasts over the dates they were made: per entry the predictive median
 * (dot, joined by a line) and the 90 % interval (vertical bar), and the resolved outcome, once
 * known, as a horizontal line. Pure function of plain data and an injected `document`.
 */
import * as Plot from '@observablehq/plot';

export interface RecordPoint {
  /** When the entry was made (ISO time). */
  date: Date;
  median: number;
  lo90: number;
  hi90: number;
  /** The agreement probability of the entry, for the hover text. */
  agreement: number;
}

export function recordHistoryChart(
  d: { points: RecordPoint[]; outcome: number | null; scale: { min: number; max: number }; title: string },
  doc: Document,
  width = 900,
): SVGSVGElement | HTMLElement {
  const outcome = d.outcome;
  // Entries made on one day would get an axis of milliseconds: show at least a week around them.
  const times = d.points.map((p) => p.date.getTime());
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const pad = hi - lo < 7 * 86400e3 ? 3.5 * 86400e3 : 0;
  const domain = times.length ? [new Date(lo - pad), new Date(hi + pad)] : undefined;
  return Plot.plot({
    document: doc,
    width,
    height: 260,
    marginLeft: 50,
    title: d.title,
    x: { label: 'forecast made on', type: 'utc', ...(domain ? { domain } : {}) },
    y: { label: 'outcome on the issue’s scale', domain: [d.scale.min, d.scale.max], grid: true },
    marks: [
      Plot.ruleX(d.points, { x: 'date', y1: 'lo90', y2: 'hi90', stroke: '#4a7bb7', strokeWidth: 6, strokeOpacity: 0.35, className: 'record-interval' }),
      Plot.line(d.points, { x: 'date', y: 'median', stroke: '#1f4e8c', strokeWidth: 1.5 }),
      Plot.dot(d.points, {
        x: 'date',
        y: 'median',
        fill: '#1f4e8c',
        r: 4,
        className: 'record-median',
        title: (p: RecordPoint) =>
          `${p.date.toISOString().slice(0, 10)}: median ${Math.round(p.median * 10) / 10}, 90 % ${Math.round(p.lo90 * 10) / 10}–${Math.round(p.hi90 * 10) / 10}, agreement ${Math.round(p.agreement * 1000) / 10} %`,
        tip: true,
      }),
      ...(outcome === null ? [] : [Plot.ruleY([outcome], { stroke: '#b03a2e', strokeWidth: 2, strokeDasharray: '6 3', className: 'record-outcome' }), Plot.text([outcome], { y: (v: number) => v, frameAnchor: 'right', text: () => 'resolved', fill: '#b03a2e', dy: -8 })]),
    ],
  }) as SVGSVGElement | HTMLElement;
}
