/**
 * Monte Carlo over the input uncertainty: every estimate with a range becomes a distribution
 * (triangular on low/value/high by default; uniform or PERT beta), N runs of every chosen model,
 * and from the outcomes the quantiles per model and issue, the probability that the outcome
 * respects the red lines, and where each draft point falls in the forecast distribution.
 *
 * Reproducible bit for bit: run r draws from `createRng(seed, r)` alone and writes to its own slot,
 * and every statistic is computed from the full set of runs in run order, so the number of worker
 * threads changes the speed, never the numbers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Case } from '../case/schema.ts';
import { currentStances } from '../case/view.ts';
import { inputPlan } from '../case/model-input.ts';
import { caseView, resolveModels, type ForecastOptions } from './forecast.ts';
import { quantileSorted, type DistributionName, distributionNames } from './distributions.ts';
import { runBatch, type MonteCarloPlan } from './montecarlo-core.ts';
import type { AgreementPlan } from './agreement.ts';
import { redLines, type RedLineBound } from './red-lines.ts';
import { effectiveView, type EffectiveRange } from './reliability.ts';

export interface SimulateOptions extends ForecastOptions {
  runs?: number;
  seed?: number;
  /**
   * Worker threads. 1 runs in this thread; unset: every core, when the runs take long enough to
   * repay starting the threads (else this thread). The result does not depend on it.
   */
  workers?: number;
  distribution?: DistributionName;
  /** Called as runs complete: (runs done, runs in all). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export const QUANTILE_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface OutcomeQuantiles {
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  mean: number;
}

export interface DraftPointPlacement {
  draft: string;
  point: string;
  issue: string;
  value: number;
  model: string;
  /** Whether the value lies within the model's 5–95 % forecast interval. */
  withinInterval: boolean;
  /** Share of runs whose outcome is at or below the value (its place in the forecast distribution). */
  quantileRank: number;
}

export interface SimulationResult {
  case: { id: string; title: string };
  asOf: string | null;
  scenario: string | null;
  runs: number;
  seed: number;
  distribution: DistributionName;
  models: string[];
  issues: Array<{ id: string; title: string; scale: { min: number; max: number } }>;
  /** quantiles[model][issue] */
  quantiles: Record<string, Record<string, OutcomeQuantiles>>;
  /**
   * Per model: the share of runs whose outcome respects every veto holder's red line on every issue
   * (a deal the blockers accept), and every actor's red line; and per issue, the veto-holder share.
   */
  acceptance: Record<string, { vetoHolders: number; everyActor: number; issues: Record<string, number> }>;
  draftPoints: DraftPointPlacement[];
  /** How many estimates of the current stances and actors were random (had a range). */
  randomEstimates: number;
  /** Estimates simulated over a range wider than written, from their evidence (src/analysis/reliability.ts). */
  effectiveRanges?: EffectiveRange[];
}

export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'AbortError';
  }
}

// Compiled (dist/, this module is .js): the worker is the compiled montecarlo-worker.js. From the
// TypeScript sources (Vitest, tsx): the .mjs bootstrap that loads montecarlo-worker.ts through tsx.
const WORKER_URL = new URL(import.meta.url.endsWith('.js') ? './montecarlo-worker.js' : './montecarlo-worker.mjs', import.meta.url);

/** About how long a worker thread takes to start and load the sources through tsx (measured: 0.5–1.5 s). */
const WORKER_START_MS = 1000;

/** Runs are handed to threads in batches of this many (small enough for smooth progress and balance). */
const BATCH = 250;
/** The smallest batch at the end of a run in worker threads (a message each way per batch). */
const TAIL_BATCH = 25;

async function runInWorkers(plan: MonteCarloPlan, start: number, runs: number, workers: number, onBatch: (from: number, to: number, out: Float64Array[]) => void, signal?: AbortSignal): Promise<void> {
  // Batches of BATCH runs, then smaller ones towards the end (each about a quarter of what is left
  // per thread, at least TAIL_BATCH): the threads then finish within a small batch of each other
  // instead of one idling for up to a whole batch. Which thread computes a run never changes its numbers.
  const batches: Array<[number, number]> = [];
  for (let from = start; from < runs; ) {
    const size = Math.max(TAIL_BATCH, Math.min(BATCH, Math.ceil((runs - from) / (4 * workers))));
    batches.push([from, Math.min(runs, from + size)]);
    from += size;
  }
  if (batches.length === 0) return;
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = batches.length;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      if (signal) {
        if (signal.aborted) return fail(new SimulationCancelled());
        signal.addEventListener('abort', () => fail(new SimulationCancelled()), { once: true });
      }
      const feed = (w: Worker) => {
        if (failed) return;
        if (next < batches.length) {
          const [from, to] = batches[next++];
          w.postMessage({ type: 'batch', from, to });
        }
      };
      const count = Math.min(workers, batches.length);
      for (let t = 0; t < count; t++) {
        const w = new Worker(WORKER_URL);
        threads.push(w);
        w.on('error', fail);
        w.on('exit', (code) => { if (code !== 0) fail(new Error(`a simulation worker stopped (exit code ${code})`)); });
        w.on('message', (msg: { type: string; from?: number; to?: number; outcomes?: Float64Array[]; message?: string }) => {
          if (msg.type === 'ready') {
            w.postMessage({ type: 'plan', plan });
            feed(w);
          } else if (msg.type === 'done') {
            if (failed) return;
            onBatch(msg.from!, msg.to!, msg.outcomes!);
            if (--pending === 0) resolve();
            else feed(w);
          } else if (msg.type === 'error') fail(new Error(msg.message));
        });
      }
    });
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
}

