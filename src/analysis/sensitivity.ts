/**
 * One-at-a-time sensitivity (Saltelli et al. 2008, Global Sensitivity Analysis, §1.2.1; the
 * "tornado diagram" of decision analysis, Howard 1988): each estimate with a range is set to its low
 * and then its high bound, every other estimate held at its value, and each model re-run. The swing
 * |forecast(high) − forecast(low)| ranks the estimates most worth researching next.
 */
import type { Case } from '../case/schema.ts';
import { estimate } from '../case/estimate.ts';
import type { EstimatePicker } from '../case/model-input.ts';
import { currentStances } from '../case/view.ts';
import { caseView, forecastCase, type ForecastOptions } from './forecast.ts';
import { scaleRange } from './red-lines.ts';

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

export interface SensitivityReport {
  case: { id: string; title: string };
  asOf: string | null;
  scenario: string | null;
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
}

/** Every estimate of the current view that toModelInput reads, with its range. */
function estimatesOf(view: Case): Target[] {
  const out: Target[] = [];
  for (const a of view.actors) out.push({ actor: a.id, issue: null, field: 'capability', e: estimate(a.capability) });
  const current = currentStances(view);
  for (const a of view.actors) {
    for (const iss of view.issues) {
      const s = current.get(`${a.id}\u0000${iss.id}`);
      if (!s) continue;
      out.push({ actor: a.id, issue: iss.id, field: 'position', e: estimate(s.position) });
      out.push({ actor: a.id, issue: iss.id, field: 'salience', e: estimate(s.salience) });
      if (s.capability !== undefined) out.push({ actor: a.id, issue: iss.id, field: 'capability', e: estimate(s.capability) });
    }
  }
  return out;
}

/** A picker that sets one estimate to `v` and leaves every other at its value. */
function pinning(t: Target, v: number): EstimatePicker {
  return (e, where) => (where.actor === t.actor && where.field === t.field && (where.issue ?? null) === t.issue ? v : e.value);
}

export function sensitivity(c: Case, opts: ForecastOptions = {}): SensitivityReport {
  const view = caseView(c, opts);
  const { asOf: _a, scenario: _s, ...rest } = opts;
  const base = forecastCase(view, rest).results;
  const models = base.map((r) => r.model);
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
    const atLow = forecastCase(view, rest, pinning(t, low)).results;
    const atHigh = forecastCase(view, rest, pinning(t, high)).results;
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
    case: { id: c.id, title: c.title },
    asOf: opts.asOf ?? null,
    scenario: opts.scenario ?? null,
    models,
    issues: view.issues.map((i) => i.id),
    baseline: Object.fromEntries(base.map((r) => [r.model, r.outcome])),
    entries,
    tornado,
    fixedEstimates: fixed,
  };
}
