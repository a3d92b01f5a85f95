/**
 * PostgreSQL for the queue tests: a new database per test (dropped after), on the server named by
 * PARLEY_TEST_PG. Without it the tests are skipped, except under CI=true, where they must run.
 */
import { describe, it } from 'vitest';
import { scratchDatabase } from '../helpers/postgres.ts';

export const PG_URL = process.env.PARLEY_TEST_PG;

/** A fresh, empty database: its URL, and how to drop it (whoever is still connected). */
export const freshDatabase = (tag: string) => scratchDatabase(PG_URL!, tag);

/** `describe` when PARLEY_TEST_PG is set; a failing test in its place under CI=true; skipped otherwise. */
export function describeWithPostgres(title: string, body: () => void): void {
  if (PG_URL) describe(title, body);
  else if (process.env.CI === 'true') {
    describe(title, () => {
      it('needs PARLEY_TEST_PG', () => {
        throw new Error('PARLEY_TEST_PG is not set: under CI=true the PostgreSQL queue tests must run');
      });
    });
  } else describe.skip(`${title} (skipped: set PARLEY_TEST_PG)`, body);
}
