/**
 * The backtest (src/analysis/backtest.ts) split into independent chunks, for durable jobs and
 * workers (docs/jobs.md).
 *
 * Its long part is forecasting every case with every base model (and, where a case has ranges,
 * its Monte Carlo draws). A case's scored issues depend only on the case, the options and the
 * number of issues scored before it (which seeds its draws, and is known from the cases alone), so
 * the cases are dealt into runs of consecutive cases (grouped by their size, src/analysis/chunking.ts),
 * then, when the error models are fitted on a calibration data set, that set's cases the same way.
 * The merge puts the scored issues back in case order and runs the rest of `backtest` on them — the
 * folds' ensemble and error-model fits, the predictive intervals and the bootstrap, which need every
 * issue at once — with the same code: bit for bit `backtest`'s result.
 */
import type { Case } from '../case/schema.ts';
import { backtestModels, backtestScored, checkFolds, hasRanges, knownOutcomes, scoreCase, type BacktestOptions, type BacktestResult, type Scored } from './backtest.ts';
import { CHUNK_UNITS, decodeChunk, encodeChunk, forecastUnits, orderedPartials } from './chunking.ts';

/** A chunk's partial result, JSON-safe (src/analysis/chunking.ts encodeChunk; the draws are Float64Arrays). */
export interface BacktestPartial {
  chunk: number;
  of: number;
  /** The scored issues of the chunk's cases, in case order. */
  scored: unknown;
}

/** Chunk: cases [from, to) of the cases backtested or of the calibration set. */
interface Group {
  set: 'cases' | 'calibration';
  from: number;
  to: number;
}

interface Split {
  m: ReturnType<typeof backtestModels>;
  calibration: readonly Case[] | null;
  groups: Group[];
}

/** Consecutive cases grouped until a group reaches CHUNK_UNITS (or `size` cases a group). */
function groupCases(set: Group['set'], cases: readonly Case[], base: string[], opts: BacktestOptions, size?: number): Group[] {
  const groups: Group[] = [];
  const draws = opts.draws ?? 200;
  let from = 0;
  let units = 0;
  cases.forEach((c, i) => {
    const cost = knownOutcomes(c) === 0 ? 0 : forecastUnits(c.actors.length, c.issues.length, base) * (1 + (draws > 0 && hasRanges(c) ? draws : 0));
    const full = size !== undefined ? i - from >= size : units > 0 && units + cost > CHUNK_UNITS;
    if (full) {
      groups.push({ set, from, to: i });
      from = i;
      units = 0;
    }
    units += cost;
  });
  if (cases.length > from) groups.push({ set, from, to: cases.length });
  return groups;
}

function split(cases: readonly Case[], opts: BacktestOptions, size?: number): Split {
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 1)) throw new RangeError(`backtest: cases per chunk must be a positive integer, got ${size}`);
  const m = backtestModels(opts);
  // The option errors backtest gives after scoring, given before any chunk runs.
  if (opts.folds !== undefined) checkFolds(opts.folds, new Set(cases.filter((c) => knownOutcomes(c) > 0).map((c) => c.id)).size);
  const calibration = opts.folds === undefined && opts.calibration ? opts.calibration : null;
  if (calibration && !calibration.some((c) => knownOutcomes(c) > 0)) throw new RangeError('the calibration data set has no issue with a known outcome');
  const groups = [...groupCases('cases', cases, m.base, opts, size), ...(calibration ? groupCases('calibration', calibration, m.base, opts, size) : [])];
  // No case at all: one chunk with nothing to score (the merge gives backtest's answer).
  if (groups.length === 0) groups.push({ set: 'cases', from: 0, to: 0 });
  return { m, calibration, groups };
}

/** The issues scored before case i of the set (its draws' seed). */
const offsetOf = (cases: readonly Case[], i: number) => cases.slice(0, i).reduce((s, c) => s + knownOutcomes(c), 0);

/**
 * How many chunks the backtest of `cases` with `opts` has (at least 1); throws what `backtest`
 * throws for bad models, folds or an empty calibration set. `size` (cases per chunk; default grouped
 * by the cases' size) must be the same for the chunks and the merge.
 */
export function backtestChunks(cases: readonly Case[], opts: BacktestOptions = {}, size?: number): number {
  return split(cases, opts, size).groups.length;
}

/** Chunk i's partial result. */
export function backtestChunk(cases: readonly Case[], opts: BacktestOptions, i: number, size?: number): BacktestPartial {
  const s = split(cases, opts, size);
  if (!Number.isInteger(i) || i < 0 || i >= s.groups.length) throw new RangeError(`backtest: chunk ${i} is not one of 0..${s.groups.length - 1}`);
  const g = s.groups[i];
  const set = g.set === 'cases' ? cases : s.calibration!;
  let offset = offsetOf(set, g.from);
  const scored: Scored[] = [];
  for (let k = g.from; k < g.to; k++) {
    const recs = scoreCase(set[k], s.m.base, opts, s.m.seed, offset);
    offset += recs.length;
    for (const r of recs) scored.push(r);
  }
  return encodeChunk({ chunk: i, of: s.groups.length, scored }) as BacktestPartial;
}

/** The partials of every chunk (any order) merged: exactly `backtest(cases, opts)`. */
export function mergeBacktest(cases: readonly Case[], opts: BacktestOptions, partials: readonly BacktestPartial[], size?: number): BacktestResult {
  const s = split(cases, opts, size);
  const scored: Scored[] = [];
  const cal: Scored[] = [];
  orderedPartials('backtest', s.groups.length, partials).forEach((p, i) => {
    const g = s.groups[i];
    const set = g.set === 'cases' ? cases : s.calibration!;
    const list = decodeChunk<Scored[]>(p.scored);
    const expected = set.slice(g.from, g.to).reduce((t, c) => t + knownOutcomes(c), 0);
    if (!Array.isArray(list) || list.length !== expected) throw new RangeError(`backtest: chunk ${i} has ${Array.isArray(list) ? list.length : 'no'} scored issues, expected ${expected}`);
    for (const r of list) (g.set === 'cases' ? scored : cal).push(r);
  });
  const skipped = cases.reduce((t, c) => t + c.issues.length - knownOutcomes(c), 0);
  return backtestScored(opts, s.m, scored, skipped, () => cal);
}
