/**
 * Stored runs, written in one place: a forecast or a Monte Carlo simulation is computed from a case
 * revision and its options by `computeRun`, which both recording and replay call, so that a replay
 * does exactly what the recorded run did.
 *
 * A run's `inputHash` hashes one of two things, named here apart: a forecast's, the numeric model
 * input the engines ran on (`modelInputHash`); a simulation's, the case view its runs drew their
 * inputs from (`caseViewHash`: every run of a simulation has its own model input; an analysis job's
 * run, src/jobs/analysis-runs.ts, hashes the case view it analysed too). Responses say
 * which in `inputHashOf`.
 */
import type { Case } from '../case/schema.ts';
import type { ModelInput } from '../engines/types.ts';
import { caseView, forecastCase, resolveModels, simulate } from '../analysis/index.ts';
import { forecastToJson } from '../analysis/forecast-json.ts';
import { canonicalJson, inputHash, type RunKind, type RunSummary, type Store } from '../store/index.ts';
import { jsonSafe } from './routes/common.ts';
import { ApiError } from './errors.ts';
import { ENGINE_VERSION } from './version.ts';
import { isAnalysisRunKind, replayAnalysisRun } from '../jobs/analysis-runs.ts';

/** sha256 of the canonical JSON of a forecast's model input. */
export const modelInputHash = (input: ModelInput): string => inputHash(input);
/** sha256 of the canonical JSON of the case view (as of a date, a scenario applied) a simulation sampled from. */
export const caseViewHash = (view: Case): string => inputHash(view);

export type InputHashOf = 'model-input' | 'case-view';
export const inputHashOf = (kind: RunKind): InputHashOf => (kind === 'forecast' ? 'model-input' : 'case-view');

/** What a run is run with: its kind, the model names asked for (none: all) and every other option. */
export interface RunSpec {
  kind: Extract<RunKind, 'forecast' | 'simulate'>;
  models?: string[];
  /** Engine parameters and the case view options (asOf, scenario; a simulation's runs, seed, distribution). */
  params: Record<string, unknown>;
}

export interface ComputedRun {
  models: string[];
  results: unknown[];
  inputHash: string;
}

/** Run a forecast or a simulation of a case; results as plain JSON, exactly as sent and stored. */
export async function computeRun(cs: Case, spec: RunSpec, job?: { signal: AbortSignal; progress: (share: number) => void }): Promise<ComputedRun> {
  const view = { asOf: spec.params.asOf as string | undefined, scenario: spec.params.scenario as string | undefined };
  if (spec.kind === 'simulate') {
    const result = jsonSafe(
      await simulate(cs, {
        ...spec.params,
        ...(spec.models ? { models: spec.models } : {}),
        ...(job ? { signal: job.signal, onProgress: (done: number, total: number) => job.progress(done / total) } : {}),
      }),
    );
    return { models: result.models, results: [result], inputHash: caseViewHash(caseView(cs, dropUndefined(view))) };
  }
  const models = resolveModels(spec.models);
  const { input, results } = forecastCase(cs, { ...spec.params, models });
  return { models, results: jsonSafe(results.map((r) => forecastToJson(input, r))), inputHash: modelInputHash(input) };
}

/**
 * The largest run the API stores and sends (its results as JSON, bytes): the Ukraine case's forecast
 * of every model at the 1000-round bound is about 22 MB; a larger case at that bound is refused (413,
 * asking for fewer rounds) instead of growing the database and the response without end.
 */
export const MAX_RUN_BYTES = 32 * 1024 * 1024;

/** Compute a run of a stored case revision and record it; its id and results. */
export async function recordRun(
  store: Store,
  stored: { caseId: string; revision: number; case: Case },
  spec: RunSpec,
  job?: { signal: AbortSignal; progress: (share: number) => void },
): Promise<{ runId: string; run: ComputedRun }> {
  const run = await computeRun(stored.case, spec, job);
  const bytes = Buffer.byteLength(JSON.stringify(run.results));
  if (bytes > MAX_RUN_BYTES) {
    throw new ApiError(413, `the ${spec.kind} would be ${(bytes / 2 ** 20).toFixed(1)} MB, more than the ${MAX_RUN_BYTES / 2 ** 20} MB a run may be: ask for fewer rounds or models`, 'rounds');
  }
  const runId = await store.recordRun({
    kind: spec.kind,
    caseId: stored.caseId,
    caseRevision: stored.revision,
    models: run.models,
    params: spec.params,
    seed: typeof spec.params.seed === 'number' ? spec.params.seed : null,
    inputHash: run.inputHash,
    engineVersion: ENGINE_VERSION,
    results: run.results,
  });
  return { runId, run };
}

/** Run a stored run again on its case revision: whether the results and the input hash are the same. */
export async function replayRun(store: Store, runId: string) {
  const stored = await store.getRun(runId);
  if (isAnalysisRunKind(stored.kind)) return replayAnalysisRun(store, { ...stored, kind: stored.kind });
  const { case: cs } = await store.getCase(stored.caseId, { revision: stored.caseRevision });
  const again = await computeRun(cs, { kind: stored.kind, models: stored.models, params: stored.params });
  return {
    identical: canonicalJson(again.results) === canonicalJson(stored.results),
    inputHashMatches: again.inputHash === stored.inputHash,
    engineVersion: ENGINE_VERSION,
    results: again.results,
  };
}

/** A run as the API sends it: with `inputHashOf`. */
export const runView = <R extends RunSummary>(run: R): R & { inputHashOf: InputHashOf } => ({ ...run, inputHashOf: inputHashOf(run.kind) });

function dropUndefined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
