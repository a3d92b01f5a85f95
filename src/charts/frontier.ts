/**
 * The two-actor frontier (docs/deal.md): the gains over the status quo of actor A against actor B,
 * for every package inside every veto holder's red lines, with the drafts and the generated packages
 * as labelled points and the status quo at the origin.
 *
 * The curve is computed here, exactly, for any two actors (not only the two the packages balance):
 * the red lines that bind make the feasible set a box, one interval (or one grid of anchors, on a
 * discrete scale) per issue (deal/packages.ts `dealProblem`), and utility is separable over issues
 * (u_i(x) = −Σ_k w_ik |x_k − p_ik| / r_k). On a continuous issue every efficient value lies between
 * A's and B's ideal points clipped to the box, where A's and B's gains move linearly: the issue is one
 * segment in the gain plane, and the frontier of all of them is the segments laid end to end, the best
 * rate of exchange first (as in a fractional knapsack). Discrete issues add finite sets of points,
 * combined by their two-dimensional Pareto sets; the frontier is then the upper envelope of the
 * segment chain shifted to each of those points, F(x) = the most B can gain when A gains at least x:
 * exact at every vertex, at every crossing of two shifted chains, and at every step down where a
 * shifted chain ends (beyond 600 breakpoints, evaluated at 600 evenly spaced gains of A instead).
 *
 * Pure: a case in, plain data and Observable Plot options out (rendered with an injected document).
 */
import * as Plot from '@observablehq/plot';
import type { Case } from '../case/schema.ts';
import { dealProblem } from '../deal/packages.ts';
import { draftPackage, utilityOf } from '../analysis/red-lines.ts';
import { estimate } from '../case/estimate.ts';
import { CHART_WIDTH, clip, type PlotOptions } from './render.ts';

export interface FrontierPoint {
  label: string;
  kind: 'draft' | 'package' | 'status quo';
  gainA: number;
  gainB: number;
}

export interface TwoActorFrontier {
  a: string;
  b: string;
  /** Whether any package lies inside every binding red line (no: no curve). */
  feasible: boolean;
  /** The frontier, A's gain ascending (B's descending): the most B gains when A gains at least gainA. */
  curve: Array<{ gainA: number; gainB: number }>;
  /** The status quo (at the origin), then the packages, then the drafts. */
  points: FrontierPoint[];
}

/** A package to mark on the chart: its label and its value on each issue (by issue id). */
export interface LabelledPackage {
  label: string;
  values: Record<string, number>;
}

/** How many discrete combinations the envelope keeps at most (thinned evenly along A beyond). */
const MAX_DISCRETE_POINTS = 2000;
/** Points of the curve at most; beyond, the envelope is evaluated at this many evenly spaced gains of A. */
const MAX_CURVE_POINTS = 600;

type Pt = [number, number];

/** The two-dimensional Pareto set of points (both coordinates to maximise), A descending. */
function pareto(points: Pt[]): Pt[] {
  const sorted = [...points].sort((p, q) => q[0] - p[0] || q[1] - p[1]);
  const out: Pt[] = [];
  let bestB = -Infinity;
  for (const p of sorted) {
    if (p[1] > bestB + 1e-12) {
      out.push(p);
      bestB = p[1];
    }
  }
  return out;
}

function thin(points: Pt[], max: number): Pt[] {
  if (points.length <= max) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, n) => points[Math.round(n * step)]);
}

/**
 * The frontier of actors `a` and `b` (ids), with `packages` and the case's drafts as points. An actor
 * without a stance on an issue is indifferent to it.
 */
