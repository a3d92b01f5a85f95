/**
 * The long analyses as background jobs (docs/jobs.md): `POST /api/cases/{id}/jobs` with a kind
 * (sensitivity, research, scenarios, timeline, packages, power, levers) and the same options as the synchronous route; the
 * job's result, polled at `GET /api/jobs/{jobId}`, is that route's JSON for the revision the job
 * was started on, with the `runId` it is stored as (src/jobs/analysis-runs.ts; a backtest, of many
 * cases, is not a run). On a durable queue the job is stored in chunks that any worker may compute
 * (src/jobs/kinds.ts); otherwise it runs in this process.
 */
import { z } from '@hono/zod-openapi';
import { resolveModels } from '../../analysis/index.ts';
import { ANALYSIS_KINDS, analysisChunks, backtestOptions, bounded, runAnalysis, type AnalysisJobParams, type BacktestJobParams } from '../../jobs/kinds.ts';
import { recordAnalysisRun } from '../../jobs/analysis-runs.ts';
import type { CaseAnalysisKind } from '../../analysis/analysis-chunks.ts';
import { ApiError, errorResponse } from '../errors.ts';
import { JobStarted } from '../schemas.ts';
import { CaseParams, date, definedOnly, jsonSafe, modelList, route, router, type RouteContext } from './common.ts';
import type { Case } from '../../case/schema.ts';
import { backtestSplit } from '../../analysis/analysis-chunks.ts';
import { ForecastBody, modelOptions } from './model-params.ts';
import { checkLeversQuery, LeversQuery, PackagesQuery, PowerQuery } from './deal.ts';

/** Options that only one kind takes. */
const ONLY: Record<string, CaseAnalysisKind> = { scenarios: 'scenarios', from: 'timeline', to: 'timeline' };

const ForecastJobOptions = ForecastBody.extend({
  scenarios: z.array(z.string().max(80)).max(200).optional().openapi({ description: 'scenarios only: the scenarios to compare (default: all)' }),
  from: date.optional().openapi({ description: 'timeline only: the first date' }),
  to: date.optional().openapi({ description: 'timeline only: the last date' }),
}).strict();

export const AnalysisJobBody = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.enum(ANALYSIS_KINDS as [CaseAnalysisKind, ...CaseAnalysisKind[]]).openapi({ description: 'as POST …/sensitivity, POST …/research, GET …/scenarios/compare, GET …/timeline' }), options: ForecastJobOptions.optional() }).strict(),
    z.object({ kind: z.literal('packages'), options: PackagesQuery.strict().optional().openapi({ description: 'as GET …/packages' }) }).strict(),
    z.object({ kind: z.literal('power'), options: PowerQuery.strict().optional().openapi({ description: 'as GET …/power' }) }).strict(),
    z.object({ kind: z.literal('levers'), options: LeversQuery.strict().openapi({ description: 'as GET …/levers (a target is required)' }) }).strict(),
  ])
  .openapi('AnalysisJobRequest');

/** A forecast-based analysis's options as its function takes them (as the synchronous route builds them). */
function forecastJobOptions(kind: CaseAnalysisKind, given: z.output<typeof ForecastJobOptions>): Record<string, unknown> {
  for (const [field, only] of Object.entries(ONLY)) {
    if ((given as Record<string, unknown>)[field] !== undefined && kind !== only) throw new ApiError(400, `only a ${only} job takes it, not a ${kind} job`, field);
  }
  const { scenarios, from, to, ...forecast } = given;
  return { ...modelOptions(forecast, resolveModels(forecast.models)), ...definedOnly({ scenarios, from, to }) };
}

