/**
 * What every route module shares: the route declaration helper (one spec validates the request,
 * types the handler's answer against the response schema, and documents both in OpenAPI), the
 * common request schemas, change metadata from headers and paging. The model-parameter bodies of the
 * forecast, simulate and sensitivity routes are in model-params.ts.
 */
import { identityOf } from '../auth.ts';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { pathToString } from '../../case/load.ts';
import { pageOf, type Store } from '../../store/index.ts';
import { ApiError } from '../errors.ts';
import { ifMatchRevision } from '../conditional.ts';
import type { JobManager } from '../jobs.ts';
import { ErrorBody } from '../schemas.ts';

/** What a route module is given: the store, the job queue and the server's options. */
export interface RouteContext {
  store: Store;
  jobs: JobManager;
  /** Let ingest fetch URLs on loopback and private networks (tests only). */
  allowPrivateFetch: boolean;
  /** Refuse a whole-case PUT without If-Match (428): off loopback (conditional.ts). Default false. */
  requireIfMatch?: boolean;
  /** The server's shared token, if any (auth.ts). */
  token?: string;
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
export const modelList = z.array(z.string().max(40)).max(20);
export const AnalysisQuery = z.object({
  asOf: date.optional(),
  scenario: z.string().max(80).optional(),
  models: z.string().max(400).optional().openapi({ description: 'comma-separated model names (default: all)' }),
  rounds: z.coerce.number().int().min(1).max(1000).optional(),
  seed: z.coerce.number().int().min(0).optional(),
});

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
const IfMatchHeader = z.object({
  'if-match': z.string().max(40).optional().openapi({ param: { name: 'if-match', in: 'header' }, description: 'the revision the write is based on ("7", W/"7" or 7; * for any): a stale one is a 412 with error.currentRevision (docs/security.md)' }),
});
const json = (schema: z.ZodType, description: string) => ({ content: { 'application/json': { schema } }, description });
const ERROR_RESPONSES = {
  400: json(ErrorBody, 'invalid request; error.path names the field'),
  401: json(ErrorBody, 'a write without the bearer token'),
  403: json(ErrorBody, 'a foreign Host or a cross-site write (docs/security.md)'),
  404: json(ErrorBody, 'unknown case, item, run or job'),
  409: json(ErrorBody, 'conflict (the id exists already)'),
  412: json(ErrorBody, 'If-Match names an older revision than the current one (error.currentRevision)'),
  413: json(ErrorBody, 'request body too large'),
  428: json(ErrorBody, 'a whole-case PUT without If-Match, on a server off loopback'),
  429: json(ErrorBody, 'too many expensive requests from this client in a minute (Retry-After)'),
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
  /** A write to a case that honours If-Match (documented as a header; checked by conditional.ts). */
  conditional?: boolean;
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
  if (spec.conditional) request.headers = IfMatchHeader;
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
 * with `conditional` the revision the write is based on (`If-Match: "<revision>"`; a newer one: 412,
 * see conditional.ts).
 */
export function changeInfo(c: Context, message?: string, conditional = false): { author: string; message?: string; expectedRevision?: number } {
  const given = headerText(c, 'x-parley-message')?.slice(0, 1000);
  const user = identityOf(c);
  return {
    // A user writes under their own name; the shared token (or no identity) as X-Parley-Author says.
    author: user && !user.shared ? user.name : (headerText(c, 'x-parley-author') ?? 'api').slice(0, 200),
    ...(given !== undefined ? { message: given } : message !== undefined ? { message } : {}),
    ...(conditional ? expected(c) : {}),
  };
}

function expected(c: Context): { expectedRevision?: number } {
  const n = ifMatchRevision(c);
  return n === undefined ? {} : { expectedRevision: n };
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
