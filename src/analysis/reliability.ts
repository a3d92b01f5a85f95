/**
 * Reliability that counts: an estimate resting on weak, retracted or single-sourced evidence is
 * simulated over a wider effective range (docs/evidence.md "Reliability").
 *
 * The rule, per current stance that cites evidence:
 * - the cited evidence that counts: accepted, not retracted (a retraction dated after the as-of date
 *   does not yet apply);
 * - each item's factor is the larger of its two Admiralty grades' factors (RELIABILITY_FACTOR,
 *   CREDIBILITY_FACTOR; a missing grade is 1, `uncertain: true` without a credibility counts as 4);
 * - the stance's factor is the smallest item factor (its best evidence sets it), times
 *   SINGLE_SOURCE_FACTOR when every counted item gives `outlets` and they add up to 1;
 * - a stance whose cited evidence all fails to count (all retracted or rejected) gets UNSUPPORTED_FACTOR.
 * A stance citing no evidence keeps its range (nothing to grade). Each ranged estimate of the stance
 * (position, salience, own capability) keeps its value; its distances to low and high are multiplied
 * by the factor, clamped to the estimate's bounds (the issue's scale; salience 0-100; capability ≥ 0).
 * A point estimate (no range) stays a point. Deterministic: no randomness here; the draws that follow
 * are the seeded ones of montecarlo-core.ts.
 */
import type { Case, Evidence, Stance } from '../case/schema.ts';
import { estimate } from '../case/schema.ts';
import { currentStances } from '../case/view.ts';

export const RELIABILITY_FACTOR: Record<string, number> = { A: 1, B: 1, C: 1.25, D: 1.5, E: 2, F: 1.5 };
export const CREDIBILITY_FACTOR: Record<number, number> = { 1: 1, 2: 1, 3: 1.25, 4: 1.5, 5: 2, 6: 1.5 };
export const SINGLE_SOURCE_FACTOR = 1.5;
export const UNSUPPORTED_FACTOR = 3;

/** Whether an item counts on `asOf` (null: today, any retraction applies). */
export function evidenceCounts(e: Evidence, asOf: string | null = null): boolean {
  if (e.status !== 'accepted') return false;
  const r = e.retracted;
  if (r === undefined || r === false) return true;
  if (r === true || !r.date || asOf === null) return false;
  return r.date > asOf;
}

/** The factor of one item from its grades. */
export function evidenceFactor(e: Evidence): number {
  const credibility = e.credibility ?? (e.uncertain ? 4 : undefined);
  return Math.max(e.reliability ? RELIABILITY_FACTOR[e.reliability] : 1, credibility ? CREDIBILITY_FACTOR[credibility] : 1);
}

export interface StanceSupport {
  /** Cited items that count. */
  counted: Evidence[];
  cited: number;
  /** Sum of `outlets` over counted items, null when some counted item does not give it. */
  outlets: number | null;
  factor: number;
  reason: string;
}

export function stanceSupport(s: Stance, byId: Map<string, Evidence>, asOf: string | null = null): StanceSupport {
  const cited = s.evidence.map((id) => byId.get(id)).filter((e): e is Evidence => e !== undefined);
  const counted = cited.filter((e) => evidenceCounts(e, asOf));
  const outlets = counted.length > 0 && counted.every((e) => e.outlets !== undefined) ? counted.reduce((n, e) => n + (e.outlets ?? 0), 0) : null;
  if (cited.length === 0) return { counted, cited: 0, outlets, factor: 1, reason: 'no evidence cited' };
  if (counted.length === 0) return { counted, cited: cited.length, outlets, factor: UNSUPPORTED_FACTOR, reason: 'all cited evidence retracted or not accepted' };
  const best = Math.min(...counted.map(evidenceFactor));
  const single = outlets === 1;
  const reasons = [best > 1 ? `best evidence graded ×${best}` : 'well graded', ...(single ? [`single outlet ×${SINGLE_SOURCE_FACTOR}`] : [])];
  return { counted, cited: cited.length, outlets, factor: best * (single ? SINGLE_SOURCE_FACTOR : 1), reason: reasons.join(', ') };
}

export interface EffectiveRange {
  actor: string;
  issue: string;
  field: 'position' | 'salience' | 'capability';
  value: number;
  low: number;
  high: number;
  effectiveLow: number;
  effectiveHigh: number;
  factor: number;
  reason: string;
}

/** Widen [low, high] about value by f, clamped to [min, max]. */
export function widen(value: number, low: number, high: number, f: number, min: number, max: number): [number, number] {
  return [Math.max(min, value - f * (value - low)), Math.min(max, value + f * (high - value))];
}

/**
 * The case with the current stances' ranges widened by the rule above, and the list of the widened
 * estimates (factor > 1 and a range to widen).
 */
export function effectiveView(view: Case, asOf: string | null = null): { view: Case; ranges: EffectiveRange[] } {
  const byId = new Map(view.evidence.map((e) => [e.id, e]));
  const current = new Set(currentStances(view).values());
  const issues = new Map(view.issues.map((i) => [i.id, i]));
  const ranges: EffectiveRange[] = [];
  const stances = view.stances.map((s) => {
    if (!current.has(s)) return s;
    const sup = stanceSupport(s, byId, asOf);
    if (sup.factor === 1) return s;
    const issue = issues.get(s.issue);
    const bounds = { position: [issue?.scale?.min ?? 0, issue?.scale?.max ?? 100], salience: [0, 100], capability: [0, Infinity] } as const;
    const out: Stance = { ...s };
    for (const field of ['position', 'salience', 'capability'] as const) {
      const raw = s[field];
      if (raw === undefined) continue;
      const e = estimate(raw);
      const low = Math.min(e.low ?? e.value, e.value);
      const high = Math.max(e.high ?? e.value, e.value);
      if (!(high > low)) continue;
      const [lo, hi] = widen(e.value, low, high, sup.factor, bounds[field][0], bounds[field][1]);
      out[field] = { value: e.value, low: lo, high: hi };
      ranges.push({ actor: s.actor, issue: s.issue, field, value: e.value, low, high, effectiveLow: lo, effectiveHigh: hi, factor: sup.factor, reason: sup.reason });
    }
    return out;
  });
  return { view: { ...view, stances }, ranges };
}
