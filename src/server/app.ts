/**
 * The HTTP API (docs/api-contract.md): thin — it validates with the case model's zod schemas, calls
 * the store and analysis/, and maps their errors to statuses. Every route is declared once with its
 * schemas, which both validate the request and generate `GET /openapi.json`.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { stringify as toYaml } from 'yaml';
import * as schema from '../case/schema.ts';
import type { Case as CaseT } from '../case/schema.ts';
import { CaseFileError, pathToString } from '../case/load.ts';
import { caseOverview } from '../case/overview.ts';
import { UnknownScenarioError } from '../case/view.ts';
import {
  UnknownDraftError,
  UnknownModelError,
  SimulationCancelled,
  caseView,
  checkDrafts,
  compareScenarios,
  diffDrafts,
  distributionNames,
  type DistributionName,
  forecastCase,
  resolveModels,
  sensitivity,
  simulate,
  timeline,
  zoneOfAgreement,
} from '../analysis/index.ts';
import { forecastToJson } from '../analysis/forecast-json.ts';
import { exporters, importers, importText } from '../formats/index.ts';
import { ArticleInputError, candidatesFromIngest, fetchArticle, ingestArticle, ingestJson, splitHeader, type ArticleInput } from '../evidence/index.ts';
import { assertPublicUrl } from './public-url.ts';
import { ConflictError, InvalidCaseError, NotFoundError, canonicalJson, inputHash, pageOf, type Store } from '../store/index.ts';
import { JobManager } from './jobs.ts';
import { ApiError } from './errors.ts';

export { ApiError } from './errors.ts';
import { SECURITY_HEADERS } from './static.ts';

export const ENGINE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Request body limits (bytes): cases and analysis requests; article ingestion. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_INGEST_BYTES = 10 * 1024 * 1024;
/** Monte Carlo runs one request may ask for (bounded so one request cannot occupy the server for hours). */
export const MAX_SIMULATION_RUNS = 200_000;

export interface AppOptions {
  store: Store;
  /** When set, every write (any method but GET/HEAD/OPTIONS) needs `Authorization: Bearer <token>`. */
  token?: string;
  jobs?: JobManager;
  /** Let ingest fetch URLs on loopback and private networks (tests only: otherwise the server could be made to read internal services). */
  allowPrivateFetch?: boolean;
}

// The case model's schemas, named so that the OpenAPI document defines each once and refers to it.
// Cloned first: zod 4 gives a schema the `.openapi` method when it is constructed, so schemas built
// before @hono/zod-openapi was loaded (src/case/schema.ts often is) lack it; a clone is built now.
const named = <T extends z.ZodType>(s: T, name: string): T => (s.clone() as T).openapi(name) as T;
const Case = named(schema.Case, 'Case');
const Actor = named(schema.Actor, 'Actor');
const Issue = named(schema.Issue, 'Issue');
const Stance = named(schema.Stance, 'Stance');
const Evidence = named(schema.Evidence, 'Evidence');
const Draft = named(schema.Draft, 'Draft');
const Scenario = named(schema.Scenario, 'Scenario');
const Event = named(schema.Event, 'Event');

const ErrorBody = z
  .object({ error: z.object({ message: z.string(), path: z.string().nullable(), problems: z.array(z.object({ path: z.string(), message: z.string() })).optional() }) })
  .openapi('Error');
