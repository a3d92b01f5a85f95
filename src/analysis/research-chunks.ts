/**
 * "Research next" (src/analysis/research.ts) split into chunks: it ranks the one-at-a-time
 * sensitivity report, so its chunks are sensitivity's (src/analysis/sensitivity-chunks.ts) and the
 * merge ranks the merged report with the same code as `research`: bit for bit its result.
 */
import type { Case } from '../case/schema.ts';
import type { ForecastOptions } from './forecast.ts';
import { researchFromSensitivity, type ResearchReport } from './research.ts';
import { mergeSensitivity, sensitivityChunk, sensitivityChunks, type SensitivityPartial } from './sensitivity-chunks.ts';

export type ResearchPartial = SensitivityPartial;

/** How many chunks `research(c, opts)` has: those of its sensitivity analysis. */
export function researchChunks(c: Case, opts: ForecastOptions = {}, size?: number): number {
  return sensitivityChunks(c, opts, size);
}

/** Chunk i's partial result: sensitivity's chunk i. */
export function researchChunk(c: Case, opts: ForecastOptions, i: number, size?: number): ResearchPartial {
  return sensitivityChunk(c, opts, i, size);
}

/** The partials of every chunk (any order) merged and ranked: exactly `research(c, opts)`. */
export function mergeResearch(c: Case, opts: ForecastOptions, partials: readonly ResearchPartial[], size?: number): ResearchReport {
  return researchFromSensitivity(c, opts, mergeSensitivity(c, opts, partials, size));
}
