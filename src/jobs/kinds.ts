/**
 * Every durable job kind, in one table used by the server and by `parley worker` (docs/jobs.md), so
 * that any process on the database runs any kind:
 *
 * - `simulate`: Monte Carlo runs in chunks of 250 (src/server/durable-simulate.ts), recorded as a run.
 * - `sensitivity`, `research`, `scenarios`, `timeline`: the analyses split into chunks by
 *   src/analysis/analysis-chunks.ts; a chunk's bytes are its partial result as JSON (already JSON-safe:
 *   NaN, ±Infinity, −0 and the draws tagged by the split), and the result is the synchronous route's JSON for the same revision and options,
 *   stored as a run of the kind (src/jobs/analysis-runs.ts), with its `runId`.
 * - `backtest`: stored cases with known outcomes scored (src/analysis/backtest-chunks.ts: runs of cases
 *   per chunk; the fold fits and bootstrap when the chunks are combined). Not a run (a run is of one
 *   case revision): its result stays in the job row.
 * - `packages`, `power`, `levers`: the deal searches (src/deal/), one chunk each (its bytes: the
 *   whole answer as JSON), the result the synchronous route's JSON, stored as a run the same way.
 *
 * One definition per kind: a `ChunkedKind`. PgBossQueue hands its chunks to any worker; on SQLite
 * `localWork` runs them in order in the server, storing each, resuming from the stored ones.
 */
import type { Case } from '../case/schema.ts';
import { backtestSplit, caseAnalysisSplits, type CaseAnalysisKind } from '../analysis/analysis-chunks.ts';
import type { BacktestOptions } from '../analysis/backtest.ts';
import { SimulationCancelled } from '../analysis/index.ts';
import type { Store } from '../store/index.ts';
import type { JobStore } from '../store/jobs.ts';
import { jsonSafe } from '../server/routes/common.ts';
import type { DurableWork } from '../server/jobs.ts';
import type { ChunkedKind } from './queue.ts';
import { leversAnswer, packagesAnswer, powerAnswer } from '../server/routes/deal.ts';
import { MAX_RUN_BYTES } from '../server/runs.ts';
import { ApiError } from '../server/errors.ts';
import { recordAnalysisRun } from './analysis-runs.ts';
import { offloadPool } from '../server/offload.ts';
import { ChunkThread } from './threads.ts';

/** A job's result as stored: refused (the job fails with the reason) when larger than a run may be. */
export function bounded<T>(kind: string, result: T): T {
  const bytes = Buffer.byteLength(JSON.stringify(result));
  if (bytes > MAX_RUN_BYTES) throw new ApiError(413, `the ${kind} result would be ${(bytes / 2 ** 20).toFixed(1)} MB, more than the ${MAX_RUN_BYTES / 2 ** 20} MB a job's result may be: ask for fewer models, dates or scenarios`, 'options');
  return result;
}

/** The deal searches as one-chunk jobs: each the synchronous route's answer. */
const DEAL: Record<'packages' | 'power' | 'levers', (cs: Case, options: any) => Promise<unknown>> = { packages: packagesAnswer, power: powerAnswer, levers: leversAnswer };
export type DealKind = keyof typeof DEAL;
export const DEAL_KINDS = Object.keys(DEAL) as DealKind[];

/** A deal search as a job kind of one chunk. */
export function dealKind(store: Store, kind: DealKind): ChunkedKind<{ cs: Case; options: Record<string, unknown> }> {
  return {
    async prepare({ params }) {
      const p = params as AnalysisJobParams;
      return { cs: (await store.getCase(p.caseId, { revision: p.revision })).case, options: p.options };
    },
    run: async ({ cs, options }) => Buffer.from(JSON.stringify(await DEAL[kind](cs, options))),
    // Stored as a run of this kind, once per job (src/jobs/analysis-runs.ts); the result with its runId.
    combine: async (job, { cs }, chunks) => recordAnalysisRun(store, kind, job.params as AnalysisJobParams, cs, bounded(kind, parseChunk(chunks.get(0)!)), job.id),
  };
}

/** A stored chunk's partial result (the splits' partials are JSON-safe as they are). */
const parseChunk = (bytes: Uint8Array): any => JSON.parse(Buffer.from(bytes).toString('utf8'));

/** The analysis job kinds (besides `simulate`). */
export const ANALYSIS_KINDS = Object.keys(caseAnalysisSplits) as CaseAnalysisKind[];

/** What an analysis job stores: the case revision it analyses and the analysis options (as its function takes them). */
export interface AnalysisJobParams {
  caseId: string;
  revision: number;
  options: Record<string, unknown>;
}

interface PreparedAnalysis {
  cs: Case;
  options: Record<string, unknown>;
  chunks: number;
}

// The splits take each analysis's own options type; the job's options were validated by the route.
type AnySplit = {
  chunks(c: Case, o: unknown): number;
  chunk(c: Case, o: unknown, i: number): unknown;
  merge(c: Case, o: unknown, partials: readonly unknown[]): unknown;
};
const splitOf = (kind: CaseAnalysisKind) => caseAnalysisSplits[kind] as unknown as AnySplit;

/** How many chunks an analysis of this case with these options has (throws the analysis's own error for bad options). */
export const analysisChunks = (kind: CaseAnalysisKind | DealKind, cs: Case, options: Record<string, unknown>): number => (kind in DEAL ? 1 : splitOf(kind as CaseAnalysisKind).chunks(cs, options));

