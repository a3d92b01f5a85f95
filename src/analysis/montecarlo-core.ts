/**
 * The part of a Monte Carlo simulation that a worker thread runs: runs [from, to) of a plan, each
 * with its own random stream `createRng(seed, r)`, so that run r gives the same numbers whichever
 * thread computes it.
 *
 * A worker imports this file, the engines and the plan's helpers in model-input.ts alone (no zod,
 * YAML or CLI), and receives the case already flattened into an `InputPlan`.
 */
import { emptyModelInput, setEstimate, type InputPlan } from '../case/model-input.ts';
import { engines } from '../engines/index.ts';
import type { Engine, EngineParams, ModelInput } from '../engines/types.ts';
import { createRng } from '../engines/random.ts';
import { paramsForModel } from '../engines/params.ts';
import { drawBetween, type DistributionName } from './distributions.ts';
import { zoneKernel, type AgreementPlan } from './agreement.ts';

/** Everything a worker needs: plain data, cloneable to a worker thread. */
export interface MonteCarloPlan {
  /** The estimates of the case as simulated (as-of date and scenario already applied). */
  input: InputPlan;
  models: string[];
  seed: number;
  distribution: DistributionName;
  /** Engine parameters other than the seed (rounds, …; `modelParams`: each model's own). */
  params: EngineParams;
  /**
   * The red lines and decision rules, when the agreement outlook is wanted (src/analysis/agreement.ts):
   * each run then also draws the red lines (after everything else, so the other numbers stay as they
   * were) and returns, after the models' outcomes, each model's terms if agreed (the outcome moved to
   * the nearest value every binding red line accepts) and the slack of every issue.
   */
  agreement?: AgreementPlan;
}

/**
 * The estimates that are random (a range wider than a point: `drawEstimate`'s rule), with their
 * bounds, and an input holding every other estimate at its value: per run only the random ones
 * are drawn and written.
 */
function prepareRuns(plan: InputPlan): { fixed: ModelInput; random: Int32Array; low: Float64Array; high: Float64Array } {
  const fixed = emptyModelInput(plan);
  const random: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  for (let e = 0; e < plan.value.length; e++) {
    const v = plan.value[e];
    const lo = Math.min(Number.isNaN(plan.low[e]) ? v : plan.low[e], v);
    const hi = Math.max(Number.isNaN(plan.high[e]) ? v : plan.high[e], v);
    if (hi > lo) {
      random.push(e);
      low.push(lo);
      high.push(hi);
    } else setEstimate(plan, fixed, e, v);
  }
  return { fixed, random: Int32Array.from(random), low: Float64Array.from(low), high: Float64Array.from(high) };
}

/**
 * Outcomes of runs [from, to): per model, a (to − from) × M row-major array. Each run draws every
 * random estimate once (in the plan's fixed order) and gives the same draw to every model (common
 * random numbers: model differences are not blurred by different inputs); models with random
 * elements get a seed drawn from the same stream. The engines run with `explain: false` (their
 * outcome is the same; the per-round records are not built).
 */
export function runBatch(plan: MonteCarloPlan, from: number, to: number): Float64Array[] {
  const m = plan.input.issues.length;
  const models = plan.models.length;
  const zones = plan.agreement ? zoneKernel(plan.agreement, plan.input.scaleMin, plan.input.scaleMax) : null;
  // Per model its outcomes; with the agreement outlook also per model its terms if agreed, then the slacks.
  const out = Array.from({ length: zones ? 2 * models + 1 : models }, () => new Float64Array((to - from) * m));
  const run: Engine[] = plan.models.map((name) => {
    const engine = engines[name];
    if (!engine) throw new Error(`unknown model "${name}"`);
    return engine;
  });
  const { fixed, random, low, high } = prepareRuns(plan.input);
  const input = emptyModelInput(plan.input);
  const params: EngineParams[] = plan.models.map((name) => ({ ...paramsForModel(name, plan.params), seed: 0, explain: false }));
  for (let r = from; r < to; r++) {
    const rng = createRng(plan.seed, r);
    // Start every run from the fixed values (an engine that wrote to its input cannot leak into the next run).
    input.position.set(fixed.position);
    input.salience.set(fixed.salience);
    input.capability.set(fixed.capability);
    for (let d = 0; d < random.length; d++) {
      const e = random[d];
      setEstimate(plan.input, input, e, drawBetween(low[d], plan.input.value[e], high[d], plan.distribution, rng));
    }
    const seed = Math.floor(rng() * 2 ** 32);
    for (const p of params) p.seed = seed;
    const row = (r - from) * m;
    zones?.draw(input, rng, plan.distribution, out[2 * models], row);
    for (let j = 0; j < run.length; j++) {
      const outcome = run[j](input, params[j]).outcome;
      for (let k = 0; k < m; k++) out[j][row + k] = outcome[k];
      if (zones) for (let k = 0; k < m; k++) out[models + j][row + k] = zones.clamp(k, outcome[k]);
    }
  }
  return out;
}
