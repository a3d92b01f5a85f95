/**
 * What would it take (docs/cli.md `parley levers`): for a target, the smallest changes per actor in
 * position, salience, capability or red line that reach it, ranked. Pure over a case (the Monte Carlo
 * runs in this thread, seeded: the same seed gives the same numbers).
 *
 * Targets:
 * - `zone` / `zone:ISSUE`: a non-empty zone of agreement among the veto holders. Red lines are per
 *   issue, so the target splits into one part per closed issue; on each, every veto holder who could
 *   open the zone alone (moving its line to the others' common range), and, where no one can alone,
 *   the cheapest joint moves (zoneOfAgreement's `toOpen`, src/analysis/zopa.ts), each lever listing the
 *   moves it needs `with` it. Exact. On a discrete scale the zone must hold a possible outcome.
 * - `value:ISSUE=V[:TOL]`: a model's forecast on ISSUE within V ± TOL (default 2 % of the scale). Per
 *   actor and model, the smallest change of one estimate (its position, salience, or the capability
 *   it has on the issue) that brings the forecast into the band, i.e. to its near edge. Compromise
 *   (Σ c s x / Σ c s) in closed form; the weighted median exactly, piecewise (it is linear or constant
 *   between known breakpoints); every other model by bisection on the estimate, which assumes the
 *   forecast moves monotonically with it (`method: "bisection"`); a lever whose forecast jumps over
 *   the band is dropped. Every lever is checked by re-running the model with it applied (per-issue
 *   models on the issue alone: PER_ISSUE_MODELS).
 * - `draft:ID`: the draft inside every veto holder's current red line: on each issue the draft sets
 *   across a veto line, every such line moved to the draft's value (all needed, each listing the others).
 * - `probability:P[:BY]`: the agreement probability of the outlook (src/analysis/outlook.ts) by BY
 *   (default a year after the as-of date) at least P: the smallest move of one binding red line by
 *   bisection (the probability rises as a line is loosened); when no single line will do, the
 *   zone-opening moves of every closed issue taken together, scaled by one factor (bisection on it);
 *   when those fall short, a greedy search in steps of several moves (`greedy`).
 *   The probability is computed from the same draws as `parley forecast --by` (models do not change
 *   the red-line draws), with `runs` draws.
 *
 * mcShare: the share of Monte Carlo draws (the case's ranges, the lever's estimate or bound fixed at
 * `to`) in which the lever reaches the target (for a part of a zone or draft target: that part). Null
 * when runs = 0 and for probability targets (the target is already a mean over draws).
 */
import type { Case, Stance } from '../case/schema.ts';
import { currentStances, pairKey } from '../case/view.ts';
import { issueDecisions } from '../case/decision.ts';
import { emptyModelInput, FIELD_CAPABILITY, FIELD_POSITION, FIELD_SALIENCE, inputPlan, setEstimate, type InputPlan } from '../case/model-input.ts';
import { engines } from '../engines/index.ts';
import { paramsForModel } from '../engines/params.ts';
import type { EngineParams, ModelInput } from '../engines/types.ts';
import { weightedMedianOnIssue } from '../engines/median.ts';
import { weightedMeanOnIssue } from '../engines/weights.ts';
import { caseView, resolveModels } from '../analysis/forecast.ts';
import { simulateDraws } from '../analysis/montecarlo.ts';
import { agreementPlan, caseDate, casePrior, drawEvidence, priorProbability, slackEvidence } from '../analysis/outlook.ts';
import { cheapestMeetingPoint, intersect } from '../analysis/zopa.ts';
import { crossing, draftValues, scaleRange, uncertainRedLines, type UncertainRedLine } from '../analysis/red-lines.ts';
import { UnknownDraftError } from '../analysis/drafts.ts';
import { effectiveView } from '../analysis/reliability.ts';
import { UnknownIssueError } from './power.ts';
import { discreteGrid } from './packages.ts';

/** A target that cannot be read (the request's `target` field). */
export class LeverTargetError extends Error {
  readonly field = 'target';
}

export type LeverTarget =
  | { kind: 'zone'; issue: string | null }
  | { kind: 'value'; issue: string; value: number; tolerance: number }
  | { kind: 'draft'; draft: string }
  | { kind: 'probability'; probability: number; by: string };

export type LeverField = 'position' | 'salience' | 'capability' | 'redLine';

export interface LeverMove {
  actor: string;
  /** The issue; null for an actor's overall capability (it weighs on every issue without a capability of its own). */
  issue: string | null;
  field: LeverField;
  /** For a red line: which bound moves. */
  bound?: 'min' | 'max';
  from: number;
  to: number;
  /** to − from. */
  by: number;
}

export interface Lever extends LeverMove {
  /** |by| / the scale's width for positions and red lines; |by| / 100 for salience; |by| / the actors' total capability. */
  byNormalized: number;
  /** The model whose forecast the lever moves (null for model-free targets: zone, draft, probability). */
  model: string | null;
  reaches: true;
  /** closed-form (compromise), exact (median, red lines), bisection (every other model; probability targets) or greedy (probability: steps of several moves). */
  method: 'closed-form' | 'exact' | 'bisection' | 'greedy';
  mcShare: number | null;
  /** `to` lies outside the range the estimate (or red-line bound) is given with (a point estimate: any change). */
  outsideEvidence: boolean;
  /** What the target measures with the lever applied: the forecast (value), the probability; null otherwise. */
  achieved: number | null;
  /** For zone and draft targets: the issue whose part of the target this lever reaches. */
  part: string | null;
  /** Other moves needed together with this one (none: it reaches the target, or its part, alone). */
  with: LeverMove[];
}

export interface LeversResult {
  case: { id: string; title: string };
  asOf: string | null;
  scenario: string | null;
  target: LeverTarget & { text: string };
  reachable: boolean;
  levers: Lever[];
  /** Zone and draft targets: the issues that each need a lever (one per part reaches the target). */
  parts: string[];
  /** The target's measure before any lever: per model the forecast (value), the probability. */
  baseline: Record<string, number> | null;
  runs: number;
  seed: number;
  notes: string[];
}

