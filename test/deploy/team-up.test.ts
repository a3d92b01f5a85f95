/**
 * The documented equivalent of `docker compose up` (scripts/team-up.sh): a server with no jobs of its
 * own and two `parley worker` processes on a fresh PostgreSQL database, as plain processes. The
 * server becomes ready on /api/ready, a 2,000-run simulation submitted through the API is computed
 * by the workers (8 chunks of 250), and SIGTERM to the script stops every process it started.
 * Needs PARLEY_TEST_PG (skipped without it, failed under CI=true).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/server/index.ts';
import { scratchDatabase } from '../helpers/postgres.ts';

const adminUrl = process.env.PARLEY_TEST_PG;
const TOKEN = `team-${randomBytes(8).toString('hex')}`;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const suite = adminUrl ? describe : process.env.CI === 'true' ? describe : describe.skip;

/** Run the script to its end (for the refusals): exit code and standard error. */
function teamUp(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const p = spawn('bash', [join(projectRoot, 'scripts/team-up.sh'), ...args], { cwd: projectRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    p.once('exit', (code) => resolve({ code, err }));
  });
}

describe('scripts/team-up.sh refuses before it starts anything', () => {
  it('a missing or SQLite PARLEY_DB, a bad worker count or port, an unknown argument: exit 2 with the reason', async () => {
    const env = { ...process.env };
    delete env.PARLEY_DB;
    expect(await teamUp([], env)).toEqual({ code: 2, err: 'team-up: error: PARLEY_DB is not set: give the PostgreSQL database, e.g. PARLEY_DB=postgres://parley:secret@localhost/parley\n' });
    expect((await teamUp([], { ...env, PARLEY_DB: './parley.db' })).err).toMatch(/^team-up: error: PARLEY_DB must be a postgres:\/\/ URL/);
    const pgEnv = { ...env, PARLEY_DB: 'postgres://u:p@127.0.0.1:1/none' };
    expect(await teamUp(['--workers', '65'], pgEnv)).toEqual({ code: 2, err: "team-up: error: --workers: expected 0 to 64, got '65'\n" });
    expect(await teamUp(['--port', '0'], pgEnv)).toEqual({ code: 2, err: "team-up: error: --port: expected 1 to 65535, got '0'\n" });
    expect(await teamUp(['--wrokers', '2'], pgEnv)).toEqual({ code: 2, err: 'team-up: error: unknown argument --wrokers (see --help)\n' });
  });
});

