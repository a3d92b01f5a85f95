/**
 * Worker thread of the request pool (src/server/offload.ts): runs one named task at a time and posts
 * its result, or its error (class name, message, own fields) for the pool to rebuild.
 */
import { parentPort } from 'node:worker_threads';
import { ingestArticle } from '../evidence/index.ts';
import { compareScenarios, timeline } from '../analysis/index.ts';
import { backtestSplit, caseAnalysisSplits } from '../analysis/analysis-chunks.ts';

type Split = { chunk(input: unknown, options: unknown, i: number): unknown };

const tasks = {
  ingest: ingestArticle,
  timeline,
  compareScenarios,
  /** Chunk `i` of an analysis job (`kind`: an analysis of src/analysis/analysis-chunks.ts, or backtest), as the JSON the job stores. */
  analysisChunk: (kind: string, input: unknown, options: unknown, i: number): string => {
    const split = (kind === 'backtest' ? backtestSplit : Object.hasOwn(caseAnalysisSplits, kind) ? caseAnalysisSplits[kind as keyof typeof caseAnalysisSplits] : undefined) as Split | undefined;
    if (!split) throw new Error(`no analysis "${kind}"`);
    return JSON.stringify(split.chunk(input, options, i));
  },
  /** Test hooks: a thrown non-user error, and a worker that dies mid-task. */
  fail: (message: string): never => {
    throw new TypeError(message);
  },
  crash: (): never => process.exit(3),
};
export type OffloadTasks = typeof tasks;

parentPort?.on('message', async (msg: { id: number; name: keyof OffloadTasks; args: unknown[] }) => {
  try {
    const fn = tasks[msg.name] as (...a: unknown[]) => unknown;
    if (typeof fn !== 'function' || !Object.hasOwn(tasks, msg.name)) throw new Error(`no task "${String(msg.name)}"`);
    parentPort!.postMessage({ id: msg.id, ok: true, value: await fn(...msg.args) });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const props = Object.fromEntries(Object.entries(err).filter(([, v]) => typeof v !== 'function'));
    let name = err.constructor?.name ?? err.name;
    if (!name || name === 'Object') name = err.name;
    try {
      parentPort!.postMessage({ id: msg.id, ok: false, error: { name, message: err.message, stack: err.stack, props } });
    } catch {
      parentPort!.postMessage({ id: msg.id, ok: false, error: { name, message: err.message, stack: err.stack, props: {} } });
    }
  }
});
