/**
 * Durable jobs across a SIGKILL (issue 16): a 20,000-run simulate job on a SQLite server process that
 * is killed part-way finishes after a restart on the same database, under the same job id, with the
 * result of an uninterrupted run (bit for bit: the same canonical JSON as simulate() in one process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/analysis/index.ts';
import { jsonSafe } from '../../src/server/routes/common.ts';
import { canonicalJson } from '../../src/store/hash.ts';
import { createStore } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { projectRoot } from '../helpers/reference.ts';

const parley = join(projectRoot, 'bin/parley.js');
const CASE = 'millbrook-budget-2026';
const BODY = { runs: 20_000, seed: 2026, models: ['compromise', 'bdm'] };

interface JobJson { id: string; status: string; progress: number; result?: Record<string, unknown> & { runId: string }; error?: string }

function serve(db: string, dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [parley, 'serve', '--port', '0', '--db', db, '--web-root', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving the dashboard and API on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const job = async (url: string, id: string): Promise<JobJson> => (await (await fetch(`${url}/api/jobs/${id}`)).json()) as JobJson;
const killed = (child: ChildProcess) => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });

describe('durable jobs on SQLite', () => {
  it('a simulate job killed with SIGKILL part-way finishes after a restart, same id, same numbers as an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-durable-'));
    const db = join(dir, 'p.db');
    try {
      let { child, url } = await serve(db, dir);
      const started = await fetch(`${url}/api/cases/${CASE}/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BODY) });
      expect(started.status).toBe(202);
      const { jobId } = (await started.json()) as { jobId: string };
      // Wait until some but not all of the 80 chunks are done, then kill the server outright.
      let seen: JobJson;
      for (;;) {
        seen = await job(url, jobId);
        if (seen.progress >= 0.1) break;
        expect(seen.status === 'queued' || seen.status === 'running').toBe(true);
        await sleep(20);
      }
      await killed(child);
      expect(seen.status).toBe('running');
      expect(seen.progress).toBeLessThan(1);

      // What the killed process left in the database: a running job with some chunks stored.
      const peek = await createStore(db);
      const jobs = new JobStore(peek.db);
      const left = (await jobs.get(jobId))!;
      const stored = await jobs.chunks(jobId);
      const { case: cs } = await peek.getCase(CASE);
      await peek.close();
      expect(left.status).toBe('running');
      expect(left.chunks).toBe(80);
      expect(stored.size).toBeGreaterThan(0);
      expect(stored.size).toBeLessThan(80);

      ({ child, url } = await serve(db, dir));
      try {
        let done: JobJson;
        for (;;) {
          done = await job(url, jobId);
          if (done.status !== 'queued' && done.status !== 'running') break;
          await sleep(50);
        }
        expect(done.error).toBeUndefined();
        expect(done.status).toBe('done');
        expect(done.id).toBe(jobId);
        expect(done.progress).toBe(1);
        const { runId, ...result } = done.result!;
        const uninterrupted = jsonSafe(await simulate(cs, { ...BODY, workers: 1 }));
        expect(canonicalJson(result)).toBe(canonicalJson(uninterrupted));
        expect(result.runs).toBe(20_000);
        // The stored run replays to the same numbers (replay runs simulate() in one process).
        const replay = (await (await fetch(`${url}/api/runs/${runId}/replay`, { method: 'POST' })).json()) as { identical: boolean };
        expect(replay.identical).toBe(true);
      } finally {
        await killed(child);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