async function runInThisThread(plan: MonteCarloPlan, start: number, runs: number, onBatch: (from: number, to: number, out: Float64Array[]) => void, signal?: AbortSignal): Promise<void> {
  for (let from = start; from < runs; from += BATCH) {
    if (signal?.aborted) throw new SimulationCancelled();
    const to = Math.min(runs, from + BATCH);
    onBatch(from, to, runBatch(plan, from, to));
    // Yield, so that progress is drawn and an abort can arrive.
    await new Promise<void>((r) => setImmediate(r));
  }
}

/** Estimates of the actors and current stances written with a range. */
function countRandomEstimates(c: Case): number {
  let n = 0;
  const ranged = (e: unknown) => typeof e === 'object' && e !== null && ((e as { low?: number }).low !== undefined || (e as { high?: number }).high !== undefined);
  for (const a of c.actors) if (ranged(a.capability)) n++;
  for (const s of currentStances(c).values()) for (const e of [s.position, s.salience, s.capability]) if (ranged(e)) n++;
  return n;
}

export async function simulate(c: Case, opts: SimulateOptions = {}): Promise<SimulationResult> {
  const { view, plan, runs, outcomes } = await simulateDraws(c, opts);
  const effectiveRanges = effectiveView(caseView(c, opts), opts.asOf ?? null).ranges;
  return summarize(view, plan, runs, outcomes, { asOf: opts.asOf ?? null, scenario: opts.scenario ?? null, caseRef: { id: c.id, title: c.title }, effectiveRanges });
}

/** The raw draws of a simulation: the case view, the plan, and per output of `runBatch` its runs × M array. */
export interface SimulationDraws {
  view: Case;
  plan: MonteCarloPlan;
  runs: number;
  outcomes: Float64Array[];
}

/**
 * Runs the simulation and returns the draws themselves (`simulate` summarizes them). `agreement`
 * builds the red-line plan from the case view (the agreement outlook, src/analysis/outlook.ts), and
 * the outputs then follow `runBatch`: per model its outcomes, per model its terms if agreed, the slacks.
 */