export function twoActorFrontier(c: Case, a: string, b: string, packages: LabelledPackage[] = []): TwoActorFrontier {
  const p = dealProblem(c);
  const { um } = p;
  const ia = um.actors.indexOf(a);
  const ib = um.actors.indexOf(b);
  if (ia < 0 || ib < 0) throw new Error(`no actor "${ia < 0 ? a : b}" (actors: ${um.actors.join(', ')})`);
  if (ia === ib) throw new Error('choose two different actors');
  const gains = (x: number[]): Pt => [utilityOf(um, ia, x) - p.sqU[ia], utilityOf(um, ib, x) - p.sqU[ib]];
  const points: FrontierPoint[] = [{ label: 'status quo', kind: 'status quo', gainA: 0, gainB: 0 }];
  for (const pk of packages) {
    const [gainA, gainB] = gains(um.issues.map((id, k) => pk.values[id] ?? um.statusQuo[k]));
    points.push({ label: pk.label, kind: 'package', gainA, gainB });
  }
  for (const d of c.drafts) {
    const [gainA, gainB] = gains(draftPackage(c, d));
    points.push({ label: d.title, kind: 'draft', gainA, gainB });
  }
  const feasible = p.emptyIssues.length === 0;
  return { a, b, feasible, curve: feasible ? curveOf(p, ia, ib) : [], points };
}

function curveOf(p: ReturnType<typeof dealProblem>, ia: number, ib: number): Array<{ gainA: number; gainB: number }> {
  const { um } = p;
  const part = (i: number, k: number, x: number) => (um.weight[i][k] > 0 ? (-um.weight[i][k] * Math.abs(x - um.position[i][k])) / um.range[k] : 0);
  const clamp = (k: number, v: number) => Math.min(p.hi[k], Math.max(p.lo[k], v));
  let base: Pt = [0, 0];
  const segments: Pt[] = [];
  let discrete: Pt[] = [[0, 0]];
  for (let k = 0; k < um.issues.length; k++) {
    const wa = um.weight[ia][k] > 0;
    const wb = um.weight[ib][k] > 0;
    const grid = p.grid[k];
    if (grid) {
      const options = pareto(grid.map((x): Pt => [part(ia, k, x), part(ib, k, x)]));
      discrete = thin(pareto(discrete.flatMap((s) => options.map((o): Pt => [s[0] + o[0], s[1] + o[1]]))), MAX_DISCRETE_POINTS);
      continue;
    }
    // A's best value in the box (B's, when A does not care), then, when both care, the segment to B's.
    const from = clamp(k, wa ? um.position[ia][k] : wb ? um.position[ib][k] : p.lo[k]);
    base = [base[0] + part(ia, k, from), base[1] + part(ib, k, from)];
    if (wa && wb) {
      const to = clamp(k, um.position[ib][k]);
      const seg: Pt = [part(ia, k, to) - part(ia, k, from), part(ib, k, to) - part(ib, k, from)];
      if (seg[1] > 1e-15) segments.push(seg);
    }
  }
  // The best rate of exchange first: most of B's gain per unit of A's loss.
  segments.sort((s, t) => t[1] * -s[0] - s[1] * -t[0]);
  const chain: Pt[] = [base];
  for (const s of segments) chain.push([chain.at(-1)![0] + s[0], chain.at(-1)![1] + s[1]]);
  // F_s(x): the chain shifted by s, as the most B gains with A at least x (A descends along the chain);
  // −∞ beyond the chain's top (A cannot gain that much from s).
  const along = (s: Pt, x: number): number => {
    if (x > s[0] + chain[0][0] + 1e-12) return -Infinity;
    for (let j = 1; j < chain.length; j++) {
      const x0 = s[0] + chain[j - 1][0];
      const x1 = s[0] + chain[j][0];
      if (x <= x0 + 1e-12 && x >= x1 - 1e-12) {
        const t = x0 - x1 > 1e-15 ? (x0 - x) / (x0 - x1) : 1;
        return s[1] + chain[j - 1][1] + t * (chain[j][1] - chain[j - 1][1]);
      }
    }
    return x > s[0] + chain[0][0] - 1e-12 ? s[1] + chain[0][1] : s[1] + chain.at(-1)![1];
  };
  const envelopeAt = (x: number): number => discrete.reduce((best, s) => Math.max(best, along(s, x)), -Infinity);
  // Every vertex and every top of a shifted chain is a breakpoint: between two, each F_s is one line (or absent).
  let xs = [...new Set(discrete.flatMap((s) => chain.map((v) => s[0] + v[0])))].sort((x, y) => x - y);
  const exact = xs.length <= MAX_CURVE_POINTS && xs.length * discrete.length <= 200_000;
  if (!exact) {
    const lo = xs[0];
    const hi = xs.at(-1)!;
    xs = Array.from({ length: MAX_CURVE_POINTS }, (_, n) => lo + ((hi - lo) * n) / (MAX_CURVE_POINTS - 1));
  }
  const out: Pt[] = [];
  for (let n = 0; n < xs.length; n++) {
    const here = envelopeAt(xs[n]);
    out.push([xs[n], here]);
    if (n === xs.length - 1) continue;
    // Past the top of a shifted chain, its point is out of A's reach: the envelope drops (a step of a discrete issue).
    const after = discrete.reduce((best, s) => (s[0] + chain[0][0] > xs[n] + 1e-12 ? Math.max(best, along(s, xs[n])) : best), -Infinity);
    if (after < here - 1e-12) out.push([xs[n], after]);
    if (!exact || discrete.length < 2) continue;
    // The upper envelope of the lines between xs[n] and xs[n+1] is convex: add where the leading line changes.
    const [x0, x1] = [xs[n], xs[n + 1]];
    const lines = discrete.filter((s) => x1 <= s[0] + chain[0][0] + 1e-12).map((s) => [along(s, x0), along(s, x1)] as Pt);
    if (lines.length < 2) continue;
    const at = (l: Pt, x: number) => l[0] + ((l[1] - l[0]) * (x - x0)) / (x1 - x0);
    let cur = lines.reduce((b, l) => (l[0] > b[0] + 1e-12 || (Math.abs(l[0] - b[0]) <= 1e-12 && l[1] > b[1]) ? l : b));
    let x = x0;
    for (let guard = 0; guard < lines.length; guard++) {
      let next: { x: number; l: Pt } | null = null;
      for (const l of lines) {
        if (!(l[1] > cur[1] + 1e-12)) continue;
        // Where l overtakes cur: l(t) = cur(t), linear in t.
        const t = x0 + ((cur[0] - l[0]) / (l[1] - l[0] - (cur[1] - cur[0]))) * (x1 - x0);
        if (t > x + 1e-12 && t < x1 - 1e-12 && (!next || t < next.x)) next = { x: t, l };
      }
      if (!next) break;
      out.push([next.x, at(cur, next.x)]);
      [cur, x] = [next.l, next.x];
    }
  }
  const sa = p.sqU[ia];
  const sb = p.sqU[ib];
  const curve = out.map(([x, y]) => ({ gainA: x - sa, gainB: y - sb }));
  // A flat stretch where B's best does not change is a step of a discrete issue: keep its two ends only.
  return curve.filter((q, n) => n === 0 || n === curve.length - 1 || !(Math.abs(curve[n - 1].gainB - q.gainB) < 1e-12 && Math.abs(curve[n + 1].gainB - q.gainB) < 1e-12));
}

