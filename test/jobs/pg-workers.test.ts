/**
 * Workers on PostgreSQL (issue 16): a server process that runs no jobs (`--no-worker`) and two
 * `parley worker` processes on a fresh database; a 20,000-run simulate submitted through the API;
 * one worker killed with SIGKILL part-way. Its chunk comes back through pg-boss's expiry, the other
 * worker finishes the job, and the result is bit for bit (the same canonical JSON as) simulate() in
 * one process. Runs only with PARLEY_TEST_PG (and must under CI=true).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { simulate } from '../../src/analysis/index.ts';
import { BOSS_SCHEMA, CHUNK_QUEUE } from '../../src/jobs/pgboss.ts';
import { jsonSafe } from '../../src/server/routes/common.ts';
import { canonicalJson } from '../../src/store/hash.ts';
import { createStore } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { projectRoot } from '../helpers/reference.ts';
import { describeWithPostgres, freshDatabase } from './pg.ts';

const parley = join(projectRoot, 'bin/parley.js');
const CASE = 'millbrook-budget-2026';
const BODY = { runs: 20_000, seed: 2026, models: ['compromise', 'bdm'] };
// A dead worker's chunk is handed out again 3 s after it started (checked every second).
const ENV = { ...process.env, PARLEY_CHUNK_EXPIRE_SECONDS: '3', PARLEY_QUEUE_MAINTENANCE_SECONDS: '1', PARLEY_FEEDS: '0' };

interface JobJson { id: string; status: string; progress: number; result?: Record<string, unknown> & { runId: string }; error?: string }
interface Proc { child: ChildProcess; stderr: () => string }

/** Every process started, killed at the end whatever happened. */
const children: ChildProcess[] = [];

