/**
 * One-at-a-time sensitivity (Saltelli et al. 2008, Global Sensitivity Analysis, §1.2.1; the
 * "tornado diagram" of decision analysis, Howard 1988): each estimate with a range is set to its low
 * and then its high bound, every other estimate held at its value, and each model re-run. The swing
 * |forecast(high) − forecast(low)| ranks the estimates most worth researching next.
 *
 * The case is read once (the InputPlan of model-input.ts, the same one Monte Carlo uses): one
 * ModelInput serves every swing, the swung estimate's slots rewritten in place and put back. The
 * engines' own time dominates what is left (the exchange model most).
 */
import type { Case } from '../case/schema.ts';
import { emptyModelInput, FIELD_CAPABILITY, FIELD_POSITION, FIELD_SALIENCE, inputPlan, setEstimate, type EstimateField, type InputPlan } from '../case/model-input.ts';
import { engines } from '../engines/index.ts';
import { paramsForModel } from '../engines/params.ts';
import type { EngineResult, ModelInput } from '../engines/types.ts';
import { caseView, resolveModels, type ForecastOptions } from './forecast.ts';
import { scaleRange } from './red-lines.ts';
import { analysisHeading, type AnalysisHeading } from './heading.ts';

export type { EstimateField };

export interface SensitivityEntry {
  actor: string;
  /** The stance's issue; null for an actor's overall capability. */
  issue: string | null;
  field: EstimateField;
  value: number;
  low: number;
  high: number;
  /** Per model: the forecast per issue with the estimate at its low and at its high bound. */
  outcomes: Record<string, { low: number[]; high: number[] }>;
  /** Per model: |high − low| per issue, and the largest of them in % of the issue's scale. */
  swings: Record<string, { issues: number[]; largestPercent: number }>;
}

export interface TornadoBar {
  actor: string;
  issue: string | null;
  field: EstimateField;
  /** The forecast issue the bar is about. */
  forecastIssue: string;
  outcomeLow: number;
  outcomeHigh: number;
  swing: number;
  /** The swing in % of the forecast issue's scale (comparable across issues). */
  swingPercent: number;
}

export interface SensitivityReport extends AnalysisHeading {
  models: string[];
  issues: string[];
  baseline: Record<string, number[]>;
  entries: SensitivityEntry[];
  /** Per model: every (estimate × forecast issue) with a non-zero swing, largest swing (in % of scale) first. */
  tornado: Record<string, TornadoBar[]>;
  /** Estimates without a range (not swung). */
  fixedEstimates: number;
}

/** The ModelInput array each InputPlan field code writes into. */
const ARRAY_OF_FIELD: EstimateField[] = [];
ARRAY_OF_FIELD[FIELD_CAPABILITY] = 'capability';
ARRAY_OF_FIELD[FIELD_POSITION] = 'position';
ARRAY_OF_FIELD[FIELD_SALIENCE] = 'salience';

/**
 * The plan's estimates in the report's order: the actors' capabilities first, then per actor and
 * issue the stance's position, salience and own capability (the tornado breaks ties by this order).
 */
function reportOrder(plan: InputPlan): number[] {
  const rank = (e: number) => (plan.issue[e] < 0 ? 0 : 1 + [FIELD_POSITION, FIELD_SALIENCE, FIELD_CAPABILITY].indexOf(plan.field[e]));
  const order = Array.from(plan.value, (_, e) => e);
  return order.sort((x, y) => Math.min(rank(x), 1) - Math.min(rank(y), 1) || plan.actor[x] - plan.actor[y] || plan.issue[x] - plan.issue[y] || rank(x) - rank(y));
}

/**
 * Run the models with estimate e set to `v`: its slots of the shared input are overwritten in place
 * (bounded as toModelInput bounds them, by setEstimate), the models run, and the point value put
 * back. When the slots do not change (a bound equal to the value, or clamped back to it), no model
 * runs and the answer is null: the baseline results stand.
 */
function runSwung(plan: InputPlan, input: ModelInput, e: number, v: number, run: () => EngineResult[]): EngineResult[] | null {
  const arr = input[ARRAY_OF_FIELD[plan.field[e]]];
  const slots = plan.slots.subarray(plan.slotStart[e], plan.slotStart[e + 1]);
  const before = Array.from(slots, (j) => arr[j]);
  setEstimate(plan, input, e, v);
  if (Array.from(slots, (j) => arr[j]).every((x, n) => Object.is(x, before[n]))) return null;
  try {
    return run();
  } finally {
    setEstimate(plan, input, e, plan.value[e]);
  }
}

/**
 * What every step of a sensitivity analysis starts from: the case as analysed, the models, and one
 * ModelInput at the point values for every swing (building it per swing re-reads the whole case
 * each time). src/analysis/sensitivity-chunks.ts splits the swings over chunks with it.
 */
export interface SensitivitySetup {
  view: Case;
  models: string[];
  plan: InputPlan;
  input: ModelInput;
  /** Every model on `input` as it is now. */
  run: () => EngineResult[];
  /** Each issue's scale width. */
  ranges: number[];
}

