/** Background jobs (Monte Carlo runs): polled for status, progress and result; cancelled. */
import { z } from '@hono/zod-openapi';
import { Job } from '../schemas.ts';
import { notFound, route, router, type RouteContext } from './common.ts';

const JobParams = z.object({ jobId: z.string().max(80) });

export function jobRoutes({ jobs }: RouteContext) {
  const app = router();
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