/** The whole analysis in this process, chunk by chunk (progress and cancel between chunks): an in-memory job's work. */
export async function runAnalysis(kind: CaseAnalysisKind | DealKind, cs: Case, options: Record<string, unknown>, ctx: { signal: AbortSignal; progress(share: number): void }): Promise<unknown> {
  if (kind in DEAL) return DEAL[kind as DealKind](cs, options);
  const split = splitOf(kind as CaseAnalysisKind);
  const n = split.chunks(cs, options);
  const partials: unknown[] = [];
  for (let i = 0; i < n; i++) {
    if (ctx.signal.aborted) throw new SimulationCancelled();
    partials.push(split.chunk(cs, options, i));
    ctx.progress((i + 1) / n);
    await new Promise<void>((r) => setImmediate(r));
  }
  return jsonSafe(split.merge(cs, options, partials));
}

/** An analysis as a chunked job kind. */
export function analysisKind(store: Store, kind: CaseAnalysisKind): ChunkedKind<PreparedAnalysis> {
  const split = splitOf(kind);
  return {
    async prepare({ params }) {
      const p = params as AnalysisJobParams;
      const { case: cs } = await store.getCase(p.caseId, { revision: p.revision });
      return { cs, options: p.options, chunks: split.chunks(cs, p.options) };
    },
    // On a thread of the request pool: the server answers (polls, reads) while a chunk is computed.
    run: async ({ cs, options }, chunk) => Buffer.from(await offloadPool().run('analysisChunk', kind, cs, options, chunk)),
    combine: async (job, { cs, options }, chunks) => {
      const partials = [...chunks.values()].map(parseChunk);
      return recordAnalysisRun(store, kind, job.params as AnalysisJobParams, cs, bounded(kind, jsonSafe(split.merge(cs, options, partials))), job.id);
    },
  };
}

/** What a backtest job stores: the cases (each at the revision it had when the job was started) and the backtest's options. */
export interface BacktestJobParams {
  cases: Array<{ id: string; revision: number }>;
  calibration?: Array<{ id: string; revision: number }>;
  options: { models?: string[]; folds?: number; seed?: number; bootstrap?: number; draws?: number };
}

/** The backtest's options with its calibration cases. */
export const backtestOptions = (p: BacktestJobParams['options'], calibration?: readonly Case[]): BacktestOptions => ({ ...p, ...(calibration ? { calibration } : {}) });

/** A backtest of stored cases as a chunked job kind. */
export function backtestKind(store: Store): ChunkedKind<{ cases: Case[]; options: BacktestOptions }> {
  const load = (refs: BacktestJobParams['cases']) => Promise.all(refs.map(async (r) => (await store.getCase(r.id, { revision: r.revision })).case));
  return {
    async prepare({ params }) {
      const p = params as BacktestJobParams;
      return { cases: await load(p.cases), options: backtestOptions(p.options, p.calibration ? await load(p.calibration) : undefined) };
    },
    run: async ({ cases, options }, chunk) => Buffer.from(await offloadPool().run('analysisChunk', 'backtest', cases, options, chunk)),
    combine: async (_job, { cases, options }, chunks) => {
      const partials = [...chunks.values()].map(parseChunk);
      return bounded('backtest', jsonSafe(backtestSplit.merge(cases, options, partials)));
    },
  };
}

/** The analysis kinds by name. */
export const analysisKinds = (store: Store): Record<string, ChunkedKind<any>> => ({
  ...Object.fromEntries(ANALYSIS_KINDS.map((k) => [k, analysisKind(store, k)])),
  ...Object.fromEntries(DEAL_KINDS.map((k) => [k, dealKind(store, k)])),
  backtest: backtestKind(store),
});

/**
 * A chunked kind run by this process (SQLite's LocalQueue): the chunks not yet stored, in order, each
 * stored when done, yielding between chunks (requests are served, a cancel can arrive); then the
 * chunks combined into the result and dropped.
 */
export function localWork(jobs: JobStore, kind: ChunkedKind<any>, opts: { thread?: boolean } = {}): DurableWork {
  return async (job, ctx) => {
    const prepared = await kind.prepare(job);
    const total = (await jobs.get(job.id))?.chunks ?? 1;
    const done = await jobs.chunks(job.id);
    ctx.progress(done.size / total);
    // With `thread` (simulate), the job's chunks are computed on a thread of its own, started at its first chunk.
    let thread: ChunkThread | undefined;
    try {
      for (let c = 0; c < total; c++) {
        if (done.has(c)) continue;
        if (ctx.signal.aborted) throw new SimulationCancelled();
        if (opts.thread) thread ??= new ChunkThread();
        const t = thread;
        const bytes = await kind.run(prepared, c, t ? (plan, from, to) => t.run(plan, from, to) : undefined);
        await jobs.saveChunk(job.id, c, bytes);
        done.set(c, Buffer.from(bytes));
        ctx.progress(done.size / total);
        await new Promise<void>((r) => setImmediate(r));
      }
    } finally {
      await thread?.terminate();
    }
    if (ctx.signal.aborted) throw new SimulationCancelled();
    const result = await kind.combine(job, prepared, done);
    await jobs.dropChunks(job.id);
    return result;
  };
}
