/**
 * The outlook over time: the forecasts re-run as of each date on which a stance or a piece of
 * evidence (not rejected) was dated, so the analyst sees how the outlook moved, and what changed
 * on each date.
 */
import type { Case } from '../case/schema.ts';
import { asOf, applyScenario } from '../case/view.ts';
import { forecastCase, type ForecastOptions } from './forecast.ts';
import { zoneOfAgreement } from './zopa.ts';

export interface TimelinePoint {
  date: string;
  /** What is dated that day: stance changes (actor/issue) and evidence ids. */
  changes: { stances: Array<{ actor: string; issue: string }>; evidence: string[] };
  /** outcome[model]: the forecast per issue as of the date. */
  outcome: Record<string, number[]>;
  /** Whether packages respecting every veto holder's red line existed as of the date. */
  packagesExist: boolean;
}

export interface Timeline {
  case: { id: string; title: string };
  scenario: string | null;
  models: string[];
  issues: string[];
  points: TimelinePoint[];
}

export type TimelineOptions = ForecastOptions & { from?: string; to?: string };

/** The dates of the timeline, in order: each on which a stance or a piece of evidence (not rejected) is dated, within from … to. */
export function timelineDates(c: Case, opts: TimelineOptions = {}): string[] {
  const { from, to } = opts;
  const dates = new Set<string>();
  for (const s of c.stances) if (s.date) dates.add(s.date);
  for (const e of c.evidence) if (e.status !== 'rejected') dates.add(e.date);
  return [...dates].filter((d) => (!from || d >= from) && (!to || d <= to)).sort();
}

/** The timeline's point of one date, and the models that forecast it (src/analysis/timeline-chunks.ts splits the dates over chunks). */
export function timelinePoint(c: Case, opts: TimelineOptions, date: string): { point: TimelinePoint; models: string[] } {
  const { scenario, from: _f, to: _t, asOf: _a, ...rest } = opts;
  let view = asOf(c, date);
  if (scenario) view = applyScenario(view, scenario);
  const results = forecastCase(view, rest).results;
  return {
    models: results.map((r) => r.model),
    point: {
      date,
      changes: {
        stances: c.stances.filter((s) => s.date === date).map((s) => ({ actor: s.actor, issue: s.issue })),
        evidence: c.evidence.filter((e) => e.date === date && e.status !== 'rejected').map((e) => e.id),
      },
      outcome: Object.fromEntries(results.map((r) => [r.model, r.outcome])),
      packagesExist: zoneOfAgreement(view, { forecasts: false }).packagesExist,
    },
  };
}

/** The timeline from its points in date order; `models`: those of the last point ([] for none). */
export function timelineOf(c: Case, opts: TimelineOptions, points: TimelinePoint[], models: string[]): Timeline {
  return { case: { id: c.id, title: c.title }, scenario: opts.scenario ?? null, models, issues: c.issues.map((i) => i.id), points };
}

export function timeline(c: Case, opts: TimelineOptions = {}): Timeline {
  let models: string[] = [];
  const points = timelineDates(c, opts).map((date): TimelinePoint => {
    const p = timelinePoint(c, opts, date);
    models = p.models;
    return p.point;
  });
  return timelineOf(c, opts, points, models);
}
