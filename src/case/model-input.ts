/**
 * From a validated case to the engines' numeric arrays: the current stance of every actor × issue
 * pair; a pair without a stance takes no part (salience 0, position at the status quo).
 * Salience is converted from the case's 0–100 to the engines' 0–1. On an issue decided by a single
 * actor (`decision.rule: single`, src/case/decision.ts) only the decider's stance is read.
 *
 * The case is read once into an `InputPlan`: every estimate in a fixed order, with the array slots
 * it fills and how its value is bounded there. `toModelInput` walks that plan with a picker; Monte
 * Carlo keeps the plan (plain numbers, cheap to send to a worker thread) and per run only writes
 * drawn numbers into preallocated arrays, without re-reading the case (no maps, no string keys).
 */
import type { ModelInput } from '../engines/types.ts';
import type { Case } from './schema.ts';
import { estimate } from './estimate.ts';
import { currentStances, pairKey } from './view.ts';
import { issueDecisions, takesPart } from './decision.ts';

export type EstimateField = 'position' | 'salience' | 'capability';

/** Which value of each estimate to use: the point value, or a draw supplied by Monte Carlo. */
export type EstimatePicker = (e: { value: number; low?: number; high?: number }, where: { actor: string; issue?: string; field: EstimateField }) => number;

/** How an estimate's value is bounded in its slots (the codes of `InputPlan.field`). */
export const FIELD_CAPABILITY = 0;
export const FIELD_POSITION = 1;
export const FIELD_SALIENCE = 2;
const fieldNames: EstimateField[] = ['capability', 'position', 'salience'];

/**
 * Every estimate of the current stances and actors, in the order they are picked (per actor: its
 * capability, then per issue the stance's capability when it has its own, its position, its
 * salience), as parallel arrays. Structured-cloneable.
 */
export interface InputPlan {
  actors: string[];
  issues: string[];
  /** Per estimate: its value and range (a missing bound is stored as NaN, i.e. "not given"). */
  value: Float64Array;
  low: Float64Array;
  high: Float64Array;
  /** Per estimate: FIELD_CAPABILITY, FIELD_POSITION or FIELD_SALIENCE. */
  field: Uint8Array;
  /** Per estimate: the actor index and the issue index (−1 for an actor's own capability). */
  actor: Int32Array;
  issue: Int32Array;
  /** The slots (i·M + k) estimate e fills: slots[slotStart[e]] … slots[slotStart[e + 1] − 1]. */
  slotStart: Int32Array;
  slots: Int32Array;
  /** Positions, saliences and capabilities no estimate fills (pairs without a stance), and the scales. */
  base: { position: Float64Array; salience: Float64Array; capability: Float64Array };
  scaleMin: Float64Array;
  scaleMax: Float64Array;
  statusQuo: Float64Array;
}

