/** `parley worker` refusals (no database needed) and `parley serve`'s PARLEY_WORKER switch. */
import { describe, expect, it } from 'vitest';
import { workerFromEnv } from '../../src/cli/commands/serve.ts';
import { runCli } from '../cli/run.ts';

describe('parley worker', () => {
  it('refuses a SQLite database (exit 2): there the server runs its own jobs', async () => {
    const r = await runCli('worker', '--db', './somewhere.db');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --db: parley worker needs a PostgreSQL database (postgres://…, or PARLEY_DB), got ./somewhere.db');
  });

  it('refuses a concurrency of 0 or a word (exit 2)', async () => {
    const zero = await runCli('worker', '--db', 'postgres://u:secret@127.0.0.1:1/x', '--concurrency', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('error: --concurrency: expected 1 to 64, got 0');
    const word = await runCli('worker', '--db', 'postgres://u:secret@127.0.0.1:1/x', '--concurrency', 'many');
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('expected a whole number, got "many"');
  });

  it('names a database it cannot reach without its password (exit 1)', async () => {
    const r = await runCli('worker', '--db', 'postgres://u:secret@127.0.0.1:1/x');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: cannot open the database postgres://u:***@127.0.0.1:1/x');
    expect(r.stderr).not.toContain('secret');
  });
});

describe('the queue tuning from the environment', () => {
  it('a PARLEY_CHUNK_EXPIRE_SECONDS that is not a whole number of seconds stops parley serve (exit 2)', async () => {
    process.env.PARLEY_CHUNK_EXPIRE_SECONDS = '0.5';
    try {
      const r = await runCli('serve', '--db', ':memory:', '--port', '0', '--no-examples');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error: PARLEY_CHUNK_EXPIRE_SECONDS must be a whole number of seconds, at least 1, got "0.5"');
    } finally {
      delete process.env.PARLEY_CHUNK_EXPIRE_SECONDS;
    }
  });
});

describe('PARLEY_WORKER', () => {
  it('0, false, no and off turn job execution off; anything else (or unset) leaves it on', () => {
    for (const v of ['0', 'false', 'NO', 'off']) expect(workerFromEnv({ PARLEY_WORKER: v })).toBe(false);
    for (const v of ['1', 'true', '', undefined]) expect(workerFromEnv({ PARLEY_WORKER: v })).toBe(true);
  });
});