export interface LeversOptions {
  target: string;
  asOf?: string;
  scenario?: string;
  /** value targets: the models (default DEFAULT_LEVER_MODELS: compromise, median, nash, bdm). */
  models?: string[];
  /** Monte Carlo draws for mcShare and the probability (default 100; 0: no mcShare, probability targets need ≥ 1). */
  runs?: number;
  seed?: number;
  modelParams?: Readonly<Record<string, EngineParams>>;
  /** Search models: no new search starts once a model has run this many times (default 2000); a note counts the estimates left. */
  budget?: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const NUM = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function issueOf(c: Case, id: string): number {
  const k = c.issues.findIndex((i) => i.id === id);
  if (k < 0) throw new UnknownIssueError(`target: unknown issue "${id}" (the case has: ${c.issues.map((i) => i.id).join(', ')})`);
  return k;
}

function addYear(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Reads a target: `zone`, `zone:ISSUE`, `value:ISSUE=V[:TOL]` (TOL on the scale, or `N%` of it), `draft:ID`, `probability:P[:BY]`. */
export function parseTarget(text: string, c: Case, start: string | null = null): LeverTarget {
  const bad = (why: string) => new LeverTargetError(`target "${text.slice(0, 80)}": ${why} (expected zone, zone:ISSUE, value:ISSUE=V[:TOL], draft:ID or probability:P[:BY])`);
  if (text.length > 200) throw bad('longer than 200 characters');
  const [kind, ...rest] = text.split(':');
  const arg = rest.join(':');
  if (kind === 'zone') {
    if (rest.length === 0) return { kind: 'zone', issue: null };
    if (!ID.test(arg)) throw bad('not an issue id');
    issueOf(c, arg);
    return { kind: 'zone', issue: arg };
  }
  if (kind === 'value') {
    const m = /^([^=:]+)=([^:]+)(?::([^:]+))?$/.exec(arg);
    if (!m || !ID.test(m[1])) throw bad('expected value:ISSUE=V[:TOL]');
    const k = issueOf(c, m[1]);
    const iss = c.issues[k];
    if (!NUM.test(m[2])) throw bad(`"${m[2]}" is not a number`);
    const value = Number(m[2]);
    if (value < iss.scale.min || value > iss.scale.max) throw bad(`${value} is outside the scale of "${iss.id}" (${iss.scale.min} to ${iss.scale.max})`);
    let tolerance = 0.02 * scaleRange(iss);
    if (m[3] !== undefined) {
      const pct = m[3].endsWith('%');
      const t = pct ? m[3].slice(0, -1) : m[3];
      if (!NUM.test(t) || Number(t) < 0) throw bad(`tolerance "${m[3]}" is not a non-negative number`);
      tolerance = pct ? (Number(t) / 100) * scaleRange(iss) : Number(t);
    }
    return { kind: 'value', issue: iss.id, value, tolerance };
  }
  if (kind === 'draft') {
    if (!c.drafts.some((d) => d.id === arg)) throw new UnknownDraftError(`target: unknown draft "${arg.slice(0, 80)}" (the case has: ${c.drafts.map((d) => d.id).join(', ') || 'none'})`);
    return { kind: 'draft', draft: arg };
  }
  if (kind === 'probability') {
    const [p, by, ...more] = rest;
    if (p === undefined || more.length) throw bad('expected probability:P[:BY]');
    const pct = p.endsWith('%');
    const t = pct ? p.slice(0, -1) : p;
    const probability = NUM.test(t) ? Number(t) / (pct ? 100 : 1) : NaN;
    if (!(probability >= 0 && probability <= 1)) throw bad(`"${p}" is not a probability from 0 to 1`);
    if (by !== undefined && (!DAY.test(by) || Number.isNaN(Date.parse(by)))) throw bad(`"${by}" is not a date as YYYY-MM-DD`);
    const from = start ?? caseDate(c);
    if (by === undefined && from === null) throw bad('the case has no date to count a year from: give BY');
    return { kind: 'probability', probability, by: by ?? addYear(from!) };
  }
  throw bad(`unknown kind "${kind.slice(0, 40)}"`);
}

// ---------------------------------------------------------------------------------------------
// Applying moves to a case view (for the Monte Carlo shares and the probability).

function withStance(view: Case, actor: string, issue: string, change: (s: Stance) => Stance): Case {
  const s = currentStances(view).get(pairKey(actor, issue));
  if (!s) return view;
  return { ...view, stances: view.stances.map((x) => (x === s ? change(x) : x)) };
}

/** The view with each move applied, the moved estimate or bound fixed at `to` (its range dropped). */
export function applyMoves(view: Case, moves: readonly LeverMove[]): Case {
  let out = view;
  for (const mv of moves) {
    if (mv.field === 'redLine') {
      out = withStance(out, mv.actor, mv.issue!, (s) => {
        if (!s.redLine) return s;
        const { minRange, maxRange, ...rl } = s.redLine;
        return { ...s, redLine: mv.bound === 'min' ? { ...rl, min: mv.to, ...(maxRange ? { maxRange } : {}) } : { ...rl, max: mv.to, ...(minRange ? { minRange } : {}) } };
      });
    } else if (mv.field === 'capability' && mv.issue === null) {
      out = { ...out, actors: out.actors.map((a) => (a.id === mv.actor ? { ...a, capability: mv.to } : a)) };
    } else {
      out = withStance(out, mv.actor, mv.issue!, (s) => ({ ...s, [mv.field]: mv.to }));
    }
  }
  return out;
}

const move = (l: LeverMove): LeverMove => ({ actor: l.actor, issue: l.issue, field: l.field, ...(l.bound ? { bound: l.bound } : {}), from: l.from, to: l.to, by: l.by });

interface Ctx {
  original: Case;
  view: Case;
  runs: number;
  seed: number;
  asOf?: string;
  modelParams?: Readonly<Record<string, EngineParams>>;
  budget: number;
}

/** Red-line draws of a view (the outlook's: a trivial model, the agreement plan): outcomes, terms, slacks. */
async function lineDraws(ctx: Ctx, view: Case): Promise<{ terms: Float64Array; slack: Float64Array; m: number }> {
  const { outcomes } = await simulateDraws(view, { runs: ctx.runs, seed: ctx.seed, models: ['status-quo'], workers: 1, ...(ctx.asOf ? { asOf: ctx.asOf } : {}), agreement: agreementPlan });
  return { terms: outcomes[1], slack: outcomes[2], m: view.issues.length };
}

// ---------------------------------------------------------------------------------------------
// Red-line targets: zone and draft.

const lineMove = (l: UncertainRedLine, bound: 'min' | 'max', to: number): LeverMove => {
  const from = bound === 'min' ? l.min : l.max;
  return { actor: l.actor, issue: l.issue, field: 'redLine', bound, from, to, by: to - from };
};

/** Whether the moved bound leaves the range the case gives for it. */
function lineOutside(l: UncertainRedLine, mv: LeverMove): boolean {
  const [lo, hi] = mv.bound === 'min' ? [l.minLow, l.minHigh] : [l.maxLow, l.maxHigh];
  return mv.to < lo - 1e-9 || mv.to > hi + 1e-9;
}

/** A lever found, before its Monte Carlo share: its moves (the lever's own first), its part and how it was found. */
interface Candidate {
  moves: LeverMove[];
  part: string;
  method: Lever['method'];
  model: string | null;
  outside: boolean;
  achieved: number | null;
}

/** Every lever of a group (moves needed together), each listing the others. */
function group(g: Omit<Candidate, 'moves' | 'outside'>, moves: LeverMove[], lines: readonly UncertainRedLine[]): Candidate[] {
  return moves.map((mv) => {
    const l = lines.find((x) => x.actor === mv.actor && x.issue === mv.issue)!;
    return { ...g, moves: [mv, ...moves.filter((o) => o !== mv)], outside: lineOutside(l, mv) };
  });
}

/** The lines' common range on the scale, null when empty or (discrete scale) holding no possible outcome. */
function zoneOn(lines: readonly Pick<UncertainRedLine, 'min' | 'max'>[], scale: { min: number; max: number }, grid: number[] | null): { min: number; max: number } | null {
  const z = intersect(lines as UncertainRedLine[], scale);
  if (!z || !grid) return z;
  return grid.some((v) => v >= z.min - 1e-9 && v <= z.max + 1e-9) ? z : null;
}

/** The move of line l's nearer bound to value v (null when v lies inside it). */
function moveTo(l: UncertainRedLine, v: number): LeverMove | null {
  const { side } = crossing(l, v);
  return side === null ? null : lineMove(l, side, v);
}

function zoneLevers(view: Case, issue: string | null): { parts: string[]; drafts: Candidate[] } {
  const lines = uncertainRedLines(view).filter((l) => l.veto);
  const parts: string[] = [];
  const drafts: Candidate[] = [];
  for (const iss of view.issues) {
    if (issue !== null && iss.id !== issue) continue;
    const veto = lines.filter((l) => l.issue === iss.id);
    const scale = { min: iss.scale.min, max: iss.scale.max };
    // A discrete scale (parley packages): the zone must hold one of its possible outcomes.
    const grid = discreteGrid(iss);
    if (zoneOn(veto, scale, grid)) continue;
    parts.push(iss.id);
    const g = { part: iss.id, method: 'exact' as const, model: null, achieved: null };
    let alone = 0;
    for (const l of veto) {
      const rest = zoneOn(veto.filter((x) => x !== l), scale, grid);
      if (!rest) continue;
      alone++;
      // The nearest value the others all accept (an interval's end; on a discrete scale, a possible outcome).
      const accepted = grid ? grid.filter((v) => v >= rest.min - 1e-9 && v <= rest.max + 1e-9) : [rest.min, rest.max];
      const dist = (v: number) => crossing(l, v).by;
      const v = accepted.reduce((a, b) => (dist(b) < dist(a) - 1e-12 ? b : a));
      const mv = moveTo(l, v);
      // A line that is itself empty (min > max) cannot be opened by moving one bound to the rest.
      if (mv && zoneOn([...veto.filter((x) => x !== l), { ...l, [mv.bound!]: mv.to }], scale, grid)) drafts.push(...group(g, [mv], veto));
    }
    if (alone > 0 && !grid) {
      const meet = cheapestMeetingPoint(veto);
      if (meet.moves.length > 1) drafts.push(...group(g, meet.moves.map((mv) => lineMove(veto.find((l) => l.actor === mv.actor)!, mv.bound, mv.to)), veto));
      continue;
    }
    // The cheapest meeting point (zoneOfAgreement's toOpen; on a discrete scale, among its possible outcomes).
    let best: LeverMove[] | null = null;
    let bestCost = Infinity;
    const candidates = grid ?? [...new Set(veto.flatMap((l) => [l.min, l.max]))].sort((a, b) => a - b);
    for (const v of candidates) {
      const moves = veto.map((l) => moveTo(l, v)).filter((mv): mv is LeverMove => mv !== null);
      const cost = moves.reduce((sum, mv) => sum + Math.abs(mv.by), 0);
      if (cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && best && moves.length < best.length)) {
        best = moves;
        bestCost = cost;
      }
    }
    if (best && (best.length > 1 || alone === 0)) drafts.push(...group(g, best, veto));
  }
  return { parts, drafts };
}

function draftLevers(view: Case, id: string): { parts: string[]; drafts: Candidate[] } {
  const d = view.drafts.find((x) => x.id === id);
  if (!d) throw new UnknownDraftError(`target: the draft "${id}" is not in the case as of this date`);
  const lines = uncertainRedLines(view).filter((l) => l.veto);
  const parts: string[] = [];
  const drafts: Candidate[] = [];
  for (const [issue, { value }] of draftValues(d)) {
    const crossed = lines.filter((l) => l.issue === issue && crossing(l, value).side !== null);
    if (!crossed.length) continue;
    parts.push(issue);
    const moves = crossed.map((l) => lineMove(l, crossing(l, value).side!, value));
    drafts.push(...group({ part: issue, method: 'exact', model: null, achieved: null }, moves, crossed));
  }
  return { parts, drafts };
}

// ---------------------------------------------------------------------------------------------
// Value targets.

interface Slot {
  e: number;
  field: 'position' | 'salience' | 'capability';
  issue: string | null;
  lo: number;
  hi: number;
}

/** The estimates of actor i that weigh on issue k: its position, salience and the capability it has there. */
function slotsOf(plan: InputPlan, view: Case, i: number, k: number, capMax: number): Slot[] {
  const out: Slot[] = [];
  let own = -1;
  let actorCap = -1;
  for (let e = 0; e < plan.value.length; e++) {
    if (plan.actor[e] !== i) continue;
    if (plan.issue[e] === -1) actorCap = e;
    if (plan.issue[e] !== k) continue;
    const iss = view.issues[k];
    if (plan.field[e] === FIELD_POSITION) out.push({ e, field: 'position', issue: iss.id, lo: iss.scale.min, hi: iss.scale.max });
    else if (plan.field[e] === FIELD_SALIENCE) out.push({ e, field: 'salience', issue: iss.id, lo: 0, hi: 100 });
    else if (plan.field[e] === FIELD_CAPABILITY) own = e;
  }
  if (out.length === 0) return out; // no stance on the issue: the actor takes no part in it
  if (own >= 0) out.push({ e: own, field: 'capability', issue: view.issues[k].id, lo: 0, hi: capMax });
  else if (actorCap >= 0) out.push({ e: actorCap, field: 'capability', issue: null, lo: 0, hi: capMax });
  return out;
}

/**
 * Models that play each issue separately (their own documentation: compromise and median are per-issue
 * means and medians, nash bargains "per issue", bdm plays "each issue separately" for a fixed number of
 * rounds): a lever on issue k is searched on issue k alone, and its Monte Carlo share drawn on it alone.
 * The others (exchange, smp, ensemble) trade or average across issues and run on the whole case.
 */
export const PER_ISSUE_MODELS: ReadonlySet<string> = new Set(['compromise', 'median', 'nash', 'bdm', 'status-quo']);

/** The value-target models by default: the closed forms and the per-issue search models (the others take seconds per search on a large case). */
export const DEFAULT_LEVER_MODELS = ['compromise', 'median', 'nash', 'bdm'];

class Runner {
  readonly input: ModelInput;
  private readonly column: ModelInput;
  evaluations = 0;
  constructor(private readonly plan: InputPlan, private readonly params: EngineParams, private readonly k: number) {
    this.input = emptyModelInput(plan);
    for (let e = 0; e < plan.value.length; e++) setEstimate(plan, this.input, e, plan.value[e]);
    const n = plan.actors.length;
    this.column = {
      actors: this.input.actors,
      issues: [this.input.issues[k]],
      position: new Float64Array(n),
      salience: new Float64Array(n),
      capability: new Float64Array(n),
      scaleMin: this.input.scaleMin.slice(k, k + 1),
      scaleMax: this.input.scaleMax.slice(k, k + 1),
      statusQuo: this.input.statusQuo.slice(k, k + 1),
    };
  }
  /** The model's forecast on the issue with estimate e at t (everything else at its value). */
  forecast(model: string, e = -1, t = 0): number {
    const x = this.input;
    const k = this.k;
    if (e >= 0) setEstimate(this.plan, x, e, t);
    this.evaluations++;
    try {
      if (model === 'compromise') return weightedMeanOnIssue(x, k);
      if (model === 'median') return weightedMedianOnIssue(x, k);
      const params = { ...paramsForModel(model, this.params), explain: false };
      if (PER_ISSUE_MODELS.has(model)) {
        const m = x.issues.length;
        const col = this.column;
        for (let i = 0; i < x.actors.length; i++) {
          col.position[i] = x.position[i * m + k];
          col.salience[i] = x.salience[i * m + k];
          col.capability[i] = x.capability[i * m + k];
        }
        return engines[model]({ ...col, position: col.position.slice(), salience: col.salience.slice(), capability: col.capability.slice() }, params).outcome[0];
      }
      return engines[model]({ ...x, position: x.position.slice(), salience: x.salience.slice(), capability: x.capability.slice() }, params).outcome[k];
    } finally {
      if (e >= 0) setEstimate(this.plan, x, e, this.plan.value[e]);
    }
  }
}

/** Compromise in closed form: the estimate value that puts Σ c s x / Σ c s at `goal` (null: none in [lo, hi]). */
function compromiseSolve(input: ModelInput, i: number, k: number, slot: Slot, goal: number): number | null {
  const n = input.actors.length;
  const m = input.issues.length;
  let a = 0; // Σ_{j≠i} c s x
  let b = 0; // Σ_{j≠i} c s
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const w = input.capability[j * m + k] * input.salience[j * m + k];
    a += w * input.position[j * m + k];
    b += w;
  }
  const c = input.capability[i * m + k];
  const s = input.salience[i * m + k];
  const x = input.position[i * m + k];
  let t: number;
  if (slot.field === 'position') {
    // (a + c s x') / (b + c s) = goal
    if (!(c * s > 0)) return null;
    t = (goal * (b + c * s) - a) / (c * s);
  } else {
    // (a + w x) / (b + w) = goal ⇒ w = (goal b − a) / (x − goal); w = c s' (salience s' on 0–1) or c' s
    if (x === goal || !(b > 0)) return null;
    const w = (goal * b - a) / (x - goal);
    if (slot.field === 'salience') {
      if (!(c > 0)) return null;
      t = (100 * w) / c;
    } else {
      if (!(s > 0)) return null;
      t = w / s;
    }
  }
  return t >= slot.lo - 1e-9 && t <= slot.hi + 1e-9 ? Math.min(slot.hi, Math.max(slot.lo, t)) : null;
}

