/**
 * Durable jobs benchmark: how the time of a stored, chunked simulate job (SQLite) scales with its draws, against the same simulation in memory in one thread.
 *
 *   node --import tsx bench/jobs.ts                       # 5000, 10000, 20000 runs; compromise + bdm on the tutorial case
 *   node --import tsx bench/jobs.ts --runs 2000,8000
 *   node --import tsx bench/jobs.ts --runs 20000 --case examples/ukraine-2025.yaml --models compromise,bdm,exchange
 *
 * The job goes through the API in process (POST /api/cases/{id}/simulate, polled at GET /api/jobs/{id}),
 * so its time includes storing every 250-run chunk in the database and recording the run. Worker
 * processes are bench/workers.ts (PostgreSQL). While the job runs it is polled every 5 ms, and each
 * poll's wait is timed (from the moment it was due to its answer): what the dashboard's progress bar
 * waits for when the server is busy with the job.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulate } from '../src/analysis/index.ts';
import { loadCaseFile } from '../src/case/load.ts';
import { createApp } from '../src/server/app.ts';
import { createStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000,10000,20000' }, case: { type: 'string', default: 'examples/tutorial.yaml' }, models: { type: 'string', default: 'compromise,bdm' } } });
const sizes = values.runs.split(',').map(Number);
if (sizes.some((n) => !(Number.isInteger(n) && n >= 1 && n <= 200_000))) {
  console.error('usage: bench/jobs.ts [--runs N,N,… (1..200000)]');
  process.exit(2);
}
const models = values.models.split(',');
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-jobs-'));
try {
  const store = await createStore(join(dir, 'bench.db'));
  const cs = await loadCaseFile(new URL(`../${values.case}`, import.meta.url).pathname);
  await store.createCase(cs);
  const { app, jobs } = createApp({ store });
  console.log(`case ${cs.id}, models ${models.join('+')}, SQLite file, load average ${loadavg()[0].toFixed(2)}`);
  console.log('runs\tjob s\tin-memory s\tjob / in-memory\truns/s (job)\tpoll wait median / max ms');
  for (const runs of sizes) {
    const t0 = performance.now();
    const res = await app.request(`/api/cases/${cs.id}/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ runs, seed: 1, models }) });
    const { jobId } = (await res.json()) as { jobId: string };
    const waits: number[] = [];
    let due = performance.now();
    for (;;) {
      const job = (await (await app.request(`/api/jobs/${jobId}`)).json()) as { status: string; error?: string };
      if (job.status === 'done') break;
      if (job.status !== 'queued' && job.status !== 'running') throw new Error(`job ${job.status}: ${job.error}`);
      waits.push(performance.now() - due);
      due = performance.now() + 5;
      await new Promise((r) => setTimeout(r, 5));
    }
    waits.sort((a, b) => a - b);
    const jobS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await simulate(cs, { runs, seed: 1, models, workers: 1 });
    const memS = (performance.now() - t1) / 1000;
    console.log(`${runs}\t${jobS.toFixed(2)}\t${memS.toFixed(2)}\t${(jobS / memS).toFixed(2)}\t${Math.round(runs / jobS)}\t\t${waits[waits.length >> 1].toFixed(0)} / ${waits[waits.length - 1].toFixed(0)}`);
  }
  await jobs.shutdown();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
