/**
 * Scratch PostgreSQL databases for tests and benchmarks: a new, empty database on the server named by
 * an admin URL (PARLEY_TEST_PG), and how to drop it, whoever is still connected.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Run one statement as the admin URL's user (CREATE and DROP DATABASE cannot run in a transaction). */
export async function pgAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database named `parley_<tag>_<pid>_<random>`: its URL, and `drop()`. */
export async function scratchDatabase(adminUrl: string, tag: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `parley_${tag}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await pgAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => pgAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
