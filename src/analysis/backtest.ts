/**
 * Backtest: run the models on cases whose issues record the actual outcome and score each model the
 * way the DEU literature does (Thomson et al. 2006, 2011; Achen 2006): per issue the absolute error
 * |forecast − outcome| on a 0–100 scale (each issue's own scale mapped onto 0–100), then per model
 * the mean absolute error, the median absolute error and the root mean squared error.
 *
 * Published on DEU III (351 issues, 0–100): compromise MAE 22.99, challenge (BDM) 26.83–27.94,
 * median actor 28.37.
 */
import type { Case } from '../case/schema.ts';
import type { EngineParams } from '../engines/types.ts';
import { forecastCase, resolveModels } from './forecast.ts';

export interface ErrorSummary {
  /** Issues scored. */
  n: number;
  meanAbsoluteError: number;
  medianAbsoluteError: number;
  rootMeanSquaredError: number;
}

/** Mean, median and root mean square of absolute errors (NaN for none). */
export function summarizeErrors(absoluteErrors: readonly number[]): ErrorSummary {
  const n = absoluteErrors.length;
  if (n === 0) return { n, meanAbsoluteError: NaN, medianAbsoluteError: NaN, rootMeanSquaredError: NaN };
  let sum = 0;
  let squares = 0;
  for (const e of absoluteErrors) {
    sum += e;
    squares += e * e;
  }
  const sorted = [...absoluteErrors].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n, meanAbsoluteError: sum / n, medianAbsoluteError: median, rootMeanSquaredError: Math.sqrt(squares / n) };
}

/** A value of a scale [min, max] on 0–100. */
export function onHundredScale(value: number, min: number, max: number): number {
  return max === min ? value : (100 * (value - min)) / (max - min);
}

export interface BacktestIssue {
  case: string;
  issue: string;
  title: string;
  /** The actual outcome on 0–100. */
  outcome: number;
  /** Each model's forecast on 0–100. */
  forecasts: Record<string, number>;
  absoluteErrors: Record<string, number>;
}

export interface BacktestResult {
  models: string[];
  summary: Array<{ model: string } & ErrorSummary>;
  issues: BacktestIssue[];
  /** Issues without a recorded outcome (not scored). */
  skipped: number;
}

export interface BacktestOptions {
  models?: string[];
  /** Each model's parameters (rounds, seed, q, …). */
  paramsFor?: (model: string) => EngineParams;
}

/**
 * Forecast every case with every model and score the issues that have an outcome. Each case is run on
 * its own (for DEU III: one case per proposal, so the exchange model trades within a proposal only).
 */
export function backtest(cases: readonly Case[], opts: BacktestOptions = {}): BacktestResult {
  const models = resolveModels(opts.models);
  const issues: BacktestIssue[] = [];
  let skipped = 0;
  for (const c of cases) {
    const scored = c.issues.map((iss) => iss.outcome !== undefined);
    skipped += scored.filter((s) => !s).length;
    if (!scored.some(Boolean)) continue;
    const outcomes = models.map((name) => forecastCase(c, { models: [name], ...(opts.paramsFor?.(name) ?? {}) }).results[0].outcome);
    c.issues.forEach((iss, k) => {
      if (iss.outcome === undefined) return;
      const { min, max } = iss.scale;
      const outcome = onHundredScale(iss.outcome, min, max);
      const forecasts: Record<string, number> = {};
      const absoluteErrors: Record<string, number> = {};
      models.forEach((name, j) => {
        forecasts[name] = onHundredScale(outcomes[j][k], min, max);
        absoluteErrors[name] = Math.abs(forecasts[name] - outcome);
      });
      issues.push({ case: c.id, issue: iss.id, title: iss.title, outcome, forecasts, absoluteErrors });
    });
  }
  const summary = models.map((model) => ({ model, ...summarizeErrors(issues.map((i) => i.absoluteErrors[model]).filter(Number.isFinite)) }));
  return { models, summary, issues, skipped };
}
