/**
 * The image's runtime stage without Docker: the files the Dockerfile puts in it, assembled the same
 * way in a temporary folder — dist/ and web/dist built from the sources (the build stage), the
 * production dependencies only (`npm prune --omit=dev`, the prod-deps stage), package.json, bin/
 * and examples/, and no src/ — then the server started from it: ready, the dashboard served, a
 * simulation run, and the image's own HEALTHCHECK command answering 0.
 *
 * Heavy (a build, a copy of node_modules): runs under CI=true or with PARLEY_TEST_IMAGE_LAYOUT=1,
 * skipped otherwise.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/server/index.ts';

const wanted = process.env.PARLEY_TEST_IMAGE_LAYOUT === '1' || process.env.CI === 'true';
const suite = wanted ? describe : describe.skip;
const root = projectRoot;

suite('the image runtime stage, assembled without Docker (PARLEY_TEST_IMAGE_LAYOUT=1)', () => {
  let tmp = '';
  afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('serves from dist/ with production dependencies only and no sources', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'parley-image-'));
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    // ---- the build stage: what it copies, and the scripts it runs
    const build = join(tmp, 'build');
    for (const p of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts', 'src', 'web']) {
      expect(dockerfile, p).toMatch(new RegExp(`^COPY (?:\\S+ )*${p.replace('.', '\\.')}(?: \\S+)* \\S+$`, 'm'));
      cpSync(join(root, p), join(build, p), { recursive: true, filter: (f) => !f.startsWith(join(root, 'web', 'dist')) });
    }
    symlinkSync(join(root, 'node_modules'), join(build, 'node_modules'), 'dir');
    execFileSync('npm', ['run', 'build'], { cwd: build, stdio: 'pipe' });
    execFileSync('npm', ['run', 'build:web'], { cwd: build, stdio: 'pipe' });

    // ---- the runtime stage
    const rt = join(tmp, 'rt');
    mkdirSync(join(rt, 'web'), { recursive: true });
    for (const p of ['package.json', 'package-lock.json', 'bin', 'examples']) cpSync(join(root, p), join(rt, p), { recursive: true });
    cpSync(join(build, 'dist'), join(rt, 'dist'), { recursive: true });
    cpSync(join(build, 'web', 'dist'), join(rt, 'web', 'dist'), { recursive: true });
    execFileSync('cp', ['-a', join(root, 'node_modules'), join(rt, 'node_modules')]);
    execFileSync('npm', ['prune', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: rt, stdio: 'pipe' });
    expect(existsSync(join(rt, 'src'))).toBe(false);
    for (const dev of ['typescript', 'vite', 'vitest', 'fast-check', 'playwright-core']) expect(existsSync(join(rt, 'node_modules', dev)), dev).toBe(false);
    for (const prod of ['better-sqlite3', 'tsx', 'pg-boss', '@node-rs/argon2']) expect(existsSync(join(rt, 'node_modules', prod)), prod).toBe(true);

    const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_REQUIRE_DIST: '1', PARLEY_LOG: 'json', PARLEY_FEEDS: '0', PARLEY_TOKEN: 'layout-token' };
    delete env.PARLEY_DB;
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect(execFileSync(process.execPath, ['bin/parley.js', '--version'], { cwd: rt, env, encoding: 'utf8' }).trim()).toBe(version);

    // ---- the image's command (serve beyond loopback with a token) over SQLite in a data folder
    mkdirSync(join(rt, 'data'));
    const server = spawn(process.execPath, ['bin/parley.js', 'serve', '--host', '0.0.0.0', '--port', '0', '--db', join(rt, 'data', 'parley.db')], { cwd: rt, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    server.stdout.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line after 60 s:\n${out}\n${err}`)), 60_000);
        server.stdout.on('data', () => {
          const m = /serving the dashboard and API on http:\/\/[^:]+:(\d+)\//.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        server.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${err}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const auth = { authorization: 'Bearer layout-token' };
      const ready = await fetch(`${base}/api/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, database: 'sqlite', runsJobs: true });
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/);
      const cases = (await (await fetch(`${base}/api/cases`, { headers: auth })).json()) as { items: { id: string }[] };
      expect(cases.items.map((c) => c.id).sort()).toEqual(['millbrook-budget-2026', 'ukraine-peace-plan-2025']);
      const started = await fetch(`${base}/api/cases/millbrook-budget-2026/simulate`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ runs: 500, seed: 5, models: ['compromise', 'median'] }) });
      expect(started.status).toBe(202);
      const { jobId } = (await started.json()) as { jobId: string };
      let job: { status: string; result?: { runId: string } } = { status: 'queued' };
      for (let i = 0; i < 300 && (job.status === 'queued' || job.status === 'running'); i++) {
        await new Promise((r) => setTimeout(r, 200));
        job = (await (await fetch(`${base}/api/jobs/${jobId}`, { headers: auth })).json()) as typeof job;
      }
      expect(job.status).toBe('done');
      expect((await fetch(`${base}/api/runs/${job.result!.runId}`, { headers: auth })).status).toBe(200);

      // The HEALTHCHECK of the Dockerfile, run as Docker would run it (exec form), on this port.
      const check = /^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(dockerfile.replace(/\\\n\s*/g, ''))![1];
      const [cmd, ...args] = JSON.parse(check) as string[];
      expect(cmd).toBe('node');
      execFileSync(process.execPath, args, { env: { ...env, PARLEY_PORT: String(port) } });
      expect(() => execFileSync(process.execPath, args, { env: { ...env, PARLEY_PORT: '1' }, stdio: 'pipe' })).toThrow();

      // JSON request lines on stderr, none with the token.
      const requests = err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).filter((l) => l.event === 'request');
      expect(requests.find((l) => l.method === 'POST')).toMatchObject({ path: '/api/cases/millbrook-budget-2026/simulate', status: 202, user: 'api' });
      expect(err).not.toContain('layout-token');
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    }
  }, 400_000);
});
