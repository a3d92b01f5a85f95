/**
 * The model-parameter bodies of the forecast, simulate and sensitivity routes, from the engines'
 * parameter tables (src/engines/params.ts; docs/parameters.md), and their resolution into each
 * chosen model's parameters.
 */
import { z } from '@hono/zod-openapi';
import { distributionNames, type DistributionName } from '../../analysis/index.ts';
import { engineParams, engines, paramsOf, type EngineParams, type ModelInput } from '../../engines/index.ts';
import { ParamError, findParam, resolveParams, routeFlatParams } from '../../engines/params.ts';
import { flatParamFields, tableSchema } from '../../engines/params-zod.ts';
import { ParameterError } from '../errors.ts';
import { date, definedOnly, modelList } from './common.ts';

/** Monte Carlo runs one request may ask for (bounded so one request cannot occupy the server for hours). */
export const MAX_SIMULATION_RUNS = 200_000;
/** Runs × rounds one simulation may take: MAX_SIMULATION_RUNS at smp's default 100 turns; 20,000 runs at the 1000-round bound. */
export const MAX_SIMULATION_WORK = MAX_SIMULATION_RUNS * 100;

/**
 * The model parameters of the forecast, simulate and sensitivity bodies, from the engines' tables
 * (src/engines/params.ts; docs/parameters.md): `params: { bdm: { q: 0.5 }, exchange: { variant:
 * 'random' } }`, each model's object checked by its table (and documented in OpenAPI with defaults
 * and ranges); the older flat form `params: { rounds: 5, variant: 'random' }` still works, each key
 * going to the chosen models that have it (see routeFlatParams). Both may be mixed; a model's own
 * object wins.
 */
