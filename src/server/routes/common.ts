/**
 * What every route module shares: the route declaration helper (one spec validates the request,
 * types the handler's answer against the response schema, and documents both in OpenAPI), the
 * common request schemas, change metadata from headers, paging, and the model-parameter handling of
 * the forecast, simulate and sensitivity routes (one helper, so that per-engine parameter tables can
 * replace it in one place).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { pathToString } from '../../case/load.ts';
import { distributionNames, type DistributionName } from '../../analysis/index.ts';
import { engineParams, engines, paramsOf, type EngineParams, type ModelInput } from '../../engines/index.ts';
import { ParamError, findParam, resolveParams, routeFlatParams } from '../../engines/params.ts';
import { flatParamFields, tableSchema } from '../../engines/params-zod.ts';
import { pageOf, type Store } from '../../store/index.ts';
import { ApiError, ParameterError } from '../errors.ts';
import type { JobManager } from '../jobs.ts';
import { ErrorBody } from '../schemas.ts';

/** What a route module is given: the store, the job queue and the server's options. */
export interface RouteContext {
  store: Store;
  jobs: JobManager;
  /** Let ingest fetch URLs on loopback and private networks (tests only). */
  allowPrivateFetch: boolean;
}

/** A route module: mounted by app.ts with `app.route('/', module(ctx))`. */
export type RouteModule = (ctx: RouteContext) => OpenAPIHono;

/** Request validation failures as 400 with the field's path (`body.stances[1].salience: …`). */
export const validationHook = (result: { success: boolean; error?: z.ZodError; target: string }): void => {
  if (!result.success) {
    const issue = result.error?.issues[0];
    const path = issue ? pathToString(issue.path as PropertyKey[]) : '';
    throw new ApiError(400, `${result.target === 'json' ? 'body' : result.target}${path ? `.${path}` : ''}: ${issue?.message ?? 'invalid'}`, path || null);
  }
};

export const router = (): OpenAPIHono => new OpenAPIHono({ defaultHook: validationHook as never });

