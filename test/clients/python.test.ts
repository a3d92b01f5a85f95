/**
 * The Python client's own tests (clients/python/tests, unittest, standard library only) against a
 * real server: a workbench on a fresh SQLite database with the example cases, on 127.0.0.1, whose
 * address they read from PARLEY_URL. Skipped without python3, except under CI=true.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.ts';

const python = ['python3', 'python'].find((p) => spawnSync(p, ['--version']).status === 0);
const required = process.env.CI === 'true';

describe.skipIf(!python && !required)('the Python client against a running server', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-pyclient-'));
    server = await startServer({ port: 0, db: join(dir, 'parley.db'), importExamples: true });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes its unittest suite (every test run, none failed)', async () => {
    if (!python) throw new Error('python3 is not installed: under CI=true the Python client tests must run');
    // Asynchronously: the server answering the client runs in this process.
    const child = spawn(python, ['-m', 'unittest', 'discover', '-v', '-s', 'tests'], { cwd: join(process.cwd(), 'clients/python'), env: { ...process.env, PARLEY_URL: server.url }, timeout: 120_000 });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status, out).toBe(0);
    const ran = Number(/Ran (\d+) tests?/.exec(out)?.[1]);
    // Every client test ran against the server (only the pandas one may skip, when pandas is absent).
    expect(ran, out).toBeGreaterThanOrEqual(11);
    const skipped = Number(/skipped=(\d+)/.exec(out)?.[1] ?? 0);
    expect(skipped, out).toBeLessThanOrEqual(1);
    process.stdout.write(`python client: ${ran} tests, ${skipped} skipped\n`);
  });
});
