/**
 * Backtest: run the models on cases whose issues record the actual outcome and score each model the
 * way the DEU literature does (Thomson et al. 2006, 2011; Achen 2006): per issue the absolute error
 * |forecast − outcome| on a 0–100 scale (each issue's own scale mapped onto 0–100), then per model
 * the mean absolute error, the median absolute error and the root mean squared error.
 *
 * Beyond the point errors, each model gets a predictive distribution per issue: its point forecast
 * (or its Monte Carlo draws, where the case has ranges) combined with an error model
 * (src/analysis/calibration.ts) fitted on TRAINING proposals only, which gives 50 % / 90 % interval
 * coverage and the CRPS (Gneiting & Raftery 2007, eq. 21: CRPS(F, y) = E|X − y| − ½ E|X − X′|; a
 * point forecast's CRPS is its absolute error). Training proposals are, with `folds`, the other
 * folds of a K-fold split BY PROPOSAL (all issues of a proposal in one fold: they are negotiated
 * together, and their errors are correlated); with `calibration`, another data set; otherwise the
 * shipped error models (fitted on DEU III: in-sample when run on deu3_train.tsv itself).
 *
 * Every figure has a 95 % bootstrap interval that resamples whole proposals (cluster bootstrap,
 * Davison & Hinkley 1997 §3.8), seeded.
 *
 * The `ensemble` is fitted like the error models, on training proposals only, by nested
 * cross-validation (`fitEnsemble`): its combination weights and its snap radius (the move to the
 * nearest actor position or status quo, src/engines/ensemble.ts).
 *
 * Published on DEU III (351 issues, 0–100): compromise MAE 22.99, challenge (BDM) 26.83–27.94,
 * median actor 28.37.
 */
import { inputPlan } from '../case/model-input.ts';
import type { Case } from '../case/schema.ts';
import { candidatePoints, defaultEnsembleSnap, ensembleComponents, normaliseWeights, snapToCandidates } from '../engines/ensemble.ts';
import { createRng } from '../engines/random.ts';
import type { EngineParams } from '../engines/types.ts';
import { weightedMedian } from '../engines/weights.ts';
import { fitErrorModel, gridSamples, sampleWithErrorModel, shippedErrorModels, type ErrorModel } from './calibration.ts';
import { caseView, forecastCase, resolveModels } from './forecast.ts';
import { runBatch } from './montecarlo-core.ts';

export interface ErrorSummary {
  /** Issues scored. */
  n: number;
  meanAbsoluteError: number;
  medianAbsoluteError: number;
  rootMeanSquaredError: number;
}

/** Mean, median and root mean square of absolute errors (NaN for none). */
export function summarizeErrors(absoluteErrors: readonly number[]): ErrorSummary {
  const n = absoluteErrors.length;
  if (n === 0) return { n, meanAbsoluteError: NaN, medianAbsoluteError: NaN, rootMeanSquaredError: NaN };
  let sum = 0;
  let squares = 0;
  for (const e of absoluteErrors) {
    sum += e;
    squares += e * e;
  }
  const sorted = [...absoluteErrors].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n, meanAbsoluteError: sum / n, medianAbsoluteError: median, rootMeanSquaredError: Math.sqrt(squares / n) };
}

/** A value of a scale [min, max] on 0–100. */
export function onHundredScale(value: number, min: number, max: number): number {
  return max === min ? value : (100 * (value - min)) / (max - min);
}

/**
 * CRPS of the empirical distribution of `samples` at y (Gneiting & Raftery 2007, eq. 21), exact:
 * with the samples sorted, E|X − X′| = (2/n²) Σ_i (2i − n − 1) x_(i), i = 1…n.
 */
export function crpsOfSamples(samples: ArrayLike<number>, y: number): number {
  const x = Float64Array.from(samples).sort();
  const n = x.length;
  if (n === 0) return NaN;
  let absDev = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    absDev += Math.abs(x[i] - y);
    spread += (2 * (i + 1) - n - 1) * x[i];
  }
  return absDev / n - spread / (n * n);
}