suite('scripts/team-up.sh on PostgreSQL (the compose start-up as processes)', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  // Made by the test that uses it (a skipped suite's body still runs, its afterAll does not).
  let logDir = '';
  let script: ChildProcess | undefined;
  let scriptErr = '';

  // The server's and workers' pids: killed at the end too, should a failed assertion come before the SIGTERM.
  let spawned: number[] = [];

  afterAll(async () => {
    if (script && script.exitCode === null && script.signalCode === null) script.kill('SIGKILL');
    for (const pid of spawned.filter(alive)) process.kill(pid, 'SIGKILL');
    if (logDir) rmSync(logDir, { recursive: true, force: true });
    await scratch?.drop();
  });

  it('beyond loopback with neither a token nor an admin: the server refuses, and so does the script, starting no worker', async () => {
    if (!adminUrl) throw new Error('PARLEY_TEST_PG is not set: under CI=true the team start-up test must run');
    scratch = await scratchDatabase(adminUrl, 'teamup');
    const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_DB: scratch.url, PARLEY_FEEDS: '0' };
    delete env.PARLEY_TOKEN;
    const r = await teamUp(['--host', '0.0.0.0', '--port', String(await freePort()), '--workers', '2'], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain('listening on 0.0.0.0 opens the API beyond this machine: give a token (--token or PARLEY_TOKEN) or add an admin account first');
    expect(r.err).toMatch(/team-up: error: the server exited \(status 2\) before it was ready\n$/);
    expect(r.err).not.toContain('worker 1 pid');
  }, 120_000);

  it('starts a ready server and 2 workers that run a simulation; SIGTERM stops them all', async () => {
    if (!adminUrl) throw new Error('PARLEY_TEST_PG is not set: under CI=true the team start-up test must run');
    // The database the refused start migrated (and imported the examples into) is used as it is.
    if (!scratch) throw new Error('the refused start (the test before) made the database');
    const db = scratch.url;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    logDir = mkdtempSync(join(tmpdir(), 'parley-team-up-'));
    script = spawn('bash', [join(projectRoot, 'scripts/team-up.sh'), '--workers', '2', '--port', String(port), '--log-dir', logDir], {
      cwd: projectRoot,
      env: { ...process.env, PARLEY_DB: db, PARLEY_TOKEN: TOKEN, PARLEY_LOG: 'json', PARLEY_FEEDS: '0', PARLEY_CHUNK_EXPIRE_SECONDS: '10' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    script.stderr!.on('data', (d: Buffer) => (scriptErr += d.toString()));
    const exited = new Promise<number | null>((r) => script!.once('exit', (code) => r(code)));

    // Up: the script says so once both workers are started.
    await until('the script to start the workers', 60_000, async () => (scriptErr.includes('up: 1 server, 2 worker(s)') ? true : script!.exitCode !== null ? Promise.reject(new Error(scriptErr)) : undefined)).catch((e) => {
      throw new Error(`${e.message}\n${scriptErr}`);
    });
    const pids = [...scriptErr.matchAll(/(?:server|worker \d) pid (\d+)/g)].map((m) => Number(m[1]));
    spawned = pids;
    expect(pids).toHaveLength(3);
    expect(scriptErr).toContain(`migrating postgres://postgres:***@`);
    expect(scriptErr).not.toContain(`:${new URL(adminUrl).password}@`);

    const auth = { authorization: `Bearer ${TOKEN}` };
    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: 'postgres', runsJobs: false });
    // A token is set: other reads need it.
    expect((await fetch(`${base}/api/cases`)).status).toBe(401);

    // The example cases were imported on first start; simulate the tutorial's.
    const cases = (await (await fetch(`${base}/api/cases`, { headers: auth })).json()) as { items: { id: string }[] };
    const id = cases.items.map((c) => c.id).find((c) => /tutorial|border|talks/.test(c)) ?? cases.items[0].id;
    const started = await fetch(`${base}/api/cases/${id}/simulate`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ runs: 2000, seed: 7, models: ['compromise'] }) });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    const job = await until('the job to finish', 90_000, async () => {
      const j = (await (await fetch(`${base}/api/jobs/${jobId}`, { headers: auth })).json()) as { status: string; result?: { runId: string } };
      return j.status === 'queued' || j.status === 'running' ? undefined : j;
    });
    expect(job.status).toBe('done');
    const run = await fetch(`${base}/api/runs/${job.result!.runId}`, { headers: auth });
    expect(run.status).toBe(200);

    // The server computed nothing: the 8 chunks of 250 runs are the workers' (one line per chunk).
    const lines = (file: string) =>
      readFileSync(join(logDir, file), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const workerLines = [...lines('worker-1.log'), ...lines('worker-2.log')];
    expect(lines('worker-1.log').some((l) => l.event === 'worker' && l.step === 'ready')).toBe(true);
    expect(lines('worker-2.log').some((l) => l.event === 'worker' && l.step === 'ready')).toBe(true);
    expect(workerLines.filter((l) => l.job === jobId && l.event === 'job' && (l.step === 'chunk' || l.step === 'combined'))).toHaveLength(8);
    // The server's JSON log: the request that submitted it, and the queue's event, with no token in any line.
    const server = lines('server.log');
    expect(server.find((l) => l.event === 'request' && l.method === 'POST' && l.path === `/api/cases/${id}/simulate`)).toMatchObject({ status: 202, level: 'info', user: 'api' });
    expect(server.find((l) => l.event === 'job' && l.step === 'submitted')).toMatchObject({ job: jobId, chunks: 8 });
    expect(readFileSync(join(logDir, 'server.log'), 'utf8')).not.toContain(TOKEN);

    // SIGTERM: the script stops the workers and the server, and exits 0.
    script.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(scriptErr).toContain('team-up: stopped');
    expect(pids.filter(alive)).toEqual([]);
  }, 180_000);
});
