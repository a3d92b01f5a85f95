/**
 * Agreement-outlook benchmark (issue 11): the 10,000-run Monte Carlo of examples/ukraine-2025.yaml
 * with every model and the agreement probability, on 2 worker threads; prints seconds, and the same
 * simulation without the agreement part for comparison. Target: under 10 s on 2 cores.
 *
 *   node --import tsx bench/outlook.ts [--runs 10000] [--threads 2] [--by 2026-06-30]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { availableParallelism, loadavg } from 'node:os';
import { loadCaseFile } from '../src/case/load.ts';
import { forecastOutlook } from '../src/analysis/outlook.ts';
import { simulate } from '../src/analysis/montecarlo.ts';
import { modelNames } from '../src/engines/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, threads: { type: 'string', default: '2' }, by: { type: 'string', default: '2026-06-30' }, baseline: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const threads = Number(values.threads);
const c = await loadCaseFile(join(root, 'examples/ukraine-2025.yaml'));
console.log(`outlook benchmark: ukraine-2025, ${runs} runs, ${threads} threads, models ${modelNames().join(',')}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}`);
let t0 = performance.now();
const o = await forecastOutlook(c, { by: values.by!, runs, seed: 1, threads });
console.log(`outlook (Monte Carlo + agreement + mixtures): ${((performance.now() - t0) / 1000).toFixed(2)} s; P(agreement by ${values.by}) = ${o.agreement.probability.toFixed(4)}`);
if (values.baseline) {
  t0 = performance.now();
  await simulate(c, { runs, seed: 1, workers: threads });
  console.log(`simulate alone (no agreement): ${((performance.now() - t0) / 1000).toFixed(2)} s; load now ${loadavg()[0].toFixed(1)}`);
}
