/**
 * Estimates without zod: the engines' side of the case model (and Monte Carlo worker threads)
 * imports this instead of schema.ts, so that starting a worker does not load the validator.
 */
export interface EstimateValue {
  value: number;
  low?: number;
  high?: number;
}

/** The value/low/high of an estimate, whichever way it was written (`80` or `{value: 80, ...}`). */
export function estimate(e: number | EstimateValue): EstimateValue {
  return typeof e === 'number' ? { value: e } : e;
}