/**
 * The pair the chart opens on: the two veto holders (the actors the packages balance) with the most
 * capability, filled with the most capable other actors when fewer than two hold a veto.
 */
export function defaultFrontierPair(c: Case, balanced: string[]): [string, string] | null {
  const cap = (id: string) => {
    const e = c.actors.find((x) => x.id === id)?.capability;
    return e === undefined ? 0 : estimate(e).value;
  };
  const byCap = (xs: string[]) => [...xs].sort((x, y) => cap(y) - cap(x));
  const order = [...byCap(balanced.filter((id) => c.actors.some((x) => x.id === id))), ...byCap(c.actors.map((x) => x.id).filter((id) => !balanced.includes(id)))];
  return order.length >= 2 ? [order[0], order[1]] : null;
}

const pctText = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`;

/** Points at the same place are one point with their labels joined (the three packages often coincide). */
export function mergedPoints(points: FrontierPoint[]): Array<FrontierPoint & { labels: string[] }> {
  const out: Array<FrontierPoint & { labels: string[] }> = [];
  for (const q of points) {
    const same = out.find((o) => Math.abs(o.gainA - q.gainA) < 1e-9 && Math.abs(o.gainB - q.gainB) < 1e-9);
    if (same) {
      same.labels.push(q.label);
      same.label = same.labels.join(', ');
      if (same.kind !== q.kind && q.kind === 'package') same.kind = 'package';
    } else out.push({ ...q, labels: [q.label] });
  }
  return out;
}

/** The chart's text alternative: the frontier's ends and every point's gains, in words. */
export function frontierText(f: TwoActorFrontier, nameA: string, nameB: string): string {
  const pts = mergedPoints(f.points)
    .filter((q) => q.kind !== 'status quo')
    .map((q) => `${q.label}: ${nameA} ${pctText(q.gainA)}, ${nameB} ${pctText(q.gainB)}`);
  const curve = f.curve.length
    ? `The frontier runs from ${nameA} ${pctText(f.curve.at(-1)!.gainA)} with ${nameB} ${pctText(f.curve.at(-1)!.gainB)} to ${nameA} ${pctText(f.curve[0].gainA)} with ${nameB} ${pctText(f.curve[0].gainB)}.`
    : "No package lies inside every veto holder's red lines, so there is no frontier.";
  return `Gains over the status quo (utility × 100) of ${nameA} and ${nameB}; the status quo is at 0, 0. ${curve}${pts.length ? ` ${pts.join('; ')}.` : ''}`;
}

/** What the chart's marks mean (its subtitle; the dashboard shows it beside the chart). */
export const FRONTIER_KEY = 'gains over the status quo (utility × 100); line: the best packages inside the red lines; diamonds: generated packages; circles: drafts; cross: status quo';

/** The chart: A's gain across, B's up (utility × 100), the frontier as a line, packages as diamonds, drafts as circles. */
export function frontierChart(f: TwoActorFrontier, nameA: string, nameB: string, width = CHART_WIDTH): PlotOptions {
  const pts = mergedPoints(f.points).map((q) => ({ ...q, x: q.gainA * 100, y: q.gainB * 100, label: clip(q.label, 36), kindLabel: q.kind }));
  const curve = f.curve.map((q) => ({ x: q.gainA * 100, y: q.gainB * 100 }));
  const xs = [...pts.map((d) => d.x), ...curve.map((d) => d.x)];
  const mid = (Math.min(...xs) + Math.max(...xs)) / 2;
  return {
    title: `Frontier: ${clip(nameA, 30)} against ${clip(nameB, 30)}`,
    subtitle: FRONTIER_KEY,
    width,
    height: Math.round(Math.min(480, Math.max(300, width * 0.6))),
    marginRight: 30,
    // Inset: a label centred on a point at the edge stays inside the plot.
    x: { label: `${clip(nameA, 40)}: gain`, grid: true, inset: 40 },
    y: { label: `${clip(nameB, 40)}: gain`, grid: true, inset: 20 },
    symbol: { domain: ['package', 'draft', 'status quo'], range: ['diamond', 'circle', 'cross'], legend: true },
    marks: [
      Plot.ruleX([0], { stroke: '#999' }),
      Plot.ruleY([0], { stroke: '#999' }),
      Plot.line(curve, { x: 'x', y: 'y', stroke: '#4269d0', strokeWidth: 2, className: 'frontier-curve' }),
      Plot.dot(pts, { x: 'x', y: 'y', symbol: 'kindLabel', stroke: '#222', fill: (d: (typeof pts)[number]) => (d.kind === 'package' ? '#ff725c' : 'white'), r: 5, className: 'frontier-points' }),
      // Labels run inward from their point: those on the right half end at it, the others start there.
      Plot.text(pts.filter((d) => d.x > mid), { x: 'x', y: 'y', text: 'label', dx: -8, dy: -8, textAnchor: 'end', fontSize: 11, lineWidth: 16, className: 'frontier-labels' }),
      Plot.text(pts.filter((d) => d.x <= mid), { x: 'x', y: 'y', text: 'label', dx: 8, dy: -8, textAnchor: 'start', fontSize: 11, lineWidth: 16, className: 'frontier-labels' }),
    ],
  };
}
