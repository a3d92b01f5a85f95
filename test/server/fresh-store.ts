/**
 * A fresh, empty database for each test of the server (not one per file), so that one failing test
 * leaves nothing behind for the next: a temporary SQLite file, or a new PostgreSQL database when
 * PARLEY_TEST_PG is set. Under CI=true the PostgreSQL runs must happen (as in test/store/backends.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { scratchDatabase } from '../helpers/postgres.ts';

export interface FreshDatabase {
  /** A SQLite path or a postgres:// URL. */
  url: string;
  destroy(): Promise<void>;
}
export type DatabaseMaker = () => Promise<FreshDatabase>;

const sqlite: DatabaseMaker = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-api-'));
  return { url: join(dir, 'test.db'), destroy: async () => rmSync(dir, { recursive: true, force: true }) };
};

function postgres(adminUrl: string): DatabaseMaker {
  return async () => {
    const db = await scratchDatabase(adminUrl, 'api');
    return { url: db.url, destroy: db.drop };
  };
}

/** Run `body` once per store backend, in a describe block named after it, with a maker of fresh databases. */
export function describeEachStore(title: string, body: (fresh: DatabaseMaker) => void): void {
  describe(`${title} [sqlite]`, () => body(sqlite));
  const pgUrl = process.env.PARLEY_TEST_PG;
  if (pgUrl) describe(`${title} [postgres]`, () => body(postgres(pgUrl)));
  else if (process.env.CI === 'true') {
    describe(`${title} [postgres]`, () => {
      it('needs PARLEY_TEST_PG', () => {
        throw new Error('PARLEY_TEST_PG is not set: under CI=true the PostgreSQL server tests must run');
      });
    });
  } else describe.skip(`${title} [postgres] (skipped: set PARLEY_TEST_PG)`, () => body(postgres('')));
}
