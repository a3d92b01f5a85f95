/**
 * Positions by round for one model and one issue: a line per actor, the model's forecast after
 * each round (dashed), and on each point the reason the actor moved in that round (the engine's
 * `why`), shown on hover. Pure function of plain data and an injected `document`.
 */
import * as Plot from '@observablehq/plot';

export interface TrajectoryPoint {
  round: number;
  actor: string;
  position: number;
  /** Why the actor moved into this position (empty when it did not move this round). */
  why: string;
}

export function trajectoryChart(
  d: { points: TrajectoryPoint[]; outcome: Array<{ round: number; value: number }>; scale: { min: number; max: number }; rounds: number },
  doc: Document,
  width = 900,
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    document: doc,
    width,
    height: 380,
    marginRight: 120,
    x: { label: 'round', domain: [0, Math.max(1, d.rounds)], ticks: Math.min(d.rounds, 12) || 1, tickFormat: 'd' },
    y: { label: 'position', domain: [d.scale.min, d.scale.max], grid: true },
    color: { type: 'categorical', legend: false },
    marks: [
      Plot.line(d.points, { x: 'round', y: 'position', stroke: 'actor', strokeWidth: 2, className: 'trajectory-line' }),
      Plot.dot(d.points, {
        x: 'round',
        y: 'position',
        fill: 'actor',
        r: 3.5,
        className: 'trajectory-point',
        title: (p: TrajectoryPoint) => `${p.actor}, round ${p.round}: ${Math.round(p.position * 10) / 10}${p.why ? `\n${p.why}` : ''}`,
        tip: true,
      }),
      Plot.text(
        d.points.filter((p) => p.round === d.rounds),
        { x: 'round', y: 'position', text: 'actor', fill: 'actor', textAnchor: 'start', dx: 6 },
      ),
      Plot.line(d.outcome, { x: 'round', y: 'value', stroke: '#111', strokeDasharray: '5 4', strokeWidth: 1.5, className: 'trajectory-outcome' }),
    ],
  }) as SVGSVGElement | HTMLElement;
}
