/**
 * The job queue on PostgreSQL (docs/jobs.md), through pg-boss (docs/architecture.md says why).
 *
 * A durable job is a row of `jobs` (JobStore, as on SQLite) plus one pg-boss job per chunk, inserted
 * in the same transaction. Any process on the database with `execute` (a `parley worker`, or a server
 * without `--no-worker`) fetches chunk jobs (SKIP LOCKED: each goes to one worker), computes the
 * chunk, stores its bytes (JobStore.saveChunk) and raises the job's progress to stored chunks ÷
 * chunks. The worker that finds every chunk stored combines them and records the result, under a row
 * lock (JobStore.finishOnce) so that exactly one of several such workers does. A chunk whose worker
 * died (SIGKILL, a lost machine) is not completed: pg-boss expires it `expireSeconds` after it started
 * and hands it to another worker; a chunk that fails every retry goes to a dead-letter queue, whose
 * handler marks the job failed. A cancelled job's chunks are skipped by whoever fetches them.
 *
 * pg-boss runs on the store's own connection pool (an adapter over Kysely), in its own schema.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Store } from '../store/index.ts';
import { JobStore, type StoredJob } from '../store/jobs.ts';
import { isUserError } from '../server/errors.ts';
import { LocalQueue, storedView, type JobView, type JobWork } from '../server/jobs.ts';
import type { ChunkCompute, ChunkedKind, JobQueue } from './queue.ts';
import { ChunkThread } from './threads.ts';

/** pg-boss's tables live in this schema of the parley database. */
export const BOSS_SCHEMA = 'parley_boss';
/** The queue of chunk jobs, and where a chunk goes when every retry failed. */
export const CHUNK_QUEUE = 'parley-chunks';
export const DEAD_QUEUE = 'parley-chunks-dead';

interface ChunkData {
  jobId: string;
  chunk: number;
}

export interface PgBossQueueOptions {
  /** The chunked job kinds (simulate: src/server/durable-simulate.ts). */
  kinds: Record<string, ChunkedKind<any>>;
  /** false: only store and queue jobs (a server with `--no-worker`). */
  execute: boolean;
  /** Chunks computed at a time by this process (default 1, in this thread; more: one worker thread each). */
  concurrency?: number;
  /** Called with a job that failed (not when cancelled). */
  onFailure?: (job: JobView, error: unknown) => void;
  /** One event per line (the worker writes them to stderr as JSON). */
  log?: (event: Record<string, unknown>) => void;
  /** A chunk not completed this many seconds after it started is given to another worker (default 60). */
  expireSeconds?: number;
  /** How often expired chunks are looked for, by whichever process on the database runs maintenance (default 5 s). */
  maintenanceSeconds?: number;
  /** How long an idle worker waits before looking for chunks again (default 0.5 s). */
  pollSeconds?: number;
  /** Attempts of a chunk after its first, before the job fails (default 5). */
  retryLimit?: number;
}

/**
 * pg-boss's database access through Kysely: the store's pool, or (`inTransaction`) a transaction's
 * connection. Some of pg-boss's commands are a whole `BEGIN; …; COMMIT;` script; one that fails part-way
 * (two processes creating pg-boss's schema at once: pg-boss expects the loser's error) would leave its
 * pooled connection inside the aborted transaction, so the connection is rolled back before it is
 * returned to the pool.
 */
function bossDb(db: Kysely<any>, inTransaction = false): PgBoss.Db {
  const run = async (conn: Pick<Kysely<any>, 'executeQuery'>, text: string, values?: unknown[]) => {
    const r = await conn.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: r.rows as any[] };
  };
  if (inTransaction) return { executeSql: (text: string, values?: unknown[]) => run(db, text, values) };
  return {
    executeSql: (text: string, values?: unknown[]) =>
      db.connection().execute(async (conn) => {
        try {
          return await run(conn, text, values);
        } catch (e) {
          if (/^\s*BEGIN\b/i.test(text)) await conn.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => {});
          throw e;
        }
      }),
  };
}