/** The p-quantile of sorted data (Hyndman & Fan type 7). */
function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface BacktestIssue {
  case: string;
  issue: string;
  title: string;
  /** The actual outcome on 0–100. */
  outcome: number;
  /** The status quo on 0–100. */
  statusQuo: number;
  /** Each model's forecast on 0–100. */
  forecasts: Record<string, number>;
  absoluteErrors: Record<string, number>;
  /** Each model's 50 % and 90 % predictive intervals on 0–100. */
  interval50: Record<string, [number, number]>;
  interval90: Record<string, [number, number]>;
  crps: Record<string, number>;
  /** The cross-validation fold (with `folds`). */
  fold?: number;
}

export interface ModelScore extends Metrics {
  model: string;
  maeInterval: [number, number];
  medianAeInterval: [number, number];
  rmseInterval: [number, number];
  coverage50Interval: [number, number];
  coverage90Interval: [number, number];
  crpsInterval: [number, number];
}

export interface BacktestResult {
  /** Where the error models (and the ensemble weights) were fitted. */
  method: 'cross-validation' | 'calibration' | 'shipped';
  folds: number | null;
  seed: number;
  /** Bootstrap resamples of proposals behind each interval. */
  bootstrap: number;
  models: ModelScore[];
  /** `models` in the older shape (mean / median absolute error, RMSE). */
  summary: Array<{ model: string } & ErrorSummary>;
  /** The ensemble weights used, per fold (cross-validation) or once. */
  ensemble?: Array<{ fold: number | null; method: string; weights: Record<string, number>; snap: number }>;
  issues: BacktestIssue[];
  /** Issues without a recorded outcome (not scored). */
  skipped: number;
}

export interface BacktestOptions {
  models?: string[];
  /** Each model's parameters (rounds, seed, q, …). */
  paramsFor?: (model: string) => EngineParams;
  /** K-fold cross-validation by proposal (K ≥ 2). */
  folds?: number;
  /** Fit the error models and the ensemble on these cases instead. */
  calibration?: readonly Case[];
  /** Seed of the folds, the Monte Carlo draws and the bootstrap (default 1). */
  seed?: number;
  /** Bootstrap resamples (default 1000). */
  bootstrap?: number;
  /** Monte Carlo draws per case that has ranges (default 200). */
  draws?: number;
}

/** One scored issue on 0–1, with every base model's forecast and, where the case has ranges, its draws. */
export interface Scored {
  case: string;
  issue: string;
  title: string;
  y: number;
  sq: number;
  f: Record<string, number>;
  /** The issue's candidate points on 0–1 (the positions taken: the ensemble's snap). */
  cands: number[];
  draws?: Record<string, Float64Array>;
}

/** Whether any estimate of the case has a range (then the backtest draws its Monte Carlo runs). */
export function hasRanges(c: Case): boolean {
  const plan = inputPlan(c);
  for (let e = 0; e < plan.value.length; e++) {
    const lo = Number.isNaN(plan.low[e]) ? plan.value[e] : plan.low[e];
    const hi = Number.isNaN(plan.high[e]) ? plan.value[e] : plan.high[e];
    if (hi > lo) return true;
  }
  return false;
}

/** The issues of a case with a recorded outcome. */
export const knownOutcomes = (c: Case): number => c.issues.filter((iss) => iss.outcome !== undefined).length;

/** Forecast every case with every base model; keep the issues with an outcome, on 0–1. */
function scoreCases(cases: readonly Case[], models: string[], opts: BacktestOptions, seed: number): { scored: Scored[]; skipped: number } {
  const scored: Scored[] = [];
  let skipped = 0;
  for (const c of cases) {
    skipped += c.issues.length - knownOutcomes(c);
    for (const rec of scoreCase(c, models, opts, seed, scored.length)) scored.push(rec);
  }
  return { scored, skipped };
}

/**
 * One case of scoreCases: its issues with an outcome, forecast by every base model. `offset` is the
 * number of issues scored before it (its Monte Carlo draws are seeded by it), so a case is scored the
 * same wherever it is computed (src/analysis/backtest-chunks.ts).
 */
