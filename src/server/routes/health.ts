/** Liveness and readiness, for load balancers and container orchestrators (docs/api.md, docs/deploy.md). */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import { migrations } from '../../store/migrations.ts';
import { ENGINE_VERSION } from '../version.ts';
import { ErrorBody } from '../schemas.ts';
import { route, router, type RouteContext } from './common.ts';

const Health = z.object({ status: z.literal('ok'), version: z.string() }).openapi('Health');
const Ready = z
  .object({
    ready: z.literal(true),
    database: z.enum(['sqlite', 'postgres']),
    runsJobs: z.boolean(),
    migration: z.string().openapi({ description: "the newest of this version's schema migrations, applied (e.g. 0007_feeds)" }),
  })
  .openapi('Ready');

/** This version's migrations, in the order they run (kysely's Migrator sorts them by name). */
const EXPECTED = Object.keys(migrations).sort();

/** How long GET /api/ready waits for the job queue to start before it answers 503 (ms). */
export const QUEUE_START_WAIT_MS = 2000;

/**
 * Readiness also waits for the job queue's start (`jobs.resume()`: on PostgreSQL pg-boss's schema and
 * queues, which `parley worker` processes then find made): a request to /api/ready waits for it up
 * to `waitMs`, then answers 503 "starting"; a queue that failed to start keeps the server unready,
 * with the reason. app.ts mounts it on /api/ready.
 */
export function queueStartGate(started: Promise<unknown>, waitMs = QUEUE_START_WAIT_MS): MiddlewareHandler {
  let state: { ok: true } | { ok: false; reason: string } | undefined;
  started.then(
    () => (state = { ok: true }),
    (e: unknown) => (state = { ok: false, reason: e instanceof Error ? e.message : String(e) }),
  );
  return async (c, next) => {
    if (!state) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([started.catch(() => {}), new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
      clearTimeout(timer);
    }
    if (state?.ok) return next();
    const message = state ? `the job queue did not start: ${state.reason}` : `the job queue is still starting (waited ${waitMs} ms)`;
    return c.json({ error: { message, path: null } }, 503);
  };
}

export function healthRoutes({ store, jobs }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/health',
    tag: 'health',
    summary: 'Liveness: the process answers (nothing else is checked)',
    ok: { status: 200, schema: Health, description: 'the server is up' },
    handler: () => ({ status: 'ok' as const, version: ENGINE_VERSION }),
  });
  // Declared with createRoute rather than route(): its 503 is part of the contract (route() declares the
  // user errors only). The other error responses are route()'s, as declared for /api/health just above.
  const declared = app.openAPIRegistry.definitions.find((d) => d.type === 'route' && d.route.path === '/api/health') as { route?: { responses?: Record<string, unknown> } } | undefined;
  const userErrors = Object.fromEntries(Object.entries(declared?.route?.responses ?? {}).filter(([status]) => !status.startsWith('2')));
  const ready = createRoute({
    method: 'get',
    path: '/api/ready',
    tags: ['health'],
    summary: "Readiness: the database answers and has every one of this version's migrations (503 when not)",
    request: {},
    responses: {
      ...userErrors,
      200: { content: { 'application/json': { schema: Ready } }, description: 'ready to serve requests' },
      503: { content: { 'application/json': { schema: ErrorBody } }, description: 'not ready: the database does not answer, or lacks a migration; error.message says which' },
    },
  });
  app.openapi(ready, async (c) => {
    const unready = (message: string) => c.json({ error: { message, path: null } }, 503);
    let applied: Set<string>;
    try {
      // Kysely's Migrator records each migration it ran in this table (store/index.ts migrate()).
      const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
      applied = new Set(rows.rows.map((r) => r.name));
    } catch (e) {
      return unready(`the database does not answer: ${e instanceof Error ? e.message : String(e)}`);
    }
    const missing = EXPECTED.filter((m) => !applied.has(m));
    if (missing.length) return unready(`the database lacks ${missing.length} of this version's migrations (${missing.join(', ')}): parley db migrate --db URL applies them`);
    return c.json({ ready: true as const, database: store.kind, runsJobs: jobs.runsJobs, migration: EXPECTED[EXPECTED.length - 1] }, 200);
  });
  return app;
}
