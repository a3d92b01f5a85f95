/**
 * Red lines and actor utilities over issue values: the shared vocabulary of the zone of agreement,
 * the draft checks, the draft diffs and the Monte Carlo acceptance probabilities.
 */
import type { Case, Issue } from '../case/schema.ts';
import { estimate } from '../case/estimate.ts';
import { currentStances, pairKey } from '../case/view.ts';
import { bindsDeal, issueDecisions } from '../case/decision.ts';

/** One actor's red line on one issue, with absent bounds filled in from the issue's scale. */
export interface RedLineBound {
  actor: string;
  issue: string;
  /** Lowest acceptable value (the scale minimum when the case leaves it open). */
  min: number;
  /** Highest acceptable value (the scale maximum when the case leaves it open). */
  max: number;
  /**
   * Whether the line can block a deal under the issue's decision rule (src/case/decision.ts): a veto
   * holder's under unanimity (by default the lines marked `veto: true`), the decider's under a single
   * decider, none under a qualified majority.
   */
  veto: boolean;
  note?: string;
}

/** A red line with the ranges its bounds may lie in (equal to min / max where the case gives none). */
export interface UncertainRedLine extends RedLineBound {
  minLow: number;
  minHigh: number;
  maxLow: number;
  maxHigh: number;
}

/** Every current red line of the case, in actor order then issue order (`veto`: whether it binds under the decision rule). */
export function redLines(c: Case): RedLineBound[] {
  return uncertainRedLines(c).map(({ minLow: _a, minHigh: _b, maxLow: _c, maxHigh: _d, ...line }) => line);
}

/** Every current red line with its ranges (for the Monte Carlo draws of the agreement outlook). */
export function uncertainRedLines(c: Case): UncertainRedLine[] {
  const current = currentStances(c);
  const rules = issueDecisions(c);
  const out: UncertainRedLine[] = [];
  for (const a of c.actors) {
    c.issues.forEach((iss, k) => {
      const rl = current.get(pairKey(a.id, iss.id))?.redLine;
      if (!rl) return;
      const min = rl.min ?? iss.scale.min;
      const max = rl.max ?? iss.scale.max;
      out.push({
        actor: a.id,
        issue: iss.id,
        min,
        max,
        veto: bindsDeal(rules[k], a.id),
        ...(rl.note !== undefined ? { note: rl.note } : {}),
        minLow: Math.min(min, rl.minRange?.low ?? min),
        minHigh: Math.max(min, rl.minRange?.high ?? min),
        maxLow: Math.min(max, rl.maxRange?.low ?? max),
        maxHigh: Math.max(max, rl.maxRange?.high ?? max),
      });
    });
  }
  return out;
}

/** How far `value` lies outside [min, max] (0 inside), and which side it crosses. */
export function crossing(line: Pick<RedLineBound, 'min' | 'max'>, value: number): { by: number; side: 'min' | 'max' | null } {
  if (value < line.min) return { by: line.min - value, side: 'min' };
  if (value > line.max) return { by: value - line.max, side: 'max' };
  return { by: 0, side: null };
}

/** The width of an issue's scale (1 for a degenerate scale, so that distances stay finite). */
export const scaleRange = (iss: Pick<Issue, 'scale'>): number => iss.scale.max - iss.scale.min || 1;

/**
 * Each actor's ideal points and utility weights. The utility of a package of issue values `x` for
 * actor i is the salience-weighted negative distance on the normalized scales,
 *
 *   u_i(x) = − Σ_k w_ik · |x_k − p_ik| / (max_k − min_k),   w_ik = s_ik / Σ_k s_ik,
 *
 * so 0 is the actor's ideal package and −1 the farthest possible one (the linear loss of the
 * spatial models, e.g. Stokman & Van Oosten 1994; Thomson et al. 2006, ch. 2). Salience is the
 * case's 0–100; issues without a stance of the actor carry no weight.
 */
export interface UtilityModel {
  actors: string[];
  issues: string[];
  /** position[i][k]: the actor's current position (point value), NaN without a stance. */
  position: number[][];
  /** weight[i][k]: normalized salience w_ik (row sums to 1, or all 0 when the actor holds no stance). */
  weight: number[][];
  range: number[];
  statusQuo: number[];
}

export function utilityModel(c: Case): UtilityModel {
  const current = currentStances(c);
  const position: number[][] = [];
  const weight: number[][] = [];
  for (const a of c.actors) {
    const pos: number[] = [];
    const sal: number[] = [];
    for (const iss of c.issues) {
      const s = current.get(pairKey(a.id, iss.id));
      pos.push(s ? estimate(s.position).value : NaN);
      sal.push(s ? Math.max(0, estimate(s.salience).value) : 0);
    }
    const total = sal.reduce((x, y) => x + y, 0);
    position.push(pos);
    weight.push(sal.map((v) => (total > 0 ? v / total : 0)));
  }
  return {
    actors: c.actors.map((a) => a.id),
    issues: c.issues.map((i) => i.id),
    position,
    weight,
    range: c.issues.map(scaleRange),
    statusQuo: c.issues.map((i) => i.statusQuo),
  };
}

/** u_i(x) for a full package x (one value per issue). */
export function utilityOf(um: UtilityModel, actorIndex: number, x: ArrayLike<number>): number {
  let u = 0;
  const w = um.weight[actorIndex];
  const p = um.position[actorIndex];
  for (let k = 0; k < um.issues.length; k++) {
    if (w[k] > 0) u -= (w[k] * Math.abs(x[k] - p[k])) / um.range[k];
  }
  return u;
}

/** The change in u_i when issue k alone moves from `from` to `to` (positive: the actor gains). */
export function utilityChange(um: UtilityModel, actorIndex: number, k: number, from: number, to: number): number {
  const w = um.weight[actorIndex][k];
  if (!(w > 0)) return 0;
  const p = um.position[actorIndex][k];
  return (w * (Math.abs(from - p) - Math.abs(to - p))) / um.range[k];
}

/**
 * The issue values a draft sets: for each issue, the value of the last point that names it (a later
 * point refines an earlier one), with the number of that point. Issues the draft is silent on are absent.
 */
export function draftValues(draft: Case['drafts'][number]): Map<string, { value: number; point: string }> {
  const out = new Map<string, { value: number; point: string }>();
  for (const p of draft.points) for (const [issue, value] of Object.entries(p.values)) out.set(issue, { value, point: String(p.number) });
  return out;
}

/** A draft as a full package: its values, and the status quo on every issue it is silent on. */
export function draftPackage(c: Case, draft: Case['drafts'][number]): number[] {
  const vals = draftValues(draft);
  return c.issues.map((iss) => vals.get(iss.id)?.value ?? iss.statusQuo);
}