/** Breakpoints of the weighted median on issue k as a function of one of actor i's estimates. */
function medianBreaks(input: ModelInput, i: number, k: number, slot: Slot): number[] {
  const n = input.actors.length;
  const m = input.issues.length;
  const others: Array<[number, number]> = [];
  for (let j = 0; j < n; j++) {
    const w = input.capability[j * m + k] * input.salience[j * m + k];
    if (j !== i && w > 0) others.push([input.position[j * m + k], w]);
  }
  if (slot.field === 'position') return others.map(([x]) => x);
  // The median jumps where a prefix sum S of the others' weights (in position order) meets half the
  // total: w_i = 2S − B or B − 2S; w_i is linear in the estimate.
  others.sort((p, q) => p[0] - q[0]);
  const B = others.reduce((s, [, w]) => s + w, 0);
  const per = slot.field === 'salience' ? input.capability[i * m + k] / 100 : input.salience[i * m + k];
  if (!(per > 0)) return [];
  const out: number[] = [];
  let S = 0;
  for (const [, w] of [[0, 0] as [number, number], ...others]) {
    S += w;
    out.push(Math.abs(2 * S - B) / per);
  }
  return out;
}

/**
 * The smallest |t − t0| in [lo, hi] with f(t) in [goalLo, goalHi], for f linear or constant between
 * the given breakpoints (the weighted median): each piece is read from two interior points.
 */
