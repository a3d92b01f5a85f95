/** Small display helpers shared by the views (no case logic: that lives in src/). */
import type { EstimateValue } from '../../src/case/schema.ts';
import type { ModelForecast } from './api.ts';

type EstimateLike = number | EstimateValue;

export const valueOf = (e: EstimateLike): EstimateValue => (typeof e === 'number' ? { value: e } : e);

/** 1 decimal at most, no trailing zeros: 42, 42.5. */
export const num = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : String(Math.round(x * 10) / 10);

/** `70 (50–85)` or `70`. */
export function estimateText(e: EstimateLike): string {
  const { value, low, high } = valueOf(e);
  return low !== undefined || high !== undefined ? `${num(value)} (${num(low ?? value)}–${num(high ?? value)})` : num(value);
}

export function redLineText(r: { min?: number; max?: number; veto?: boolean } | null | undefined): string {
  if (!r) return '';
  const range = r.min !== undefined && r.max !== undefined ? `${num(r.min)}–${num(r.max)}` : r.min !== undefined ? `≥ ${num(r.min)}` : r.max !== undefined ? `≤ ${num(r.max)}` : 'any';
  return r.veto ? `${range} (veto)` : range;
}

/**
 * A model's forecast on the issue at `issueIndex` of the case. The JSON keys issues by (unique)
 * name in case order, so the index finds the key.
 */
export function outcomeOn(f: ModelForecast, issueIndex: number): number | null {
  const v = f.outcome[f.issues[issueIndex]];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
