/**
 * Predictive error models: what a model's forecast misses by, fitted on backtests with known outcomes
 * (DEU III, by proposal, cross-validated), so that an interval carries the model's own error as well as
 * the uncertainty of the inputs.
 *
 * CONTRACT (shared by the Monte Carlo, the agreement outlook and the forecast record; keep the signature):
 * `predictiveSamples(draws, model, scale, seed)` returns, for each Monte Carlo draw of a model's outcome on
 * one issue, that draw plus an error drawn from the model's fitted error distribution (fitted on the
 * 0–1 normalised scale, rescaled to the issue's width), clipped to the scale. Same inputs and seed, same
 * output, bit for bit.
 *
 * Until the fitted error models land this adds no error (the draws are returned as they are).
 */
export interface IssueScale {
  min: number;
  max: number;
}

export function predictiveSamples(draws: ArrayLike<number>, _model: string, _scale: IssueScale, _seed: number): Float64Array {
  return Float64Array.from(draws);
}
