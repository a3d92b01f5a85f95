/**
 * The scenario comparison (src/analysis/scenarios.ts) split into independent chunks, for durable
 * jobs and workers (docs/jobs.md).
 *
 * The forecasts it needs — the baseline's, then each chosen scenario's — are dealt into runs of S
 * consecutive forecasts (S from the case's size, src/analysis/chunking.ts: one a chunk on a large
 * case, all of them together on a small one). A forecast depends only on the case, the options and
 * the scenario, so the merge, which assembles the comparison with the same code as
 * `compareScenarios`, gives bit for bit its result.
 */
import type { Case } from '../case/schema.ts';
import { applyScenario } from '../case/view.ts';
import { caseView, resolveModels } from './forecast.ts';
import { decodeChunk, encodeChunk, forecastUnits, itemsPerChunk, orderedPartials } from './chunking.ts';
import { scenarioComparison, scenarioIds, scenarioOutcome, type ScenarioComparison, type ScenarioOptions, type ScenarioOutcome } from './scenarios.ts';

/** A chunk's partial result, JSON-safe (src/analysis/chunking.ts encodeChunk). */
export interface ScenariosPartial {
  chunk: number;
  of: number;
  /** The chunk's forecasts, in order (forecast 0 is the baseline's, forecast j scenario j − 1's): per model [model, forecast per issue]. */
  outcomes: unknown;
}

interface Split {
  /** The forecasts in order: null the baseline, then the scenario ids. */
  items: Array<string | null>;
  size: number;
  chunks: number;
}

function split(c: Case, opts: ScenarioOptions, size?: number): Split {
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 1)) throw new RangeError(`scenarios: forecasts per chunk must be a positive integer, got ${size}`);
  const ids = scenarioIds(c, opts);
  const view = caseView(c, { asOf: opts.asOf });
  // An unknown model, then an unknown scenario: the errors compareScenarios gives, before any chunk runs.
  const models = resolveModels(opts.models);
  for (const id of ids) if (!view.scenarios.some((s) => s.id === id)) applyScenario(view, id);
  const items = [null, ...ids];
  const per = size ?? itemsPerChunk(forecastUnits(view.actors.length, view.issues.length, models));
  return { items, size: per, chunks: Math.ceil(items.length / per) };
}

/**
 * How many chunks the comparison of `c` with `opts` has (at least 1: the baseline); throws what
 * `compareScenarios` throws for an unknown scenario or model. `size` (forecasts per chunk; default
 * from the case's size) must be the same for the chunks and the merge.
 */
export function scenariosChunks(c: Case, opts: ScenarioOptions = {}, size?: number): number {
  return split(c, opts, size).chunks;
}

/** Chunk i's partial result. */
export function scenariosChunk(c: Case, opts: ScenarioOptions, i: number, size?: number): ScenariosPartial {
  const s = split(c, opts, size);
  if (!Number.isInteger(i) || i < 0 || i >= s.chunks) throw new RangeError(`scenarios: chunk ${i} is not one of 0..${s.chunks - 1}`);
  const outcomes = s.items.slice(i * s.size, (i + 1) * s.size).map((id) => scenarioOutcome(c, opts, id));
  return encodeChunk({ chunk: i, of: s.chunks, outcomes }) as ScenariosPartial;
}

/** The partials of every chunk (any order) merged: exactly `compareScenarios(c, opts)`. */
export function mergeScenarios(c: Case, opts: ScenarioOptions, partials: readonly ScenariosPartial[], size?: number): ScenarioComparison {
  const s = split(c, opts, size);
  const outcomes = orderedPartials('scenarios', s.chunks, partials).flatMap((p, i) => {
    const list = decodeChunk<ScenarioOutcome[]>(p.outcomes);
    const expected = Math.min(s.size, s.items.length - i * s.size);
    if (!Array.isArray(list) || list.length !== expected) throw new RangeError(`scenarios: chunk ${i} has ${Array.isArray(list) ? list.length : 'no'} forecasts, expected ${expected}`);
    return list;
  });
  return scenarioComparison(c, opts, outcomes[0], outcomes.slice(1));
}
