/**
 * The split analyses in one table, by the job kind that runs them (docs/jobs.md), so one adapter
 * can run any of them: `chunks` gives the chunk count (and throws for bad options before anything
 * runs), `chunk` one chunk's JSON-safe partial result, `merge` the partials of every chunk, in any
 * order, put together into exactly the synchronous function's result. Packages and levers are one
 * chunk each (no split) and are not here.
 */
import type { Case } from '../case/schema.ts';
import type { BacktestOptions, BacktestResult } from './backtest.ts';
import { backtestChunk, backtestChunks, mergeBacktest, type BacktestPartial } from './backtest-chunks.ts';
import type { ForecastOptions } from './forecast.ts';
import { mergeResearch, researchChunk, researchChunks } from './research-chunks.ts';
import type { ResearchReport } from './research.ts';
import { mergeScenarios, scenariosChunk, scenariosChunks } from './scenarios-chunks.ts';
import type { ScenarioComparison, ScenarioOptions } from './scenarios.ts';
import { mergeSensitivity, sensitivityChunk, sensitivityChunks } from './sensitivity-chunks.ts';
import type { SensitivityReport } from './sensitivity.ts';
import { mergeTimeline, timelineChunk, timelineChunks } from './timeline-chunks.ts';
import type { Timeline, TimelineOptions } from './timeline.ts';

/** A split analysis of `Input` (a case, or the cases of a backtest) with options `O`, whose result is `R`. */
export interface AnalysisSplit<Input, O, P, R> {
  chunks(input: Input, opts: O): number;
  chunk(input: Input, opts: O, i: number): P;
  merge(input: Input, opts: O, partials: readonly P[]): R;
}

/** Type-checked, not cast. */
const split = <Input, O, P, R>(s: AnalysisSplit<Input, O, P, R>) => s;

/** Each analysis of one case, by job kind. */
export const caseAnalysisSplits = {
  sensitivity: split<Case, ForecastOptions, ReturnType<typeof sensitivityChunk>, SensitivityReport>({ chunks: sensitivityChunks, chunk: sensitivityChunk, merge: mergeSensitivity }),
  research: split<Case, ForecastOptions, ReturnType<typeof researchChunk>, ResearchReport>({ chunks: researchChunks, chunk: researchChunk, merge: mergeResearch }),
  scenarios: split<Case, ScenarioOptions, ReturnType<typeof scenariosChunk>, ScenarioComparison>({ chunks: scenariosChunks, chunk: scenariosChunk, merge: mergeScenarios }),
  timeline: split<Case, TimelineOptions, ReturnType<typeof timelineChunk>, Timeline>({ chunks: timelineChunks, chunk: timelineChunk, merge: mergeTimeline }),
};

export type CaseAnalysisKind = keyof typeof caseAnalysisSplits;

/** The backtest of many cases. */
export const backtestSplit: AnalysisSplit<readonly Case[], BacktestOptions, BacktestPartial, BacktestResult> = { chunks: backtestChunks, chunk: backtestChunk, merge: mergeBacktest };
