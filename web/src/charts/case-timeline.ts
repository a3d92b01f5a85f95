/**
 * The case on one time axis: its events (by kind), its drafts and its evidence (one dot per item,
 * accepted / candidate / rejected told apart by symbol as well as colour), three lanes sharing the
 * x axis. Pure function of plain data and an injected `document`; labels go in as text.
 */
import * as Plot from '@observablehq/plot';

export interface CaseTimelineItem {
  date: string;
  lane: 'events' | 'drafts' | 'evidence';
  /** events: the kind; drafts: "draft"; evidence: its status. */
  kind: string;
  label: string;
}

export const LANES = ['events', 'drafts', 'evidence'] as const;
/** Colours (on white, each ≥ 3:1 as a graphic) and symbols per kind. */
export const KIND_STYLE: Record<string, { colour: string; symbol: string }> = {
  meeting: { colour: '#1f4e8c', symbol: 'circle' },
  deadline: { colour: '#a40000', symbol: 'triangle' },
  draft: { colour: '#6a3d9a', symbol: 'square' },
  statement: { colour: '#1b7a3a', symbol: 'diamond' },
  other: { colour: '#5b6470', symbol: 'cross' },
  accepted: { colour: '#0b5563', symbol: 'circle' },
  candidate: { colour: '#9a5b00', symbol: 'times' },
  rejected: { colour: '#5b6470', symbol: 'plus' },
};
const style = (k: string) => KIND_STYLE[k] ?? KIND_STYLE.other;

export function caseTimelineChart(items: CaseTimelineItem[], doc: Document, width = 900): SVGSVGElement | HTMLElement {
  const lanes = LANES.filter((l) => items.some((i) => i.lane === l));
  const kinds = [...new Set(items.map((i) => i.kind))];
  const at = (i: CaseTimelineItem) => new Date(`${i.date}T00:00:00Z`);
  return Plot.plot({
    document: doc,
    width,
    height: 60 + lanes.length * 56,
    marginLeft: 70,
    marginRight: 16,
    x: { type: 'utc', label: null, grid: true, ticks: width < 560 ? 4 : 8 },
    y: { domain: lanes, label: null },
    color: { domain: kinds, range: kinds.map((k) => style(k).colour) },
    // One legend for both: Plot merges a symbol legend with the colour scale of the same channel.
    symbol: { domain: kinds, range: kinds.map((k) => style(k).symbol), legend: true },
    marks: [
      Plot.ruleX(items.filter((i) => i.lane === 'drafts'), { x: at, stroke: '#6a3d9a', strokeOpacity: 0.25 }),
      Plot.dot(items, {
        x: at,
        y: 'lane',
        r: 4.5,
        stroke: 'kind',
        symbol: 'kind',
        strokeWidth: 1.8,
        className: 'case-timeline-dot',
        title: (i: CaseTimelineItem) => `${i.date} · ${i.lane === 'evidence' ? `evidence (${i.kind})` : i.kind}\n${i.label}`,
        tip: true,
      }),
    ],
  }) as SVGSVGElement | HTMLElement;
}
