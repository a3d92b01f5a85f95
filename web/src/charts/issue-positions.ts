/**
 * The position map of one issue: each actor's position on the issue's labelled scale (dot area ∝
 * salience, the label gives capability), its estimate range, its red-line band (the part of the
 * scale it rejects, darker where it holds a veto), the zone of agreement, the status quo, the draft
 * points and each model's forecast with its Monte Carlo interval (5–95 % line, 25–75 % box).
 *
 * A pure function of plain data and an injected `document` (the Observable Plot pattern), so it
 * renders in the browser and under linkedom alike. Text goes through Plot's text nodes.
 */
import * as Plot from '@observablehq/plot';
import type { Interval } from '../monte-carlo.ts';

export interface ActorMark {
  actor: string;
  name: string;
  position: number;
  low: number;
  high: number;
  /** 0–100. */
  salience: number;
  capability: number;
  redLine: { min?: number; max?: number; veto: boolean } | null;
}

export interface IssueChartData {
  title: string;
  scale: { min: number; max: number; unit?: string; anchors: Array<{ at: number; label: string }> };
  statusQuo: number;
  actors: ActorMark[];
  zone: { min: number; max: number } | null;
  drafts: Array<{ draft: string; title: string; point: string; value: number }>;
  forecasts: Array<{ model: string; value: number; interval: Interval | null }>;
}

export const draftRow = (title: string) => `draft · ${title}`;
export const modelRow = (model: string) => `forecast · ${model}`;

const fmt = (x: number) => String(Math.round(x * 10) / 10);

export function issuePositionsChart(d: IssueChartData, doc: Document, width = 900): SVGSVGElement | HTMLElement {
  const rows = [
    ...d.actors.map((a) => a.name),
    ...[...new Set(d.drafts.map((p) => p.title))].map(draftRow),
    ...d.forecasts.map((f) => modelRow(f.model)),
  ];
  const { min, max } = d.scale;
  // The red-line band of an actor: the parts of the scale outside its acceptable range.
  const rejected = d.actors.flatMap((a) => {
    if (!a.redLine) return [];
    const out: Array<{ name: string; x1: number; x2: number; veto: boolean; text: string }> = [];
    const lo = a.redLine.min ?? min;
    const hi = a.redLine.max ?? max;
    const what = `${a.name} rejects ${a.redLine.veto ? '(veto) ' : ''}`;
    if (lo > min) out.push({ name: a.name, x1: min, x2: lo, veto: a.redLine.veto, text: `${what}below ${fmt(lo)}` });
    if (hi < max) out.push({ name: a.name, x1: hi, x2: max, veto: a.redLine.veto, text: `${what}above ${fmt(hi)}` });
    return out;
  });
  const withInterval = d.forecasts.filter((f) => f.interval);
  // On a phone the whole scale must fit: row names clipped to a third of the width, and the
  // salience/capability notes (right of the scale) left to the tooltip.
  const narrow = width < 560;
  const labelChars = narrow ? Math.max(8, Math.floor((width * 0.36 - 12) / 7)) : Infinity;
  const clipRow = (r: string) => ([...r].length > labelChars ? `${[...r].slice(0, labelChars - 1).join('')}…` : r);
  return Plot.plot({
    document: doc,
    width,
    height: 44 + rows.length * 30,
    marginLeft: Math.min(narrow ? Math.round(width * 0.38) : 260, 12 + 7 * Math.max(...rows.map((r) => Math.min(r.length, labelChars)))),
    marginRight: narrow ? 16 : 110,
    x: {
      domain: [min, max],
      inset: 12,
      label: d.scale.unit ? `position (${d.scale.unit})` : 'position',
      ticks: d.scale.anchors.length >= 2 ? d.scale.anchors.map((a) => a.at) : undefined,
      grid: true,
    },
    y: { domain: rows, label: null, tickFormat: clipRow },
    r: { domain: [0, 100], range: [2, 11] },
    marks: [
      d.zone
        ? Plot.rectX([d.zone], { x1: 'min', x2: 'max', fill: '#2e9d5b', fillOpacity: 0.14, className: 'zone-of-agreement', title: () => `zone of agreement ${fmt(d.zone!.min)}–${fmt(d.zone!.max)}` })
        : null,
      Plot.barX(rejected, { x1: 'x1', x2: 'x2', y: 'name', fill: '#c62828', fillOpacity: (r: { veto: boolean }) => (r.veto ? 0.35 : 0.15), className: 'red-line-band', title: 'text', inset: 4 }),
      Plot.ruleX([d.statusQuo], { stroke: '#555', strokeDasharray: '4 3', className: 'status-quo' }),
      Plot.ruleY(d.actors, { y: 'name', x1: 'low', x2: 'high', stroke: '#1f4e8c', strokeOpacity: 0.5, strokeWidth: 3 }),
      Plot.dot(d.actors, {
        x: 'position',
        y: 'name',
        r: 'salience',
        fill: '#1f4e8c',
        stroke: 'white',
        className: 'actor-position',
        title: (a: ActorMark) =>
          `${a.name}\nposition ${fmt(a.position)} (${fmt(a.low)}–${fmt(a.high)})\nsalience ${fmt(a.salience)}\ncapability ${fmt(a.capability)}` +
          (a.redLine ? `\nred line ${fmt(a.redLine.min ?? min)}–${fmt(a.redLine.max ?? max)}${a.redLine.veto ? ' (veto)' : ''}` : ''),
        tip: true,
      }),
      Plot.text(narrow ? [] : d.actors, {
        x: max,
        y: 'name',
        text: (a: ActorMark) => `sal ${fmt(a.salience)} · cap ${fmt(a.capability)}`,
        textAnchor: 'start',
        dx: 18,
        fill: '#444',
        className: 'actor-weights',
      }),
      Plot.dot(d.drafts, {
        x: 'value',
        y: (p: { title: string }) => draftRow(p.title),
        symbol: 'diamond',
        r: 6,
        fill: '#8a5a00',
        className: 'draft-point',
        title: (p: { point: string; value: number; title: string }) => `${p.title}, point ${p.point}: ${fmt(p.value)}`,
        tip: true,
      }),
      Plot.ruleY(withInterval, { y: (f) => modelRow(f.model), x1: (f) => f.interval!.p05, x2: (f) => f.interval!.p95, stroke: '#6a1b9a', strokeWidth: 1.5, className: 'mc-interval' }),
      Plot.barX(withInterval, { y: (f) => modelRow(f.model), x1: (f) => f.interval!.p25, x2: (f) => f.interval!.p75, fill: '#6a1b9a', fillOpacity: 0.25, inset: 7 }),
      Plot.dot(d.forecasts, {
        x: 'value',
        y: (f: { model: string }) => modelRow(f.model),
        symbol: 'triangle',
        r: 6,
        fill: '#6a1b9a',
        className: 'forecast-marker',
        title: (f: { model: string; value: number; interval: Interval | null }) =>
          `${f.model}: ${fmt(f.value)}` + (f.interval ? `\nMonte Carlo 5–95 %: ${fmt(f.interval.p05)}–${fmt(f.interval.p95)}` : ''),
        tip: true,
      }),
    ],
  }) as SVGSVGElement | HTMLElement;
}