export function scoreCase(c: Case, models: string[], opts: BacktestOptions, seed: number, offset: number): Scored[] {
  const scored: Scored[] = [];
  const to01 = (v: number, min: number, max: number) => onHundredScale(v, min, max) / 100;
  if (knownOutcomes(c) === 0) return scored;
  const sets = models.map((name) => forecastCase(c, { models: [name], ...(opts.paramsFor?.(name) ?? {}) }));
  const outcomes = sets.map((s) => s.results[0].outcome);
  let runs: Float64Array[] | undefined;
  const nDraws = opts.draws ?? 200;
  if (nDraws > 0 && hasRanges(c)) {
    // The model's own Monte Carlo draws (the case's ranges, triangular), seeded per case.
    const caseSeed = Math.floor(createRng(seed, 0xca5e + offset)() * 2 ** 31);
    runs = runBatch({ input: inputPlan(caseView(c)), models, seed: caseSeed, distribution: 'triangular', params: opts.paramsFor?.(models[0]) ?? {} }, 0, nDraws);
  }
  const m = c.issues.length;
  c.issues.forEach((iss, k) => {
    if (iss.outcome === undefined) return;
    const { min, max } = iss.scale;
    const f: Record<string, number> = {};
    models.forEach((name, j) => (f[name] = to01(outcomes[j][k], min, max)));
    const cands = candidatePoints(sets[0].input, k).map((v) => to01(v, min, max));
    const rec: Scored = { case: c.id, issue: iss.id, title: iss.title, y: to01(iss.outcome, min, max), sq: to01(iss.statusQuo, min, max), f, cands };
    if (runs) {
      rec.draws = {};
      models.forEach((name, j) => {
        const d = new Float64Array(nDraws);
        for (let r = 0; r < nDraws; r++) d[r] = to01(runs![j][r * m + k], min, max);
        rec.draws![name] = d;
      });
    }
    scored.push(rec);
  });
  return scored;
}

/** Proposal → fold, K folds, seeded shuffle of the proposals (Fisher–Yates), then dealt round robin. */
export function foldsByProposal(proposals: readonly string[], k: number, seed: number): Map<string, number> {
  const unique = [...new Set(proposals)];
  const rng = createRng(seed, 0xf01d);
  for (let i = unique.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [unique[i], unique[j]] = [unique[j], unique[i]];
  }
  return new Map(unique.map((p, i) => [p, i % k]));
}

const sumAbs = (r: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += Math.abs(r[i]);
  return s;
};

/**
 * Convex least-absolute-deviation weights: minimise Σ_i |y_i − Σ_m w_m x_im| over w ≥ 0, Σ w = 1.
 * Pairwise descent with exact line search: moving t of weight from a to b changes residual i by
 * −t (x_ib − x_ia), so the best t is the |d_i|-weighted median of r_i / d_i (clipped to the feasible
 * [−w_b, w_a]). Starts from the best single column, so the fit is never worse than it in sample.
 */