// ---- request schemas shared by several modules
export const date = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
export const PageQuery = z.object({
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const CaseParams = z.object({ id: z.string().max(80).openapi({ param: { name: 'id', in: 'path' } }) });
/** Reading a case at a revision and/or as of a date (lists of sub-resources, stances). */
export const RevisionQuery = z.object({ asOf: date.optional(), revision: z.coerce.number().int().min(1).optional() });
const modelList = z.array(z.string().max(40)).max(20);
export const AnalysisQuery = z.object({
  asOf: date.optional(),
  scenario: z.string().max(80).optional(),
  models: z.string().max(400).optional().openapi({ description: 'comma-separated model names (default: all)' }),
  rounds: z.coerce.number().int().min(1).max(1000).optional(),
  seed: z.coerce.number().int().min(0).optional(),
});

/** Monte Carlo runs one request may ask for (bounded so one request cannot occupy the server for hours). */
export const MAX_SIMULATION_RUNS = 200_000;

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

/** Analysis query options as the analysis functions take them. */
export const analysisOptions = (q: z.output<typeof AnalysisQuery>) => ({
  ...(q.asOf ? { asOf: q.asOf } : {}),
  ...(q.scenario ? { scenario: q.scenario } : {}),
  ...(q.models ? { models: commaList(q.models) } : {}),
  ...(q.rounds !== undefined ? { rounds: q.rounds } : {}),
  ...(q.seed !== undefined ? { seed: q.seed } : {}),
});
export const commaList = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

// ---- declaring a route
const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const ERROR_RESPONSES = {
  400: json(ErrorBody, 'invalid request; error.path names the field'),
  401: json(ErrorBody, 'a write without the bearer token'),
  404: json(ErrorBody, 'unknown case, item, run or job'),
  409: json(ErrorBody, 'conflict (the id exists, or the case changed meanwhile)'),
  413: json(ErrorBody, 'request body too large'),
  500: json(ErrorBody, 'an internal error (details in the server log)'),
};

type Method = 'get' | 'post' | 'put' | 'delete';
type ZObject = z.ZodObject<z.ZodRawShape>;
export interface Request<P extends ZObject, Q extends ZObject, B extends z.ZodType> {
  c: Context;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}
/** A handler answers with the response schema's value (sent as JSON), or a Response of its own (text, headers). */
type Reply<R extends z.ZodType> = Response | z.input<R>;
export interface RouteSpec<P extends ZObject, Q extends ZObject, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** OpenAPI path syntax: `/api/cases/{id}`. */
  path: string;
  tag: string;
  summary: string;
  params?: P;
  query?: Q;
  /** A JSON body, validated; or 'text' for a raw text body (imports). */
  body?: B | 'text';
  /** The success response: status, schema (JSON), 'text' or none (204), description. */
  ok: { status: 200 | 201 | 202 | 204; schema?: R | 'text'; description: string };
  handler: (req: Request<P, Q, B>) => Reply<R> | Promise<Reply<R>>;
}

/** Declare a route on a module's router: validation, OpenAPI description and handler from one spec. */
export function route<P extends ZObject = ZObject, Q extends ZObject = ZObject, B extends z.ZodType = z.ZodUnknown, R extends z.ZodType = z.ZodNever>(
  app: OpenAPIHono,
  spec: RouteSpec<P, Q, B, R>,
): void {
  const request: Record<string, unknown> = {};
  if (spec.params) request.params = spec.params;
  if (spec.query) request.query = spec.query;
  if (spec.body === 'text') {
    request.body = { content: { 'text/plain': { schema: z.string() } }, description: 'the file content as text' };
  } else if (spec.body) {
    request.body = { content: { 'application/json': { schema: spec.body } }, required: true };
  }
  const okSchema = spec.ok.schema;
  const okResponse =
    spec.ok.status === 204 || okSchema === undefined
      ? { description: spec.ok.description }
      : okSchema === 'text'
        ? { content: { 'text/plain': { schema: z.string() } }, description: spec.ok.description }
        : json(okSchema, spec.ok.description);
  const config = createRoute({ method: spec.method, path: spec.path, tags: [spec.tag], summary: spec.summary, request, responses: { [spec.ok.status]: okResponse, ...ERROR_RESPONSES } });
  // The schemas above validate; the handler receives the validated values.
  const valid = (c: Context, target: string) => (c.req.valid as (t: string) => unknown)(target);
  app.openapi(config as never, (async (c: Context) => {
    const reply = await spec.handler({
      c,
      params: (spec.params ? valid(c, 'param') : {}) as z.output<P>,
      query: (spec.query ? valid(c, 'query') : {}) as z.output<Q>,
      body: (spec.body && spec.body !== 'text' ? valid(c, 'json') : undefined) as z.output<B>,
    });
    return reply instanceof Response ? reply : c.json(reply as object, spec.ok.status as 200);
  }) as never);
}

// ---- helpers of the handlers
/** Header values are Latin-1 on the wire: names and messages in other scripts come percent-encoded. */
function headerText(c: Context, name: string): string | undefined {
  const raw = c.req.header(name);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Who writes and why (`X-Parley-Author`, `X-Parley-Message`), with `message` as the default, and
 * with `conditional` the revision the write is based on (`If-Match: <revision>`; a newer one: 409).
 */
export function changeInfo(c: Context, message?: string, conditional = false): { author: string; message?: string; expectedRevision?: number } {
  const given = headerText(c, 'x-parley-message')?.slice(0, 1000);
  return {
    author: (headerText(c, 'x-parley-author') ?? 'api').slice(0, 200),
    ...(given !== undefined ? { message: given } : message !== undefined ? { message } : {}),
    ...(conditional ? expected(c) : {}),
  };
}

function expected(c: Context): { expectedRevision?: number } {
  const h = c.req.header('if-match');
  if (h === undefined) return {};
  const n = Number(h.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new ApiError(400, 'If-Match must be a revision number', 'If-Match');
  return { expectedRevision: n };
}

export function notFound(message: string): never {
  throw new ApiError(404, message);
}

export function paged<T>(all: T[], page: { offset?: number; limit?: number }) {
  const { offset, limit } = pageOf(page);
  return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
}

export function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/**
 * Results as plain JSON, exactly as they are sent and stored: typed arrays become arrays and NaN or
 * ±Infinity null (JSON.stringify's rules). Typed as its input: the shapes are the same.
 */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v))) as T;
}
