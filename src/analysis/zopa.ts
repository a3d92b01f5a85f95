/**
 * The zone of possible agreement (ZOPA; Raiffa 1982, The Art and Science of Negotiation, ch. 4):
 * per issue, the values every veto holder's red line admits. Where no value does, the smallest
 * movement of red lines that would open a zone; across issues, the box of packages that respects
 * every red line, and which drafts and forecasts lie inside it.
 */
import type { Case } from '../case/schema.ts';
import { forecastCase, caseView, type ForecastOptions } from './forecast.ts';
import { crossing, draftValues, redLines, type RedLineBound } from './red-lines.ts';
import { analysisHeading, type AnalysisHeading } from './heading.ts';

export interface RedLineMove {
  actor: string;
  /** Which bound of the actor's red line moves. */
  bound: 'min' | 'max';
  from: number;
  to: number;
  by: number;
}

export interface IssueZone {
  issue: string;
  title: string;
  scale: { min: number; max: number };
  /** The range every veto holder admits (null when empty). Without veto holders: the whole scale. */
  zone: { min: number; max: number } | null;
  /** The same over every actor's red line, veto or not (null when empty). */
  zoneAllActors: { min: number; max: number } | null;
  vetoHolders: string[];
  /** Red lines on the issue (veto and not); only veto lines bound `zone`. */
  redLines: RedLineBound[];
  /** Where `zone` is empty: the red lines that must move, by the least total movement, and the value where they would meet. */
  toOpen: MeetingPoint | null;
}

/** Where the veto holders' lines could meet at the least total movement. */
export interface MeetingPoint {
  /** The chosen meeting value (among equally cheap ones, the one moving the fewest lines, then the lowest). */
  at: number;
  /** Every value in this range costs the same least total movement (the cost is flat between them). */
  between: { min: number; max: number };
  totalMovement: number;
  moves: RedLineMove[];
}

export interface PackageCheck {
  /** `draft:<id>` or `forecast:<model>`. */
  kind: 'draft' | 'forecast';
  id: string;
  title: string;
  /** Whether every value the package sets lies inside its issue's zone. */
  inside: boolean;
  /** The values outside their issue's zone, and by how much. */
  outside: Array<{ issue: string; value: number; by: number; point?: string }>;
}

export interface ZoneOfAgreement extends AnalysisHeading {
  issues: IssueZone[];
  /** Packages respecting every veto holder's red line exist (every issue's zone is non-empty). */
  packagesExist: boolean;
  /** The box of packages: the per-issue zones (red lines are per issue, so the feasible set is their product). */
  box: Record<string, { min: number; max: number }> | null;
  /** The total red-line movement needed on all issues for a package to exist (0 when one exists). */
  totalMovement: number;
  drafts: PackageCheck[];
  forecasts: PackageCheck[];
}

/**
 * The value where the fewest red-line movement opens a zone: minimizes Σ_j dist(x, [min_j, max_j])
 * over the veto holders' intervals. The sum is convex and piecewise linear with breakpoints at the
 * interval ends, so its minimum is attained at one of them; among equally cheap ends, the one that
 * moves the fewest lines, then the lowest value.
 */
export function cheapestMeetingPoint(lines: ReadonlyArray<Pick<RedLineBound, 'actor' | 'min' | 'max'>>): MeetingPoint {
  const candidates = [...new Set(lines.flatMap((l) => [l.min, l.max]))].sort((a, b) => a - b);
  let best: Omit<MeetingPoint, 'between'> | null = null;
  const costs: number[] = [];
  for (const x of candidates) {
    const moves: RedLineMove[] = [];
    let total = 0;
    for (const l of lines) {
      const { by, side } = crossing(l, x);
      if (side === null) continue;
      total += by;
      moves.push({ actor: l.actor, bound: side, from: side === 'min' ? l.min : l.max, to: x, by });
    }
    costs.push(total);
    const better = !best || total < best.totalMovement - 1e-12 || (Math.abs(total - best.totalMovement) <= 1e-12 && moves.length < best.moves.length);
    if (better) best = { at: x, totalMovement: total, moves };
  }
  if (!best) return { at: NaN, between: { min: NaN, max: NaN }, totalMovement: 0, moves: [] };
  const cheapest = candidates.filter((_, i) => Math.abs(costs[i] - best!.totalMovement) <= 1e-12);
  return { ...best, between: { min: cheapest[0], max: cheapest[cheapest.length - 1] } };
}

/** The values of `scale` inside every one of `lines` (null: none). */
export function intersect(lines: ReadonlyArray<Pick<RedLineBound, 'min' | 'max'>>, scale: { min: number; max: number }): { min: number; max: number } | null {
  let lo = scale.min;
  let hi = scale.max;
  for (const l of lines) {
    lo = Math.max(lo, l.min);
    hi = Math.min(hi, l.max);
  }
  return lo <= hi ? { min: lo, max: hi } : null;
}

function checkPackage(kind: PackageCheck['kind'], id: string, title: string, values: Array<{ issue: string; value: number; point?: string }>, zones: Map<string, IssueZone>): PackageCheck {
  const outside: PackageCheck['outside'] = [];
  for (const v of values) {
    const z = zones.get(v.issue);
    if (!z) continue;
    // The distance to the farthest crossed veto line: equals the distance to the zone when the zone
    // exists, and stays meaningful when it is empty (then every value crosses some line).
    let by = 0;
    for (const l of z.redLines) if (l.veto) by = Math.max(by, crossing(l, v.value).by);
    if (by > 0 || !z.zone) outside.push({ issue: v.issue, value: v.value, by, ...(v.point !== undefined ? { point: v.point } : {}) });
  }
  return { kind, id, title, inside: outside.length === 0, outside };
}

export interface ZoneOptions extends ForecastOptions {
  /** Include each model's forecast (default true). */
  forecasts?: boolean;
}

export function zoneOfAgreement(c: Case, opts: ZoneOptions = {}): ZoneOfAgreement {
  const view = caseView(c, opts);
  const lines = redLines(view);
  const issues: IssueZone[] = view.issues.map((iss) => {
    const own = lines.filter((l) => l.issue === iss.id);
    const veto = own.filter((l) => l.veto);
    const scale = { min: iss.scale.min, max: iss.scale.max };
    const zone = intersect(veto, scale);
    return {
      issue: iss.id,
      title: iss.title,
      scale,
      zone,
      zoneAllActors: intersect(own, scale),
      vetoHolders: veto.map((l) => l.actor),
      redLines: own,
      toOpen: zone ? null : cheapestMeetingPoint(veto),
    };
  });
  const byIssue = new Map(issues.map((z) => [z.issue, z]));
  const packagesExist = issues.every((z) => z.zone !== null);
  const drafts = view.drafts.map((d) =>
    checkPackage('draft', d.id, d.title, [...draftValues(d)].map(([issue, { value, point }]) => ({ issue, value, point })), byIssue),
  );
  let forecasts: PackageCheck[] = [];
  if (opts.forecasts !== false) {
    const { asOf: _a, scenario: _s, ...rest } = opts;
    const { results } = forecastCase(view, rest);
    forecasts = results.map((r) => checkPackage('forecast', r.model, r.model, view.issues.map((iss, k) => ({ issue: iss.id, value: r.outcome[k] })), byIssue));
  }
  return {
    ...analysisHeading(c, opts),
    issues,
    packagesExist,
    box: packagesExist ? Object.fromEntries(issues.map((z) => [z.issue, z.zone!])) : null,
    totalMovement: issues.reduce((s, z) => s + (z.toOpen?.totalMovement ?? 0), 0),
    drafts,
    forecasts,
  };
}
