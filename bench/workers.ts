/**
 * Monte Carlo jobs on `parley worker` processes over PostgreSQL (docs/jobs.md): throughput (runs per
 * second) of one job with 1, 2 and 4 worker processes, and the time of a job of 5k, 10k, 20k and 40k
 * draws with 2 workers, beside simulate() in one process (one thread). The case is the tutorial's
 * (millbrook-budget-2026) with compromise and bdm, the models of the test; the time is from
 * the submit to the job's stored result (run recorded), the workers already started.
 * Options: `--pg URL` (default $PARLEY_TEST_PG: a server where a database may be created and dropped),
 * `--runs N` (20000, the throughput job), `--draws 5000,10000,20000,40000`, `--workers 1,2,4`.
 * Run: `npm run bench -- workers`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simulate } from '../src/analysis/index.ts';
import { importFile } from '../src/formats/index.ts';
import { simulateChunks, durableJobManager } from '../src/server/durable-simulate.ts';
import { createStore } from '../src/store/index.ts';
import { JobStore } from '../src/store/jobs.ts';
import { projectRoot } from '../src/server/index.ts';
import { scratchDatabase } from '../test/helpers/postgres.ts';

const flag = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const list = (s: string) => s.split(',').map(Number);
const adminUrl = flag('pg', process.env.PARLEY_TEST_PG ?? '');
if (!adminUrl) {
  process.stderr.write('bench/workers: give --pg postgres://… (or set PARLEY_TEST_PG): a PostgreSQL server where a database may be created\n');
  process.exit(2);
}
const RUNS = Number(flag('runs', '20000'));
const DRAWS = list(flag('draws', '5000,10000,20000,40000'));
const WORKERS = list(flag('workers', '1,2,4'));
const MODELS = ['compromise', 'bdm'];
const SEED = 2026;

const scratch = await scratchDatabase(adminUrl, 'bench_workers');
const db = scratch.url;
const store = await createStore(db);
const queue = durableJobManager(store, undefined, false);
const jobStore = new JobStore(store.db);
const cs = await importFile(join(projectRoot, 'examples/tutorial.yaml'));
const { revision } = await store.createCase(cs);
const children: ChildProcess[] = [];

function worker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(projectRoot, 'bin/parley.js'), 'worker', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PARLEY_FEEDS: '0' } });
  children.push(child);
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('"event":"worker","step":"ready"')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`parley worker exited with ${code}: ${err}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});

/** Seconds from the submit of a `runs`-run job to its stored result. */
async function job(runs: number): Promise<number> {
  const t = performance.now();
  const { id } = await queue.submit('simulate', { caseId: cs.id, revision, models: MODELS, params: { runs, seed: SEED } }, simulateChunks(runs));
  for (;;) {
    const j = (await jobStore.get(id))!;
    if (j.status === 'done') return (performance.now() - t) / 1000;
    if (j.status !== 'queued' && j.status !== 'running') throw new Error(`job ${id} ${j.status}: ${j.error}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const rows: string[][] = [];
const line = (cells: Array<string | number>) => rows.push(cells.map(String));
try {
  const t0 = performance.now();
  await simulate(cs, { runs: RUNS, seed: SEED, models: MODELS, workers: 1 });
  const one = (performance.now() - t0) / 1000;
  line(['simulate() in one process, one thread', RUNS, one.toFixed(2), Math.round(RUNS / one)]);

  const running: ChildProcess[] = [];
  const throughput: Record<number, number> = {};
  for (const k of WORKERS) {
    while (running.length < k) running.push(...(await Promise.all(Array.from({ length: k - running.length }, worker))));
    while (running.length > k) await stop(running.pop()!);
    const s = await job(RUNS);
    throughput[k] = RUNS / s;
    line([`${k} worker process${k > 1 ? 'es' : ''}`, RUNS, s.toFixed(2), Math.round(RUNS / s)]);
  }
  while (running.length < 2) running.push(await worker());
  while (running.length > 2) await stop(running.pop()!);
  for (const n of DRAWS) {
    const s = await job(n);
    line([`2 workers, ${n.toLocaleString('en')} draws`, n, s.toFixed(2), Math.round(n / s)]);
  }

  const head = ['job', 'runs', 'seconds', 'runs/s'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  process.stdout.write(`Monte Carlo jobs on parley worker processes (PostgreSQL, pg-boss; ${cs.id}, ${MODELS.join(' + ')}, chunks of 250 runs)\n`);
  process.stdout.write(`${fmt(head)}\n${width.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(fmt).join('\n')}\n`);
  process.stdout.write(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (${(await import('node:os')).availableParallelism()} cores)\n`);
} finally {
  await Promise.all(children.map(stop));
  await queue.shutdown();
  await store.close();
  await scratch.drop();
}