function piecewiseSolve(f: (t: number) => number, t0: number, breaks: number[], lo: number, hi: number, goalLo: number, goalHi: number): number | null {
  const inBand = (v: number) => v >= goalLo - 1e-9 && v <= goalHi + 1e-9;
  const pts = [...new Set([lo, hi, t0, ...breaks.filter((b) => b > lo && b < hi)])].sort((a, b) => a - b);
  const at = pts.indexOf(t0);
  let best: number | null = null;
  const consider = (t: number) => {
    if (best === null || Math.abs(t - t0) < Math.abs(best - t0)) best = t;
  };
  for (const dir of [1, -1]) {
    for (let j = at; j >= 0 && j < pts.length; j += dir) {
      const near = pts[j];
      if (j !== at && inBand(f(near))) {
        consider(near);
        break;
      }
      const far = pts[j + dir];
      if (far === undefined) break;
      // The open piece between near and far: f = α + β t, read at 1/3 and 2/3 of the way.
      const t1 = near + (far - near) / 3;
      const t2 = near + (2 * (far - near)) / 3;
      const f1 = f(t1);
      const f2 = f(t2);
      const beta = (f2 - f1) / (t2 - t1);
      const fNear = f1 - beta * (t1 - near);
      const fFar = f1 + beta * (far - t1);
      let hit: number | null = null;
      if (inBand(fNear)) hit = near + (far - near) * 1e-9; // the piece's near end is not attained: just inside it
      else if (Math.abs(beta) > 0) {
        const edge = fNear < goalLo ? goalLo : goalHi;
        if ((fNear - edge) * (fFar - edge) <= 0) hit = near + (edge - fNear) / beta;
      }
      if (hit !== null) {
        consider(hit);
        break;
      }
    }
  }
  return best;
}