export function fitConvexLad(columns: ReadonlyArray<ArrayLike<number>>, y: ArrayLike<number>): number[] {
  const p = columns.length;
  const n = y.length;
  const w = new Array(p).fill(0);
  let best = 0;
  let bestErr = Infinity;
  columns.forEach((x, j) => {
    let e = 0;
    for (let i = 0; i < n; i++) e += Math.abs(y[i] - x[i]);
    if (e < bestErr - 1e-12) [best, bestErr] = [j, e];
  });
  w[best] = 1;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = y[i] - columns[best][i];
  let err = sumAbs(r);
  const ratio = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let improved = false;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        if (a === b || (w[a] === 0 && w[b] === 0)) continue;
        for (let i = 0; i < n; i++) {
          const d = columns[b][i] - columns[a][i];
          ratio[i] = d === 0 ? 0 : r[i] / d;
          weight[i] = Math.abs(d);
        }
        let t = weightedMedian(ratio, weight);
        if (!Number.isFinite(t)) continue;
        t = Math.min(w[a], Math.max(-w[b], t));
        if (t === 0) continue;
        let e = 0;
        for (let i = 0; i < n; i++) e += Math.abs(r[i] - t * (columns[b][i] - columns[a][i]));
        if (e < err - 1e-9 * (1 + err)) {
          for (let i = 0; i < n; i++) r[i] -= t * (columns[b][i] - columns[a][i]);
          w[a] -= t;
          w[b] += t;
          err = e;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return w.map((v) => (Math.abs(v) < 1e-12 ? 0 : v));
}

const combine = (weights: Record<string, number>, f: Record<string, number>) => Object.entries(weights).reduce((s, [m, w]) => s + w * f[m], 0);

/** The candidate combinations the nested cross-validation chooses among. */
const ENSEMBLE_CANDIDATES: Array<{ method: string; fit: (train: readonly Scored[], names: string[]) => Record<string, number> }> = [
  { method: 'convex LAD over every model', fit: (train, names) => convexFit(train, names) },
  { method: 'convex LAD over compromise, median, status quo', fit: (train) => convexFit(train, ['compromise', 'median', 'status-quo']) },
  {
    method: 'best single model',
    fit: (train, names) => {
      const errs = names.map((m) => train.reduce((s, x) => s + Math.abs(x.y - x.f[m]), 0));
      return { [names[errs.indexOf(Math.min(...errs))]]: 1 };
    },
  },
];

function convexFit(train: readonly Scored[], names: string[]): Record<string, number> {
  const w = fitConvexLad(names.map((m) => train.map((x) => x.f[m])), train.map((x) => x.y));
  return normaliseWeights(Object.fromEntries(names.map((m, j) => [m, w[j]])));
}

/** The snap radii the nested cross-validation chooses among (shares of the candidates' range). */
export const SNAP_GRID: readonly number[] = Array.from({ length: 15 }, (_, i) => (i * 375) / 10000);

export interface EnsembleFit {
  method: string;
  weights: Record<string, number>;
  /** The snap radius (src/engines/ensemble.ts; 0: the plain combination). */
  snap: number;
  /** Out-of-fold ensemble forecasts of the training issues (inner folds), for its error model. */
  innerForecasts: number[];
}

/**
 * Fit the ensemble on training issues by nested cross-validation: each candidate combination is
 * fitted on inner folds (by proposal) and scored on the held-out inner fold; the one with the lowest
 * inner MAE is refitted on all training issues. The snap radius is then chosen on the winner's inner
 * out-of-fold forecasts (never on a forecast fitted with its own proposal): the radius of SNAP_GRID
 * with the lowest MAE of the snapped forecasts, the MAE curve smoothed over each radius and its two
 * neighbours first (the curve is jagged: one snap changes one issue's error by tens of points, and
 * the smoothing made the choice steadier across folds; docs/backtest.md).
 */
function fitEnsemble(train: readonly Scored[], seed: number, innerFolds = 5): EnsembleFit {
  const names = Object.keys(ensembleComponents);
  const fold = foldsByProposal(train.map((x) => x.case), Math.min(innerFolds, new Set(train.map((x) => x.case)).size), seed);
  let best: { c: (typeof ENSEMBLE_CANDIDATES)[number]; mae: number; oof: number[] } | undefined;
  for (const c of ENSEMBLE_CANDIDATES) {
    const oof = new Array(train.length).fill(NaN);
    for (const k of new Set(fold.values())) {
      const inner = train.filter((x) => fold.get(x.case) !== k);
      if (inner.length === 0) continue;
      const w = c.fit(inner, names);
      train.forEach((x, i) => {
        if (fold.get(x.case) === k) oof[i] = combine(w, x.f);
      });
    }
    const mae = oof.reduce((s, f, i) => s + Math.abs(f - train[i].y), 0) / train.length;
    if (!best || mae < best.mae - 1e-12) best = { c, mae, oof };
  }
  const oof = best!.oof;
  const errs = SNAP_GRID.map((d) => train.reduce((s, x, i) => s + Math.abs(snapToCandidates(oof[i], x.cands, d) - x.y), 0));
  const smooth = errs.map((e, j) => (e + (errs[j - 1] ?? e) + (errs[j + 1] ?? e)) / 3);
  const snap = SNAP_GRID[smooth.indexOf(Math.min(...smooth))];
  return { method: best!.c.method, weights: best!.c.fit(train, names), snap, innerForecasts: oof.map((f, i) => snapToCandidates(f, train[i].cands, snap)) };
}

/** Error models of each model (and the ensemble, from its inner out-of-fold forecasts) on training issues. */
function fitErrorModels(train: readonly Scored[], models: string[], ens?: EnsembleFit): Record<string, ErrorModel> {
  const out: Record<string, ErrorModel> = {};
  const ys = train.map((x) => x.y);
  const sqs = train.map((x) => x.sq);
  for (const m of models) {
    if (m === 'ensemble') out[m] = fitErrorModel(ens!.innerForecasts, ys, sqs);
    else out[m] = fitErrorModel(train.map((x) => x.f[m]), ys, sqs);
  }
  return out;
}

/** What `scripts/fit-error-models.ts` ships: every model's error model and the ensemble, fitted on `cases`. */
export function fitShipped(cases: readonly Case[], opts: { seed?: number; paramsFor?: (model: string) => EngineParams } = {}): { errorModels: Record<string, ErrorModel>; ensemble: EnsembleFit; issues: number; proposals: number } {
  const seed = opts.seed ?? 1;
  const base = Object.keys(ensembleComponents);
  const { scored } = scoreCases(cases, base, { paramsFor: opts.paramsFor, draws: 0 }, seed);
  const ens = fitEnsemble(scored, seed);
  return { errorModels: fitErrorModels(scored, [...base, 'ensemble'], ens), ensemble: ens, issues: scored.length, proposals: new Set(scored.map((x) => x.case)).size };
}

/** The predictive sample of one model on one issue (0–1). */
function predictive(x: Scored, model: string, point: number, em: ErrorModel, seed: number, weights?: Record<string, number>, snap = 0): Float64Array {
  const scale = { min: 0, max: 1, statusQuo: x.sq };
  if (!x.draws) return gridSamples(point, em, scale);
  let d: Float64Array;
  if (model === 'ensemble') {
    const n = Object.values(x.draws)[0].length;
    d = new Float64Array(n);
    for (const [m, w] of Object.entries(weights!)) for (let r = 0; r < n; r++) d[r] += w * x.draws[m][r];
    // The snap applied draw by draw, to the point candidates (the draws' own positions are not kept).
    for (let r = 0; r < n; r++) d[r] = snapToCandidates(d[r], x.cands, snap);
  } else d = x.draws[model];
  return sampleWithErrorModel(d, em, scale, seed);
}

/** The models scored, the seed, and the base models every case is forecast with (the ensemble's components when it is scored). */
export function backtestModels(opts: BacktestOptions): { models: string[]; seed: number; wantsEnsemble: boolean; base: string[] } {
  const models = resolveModels(opts.models);
  const seed = opts.seed ?? 1;
  const wantsEnsemble = models.includes('ensemble');
  const base = [...new Set([...models.filter((m) => m !== 'ensemble'), ...(wantsEnsemble ? Object.keys(ensembleComponents) : [])])];
  return { models, seed, wantsEnsemble, base };
}

/** The folds option checked against the number of proposals with an outcome. */
export function checkFolds(folds: number, proposals: number): void {
  if (!Number.isInteger(folds) || folds < 2 || folds > proposals) throw new RangeError(`folds must be an integer from 2 to the number of proposals with an outcome (${proposals}), got ${folds}`);
}

/** Forecast, score and summarise; see the file comment. */
export function backtest(cases: readonly Case[], opts: BacktestOptions = {}): BacktestResult {
  const m = backtestModels(opts);
  const { scored, skipped } = scoreCases(cases, m.base, opts, m.seed);
  return backtestScored(opts, m, scored, skipped, () => scoreCases(opts.calibration!, m.base, opts, m.seed).scored);
}

/**
 * The backtest from its scored issues (scoreCases of the cases, in order) and the issues not scored;
 * `calibration` scores opts.calibration when it is used.
 */
export function backtestScored(opts: BacktestOptions, m: ReturnType<typeof backtestModels>, scored: Scored[], skipped: number, calibration: () => Scored[]): BacktestResult {
  const { models, seed, wantsEnsemble } = m;
  const foldOf = new Map<number, number>();
  const ensembleLog: NonNullable<BacktestResult['ensemble']> = [];
  // Per issue: the ensemble weights and the error models that apply (fitted without that issue's proposal).
  const fitted: Array<{ weights?: Record<string, number>; snap?: number; em: Record<string, ErrorModel> }> = new Array(scored.length);
  let method: BacktestResult['method'];
  if (opts.folds !== undefined) {
    checkFolds(opts.folds, new Set(scored.map((x) => x.case)).size);
    method = 'cross-validation';
    const fold = foldsByProposal(scored.map((x) => x.case), opts.folds, seed);
    for (let k = 0; k < opts.folds; k++) {
      const train = scored.filter((x) => fold.get(x.case) !== k);
      const ens = wantsEnsemble ? fitEnsemble(train, seed + k + 1) : undefined;
      if (ens) ensembleLog.push({ fold: k, method: ens.method, weights: ens.weights, snap: ens.snap });
      const em = fitErrorModels(train, models, ens);
      scored.forEach((x, i) => {
        if (fold.get(x.case) !== k) return;
        foldOf.set(i, k);
        fitted[i] = { weights: ens?.weights, snap: ens?.snap, em };
      });
    }
  } else if (opts.calibration) {
    method = 'calibration';
    const cal = calibration();
    if (cal.length === 0) throw new RangeError('the calibration data set has no issue with a known outcome');
    const ens = wantsEnsemble ? fitEnsemble(cal, seed) : undefined;
    if (ens) ensembleLog.push({ fold: null, method: ens.method, weights: ens.weights, snap: ens.snap });
    const em = fitErrorModels(cal, models, ens);
    scored.forEach((_, i) => (fitted[i] = { weights: ens?.weights, snap: ens?.snap, em }));
  } else {
    method = 'shipped';
    const weights = wantsEnsemble ? normaliseWeights(shippedErrorModels.ensemble.weights) : undefined;
    const snap = defaultEnsembleSnap;
    if (weights) ensembleLog.push({ fold: null, method: shippedErrorModels.ensemble.method, weights, snap });
    const em: Record<string, ErrorModel> = {};
    for (const m of models) {
      const e = shippedErrorModels.models[m];
      // A model without a shipped error model: a point mass at its forecast.
      em[m] = e ?? { n: 0, pooled: [0, 0], cut: 1, near: [0, 0], far: [0, 0] };
    }
    scored.forEach((_, i) => (fitted[i] = { weights, snap, em }));
  }

  const issues: BacktestIssue[] = scored.map((x, i) => {
    const rec: BacktestIssue = { case: x.case, issue: x.issue, title: x.title, outcome: 100 * x.y, statusQuo: 100 * x.sq, forecasts: {}, absoluteErrors: {}, interval50: {}, interval90: {}, crps: {} };
    models.forEach((m, j) => {
      const point = m === 'ensemble' ? snapToCandidates(combine(fitted[i].weights!, x.f), x.cands, fitted[i].snap ?? 0) : x.f[m];
      const sample = predictive(x, m, point, fitted[i].em[m], seed * 7919 + i * 31 + j, fitted[i].weights, fitted[i].snap).sort();
      rec.forecasts[m] = 100 * point;
      rec.absoluteErrors[m] = 100 * Math.abs(point - x.y);
      rec.interval50[m] = [100 * quantileSorted(sample, 0.25), 100 * quantileSorted(sample, 0.75)];
      rec.interval90[m] = [100 * quantileSorted(sample, 0.05), 100 * quantileSorted(sample, 0.95)];
      rec.crps[m] = 100 * crpsOfSamples(sample, x.y);
    });
    if (foldOf.has(i)) rec.fold = foldOf.get(i);
    return rec;
  });

  const B = opts.bootstrap ?? 1000;
  const scores = models.map((m) => scoreModel(m, issues, B, seed));
  return {
    method,
    folds: opts.folds ?? null,
    seed,
    bootstrap: B,
    models: scores,
    summary: scores.map((s) => ({ model: s.model, n: s.n, meanAbsoluteError: s.mae, medianAbsoluteError: s.medianAe, rootMeanSquaredError: s.rmse })),
    ...(wantsEnsemble ? { ensemble: ensembleLog } : {}),
    issues,
    skipped,
  };
}

// A tolerance for "inside the interval": the interval ends are interpolated quantiles of clipped
// samples, so an outcome exactly at a scale end or at a point mass must count as covered.
const EPS = 1e-9;
const inside = (v: number, [lo, hi]: [number, number]) => v >= lo - EPS && v <= hi + EPS;

interface Metrics {
  n: number;
  mae: number;
  medianAe: number;
  rmse: number;
  coverage50: number;
  coverage90: number;
  crps: number;
}

function metricsOf(rows: ReadonlyArray<{ ae: number; c50: number; c90: number; crps: number }>): Metrics {
  const n = rows.length;
  const errors = summarizeErrors(rows.map((r) => r.ae));
  const mean = (f: (r: (typeof rows)[number]) => number) => (n ? rows.reduce((s, r) => s + f(r), 0) / n : NaN);
  return { n, mae: errors.meanAbsoluteError, medianAe: errors.medianAbsoluteError, rmse: errors.rootMeanSquaredError, coverage50: mean((r) => r.c50), coverage90: mean((r) => r.c90), crps: mean((r) => r.crps) };
}

/** A model's metrics and their 95 % cluster-bootstrap intervals (resampling proposals, seeded). */
function scoreModel(model: string, issues: readonly BacktestIssue[], B: number, seed: number): ModelScore {
  const byCase = new Map<string, Array<{ ae: number; c50: number; c90: number; crps: number }>>();
  for (const i of issues) {
    if (!Number.isFinite(i.absoluteErrors[model])) continue;
    const row = { ae: i.absoluteErrors[model], c50: inside(i.outcome, i.interval50[model]) ? 1 : 0, c90: inside(i.outcome, i.interval90[model]) ? 1 : 0, crps: i.crps[model] };
    const list = byCase.get(i.case) ?? [];
    list.push(row);
    byCase.set(i.case, list);
  }
  const clusters = [...byCase.values()];
  const point = metricsOf(clusters.flat());
  const keys = ['mae', 'medianAe', 'rmse', 'coverage50', 'coverage90', 'crps'] as const;
  const boot: Record<(typeof keys)[number], number[]> = { mae: [], medianAe: [], rmse: [], coverage50: [], coverage90: [], crps: [] };
  // The same resamples for every model (stream fixed by the seed): intervals of different models are comparable.
  const rng = createRng(seed, 0xb007);
  for (let b = 0; b < B && clusters.length > 0; b++) {
    const rows: Array<{ ae: number; c50: number; c90: number; crps: number }> = [];
    for (let c = 0; c < clusters.length; c++) rows.push(...clusters[Math.floor(rng() * clusters.length)]);
    const m = metricsOf(rows);
    for (const k of keys) boot[k].push(m[k]);
  }
  const interval = (k: (typeof keys)[number]): [number, number] => {
    if (boot[k].length === 0) return [NaN, NaN];
    const s = Float64Array.from(boot[k]).sort();
    return [quantileSorted(s, 0.025), quantileSorted(s, 0.975)];
  };
  return {
    model,
    ...point,
    maeInterval: interval('mae'),
    medianAeInterval: interval('medianAe'),
    rmseInterval: interval('rmse'),
    coverage50Interval: interval('coverage50'),
    coverage90Interval: interval('coverage90'),
    crpsInterval: interval('crps'),
  };
}