const Anything = z.unknown().openapi({ description: 'JSON, as described' });
const date = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const PageQuery = z.object({
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const CaseParams = z.object({ id: z.string().max(80).openapi({ param: { name: 'id', in: 'path' } }) });
const WriteResult = z.object({ id: z.string(), revision: z.number().int() }).openapi('WriteResult');
const CaseSummary = z
  .object({ id: z.string(), title: z.string(), actors: z.number(), issues: z.number(), drafts: z.number(), evidence: z.number(), revision: z.number(), updatedAt: z.string() })
  .openapi('CaseSummary');
const pageOfItems = (item: z.ZodType, name: string) =>
  z.object({ items: z.array(item), total: z.number().int(), offset: z.number().int(), limit: z.number().int() }).openapi(name);
const modelList = z.array(z.string().max(40)).max(20);
const ForecastBody = z
  .object({
    models: modelList.optional(),
    rounds: z.number().int().min(1).max(1000).optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    asOf: date.optional(),
    scenario: z.string().max(80).optional(),
    /** Further engine parameters (see each model's documentation). */
    params: z.record(z.string().max(40), z.union([z.number(), z.string().max(200), z.boolean()])).optional(),
  })
  .strict()
  .openapi('ForecastRequest');
const SimulateBody = z
  .object({
    runs: z.number().int().min(1).max(MAX_SIMULATION_RUNS).default(1000),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    models: modelList.optional(),
    distribution: z.enum(distributionNames as [DistributionName, ...DistributionName[]]).optional(),
    rounds: z.number().int().min(1).max(1000).optional(),
    asOf: date.optional(),
    scenario: z.string().max(80).optional(),
  })
  .strict()
  .openapi('SimulateRequest');
const AnalysisQuery = z.object({
  asOf: date.optional(),
  scenario: z.string().max(80).optional(),
  models: z.string().max(400).optional().openapi({ description: 'comma-separated model names (default: all)' }),
  rounds: z.coerce.number().int().min(1).max(1000).optional(),
  seed: z.coerce.number().int().min(0).optional(),
});

const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const ERROR_RESPONSES = {
  400: json(ErrorBody, 'invalid request; error.path names the field'),
  401: json(ErrorBody, 'a write without the bearer token'),
  404: json(ErrorBody, 'unknown case, item, run or job'),
  409: json(ErrorBody, 'conflict (the id exists, or the case changed meanwhile)'),
  413: json(ErrorBody, 'request body too large'),
};

type Method = 'get' | 'post' | 'put' | 'delete';
type ZObject = z.ZodObject<z.ZodRawShape>;
interface Request<P extends ZObject, Q extends ZObject, B extends z.ZodType> {
  c: Context;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}
interface RouteSpec<P extends ZObject, Q extends ZObject, B extends z.ZodType> {
  method: Method;
  /** OpenAPI path syntax: `/api/cases/{id}`. */
  path: string;
  tag: string;
  summary: string;
  params?: P;
  query?: Q;
  /** A JSON body, validated; or 'text' for a raw text body (imports). */
  body?: B | 'text';
  /** The success response: status, schema (JSON) or 'text'/'none', description. */
  ok: { status: 200 | 201 | 202 | 204; schema?: z.ZodType | 'text'; description: string };
  handler: (req: Request<P, Q, B>) => Response | Promise<Response>;
}

/** Mount the API on a new app. */
export function createApp(opts: AppOptions): { app: OpenAPIHono; jobs: JobManager } {
  const { store } = opts;
  const jobs = opts.jobs ?? new JobManager();
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const path = issue ? pathToString(issue.path as PropertyKey[]) : '';
        throw new ApiError(400, `${result.target === 'json' ? 'body' : result.target}${path ? `.${path}` : ''}: ${issue?.message ?? 'invalid'}`, path || null);
      }
    },
  });

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  // Body limits before anything reads the body; ingest takes whole articles.
  const limitFor = (size: number) =>
    bodyLimit({
      maxSize: size,
      onError: () => {
        throw new ApiError(413, `request body larger than ${size} bytes`);
      },
    });
  const ingestLimit = limitFor(MAX_INGEST_BYTES);
  const apiLimit = limitFor(MAX_BODY_BYTES);
  app.use('/api/*', (c, next) => (c.req.path === '/api/ingest' ? ingestLimit(c, next) : apiLimit(c, next)));

  if (opts.token) {
    const expectedHeader = Buffer.from(`Bearer ${opts.token}`);
    app.use('/api/*', async (c, next) => {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
        const given = Buffer.from(c.req.header('authorization') ?? '');
        if (given.length !== expectedHeader.length || !timingSafeEqual(given, expectedHeader)) {
          throw new ApiError(401, 'writes need the header "Authorization: Bearer <token>" (the token given to parley serve)');
        }
      }
      await next();
    });
  }

  function route<P extends ZObject = ZObject, Q extends ZObject = ZObject, B extends z.ZodType = z.ZodUnknown>(spec: RouteSpec<P, Q, B>): void {
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
    const config = createRoute({
      method: spec.method,
      path: spec.path,
      tags: [spec.tag],
      summary: spec.summary,
      request,
      responses: { [spec.ok.status]: okResponse, ...ERROR_RESPONSES },
    });
    // The schemas above validate; the handler receives the validated values.
    const valid = (c: Context, target: string) => (c.req.valid as (t: string) => unknown)(target);
    app.openapi(config as never, ((c: Context) =>
      spec.handler({
        c,
        params: (spec.params ? valid(c, 'param') : {}) as z.output<P>,
        query: (spec.query ? valid(c, 'query') : {}) as z.output<Q>,
        body: (spec.body && spec.body !== 'text' ? valid(c, 'json') : undefined) as z.output<B>,
      })) as never);
  }

  // Header values are Latin-1 on the wire: names and messages in other scripts come percent-encoded.
  const headerText = (c: Context, name: string): string | undefined => {
    const raw = c.req.header(name);
    if (raw === undefined) return undefined;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  const author = (c: Context) => ({
    author: (headerText(c, 'x-parley-author') ?? 'api').slice(0, 200),
    message: headerText(c, 'x-parley-message')?.slice(0, 1000),
  });

  // ---- cases
  route({
    method: 'get',
    path: '/api/cases',
    tag: 'cases',
    summary: 'List the cases (paged)',
    query: PageQuery,
    ok: { status: 200, schema: pageOfItems(CaseSummary, 'CaseList'), description: 'a page of case summaries' },
    handler: async ({ c, query }) => c.json(await store.listCases(query)),
  });
  route({
    method: 'post',
    path: '/api/cases',
    tag: 'cases',
    summary: 'Create a case (revision 1)',
    body: Case,
    ok: { status: 201, schema: WriteResult, description: 'created' },
    handler: async ({ c, body }) => c.json(await store.createCase(body, { message: 'created', ...definedOnly(author(c)) }), 201),
  });
  route({
    method: 'post',
    path: '/api/cases/import',
    tag: 'cases',
    summary: 'Import a case file or another format (raw text body)',
    query: z.object({
      format: z.string().max(40).optional().openapi({ description: 'yaml, json, bdm, or an importer name (detected when absent)' }),
      name: z.string().max(200).regex(/^[^/\\]+$/, 'a file name, without folders').optional().openapi({ description: 'the original file name: helps detection; importers derive the case id from it' }),
      id: z.string().max(80).optional().openapi({ description: 'id of the new case (default: the file\'s own, or derived from the name)' }),
    }),
    body: 'text',
    ok: { status: 201, schema: WriteResult, description: 'imported as a new case' },
    handler: async ({ c, query }) => {
      const text = await c.req.text();
      const aliases: Record<string, string> = { yaml: 'case', json: 'case', bdm: 'bdm-csv' };
      const format = query.format === undefined ? undefined : (aliases[query.format] ?? query.format);
      if (format !== undefined && !importers.some((i) => i.name === format)) {
        throw new ApiError(400, `unknown import format "${query.format}" (known: yaml, json${importers.filter((i) => i.name !== 'case').map((i) => `, ${i.name}`).join('')})`, 'format');
      }
      // Without a format the registry detects it; a name ending .yaml makes the case-file parser the fallback.
      const parsed = importText(text, query.name ?? (format ? 'imported' : 'imported.yaml'), format);
      const imported = query.id === undefined ? parsed : { ...parsed, id: query.id };
      return c.json(await store.createCase(imported, { message: `imported${query.format ? ` (${query.format})` : ''}`, ...definedOnly(author(c)) }), 201);
    },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}',
    tag: 'cases',
    summary: 'A case: the latest revision, a given revision or the one current at a time, and/or as of a date',
    params: CaseParams,
    query: z.object({
      asOf: date.optional(),
      revision: z.coerce.number().int().min(1).optional(),
      at: z.iso.datetime({ offset: true, error: 'expected an ISO time, e.g. 2025-11-25T12:00:00Z' }).optional().openapi({ description: 'the latest revision written at or before this time' }),
    }),
    ok: { status: 200, schema: Case, description: 'the case (validated output form)' },
    handler: async ({ c, params, query }) => {
      if (query.asOf === undefined && query.at === undefined) {
        // The stored JSON is the validated output form already: sent as it is, without parsing.
        const { json: text, revision } = await store.getCaseJson(params.id, query);
        return c.body(text, 200, { 'Content-Type': 'application/json', 'X-Parley-Revision': String(revision) });
      }
      const stored = await store.getCase(params.id, { ...definedOnly(query), ...(query.at ? { at: new Date(query.at).toISOString() } : {}) });
      c.header('X-Parley-Revision', String(stored.revision));
      return c.json(stored.case);
    },
  });
  route({
    method: 'put',
    path: '/api/cases/{id}',
    tag: 'cases',
    summary: 'Replace a case (a new revision)',
    params: CaseParams,
    body: Case,
    ok: { status: 200, schema: WriteResult, description: 'the new revision' },
    handler: async ({ c, params, body }) => c.json(await store.updateCase(params.id, body, { ...definedOnly(author(c)), ...expected(c) })),
  });
  route({
    method: 'delete',
    path: '/api/cases/{id}',
    tag: 'cases',
    summary: 'Delete a case with its history',
    params: CaseParams,
    ok: { status: 204, description: 'deleted' },
    handler: async ({ c, params }) => {
      await store.deleteCase(params.id);
      return c.body(null, 204);
    },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/revisions',
    tag: 'cases',
    summary: 'The revision history of a case',
    params: CaseParams,
    ok: { status: 200, schema: z.array(z.object({ revision: z.number(), author: z.string(), message: z.string(), createdAt: z.string() })), description: 'oldest first' },
    handler: async ({ c, params }) => c.json(await store.listRevisions(params.id)),
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/export',
    tag: 'cases',
    summary: 'Export a case (yaml, json, or an exporter name)',
    params: CaseParams,
    query: z.object({ format: z.string().max(40).default('yaml'), asOf: date.optional(), revision: z.coerce.number().int().min(1).optional() }),
    ok: { status: 200, schema: 'text', description: 'the exported text' },
    handler: async ({ c, params, query }) => {
      const { case: cs } = await store.getCase(params.id, { asOf: query.asOf, revision: query.revision });
      const exporter = exporters.find((e) => e.name === query.format);
      let text: string;
      let type: string;
      if (exporter) {
        text = exporter.write(cs);
        type = /csv/.test(exporter.name) ? 'text/csv' : /xml/.test(exporter.name) ? 'application/xml' : /json/.test(exporter.name) ? 'application/json' : 'text/plain';
      } else if (query.format === 'yaml') {
        text = toYaml(cs, { lineWidth: 0 });
        type = 'application/yaml';
      } else if (query.format === 'json') {
        text = `${JSON.stringify(cs, null, 2)}\n`;
        type = 'application/json';
      } else {
        throw new ApiError(400, `unknown export format "${query.format}" (known: yaml, json${exporters.map((e) => `, ${e.name}`).join('')})`, 'format');
      }
      return c.body(text, 200, { 'Content-Type': `${type}; charset=utf-8` });
    },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/overview',
    tag: 'cases',
    summary: 'The actors × issues matrix (as `parley show --format json`)',
    params: CaseParams,
    query: z.object({ asOf: date.optional() }),
    ok: { status: 200, schema: Anything, description: 'CaseOverview (src/case/overview.ts)' },
    handler: async ({ c, params, query }) => c.json(caseOverview((await store.getCase(params.id, query)).case, query.asOf ?? null)),
  });

  // ---- analysis (before the generic /drafts/{draftId} routes, which would otherwise match "check")
  const analysisOptions = (q: z.output<typeof AnalysisQuery>) => ({
    ...(q.asOf ? { asOf: q.asOf } : {}),
    ...(q.scenario ? { scenario: q.scenario } : {}),
    ...(q.models ? { models: q.models.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(q.rounds !== undefined ? { rounds: q.rounds } : {}),
    ...(q.seed !== undefined ? { seed: q.seed } : {}),
  });
  const latest = async (id: string) => (await store.getCase(id)).case;
  route({
    method: 'get',
    path: '/api/cases/{id}/zopa',
    tag: 'analysis',
    summary: 'Zone of agreement per issue and the red lines that must move',
    params: CaseParams,
    query: AnalysisQuery,
    ok: { status: 200, schema: Anything, description: 'as `parley zopa --format json`' },
    handler: async ({ c, params, query }) => c.json(jsonSafe(zoneOfAgreement(await latest(params.id), analysisOptions(query)))),
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/drafts/check',
    tag: 'analysis',
    summary: 'Every draft against every red line, with each actor’s utility',
    params: CaseParams,
    query: AnalysisQuery.extend({
      drafts: z.string().max(800).optional(),
      against: z.enum(['draft-date', 'latest']).optional().openapi({ description: "each draft against the red lines of its own date (default) or the latest ones" }),
    }),
    ok: { status: 200, schema: Anything, description: 'as `parley drafts --format json`' },
    handler: async ({ c, params, query }) => {
      const drafts = query.drafts?.split(',').map((s) => s.trim()).filter(Boolean);
      return c.json(jsonSafe(checkDrafts(await latest(params.id), { ...analysisOptions(query), ...(drafts ? { drafts } : {}), ...(query.against ? { against: query.against } : {}) })));
    },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/drafts/diff',
    tag: 'analysis',
    summary: 'Point-by-point diff of two drafts',
    params: CaseParams,
    query: z.object({ a: z.string().max(80), b: z.string().max(80), asOf: date.optional(), scenario: z.string().max(80).optional() }),
    ok: { status: 200, schema: Anything, description: 'as `parley drafts diff --format json`' },
    handler: async ({ c, params, query }) => {
      const { a, b, ...rest } = query;
      return c.json(jsonSafe(diffDrafts(await latest(params.id), a, b, definedOnly(rest))));
    },
  });
  route({
    method: 'post',
    path: '/api/cases/{id}/sensitivity',
    tag: 'analysis',
    summary: 'Which input moves the forecast most',
    params: CaseParams,
    body: ForecastBody,
    ok: { status: 200, schema: Anything, description: 'as `parley sensitivity --format json`' },
    handler: async ({ c, params, body }) => c.json(jsonSafe(sensitivity(await latest(params.id), forecastOptions(body)))),
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/scenarios/compare',
    tag: 'analysis',
    summary: 'Forecasts of the baseline and each scenario side by side',
    params: CaseParams,
    query: AnalysisQuery.extend({ scenarios: z.string().max(800).optional() }),
    ok: { status: 200, schema: Anything, description: 'as `parley scenarios --format json`' },
    handler: async ({ c, params, query }) => {
      const scenarios = query.scenarios?.split(',').map((s) => s.trim()).filter(Boolean);
      return c.json(jsonSafe(compareScenarios(await latest(params.id), { ...analysisOptions(query), ...(scenarios ? { scenarios } : {}) })));
    },
  });
  route({
    method: 'get',
    path: '/api/cases/{id}/timeline',
    tag: 'analysis',
    summary: 'The forecast re-run as of each date a stance changed',
    params: CaseParams,
    query: AnalysisQuery.extend({ from: date.optional(), to: date.optional() }),
    ok: { status: 200, schema: Anything, description: 'as `parley timeline --format json`' },
    handler: async ({ c, params, query }) => {
      const { from, to } = query;
      return c.json(jsonSafe(timeline(await latest(params.id), { ...analysisOptions(query), ...definedOnly({ from, to }) })));
    },
  });

  // ---- forecasts and runs
  route({
    method: 'post',
    path: '/api/cases/{id}/forecast',
    tag: 'forecasts',
    summary: 'Run the models on the case and store the run',
    params: CaseParams,
    body: ForecastBody,
    ok: { status: 200, schema: z.object({ results: z.array(Anything), runId: z.string() }), description: 'per-model results and the stored run id' },
    handler: async ({ c, params, body }) => {
      const stored = await store.getCase(params.id);
      const options = forecastOptions(body);
      const models = resolveModels(options.models);
      const { input, results } = forecastCase(stored.case, { ...options, models });
      const resultJson = jsonSafe(results.map((r) => forecastToJson(input, r))) as unknown[];
      const { models: _m, ...runParams } = options;
      const runId = await store.recordRun({
        caseId: params.id,
        caseRevision: stored.revision,
        models,
        params: runParams,
        seed: options.seed ?? null,
        inputHash: inputHash(input),
        engineVersion: ENGINE_VERSION,
        results: resultJson,
      });
      return c.json({ results: resultJson, runId });
    },
  });
  route({
    method: 'get',
    path: '/api/runs',
    tag: 'forecasts',
    summary: 'Stored forecast and simulation runs, newest first (without results)',
    query: PageQuery.extend({ case: z.string().max(80).optional() }),
    ok: { status: 200, schema: Anything, description: 'a page of runs' },
    handler: async ({ c, query }) => c.json(await store.listRuns({ ...query, ...(query.case ? { caseId: query.case } : {}) })),
  });
  route({
    method: 'get',
    path: '/api/runs/{runId}',
    tag: 'forecasts',
    summary: 'A stored forecast run with its results',
    params: z.object({ runId: z.string().max(80) }),
    ok: { status: 200, schema: Anything, description: 'model, params, seed, input hash, engine version, results' },
    handler: async ({ c, params }) => c.json(await store.getRun(params.runId)),
  });
  route({
    method: 'post',
    path: '/api/runs/{runId}/replay',
    tag: 'forecasts',
    summary: 'Run a stored forecast or simulation again on the same case revision and compare',
    params: z.object({ runId: z.string().max(80) }),
    ok: { status: 200, schema: z.object({ identical: z.boolean(), inputHashMatches: z.boolean(), engineVersion: z.string(), results: z.array(Anything) }), description: 'whether the numbers are the same, bit for bit' },
    handler: async ({ c, params }) => {
      const run = await store.getRun(params.runId);
      const { case: cs } = await store.getCase(run.caseId, { revision: run.caseRevision });
      if (run.kind === 'simulate') {
        // Monte Carlo is reproducible too: same case revision, runs, seed and distribution, same bytes.
        const p = run.params as { asOf?: string; scenario?: string };
        const again = [jsonSafe(await simulate(cs, { ...(run.params as object), models: run.models }))];
        return c.json({
          identical: canonicalJson(again) === canonicalJson(run.results),
          inputHashMatches: inputHash(caseView(cs, definedOnly({ asOf: p.asOf, scenario: p.scenario }))) === run.inputHash,
          engineVersion: ENGINE_VERSION,
          results: again,
        });
      }
      const { input, results } = forecastCase(cs, { ...(run.params as object), models: run.models });
      const again = jsonSafe(results.map((r) => forecastToJson(input, r))) as unknown[];
      return c.json({
        identical: canonicalJson(again) === canonicalJson(run.results),
        inputHashMatches: inputHash(input) === run.inputHash,
        engineVersion: ENGINE_VERSION,
        results: again,
      });
    },
  });

  // ---- Monte Carlo as background jobs
  route({
    method: 'post',
    path: '/api/cases/{id}/simulate',
    tag: 'forecasts',
    summary: 'Start a Monte Carlo simulation over the input uncertainty (a background job)',
    params: CaseParams,
    body: SimulateBody,
    ok: { status: 202, schema: z.object({ jobId: z.string() }), description: 'the job to poll at /api/jobs/{jobId}' },
    handler: async ({ c, params, body }) => {
      const stored = await store.getCase(params.id);
      const cs = stored.case;
      // Fail fast on unknown names instead of inside the job.
      if (body.models) resolveModels(body.models);
      if (body.scenario && !cs.scenarios.some((s) => s.id === body.scenario)) throw new ApiError(400, `unknown scenario "${body.scenario}"`, 'scenario');
      const options = definedOnly(body);
      const job = jobs.start('simulate', async ({ signal, progress }) => {
        const result = jsonSafe(await simulate(cs, { ...options, signal, onProgress: (done, total) => progress(done / total) })) as { models: string[] };
        // Kept as a run, so that it outlives the job list (and a restart) and can be replayed.
        const { models: _m, ...runParams } = options;
        const runId = await store.recordRun({
          kind: 'simulate',
          caseId: params.id,
          caseRevision: stored.revision,
          models: result.models,
          params: runParams,
          seed: body.seed,
          inputHash: inputHash(caseView(cs, definedOnly({ asOf: body.asOf, scenario: body.scenario }))),
          engineVersion: ENGINE_VERSION,
          results: [result],
        });
        return { ...result, runId };
      });
      return c.json({ jobId: job.id }, 202);
    },
  });
  const JobParams = z.object({ jobId: z.string().max(80) });
  route({
    method: 'get',
    path: '/api/jobs/{jobId}',
    tag: 'forecasts',
    summary: 'A background job: status, progress, result',
    params: JobParams,
    ok: { status: 200, schema: Anything, description: '{id, status, progress, result?, error?}' },
    handler: ({ c, params }) => c.json(jobs.get(params.jobId) ?? notFound(`no job "${params.jobId}"`)),
  });
  route({
    method: 'delete',
    path: '/api/jobs/{jobId}',
    tag: 'forecasts',
    summary: 'Cancel a background job',
    params: JobParams,
    ok: { status: 200, schema: Anything, description: 'the job, cancelled (or already finished)' },
    handler: ({ c, params }) => c.json(jobs.cancel(params.jobId) ?? notFound(`no job "${params.jobId}"`)),
  });

  // ---- the evidence library across cases
  route({
    method: 'get',
    path: '/api/evidence',
    tag: 'evidence',
    summary: 'Search the evidence of every case (latest revisions)',
    query: PageQuery.extend({
      case: z.string().max(80).optional(),
      actor: z.string().max(80).optional(),
      issue: z.string().max(80).optional(),
      status: z.enum(['accepted', 'candidate', 'rejected']).optional(),
      from: date.optional(),
      to: date.optional(),
      q: z.string().max(200).optional(),
    }),
    ok: { status: 200, schema: Anything, description: 'a page of evidence rows with their case id' },
    handler: async ({ c, query }) => {
      const { case: caseId, q, ...rest } = query;
      return c.json(await store.listEvidence({ ...definedOnly(rest), ...(caseId ? { caseId } : {}), ...(q ? { text: q } : {}) }));
    },
  });

  // ---- sub-resources: each write is a new revision of the whole, re-validated case
  const collections = [
    { key: 'actors', param: 'actorId', schema: Actor, noun: 'actor' },
    { key: 'issues', param: 'issueId', schema: Issue, noun: 'issue' },
    { key: 'evidence', param: 'evidenceId', schema: Evidence, noun: 'evidence' },
    { key: 'drafts', param: 'draftId', schema: Draft, noun: 'draft' },
    { key: 'scenarios', param: 'scenarioId', schema: Scenario, noun: 'scenario' },
    { key: 'events', param: 'eventId', schema: Event, noun: 'event' },
  ] as const;
  for (const col of collections) {
    type Item = { id: string };
    const items = (cs: CaseT) => cs[col.key] as unknown as Item[];
    // Typed as `itemId` here; named after the collection (actorId, issueId, …) in paths and the OpenAPI document.
    const ItemParams = z.object({ id: z.string().max(80), [col.param]: z.string().max(80) }) as unknown as z.ZodObject<{ id: z.ZodString; itemId: z.ZodString }>;
    const itemPath = `/api/cases/{id}/${col.key}/{${col.param}}`;
    const itemIdOf = (params: { itemId: string }) => (params as unknown as Record<string, string>)[col.param];
    const find = (cs: CaseT, itemId: string) => {
      const index = items(cs).findIndex((x) => x.id === itemId);
      if (index < 0) throw new ApiError(404, `case "${cs.id}" has no ${col.noun} "${itemId}"`, col.param);
      return index;
    };
    route({
      method: 'get',
      path: `/api/cases/{id}/${col.key}`,
      tag: col.key,
      summary: `List the ${col.key} of a case (paged)`,
      params: CaseParams,
      query: PageQuery.extend({ asOf: date.optional(), revision: z.coerce.number().int().min(1).optional() }),
      ok: { status: 200, schema: pageOfItems(col.schema, `${col.noun[0].toUpperCase()}${col.noun.slice(1)}Page`), description: `a page of ${col.key}` },
      handler: async ({ c, params, query }) => c.json(paged(items((await store.getCase(params.id, query)).case), query)),
    });
    route({
      method: 'get',
      path: itemPath,
      tag: col.key,
      summary: `One ${col.noun}`,
      params: ItemParams,
      ok: { status: 200, schema: col.schema, description: `the ${col.noun}` },
      handler: async ({ c, params }) => {
        const cs = await latest(params.id);
        return c.json(items(cs)[find(cs, itemIdOf(params))]);
      },
    });
    route({
      method: 'post',
      path: `/api/cases/{id}/${col.key}`,
      tag: col.key,
      summary: `Add a ${col.noun} (a new revision)`,
      params: CaseParams,
      body: col.schema as z.ZodType<Item>,
      ok: { status: 201, schema: z.object({ revision: z.number(), item: col.schema }), description: `the new revision and the ${col.noun}` },
      handler: async ({ c, params, body }) => {
        const { revision } = await store.modifyCase(
          params.id,
          (cs) => {
            if (items(cs).some((x) => x.id === body.id)) throw new ApiError(409, `case "${params.id}" already has a ${col.noun} "${body.id}"`, 'id');
            items(cs).push(body);
          },
          { message: `added ${col.noun} ${body.id}`, ...definedOnly(author(c)), ...expected(c) },
        );
        return c.json({ revision, item: body }, 201);
      },
    });
    route({
      method: 'put',
      path: itemPath,
      tag: col.key,
      summary: `Replace a ${col.noun} (a new revision)`,
      params: ItemParams,
      body: col.schema as z.ZodType<Item>,
      ok: { status: 200, schema: z.object({ revision: z.number(), item: col.schema }), description: `the new revision and the ${col.noun}` },
      handler: async ({ c, params, body }) => {
        if (body.id !== itemIdOf(params)) throw new ApiError(400, `the body's id "${body.id}" differs from "${itemIdOf(params)}" in the path (ids cannot be renamed: add a new one and delete the old)`, 'id');
        const { revision } = await store.modifyCase(
          params.id,
          (cs) => {
            items(cs)[find(cs, itemIdOf(params))] = body;
          },
          { message: `changed ${col.noun} ${body.id}`, ...definedOnly(author(c)), ...expected(c) },
        );
        return c.json({ revision, item: body });
      },
    });
    route({
      method: 'delete',
      path: itemPath,
      tag: col.key,
      summary: `Delete a ${col.noun} (a new revision; refused while anything refers to it)`,
      params: ItemParams,
      ok: { status: 200, schema: z.object({ revision: z.number() }), description: 'the new revision' },
      handler: async ({ c, params }) => {
        const { revision } = await store.modifyCase(
          params.id,
          (cs) => {
            items(cs).splice(find(cs, itemIdOf(params)), 1);
          },
          { message: `deleted ${col.noun} ${itemIdOf(params)}`, ...definedOnly(author(c)), ...expected(c) },
        );
        return c.json({ revision });
      },
    });
  }

  for (const verdict of ['accept', 'reject'] as const) {
    route({
      method: 'post',
      path: `/api/cases/{id}/evidence/{evidenceId}/${verdict}`,
      tag: 'evidence',
      summary: `${verdict === 'accept' ? 'Accept' : 'Reject'} a candidate piece of evidence`,
      params: CaseParams.extend({ evidenceId: z.string().max(80) }),
      ok: { status: 200, schema: Evidence, description: 'the updated evidence' },
      handler: async ({ c, params }) => {
        const { value } = await store.modifyCase(
          params.id,
          (cs) => {
            const e = cs.evidence.find((x) => x.id === params.evidenceId);
            if (!e) throw new ApiError(404, `case "${params.id}" has no evidence "${params.evidenceId}"`, 'evidenceId');
            e.status = verdict === 'accept' ? 'accepted' : 'rejected';
            return e;
          },
          { message: `${verdict}ed evidence ${params.evidenceId}`, ...definedOnly(author(c)) },
        );
        return c.json(value);
      },
    });
  }

  // ---- ingestion: article text, HTML or URL → quotes, speakers, sources, dates; optionally stored as candidates
  const IngestBody = z
    .object({
      text: z.string().max(MAX_INGEST_BYTES).optional(),
      html: z.string().max(MAX_INGEST_BYTES).optional(),
      url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
      date: date.optional(),
      outlet: z.string().max(200).optional(),
      title: z.string().max(300).optional(),
      caseId: z.string().max(80).optional(),
    })
    .strict()
    .refine((b) => [b.text, b.html, b.url].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of text, html or url', path: ['text'] })
    .openapi('IngestRequest');
  route({
    method: 'post',
    path: '/api/ingest',
    tag: 'evidence',
    summary: 'Find quotes, speakers, sources, dates and actors in an article; with caseId, store the quotes as candidate evidence',
    body: IngestBody,
    ok: { status: 200, schema: Anything, description: 'as `parley ingest --format json`, plus `stored` (evidence ids) and `revision` with caseId' },
    handler: async ({ c, body }) => {
      const c0 = body.caseId ? (await store.getCase(body.caseId)).case : undefined;
      let input: ArticleInput;
      try {
        if (body.url !== undefined) {
          const page = await fetchArticle(body.url, { timeoutMs: 15_000, ...(opts.allowPrivateFetch ? {} : { checkUrl: assertPublicUrl }) });
          input = page.html !== undefined ? { html: page.html, url: page.url } : { ...textArticle(page.text ?? ''), url: page.url };
        } else if (body.html !== undefined) {
          input = { html: body.html };
        } else {
          input = textArticle(body.text ?? '');
        }
      } catch (e) {
        if (e instanceof ArticleInputError) throw new ApiError(400, e.message, body.url !== undefined ? 'url' : body.html !== undefined ? 'html' : 'text');
        throw e;
      }
      const article = { ...input, ...definedOnly({ date: body.date, outlet: body.outlet, title: body.title }) };
      let result;
      try {
        result = ingestArticle(article, c0 ? { case: c0 } : {});
      } catch (e) {
        if (e instanceof ArticleInputError) throw new ApiError(400, e.message, body.html !== undefined ? 'html' : 'text');
        throw e;
      }
      const out = ingestJson(result);
      if (!body.caseId) return c.json(out);
      const { revision, value: stored } = await store.modifyCase(
        body.caseId,
        (cs) => {
          let candidates;
          try {
            // Against the case as it is now, so that quotes already in it are not added twice.
            candidates = candidatesFromIngest(result, cs);
          } catch (e) {
            if (e instanceof ArticleInputError) throw new ApiError(400, e.message, 'date');
            throw e;
          }
          cs.evidence.push(...candidates);
          return candidates.map((x) => x.id);
        },
        { message: `ingested ${result.quotes.length} quote(s)${result.article.outlet ? ` from ${result.article.outlet}` : ''}`, ...definedOnly(author(c)) },
      );
      return c.json({ ...out, stored, revision });
    },
  });

  // ---- stances: no id of their own; addressed by actor, issue and date
  const StanceQuery = z.object({ actor: z.string().max(80).optional(), issue: z.string().max(80).optional() });
  route({
    method: 'get',
    path: '/api/cases/{id}/stances',
    tag: 'stances',
    summary: 'Stances of a case, optionally of one actor and/or issue (paged)',
    params: CaseParams,
    query: PageQuery.merge(StanceQuery).extend({ asOf: date.optional(), revision: z.coerce.number().int().min(1).optional() }),
    ok: { status: 200, schema: pageOfItems(Stance, 'StancePage'), description: 'a page of stances' },
    handler: async ({ c, params, query }) => {
      const cs = (await store.getCase(params.id, query)).case;
      return c.json(paged(cs.stances.filter((s) => (!query.actor || s.actor === query.actor) && (!query.issue || s.issue === query.issue)), query));
    },
  });
  route({
    method: 'put',
    path: '/api/cases/{id}/stances',
    tag: 'stances',
    summary: 'Add or replace the stance of an actor on an issue at a date (a new revision)',
    params: CaseParams,
    body: Stance,
    ok: { status: 200, schema: z.object({ revision: z.number(), item: Stance, created: z.boolean() }), description: 'the new revision' },
    handler: async ({ c, params, body }) => {
      const { revision, value: created } = await store.modifyCase(
        params.id,
        (cs) => {
          const index = cs.stances.findIndex((s) => s.actor === body.actor && s.issue === body.issue && s.date === body.date);
          if (index >= 0) cs.stances[index] = body;
          else cs.stances.push(body);
          return index < 0;
        },
        { message: `set stance ${body.actor}/${body.issue}${body.date ? ` (${body.date})` : ''}`, ...definedOnly(author(c)), ...expected(c) },
      );
      return c.json({ revision, item: body, created });
    },
  });
  route({
    method: 'delete',
    path: '/api/cases/{id}/stances',
    tag: 'stances',
    summary: 'Delete the stance of an actor on an issue at a date (no date: the undated stance)',
    params: CaseParams,
    query: z.object({ actor: z.string().max(80), issue: z.string().max(80), date: date.optional() }),
    ok: { status: 200, schema: z.object({ revision: z.number() }), description: 'the new revision' },
    handler: async ({ c, params, query }) => {
      const { revision } = await store.modifyCase(
        params.id,
        (cs) => {
          const index = cs.stances.findIndex((s) => s.actor === query.actor && s.issue === query.issue && s.date === query.date);
          if (index < 0) throw new ApiError(404, `case "${params.id}" has no stance of ${query.actor} on ${query.issue}${query.date ? ` dated ${query.date}` : ' without a date'}`, 'actor');
          cs.stances.splice(index, 1);
        },
        { message: `deleted stance ${query.actor}/${query.issue}${query.date ? ` (${query.date})` : ''}`, ...definedOnly(author(c)), ...expected(c) },
      );
      return c.json({ revision });
    },
  });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'parley API',
      version: ENGINE_VERSION,
      description: 'Negotiation cases, evidence, forecasts and analysis. Writes need "Authorization: Bearer <token>" when the server was given a token.',
    },
  });

  app.notFound((c) => c.json({ error: { message: `no route ${c.req.method} ${c.req.path}`, path: null } }, 404));
  app.onError((err, c) => {
    const { status, body } = errorResponse(err);
    if (status === 500) process.stderr.write(`parley serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    const res = c.json(body, status);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
    // The rest of a too-large body is not read, so the connection cannot carry another request.
    if (status === 413) res.headers.set('Connection', 'close');
    return res;
  });
  return { app, jobs };
}

type ErrorStatus = 400 | 401 | 404 | 409 | 413 | 415 | 500;

/** Each error the layers below raise, as a status and the contract's error body. */
export function errorResponse(err: unknown): { status: ErrorStatus; body: { error: { message: string; path: string | null; problems?: Array<{ path: string; message: string }> } } } {
  const body = (message: string, path: string | null = null, problems?: Array<{ path: string; message: string }>) => ({ error: { message, path, ...(problems ? { problems } : {}) } });
  if (err instanceof ApiError) return { status: err.status, body: body(err.message, err.path) };
  if (err instanceof InvalidCaseError) return { status: 400, body: body(err.message, err.problems[0]?.path ?? null, err.problems) };
  if (err instanceof CaseFileError) {
    const problems = err.problems.map((p) => ({ path: p.path, message: `line ${p.line}, column ${p.column}: ${p.message}` }));
    return { status: 400, body: body(err.message, err.problems[0]?.path || null, problems) };
  }
  if (err instanceof NotFoundError) return { status: 404, body: body(err.message) };
  if (err instanceof ConflictError) return { status: 409, body: body(err.message) };
  if (err instanceof UnknownModelError) return { status: 400, body: body(err.message, 'models') };
  if (err instanceof UnknownScenarioError) return { status: 400, body: body(err.message, 'scenario') };
  if (err instanceof UnknownDraftError) return { status: 400, body: body(err.message, 'draft') };
  if (err instanceof SimulationCancelled) return { status: 409, body: body(err.message) };
  if (err instanceof RangeError) return { status: 400, body: body(err.message) };
  if (err instanceof HTTPException) {
    const status = ([400, 401, 404, 413, 415] as const).find((s) => s === err.status) ?? 400;
    return { status, body: body(err.message || 'bad request') };
  }
  return { status: 500, body: body('internal error (logged on the server)') };
}

/** A pasted article: an optional header block (Title:, Date:, Outlet:, URL:) and the body. */
function textArticle(text: string): ArticleInput {
  const { header, body } = splitHeader(text);
  return { text: body, ...definedOnly({ date: header.date, outlet: header.outlet, title: header.title, url: header.url && /^https?:\/\//.test(header.url) ? header.url : undefined }) };
}

function notFound(message: string): never {
  throw new ApiError(404, message);
}

function paged<T>(all: T[], page: { offset?: number; limit?: number }) {
  const { offset, limit } = pageOf(page);
  return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
}

/** `If-Match: <revision>` makes a write conditional on the case still being at that revision (else 409). */
function expected(c: Context): { expectedRevision?: number } {
  const h = c.req.header('if-match');
  if (h === undefined) return {};
  const n = Number(h.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new ApiError(400, 'If-Match must be a revision number', 'If-Match');
  return { expectedRevision: n };
}

function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function forecastOptions(body: z.output<typeof ForecastBody>) {
  const { params, ...named } = body;
  return { ...(params ?? {}), ...definedOnly(named) } as { models?: string[]; rounds?: number; seed?: number; asOf?: string; scenario?: string; [k: string]: unknown };
}

/** Results as plain JSON (typed arrays to arrays, NaN/Infinity to null), exactly as they are sent and stored. */
function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v)));
}
