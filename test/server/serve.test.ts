import { describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../helpers/reference.ts';
import { main } from '../../src/cli/main.ts';

/** Run the CLI in this process (a child process would pay tsx's start-up again), capturing its output. */
async function runCli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = await main(['node', 'parley', ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const parley = join(projectRoot, 'bin/parley.js');
const exampleCount = readdirSync(join(projectRoot, 'examples')).filter((f) => /\.ya?ml$/.test(f)).length;

describe('parley serve and parley db', () => {
  it('creates the database with the examples on first start, prints the address, serves, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-serve-'));
    try {
      const child = spawn(process.execPath, [parley, 'serve', '--port', '0', '--db', join(dir, 'p.db'), '--web-root', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /serving the dashboard and API on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });
      const cases = (await (await fetch(`${url}/api/cases`)).json()) as { total: number; items: Array<{ id: string }> };
      expect(cases.total).toBe(exampleCount);
      expect(cases.items.map((c) => c.id)).toContain('ukraine-peace-plan-2025');
      expect(stderr).toMatch(/imported examples\/ukraine-2025\.yaml as case "ukraine-peace-plan-2025"/);
      const code = await new Promise<number | null>((resolve) => {
        child.once('exit', (c) => resolve(c));
        child.kill('SIGTERM');
      });
      expect(code).toBe(0);
      // The database is kept: the stored case comes back out with parley db export.
      const exported = await runCli('db', 'export', 'ukraine-peace-plan-2025', '--db', join(dir, 'p.db'));
      expect(exported.status).toBe(0);
      expect(parseYaml(exported.stdout).id).toBe('ukraine-peace-plan-2025');
      const revisions = await runCli('db', 'revisions', 'ukraine-peace-plan-2025', '--db', join(dir, 'p.db'));
      expect(revisions.stdout).toMatch(/^1\t\S+\tparley serve\timported from examples\/ukraine-2025\.yaml\n$/);
      const missing = await runCli('db', 'export', 'nope', '--db', join(dir, 'p.db'));
      expect(missing.status).toBe(1);
      expect(missing.stderr).toBe('error: no case "nope"\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to listen beyond 127.0.0.1 without a token (exit 2, a message, no stack)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-serve-'));
    try {
      const token = process.env.PARLEY_TOKEN;
      delete process.env.PARLEY_TOKEN;
      const r = await runCli('serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'p.db')).finally(() => {
        if (token !== undefined) process.env.PARLEY_TOKEN = token;
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^error: listening on 0\.0\.0\.0 opens the API beyond this machine: give a token/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
