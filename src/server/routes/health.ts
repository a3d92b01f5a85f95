/** Liveness and readiness, for load balancers and container orchestrators (docs/api.md, docs/jobs.md). */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { ENGINE_VERSION } from '../version.ts';
import { route, router, type RouteContext } from './common.ts';

const Health = z.object({ status: z.literal('ok'), version: z.string() }).openapi('Health');
const Ready = z.object({ ready: z.literal(true), database: z.enum(['sqlite', 'postgres']), runsJobs: z.boolean() }).openapi('Ready');

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
  route(app, {
    method: 'get',
    path: '/api/ready',
    tag: 'health',
    summary: 'Readiness: the database answers a query (503 when it does not)',
    ok: { status: 200, schema: Ready, description: 'ready to serve requests' },
    handler: async ({ c }) => {
      try {
        await sql`select 1`.execute(store.db);
      } catch (e) {
        // 503 (not one of the API's user errors): the same error body, for a balancer to take this process out.
        return c.json({ error: { message: `the database does not answer: ${e instanceof Error ? e.message : String(e)}`, path: null } }, 503);
      }
      return { ready: true as const, database: store.kind, runsJobs: jobs.runsJobs };
    },
  });
  return app;
}
