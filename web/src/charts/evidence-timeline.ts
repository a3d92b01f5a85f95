/**
 * Evidence over time: one dot per quote or report, by date and actor, the speaker and outlet on
 * hover. Pure function of plain data and an injected `document`.
 */
import * as Plot from '@observablehq/plot';

export interface TimelineItem {
  date: string;
  actor: string;
  label: string;
  status: string;
}

export function evidenceTimelineChart(items: TimelineItem[], doc: Document, width = 900): SVGSVGElement | HTMLElement {
  const actors = [...new Set(items.map((i) => i.actor))];
  return Plot.plot({
    document: doc,
    width,
    height: 50 + actors.length * 28,
    marginLeft: Math.min(220, 12 + 7 * Math.max(4, ...actors.map((a) => a.length))),
    x: { type: 'utc', label: 'date', grid: true },
    y: { domain: actors, label: null },
    marks: [
      Plot.dot(items, {
        x: (i: TimelineItem) => new Date(`${i.date}T00:00:00Z`),
        y: 'actor',
        r: 5,
        fill: (i: TimelineItem) => (i.status === 'candidate' ? '#b26a00' : '#1f4e8c'),
        fillOpacity: 0.7,
        className: 'evidence-dot',
        title: 'label',
        tip: true,
      }),
    ],
  }) as SVGSVGElement | HTMLElement;
}
