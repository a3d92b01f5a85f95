/**
 * PostgreSQL for the queue tests: a new database per test (dropped after), on the server named by
 * PARLEY_TEST_PG. Without it the tests are skipped, except under CI=true, where they must run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

export const PG_URL = process.env.PARLEY_TEST_PG;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database: its URL, and how to drop it (whoever is still connected). */
export async function freshDatabase(tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parley_${tag}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

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