/** Bisection on [t0, end] for the first t where `past(f(t))` holds (monotone f assumed); null if not at end. */
function bisect(f: (t: number) => number, t0: number, end: number, past: (v: number) => boolean, width: number): number | null {
  if (!past(f(end))) return null;
  let a = t0;
  let b = end;
  for (let it = 0; it < 60 && Math.abs(b - a) > 1e-5 * width; it++) {
    const mid = (a + b) / 2;
    if (past(f(mid))) b = mid;
    else a = mid;
  }
  return b;
}

async function valueLevers(ctx: Ctx, target: Extract<LeverTarget, { kind: 'value' }>, models: string[]): Promise<{ drafts: Candidate[]; baseline: Record<string, number>; notes: string[]; met: boolean }> {
  const { view } = ctx;
  const k = issueOf(view, target.issue);
  const plan = inputPlan(view);
  const evidencePlan = inputPlan(effectiveView(view, ctx.asOf ?? null).view);
  // The engines' own parameters as `parley forecast` runs them (ctx.seed is the Monte Carlo's).
  const runner = new Runner(plan, ctx.modelParams ? { modelParams: ctx.modelParams } : {}, k);
  const width = scaleRange(view.issues[k]);
  let capTotal = 0;
  for (let e = 0; e < plan.value.length; e++) if (plan.field[e] === FIELD_CAPABILITY && plan.issue[e] === -1) capTotal += Math.max(0, plan.value[e]);
  const capMax = 10 * Math.max(1, capTotal);
  const goalLo = target.value - target.tolerance;
  const goalHi = target.value + target.tolerance;
  const inBand = (v: number) => v >= goalLo - 1e-9 * width && v <= goalHi + 1e-9 * width;
  const baseline: Record<string, number> = {};
  const notes: string[] = [];
  const drafts: Candidate[] = [];
  const budget = ctx.budget;
  let met = false;
  for (const model of models) {
    const f0 = runner.forecast(model);
    runner.evaluations = 0;
    baseline[model] = f0;
    if (model === 'status-quo') {
      notes.push('status-quo: its forecast is the status quo; no actor can move it');
      continue;
    }
    if (inBand(f0)) {
      met = true;
      notes.push(`${model}: the forecast ${round(f0)} is already within ${target.value} ± ${round(target.tolerance)}`);
      continue;
    }
    const up = f0 < goalLo;
    const goal = up ? goalLo : goalHi;
    let dropped = 0;
    let skipped = 0;
    for (let i = 0; i < view.actors.length; i++) {
      for (const slot of slotsOf(plan, view, i, k, capMax)) {
        const t0 = plan.value[slot.e];
        const f = (t: number) => runner.forecast(model, slot.e, t);
        let t: number | null;
        let method: Lever['method'];
        if (model === 'compromise') {
          t = compromiseSolve(runner.input, i, k, slot, goal);
          method = 'closed-form';
        } else if (model === 'median') {
          t = piecewiseSolve(f, Math.min(slot.hi, Math.max(slot.lo, t0)), medianBreaks(runner.input, i, k, slot), slot.lo, slot.hi, goalLo, goalHi);
          method = 'exact';
        } else {
          if (runner.evaluations >= budget) {
            skipped++;
            continue;
          }
          // The direction that moves the forecast towards the band, if it moves monotonically: a
          // position towards it; a weight up when the actor stands on the band's side, else down.
          const x = runner.input.position[i * view.issues.length + k];
          const end = slot.field === 'position' ? (up ? slot.hi : slot.lo) : (x > f0) === up ? slot.hi : slot.lo;
          const past = (v: number) => (up ? v >= goalLo : v <= goalHi);
          t = bisect(f, t0, end, past, slot.hi - slot.lo);
          method = 'bisection';
        }
        if (t === null) continue;
        const achieved = f(t);
        if (!inBand(achieved)) {
          dropped++;
          continue;
        }
        const low = Number.isNaN(evidencePlan.low[slot.e]) ? evidencePlan.value[slot.e] : Math.min(evidencePlan.low[slot.e], evidencePlan.value[slot.e]);
        const high = Number.isNaN(evidencePlan.high[slot.e]) ? evidencePlan.value[slot.e] : Math.max(evidencePlan.high[slot.e], evidencePlan.value[slot.e]);
        const mv: LeverMove = { actor: view.actors[i].id, issue: slot.issue, field: slot.field, from: t0, to: t, by: t - t0 };
        drafts.push({ moves: [mv], part: target.issue, method, model, outside: t < low - 1e-9 || t > high + 1e-9, achieved });
      }
    }
    if (skipped) notes.push(`${model}: ${skipped} estimate(s) not searched: the budget of ${budget} model runs was spent (a large case and a slow model)`);
    if (dropped) notes.push(`${model}: ${dropped} lever(s) left out: the forecast jumps over the band as the estimate moves`);
  }
  return { drafts, baseline, notes, met };
}

// ---------------------------------------------------------------------------------------------
// Probability targets.

