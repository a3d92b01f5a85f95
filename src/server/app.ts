/**
 * The HTTP API (docs/api.md): the middleware, declared once, and one route module per resource
 * under routes/. Routes are thin — they validate with the schemas of schemas.ts, call the store and
 * analysis/, and answer with the response schema's shape; the same declarations generate
 * `GET /openapi.json`. Errors: see errors.ts (only the project's own are the user's; the rest are
 * 500s, logged with their stack).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/index.ts';
import { ApiError, errorResponse, isUserError } from './errors.ts';
import { JobManager } from './jobs.ts';
import { durableJobManager } from './durable-simulate.ts';
import { SECURITY_HEADERS } from './static.ts';
import { expensiveRateLimit, requestGuard, type SecurityOptions } from './security.ts';
import { authMiddleware } from './auth.ts';
import { etagFallback } from './conditional.ts';
import { loggerFromEnv, queueEventLog, requestLog, type Logger } from './log.ts';
import { ENGINE_VERSION } from './version.ts';
import { router, type RouteContext, type RouteModule } from './routes/common.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { analysisJobRoutes } from './routes/analysis-jobs.ts';
import { dealRoutes } from './routes/deal.ts';
import { caseRoutes } from './routes/cases.ts';
import { collectionRoutes } from './routes/collections.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { ingestRoutes, MAX_INGEST_BYTES } from './routes/ingest.ts';
import { jobRoutes } from './routes/jobs.ts';
import { healthRoutes, queueStartGate } from './routes/health.ts';
import { runRoutes } from './routes/runs.ts';
import { stanceRoutes } from './routes/stances.ts';
import { recordRoutes } from './routes/records.ts';
import { outlookRoutes } from './routes/outlook.ts';
import { reportRoutes } from './routes/report.ts';
import { userRoutes } from './routes/users.ts';
import { modelRoutes } from './routes/models.ts';
import { feedRoutes } from './routes/feeds.ts';

export { ApiError, errorResponse } from './errors.ts';
export { ENGINE_VERSION } from './version.ts';
export { MAX_INGEST_BYTES } from './routes/ingest.ts';
export { MAX_SIMULATION_RUNS } from './routes/model-params.ts';

/** Request body limit of every route but ingest (bytes). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The route modules, in the order their routes are matched: analysis before the sub-resources
 * (whose `/drafts/{draftId}` would match `/drafts/check`). A new module is one more line here.
 */
export const ROUTE_MODULES: RouteModule[] = [caseRoutes, analysisRoutes, analysisJobRoutes, dealRoutes, runRoutes, jobRoutes, evidenceRoutes, ingestRoutes, feedRoutes, collectionRoutes, stanceRoutes, recordRoutes, outlookRoutes, reportRoutes, userRoutes, modelRoutes, healthRoutes];

/** Host, Origin, rate limit and If-Match options: security.ts (docs/security.md). */
export interface AppOptions extends SecurityOptions {
  store: Store;
  /** The shared token: when set (or once an account exists), every request needs an identity (auth.ts). */
  token?: string;
  jobs?: JobManager;
  /** false: run no jobs in this process (`--no-worker`): they wait in the database for `parley worker`. */
  runJobs?: boolean;
  /** Let ingest fetch URLs on loopback and private networks (tests only: otherwise the server could be made to read internal services). */
  allowPrivateFetch?: boolean;
  /** Where internal errors are logged, with their stack (default: the log's error lines). */
  logError?: (line: string) => void;
  /** The request and job log (log.ts; default: as PARLEY_LOG says). */
  log?: Logger;
}

/** Mount the API on a new app. */
export function createApp(opts: AppOptions): { app: OpenAPIHono; jobs: JobManager } {
  const log = opts.log ?? loggerFromEnv();
  const logError = opts.logError ?? ((line: string) => log.error(line));
  // Jobs are rows of the store's database (src/server/durable-simulate.ts): queued and interrupted ones resume now.
  const jobs = opts.jobs ?? durableJobManager(opts.store, (job, err) => !isUserError(err) && logError(`parley serve: job ${job.kind} ${job.id} failed: ${stackOf(err)}`), opts.runJobs !== false, { log: queueEventLog(log), feeds: { guard: { allowPrivate: opts.allowPrivateFetch ?? false }, log: logError } });
  const started = opts.jobs ? Promise.resolve() : jobs.resume();
  started.catch((e) => logError(`parley serve: resuming jobs: ${stackOf(e)}`));
  const app = router();

  // First, so that its time and request id cover every request, refused ones included.
  app.use('*', requestLog(log));
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });
  // A foreign Host (DNS rebinding) or a cross-site write is refused before anything reads the request.
  app.use('*', requestGuard(opts));
  app.use('/api/*', etagFallback);

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

  // Identity before the rate limit, which counts per identity (security.ts).
  app.use('/api/*', authMiddleware(opts.store, opts.token));

  // Ready once the job queue has started too (routes/health.ts).
  app.use('/api/ready', queueStartGate(started));

  const rateLimit = expensiveRateLimit(opts);
  if (rateLimit) app.use('/api/*', rateLimit);

  const ctx: RouteContext = { store: opts.store, jobs, allowPrivateFetch: opts.allowPrivateFetch ?? false, requireIfMatch: opts.requireIfMatch ?? false, ...(opts.token ? { token: opts.token } : {}) };
  for (const mount of ROUTE_MODULES) app.route('/', mount(ctx));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'parley API',
      version: ENGINE_VERSION,
      description: 'Negotiation cases, evidence, forecasts and analysis. With a token or accounts, every request needs "Authorization: Bearer <token>" or a session (POST /api/session; writes then send X-CSRF-Token).',
    },
  });

  app.notFound((c) => c.json({ error: { message: `no route ${c.req.method} ${c.req.path}`, path: null } }, 404));
  app.onError((err, c) => {
    const { status, body } = errorResponse(err);
    if (status === 500) logError(`parley serve: ${c.req.method} ${c.req.path}: ${stackOf(err)}`);
    const res = c.json(body, status);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
    // The rest of a too-large body is not read, so the connection cannot carry another request.
    if (status === 413) res.headers.set('Connection', 'close');
    return res;
  });
  return { app, jobs };
}

const stackOf = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));