/** A parley process, resolved when its output matches `ready` (with the match). */
function start(args: string[], ready: RegExp, stream: 'stdout' | 'stderr'): Promise<Proc & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, [parley, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
  children.push(child);
  let err = '';
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = ready.exec(stream === 'stdout' ? out : err);
      if (m) resolve({ child, stderr: () => err, match: m });
    };
    child[stream]!.on('data', check);
    child.once('exit', (code) => reject(new Error(`parley ${args[0]} exited with ${code}: ${err}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
/** A worker's log lines: the server's shape (src/server/log.ts), `event` "job" (the queue's) or "worker", each with its `step`. */
const events = (log: string) => log.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { time: string; level: string; event: string; step: string; job?: string; chunk?: number });

describeWithPostgres('parley worker on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let dir: string | undefined;
  // In a hook, so that it runs after a timeout too.
  afterEach(async () => {
    for (const child of children.splice(0)) await stopped(child, 'SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('two workers, one killed with SIGKILL part-way: the job finishes with the numbers of one process', async () => {
    db = await freshDatabase('workers');
    dir = mkdtempSync(join(tmpdir(), 'parley-workers-'));
    // The workers need only the database: they start beside the server.
    const [server, a, b] = await Promise.all([
      start(['serve', '--port', '0', '--db', db.url, '--no-worker', '--web-root', dir], /serving the dashboard and API on (http:\/\/127\.0\.0\.1:\d+)\//, 'stdout'),
      start(['worker', '--db', db.url], /"event":"worker","step":"ready"/, 'stderr'),
      start(['worker', '--db', db.url], /"event":"worker","step":"ready"/, 'stderr'),
    ]);
    const url = server.match[1];
    const ready = (await (await fetch(`${url}/api/ready`)).json()) as { runsJobs: boolean };
    expect(ready.runsJobs).toBe(false);
    await sleep(100);
    expect(server.stderr()).toContain('jobs are queued for `parley worker` processes');

    const started = await fetch(`${url}/api/cases/${CASE}/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BODY) });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    const job = async (): Promise<JobJson> => (await (await fetch(`${url}/api/jobs/${jobId}`)).json()) as JobJson;

    // Both workers take chunks; kill one when between a fifth and seven tenths of the chunks are stored.
    let seen: JobJson;
    for (;;) {
      seen = await job();
      if (seen.progress >= 0.2) break;
      expect(seen.status === 'queued' || seen.status === 'running').toBe(true);
      await sleep(20);
    }
    await stopped(a.child, 'SIGKILL');
    expect(seen.status).toBe('running');
    expect(seen.progress).toBeLessThan(0.7);
    const killedChunks = events(a.stderr()).filter((e) => e.step === 'chunk' && e.job === jobId).length;
    expect(killedChunks).toBeGreaterThan(0);

    let done: JobJson;
    for (let i = 0; ; i++) {
      done = await job();
      if (done.status !== 'queued' && done.status !== 'running') break;
      expect(i).toBeLessThan(600);
      await sleep(50);
    }
    expect(done.error).toBeUndefined();
    expect([done.id, done.status, done.progress]).toEqual([jobId, 'done', 1]);

    // The survivor computed the rest, the killed worker's unfinished chunk among them (a retry). The
    // killed worker may have stored one chunk whose log line the SIGKILL cut off: one line may be missing.
    const survivor = events(b.stderr()).filter((e) => e.job === jobId);
    expect(survivor.filter((e) => e.step === 'chunk' || e.step === 'combined').length + killedChunks).toBeGreaterThanOrEqual(79);
    expect(survivor.filter((e) => e.step === 'combined')).toHaveLength(1);
    const peek = await createStore(db.url);
    try {
      // The killed worker held at most one chunk (concurrency 1), unless the SIGKILL came between two.
      // That chunk expired and was retried by the survivor; or, if it had been stored before the kill, the
      // job was combined without it and its expired copy may still wait to run (it then finds the job
      // done). So: one chunk at most either retried or not completed, never one the killed worker
      // reported done; every other chunk completed once.
      const rows = (await peek.db
        .selectFrom(`${BOSS_SCHEMA}.job` as any)
        .select(['data', 'retry_count', 'state'] as any)
        .where('name' as any, '=', CHUNK_QUEUE)
        .execute()) as unknown as { data: { jobId: string; chunk: number }; retry_count: number; state: string }[];
      const mine = rows.filter((r) => r.data.jobId === jobId);
      expect(mine).toHaveLength(80);
      const held = new Set(mine.filter((r) => r.retry_count > 0 || r.state !== 'completed').map((r) => r.data.chunk));
      expect(held.size).toBeLessThanOrEqual(1);
      expect(mine.filter((r) => !held.has(r.data.chunk)).every((r) => r.state === 'completed' && r.retry_count === 0)).toBe(true);
      const killedDone = new Set(events(a.stderr()).filter((e) => e.step === 'chunk' && e.job === jobId).map((e) => e.chunk));
      for (const c of held) expect(killedDone.has(c)).toBe(false);
      expect(new Set(mine.map((r) => r.data.chunk)).size).toBe(80);
      expect((await new JobStore(peek.db).chunks(jobId)).size).toBe(0);
      const { case: cs } = await peek.getCase(CASE);
      const { runId, ...result } = done.result!;
      const oneProcess = jsonSafe(await simulate(cs, { ...BODY, workers: 1 }));
      expect(canonicalJson(result)).toBe(canonicalJson(oneProcess));
      expect(result.runs).toBe(20_000);
      // One run recorded (its replay is test/server/durable-jobs.test.ts's: the same simulate() in one process).
      expect((await peek.listRuns({ caseId: CASE })).items.filter((r) => r.kind === 'simulate').map((r) => r.id)).toEqual([runId]);
    } finally {
      await peek.close();
    }
    // SIGTERM: the survivor stops cleanly.
    await stopped(b.child, 'SIGTERM');
    expect(b.child.exitCode).toBe(0);
    const lines = events(b.stderr());
    expect(lines.map((e) => e.step).slice(-3)).toEqual(['stopping', 'worker-stopped', 'stopped']);
    expect(lines.map((e) => e.event).slice(-3)).toEqual(['worker', 'job', 'worker']);
    expect(lines.every((e) => !Number.isNaN(Date.parse(e.time)) && (e.level === 'info' || e.level === 'error') && (e.event === 'job' || e.event === 'worker'))).toBe(true);
  }, 180_000);
});
