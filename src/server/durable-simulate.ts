/**
 * The durable Monte Carlo job (docs/jobs.md): a simulation as chunks of runs, each chunk stored in
 * the database when done, so that a job interrupted by a restart (or SIGKILL) continues under the
 * same id from its last stored chunk. Every run has its own random stream, so the chunks put back
 * together give, bit for bit, the result of an uninterrupted `simulate` (src/analysis/montecarlo-chunks.ts);
 * the result is recorded as a run exactly as `recordRun` records today's in-memory job.
 *
 * On SQLite the server computes the chunks itself, in order, on a thread of the job's own (`localWork`, LocalQueue); on PostgreSQL
 * each chunk is a pg-boss job that any worker may take (`simulateChunked`, PgBossQueue).
 */
import { runOfJob } from '../jobs/analysis-runs.ts';
import { chunkRange, combineChunks, planChunks, runChunk, DEFAULT_CHUNK_RUNS, type ChunkedSimulation } from '../analysis/montecarlo-chunks.ts';
import type { Case } from '../case/schema.ts';
import { caseView } from '../analysis/index.ts';
import type { Store } from '../store/index.ts';
import { JobStore } from '../store/jobs.ts';
import { jsonSafe } from './routes/common.ts';
import { ApiError } from './errors.ts';
import { caseViewHash, MAX_RUN_BYTES } from './runs.ts';
import { ENGINE_VERSION } from './version.ts';
import { LocalQueue, type JobManager, type JobView } from './jobs.ts';
import { PgBossQueue } from '../jobs/pgboss.ts';
import type { ChunkedKind } from '../jobs/queue.ts';
import { analysisKinds, localWork } from '../jobs/kinds.ts';
import { FEED_POLL_KIND, feedPollKind, type FeedPollOptions } from './feeds.ts';

/** Every durable job kind (src/jobs/kinds.ts, and the feed polls of src/server/feeds.ts): the server and `parley worker` run the same table. */
export const jobKinds = (store: Store, feeds: FeedPollOptions = {}): Record<string, ChunkedKind<any>> => ({ simulate: simulateChunked(store), ...analysisKinds(store), [FEED_POLL_KIND]: feedPollKind(store, feeds) });

/** What a simulate job stores: the case revision, the models asked for and every other option (as the run's params). */
export interface SimulateJobParams {
  caseId: string;
  revision: number;
  models?: string[];
  params: Record<string, unknown>;
  chunkRuns?: number;
}

/** The number of chunks a simulation of `runs` runs is split into. */
export const simulateChunks = (runs: number, chunkRuns = DEFAULT_CHUNK_RUNS): number => Math.ceil(runs / chunkRuns);

/** What every chunk of a simulate job needs: its parameters, the case at the job's revision, the plan. */
export interface PreparedSimulation {
  p: SimulateJobParams;
  cs: Case;
  sim: ChunkedSimulation;
}

async function prepareSimulation(store: Store, params: unknown): Promise<PreparedSimulation> {
  const p = params as SimulateJobParams;
  const { case: cs } = await store.getCase(p.caseId, { revision: p.revision });
  const options = { ...p.params, ...(p.models ? { models: p.models } : {}) };
  return { p, cs, sim: planChunks(cs, options, p.chunkRuns ?? DEFAULT_CHUNK_RUNS) };
}

/**
 * The chunks put back together, summarised and recorded as a run, as `recordRun` records an in-memory
 * job; the result with the run id. Once per job: the run's params carry `jobId`, and a job combined
 * again (resumed after a crash before it was marked done) answers with the run already recorded.
 */
