/**
 * A simulate job is recorded as a run once (docs/jobs.md): a process that recorded the run and died
 * before marking the job done leaves the job queued or running; the process that resumes it combines
 * the chunks again and must answer with the run already recorded, not store a second one. The crash is
 * simulated by calling the job's pieces (prepare, run each chunk, store it, combine) and not finishing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../../src/analysis/index.ts';
import { importFile } from '../../src/formats/index.ts';
import { PgBossQueue } from '../../src/jobs/pgboss.ts';
import { durableJobManager, simulateChunked, type SimulateJobParams } from '../../src/server/durable-simulate.ts';
import { jsonSafe } from '../../src/server/routes/common.ts';
import { canonicalJson } from '../../src/store/hash.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { projectRoot } from '../helpers/reference.ts';
import { describeWithPostgres, freshDatabase } from './pg.ts';

const CASE = 'millbrook-budget-2026';
// 500 runs in chunks of 200: three chunks (200, 200, 100).
const OPTIONS = { runs: 500, seed: 11 };
const MODELS = ['compromise'];
const CHUNKS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withoutRunId = (result: unknown) => {
  const { runId: _r, ...rest } = result as Record<string, unknown>;
  return canonicalJson(rest);
};

/** Everything a job does but marking it done: its chunks stored and the run recorded (the process then dies). */
async function crashAfterRecording(store: Store, id: string, params: SimulateJobParams): Promise<{ runId: string }> {
  const kind = simulateChunked(store);
  const jobs = new JobStore(store.db);
  await jobs.markRunning(id, new Date().toISOString());
  const prepared = await kind.prepare({ id, params });
  for (let c = 0; c < CHUNKS; c++) await jobs.saveChunk(id, c, await kind.run(prepared, c));
  const result = (await kind.combine({ id, params }, prepared, await jobs.chunks(id))) as { runId: string };
  expect((await jobs.get(id))!.status).toBe('running');
  return result;
}

async function setUp(store: Store) {
  const cs = await importFile(`${projectRoot}/examples/tutorial.yaml`);
  const { revision } = await store.createCase(cs);
  const expected = canonicalJson(jsonSafe(await simulate(cs, { ...OPTIONS, models: MODELS, workers: 1 })));
  const params: SimulateJobParams = { caseId: CASE, revision, models: MODELS, params: { ...OPTIONS }, chunkRuns: 200 };
  return { params, expected };
}

const simulateRuns = async (store: Store) => (await store.listRuns({ caseId: CASE })).items.filter((r) => r.kind === 'simulate');

describe('a simulate job is recorded once (SQLite, LocalQueue)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await createStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });

  it('resumed after a crash between recording the run and marking the job done: one run, the job names it', async () => {
    const { params, expected } = await setUp(store);
    // The first process stores the job (a server that runs none), then "runs" it and dies before finishing.
    const { id } = await durableJobManager(store, undefined, false).submit('simulate', params, CHUNKS);
    const first = await crashAfterRecording(store, id, params);
    expect((await simulateRuns(store)).map((r) => r.id)).toEqual([first.runId]);

    const queue = durableJobManager(store);
    try {
      expect(await queue.resume()).toEqual([id]);
      let job = await queue.find(id);
      for (let i = 0; i < 400 && job?.status !== 'done'; i++) {
        await sleep(25);
        job = await queue.find(id);
      }
      expect(job?.status).toBe('done');
      expect((job!.result as { runId: string }).runId).toBe(first.runId);
      expect(withoutRunId(job!.result)).toBe(expected);
      const runs = await simulateRuns(store);
      expect(runs.map((r) => r.id)).toEqual([first.runId]);
      // The run names its job; its other params are the job's options, so a replay gives the same numbers.
      expect(runs[0].params).toEqual({ ...OPTIONS, jobId: id });
      expect((await new JobStore(store.db).get(id))!.status).toBe('done');

      // Another job with the same options is another run (the guard is the job, not the options).
      const again = await queue.submit('simulate', params, CHUNKS);
      let other = await queue.find(again.id);
      for (let i = 0; i < 400 && other?.status !== 'done'; i++) {
        await sleep(25);
        other = await queue.find(again.id);
      }
      expect(other?.status).toBe('done');
      expect((other!.result as { runId: string }).runId).not.toBe(first.runId);
      expect(withoutRunId(other!.result)).toBe(expected);
      expect(await simulateRuns(store)).toHaveLength(2);
    } finally {
      await queue.shutdown();
    }
  }, 60_000);
});

describeWithPostgres('a simulate job is recorded once (PostgreSQL, PgBossQueue)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  const queues: PgBossQueue[] = [];
  beforeEach(async () => {
    db = await freshDatabase('once');
    store = await createStore(db.url);
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.shutdown();
    await store.close();
    await db.drop();
  });

  it('the last chunk handled again after the run was recorded but the job not marked done: one run', async () => {
    const { params, expected } = await setUp(store);
    const q = new PgBossQueue(store, { kinds: { simulate: simulateChunked(store) }, execute: false, pollSeconds: 0.5 });
    queues.push(q);
    const { id } = await q.submit('simulate', params, CHUNKS);
    // The worker that stored the last chunk recorded the run and died before its transaction committed.
    const first = await crashAfterRecording(store, id, params);
    // pg-boss hands the last chunk to another worker: it is stored, so the job is combined again.
    expect(await q.handle(id, CHUNKS - 1)).toBe('combined');
    const job = (await q.find(id))!;
    expect(job.status).toBe('done');
    expect((job.result as { runId: string }).runId).toBe(first.runId);
    expect(withoutRunId(job.result)).toBe(expected);
    expect((await simulateRuns(store)).map((r) => r.id)).toEqual([first.runId]);
  }, 60_000);
});
