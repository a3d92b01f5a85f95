/**
 * Agreement-outlook benchmark (issue 11): the 10,000-run Monte Carlo of examples/ukraine-2025.yaml
 * with every model and the agreement probability, on 2 worker threads; prints seconds, and the same
 * simulation without the agreement part for comparison. Target: under 10 s on 2 cores.
 *
 * Besides wall-clock seconds it prints the CPU seconds the process used (every thread, user + system:
 * `process.cpuUsage`), which a loaded machine disturbs much less: on 2 idle cores wall ≈ CPU / 2 plus
 * the start-up of the worker threads and the merge in this thread. `--dist` runs the compiled code in
 * dist/ (what `parley forecast` runs; `npm run build` first), whose workers load no TypeScript.
 *
 *   node --import tsx bench/outlook.ts [--runs 10000] [--threads 2] [--by 2026-06-30]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { availableParallelism, loadavg } from 'node:os';
import type * as LoadModule from '../src/case/load.ts';
import type * as OutlookModule from '../src/analysis/outlook.ts';
import type * as MonteCarloModule from '../src/analysis/montecarlo.ts';
import type * as EnginesModule from '../src/engines/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, threads: { type: 'string', default: '2' }, by: { type: 'string', default: '2026-06-30' }, baseline: { type: 'boolean', default: false }, dist: { type: 'boolean', default: false } } });
// From the sources (through tsx, workers too) or, with --dist, from the compiled modules.
const from = (path: string) => (values.dist ? join(root, 'dist', path.replace(/\.ts$/, '.js')) : join(root, 'src', path));
const { loadCaseFile } = (await import(from('case/load.ts'))) as typeof LoadModule;
const { forecastOutlook } = (await import(from('analysis/outlook.ts'))) as typeof OutlookModule;
const { simulate } = (await import(from('analysis/montecarlo.ts'))) as typeof MonteCarloModule;
const { modelNames } = (await import(from('engines/index.ts'))) as typeof EnginesModule;
const runs = Number(values.runs);
const threads = Number(values.threads);
const c = await loadCaseFile(join(root, 'examples/ukraine-2025.yaml'));
console.log(`outlook benchmark: ukraine-2025, ${runs} runs, ${threads} threads, models ${modelNames().join(',')}, code from ${values.dist ? 'dist/' : 'src/ (tsx)'}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}`);
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return ((u.user + u.system) / 1e6).toFixed(2);
};
// This (main) thread's own CPU seconds, from /proc (Linux; NaN elsewhere): what does not run in
// parallel (the plan, the merge, the mixtures after the draws), so that on 2 idle cores
// wall ≈ main + (CPU − main) / 2.
const mainThreadSeconds = (): number => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
};
let t0 = performance.now();
let cpu0 = process.cpuUsage();
const main0 = mainThreadSeconds();
const o = await forecastOutlook(c, { by: values.by!, runs, seed: 1, threads });
const wall = (performance.now() - t0) / 1000;
const cpu = Number(cpuSeconds(cpu0));
const main = mainThreadSeconds() - main0;
console.log(`outlook (Monte Carlo + agreement + mixtures): ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU (this thread ${main.toFixed(2)} s; on ${threads} idle cores about ${(main + (cpu - main) / threads).toFixed(1)} s wall); P(agreement by ${values.by}) = ${o.agreement.probability.toFixed(4)}; load now ${loadavg()[0].toFixed(1)}`);
if (values.baseline) {
  t0 = performance.now();
  cpu0 = process.cpuUsage();
  await simulate(c, { runs, seed: 1, workers: threads });
  console.log(`simulate alone (no agreement): ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${cpuSeconds(cpu0)} s CPU; load now ${loadavg()[0].toFixed(1)}`);
}
