/**
 * The part of a Monte Carlo simulation that a worker thread runs: runs [from, to) of a plan, each
 * with its own random stream `createRng(seed, r)`, so that run r gives the same numbers whichever
 * thread computes it.
 */
import type { Case } from '../case/schema.ts';
import { toModelInput } from '../case/model-input.ts';
import { engines } from '../engines/index.ts';
import type { EngineParams } from '../engines/types.ts';
import { createRng } from '../engines/random.ts';
import { drawEstimate, type DistributionName } from './distributions.ts';

/** Everything a worker needs: plain data, cloneable to a worker thread. */
export interface MonteCarloPlan {
  /** The case as simulated (as-of date and scenario already applied). */
  case: Case;
  models: string[];
  seed: number;
  distribution: DistributionName;
  /** Engine parameters other than the seed (rounds, …). */
  params: EngineParams;
}

/**
 * Outcomes of runs [from, to): per model, a (to − from) × M row-major array. Each run draws every
 * estimate once (in toModelInput's fixed order) and gives the same draw to every model (common
 * random numbers: model differences are not blurred by different inputs); models with random
 * elements get a seed drawn from the same stream.
 */
export function runBatch(plan: MonteCarloPlan, from: number, to: number): Float64Array[] {
  const m = plan.case.issues.length;
  const out = plan.models.map(() => new Float64Array((to - from) * m));
  const run = plan.models.map((name) => {
    const engine = engines[name];
    if (!engine) throw new Error(`unknown model "${name}"`);
    return engine;
  });
  for (let r = from; r < to; r++) {
    const rng = createRng(plan.seed, r);
    const input = toModelInput(plan.case, (e) => drawEstimate(e, plan.distribution, rng));
    const engineSeed = Math.floor(rng() * 2 ** 32);
    for (let j = 0; j < run.length; j++) {
      const outcome = run[j](input, { ...plan.params, seed: engineSeed }).outcome;
      const row = (r - from) * m;
      for (let k = 0; k < m; k++) out[j][row + k] = outcome[k];
    }
  }
  return out;
}