export const modelParamsSchema = z
  .strictObject(
    {
      ...Object.fromEntries(Object.entries(engineParams).map(([model, table]) => [model, tableSchema(model, table).optional()])),
      ...flatParamFields(engineParams),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown model or parameter ${issue.keys.map((k) => `"${k}"`).join(', ')} (models: ${Object.keys(engineParams).join(', ')}; parameters: docs/parameters.md)` : 'expected an object of model parameters') },
  )
  .optional()
  .openapi('ModelParams', { description: "each model's parameters by model name (or, the older flat form, by parameter name); absent ones take their defaults (docs/parameters.md)" });

export const ForecastBody = z
  .object({
    models: modelList.optional(),
    rounds: z.number().int().min(1).max(1000).optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    asOf: date.optional(),
    scenario: z.string().max(80).optional(),
    params: modelParamsSchema,
  })
  .strict()
  .openapi('ForecastRequest');

export const SimulateBody = z
  .object({
    runs: z.number().int().min(1).max(MAX_SIMULATION_RUNS).default(1000),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    models: modelList.optional(),
    distribution: z.enum(distributionNames as [DistributionName, ...DistributionName[]]).optional(),
    rounds: z.number().int().min(1).max(1000).optional(),
    asOf: date.optional(),
    scenario: z.string().max(80).optional(),
    params: modelParamsSchema,
  })
  .strict()
  .openapi('SimulateRequest');

/** Rounds (or turns) of an iterative model one request may ask for, however it names them: the top-level `rounds`' own bound. */
export const MAX_API_ROUNDS = 1000;
/** smp's worker threads one request may start. */
export const MAX_API_THREADS = 8;

/**
 * The API's bounds on the engines' parameters, over their tables' (which are the CLI's): the same
 * whichever route (forecast, simulate, sensitivity) and whichever form (top level, flat, per model)
 * sets them. A table lets bdm and exchange run 100,000 rounds (a forecast of hundreds of megabytes,
 * stored as a run) and smp start 256 worker threads; one request gets at most MAX_API_ROUNDS rounds
 * and MAX_API_THREADS threads (the result is the same whatever the number of threads).
 */
export const API_PARAM_LIMITS: Readonly<Record<string, number>> = {
  rounds: MAX_API_ROUNDS,
  maxTurns: MAX_API_ROUNDS,
  minTurns: MAX_API_ROUNDS,
  threads: MAX_API_THREADS,
};

/** The field a model's resolved parameter came from: its own object, the flat form (by name or alias), or the top level. */
function fieldOf(model: string, name: string, own: Record<string, unknown> | undefined, flat: Record<string, unknown>): string {
  const spec = findParam(paramsOf(model), name);
  const keys = [name, ...(spec?.aliases ?? [])];
  if (own && keys.some((k) => own[k] !== undefined)) return `params.${model}.${keys.find((k) => own[k] !== undefined)}`;
  const flatKey = keys.find((k) => flat[k] !== undefined);
  return flatKey ? `params.${flatKey}` : name;
}

/** Two actors on one 0–100 issue: enough for every engine to run its own checks on its parameters. */
const PROBE: ModelInput = {
  actors: ['a', 'b'],
  issues: ['i'],
  position: Float64Array.of(20, 80),
  salience: Float64Array.of(0.5, 0.8),
  capability: Float64Array.of(1, 2),
  scaleMin: Float64Array.of(0),
  scaleMax: Float64Array.of(100),
  statusQuo: Float64Array.of(50),
};

/**
 * A forecast, simulate or sensitivity body as the analysis options, with each chosen model's
 * parameters resolved: the body's `params` (per model, or flat and routed), over the top-level
 * `rounds` (and, for a forecast, `seed`), each checked by the model's table and completed with its
 * defaults, in `modelParams` (what a stored run records, so a replay does not depend on defaults
 * that may change). A value the table refuses, a key no chosen model has, a model not chosen: 400
 * naming the parameter. Checks between parameters that only an engine knows (exchange's decimal
 * arithmetic is equal gain only) run on a two-actor probe first; what an engine refuses there is
 * the user's (400), so a RangeError during the real run is a bug (500).
 *
 * `engineSeed`: whether the top-level `seed` is the engines' (a forecast) or not (a simulation's
 * seed draws each run's engine seeds; the per-model records then leave `seed` out).
 */
export function modelOptions<B extends { params?: Record<string, unknown>; models?: string[]; rounds?: number; seed?: number }>(
  body: B,
  models: string[],
  { engineSeed = true }: { engineSeed?: boolean } = {},
): Omit<B, 'params'> & { modelParams: Record<string, EngineParams> } {
  const { params, ...named } = body;
  const given = (params ?? {}) as Record<string, unknown>;
  const own = Object.fromEntries(Object.entries(given).filter(([k]) => k in engineParams)) as Record<string, Record<string, unknown> | undefined>;
  const flat = Object.fromEntries(Object.entries(given).filter(([k]) => !(k in engineParams)));
  const modelParams: Record<string, EngineParams> = {};
  try {
    for (const m of Object.keys(own)) if (own[m] !== undefined && !models.includes(m)) throw new ParamError(`${m} is not among the chosen models (${models.join(', ')})`, m);
    const routed = routeFlatParams(models, engineParams, flat);
    // The top-level fields go, as they always did, to the models that read them; the others ignore them.
    const top = { ...(named.rounds !== undefined ? { rounds: named.rounds } : {}), ...(engineSeed && named.seed !== undefined ? { seed: named.seed } : {}) };
    for (const m of models) {
      const table = paramsOf(m);
      const common = Object.fromEntries(Object.entries(top).filter(([k]) => findParam(table, k)));
      const resolved = resolveParams(m, table, { ...common, ...routed[m], ...(own[m] ?? {}) });
      if (!engineSeed) delete resolved.seed;
      modelParams[m] = resolved;
    }
  } catch (e) {
    if (e instanceof ParamError) throw new ParameterError(e.message, `params${e.model ? `.${e.model}` : ''}${e.param && e.param !== e.model ? `.${e.param}` : ''}`);
    throw e;
  }
  for (const m of models) {
    for (const [name, limit] of Object.entries(API_PARAM_LIMITS)) {
      const value = modelParams[m][name];
      if (typeof value === 'number' && value > limit) {
        const field = fieldOf(m, name, own[m], flat);
        throw new ParameterError(`${field}: ${m}: ${name} must be at most ${limit} through the API, got ${value}${name === 'threads' ? '' : ' (the CLI takes more)'}`, field);
      }
    }
  }
  for (const name of models) {
    try {
      engines[name](PROBE, { ...modelParams[name], explain: false });
    } catch (e) {
      if (e instanceof RangeError) throw new ParameterError(e.message.startsWith(`${name}:`) ? e.message : `${name}: ${e.message}`, `params.${name}`);
      throw e;
    }
  }
  // The flat keys stay beside modelParams, as runs always recorded them (and a model without a table, the ensemble, reads them).
  return { ...flat, ...(definedOnly(named) as Omit<B, 'params'>), modelParams };
}
