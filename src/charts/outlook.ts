/**
 * The agreement outlook of one issue on the issue's own scale (src/analysis/outlook.ts): per model,
 * the 90 % (thin) and 50 % (thick) predictive intervals of the outcome by the date, the expected
 * outcome (dot) and the terms if agreed (open diamond), with the status quo — the no-deal outcome —
 * as a dashed rule. One small chart per issue, since the issues' scales differ (unlike the Monte
 * Carlo chart in quantiles.ts, drawn in % of each scale). Used by the report and the dashboard.
 */
import * as Plot from '@observablehq/plot';
import type { Outlook } from '../analysis/outlook-types.ts';
import { CHART_WIDTH, clip, type PlotOptions } from './render.ts';

export interface OutlookChartOptions {
  /** The issue's scale (the x axis) and title. */
  scale: { min: number; max: number; unit?: string };
  title?: string;
  /** Models to draw, one row each, in this order (default: every model of the outlook). */
  models?: string[];
}

export function outlookIssueChart(o: Pick<Outlook, 'models'>, issueId: string, opts: OutlookChartOptions): PlotOptions {
  const names = opts.models ?? o.models.map((m) => m.model);
  const rows = names.flatMap((model) => {
    const i = o.models.find((m) => m.model === model)?.issues.find((x) => x.issue === issueId);
    return i ? [{ row: clip(model, 24), model, ...i, lo90: i.interval90[0], hi90: i.interval90[1], lo50: i.interval50[0], hi50: i.interval50[1] }] : [];
  });
  if (!rows.length) throw new RangeError(`no outlook for issue "${issueId}"`);
  const { min, max, unit } = opts.scale;
  const title = clip(opts.title ?? issueId, 80);
  return {
    title,
    width: CHART_WIDTH,
    height: 46 + 20 * rows.length,
    marginLeft: 120,
    x: { domain: [min, max], label: unit ? `${clip(title, 50)} (${unit})` : clip(title, 60), grid: true },
    y: { domain: rows.map((r) => r.row), label: null },
    marks: [
      Plot.ruleX([rows[0].statusQuo], { stroke: '#555', strokeDasharray: '4,3', className: 'status-quo' }),
      Plot.link(rows, { x1: 'lo90', x2: 'hi90', y1: 'row', y2: 'row', stroke: '#1f5fa0', strokeWidth: 1.5, className: 'interval90' }),
      Plot.link(rows, { x1: 'lo50', x2: 'hi50', y1: 'row', y2: 'row', stroke: '#1f5fa0', strokeWidth: 6, className: 'interval50' }),
      Plot.dot(rows, { x: 'ifAgreed', y: 'row', symbol: 'diamond', stroke: '#b35900', fill: 'white', r: 4.5, className: 'if-agreed' }),
      Plot.dot(rows, { x: 'expected', y: 'row', fill: 'black', r: 3, className: 'expected' }),
    ],
  };
}

/** The legend the charts share, as text (the charts have no colour legend: each mark is one thing). */
export const OUTLOOK_CHART_KEY = 'bars: 90 % (thin) and 50 % (thick) intervals of the outcome by the date; dot: expected outcome; diamond: terms if agreed; dashed: status quo (no deal)';
