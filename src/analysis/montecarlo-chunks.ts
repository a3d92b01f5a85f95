/**
 * A Monte Carlo simulation split into chunks of runs, for durable jobs and workers (docs/jobs.md).
 *
 * Run r of a simulation draws from its own stream `createRng(seed, r)` (montecarlo-core.ts), so a
 * chunk [from, to) — and with it chunk c of size S, whose runs are c·S … (c+1)·S − 1 — gives the same
 * numbers whichever process computes it, in whatever order, after however many restarts. A chunk's
 * seeds are thus derived from (job seed, chunk index) through the run indices; the chunks put back
 * in run order and summarised are, bit for bit, `simulate`'s result for the same options.
 */
import type { Case } from '../case/schema.ts';
import { inputPlan } from '../case/model-input.ts';
import { caseView, resolveModels } from './forecast.ts';
import { effectiveView, type EffectiveRange } from './reliability.ts';
import { distributionNames } from './distributions.ts';
import { runBatch, type MonteCarloPlan } from './montecarlo-core.ts';
import { summarize, type SimulateOptions, type SimulationResult } from './montecarlo.ts';

/** Runs per chunk unless asked otherwise: as many as one batch of `simulate` (a fraction of a second on the largest models; the event loop is free between chunks). */
export const DEFAULT_CHUNK_RUNS = 250;

export interface ChunkedSimulation {
  view: Case;
  plan: MonteCarloPlan;
  runs: number;
  chunkRuns: number;
  chunks: number;
  /** The estimates widened from their evidence (src/analysis/reliability.ts), reported with the result. */
  effectiveRanges?: EffectiveRange[];
}

/** The plan of a simulation, built exactly as `simulate` builds it, and its chunk count. */
export function planChunks(c: Case, opts: SimulateOptions = {}, chunkRuns = DEFAULT_CHUNK_RUNS): ChunkedSimulation {
  const runs = opts.runs ?? 1000;
  const seed = opts.seed ?? 1;
  const distribution = opts.distribution ?? 'triangular';
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > 10_000_000) throw new RangeError(`runs must be an integer from 1 to 10000000, got ${runs}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  if (!distributionNames.includes(distribution)) throw new RangeError(`unknown distribution "${distribution}" (known: ${distributionNames.join(', ')})`);
  if (!Number.isSafeInteger(chunkRuns) || chunkRuns < 1) throw new RangeError(`chunk runs must be a positive integer, got ${chunkRuns}`);
  // The same effective ranges as simulate() (src/analysis/reliability.ts), so chunks combine bit for bit to it.
  const effective = effectiveView(caseView(c, opts), opts.asOf ?? null);
  const view = effective.view;
  const models = resolveModels(opts.models);
  const { models: _m, asOf: _a, scenario: _s, runs: _r, seed: _seed, distribution: _d, ...params } = opts as SimulateOptions;
  delete (params as Partial<SimulateOptions>).workers;
  delete (params as Partial<SimulateOptions>).onProgress;
  delete (params as Partial<SimulateOptions>).signal;
  const plan: MonteCarloPlan = { input: inputPlan(view), models, seed, distribution, params };
  return { view, plan, runs, chunkRuns, chunks: Math.ceil(runs / chunkRuns), effectiveRanges: effective.ranges };
}

/** The runs [from, to) of chunk `index`. */
export function chunkRange(sim: Pick<ChunkedSimulation, 'runs' | 'chunkRuns' | 'chunks'>, index: number): [number, number] {
  if (!Number.isInteger(index) || index < 0 || index >= sim.chunks) throw new RangeError(`chunk ${index} is not one of 0..${sim.chunks - 1}`);
  return [index * sim.chunkRuns, Math.min(sim.runs, (index + 1) * sim.chunkRuns)];
}

/** Chunk `index`'s outcomes, per model a (runs of the chunk) × M array, as bytes to store. */
export function runChunk(sim: ChunkedSimulation, index: number): Buffer {
  const [from, to] = chunkRange(sim, index);
  const out = runBatch(sim.plan, from, to);
  return Buffer.concat(out.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
}

/** The chunks (bytes of `runChunk`, by chunk index) put back in run order and summarised: `simulate`'s result. */
export function combineChunks(sim: ChunkedSimulation, chunks: ReadonlyMap<number, Uint8Array>, meta: { asOf: string | null; scenario: string | null; caseRef: { id: string; title: string } }): SimulationResult {
  const m = sim.view.issues.length;
  const models = sim.plan.models.length;
  const outcomes = Array.from({ length: models }, () => new Float64Array(sim.runs * m));
  for (let c = 0; c < sim.chunks; c++) {
    const bytes = chunks.get(c);
    if (!bytes) throw new Error(`chunk ${c} of ${sim.chunks} is missing`);
    const [from, to] = chunkRange(sim, c);
    const size = (to - from) * m;
    if (bytes.byteLength !== models * size * 8) throw new Error(`chunk ${c} has ${bytes.byteLength} bytes, expected ${models * size * 8}`);
    const copy = new Float64Array(new Uint8Array(bytes).buffer);
    for (let j = 0; j < models; j++) outcomes[j].set(copy.subarray(j * size, (j + 1) * size), from * m);
  }
  return summarize(sim.view, sim.plan, sim.runs, outcomes, { ...meta, effectiveRanges: sim.effectiveRanges });
}