export function sensitivitySetup(c: Case, opts: ForecastOptions = {}): SensitivitySetup {
  const view = caseView(c, opts);
  const { asOf: _a, scenario: _s, models: chosen, ...params } = opts;
  const models = resolveModels(chosen);
  const plan = inputPlan(view);
  const input = emptyModelInput(plan);
  for (let e = 0; e < plan.value.length; e++) setEstimate(plan, input, e, plan.value[e]);
  const perModel = models.map((name) => paramsForModel(name, params));
  const run = () => models.map((name, j) => engines[name](input, perModel[j]));
  return { view, models, plan, input, run, ranges: view.issues.map(scaleRange) };
}

/** Estimate e's value and bounds as swung (a missing bound is NaN in the plan: the value stands in for it). */
function swingBounds(plan: InputPlan, e: number): { value: number; low: number; high: number } {
  const value = plan.value[e];
  const low = Math.min(Number.isNaN(plan.low[e]) ? value : plan.low[e], value);
  const high = Math.max(Number.isNaN(plan.high[e]) ? value : plan.high[e], value);
  return { value, low, high };
}

/** The plan's estimates that are swung (high > low), in the report's order, and how many are held fixed. */
export function swungEstimates(plan: InputPlan): { swung: number[]; fixed: number } {
  const swung: number[] = [];
  let fixed = 0;
  for (const e of reportOrder(plan)) {
    const { low, high } = swingBounds(plan, e);
    if (high > low) swung.push(e);
    else fixed++;
  }
  return { swung, fixed };
}

/** Estimate e at its low and at its high bound: per model the forecast per issue, or null where nothing changes (the baseline's). */
export function swingOutcomes(s: SensitivitySetup, e: number): [number[][] | null, number[][] | null] {
  const { low, high } = swingBounds(s.plan, e);
  const atLow = runSwung(s.plan, s.input, e, low, s.run);
  const atHigh = runSwung(s.plan, s.input, e, high, s.run);
  return [atLow && atLow.map((r) => r.outcome), atHigh && atHigh.map((r) => r.outcome)];
}

/** The report's entry of estimate e from its outcomes at the low and the high bound (per model, in the setup's order). */
export function sensitivityEntry(s: SensitivitySetup, e: number, atLow: number[][], atHigh: number[][]): SensitivityEntry {
  const { plan, view, models, ranges } = s;
  const { value, low, high } = swingBounds(plan, e);
  const outcomes: SensitivityEntry['outcomes'] = {};
  const swings: SensitivityEntry['swings'] = {};
  models.forEach((model, j) => {
    const lo = atLow[j];
    const hi = atHigh[j];
    const issues = lo.map((x, k) => Math.abs(hi[k] - x));
    outcomes[model] = { low: lo, high: hi };
    swings[model] = { issues, largestPercent: Math.max(0, ...issues.map((s, k) => (100 * s) / ranges[k])) };
  });
  const k = plan.issue[e];
  return { actor: view.actors[plan.actor[e]].id, issue: k < 0 ? null : view.issues[k].id, field: ARRAY_OF_FIELD[plan.field[e]], value, low, high, outcomes, swings };
}

/** The report from the baseline (model → forecast per issue), the entries in the report's order and the count of fixed estimates. */
export function sensitivityReport(c: Case, opts: ForecastOptions, s: SensitivitySetup, baseline: Record<string, number[]>, entries: SensitivityEntry[], fixed: number): SensitivityReport {
  const { view, models, ranges } = s;
  const tornado: SensitivityReport['tornado'] = {};
  for (const model of models) {
    const bars: TornadoBar[] = [];
    for (const e of entries) {
      view.issues.forEach((iss, k) => {
        const swing = e.swings[model].issues[k];
        if (!(swing > 1e-12)) return;
        bars.push({ actor: e.actor, issue: e.issue, field: e.field, forecastIssue: iss.id, outcomeLow: e.outcomes[model].low[k], outcomeHigh: e.outcomes[model].high[k], swing, swingPercent: (100 * swing) / ranges[k] });
      });
    }
    // Stable order for equal swings: the case's order of estimates and issues.
    tornado[model] = bars.map((b, i) => [b, i] as const).sort((x, y) => y[0].swingPercent - x[0].swingPercent || x[1] - y[1]).map((x) => x[0]);
  }
  return {
    ...analysisHeading(c, opts),
    models,
    issues: view.issues.map((i) => i.id),
    baseline,
    entries,
    tornado,
    fixedEstimates: fixed,
  };
}

export function sensitivity(c: Case, opts: ForecastOptions = {}): SensitivityReport {
  const s = sensitivitySetup(c, opts);
  const base = s.run();
  const baseOutcomes = base.map((r) => r.outcome);
  const { swung, fixed } = swungEstimates(s.plan);
  const entries = swung.map((e) => {
    const [atLow, atHigh] = swingOutcomes(s, e);
    return sensitivityEntry(s, e, atLow ?? baseOutcomes, atHigh ?? baseOutcomes);
  });
  return sensitivityReport(c, opts, s, Object.fromEntries(base.map((r) => [r.model, r.outcome])), entries, fixed);
}
