/**
 * The store backends every store and server test runs against: a temporary SQLite file, and a real
 * PostgreSQL server when PARLEY_TEST_PG is set (each test file creates and drops its own database).
 * Under CI=true the PostgreSQL tests must run: a missing PARLEY_TEST_PG fails instead of skipping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { scratchDatabase } from '../helpers/postgres.ts';
import type { CaseInput } from '../../src/case/schema.ts';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database URL for one test file. */
  create(): Promise<string>;
  /** Drop what `create` made. */
  destroy(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  return {
    name: 'sqlite',
    async create() {
      dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
      return join(dir, 'test.db');
    },
    async destroy() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(adminUrl: string): Backend {
  let db: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  return {
    name: 'postgres',
    async create() {
      db = await scratchDatabase(adminUrl, 'test');
      return db.url;
    },
    async destroy() {
      await db?.drop();
    },
  };
}

/** Run `body` once per backend, inside a describe block named after it. */
export function describeEachBackend(title: string, body: (backend: Backend) => void): void {
  describe(`${title} [sqlite]`, () => body(sqliteBackend()));
  const pgUrl = process.env.PARLEY_TEST_PG;
  if (pgUrl) {
    describe(`${title} [postgres]`, () => body(postgresBackend(pgUrl)));
  } else if (process.env.CI === 'true') {
    describe(`${title} [postgres]`, () => {
      it('needs PARLEY_TEST_PG', () => {
        throw new Error('PARLEY_TEST_PG is not set: under CI=true the PostgreSQL store tests must run (.ci/run starts the server)');
      });
    });
  } else {
    describe.skip(`${title} [postgres] (skipped: set PARLEY_TEST_PG=postgres://user:pass@127.0.0.1:5432/postgres)`, () => body(postgresBackend('')));
  }
}

/** A small hand-written case: two actors, two issues, dated stances and evidence (for as-of views). */
export function sampleCase(id = 'talks'): CaseInput {
  return {
    id,
    title: 'Border talks',
    actors: [
      { id: 'north', name: 'North', kind: 'state', capability: 60 },
      { id: 'south', name: 'South', kind: 'state', capability: { value: 40, low: 30, high: 50 } },
    ],
    issues: [
      { id: 'border', title: 'Where the border runs', statusQuo: 50, scale: { min: 0, max: 100, anchors: [{ at: 0, label: 'north line' }, { at: 100, label: 'south line' }] } },
      { id: 'troops', title: 'Troop ceiling', statusQuo: 20 },
    ],
    stances: [
      { actor: 'north', issue: 'border', date: '2025-01-10', position: 10, salience: 90, evidence: ['q1'] },
      { actor: 'north', issue: 'border', date: '2025-03-01', position: 30, salience: 80, evidence: ['q2'] },
      { actor: 'south', issue: 'border', date: '2025-01-10', position: 90, salience: 70, redLine: { min: 60, veto: true } },
      { actor: 'north', issue: 'troops', position: 40, salience: 30 },
      { actor: 'south', issue: 'troops', position: 0, salience: 60 },
    ],
    evidence: [
      { id: 'q1', kind: 'quote', text: 'Not one metre of our land.', speaker: 'N. Leader', actor: 'north', date: '2025-01-09', outlet: 'Daily Post', issues: ['border'] },
      { id: 'q2', kind: 'quote', text: 'We could look at a 100% fair_line.', speaker: 'N. Envoy', actor: 'north', date: '2025-02-28', outlet: 'Wire', url: 'https://example.org/a', issues: ['border'] },
    ],
    drafts: [{ id: 'd1', title: 'First draft', date: '2025-02-01', points: [{ number: 1, text: 'Border at 50', values: { border: 50 } }] }],
    scenarios: [{ id: 'south-hard', title: 'South hardens', changes: [{ actor: 'south', issue: 'border', field: 'position', value: 100 }] }],
    events: [{ id: 'e1', date: '2025-02-01', kind: 'meeting', title: 'Geneva round', participants: ['north', 'south'] }],
  };
}