export async function simulateDraws(c: Case, opts: SimulateOptions & { agreement?: (view: Case) => AgreementPlan } = {}): Promise<SimulationDraws> {
  const runs = opts.runs ?? 1000;
  const seed = opts.seed ?? 1;
  const distribution = opts.distribution ?? 'triangular';
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > 10_000_000) throw new RangeError(`runs must be an integer from 1 to 10000000, got ${runs}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  if (!distributionNames.includes(distribution)) throw new RangeError(`unknown distribution "${distribution}" (known: ${distributionNames.join(', ')})`);
  const workers = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
  // Estimates on weak, retracted or single-sourced evidence are drawn over their wider effective range.
  const view = effectiveView(caseView(c, opts), opts.asOf ?? null).view;
  const models = resolveModels(opts.models);
  const { models: _m, asOf: _a, scenario: _s, runs: _r, seed: _seed, workers: _w, distribution: _d, onProgress, signal, agreement, ...params } = opts;
  // The runs read only the estimates of the current stances, flattened once into arrays (cheap to
  // copy to each thread, nothing to look up per run); drafts, evidence and history stay here.
  const plan: MonteCarloPlan = { input: inputPlan(view), models, seed, distribution, params, ...(agreement ? { agreement: agreement(view) } : {}) };
  const m = view.issues.length;
  const outcomes = Array.from({ length: agreement ? 2 * models.length + 1 : models.length }, () => new Float64Array(runs * m));
  let done = 0;
  const onBatch = (from: number, to: number, out: Float64Array[]) => {
    out.forEach((o, j) => outcomes[j].set(o, from * m));
    done += to - from;
    onProgress?.(done, runs);
  };
  if (workers === 1) await runInThisThread(plan, 0, runs, onBatch, signal);
  else if (opts.workers !== undefined) await runInWorkers(plan, 0, runs, workers, onBatch, signal);
  else {
    // Threads not asked for: time the first batch here, and start worker threads (each loads the
    // sources, ~1 s) only when the rest would take longer than that. Either way, the same numbers.
    const t0 = performance.now();
    await runInThisThread(plan, 0, Math.min(runs, BATCH), onBatch, signal);
    const perRun = (performance.now() - t0) / Math.min(runs, BATCH);
    if (perRun * (runs - BATCH) < WORKER_START_MS * workers) await runInThisThread(plan, BATCH, runs, onBatch, signal);
    else await runInWorkers(plan, BATCH, runs, workers, onBatch, signal);
  }
  return { view, plan, runs, outcomes };
}

function respects(lines: RedLineBound[], issueIndex: Map<string, number>, outcomes: Float64Array, row: number): boolean {
  for (const l of lines) {
    const x = outcomes[row + issueIndex.get(l.issue)!];
    if (x < l.min || x > l.max) return false;
  }
  return true;
}

/** The statistics of a finished set of runs (outcomes[model]: runs × M, in run order). */
export function summarize(view: Case, plan: MonteCarloPlan, runs: number, outcomes: Float64Array[], meta: { asOf: string | null; scenario: string | null; caseRef: { id: string; title: string }; effectiveRanges?: EffectiveRange[] }): SimulationResult {
  const m = view.issues.length;
  const lines = redLines(view);
  const vetoLines = lines.filter((l) => l.veto);
  const issueIndex = new Map(view.issues.map((iss, k) => [iss.id, k]));
  const quantiles: SimulationResult['quantiles'] = {};
  const acceptance: SimulationResult['acceptance'] = {};
  const draftPoints: DraftPointPlacement[] = [];
  const sortedByModel: Float64Array[][] = [];
  plan.models.forEach((model, j) => {
    const out = outcomes[j];
    const q: Record<string, OutcomeQuantiles> = {};
    const sortedIssues: Float64Array[] = [];
    view.issues.forEach((iss, k) => {
      const xs = new Float64Array(runs);
      let sum = 0;
      for (let r = 0; r < runs; r++) {
        xs[r] = out[r * m + k];
        sum += xs[r];
      }
      xs.sort();
      sortedIssues.push(xs);
      const [p05, p25, p50, p75, p95] = QUANTILE_LEVELS.map((p) => quantileSorted(xs, p));
      q[iss.id] = { p05, p25, p50, p75, p95, mean: sum / runs };
    });
    sortedByModel.push(sortedIssues);
    quantiles[model] = q;
    let veto = 0;
    let every = 0;
    const perIssue = new Map(view.issues.map((iss) => [iss.id, 0]));
    const perIssueLines = view.issues.map((iss) => vetoLines.filter((l) => l.issue === iss.id));
    for (let r = 0; r < runs; r++) {
      const row = r * m;
      if (respects(vetoLines, issueIndex, out, row)) veto++;
      if (respects(lines, issueIndex, out, row)) every++;
      view.issues.forEach((iss, k) => { if (respects(perIssueLines[k], issueIndex, out, row)) perIssue.set(iss.id, perIssue.get(iss.id)! + 1); });
    }
    acceptance[model] = { vetoHolders: veto / runs, everyActor: every / runs, issues: Object.fromEntries([...perIssue].map(([id, n]) => [id, n / runs])) };
  });
  for (const d of view.drafts) {
    for (const p of d.points) {
      for (const [issue, value] of Object.entries(p.values)) {
        const k = issueIndex.get(issue);
        if (k === undefined) continue;
        plan.models.forEach((model, j) => {
          const xs = sortedByModel[j][k];
          const q = quantiles[model][issue];
          draftPoints.push({ draft: d.id, point: String(p.number), issue, value, model, withinInterval: value >= q.p05 && value <= q.p95, quantileRank: upperBound(xs, value) / runs });
        });
      }
    }
  }
  return {
    case: meta.caseRef,
    asOf: meta.asOf,
    scenario: meta.scenario,
    runs,
    seed: plan.seed,
    distribution: plan.distribution,
    models: plan.models,
    issues: view.issues.map((i) => ({ id: i.id, title: i.title, scale: { min: i.scale.min, max: i.scale.max } })),
    quantiles,
    acceptance,
    draftPoints,
    randomEstimates: countRandomEstimates(view),
    effectiveRanges: meta.effectiveRanges ?? [],
  };
}

/** The number of sorted values ≤ x (binary search). */
function upperBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
