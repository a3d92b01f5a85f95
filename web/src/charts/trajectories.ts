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

const HEIGHT = 380;
const MARGIN_TOP = 20;
const MARGIN_BOTTOM = 30;
/** Label lines at least this many pixels apart. */
const LABEL_GAP_PX = 13;

/**
 * The end labels' heights, pushed apart so no two are closer than LABEL_GAP_PX (in data units),
 * kept inside the scale: sorted by position, each pushed up from the one below, then the stack
 * shifted down if it ran past the top.
 */
export function spreadLabels(values: number[], scale: { min: number; max: number }, plotHeightPx: number, gapPx = LABEL_GAP_PX): number[] {
  const span = scale.max - scale.min || 1;
  const gap = (gapPx / Math.max(1, plotHeightPx)) * span;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const placed: number[] = [];
  for (const [v] of order) placed.push(placed.length ? Math.max(v, placed[placed.length - 1] + gap) : Math.max(v, scale.min));
  const over = placed.length ? placed[placed.length - 1] - scale.max : 0;
  if (over > 0) for (let k = 0; k < placed.length; k++) placed[k] -= over;
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap * 0.999);
  const out = new Array<number>(values.length);
  order.forEach(([, i], k) => (out[i] = placed[k]));
  return out;
}

export function trajectoryChart(
  d: { points: TrajectoryPoint[]; outcome: Array<{ round: number; value: number }>; scale: { min: number; max: number }; rounds: number },
  doc: Document,
  width = 900,
): SVGSVGElement | HTMLElement {
  // End labels beside the last round, spread so they do not overlap; on a narrow chart the legend alone names the lines.
  const narrow = width < 560;
  const ends = d.points.filter((p) => p.round === d.rounds);
  const at = spreadLabels(ends.map((p) => p.position), d.scale, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
  const labels = ends.map((p, i) => ({ ...p, labelY: at[i], label: p.actor.length > 16 ? `${p.actor.slice(0, 15)}…` : p.actor }));
  return Plot.plot({
    document: doc,
    width,
    height: HEIGHT,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginRight: narrow ? 20 : 130,
    x: { label: 'round', domain: [0, Math.max(1, d.rounds)], ticks: Math.min(d.rounds, 12) || 1, tickFormat: 'd' },
    y: { label: 'position', domain: [d.scale.min, d.scale.max], grid: true },
    color: { type: 'categorical', legend: true },
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
      ...(narrow
        ? []
        : [
            Plot.link(labels, { x1: 'round', y1: 'position', x2: 'round', y2: 'labelY', stroke: 'actor', strokeOpacity: 0.4, dx: 4 }),
            Plot.text(labels, { x: 'round', y: 'labelY', text: 'label', fill: 'actor', textAnchor: 'start', dx: 8, className: 'trajectory-label' }),
          ]),
      Plot.line(d.outcome, { x: 'round', y: 'value', stroke: '#111', strokeDasharray: '5 4', strokeWidth: 1.5, className: 'trajectory-outcome' }),
    ],
  }) as SVGSVGElement | HTMLElement;
}
