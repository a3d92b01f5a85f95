/**
 * Scenario comparison: the baseline forecast and each named scenario's (src/case/view.ts
 * applyScenario), side by side per model and issue, with the difference from the baseline.
 */
import type { Case } from '../case/schema.ts';
import { caseView, forecastCase, type ForecastOptions } from './forecast.ts';
import { scaleRange } from './red-lines.ts';

export interface ScenarioForecast {
  /** null: the baseline. */
  scenario: string | null;
  title: string;
  description: string | null;
  changes: Case['scenarios'][number]['changes'];
  /** outcome[model]: the forecast per issue. */
  outcome: Record<string, number[]>;
  /** difference[model]: scenario − baseline per issue (zeros for the baseline). */
  difference: Record<string, number[]>;
  /** Per model: the largest |difference| in % of the issue's scale. */
  largestShiftPercent: Record<string, number>;
}

export interface ScenarioComparison {
  case: { id: string; title: string };
  asOf: string | null;
  models: string[];
  issues: string[];
  scenarios: ScenarioForecast[];
}

export function compareScenarios(c: Case, opts: ForecastOptions & { scenarios?: string[] } = {}): ScenarioComparison {
  const view = caseView(c, { asOf: opts.asOf as string | undefined });
  const { asOf: _a, scenario: _s, scenarios: only, ...rest } = opts;
  const ranges = view.issues.map(scaleRange);
  const base = forecastCase(view, rest).results;
  const models = base.map((r) => r.model);
  const baseline = Object.fromEntries(base.map((r) => [r.model, r.outcome]));
  const row = (scenario: string | null, title: string, description: string | null, changes: ScenarioForecast['changes'], outcome: Record<string, number[]>): ScenarioForecast => {
    const difference = Object.fromEntries(models.map((m) => [m, outcome[m].map((x, k) => x - baseline[m][k])]));
    return {
      scenario,
      title,
      description,
      changes,
      outcome,
      difference,
      largestShiftPercent: Object.fromEntries(models.map((m) => [m, Math.max(0, ...difference[m].map((d, k) => (100 * Math.abs(d)) / ranges[k]))])),
    };
  };
  const chosen = only && only.length ? only : view.scenarios.map((s) => s.id);
  const scenarios = [row(null, 'Baseline', null, [], baseline)];
  for (const id of chosen) {
    // applyScenario names the known scenarios when `id` is unknown.
    const results = forecastCase(view, { ...rest, scenario: id }).results;
    const s = view.scenarios.find((x) => x.id === id)!;
    scenarios.push(row(s.id, s.title, s.description ?? null, s.changes, Object.fromEntries(results.map((r) => [r.model, r.outcome]))));
  }
  return { case: { id: c.id, title: c.title }, asOf: (opts.asOf as string | undefined) ?? null, models, issues: view.issues.map((i) => i.id), scenarios };
}
