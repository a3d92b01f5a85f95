/**
 * An analysis or deal job's result is stored as a run (src/jobs/analysis-runs.ts): per kind, one run
 * whose results[0] is the job's result without its runId, whose replay is identical; combined again
 * (a crash between recording and marking the job done) it records no second run; a run of a case
 * changed since replays on its stored revision; an in-memory job records its run too; a backtest is
 * not a run. SQLite throughout, PostgreSQL (pg-boss, two queues) for a chunked and a deal kind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { importFile } from '../../src/formats/index.ts';
import { createStore, RUN_KINDS, type Store } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { JobManager } from '../../src/server/jobs.ts';
import { durableJobManager, jobKinds } from '../../src/server/durable-simulate.ts';
import { PgBossQueue } from '../../src/jobs/pgboss.ts';
import { ANALYSIS_KINDS, DEAL_KINDS } from '../../src/jobs/kinds.ts';
import { ANALYSIS_RUN_KINDS, optionsOfRun } from '../../src/jobs/analysis-runs.ts';
import { caseView } from '../../src/analysis/index.ts';
import { caseViewHash, replayRun } from '../../src/server/runs.ts';
import { ENGINE_VERSION } from '../../src/server/version.ts';
import { Job, Replay, Run, RunList } from '../../src/server/schemas.ts';
import type { Case } from '../../src/case/schema.ts';
import { projectRoot } from '../helpers/reference.ts';
import { describeWithPostgres, freshDatabase } from './pg.ts';

const TUTORIAL = 'millbrook-budget-2026';
const SCENARIO = 'ratepayers-soften';
/** Each kind's job options (as POST /api/cases/{id}/jobs takes them): seeds, models and a scenario where the kind takes them. */
const OPTIONS: Record<string, Record<string, unknown>> = {
  sensitivity: { seed: 3, models: ['compromise', 'median'], scenario: SCENARIO },
  research: { seed: 4, models: ['compromise'] },
  scenarios: { seed: 3, models: ['compromise', 'median'] },
  timeline: { seed: 3, models: ['compromise'] },
  packages: { seed: 3, scenario: SCENARIO },
  power: { seed: 5 },
  levers: { target: 'zone', runs: 20, seed: 3 },
};
/** The models each run names: those the options give (none: every default model, as a forecast run's `models` says). */
const MODELS: Record<string, string[]> = { sensitivity: ['compromise', 'median'], research: ['compromise'], scenarios: ['compromise', 'median'], timeline: ['compromise'], packages: [], power: [], levers: [] };
const SEEDS: Record<string, number> = { sensitivity: 3, research: 4, scenarios: 3, timeline: 3, packages: 3, power: 5, levers: 3 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withoutRunId = (result: unknown) => {
  const { runId: _r, ...rest } = result as Record<string, unknown>;
  return rest;
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function tutorial(): Promise<Case> {
  return importFile(`${projectRoot}/examples/tutorial.yaml`);
}

/** A server on a fresh in-memory store with the tutorial case; `memory`: its jobs in the process's memory (no durable queue). */
async function server(memory = false) {
  const store = await createStore(':memory:');
  const cs = await tutorial();
  await store.createCase(cs);
  const { app, jobs } = createApp({ store, logError: () => {}, ...(memory ? { jobs: new JobManager() } : {}) });
  cleanups.push(async () => {
    await jobs.shutdown();
    await store.close();
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  const finished = async (jobId: string) => {
    for (let i = 0; i < 1500; i++) {
      const job = (await call('GET', `/api/jobs/${jobId}`)).json;
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await sleep(20);
    }
    throw new Error('job did not finish');
  };
  return { store, cs, call, finished, isDurable: jobs.isDurable };
}

type Server = Awaited<ReturnType<typeof server>>;

/** Run one job of a kind through the API and check the run it was stored as, and its replay. */
async function jobRecordsRun({ store, cs, call, finished }: Server, kind: string, durable: boolean) {
  const started = await call('POST', `/api/cases/${TUTORIAL}/jobs`, { kind, options: OPTIONS[kind] });
  expect(started.status, kind).toBe(202);
  const job = await finished(started.json.jobId);
  expect([job.status, job.error], kind).toEqual(['done', undefined]);
  expect(Job.safeParse(job).success, kind).toBe(true);
  const { runId } = job.result as { runId: string };
  expect(typeof runId, kind).toBe('string');

  const run = await call('GET', `/api/runs/${runId}`);
  expect(run.status, kind).toBe(200);
  expect(Run.safeParse(run.json).success, `${kind}: ${JSON.stringify(Run.safeParse(run.json).error?.issues.slice(0, 2))}`).toBe(true);
  // The stored result is the job's result without its runId, bit for bit (the same JSON, key order included).
  expect(run.json.results, kind).toHaveLength(1);
  expect(JSON.stringify(run.json.results[0]), kind).toBe(JSON.stringify(withoutRunId(job.result)));
  expect(run.json.kind, kind).toBe(kind);
  expect([run.json.caseId, run.json.caseRevision, run.json.seed, run.json.engineVersion, run.json.inputHashOf], kind).toEqual([TUTORIAL, 1, SEEDS[kind], ENGINE_VERSION, 'case-view']);
  expect(run.json.models, kind).toEqual(MODELS[kind]);
  // The params: the job's options as the route built them, and the job's id.
  expect(run.json.params.jobId, kind).toBe(started.json.jobId);
  if (durable) expect(optionsOfRun(run.json), kind).toEqual(((await new JobStore(store.db).get(started.json.jobId))!.params as { options: unknown }).options);
  for (const [k, v] of Object.entries(OPTIONS[kind])) expect(run.json.params[k], `${kind} ${k}`).toEqual(v);
  // The hash of the case view analysed: with the scenario applied where the options name one.
  const view = OPTIONS[kind].scenario ? caseView(cs, { scenario: SCENARIO }) : cs;
  expect(run.json.inputHash, kind).toBe(caseViewHash(view));

  const replay = await call('POST', `/api/runs/${runId}/replay`);
  expect(replay.status, kind).toBe(200);
  expect(Replay.safeParse(replay.json).success, kind).toBe(true);
  expect([replay.json.identical, replay.json.inputHashMatches, replay.json.engineVersion], kind).toEqual([true, true, ENGINE_VERSION]);
  expect(JSON.stringify(replay.json.results), kind).toBe(JSON.stringify(run.json.results));
  return { jobId: started.json.jobId as string, runId, result: job.result };
}

describe('analysis job results stored as runs (SQLite)', () => {
  it('names the same kinds as the job table: every analysis and deal kind, not backtest', () => {
    expect([...ANALYSIS_RUN_KINDS].sort()).toEqual([...ANALYSIS_KINDS, ...DEAL_KINDS].sort());
    expect(RUN_KINDS).not.toContain('backtest');
    expect(Object.keys(OPTIONS).sort()).toEqual([...ANALYSIS_RUN_KINDS].sort());
  });

  it('per kind, a durable job records one run: results[0] is the job result without runId, the replay identical', async () => {
    const s = await server();
    expect(s.isDurable).toBe(true);
    const runIds: string[] = [];
    for (const kind of ANALYSIS_RUN_KINDS) runIds.push((await jobRecordsRun(s, kind, true)).runId);
    const list = await s.call('GET', `/api/runs?case=${TUTORIAL}&limit=50`);
    expect(RunList.safeParse(list.json).success).toBe(true);
    // Newest first, one run per job, each of its kind.
    expect(list.json.items.map((r: { id: string; kind: string }) => [r.kind, r.id])).toEqual(ANALYSIS_RUN_KINDS.map((k, i) => [k, runIds[i]]).reverse());
    expect(list.json.total).toBe(ANALYSIS_RUN_KINDS.length);
  }, 120_000);

  it('an in-memory job (no durable queue) records its run the same way', async () => {
    const s = await server(true);
    expect(s.isDurable).toBe(false);
    const durable = await server();
    for (const kind of ANALYSIS_RUN_KINDS) {
      const mem = await jobRecordsRun(s, kind, false);
      const dur = await jobRecordsRun(durable, kind, true);
      // The same answer either way (the durable job from its stored chunks, the in-memory one in one go).
      expect(JSON.stringify(withoutRunId(mem.result)), kind).toBe(JSON.stringify(withoutRunId(dur.result)));
    }
    expect((await s.store.listRuns({ caseId: TUTORIAL })).total).toBe(ANALYSIS_RUN_KINDS.length);
  }, 120_000);

  it('a replay tells a changed result or input hash apart (the comparison can fail)', async () => {
    const s = await server();
    const { runId } = await jobRecordsRun(s, 'sensitivity', true);
    const row = await s.store.db.selectFrom('runs').select(['results', 'input_hash']).where('id', '=', runId).executeTakeFirstOrThrow();
    // The first fractional number of the stored result moved by 0.5: the replay's results are the recomputed, unmoved ones.
    const tampered = row.results.replace(/("\w+":)(-?\d+\.\d+)/, (_m, key: string, n: string) => `${key}${Number(n) + 0.5}`);
    expect(tampered).not.toBe(row.results);
    await s.store.db.updateTable('runs').set({ results: tampered }).where('id', '=', runId).execute();
    let replay = await s.call('POST', `/api/runs/${runId}/replay`);
    expect([replay.json.identical, replay.json.inputHashMatches]).toEqual([false, true]);
    expect(JSON.stringify(replay.json.results)).toBe(row.results);
    await s.store.db.updateTable('runs').set({ results: row.results, input_hash: '0'.repeat(64) }).where('id', '=', runId).execute();
    replay = await s.call('POST', `/api/runs/${runId}/replay`);
    expect([replay.json.identical, replay.json.inputHashMatches]).toEqual([true, false]);
  });

  it('combined again after a crash between recording the run and marking the job done: one run per job, the job names it', async () => {
    const store = await createStore(':memory:');
    cleanups.push(() => store.close());
    const cs = await tutorial();
    const { revision } = await store.createCase(cs);
    const kinds = jobKinds(store);
    const jobs = new JobStore(store.db);
    const submitter = durableJobManager(store, undefined, false);
    const first: Record<string, string> = {};
    const ids: Record<string, string> = {};
    for (const kind of ANALYSIS_RUN_KINDS) {
      // The options as the route builds them (a forecast analysis's with its modelParams).
      const options = (DEAL_KINDS as string[]).includes(kind) ? OPTIONS[kind] : { ...OPTIONS[kind], modelParams: {} };
      const params = { caseId: TUTORIAL, revision, options };
      const prepared = await kinds[kind].prepare({ id: '', params });
      const chunks = (DEAL_KINDS as string[]).includes(kind) ? 1 : prepared.chunks;
      const { id } = await submitter.submit(kind, params, chunks);
      ids[kind] = id;
      await jobs.markRunning(id, new Date().toISOString());
      for (let c = 0; c < chunks; c++) await jobs.saveChunk(id, c, await kinds[kind].run(prepared, c));
      const a = (await kinds[kind].combine({ id, params }, prepared, await jobs.chunks(id))) as { runId: string };
      // The kind's combine called by hand again (the next process resuming the job): the same run, no second one.
      const b = (await kinds[kind].combine({ id, params }, prepared, await jobs.chunks(id))) as { runId: string };
      expect(b.runId, kind).toBe(a.runId);
      expect(JSON.stringify(b), kind).toBe(JSON.stringify(a));
      expect((await jobs.get(id))!.status, kind).toBe('running');
      first[kind] = a.runId;
    }
    await submitter.shutdown();
    const runsOf = async () => (await store.listRuns({ caseId: TUTORIAL, limit: 100 })).items.map((r) => [r.kind, r.id]).sort();
    expect(await runsOf()).toEqual(Object.entries(first).sort());

    // The next process resumes every job: each finishes naming the run already recorded.
    const queue = durableJobManager(store);
    cleanups.push(() => queue.shutdown());
    expect((await queue.resume()).sort()).toEqual(Object.values(ids).sort());
    for (const kind of ANALYSIS_RUN_KINDS) {
      let job = await queue.find(ids[kind]);
      for (let i = 0; i < 1500 && job?.status !== 'done'; i++) {
        await sleep(20);
        job = await queue.find(ids[kind]);
      }
      expect(job?.status, kind).toBe('done');
      expect((job!.result as { runId: string }).runId, kind).toBe(first[kind]);
    }
    expect(await runsOf()).toEqual(Object.entries(first).sort());

    // Another job with the same options is another run (the guard is the job, not the options).
    const again = await queue.submit('power', { caseId: TUTORIAL, revision, options: OPTIONS.power }, 1);
    let other = await queue.find(again.id);
    for (let i = 0; i < 1500 && other?.status !== 'done'; i++) {
      await sleep(20);
      other = await queue.find(again.id);
    }
    expect(other?.status).toBe('done');
    expect((other!.result as { runId: string }).runId).not.toBe(first.power);
    expect((await store.listRuns({ caseId: TUTORIAL, limit: 100 })).items.filter((r) => r.kind === 'power')).toHaveLength(2);
  }, 120_000);

  it('a run of a case changed since replays on its stored revision; a deleted case’s run is still read, its replay a 404', async () => {
    const s = await server();
    const before = await jobRecordsRun(s, 'sensitivity', true);
    const levers = await jobRecordsRun(s, 'levers', true);
    // Revision 2: one actor's capability moved, which moves the sensitivity answer.
    const changed = structuredClone(s.cs);
    const cap = changed.actors[0].capability as { value: number; low?: number; high?: number };
    changed.actors[0].capability = { ...cap, value: cap.value + 7, ...(cap.high !== undefined ? { high: cap.high + 7 } : {}), ...(cap.low !== undefined ? { low: cap.low + 7 } : {}) } as typeof cap;
    expect((await s.store.updateCase(TUTORIAL, changed)).revision).toBe(2);
    const after = await s.call('POST', `/api/cases/${TUTORIAL}/jobs`, { kind: 'sensitivity', options: OPTIONS.sensitivity });
    const afterJob = await s.finished(after.json.jobId);
    expect(afterJob.status).toBe('done');
    expect(JSON.stringify(withoutRunId(afterJob.result))).not.toBe(JSON.stringify(withoutRunId(before.result)));
    expect((await s.call('GET', `/api/runs/${afterJob.result.runId}`)).json.caseRevision).toBe(2);
    for (const { runId } of [before, levers]) {
      const replay = await s.call('POST', `/api/runs/${runId}/replay`);
      expect([replay.status, replay.json.identical, replay.json.inputHashMatches]).toEqual([200, true, true]);
    }
    // Deleting a case deletes its revisions (src/store/index.ts deleteCase): the run stays, its replay has no revision to run on.
    expect((await s.call('DELETE', `/api/cases/${TUTORIAL}`)).status).toBe(204);
    const run = await s.call('GET', `/api/runs/${before.runId}`);
    expect([run.status, run.json.kind, run.json.caseRevision]).toEqual([200, 'sensitivity', 1]);
    const gone = await s.call('POST', `/api/runs/${before.runId}/replay`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.message).toContain(TUTORIAL);
  }, 120_000);

  it('a backtest job (many cases) is not a run: its result stays in the job row, with no runId', async () => {
    const s = await server();
    for (const k of [1, 2, 3]) {
      const c = { ...structuredClone(s.cs), id: `budget-${k}`, issues: s.cs.issues.map((iss, i) => ({ ...iss, outcome: iss.scale.min + ((((k * 17 + i * 29) % 10) + 0.5) / 10) * (iss.scale.max - iss.scale.min) })) };
      await s.store.createCase(c);
    }
    const started = await s.call('POST', '/api/backtests', { caseIds: ['budget-1', 'budget-2', 'budget-3'], options: { folds: 3, seed: 5, bootstrap: 20, models: ['compromise', 'median'] } });
    expect(started.status).toBe(202);
    const job = await s.finished(started.json.jobId);
    expect(job.status).toBe('done');
    expect(job.result).not.toHaveProperty('runId');
    expect((await s.store.listRuns()).total).toBe(0);
  }, 60_000);
});

describeWithPostgres('analysis job results stored as runs (PostgreSQL, pg-boss)', () => {
  it('two workers, one chunk each: one run, replayed identical; the last chunk handled again records no second', async () => {
    const db = await freshDatabase('aruns');
    const store: Store = await createStore(db.url);
    const queues: PgBossQueue[] = [];
    try {
      const cs = await importFile(`${projectRoot}/examples/ukraine-2025.yaml`);
      const { revision } = await store.createCase(cs);
      const a = new PgBossQueue(store, { kinds: jobKinds(store), execute: false });
      const b = new PgBossQueue(store, { kinds: jobKinds(store), execute: false });
      queues.push(a, b);
      const kinds = jobKinds(store);

      // Sensitivity in two chunks, each handled by another queue; the one storing the last combines and records.
      const params = { caseId: cs.id, revision, options: { modelParams: {} } };
      const prepared = await kinds.sensitivity.prepare({ id: '', params });
      expect(prepared.chunks).toBe(2);
      const { id } = await a.submit('sensitivity', params, 2);
      expect(await a.handle(id, 1)).toBe('chunk');
      expect(await b.handle(id, 0)).toBe('combined');
      const done = (await a.find(id))!;
      expect(done.status).toBe('done');
      const { runId } = done.result as { runId: string };
      const runs = (await store.listRuns({ caseId: cs.id })).items;
      expect(runs.map((r) => [r.kind, r.id, r.caseRevision])).toEqual([['sensitivity', runId, revision]]);
      const stored = await store.getRun(runId);
      expect(JSON.stringify(stored.results[0])).toBe(JSON.stringify(withoutRunId(done.result)));
      expect(stored.params).toEqual({ modelParams: {}, jobId: id });
      const replay = await replayRun(store, runId);
      expect([replay.identical, replay.inputHashMatches]).toEqual([true, true]);

      // A deal job whose worker recorded the run and died before its transaction committed: pg-boss hands
      // the chunk to another worker, which combines again and finds the run.
      const dealParams = { caseId: cs.id, revision, options: { seed: 2 } };
      const deal = await a.submit('power', dealParams, 1);
      const jobs = new JobStore(store.db);
      await jobs.markRunning(deal.id, new Date().toISOString());
      const dealPrepared = await kinds.power.prepare({ id: deal.id, params: dealParams });
      await jobs.saveChunk(deal.id, 0, await kinds.power.run(dealPrepared, 0));
      const crashed = (await kinds.power.combine({ id: deal.id, params: dealParams }, dealPrepared, await jobs.chunks(deal.id))) as { runId: string };
      expect(await b.handle(deal.id, 0)).toBe('combined');
      const dealDone = (await a.find(deal.id))!;
      expect(dealDone.status).toBe('done');
      expect((dealDone.result as { runId: string }).runId).toBe(crashed.runId);
      expect((await store.listRuns({ caseId: cs.id })).items.filter((r) => r.kind === 'power').map((r) => r.id)).toEqual([crashed.runId]);
      expect((await replayRun(store, crashed.runId)).identical).toBe(true);
    } finally {
      for (const q of queues) await q.shutdown();
      await store.close();
      await db.drop();
    }
  }, 120_000);
});
