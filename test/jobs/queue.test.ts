/**
 * The PostgreSQL job queue (src/jobs/pgboss.ts) in one process, on a fresh database per test: the
 * last chunk combined exactly once by concurrent workers, cancel, a queue that starts later picking
 * up what was submitted and half done, a fetched chunk whose worker vanished coming back through
 * pg-boss's expiry, and a chunk that keeps failing failing its job. The same numbers as simulate().
 */
import PgBoss from 'pg-boss';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { simulate } from '../../src/analysis/index.ts';
import { importFile } from '../../src/formats/index.ts';
import { BOSS_SCHEMA, CHUNK_QUEUE, PgBossQueue } from '../../src/jobs/pgboss.ts';
import type { ChunkedKind } from '../../src/jobs/queue.ts';
import { durableJobManager, simulateChunked, type SimulateJobParams } from '../../src/server/durable-simulate.ts';
import { LocalQueue } from '../../src/server/jobs.ts';
import { jsonSafe } from '../../src/server/routes/common.ts';
import { canonicalJson } from '../../src/store/hash.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { projectRoot } from '../helpers/reference.ts';
import { describeWithPostgres, freshDatabase } from './pg.ts';

const CASE = 'millbrook-budget-2026';
// 600 runs in chunks of 200: three chunks.
const OPTIONS = { runs: 600, seed: 7 };
const MODELS = ['compromise'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithPostgres('PgBossQueue', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let revision: number;
  let expected: string;
  const queues: PgBossQueue[] = [];
  const queue = (opts: Partial<ConstructorParameters<typeof PgBossQueue>[1]> = {}) => {
    const q = new PgBossQueue(store, { kinds: { simulate: simulateChunked(store) }, execute: false, pollSeconds: 0.5, ...opts });
    queues.push(q);
    return q;
  };
  const params = (): SimulateJobParams => ({ caseId: CASE, revision, models: MODELS, params: { ...OPTIONS }, chunkRuns: 200 });
  const resultOf = (job: { result?: unknown }) => {
    const { runId: _r, ...result } = job.result as Record<string, unknown>;
    return canonicalJson(result);
  };
  const simulateRuns = async () => (await store.listRuns({ caseId: CASE })).items.filter((r) => r.kind === 'simulate');

  beforeEach(async () => {
    db = await freshDatabase('queue');
    store = await createStore(db.url);
    const cs = await importFile(`${projectRoot}/examples/tutorial.yaml`);
    ({ revision } = await store.createCase(cs));
    expected = canonicalJson(jsonSafe(await simulate(cs, { ...OPTIONS, models: MODELS, workers: 1 })));
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.shutdown();
    await store.close();
    await db.drop();
  });

  it('is what durableJobManager gives on PostgreSQL (and the local queue on SQLite)', async () => {
    expect(durableJobManager(store, undefined, false)).toBeInstanceOf(PgBossQueue);
    const sqlite = await createStore(':memory:');
    expect(durableJobManager(sqlite)).toBeInstanceOf(LocalQueue);
    await sqlite.close();
  });

  it('three processes starting together on a new database all start (pg-boss made once, under a lock)', async () => {
    const others = await Promise.all([0, 1].map(() => createStore(db.url)));
    try {
      const starting = [store, ...others].map((s) => {
        const q = new PgBossQueue(s, { kinds: { simulate: simulateChunked(s) }, execute: true });
        queues.push(q);
        return q.resume();
      });
      expect(await Promise.all(starting)).toEqual([[], [], []]);
      const made = (await store.db.selectFrom(`${BOSS_SCHEMA}.queue` as any).select('name' as any).orderBy('name' as any).execute()) as Array<{ name: string }>;
      expect(made.map((q) => q.name)).toEqual([CHUNK_QUEUE, 'parley-chunks-dead']);
    } finally {
      for (const q of queues.splice(0)) await q.shutdown();
      for (const s of others) await s.close();
    }
  });

  it('the last chunk stored by two workers at once is combined and recorded exactly once', async () => {
    let combines = 0;
    const base = simulateChunked(store);
    // A slow combine: without the row lock both workers would record a run.
    const slow: ChunkedKind<any> = { ...base, combine: async (...args) => { combines++; await sleep(300); return base.combine(...args); } };
    const a = queue({ kinds: { simulate: slow } });
    const b = queue({ kinds: { simulate: slow } });
    const { id, status, progress } = await a.submit('simulate', params(), 3);
    expect([status, progress]).toEqual(['queued', 0]);
    expect(await a.handle(id, 0)).toBe('chunk');
    expect(await b.handle(id, 1)).toBe('chunk');
    expect((await a.find(id))!.progress).toBeCloseTo(2 / 3, 12);
    const outcomes = await Promise.all([a.handle(id, 2), b.handle(id, 2)]);
    expect(outcomes.sort()).toEqual(['chunk', 'combined']);
    expect(combines).toBe(1);
    const done = (await b.find(id))!;
    expect([done.status, done.progress]).toEqual(['done', 1]);
    expect(resultOf(done)).toBe(expected);
    const runs = await simulateRuns();
    expect(runs.map((r) => r.id)).toEqual([(done.result as { runId: string }).runId]);
    // The chunks are dropped once the run is stored; a chunk fetched again later is skipped.
    expect((await new JobStore(store.db).chunks(id)).size).toBe(0);
    expect(await a.handle(id, 1)).toBe('skipped');
    expect(await simulateRuns()).toHaveLength(1);
  });

  it('a cancelled job stays cancelled: its chunks are dropped and skipped, no run is recorded', async () => {
    const q = queue();
    const { id } = await q.submit('simulate', params(), 3);
    expect(await q.handle(id, 0)).toBe('chunk');
    const cancelled = (await q.stop(id))!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.finishedAt).not.toBeNull();
    expect((await new JobStore(store.db).chunks(id)).size).toBe(0);
    expect(await q.handle(id, 1)).toBe('skipped');
    expect(await q.handle(id, 2)).toBe('skipped');
    expect((await new JobStore(store.db).chunks(id)).size).toBe(0);
    expect((await q.find(id))!.status).toBe('cancelled');
    // Cancelling again, or a finished job, changes nothing.
    expect((await q.stop(id))!.finishedAt).toBe(cancelled.finishedAt);
    expect(await simulateRuns()).toHaveLength(0);
    expect(await q.stop('no-such-job')).toBeUndefined();
  });

  it('a worker started later runs what a server queued (half done, and a chunk whose worker vanished) to the same numbers', async () => {
    // The server: stores and queues, runs nothing (--no-worker); one chunk was computed already.
    const server = queue({ execute: false, expireSeconds: 1 });
    expect(server.runsJobs).toBe(false);
    const { id } = await server.submit('simulate', params(), 3);
    // A worker fetched a chunk and died: pg-boss has it active (each chunk expires 1 s after it started).
    const boss = new PgBoss({ connectionString: db.url, schema: BOSS_SCHEMA, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const [taken] = await boss.fetch<{ jobId: string; chunk: number }>(CHUNK_QUEUE, { batchSize: 1 });
    expect(taken.data.jobId).toBe(id);
    await boss.stop({ graceful: false, close: true });
    // Another chunk is already stored (its pg-boss job, fetched again, finds it and does not compute it).
    expect(await server.handle(id, (taken.data.chunk + 1) % 3)).toBe('chunk');

    const worker = queue({ execute: true, maintenanceSeconds: 1 });
    expect(worker.runsJobs).toBe(true);
    await worker.resume();
    let job = (await worker.find(id))!;
    for (let i = 0; i < 200 && job.status !== 'done'; i++) {
      await sleep(100);
      job = (await worker.find(id))!;
    }
    expect(job.status).toBe('done');
    expect(resultOf(job)).toBe(expected);
    expect(await simulateRuns()).toHaveLength(1);
    // The abandoned chunk came back as a retry and was completed.
    const row = (await store.db.selectFrom(`${BOSS_SCHEMA}.job` as any).select(['state', 'retry_count'] as any).where('id' as any, '=', taken.id).executeTakeFirst()) as { state: string; retry_count: number };
    expect(row.state).toBe('completed');
    expect(row.retry_count).toBe(1);
  }, 30_000);

  it('with --concurrency 2 the chunks are computed in two worker threads (dead ones replaced), to the same numbers', async () => {
    const q = queue({ execute: true, concurrency: 2 });
    await q.resume();
    const threads = (q as unknown as { threads: Array<{ isDead: boolean; worker: { terminate(): Promise<number> } }> }).threads;
    expect(threads).toHaveLength(2);
    // Both threads die before any chunk: a loop starts a new one before computing (no chunk fails).
    const dead = [...threads];
    for (const t of dead) await t.worker.terminate();
    expect(dead.every((t) => t.isDead)).toBe(true);
    const { id } = await q.submit('simulate', params(), 3);
    let job = (await q.find(id))!;
    for (let i = 0; i < 300 && job.status !== 'done'; i++) {
      await sleep(100);
      job = (await q.find(id))!;
    }
    expect(job.status).toBe('done');
    expect(resultOf(job)).toBe(expected);
    expect(threads.some((t) => !t.isDead && !dead.includes(t))).toBe(true);
    const retried = (await store.db.selectFrom(`${BOSS_SCHEMA}.job` as any).select((eb) => eb.fn.max('retry_count' as any).as('n')).where('name' as any, '=', CHUNK_QUEUE).executeTakeFirst()) as { n: number };
    expect(Number(retried.n)).toBe(0);
  }, 40_000);

  it('a chunk that fails every attempt fails its job (through the dead-letter queue) with the reason', async () => {
    const base = simulateChunked(store);
    let attempts = 0;
    const broken: ChunkedKind<any> = { ...base, run: async (p, c) => (c === 2 ? (attempts++, Promise.reject(new Error('out of memory, say'))) : base.run(p, c)) };
    const failures: string[] = [];
    const q = queue({ kinds: { simulate: broken }, execute: true, retryLimit: 1, onFailure: (job) => failures.push(job.id) });
    const { id } = await q.submit('simulate', params(), 3);
    await q.resume();
    let job = (await q.find(id))!;
    for (let i = 0; i < 200 && job.status !== 'failed'; i++) {
      await sleep(100);
      job = (await q.find(id))!;
    }
    expect(job.status).toBe('failed');
    expect(job.error).toBe('chunk 2 failed 2 times (its workers stopped, or it took longer than 60 s, or it threw)');
    expect(attempts).toBe(2);
    expect(failures).toEqual([id]);
    expect(await simulateRuns()).toHaveLength(0);
  }, 30_000);
});