async function probabilityLevers(ctx: Ctx, target: Extract<LeverTarget, { kind: 'probability' }>): Promise<{ drafts: Candidate[]; baseline: Record<string, number>; notes: string[] }> {
  const { view } = ctx;
  const start = ctx.asOf ?? caseDate(ctx.original);
  if (start === null) throw new LeverTargetError('target: the case has no dated stance, evidence, draft or event to start the clock from: give an as-of date');
  const years = (Date.parse(`${target.by}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86400e3 / 365.25;
  if (years < 0) throw new LeverTargetError(`target: ${target.by} is before the as-of date ${start}`);
  const p0 = priorProbability(casePrior(ctx.original), years);
  /** The probability, and per issue the mean evidence f(s_k) of its draws (1 for an issue decided alone). */
  const detail = async (v: Case) => {
    const { slack, m } = await lineDraws(ctx, v);
    let s = 0;
    const f = new Float64Array(m);
    for (let r = 0; r < ctx.runs; r++) {
      s += drawEvidence(slack, r * m, m);
      for (let k = 0; k < m; k++) f[k] += Number.isNaN(slack[r * m + k]) ? 1 : slackEvidence(slack[r * m + k]) / ctx.runs;
    }
    return { p: (p0 * s) / ctx.runs, f };
  };
  const prob = async (v: Case) => (await detail(v)).p;
  const base = await prob(view);
  const notes: string[] = [`probability by ${target.by}: the prior caps it at ${round(p0)} (prior × evidence, the evidence at most 1)`];
  const drafts: Candidate[] = [];
  if (base >= target.probability) return { drafts, baseline: { probability: base }, notes };
  if (p0 < target.probability) {
    notes.push(`no red-line move reaches ${target.probability}: the prior alone is ${round(p0)} by ${target.by}`);
    return { drafts, baseline: { probability: base }, notes };
  }
  const rules = issueDecisions(view);
  const lines = uncertainRedLines(view).filter((l) => {
    const d = rules[view.issues.findIndex((i) => i.id === l.issue)];
    return d.rule === 'unanimity' ? l.veto : d.rule === 'qualified-majority' && d.members.includes(l.actor);
  });
  const scaleOf = new Map(view.issues.map((i) => [i.id, i.scale]));
  /** Smallest t in [0, 1] (24 halvings: to 6e-8 of the way) with prob(at(t)) ≥ P; null when even t = 1 falls short. */
  const search = async (at: (t: number) => LeverMove[]) => {
    const ok = async (t: number) => ({ p: await prob(applyMoves(view, at(t))), t });
    const end = await ok(1);
    if (end.p < target.probability) return null;
    let a = 0;
    let b = end;
    for (let it = 0; it < 24; it++) {
      const mid = await ok((a + b.t) / 2);
      if (mid.p >= target.probability) b = mid;
      else a = mid.t;
    }
    return b;
  };
  for (const l of lines) {
    const sc = scaleOf.get(l.issue)!;
    for (const bound of ['min', 'max'] as const) {
      const from = bound === 'min' ? l.min : l.max;
      const end = bound === 'min' ? sc.min : sc.max;
      if (from === end) continue;
      const found = await search((t) => [lineMove(l, bound, from + t * (end - from))]);
      if (!found) continue;
      const mv = lineMove(l, bound, from + found.t * (end - from));
      drafts.push({ moves: [mv], part: l.issue, method: 'bisection', model: null, outside: lineOutside(l, mv), achieved: found.p });
    }
  }
  if (drafts.length === 0) {
    // Together: the zone-opening moves of every closed issue, scaled by one factor λ (λ = 1 opens
    // each zone at a point; beyond, it widens), up to the scales' ends.
    const veto = uncertainRedLines(view).filter((l) => l.veto);
    const opening = zoneLevers(view, null).drafts.filter((d) => d.moves.length > 0);
    // Per closed issue, its cheapest way to open (the least total movement on the scale).
    const cost = (d: Candidate) => d.moves.reduce((sum, mv) => sum + Math.abs(mv.by) / scaleRange(view.issues.find((i) => i.id === mv.issue)!), 0);
    const perIssue = new Map<string, Candidate>();
    for (const d of opening) {
      const best = perIssue.get(d.part);
      if (!best || cost(d) < cost(best) - 1e-12) perIssue.set(d.part, d);
    }
    const base = [...perIssue.values()].flatMap((d) => d.moves);
    if (base.length) {
      let lambdaMax = 1;
      for (const mv of base) {
        const sc = scaleOf.get(mv.issue!)!;
        const room = mv.by < 0 ? mv.from - sc.min : sc.max - mv.from;
        if (Math.abs(mv.by) > 0) lambdaMax = Math.max(lambdaMax, room / Math.abs(mv.by));
      }
      const at = (t: number) =>
        base.map((mv) => {
          const sc = scaleOf.get(mv.issue!)!;
          const to = Math.min(sc.max, Math.max(sc.min, mv.from + t * lambdaMax * mv.by));
          return { ...mv, to, by: to - mv.from };
        });
      const found = await search(at);
      if (found) {
        for (const d of group({ part: '', method: 'bisection', model: null, achieved: found.p }, at(found.t), veto)) drafts.push({ ...d, part: d.moves[0].issue! });
      } else notes.push('the zone-opening moves of every closed issue, widened together to the scales’ ends, fall short: searching greedily');
    }
  }
  if (drafts.length === 0) {
    const found = await greedy(view, lines, target.probability, detail, await detail(view));
    if (found) {
      const veto = uncertainRedLines(view);
      for (const d of group({ part: '', method: 'greedy', model: null, achieved: found.p }, found.moves, veto)) drafts.push({ ...d, part: d.moves[0].issue! });
      notes.push(`greedy: ${found.steps} step(s) of at most ${100 * GREEDY_STEP} % of a scale, each the move that raised the probability most per unit of movement`);
    } else notes.push(`greedy: no sequence of red-line moves found reaching ${target.probability} within ${GREEDY_STEPS} steps`);
  }
  return { drafts, baseline: { probability: base }, notes };
}

const GREEDY_STEP = 0.05;
const GREEDY_STEPS = 60;

/**
 * When neither one line nor the zone-opening moves together will do: step by step, take the candidate
 * that raises the probability most per unit of movement, until P is reached (the last step cut back by
 * bisection to the least that reaches it), nothing gains any more, or 60 steps are taken. Candidates:
 * each binding bound loosened by 5 % of its scale, and on each issue under unanimity each end of the
 * zone (or of the gap) moved out by 5 %, every line that sets it moving together (two lines that meet
 * at an end gain nothing moved one at a time); and where several issues are equally tight (none gains
 * alone), each of them by its own best step together.
 */
async function greedy(view: Case, lines: readonly UncertainRedLine[], goal: number, detail: (v: Case) => Promise<{ p: number; f: Float64Array }>, start: { p: number; f: Float64Array }): Promise<{ moves: LeverMove[]; p: number; steps: number } | null> {
  const prob = async (v: Case) => (await detail(v)).p;
  const scaleOf = new Map(view.issues.map((i) => [i.id, i.scale]));
  const rules = issueDecisions(view);
  const key = (actor: string, issue: string, b: 'min' | 'max') => `${actor}\u0000${issue}\u0000${b}`;
  const state = new Map<string, LeverMove>();
  const now = (l: UncertainRedLine, b: 'min' | 'max') => state.get(key(l.actor, l.issue, b))?.to ?? (b === 'min' ? l.min : l.max);
  const withMoves = (extra: readonly LeverMove[]) => {
    const all = new Map(state);
    for (const mv of extra) all.set(key(mv.actor, mv.issue!, mv.bound!), mv);
    return [...all.values()];
  };
  const lineOf = (mv: LeverMove) => lines.find((x) => x.actor === mv.actor && x.issue === mv.issue)!;
  /** The moves a fraction t of the way from the current bounds to the candidate's. */
  const part = (cand: readonly LeverMove[], t: number) => cand.map((mv) => lineMove(lineOf(mv), mv.bound!, now(lineOf(mv), mv.bound!) + t * (mv.to - now(lineOf(mv), mv.bound!))));
  let p = start.p;
  let f = start.f;
  const issueIndex = new Map(view.issues.map((iss, k) => [iss.id, k]));
  for (let step = 1; step <= GREEDY_STEPS; step++) {
    const candidates: LeverMove[][] = [];
    for (const l of lines) {
      const sc = scaleOf.get(l.issue)!;
      const width = sc.max - sc.min || 1;
      for (const b of ['min', 'max'] as const) {
        const at = now(l, b);
        const end = b === 'min' ? sc.min : sc.max;
        if (at !== end) candidates.push([lineMove(l, b, b === 'min' ? Math.max(end, at - GREEDY_STEP * width) : Math.min(end, at + GREEDY_STEP * width))]);
      }
    }
    view.issues.forEach((iss, k) => {
      if (rules[k].rule !== 'unanimity') return;
      const own = lines.filter((l) => l.issue === iss.id);
      if (own.length < 2) return;
      const width = iss.scale.max - iss.scale.min || 1;
      const lo = Math.max(...own.map((l) => now(l, 'min')));
      const hi = Math.min(...own.map((l) => now(l, 'max')));
      const newLo = Math.max(iss.scale.min, lo - GREEDY_STEP * width);
      const newHi = Math.min(iss.scale.max, hi + GREEDY_STEP * width);
      const down = own.filter((l) => now(l, 'min') > newLo).map((l) => lineMove(l, 'min', newLo));
      const up = own.filter((l) => now(l, 'max') < newHi).map((l) => lineMove(l, 'max', newHi));
      if (down.length > 1) candidates.push(down);
      if (up.length > 1) candidates.push(up);
    });
    const movedBy = (cand: readonly LeverMove[]) =>
      cand.reduce((sum, mv) => {
        const sc = scaleOf.get(mv.issue!)!;
        return sum + Math.abs(mv.to - now(lineOf(mv), mv.bound!)) / (sc.max - sc.min || 1);
      }, 0);
    let best: { cand: LeverMove[]; p: number; f: Float64Array; score: number } | null = null;
    // Per issue, the candidate on it alone that raises its own evidence most per unit of movement.
    const perIssue = new Map<number, { cand: LeverMove[]; score: number }>();
    for (const cand of candidates) {
      const d = await detail(applyMoves(view, withMoves(cand)));
      const moved = movedBy(cand);
      const score = (d.p - p) / moved;
      if (d.p > p + 1e-12 && (!best || score > best.score + 1e-12)) best = { cand, p: d.p, f: d.f, score };
      const k = issueIndex.get(cand[0].issue!)!;
      const own = (d.f[k] - f[k]) / moved;
      if (own > 1e-12 && (!perIssue.has(k) || own > perIssue.get(k)!.score + 1e-12)) perIssue.set(k, { cand, score: own });
    }
    if (!best) {
      // A plateau: several issues equally tight, so widening one alone gains nothing. Widen each of
      // the tightest together, each by its own best step.
      let least = Infinity;
      for (let k = 0; k < f.length; k++) least = Math.min(least, f[k]);
      const tight = [...f.keys()].filter((k) => f[k] <= least + 1e-9);
      const joint = tight.flatMap((k) => perIssue.get(k)?.cand ?? []);
      if (tight.every((k) => perIssue.has(k)) && joint.length) {
        const d = await detail(applyMoves(view, withMoves(joint)));
        if (d.p > p + 1e-12) best = { cand: joint, p: d.p, f: d.f, score: (d.p - p) / movedBy(joint) };
      }
    }
    if (!best) return null;
    if (best.p >= goal) {
      // The least part of this last step that still reaches the goal.
      let lo = 0;
      let hi = { t: 1, p: best.p };
      for (let it = 0; it < 20; it++) {
        const t = (lo + hi.t) / 2;
        const q = await prob(applyMoves(view, withMoves(part(best.cand, t))));
        if (q >= goal) hi = { t, p: q };
        else lo = t;
      }
      for (const mv of part(best.cand, hi.t)) state.set(key(mv.actor, mv.issue!, mv.bound!), mv);
      return { moves: [...state.values()], p: hi.p, steps: step };
    }
    for (const mv of best.cand) state.set(key(mv.actor, mv.issue!, mv.bound!), mv);
    p = best.p;
    f = best.f;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function normalized(view: Case, mv: LeverMove, capTotal: number): number {
  const a = Math.abs(mv.by);
  if (mv.field === 'salience') return a / 100;
  if (mv.field === 'capability') return a / (capTotal || 1);
  const iss = view.issues.find((i) => i.id === mv.issue)!;
  return a / scaleRange(iss);
}

export async function findLevers(c: Case, opts: LeversOptions): Promise<LeversResult> {
  const view = caseView(c, opts);
  const runs = opts.runs ?? 100;
  const seed = opts.seed ?? 1;
  if (!Number.isSafeInteger(runs) || runs < 0 || runs > 100_000) throw new RangeError(`runs must be an integer from 0 to 100000, got ${runs}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const target = parseTarget(opts.target, view, opts.asOf ?? caseDate(c));
  // Checked whatever the target (only value targets run models).
  const models = opts.models?.length ? resolveModels(opts.models) : DEFAULT_LEVER_MODELS;
  const budget = opts.budget ?? 2000;
  if (!Number.isSafeInteger(budget) || budget < 1) throw new RangeError(`budget must be a positive integer, got ${budget}`);
  const ctx: Ctx = { original: c, view, runs, seed, budget, ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.modelParams ? { modelParams: opts.modelParams } : {}) };
  let drafts: Candidate[] = [];
  let parts: string[] = [];
  let baseline: Record<string, number> | null = null;
  let valueMet = false;
  const notes: string[] = [];
  if (target.kind === 'zone' || target.kind === 'draft') {
    ({ parts, drafts } = target.kind === 'zone' ? zoneLevers(view, target.issue) : draftLevers(view, target.draft));
    if (parts.length === 0) notes.push(target.kind === 'zone' ? `already met: every veto holder's red lines leave a zone on ${target.issue ?? 'every issue'}` : `already met: the draft "${target.draft}" crosses no veto holder's current red line`);
  } else if (target.kind === 'value') {
    const r = await valueLevers(ctx, target, models);
    ({ drafts, baseline } = r);
    valueMet = r.met;
    notes.push(...r.notes);
  } else {
    if (runs < 1) throw new LeverTargetError('target: a probability target needs runs ≥ 1 (the probability is a Monte Carlo mean)');
    const r = await probabilityLevers(ctx, target);
    ({ drafts, baseline } = r);
    notes.push(...r.notes);
  }
  let capTotal = 0;
  for (const a of view.actors) capTotal += Math.max(0, typeof a.capability === 'number' ? a.capability : a.capability.value);
  const levers: Lever[] = [];
  const shares = new Map<string, number>();
  for (const d of drafts) {
    const [own, ...others] = d.moves;
    let mcShare: number | null = null;
    if (runs > 0 && target.kind !== 'probability') {
      // The levers of one group share their moves (and so their share).
      const key = JSON.stringify([d.model, d.part, [...d.moves].sort((a, b) => (a.actor < b.actor ? -1 : 1)).map((mv) => [mv.actor, mv.issue, mv.field, mv.bound, mv.to])]);
      mcShare = shares.get(key) ?? (await share(ctx, target, d));
      shares.set(key, mcShare);
    }
    levers.push({
      ...move(own),
      byNormalized: normalized(view, own, capTotal),
      model: d.model,
      reaches: true,
      method: d.method,
      mcShare,
      outsideEvidence: d.outside,
      achieved: d.achieved,
      part: target.kind === 'zone' || target.kind === 'draft' ? d.part : null,
      with: others.map(move),
    });
  }
  const key = (l: Lever) => l.byNormalized + l.with.reduce((s, w) => s + normalized(view, w, capTotal), 0);
  const order = levers.map((l, n) => ({ l, n, k: key(l) }));
  order.sort((a, b) => a.k - b.k || (b.l.mcShare ?? -1) - (a.l.mcShare ?? -1) || a.n - b.n);
  const sorted = order.map((o) => o.l);
  const metAlready = target.kind === 'zone' || target.kind === 'draft' ? parts.length === 0 : target.kind === 'probability' ? baseline!.probability >= target.probability : valueMet;
  const reachable = target.kind === 'zone' || target.kind === 'draft' ? parts.every((p) => sorted.some((l) => l.part === p)) : metAlready || sorted.length > 0;
  if (target.kind === 'probability' && metAlready) notes.unshift(`already met: the probability is ${round(baseline!.probability)}`);
  return {
    case: { id: c.id, title: c.title },
    asOf: opts.asOf ?? null,
    scenario: opts.scenario ?? null,
    target: { ...target, text: opts.target },
    reachable,
    levers: metAlready && target.kind !== 'value' ? [] : sorted,
    parts,
    baseline,
    runs,
    seed,
    notes,
  };
}

/**
 * Whether a drawn issue has a zone: its slack ≥ 0, or NaN, an issue one actor decides alone (the
 * draws hold no red line there, as in the outlook; the decider's moved line admits the value).
 */
const open = (slack: number) => Number.isNaN(slack) || slack >= -1e-12;

/** The share of draws in which the lever (with the moves it needs) reaches its target or part. */
async function share(ctx: Ctx, target: LeverTarget, d: Candidate): Promise<number> {
  const moved = applyMoves(ctx.view, d.moves);
  if (target.kind === 'value') {
    const k0 = issueOf(ctx.view, target.issue);
    const width = scaleRange(ctx.view.issues[k0]);
    // A model that plays each issue separately is drawn on the target issue alone (the same
    // distributions; far fewer numbers to draw and models to run).
    const alone = PER_ISSUE_MODELS.has(d.model!);
    const sub = alone ? { ...moved, issues: [moved.issues[k0]], stances: moved.stances.filter((s) => s.issue === target.issue), drafts: [], scenarios: [], events: [] } : moved;
    const k = alone ? 0 : k0;
    const m = sub.issues.length;
    const { outcomes } = await simulateDraws(sub, { runs: ctx.runs, seed: ctx.seed, models: [d.model!], workers: 1, ...(ctx.asOf ? { asOf: ctx.asOf } : {}), ...(ctx.modelParams ? { modelParams: ctx.modelParams } : {}) });
    let n = 0;
    for (let r = 0; r < ctx.runs; r++) if (Math.abs(outcomes[0][r * m + k] - target.value) <= target.tolerance + 1e-9 * width) n++;
    return n / ctx.runs;
  }
  const k = issueOf(ctx.view, d.part);
  if (target.kind === 'zone') {
    const { slack, m } = await lineDraws(ctx, moved);
    let n = 0;
    for (let r = 0; r < ctx.runs; r++) if (open(slack[r * m + k])) n++;
    return n / ctx.runs;
  }
  // draft: the draft's value as the status quo, so that the trivial model's clamped terms show
  // whether the drawn lines accept it (the status quo plays no part in the red-line draws).
  const draft = ctx.view.drafts.find((x) => x.id === (target as { draft: string }).draft)!;
  const x = draftValues(draft).get(d.part)!.value;
  const asSq = { ...moved, issues: moved.issues.map((iss, j) => (j === k ? { ...iss, statusQuo: x } : iss)) };
  const { terms, slack, m } = await lineDraws(ctx, asSq);
  const width = scaleRange(ctx.view.issues[k]);
  let n = 0;
  for (let r = 0; r < ctx.runs; r++) if (open(slack[r * m + k]) && Math.abs(terms[r * m + k] - x) <= 1e-9 * width) n++;
  return n / ctx.runs;
}
