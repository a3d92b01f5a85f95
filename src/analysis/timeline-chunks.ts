/**
 * The outlook over time (src/analysis/timeline.ts) split into independent chunks, for durable jobs
 * and workers (docs/jobs.md).
 *
 * The timeline's dates are dealt into runs of S consecutive dates (S from the case's size,
 * src/analysis/chunking.ts); a date's point depends only on the case, the options and the date, so
 * the points put back in date order are, bit for bit, `timeline`'s.
 */
import type { Case } from '../case/schema.ts';
import { modelNames } from '../engines/index.ts';
import { resolveModels } from './forecast.ts';
import { decodeChunk, encodeChunk, forecastUnits, itemsPerChunk, orderedPartials } from './chunking.ts';
import { timelineDates, timelineOf, timelinePoint, type Timeline, type TimelineOptions, type TimelinePoint } from './timeline.ts';

/** A chunk's partial result, JSON-safe (src/analysis/chunking.ts encodeChunk). */
export interface TimelinePartial {
  chunk: number;
  of: number;
  /** The points of the chunk's dates, in date order. */
  points: unknown;
  /** The models of the chunk's last point (null: the chunk has no date). */
  models: string[] | null;
}

interface Split {
  dates: string[];
  size: number;
  chunks: number;
}

/** The models a forecast would run, for sizing only: an unknown model is timeline's own error, when (and if) a date is forecast. */
function modelsForSizing(models: string[] | undefined): string[] {
  try {
    return resolveModels(models);
  } catch {
    return modelNames();
  }
}

function split(c: Case, opts: TimelineOptions, size?: number): Split {
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 1)) throw new RangeError(`timeline: dates per chunk must be a positive integer, got ${size}`);
  const dates = timelineDates(c, opts);
  // One forecast a date (the zone of agreement beside it is cheap).
  const per = size ?? itemsPerChunk(forecastUnits(c.actors.length, c.issues.length, modelsForSizing(opts.models)));
  return { dates, size: per, chunks: Math.max(1, Math.ceil(dates.length / per)) };
}

/**
 * How many chunks the timeline of `c` with `opts` has (at least 1, even with no date). `size`
 * (dates per chunk; default from the case's size) must be the same for the chunks and the merge.
 */
export function timelineChunks(c: Case, opts: TimelineOptions = {}, size?: number): number {
  return split(c, opts, size).chunks;
}

/** Chunk i's partial result. */
export function timelineChunk(c: Case, opts: TimelineOptions, i: number, size?: number): TimelinePartial {
  const s = split(c, opts, size);
  if (!Number.isInteger(i) || i < 0 || i >= s.chunks) throw new RangeError(`timeline: chunk ${i} is not one of 0..${s.chunks - 1}`);
  const points: TimelinePoint[] = [];
  let models: string[] | null = null;
  for (const date of s.dates.slice(i * s.size, (i + 1) * s.size)) {
    const p = timelinePoint(c, opts, date);
    points.push(p.point);
    models = p.models;
  }
  return encodeChunk({ chunk: i, of: s.chunks, points, models }) as TimelinePartial;
}

/** The partials of every chunk (any order) merged: exactly `timeline(c, opts)`. */
export function mergeTimeline(c: Case, opts: TimelineOptions, partials: readonly TimelinePartial[], size?: number): Timeline {
  const s = split(c, opts, size);
  let models: string[] = [];
  const points = orderedPartials('timeline', s.chunks, partials).flatMap((p, i) => {
    const list = decodeChunk<TimelinePoint[]>(p.points);
    const dates = s.dates.slice(i * s.size, (i + 1) * s.size);
    if (!Array.isArray(list) || list.length !== dates.length || list.some((x, n) => x?.date !== dates[n])) throw new RangeError(`timeline: chunk ${i} does not hold the points of ${dates.length ? `${dates[0]} … ${dates[dates.length - 1]}` : 'no date'}`);
    if (p.models) models = p.models;
    return list;
  });
  return timelineOf(c, opts, points, models);
}
