/**
 * The job queue the server talks to (docs/jobs.md), one interface for both backends:
 *
 * - `LocalQueue` (src/server/jobs.ts): SQLite. Jobs are rows of the store's database (JobStore); the
 *   server process runs them one at a time, chunk by chunk, and resumes unfinished ones when it starts.
 * - `PgBossQueue` (src/jobs/pgboss.ts): PostgreSQL. A job is a row of the same table plus one pg-boss
 *   job per chunk; any process on the database (`parley worker`, or a server without `--no-worker`)
 *   runs chunks, and whoever stores the last one combines them and records the run.
 *
 * Both also run in-memory jobs (`start`), for a server given a plain queue in tests.
 */
import type { JobView, JobWork } from '../server/jobs.ts';

export type { JobView, JobWork, JobStatus, JobContext } from '../server/jobs.ts';
export { LocalQueue } from '../server/jobs.ts';
export { PgBossQueue, type PgBossQueueOptions } from './pgboss.ts';

export interface JobQueue {
  /** Whether this process runs jobs (false: a server with `--no-worker`; `parley worker` processes run them). */
  readonly runsJobs: boolean;
  /** Whether jobs are kept in the database (survive a restart). */
  readonly isDurable: boolean;
  /** Store a new job of a durable kind and queue it. */
  submit(kind: string, params: unknown, chunks: number): Promise<JobView>;
  /** Start taking work: queue again what an earlier process left unfinished (local), or start the workers (pg-boss). */
  resume(): Promise<string[]>;
  /** A job by id, this process's or a stored one. */
  find(id: string): Promise<JobView | undefined>;
  /** Cancel a job by id (a finished one is left as it is). */
  stop(id: string): Promise<JobView | undefined>;
  /** An in-memory job of this process (not stored). */
  start(kind: string, work: JobWork): JobView;
  get(id: string): JobView | undefined;
  cancel(id: string): JobView | undefined;
  /** Stop this process's work; durable jobs stay queued in the database for the next process. */
  shutdown(): Promise<void>;
}

/**
 * A durable job kind split into chunks that any process may compute, in any order (PostgreSQL):
 * `prepare` builds what the chunks need from the job's stored parameters (cached per job by the
 * worker), `run` computes one chunk's bytes, `combine` turns all of them into the job's result
 * (recording it, e.g. as a run).
 */
export interface ChunkedKind<P = unknown> {
  prepare(job: { id: string; params: unknown }): Promise<P>;
  run(prepared: P, chunk: number, compute?: ChunkCompute): Promise<Uint8Array>;
  combine(job: { id: string; params: unknown }, prepared: P, chunks: ReadonlyMap<number, Uint8Array>): Promise<unknown>;
}

/** Where a chunk's draws are computed: a worker thread's `runBatch` (src/jobs/threads.ts), else this thread. */
export type ChunkCompute = (plan: unknown, from: number, to: number) => Promise<Float64Array[]>;