export function inputPlan(c: Case): InputPlan {
  const n = c.actors.length;
  const m = c.issues.length;
  const values: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  const fields: number[] = [];
  const actorOf: number[] = [];
  const issueOf: number[] = [];
  const slotStart: number[] = [];
  const slots: number[] = [];
  const add = (e: { value: number; low?: number; high?: number }, field: number, i: number, k: number, filled: number[]) => {
    values.push(e.value);
    lows.push(e.low ?? NaN);
    highs.push(e.high ?? NaN);
    fields.push(field);
    actorOf.push(i);
    issueOf.push(k);
    slotStart.push(slots.length);
    slots.push(...filled);
  };
  const base = { position: new Float64Array(n * m), salience: new Float64Array(n * m), capability: new Float64Array(n * m) };
  const scaleMin = new Float64Array(m);
  const scaleMax = new Float64Array(m);
  const statusQuo = new Float64Array(m);
  c.issues.forEach((iss, k) => {
    scaleMin[k] = iss.scale.min;
    scaleMax[k] = iss.scale.max;
    statusQuo[k] = iss.statusQuo;
  });
  const stances = currentStances(c);
  const rules = issueDecisions(c);
  c.actors.forEach((a, i) => {
    const own: number[] = [];
    const actorEntry = values.length;
    add(estimate(a.capability), FIELD_CAPABILITY, i, -1, []);
    c.issues.forEach((iss, k) => {
      // An issue one actor decides alone is forecast from that actor: the others' stances on it are
      // left out, as for a pair without a stance (this is the one place every model reads it from).
      const s = takesPart(rules[k], a.id) ? stances.get(pairKey(a.id, iss.id)) : undefined;
      if (s?.capability === undefined) own.push(i * m + k);
      else add(estimate(s.capability), FIELD_CAPABILITY, i, k, [i * m + k]);
      if (!s) {
        base.position[i * m + k] = iss.statusQuo;
        return;
      }
      add(estimate(s.position), FIELD_POSITION, i, k, [i * m + k]);
      add(estimate(s.salience), FIELD_SALIENCE, i, k, [i * m + k]);
    });
    // The actor's capability fills every pair without a capability of its own (known only now).
    slots.splice(slotStart[actorEntry], 0, ...own);
    for (let e = actorEntry + 1; e < slotStart.length; e++) slotStart[e] += own.length;
  });
  slotStart.push(slots.length);
  return {
    actors: c.actors.map((a) => a.name),
    issues: c.issues.map((iss) => iss.title),
    value: Float64Array.from(values),
    low: Float64Array.from(lows),
    high: Float64Array.from(highs),
    field: Uint8Array.from(fields),
    actor: Int32Array.from(actorOf),
    issue: Int32Array.from(issueOf),
    slotStart: Int32Array.from(slotStart),
    slots: Int32Array.from(slots),
    base,
    scaleMin,
    scaleMax,
    statusQuo,
  };
}

/** Fresh arrays shaped for the plan, holding its fixed parts (fill the estimates with `setEstimate`). */
export function emptyModelInput(plan: InputPlan): ModelInput {
  return {
    actors: plan.actors,
    issues: plan.issues,
    position: plan.base.position.slice(),
    salience: plan.base.salience.slice(),
    capability: plan.base.capability.slice(),
    scaleMin: plan.scaleMin.slice(),
    scaleMax: plan.scaleMax.slice(),
    statusQuo: plan.statusQuo.slice(),
  };
}

/**
 * Writes value v of estimate e into its slots, bounded as the engines expect: capability ≥ 0,
 * a position within its issue's scale, salience from 0–100 to [0, 1].
 */
export function setEstimate(plan: InputPlan, input: ModelInput, e: number, v: number): void {
  const m = plan.issues.length;
  const field = plan.field[e];
  const end = plan.slotStart[e + 1];
  for (let p = plan.slotStart[e]; p < end; p++) {
    const slot = plan.slots[p];
    if (field === FIELD_CAPABILITY) input.capability[slot] = Math.max(0, v);
    else if (field === FIELD_POSITION) {
      const k = slot % m;
      input.position[slot] = Math.min(plan.scaleMax[k], Math.max(plan.scaleMin[k], v));
    } else input.salience[slot] = Math.min(1, Math.max(0, v / 100));
  }
}

const pointValue: EstimatePicker = (e) => e.value;

export function toModelInput(c: Case, pick: EstimatePicker = pointValue): ModelInput {
  const plan = inputPlan(c);
  const input = emptyModelInput(plan);
  for (let e = 0; e < plan.value.length; e++) {
    const est: { value: number; low?: number; high?: number } = { value: plan.value[e] };
    if (!Number.isNaN(plan.low[e])) est.low = plan.low[e];
    if (!Number.isNaN(plan.high[e])) est.high = plan.high[e];
    const k = plan.issue[e];
    const where = { actor: c.actors[plan.actor[e]].id, ...(k >= 0 ? { issue: c.issues[k].id } : {}), field: fieldNames[plan.field[e]] };
    setEstimate(plan, input, e, pick(est, where));
  }
  return input;
}
