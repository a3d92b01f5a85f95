/**
 * One-at-a-time sensitivity (Saltelli et al. 2008, Global Sensitivity Analysis, §1.2.1; the
 * "tornado diagram" of decision analysis, Howard 1988): each estimate with a range is set to its low
 * and then its high bound, every other estimate held at its value, and each model re-run. The swing
 * |forecast(high) − forecast(low)| ranks the estimates most worth researching next.
 */
import type { Case } from '../case/schema.ts';
import { estimate } from '../case/estimate.ts';
import { toModelInput } from '../case/model-input.ts';
import { currentStances, pairKey } from '../case/view.ts';
import { engines } from '../engines/index.ts';
import type { EngineResult, ModelInput } from '../engines/types.ts';
import { caseView, resolveModels, type ForecastOptions } from './forecast.ts';
import { scaleRange } from './red-lines.ts';
import { analysisHeading, type AnalysisHeading } from './heading.ts';

export type EstimateField = 'position' | 'salience' | 'capability';

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

interface Target {
  actor: string;
  issue: string | null;
  field: EstimateField;
  e: { value: number; low?: number; high?: number };
  /** The ModelInput array the estimate feeds, and the row-major slots (i·M + k) it fills there. */
  array: EstimateField;
  slots: number[];
}

/**
 * Every estimate of the current view that toModelInput reads, with its range and the slots of the
 * base ModelInput it fills: a stance's position, salience and own capability fill slot i·M + k; an
 * actor's capability fills every slot of its row whose pair has no capability of its own (pairs
 * without a stance included, as in toModelInput).
 */
function estimatesOf(view: Case): Target[] {
  const out: Target[] = [];
  const m = view.issues.length;
  const current = currentStances(view);
  view.actors.forEach((a, i) => {
    const slots = view.issues.flatMap((iss, k) => (current.get(pairKey(a.id, iss.id))?.capability === undefined ? [i * m + k] : []));
    out.push({ actor: a.id, issue: null, field: 'capability', e: estimate(a.capability), array: 'capability', slots });
  });
  view.actors.forEach((a, i) => {
    view.issues.forEach((iss, k) => {
      const s = current.get(pairKey(a.id, iss.id));
      if (!s) return;
      const slot = [i * m + k];
      out.push({ actor: a.id, issue: iss.id, field: 'position', e: estimate(s.position), array: 'position', slots: slot });
      out.push({ actor: a.id, issue: iss.id, field: 'salience', e: estimate(s.salience), array: 'salience', slots: slot });
      if (s.capability !== undefined) out.push({ actor: a.id, issue: iss.id, field: 'capability', e: estimate(s.capability), array: 'capability', slots: slot });
    });
  });
  return out;
}

/**
 * An estimate's value as the engines read it in slot i·M + k: the same clamping toModelInput
 * applies (positions into the issue's scale, salience from 0–100 to 0–1, capability ≥ 0). The
 * test "swinging one slot gives the arrays toModelInput builds" holds the two to the same numbers.
 */
function slotValue(input: ModelInput, field: EstimateField, slot: number, v: number): number {
  if (field === 'capability') return Math.max(0, v);
  if (field === 'salience') return Math.min(1, Math.max(0, v / 100));
  const k = slot % input.issues.length;
  return Math.min(input.scaleMax[k], Math.max(input.scaleMin[k], v));
}

/**
 * Run the models with one estimate set to `v`: the estimate's slots of the shared base input are
 * overwritten, the models run, and the slots restored. When the slots would not change (a bound
 * equal to the value, or clamped back to it), the baseline results are the answer and no model runs.
 */
function runSwung(input: ModelInput, t: Target, v: number, run: () => EngineResult[], baseline: EngineResult[]): EngineResult[] {
  const arr = input[t.array];
  const saved = t.slots.map((j) => arr[j]);
  const swung = t.slots.map((j) => slotValue(input, t.field, j, v));
  if (swung.every((x, n) => Object.is(x, saved[n]))) return baseline;
  t.slots.forEach((j, n) => (arr[j] = swung[n]));
  try {
    return run();
  } finally {
    t.slots.forEach((j, n) => (arr[j] = saved[n]));
  }
}

export function sensitivity(c: Case, opts: ForecastOptions = {}): SensitivityReport {
  const view = caseView(c, opts);
  const { asOf: _a, scenario: _s, models: chosen, ...params } = opts;
  const models = resolveModels(chosen);
  // One ModelInput for every swing (building it per swing re-reads the whole case each time).
  const input = toModelInput(view);
  const run = () => models.map((name) => engines[name](input, params));
  const base = run();
  const ranges = view.issues.map(scaleRange);
  const entries: SensitivityEntry[] = [];
  let fixed = 0;
  for (const t of estimatesOf(view)) {
    const low = Math.min(t.e.low ?? t.e.value, t.e.value);
    const high = Math.max(t.e.high ?? t.e.value, t.e.value);
    if (!(high > low)) {
      fixed++;
      continue;
    }
    const atLow = runSwung(input, t, low, run, base);
    const atHigh = runSwung(input, t, high, run, base);
    const outcomes: SensitivityEntry['outcomes'] = {};
    const swings: SensitivityEntry['swings'] = {};
    models.forEach((model, j) => {
      const lo = atLow[j].outcome;
      const hi = atHigh[j].outcome;
      const issues = lo.map((x, k) => Math.abs(hi[k] - x));
      outcomes[model] = { low: lo, high: hi };
      swings[model] = { issues, largestPercent: Math.max(0, ...issues.map((s, k) => (100 * s) / ranges[k])) };
    });
    entries.push({ actor: t.actor, issue: t.issue, field: t.field, value: t.e.value, low, high, outcomes, swings });
  }
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
    baseline: Object.fromEntries(base.map((r) => [r.model, r.outcome])),
    entries,
    tornado,
    fixedEstimates: fixed,
  };
}
