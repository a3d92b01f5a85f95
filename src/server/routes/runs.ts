/** Forecasts and Monte Carlo simulations, each stored as a run; stored runs listed, read and replayed. */
import { z } from '@hono/zod-openapi';
import { resolveModels } from '../../analysis/index.ts';
import { ApiError } from '../errors.ts';
import { recordRun, replayRun, runView } from '../runs.ts';
import { ForecastResponse, JobStarted, Replay, Run, RunList } from '../schemas.ts';
import type { ForecastJson } from '../../analysis/forecast-json.ts';
import { CaseParams, PageQuery, route, router, type RouteContext } from './common.ts';
import { setEtag } from '../conditional.ts';
import { simulateChunks } from '../durable-simulate.ts';
import { ForecastBody, SimulateBody, modelOptions, MAX_SIMULATION_WORK } from './model-params.ts';

const RunParams = z.object({ runId: z.string().max(80) });

export function runRoutes({ store, jobs }: RouteContext) {
  const app = router();
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/forecast',
    tag: 'forecasts',
    summary: 'Run the models on the case and store the run',
    params: CaseParams,
    body: ForecastBody,
    ok: { status: 200, schema: ForecastResponse, description: 'per-model results and the stored run id' },
    handler: async ({ params, body }) => {
      const stored = await store.getCase(params.id);
      const models = resolveModels(body.models);
      const { models: _m, ...options } = modelOptions(body, models);
      const { runId, run } = await recordRun(store, { caseId: params.id, ...stored }, { kind: 'forecast', models, params: options });
      return { results: run.results as ForecastJson[], runId };
    },
  });
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/simulate',
    tag: 'forecasts',
    summary: 'Start a Monte Carlo simulation over the input uncertainty (a background job)',
    params: CaseParams,
    body: SimulateBody,
    ok: { status: 202, schema: JobStarted, description: 'the job to poll at /api/jobs/{jobId}' },
    handler: async ({ params, body }) => {
      const stored = await store.getCase(params.id);
      // Fail fast on unknown names and parameters instead of inside the job.
      // The body's seed is the simulation's: it draws each run's engine seeds (engineSeed: false).
      const { models, ...options } = modelOptions(body, resolveModels(body.models), { engineSeed: false });
      if (body.scenario && !stored.case.scenarios.some((s) => s.id === body.scenario)) throw new ApiError(400, `unknown scenario "${body.scenario}"`, 'scenario');
      // Runs × the most rounds (or turns) of any chosen model: bounded, so that one job cannot take days.
      const rounds = Math.max(1, ...Object.values(options.modelParams).map((p) => Number(p.rounds ?? p.maxTurns ?? 1)));
      if (body.runs * rounds > MAX_SIMULATION_WORK) throw new ApiError(400, `body.runs: ${body.runs} runs of ${rounds} rounds is more than the ${MAX_SIMULATION_WORK.toLocaleString('en')} run-rounds one simulation may take: at most ${Math.floor(MAX_SIMULATION_WORK / rounds)} runs of ${rounds} rounds`, 'runs');
      // Durable (the server's own manager): a job stored in the database, in chunks, resumed after a restart (docs/jobs.md).
      if (jobs.isDurable) return { jobId: (await jobs.submit('simulate', { caseId: params.id, revision: stored.revision, ...(models ? { models } : {}), params: options }, simulateChunks(body.runs))).id };
      const job = jobs.start('simulate', async (ctx) => {
        // Kept as a run, so that it outlives the job list (and a restart) and can be replayed.
        const { runId, run } = await recordRun(store, { caseId: params.id, ...stored }, { kind: 'simulate', ...(models ? { models } : {}), params: options }, ctx);
        return { ...(run.results[0] as object), runId };
      });
      return { jobId: job.id };
    },
  });
  route(app, {
    method: 'get',
    path: '/api/runs',
    tag: 'forecasts',
    summary: 'Stored forecast and simulation runs, newest first (without results)',
    query: PageQuery.extend({ case: z.string().max(80).optional() }),
    ok: { status: 200, schema: RunList, description: 'a page of runs' },
    handler: async ({ query }) => {
      const { case: caseId, ...page } = query;
      const runs = await store.listRuns({ ...page, ...(caseId ? { caseId } : {}) });
      return { ...runs, items: runs.items.map(runView) };
    },
  });
  route(app, {
    method: 'get',
    path: '/api/runs/{runId}',
    tag: 'forecasts',
    summary: 'A stored forecast or simulation run with its results',
    params: RunParams,
    ok: { status: 200, schema: Run, description: 'models, params, seed, input hash, engine version, results; ETag: the run id' },
    handler: async ({ c, params }) => {
      const run = await store.getRun(params.runId);
      setEtag(c, run.id);
      return runView(run) as z.input<typeof Run>;
    },
  });
  route(app, {
    method: 'post',
    path: '/api/runs/{runId}/replay',
    tag: 'forecasts',
    summary: 'Run a stored forecast or simulation again on the same case revision and compare',
    params: RunParams,
    ok: { status: 200, schema: Replay, description: 'whether the numbers are the same, bit for bit' },
    handler: async ({ params }) => (await replayRun(store, params.runId)) as z.input<typeof Replay>,
  });
  return app;
}
