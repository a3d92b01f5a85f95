/**
 * Monte Carlo benchmark: runs per second of every model on examples/ukraine-2025.yaml (the tutorial
 * case when it is absent), with 1 and with 2 worker threads, and a check that both thread counts
 * give the same bytes. Target (issue 5): every model × 10,000 runs in under 10 s on 2 cores.
 *
 *   node --import tsx bench/montecarlo.ts                          # 10,000 runs, every model, 1 and 2 threads
 *   node --import tsx bench/montecarlo.ts --runs 2000 --models bdm,smp --workers 2
 *
 * Wall-clock times include starting the worker threads (each loads the TypeScript sources through
 * tsx, about 0.3–1 s); on a shared machine they vary with its load. The "cpu s" columns are the CPU
 * time the whole process used (every thread), which the machine's load disturbs much less: on an
 * idle machine, wall ≈ cpu s for one thread and ≈ cpu s / threads (plus start-up) for several.
 */
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCaseFile } from '../src/case/load.ts';
import { simulate } from '../src/analysis/montecarlo.ts';
import { modelNames } from '../src/engines/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    models: { type: 'string' },
    workers: { type: 'string', default: '1,2' },
    case: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const workerCounts = values.workers!.split(',').map(Number);
const file = values.case ?? [join(root, 'examples/ukraine-2025.yaml'), join(root, 'examples/tutorial.yaml')].find(existsSync)!;
const c = await loadCaseFile(file);
const models = values.models ? values.models.split(',') : modelNames();

const load = () => loadavg()[0].toFixed(1);
console.log(`Monte Carlo benchmark: ${file.replace(`${root}/`, '')} (${c.actors.length} actors, ${c.issues.length} issues), ${runs} runs, seed ${seed}, Node ${process.version}, ${availableParallelism()} cores, load average ${load()}`);
console.log(['model'.padEnd(12), ...workerCounts.flatMap((w) => [`${w} thr: s`.padStart(11), 'runs/s'.padStart(9), 'cpu s'.padStart(7)]), 'same bytes'.padStart(11)].join(' '));
const totals = new Map<number, number>();
for (const model of [...models, 'all']) {
  const cells: string[] = [model.padEnd(12)];
  const digests = new Set<string>();
  for (const workers of workerCounts) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await simulate(c, { runs, seed, workers, models: model === 'all' ? models : [model] });
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (model !== 'all') totals.set(workers, (totals.get(workers) ?? 0) + secs);
    digests.add(createHash('sha256').update(JSON.stringify(result)).digest('hex'));
    cells.push(secs.toFixed(2).padStart(11), Math.round(runs / secs).toString().padStart(9), ((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(7));
  }
  cells.push((digests.size === 1 ? 'yes' : 'NO').padStart(11));
  console.log(cells.join(' '));
}
console.log(`one simulation per model, summed: ${[...totals].map(([w, s]) => `${w} thread(s) ${s.toFixed(1)} s`).join(', ')}; "all" runs every model on each drawn input in one simulation; load average now ${load()}`);
