/**
 * Forecast a case with any of the engines: the case as of a date, with a scenario applied, turned
 * into numeric arrays and run through each chosen model.
 */
import { engines } from '../engines/index.ts';
import { paramsForModel } from '../engines/params.ts';
import type { EngineParams, EngineResult, ModelInput } from '../engines/types.ts';
import { toModelInput, type EstimatePicker } from '../case/model-input.ts';
import type { Case } from '../case/schema.ts';
import { applyScenario, asOf } from '../case/view.ts';

export interface ForecastOptions extends EngineParams {
  /** Model names (see `engines`); default: all. */
  models?: string[];
  /** YYYY-MM-DD: forecast the case as it stood on that date. */
  asOf?: string;
  /** A scenario id of the case to apply before forecasting. */
  scenario?: string;
  /** Each model's own parameters (src/engines/params.ts tables), over the common ones above. */
  modelParams?: Record<string, EngineParams>;
}

export interface ForecastSet {
  input: ModelInput;
  results: EngineResult[];
}

export class UnknownModelError extends Error {}

export function resolveModels(models: string[] | undefined): string[] {
  if (!models || models.length === 0 || models.includes('all')) return Object.keys(engines);
  for (const name of models) {
    if (!Object.hasOwn(engines, name)) throw new UnknownModelError(`unknown model "${name}" (known: ${Object.keys(engines).join(', ')}, all)`);
  }
  return models;
}

/** The case as the forecast sees it: as of the date, with the scenario applied. */
export function caseView(c: Case, opts: Pick<ForecastOptions, 'asOf' | 'scenario'> = {}): Case {
  let view = opts.asOf ? asOf(c, opts.asOf) : c;
  if (opts.scenario) view = applyScenario(view, opts.scenario);
  return view;
}

export function forecastCase(c: Case, opts: ForecastOptions = {}, pick?: EstimatePicker): ForecastSet {
  const models = resolveModels(opts.models);
  const input = toModelInput(caseView(c, opts), pick);
  const { models: _m, asOf: _a, scenario: _s, ...params } = opts;
  return { input, results: models.map((name) => engines[name](input, paramsForModel(name, params))) };
}
