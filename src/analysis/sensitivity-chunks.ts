/**
 * One-at-a-time sensitivity (src/analysis/sensitivity.ts) split into independent chunks, for
 * durable jobs and workers (docs/jobs.md).
 *
 * The swung estimates, in the report's order, are dealt into runs of S consecutive estimates
 * (S from the case's size, src/analysis/chunking.ts): chunk i swings estimates i·S … (i+1)·S − 1 and
 * chunk 0 also runs the baseline. Each chunk builds the same ModelInput from the case that
 * `sensitivity` builds, and each swing starts from the point values (a swing puts its estimate back),
 * so a swing's forecasts are the same whichever process computes them, in whatever order. The merge
 * builds the report from them with the same code as `sensitivity`: bit for bit its result.
 */
import type { Case } from '../case/schema.ts';
import type { ForecastOptions } from './forecast.ts';
import { decodeChunk, encodeChunk, forecastUnits, itemsPerChunk, orderedPartials } from './chunking.ts';
import { sensitivityEntry, sensitivityReport, sensitivitySetup, swingOutcomes, swungEstimates, type SensitivityReport, type SensitivitySetup } from './sensitivity.ts';

/** A chunk's partial result, JSON-safe (src/analysis/chunking.ts encodeChunk). */
export interface SensitivityPartial {
  chunk: number;
  of: number;
  /** Chunk 0 only: [model, forecast per issue] of the baseline, in the models' order. */
  baseline?: unknown;
  /** Per swung estimate of the chunk: [outcomes at low, outcomes at high], each per model the forecast per issue, or null (the baseline's). */
  swings: unknown;
}

interface Split {
  setup: SensitivitySetup;
  swung: number[];
  fixed: number;
  size: number;
  chunks: number;
}

function split(c: Case, opts: ForecastOptions, size?: number): Split {
  const setup = sensitivitySetup(c, opts);
  const { swung, fixed } = swungEstimates(setup.plan);
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 1)) throw new RangeError(`sensitivity: estimates per chunk must be a positive integer, got ${size}`);
  // Two forecasts per swung estimate.
  const per = size ?? itemsPerChunk(2 * forecastUnits(setup.view.actors.length, setup.view.issues.length, setup.models));
  return { setup, swung, fixed, size: per, chunks: Math.max(1, Math.ceil(swung.length / per)) };
}

/**
 * How many chunks the sensitivity analysis of `c` with `opts` has (at least 1); throws what
 * `sensitivity` throws for bad options. `size` (estimates per chunk; default from the case's size)
 * must be the same for the chunks and the merge.
 */
export function sensitivityChunks(c: Case, opts: ForecastOptions = {}, size?: number): number {
  return split(c, opts, size).chunks;
}

/** The number of estimates swung per chunk (all chunks but the last). */
export function sensitivityChunkSize(c: Case, opts: ForecastOptions = {}): number {
  return split(c, opts).size;
}

/** Chunk i's partial result. */
export function sensitivityChunk(c: Case, opts: ForecastOptions, i: number, size?: number): SensitivityPartial {
  const s = split(c, opts, size);
  if (!Number.isInteger(i) || i < 0 || i >= s.chunks) throw new RangeError(`sensitivity: chunk ${i} is not one of 0..${s.chunks - 1}`);
  const baseline = i === 0 ? s.setup.run().map((r) => [r.model, r.outcome]) : undefined;
  const swings = s.swung.slice(i * s.size, (i + 1) * s.size).map((e) => swingOutcomes(s.setup, e));
  return encodeChunk({ chunk: i, of: s.chunks, baseline, swings }) as SensitivityPartial;
}

/** The partials of every chunk (any order) merged: exactly `sensitivity(c, opts)`. */
export function mergeSensitivity(c: Case, opts: ForecastOptions, partials: readonly SensitivityPartial[], size?: number): SensitivityReport {
  const s = split(c, opts, size);
  const ordered = orderedPartials('sensitivity', s.chunks, partials);
  const baseline = decodeChunk<Array<[string, number[]]>>(ordered[0].baseline);
  if (!Array.isArray(baseline) || baseline.length !== s.setup.models.length) throw new RangeError(`sensitivity: chunk 0 has no baseline of the ${s.setup.models.length} models`);
  const baseOutcomes = baseline.map(([, outcome]) => outcome);
  const swings = ordered.flatMap((p, i) => {
    const list = decodeChunk<Array<[number[][] | null, number[][] | null]>>(p.swings);
    const expected = Math.min(s.size, s.swung.length - i * s.size);
    if (!Array.isArray(list) || list.length !== Math.max(0, expected)) throw new RangeError(`sensitivity: chunk ${i} has ${Array.isArray(list) ? list.length : 'no'} swings, expected ${expected}`);
    return list;
  });
  const entries = s.swung.map((e, n) => sensitivityEntry(s.setup, e, swings[n][0] ?? baseOutcomes, swings[n][1] ?? baseOutcomes));
  return sensitivityReport(c, opts, s.setup, Object.fromEntries(baseline), entries, s.fixed);
}