async function recordSimulation(store: Store, jobId: string, { p, cs, sim }: PreparedSimulation, chunks: ReadonlyMap<number, Uint8Array>): Promise<unknown> {
  const asOf = (p.params.asOf as string | undefined) ?? null;
  const scenario = (p.params.scenario as string | undefined) ?? null;
  const result = jsonSafe(combineChunks(sim, chunks, { asOf, scenario, caseRef: { id: cs.id, title: cs.title } }));
  const results = [result];
  const bytes = Buffer.byteLength(JSON.stringify(results));
  if (bytes > MAX_RUN_BYTES) throw new ApiError(413, `the simulate would be ${(bytes / 2 ** 20).toFixed(1)} MB, more than the ${MAX_RUN_BYTES / 2 ** 20} MB a run may be: ask for fewer rounds or models`, 'rounds');
  const view = caseView(cs, { ...(asOf ? { asOf } : {}), ...(scenario ? { scenario } : {}) });
  const runId = (await runOfJob(store, 'simulate', p.caseId, jobId)) ?? (await store.recordRun({
    kind: 'simulate',
    caseId: p.caseId,
    caseRevision: p.revision,
    models: result.models,
    params: { ...p.params, jobId },
    seed: typeof p.params.seed === 'number' ? p.params.seed : null,
    inputHash: caseViewHash(view),
    engineVersion: ENGINE_VERSION,
    results,
  }));
  return { ...(result as object), runId };
}

/** The simulate job on PostgreSQL (PgBossQueue): any worker computes any chunk; the last one's worker records the run. */
export function simulateChunked(store: Store): ChunkedKind<PreparedSimulation> {
  return {
    prepare: ({ params }) => prepareSimulation(store, params),
    async run({ sim }, chunk, compute) {
      if (!compute) return runChunk(sim, chunk);
      const [from, to] = chunkRange(sim, chunk);
      // The same bytes as runChunk: per model its outcomes, in run order.
      return Buffer.concat((await compute(sim.plan, from, to)).map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
    },
    combine: (job, prepared, chunks) => recordSimulation(store, job.id, prepared, chunks),
  };
}

/** How the PostgreSQL queue of a server or worker is tuned (docs/jobs.md); the defaults suit a team server. */
export interface QueueTuning {
  concurrency?: number;
  expireSeconds?: number;
  maintenanceSeconds?: number;
  log?: (event: Record<string, unknown>) => void;
  /** How the feed-poll jobs fetch (the URL guard's options) and log. */
  feeds?: FeedPollOptions;
}

/** Seconds from an environment variable (PARLEY_CHUNK_EXPIRE_SECONDS, PARLEY_QUEUE_MAINTENANCE_SECONDS), when it is a whole number of at least 1. */
export function envSeconds(name: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new RangeError(`${name} must be a whole number of seconds, at least 1, got "${v}"`);
  return Number(v);
}

/**
 * The server's (or a worker's) job queue: on SQLite the local queue over the store's database
 * (queued and interrupted jobs resumed by `resume()`), on PostgreSQL pg-boss. `execute` false: store
 * and queue jobs but run none (`parley serve --no-worker`).
 */
export function durableJobManager(store: Store, onFailure?: (job: JobView, error: unknown) => void, execute = true, tuning: QueueTuning = {}): JobManager {
  if (store.kind === 'postgres') {
    const expireSeconds = tuning.expireSeconds ?? envSeconds('PARLEY_CHUNK_EXPIRE_SECONDS');
    const maintenanceSeconds = tuning.maintenanceSeconds ?? envSeconds('PARLEY_QUEUE_MAINTENANCE_SECONDS');
    return new PgBossQueue(store, {
      kinds: jobKinds(store, tuning.feeds),
      execute,
      ...(onFailure ? { onFailure } : {}),
      ...(tuning.log ? { log: tuning.log } : {}),
      ...(tuning.concurrency ? { concurrency: tuning.concurrency } : {}),
      ...(expireSeconds ? { expireSeconds } : {}),
      ...(maintenanceSeconds ? { maintenanceSeconds } : {}),
    });
  }
  const jobStore = new JobStore(store.db);
  // On SQLite this process computes the chunks in order, storing each, and resumes from the stored ones; a
  // simulate's chunks on a thread of their own, the analyses' on the request pool's (so the server answers meanwhile).
  const kinds = Object.fromEntries(Object.entries(jobKinds(store, tuning.feeds)).map(([name, kind]) => [name, localWork(jobStore, kind, { thread: name === 'simulate' })]));
  return new LocalQueue(200, onFailure, { store: jobStore, kinds, execute });
}
