/**
 * An analysis or deal job's result stored as a run (docs/jobs.md), as a simulate job's is: the case
 * and the revision analysed, the options as params (with the job's id), the models and seed where the
 * options give them, the hash of the case view analysed, the engine version, and the result as the
 * run's one entry of `results`. Recorded once per job: a job combined again (resumed after a crash
 * between recording and marking it done, or its last chunk handed to a second worker) finds the run
 * its id names and records none.
 *
 * A replay (`POST /api/runs/{id}/replay`) computes the analysis again in this process on the stored
 * revision with the stored options (`runAnalysis`: the split's chunks in order, merged; equal bit for
 * bit to the chunks computed by any workers) and compares canonical JSON.
 *
 * A backtest (many cases) is not a run: a run belongs to one case revision; its result stays in the job row.
 */
import type { Case } from '../case/schema.ts';
import { caseView } from '../analysis/index.ts';
import { canonicalJson, RUN_KINDS, type RunKind, type Store, type StoredRun } from '../store/index.ts';
import { caseViewHash } from '../server/runs.ts';
import { ENGINE_VERSION } from '../server/version.ts';
import { runAnalysis, type AnalysisJobParams } from './kinds.ts';
import type { CaseAnalysisKind } from '../analysis/analysis-chunks.ts';
import type { DealKind } from './kinds.ts';

/** The job kinds whose result is stored as a run of the same kind. */
export type AnalysisRunKind = CaseAnalysisKind | DealKind;
export const ANALYSIS_RUN_KINDS = RUN_KINDS.filter((k) => k !== 'forecast' && k !== 'simulate') as AnalysisRunKind[];
export const isAnalysisRunKind = (kind: string): kind is AnalysisRunKind => (ANALYSIS_RUN_KINDS as string[]).includes(kind);

/** The option keys that are not the analysis's own: stored in the params, dropped before a replay. */
const JOB_ID = 'jobId';

/** What a run of an analysis stores besides its results: a pure function of the job's parameters and the case. */
export function analysisRunFields(kind: AnalysisRunKind, cs: Case, options: Record<string, unknown>) {
  const asOf = typeof options.asOf === 'string' ? options.asOf : undefined;
  const scenario = typeof options.scenario === 'string' ? options.scenario : undefined;
  const models = Array.isArray(options.models)
    ? (options.models as string[])
    : typeof options.model === 'string'
      ? options.model.split(',').map((m) => m.trim()).filter(Boolean)
      : [];
  return {
    kind: kind as RunKind,
    models,
    seed: typeof options.seed === 'number' ? options.seed : null,
    inputHash: caseViewHash(caseView(cs, { ...(asOf ? { asOf } : {}), ...(scenario ? { scenario } : {}) })),
    engineVersion: ENGINE_VERSION,
  };
}

/** The run a job (of any kind, simulate too) recorded already, if any: its params name the job (a crash came between recording it and marking the job done). */
export async function runOfJob(store: Store, kind: RunKind, caseId: string, jobId: string): Promise<string | undefined> {
  const rows = await store.db
    .selectFrom('runs')
    .select(['id', 'params'])
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('params', 'like', `%"${JOB_ID}":${JSON.stringify(jobId)}%`)
    .execute();
  // The LIKE narrows; the parsed params decide (an option's text could contain the same characters).
  return rows.find((r) => (JSON.parse(r.params) as Record<string, unknown>)[JOB_ID] === jobId)?.id;
}

/**
 * Record an analysis job's result as a run, once per job (`jobId` undefined: an in-memory job, which is
 * never combined twice); the result with the run's id, as the job's result.
 */
export async function recordAnalysisRun(store: Store, kind: AnalysisRunKind, p: AnalysisJobParams, cs: Case, result: unknown, jobId?: string): Promise<Record<string, unknown> & { runId: string }> {
  const fields = analysisRunFields(kind, cs, p.options);
  const runId =
    (jobId !== undefined ? await runOfJob(store, fields.kind, p.caseId, jobId) : undefined) ??
    (await store.recordRun({ ...fields, caseId: p.caseId, caseRevision: p.revision, params: { ...p.options, ...(jobId !== undefined ? { [JOB_ID]: jobId } : {}) }, results: [result] }));
  return { ...(result as Record<string, unknown>), runId };
}

/** The analysis's options as stored in a run (its params without the job's id). */
export function optionsOfRun(run: Pick<StoredRun, 'params'>): Record<string, unknown> {
  const { [JOB_ID]: _job, ...options } = run.params;
  return options;
}

/** An analysis run computed again on its stored revision with its stored options, compared with what was stored. */
export async function replayAnalysisRun(store: Store, stored: StoredRun & { kind: AnalysisRunKind }) {
  const { case: cs } = await store.getCase(stored.caseId, { revision: stored.caseRevision });
  const options = optionsOfRun(stored);
  const never = new AbortController().signal;
  // As a job's result: the answer through JSON (a deal search's is the JSON of its one chunk).
  const result = JSON.parse(JSON.stringify(await runAnalysis(stored.kind, cs, options, { signal: never, progress: () => {} })));
  const results = [result];
  return {
    identical: canonicalJson(results) === canonicalJson(stored.results),
    inputHashMatches: analysisRunFields(stored.kind, cs, options).inputHash === stored.inputHash,
    engineVersion: ENGINE_VERSION,
    results,
  };
}