const caseIdList = z.array(z.string().max(80)).min(1).max(500);
export const BacktestJobBody = z
  .object({
    caseIds: caseIdList.openapi({ description: 'the stored cases to score (each needs issues with an `outcome`)' }),
    calibration: caseIdList.optional().openapi({ description: 'fit the error models on these cases instead (as `--calibration`)' }),
    options: z
      .object({
        models: modelList.optional(),
        folds: z.number().int().min(2).max(100).optional(),
        seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
        bootstrap: z.number().int().min(0).max(10_000).optional(),
        draws: z.number().int().min(1).max(5000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('BacktestJobRequest');

export function analysisJobRoutes({ store, jobs }: RouteContext) {
  const app = router();
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/jobs',
    tag: 'analysis',
    summary: 'Start a long analysis (sensitivity, research, scenarios, timeline, packages, power, levers) as a background job',
    params: CaseParams,
    body: AnalysisJobBody,
    ok: { status: 202, schema: JobStarted, description: 'the job to poll at /api/jobs/{jobId}; its result is the synchronous route’s JSON with the `runId` it is stored as' },
    handler: async ({ params, body }) => {
      const stored = await store.getCase(params.id);
      let options: Record<string, unknown>;
      let chunks: number;
      try {
        // Everything the analysis would refuse is refused now, before anything is stored.
        if (body.kind === 'packages' || body.kind === 'power') options = body.options ?? {};
        else if (body.kind === 'levers') checkLeversQuery(stored.case, (options = body.options));
        else options = forecastJobOptions(body.kind, body.options ?? {});
        options = JSON.parse(JSON.stringify(options));
        chunks = analysisChunks(body.kind, stored.case, options);
      } catch (e) {
        const { status, body: err } = errorResponse(e);
        if (status !== 400) throw e;
        throw new ApiError(400, `options: ${err.error.message}`, err.error.path ? `options.${err.error.path}` : 'options');
      }
      const kind = body.kind;
      const jobParams: AnalysisJobParams = { caseId: params.id, revision: stored.revision, options };
      if (jobs.isDurable) return { jobId: (await jobs.submit(kind, jobParams, chunks)).id };
      // In memory: the same result through JSON as a durable job's, stored as a run the same way (naming the job).
      let jobId = '';
      jobId = jobs.start(kind, async (ctx) => {
        const result = bounded(kind, JSON.parse(JSON.stringify(await runAnalysis(kind, stored.case, options, ctx))));
        return recordAnalysisRun(store, kind, jobParams, stored.case, result, jobId);
      }).id;
      return { jobId };
    },
  });
  route(app, {
    method: 'post',
    path: '/api/backtests',
    tag: 'analysis',
    summary: 'Start a backtest of stored cases with known outcomes (as `parley backtest`) as a background job',
    body: BacktestJobBody,
    ok: { status: 202, schema: JobStarted, description: 'the job to poll at /api/jobs/{jobId}; its result is `parley backtest --format json`' },
    handler: async ({ body }) => {
      const refs = async (ids: string[], field: string) => {
        const out: Array<{ id: string; revision: number }> = [];
        for (const [i, id] of ids.entries()) {
          const stored = await store.getCase(id).catch((e) => {
            throw errorResponse(e).status === 404 ? new ApiError(400, `no case "${id}"`, `${field}.${i}`) : e;
          });
          if (!stored.case.issues.some((iss) => iss.outcome !== undefined)) throw new ApiError(400, `case "${id}" has no issue with a known outcome: nothing to backtest`, `${field}.${i}`);
          out.push({ id, revision: stored.revision });
          cases.set(id, stored.case);
        }
        return out;
      };
      const cases = new Map<string, Case>();
      const options = body.options ?? {};
      const params: BacktestJobParams = { cases: await refs(body.caseIds, 'caseIds'), ...(body.calibration ? { calibration: await refs(body.calibration, 'calibration') } : {}), options };
      const chosen = params.cases.map((r) => cases.get(r.id)!);
      const opts = backtestOptions(options, params.calibration?.map((r) => cases.get(r.id)!));
      let chunks: number;
      try {
        chunks = backtestSplit.chunks(chosen, opts);
      } catch (e) {
        if (e instanceof RangeError) throw new ApiError(400, `options: ${e.message}`, 'options');
        const { status, body: err } = errorResponse(e);
        if (status !== 400) throw e;
        throw new ApiError(400, `options: ${err.error.message}`, err.error.path ? `options.${err.error.path}` : 'options');
      }
      if (jobs.isDurable) return { jobId: (await jobs.submit('backtest', params, chunks)).id };
      return { jobId: jobs.start('backtest', async () => jsonSafe(backtestSplit.merge(chosen, opts, Array.from({ length: chunks }, (_, i) => backtestSplit.chunk(chosen, opts, i))))).id };
    },
  });
  return app;
}
