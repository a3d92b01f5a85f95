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

export type ScenarioOptions = ForecastOptions & { scenarios?: string[] };

/** One forecast of the comparison (the baseline's or a scenario's): per model, in the models' order, the forecast per issue. */
export type ScenarioOutcome = Array<[model: string, outcome: number[]]>;

/** What every step of the comparison starts from: the case as of the date, the forecast options, the scenarios compared. */
function comparisonSetup(c: Case, opts: ScenarioOptions) {
  const view = caseView(c, { asOf: opts.asOf as string | undefined });
  const { asOf: _a, scenario: _s, scenarios: only, ...rest } = opts;
  return { view, rest, chosen: only && only.length ? only : view.scenarios.map((s) => s.id) };
}

function outcomeOf(view: Case, rest: ForecastOptions, id: string | null): ScenarioOutcome {
  // applyScenario names the known scenarios when `id` is unknown.
  const results = forecastCase(view, id === null ? rest : { ...rest, scenario: id }).results;
  return results.map((r) => [r.model, r.outcome]);
}

/** The scenarios compared, in order (src/analysis/scenarios-chunks.ts splits them over chunks). */
export function scenarioIds(c: Case, opts: ScenarioOptions = {}): string[] {
  return comparisonSetup(c, opts).chosen;
}

/** The baseline's forecast (id null) or scenario id's, as compareScenarios computes it. */
export function scenarioOutcome(c: Case, opts: ScenarioOptions, id: string | null): ScenarioOutcome {
  const { view, rest } = comparisonSetup(c, opts);
  return outcomeOf(view, rest, id);
}

/** The comparison from the baseline's forecast and each chosen scenario's (in scenarioIds' order). */
export function scenarioComparison(c: Case, opts: ScenarioOptions, base: ScenarioOutcome, outcomes: readonly ScenarioOutcome[]): ScenarioComparison {
  const { view, chosen } = comparisonSetup(c, opts);
  const ranges = view.issues.map(scaleRange);
  const models = base.map(([m]) => m);
  const baseline = Object.fromEntries(base);
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
  const scenarios = [row(null, 'Baseline', null, [], baseline)];
  chosen.forEach((id, n) => {
    const s = view.scenarios.find((x) => x.id === id)!;
    scenarios.push(row(s.id, s.title, s.description ?? null, s.changes, Object.fromEntries(outcomes[n])));
  });
  return { case: { id: c.id, title: c.title }, asOf: (opts.asOf as string | undefined) ?? null, models, issues: view.issues.map((i) => i.id), scenarios };
}

export function compareScenarios(c: Case, opts: ScenarioOptions = {}): ScenarioComparison {
  const { view, rest, chosen } = comparisonSetup(c, opts);
  const base = outcomeOf(view, rest, null);
  return scenarioComparison(c, opts, base, chosen.map((id) => outcomeOf(view, rest, id)));
}