const isActive = (s: StoredJob['status']) => s === 'queued' || s === 'running';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PgBossQueue implements JobQueue {
  readonly isDurable = true;
  private readonly store: Store;
  private readonly jobStore: JobStore;
  private readonly opts: Required<Omit<PgBossQueueOptions, 'onFailure' | 'log'>> & Pick<PgBossQueueOptions, 'onFailure' | 'log'>;
  /** In-memory jobs (`start`), as the local queue runs them. */
  private readonly local: LocalQueue;
  private boss: Promise<PgBoss> | null = null;
  private loops: Promise<void>[] = [];
  private threads: ChunkThread[] = [];
  private stopping = false;
  private wake: Array<() => void> = [];
  /** What each job's chunks need (the case view and plan), built once per job and process. */
  private readonly prepared = new Map<string, Promise<unknown>>();

  constructor(store: Store, opts: PgBossQueueOptions) {
    if (store.kind !== 'postgres') throw new Error('the pg-boss queue needs a PostgreSQL store');
    this.store = store;
    this.jobStore = new JobStore(store.db);
    this.opts = { concurrency: 1, expireSeconds: 60, maintenanceSeconds: 5, pollSeconds: 0.5, retryLimit: 5, ...opts };
    this.local = new LocalQueue(200, opts.onFailure);
  }

  get runsJobs(): boolean {
    return this.opts.execute;
  }

  private log(event: Record<string, unknown>): void {
    this.opts.log?.({ at: new Date().toISOString(), ...event });
  }

  /** pg-boss started (its schema created or migrated) and the two queues made, once. */
  private ready(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({
        db: bossDb(this.store.db),
        schema: BOSS_SCHEMA,
        supervise: true,
        schedule: false,
        migrate: true,
        maintenanceIntervalSeconds: this.opts.maintenanceSeconds,
      });
      boss.on('error', (e) => this.log({ event: 'queue-error', error: messageOf(e) }));
      try {
        // Processes starting together on a new database would race to create pg-boss's schema and
        // queues (duplicate keys of the catalog, deadlocks): one at a time, under an advisory lock.
        await this.store.db.connection().execute(async (conn) => {
          await sql`select pg_advisory_lock(hashtext('parley.pgboss.start'))`.execute(conn);
          try {
            await boss.start();
            for (const [name, options] of [
              [DEAD_QUEUE, {}],
              [CHUNK_QUEUE, { deadLetter: DEAD_QUEUE }],
            ] as const) {
              if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
            }
          } finally {
            await sql`select pg_advisory_unlock(hashtext('parley.pgboss.start'))`.execute(conn);
          }
        });
      } catch (e) {
        // Its maintenance timer would keep the process alive; the next call tries again.
        await boss.stop({ graceful: false, wait: true, close: false }).catch(() => {});
        this.boss = null;
        throw e;
      }
      return boss;
    })();
    return this.boss;
  }

  async submit(kind: string, params: unknown, chunks: number): Promise<JobView> {
    if (!this.opts.kinds[kind]) throw new Error(`no durable job kind "${kind}"`);
    const boss = await this.ready();
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    const { expireSeconds, retryLimit } = this.opts;
    // The job's row and its chunk jobs together, or neither.
    await this.store.db.transaction().execute(async (trx) => {
      await new JobStore(trx).create({ id, kind, params, chunks, createdAt });
      const rows: PgBoss.JobInsert<ChunkData>[] = Array.from({ length: chunks }, (_, chunk) => ({
        name: CHUNK_QUEUE,
        data: { jobId: id, chunk },
        expireInSeconds: expireSeconds,
        retryLimit,
        retryDelay: 0,
        deadLetter: DEAD_QUEUE,
      }));
      await boss.insert(rows, { db: bossDb(trx, true) });
    });
    this.log({ event: 'submitted', job: id, kind, chunks });
    return storedView((await this.jobStore.get(id))!);
  }

  /** Start pg-boss and, when this process runs jobs, its chunk loops. Nothing to re-queue: chunk jobs live in the database. */
  async resume(): Promise<string[]> {
    await this.ready();
    if (!this.opts.execute || this.loops.length > 0 || this.stopping) return [];
    const n = Math.max(1, Math.floor(this.opts.concurrency));
    if (n > 1) this.threads = Array.from({ length: n }, () => new ChunkThread());
    for (let i = 0; i < n; i++) {
      // A thread that died (out of memory, say) is replaced before the loop's next chunk.
      const compute: ChunkCompute = (plan, from, to) => {
        if (this.threads[i].isDead) this.threads[i] = new ChunkThread();
        return this.threads[i].run(plan, from, to);
      };
      this.loops.push(this.loop(i, n > 1 ? compute : undefined));
    }
    this.log({ event: 'worker-started', concurrency: n });
    return [];
  }

  async find(id: string): Promise<JobView | undefined> {
    const mine = this.local.get(id);
    if (mine) return mine;
    const stored = await this.jobStore.get(id);
    return stored && storedView(stored);
  }

  async stop(id: string): Promise<JobView | undefined> {
    if (this.local.get(id)) return this.local.cancel(id);
    if (await this.jobStore.finish(id, 'cancelled', new Date().toISOString())) {
      await this.jobStore.dropChunks(id);
      this.log({ event: 'cancelled', job: id });
    }
    const stored = await this.jobStore.get(id);
    return stored && storedView(stored);
  }

  start(kind: string, work: JobWork): JobView {
    return this.local.start(kind, work);
  }

  get(id: string): JobView | undefined {
    return this.local.get(id);
  }

  cancel(id: string): JobView | undefined {
    return this.local.cancel(id);
  }

  /** Finish the chunks being computed (each is stored and completed), stop fetching, stop pg-boss. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const w of this.wake.splice(0)) w();
    await Promise.all(this.loops);
    await Promise.all(this.threads.map((t) => t.terminate()));
    await this.local.shutdown();
    if (this.boss) {
      const boss = await this.boss.catch(() => null);
      await boss?.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
    }
    if (this.loops.length > 0) this.log({ event: 'worker-stopped' });
  }

  private sleep(seconds: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.wake = this.wake.filter((w) => w !== done);
        resolve();
      };
      const t = setTimeout(done, seconds * 1000);
      this.wake.push(done);
    });
  }

  /** One chunk at a time until shutdown: fetch, compute, store, complete; loop 0 also drains the dead letters. */
  private async loop(index: number, compute?: ChunkCompute): Promise<void> {
    const boss = await this.ready();
    while (!this.stopping) {
      let worked = false;
      try {
        const [job] = await boss.fetch<ChunkData>(CHUNK_QUEUE, { batchSize: 1 });
        if (job) {
          worked = true;
          await this.runChunk(boss, job, compute);
        } else if (index === 0) {
          const [dead] = await boss.fetch<ChunkData>(DEAD_QUEUE, { batchSize: 1 });
          if (dead) {
            worked = true;
            await this.deadLetter(dead.data);
            await boss.complete(DEAD_QUEUE, dead.id);
          }
        }
      } catch (e) {
        // The database went away for a moment, say: pg-boss expires what was fetched, and the loop tries again.
        this.log({ event: 'queue-error', error: messageOf(e) });
      }
      if (!worked && !this.stopping) await this.sleep(this.opts.pollSeconds);
    }
  }

  private async runChunk(boss: PgBoss, job: PgBoss.Job<ChunkData>, compute?: ChunkCompute): Promise<void> {
    const { jobId, chunk } = job.data;
    const started = performance.now();
    try {
      const outcome = await this.handle(jobId, chunk, compute);
      await boss.complete(CHUNK_QUEUE, job.id);
      this.log({ event: outcome, job: jobId, chunk, ms: Math.round(performance.now() - started) });
    } catch (e) {
      if (isUserError(e)) {
        // Computing it again would fail again (too large a result, say): the job fails now.
        await this.failJob(jobId, e);
        await boss.complete(CHUNK_QUEUE, job.id);
      } else {
        this.log({ event: 'chunk-error', job: jobId, chunk, error: messageOf(e) });
        await boss.fail(CHUNK_QUEUE, job.id, { message: messageOf(e) });
      }
    }
  }

  /** Chunk `chunk` of job `jobId`: computed and stored (unless it already is), then combined if it was the last. */
  async handle(jobId: string, chunk: number, compute?: ChunkCompute): Promise<'chunk' | 'combined' | 'skipped'> {
    const job = await this.jobStore.get(jobId);
    if (!job || !isActive(job.status)) {
      // Cancelled or finished: nothing to compute (and a chunk stored after the cancel is dropped).
      if (job) await this.jobStore.dropChunks(jobId);
      return 'skipped';
    }
    const kind = this.opts.kinds[job.kind];
    if (!kind) {
      await this.jobStore.finish(jobId, 'failed', new Date().toISOString(), { error: `unknown job kind "${job.kind}"` });
      return 'skipped';
    }
    if (job.status === 'queued') await this.jobStore.markRunning(jobId, new Date().toISOString());
    const prepared = await this.prepare(job, kind);
    if (!(await this.jobStore.hasChunk(jobId, chunk))) {
      const bytes = await kind.run(prepared, chunk, compute);
      await this.jobStore.saveChunk(jobId, chunk, bytes);
    }
    const stored = await this.jobStore.countChunks(jobId);
    await this.jobStore.setProgress(jobId, stored / job.chunks);
    if (stored < job.chunks) return 'chunk';
    const won = await this.jobStore.finishOnce(jobId, async () => kind.combine(job, prepared, await this.jobStore.chunks(jobId)));
    this.prepared.delete(jobId);
    if (!won) return 'chunk';
    await this.jobStore.dropChunks(jobId);
    this.log({ event: 'done', job: jobId });
    return 'combined';
  }

  private prepare(job: StoredJob, kind: ChunkedKind<any>): Promise<unknown> {
    let p = this.prepared.get(job.id);
    if (!p) {
      p = kind.prepare({ id: job.id, params: job.params });
      p.catch(() => this.prepared.delete(job.id));
      this.prepared.set(job.id, p);
      // A few jobs at a time are being worked on; older entries are dropped.
      while (this.prepared.size > 8) this.prepared.delete(this.prepared.keys().next().value!);
    }
    return p;
  }

  private async failJob(jobId: string, error: unknown): Promise<void> {
    const message = messageOf(error);
    if (await this.jobStore.finish(jobId, 'failed', new Date().toISOString(), { error: message })) {
      await this.jobStore.dropChunks(jobId);
      this.log({ event: 'failed', job: jobId, error: message });
      const stored = await this.jobStore.get(jobId);
      if (stored) this.opts.onFailure?.(storedView(stored), error);
    }
  }

  /** A chunk that failed every attempt (its workers died, or it kept throwing): the job fails. */
  private async deadLetter(data: ChunkData): Promise<void> {
    await this.failJob(data.jobId, new Error(`chunk ${data.chunk} failed ${this.opts.retryLimit + 1} times (its workers stopped, or it took longer than ${this.opts.expireSeconds} s, or it threw)`));
  }
}
