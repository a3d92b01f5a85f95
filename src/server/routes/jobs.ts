/** Background jobs (Monte Carlo runs, analyses, backtests, feed polls): listed; polled for status, progress and result; cancelled. */
import { z } from '@hono/zod-openapi';
import { JobStore, type StoredJobStatus } from '../../store/jobs.ts';
import { storedView } from '../jobs.ts';
import { Job, JobList } from '../schemas.ts';
import { notFound, route, router, type RouteContext } from './common.ts';

const STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
const JobListQuery = z.object({
  status: z
    .string()
    .max(60)
    .optional()
    .openapi({ description: `comma-separated: ${STATUSES.join(', ')} (default all)` })
    .transform((v, ctx) => {
      const list = v ? v.split(',').map((x) => x.trim()).filter(Boolean) : [];
      const bad = list.find((x) => !(STATUSES as readonly string[]).includes(x));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `expected statuses among ${STATUSES.join(', ')}, got "${bad.slice(0, 20)}"` });
        return z.NEVER;
      }
      return list as StoredJobStatus[];
    }),
  kind: z.string().max(40).optional(),
  case: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const JobParams = z.object({ jobId: z.string().max(80) });

export function jobRoutes({ jobs, store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/jobs',
    tag: 'forecasts',
    summary: 'The stored jobs, newest first (without results): what is queued, running or done, by status, kind and case',
    query: JobListQuery,
    ok: { status: 200, schema: JobList, description: 'at most `limit` jobs' },
    handler: async ({ query }) => {
      const jobs = await new JobStore(store.db).list({ limit: query.limit, ...(query.status.length ? { status: query.status } : {}), ...(query.kind ? { kind: query.kind } : {}), ...(query.case !== undefined ? { caseId: query.case } : {}) });
      return { items: jobs.map((j) => storedView(j)) };
    },
  });
  route(app, {
    method: 'get',
    path: '/api/jobs/{jobId}',
    tag: 'forecasts',
    summary: 'A background job: status, progress, result',
    params: JobParams,
    ok: { status: 200, schema: Job, description: 'the job' },
    handler: async ({ params }) => (await jobs.find(params.jobId)) ?? notFound(`no job "${params.jobId}"`),
  });
  route(app, {
    method: 'delete',
    path: '/api/jobs/{jobId}',
    tag: 'forecasts',
    summary: 'Cancel a background job',
    params: JobParams,
    ok: { status: 200, schema: Job, description: 'the job, cancelled (or already finished)' },
    handler: async ({ params }) => (await jobs.stop(params.jobId)) ?? notFound(`no job "${params.jobId}"`),
  });
  return app;
}
