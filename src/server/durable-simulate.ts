/**
 * The durable Monte Carlo job (docs/jobs.md): a simulation as chunks of runs, each chunk stored in
 * the database when done, so that a job interrupted by a restart (or SIGKILL) continues under the
 * same id from its last stored chunk. Every run has its own random stream, so the chunks put back
 * together give, bit for bit, the result of an uninterrupted `simulate` (src/analysis/montecarlo-chunks.ts);
 * the result is recorded as a run exactly as `recordRun` records today's in-memory job.
 */
import { combineChunks, planChunks, runChunk, DEFAULT_CHUNK_RUNS } from '../analysis/montecarlo-chunks.ts';
import { caseView, SimulationCancelled } from '../analysis/index.ts';
import type { Store } from '../store/index.ts';
import { JobStore } from '../store/jobs.ts';
import { jsonSafe } from './routes/common.ts';
import { ApiError } from './errors.ts';
import { caseViewHash, MAX_RUN_BYTES } from './runs.ts';
import { ENGINE_VERSION } from './version.ts';
import { JobManager, type DurableWork, type JobView } from './jobs.ts';

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

export function simulateJob(store: Store, jobs: JobStore): DurableWork {
  return async ({ id, params }, ctx) => {
    const p = params as SimulateJobParams;
    const { case: cs } = await store.getCase(p.caseId, { revision: p.revision });
    const options = { ...p.params, ...(p.models ? { models: p.models } : {}) };
    const sim = planChunks(cs, options, p.chunkRuns ?? DEFAULT_CHUNK_RUNS);
    const done = await jobs.chunks(id);
    ctx.progress(done.size / sim.chunks);
    for (let c = 0; c < sim.chunks; c++) {
      if (done.has(c)) continue;
      if (ctx.signal.aborted) throw new SimulationCancelled();
      const bytes = runChunk(sim, c);
      await jobs.saveChunk(id, c, bytes);
      done.set(c, bytes);
      ctx.progress(done.size / sim.chunks);
      // Yield between chunks: requests are served and a cancel can arrive.
      await new Promise<void>((r) => setImmediate(r));
    }
    if (ctx.signal.aborted) throw new SimulationCancelled();
    const asOf = (p.params.asOf as string | undefined) ?? null;
    const scenario = (p.params.scenario as string | undefined) ?? null;
    const result = jsonSafe(combineChunks(sim, done, { asOf, scenario, caseRef: { id: cs.id, title: cs.title } }));
    const results = [result];
    const bytes = Buffer.byteLength(JSON.stringify(results));
    if (bytes > MAX_RUN_BYTES) throw new ApiError(413, `the simulate would be ${(bytes / 2 ** 20).toFixed(1)} MB, more than the ${MAX_RUN_BYTES / 2 ** 20} MB a run may be: ask for fewer rounds or models`, 'rounds');
    const view = caseView(cs, { ...(asOf ? { asOf } : {}), ...(scenario ? { scenario } : {}) });
    const runId = await store.recordRun({
      kind: 'simulate',
      caseId: p.caseId,
      caseRevision: p.revision,
      models: result.models,
      params: p.params,
      seed: typeof p.params.seed === 'number' ? p.params.seed : null,
      inputHash: caseViewHash(view),
      engineVersion: ENGINE_VERSION,
      results,
    });
    await jobs.dropChunks(id);
    return { ...(result as object), runId };
  };
}

/** The server's job manager: jobs stored in the store's database, queued and interrupted ones resumed (`resume()`). */
export function durableJobManager(store: Store, onFailure?: (job: JobView, error: unknown) => void, execute = true): JobManager {
  const jobStore = new JobStore(store.db);
  return new JobManager(200, onFailure, { store: jobStore, kinds: { simulate: simulateJob(store, jobStore) }, execute });
}
