/**
 * Reading the Monte Carlo job's result (src/analysis/montecarlo.ts, `parley simulate --format json`):
 * per model and issue, the 5/25/50/75/95 % quantiles of the outcome, and per model the share of
 * runs landing inside every veto holder's red line.
 */
import type { OutcomeQuantiles, SimulationResult } from '../../src/analysis/montecarlo.ts';

export type Interval = OutcomeQuantiles;

const isSimulation = (r: unknown): r is SimulationResult =>
  typeof r === 'object' && r !== null && typeof (r as SimulationResult).quantiles === 'object' && (r as SimulationResult).quantiles !== null;

export function intervalOf(result: unknown, model: string, issueId: string): Interval | null {
  if (!isSimulation(result)) return null;
  const q = result.quantiles[model]?.[issueId];
  return q && [q.p05, q.p25, q.p50, q.p75, q.p95].every((x) => typeof x === 'number' && Number.isFinite(x)) ? q : null;
}

/** Share of runs whose outcome respects every veto holder's red line on every issue. */
export function dealShare(result: unknown, model: string): number | null {
  if (!isSimulation(result)) return null;
  const a = result.acceptance?.[model]?.vetoHolders;
  return typeof a === 'number' ? a : null;
}
