/**
 * Revisions stored as snapshots and JSON Patch deltas (src/store/revisions.ts, migration 0005): every
 * revision reads back byte for byte as written, across snapshots and through a fresh store (no cache);
 * history, restore and `at` keep working; a damaged delta is reported, not served; a database written
 * before 0005 (full revisions) is converted and reads back the same. On SQLite and PostgreSQL.
 */
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/case/load.ts';
import type { Case } from '../../src/case/schema.ts';
import { createStore, DamagedRevisionError, SNAPSHOT_EVERY, type Store } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations.ts';
import { diffRevisions, encodeRevision, revisionHash } from '../../src/store/revisions.ts';
import { describeEachBackend, sampleCase, type Backend } from './backends.ts';

const UKRAINE = new URL('../../examples/ukraine-2025.yaml', import.meta.url).pathname;

/** The n-th small change of the sequence: a new event, a moved stance, a red line set in the middle of a stance, a status, a title. */
function change(n: number): (c: Case) => void {
  switch (n % 5) {
    case 0:
      return (c) => void c.events.push({ id: `talks-${n}`, date: '2025-12-01', kind: 'meeting', title: `Round ${n}`, participants: [c.actors[0].id, c.actors[1].id] } as Case['events'][number]);
    case 1:
      return (c) => {
        const s = c.stances[n % c.stances.length];
        s.position = { value: (n * 7) % 100 };
      };
    case 2:
      return (c) => {
        // A stance without a red line gets one: an optional field in the middle of the object.
        const s = c.stances.find((x) => !x.redLine);
        if (s) s.redLine = { min: 10, veto: false };
        else c.title = `${c.title.replace(/ #\d+$/, '')} #${n}`;
      };
    case 3:
      return (c) => {
        const e = c.evidence[n % c.evidence.length];
        e.status = e.status === 'accepted' ? 'candidate' : 'accepted';
      };
    default:
      return (c) => void (c.title = `${c.title.replace(/ #\d+$/, '')} #${n}`);
  }
}

async function revisionRows(store: Store, id: string) {
  return store.db.selectFrom('case_revisions').select(['revision', 'base', 'hash', sql<number>`length(body)`.as('bytes')]).where('case_id', '=', id).orderBy('revision').execute();
}

describe('revision deltas (pure)', () => {
  it('a field added in the middle of an object is rebuilt in its place (the object replaced whole)', () => {
    const prev = JSON.stringify({ a: [{ x: 1, z: 3 }, { x: 2, z: 4 }], t: 'one' });
    const next = JSON.stringify({ a: [{ x: 1, y: 9, z: 3 }, { x: 2, z: 4 }], t: 'one' });
    const ops = diffRevisions(prev, next)!;
    expect(ops).toEqual([{ op: 'replace', path: '/a/0', value: { x: 1, y: 9, z: 3 } }]);
  });
  it('a field added last, a changed value and an appended item are plain operations', () => {
    const prev = JSON.stringify({ a: [{ x: 1 }], t: 'one' });
    const next = JSON.stringify({ a: [{ x: 1, y: 2 }, { x: 5 }], t: 'two' });
    expect(diffRevisions(prev, next)).toEqual([
      { op: 'replace', path: '/t', value: 'two' },
      { op: 'add', path: '/a/0/y', value: 2 },
      { op: 'add', path: '/a/1', value: { x: 5 } },
    ]);
  });
  it('snapshots: the first revision, a full chain, a patch bigger than half the case, deltas outweighing the snapshot', () => {
    const big = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ i, text: 'x'.repeat(20) })) });
    const small = JSON.stringify({ ...JSON.parse(big), title: 't' });
    expect(encodeRevision(null, big, { length: 0, snapshotBytes: 0, deltaBytes: 0 }).kind).toBe('snapshot');
    expect(encodeRevision(big, small, { length: 1, snapshotBytes: big.length, deltaBytes: 0 })).toEqual({ kind: 'delta', body: '[{"op":"add","path":"/title","value":"t"}]' });
    expect(encodeRevision(big, small, { length: SNAPSHOT_EVERY, snapshotBytes: big.length, deltaBytes: 0 }).kind).toBe('snapshot');
    expect(encodeRevision(big, small, { length: 2, snapshotBytes: big.length, deltaBytes: big.length - 10 }).kind).toBe('snapshot');
    const rewritten = JSON.stringify({ items: [] });
    // 100 remove operations are longer than the new text itself: stored whole.
    expect(encodeRevision(big, rewritten, { length: 1, snapshotBytes: big.length, deltaBytes: 0 }).kind).toBe('snapshot');
    const other = JSON.stringify({ other: Array.from({ length: 100 }, (_, i) => `y${i}`) });
    expect(encodeRevision(big, other, { length: 1, snapshotBytes: big.length, deltaBytes: 0 }).kind).toBe('snapshot');
  });
});

describeEachBackend('revision deltas', (backend: Backend) => {
  let url = '';
  let store: Store;
  let ukraine: Case;
  /** The JSON text of each revision of the Ukraine case, as written (index = revision). */
  const written: string[] = [''];
  const WRITES = 2 * SNAPSHOT_EVERY + 10;

  beforeAll(async () => {
    url = await backend.create();
    store = await createStore(url);
    ukraine = await loadCaseFile(UKRAINE);
    await store.createCase(ukraine, { author: 'ana', message: 'created' });
    written.push(JSON.stringify(ukraine));
    for (let n = 0; n < WRITES; n++) {
      const r = await store.modifyCase(ukraine.id, change(n), { author: n % 2 ? 'ana' : 'ben', message: `change ${n}` });
      written.push(JSON.stringify(r.case));
    }
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await backend.destroy();
  });

  it('stores a snapshot every SNAPSHOT_EVERY revisions and small deltas between', async () => {
    const rows = await revisionRows(store, ukraine.id);
    expect(rows).toHaveLength(WRITES + 1);
    expect(rows.filter((r) => r.base === r.revision).map((r) => r.revision)).toEqual([1, 1 + SNAPSHOT_EVERY, 1 + 2 * SNAPSHOT_EVERY]);
    for (const r of rows) expect(r.base).toBe(1 + Math.floor((r.revision - 1) / SNAPSHOT_EVERY) * SNAPSHOT_EVERY);
    const deltas = rows.filter((r) => r.base !== r.revision).map((r) => Number(r.bytes));
    // Each change is one small item (a stance replaced whole is the largest, ~600 characters).
    expect(Math.max(...deltas)).toBeLessThan(2000);
    expect(Number(rows[0].bytes)).toBe(written[1].length);
    for (const r of rows) expect(r.hash).toBe(revisionHash(written[r.revision]));
  });

  it('reads every revision back exactly as written, through this store and a fresh one (no cache)', async () => {
    const fresh = await createStore(url);
    try {
      for (let rev = 1; rev <= WRITES + 1; rev++) {
        expect((await store.getCaseJson(ukraine.id, { revision: rev })).json).toBe(written[rev]);
        expect((await fresh.getCaseJson(ukraine.id, { revision: rev })).json).toBe(written[rev]);
      }
      // Newest first, so that no earlier revision of the chain is cached.
      const other = await createStore(url);
      try {
        for (let rev = WRITES + 1; rev >= 1; rev -= 7) expect(JSON.stringify((await other.getCase(ukraine.id, { revision: rev })).case)).toBe(written[rev]);
      } finally {
        await other.close();
      }
      const latest = await fresh.getCaseJson(ukraine.id);
      expect(latest).toEqual({ json: written[WRITES + 1], revision: WRITES + 1 });
    } finally {
      await fresh.close();
    }
  });

  it('keeps the history (author, message, time) and finds the revision current at a time', async () => {
    const history = await store.listRevisions(ukraine.id);
    expect(history).toHaveLength(WRITES + 1);
    expect(history[0]).toMatchObject({ revision: 1, author: 'ana', message: 'created' });
    expect(history[10]).toMatchObject({ revision: 11, author: 'ana', message: 'change 9' });
    expect(history[11]).toMatchObject({ revision: 12, author: 'ben', message: 'change 10' });
    const mid = history[60];
    const got = await store.getCase(ukraine.id, { at: mid.createdAt });
    // The latest revision written at or before that millisecond: revision 61 or one written in the same millisecond.
    const same = history.filter((h) => h.createdAt === mid.createdAt).map((h) => h.revision);
    expect(got.revision).toBe(Math.max(...same));
    expect(got.createdAt).toBe(mid.createdAt);
    expect(JSON.stringify(got.case)).toBe(written[got.revision]);
    expect(got.author).toBe(history[got.revision - 1].author);
  });

  it('restores an earlier revision as a new one, whose text is the earlier one', async () => {
    const head = WRITES + 1;
    const r = await store.restoreCase(ukraine.id, 3, { author: 'cy' });
    expect(r).toEqual({ id: ukraine.id, revision: head + 1 });
    expect((await store.getCaseJson(ukraine.id)).json).toBe(written[3]);
    const last = (await store.listRevisions(ukraine.id)).at(-1);
    expect(last).toMatchObject({ revision: head + 1, author: 'cy', message: 'restored revision 3' });
    // The evidence library follows the restored content.
    const restored = JSON.parse(written[3]) as Case;
    const ev = await store.listEvidence({ caseId: ukraine.id, limit: 500 });
    expect(ev.total).toBe(restored.evidence.length);
    expect(Object.fromEntries(ev.items.map((e) => [e.id, e.status]))).toEqual(Object.fromEntries(restored.evidence.map((e) => [e.id, e.status])));
    written.push(written[3]);
  });

  it('reports a damaged delta instead of serving it, and still reads the revisions before it', async () => {
    const id = 'damaged';
    await store.createCase(sampleCase(id));
    await store.modifyCase(id, (c) => void (c.title = 'Second'));
    await store.modifyCase(id, (c) => void (c.title = 'Third'));
    const rows = await revisionRows(store, id);
    expect(rows.map((r) => r.base)).toEqual([1, 1, 1]);
    await store.db.updateTable('case_revisions').set({ body: '[{"op":"replace","path":"/title","value":"Forged"},{"op":"add","path":"/description","value":"forged"}]' }).where('case_id', '=', id).where('revision', '=', 2).execute();
    const fresh = await createStore(url);
    try {
      await expect(fresh.getCaseJson(id, { revision: 2 })).rejects.toThrow(DamagedRevisionError);
      await expect(fresh.getCase(id, { revision: 3 })).rejects.toThrow(/revision 3 does not match its stored hash/);
      expect((await fresh.getCase(id, { revision: 1 })).case.title).toBe('Border talks');
      // A write on top of a damaged head is refused, and nothing is written.
      await expect(fresh.modifyCase(id, (c) => void (c.title = 'Fourth'))).rejects.toThrow(DamagedRevisionError);
      expect(await fresh.listRevisions(id)).toHaveLength(3);
    } finally {
      await fresh.close();
    }
  });

  it('a refused write (invalid change) leaves the chain as it was', async () => {
    const before = await revisionRows(store, ukraine.id);
    await expect(store.modifyCase(ukraine.id, (c) => void (c.stances[0].actor = 'nobody'))).rejects.toThrow(/nobody/);
    expect(await revisionRows(store, ukraine.id)).toEqual(before);
    expect((await store.getCaseJson(ukraine.id)).json).toBe(written.at(-1));
  });
});

/** A kysely over the URL without the store's migrations run: to build a database as an earlier version left it. */
function rawDb(url: string): Kysely<any> {
  if (/^postgres/.test(url)) return new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
  return new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(url) }) });
}

describeEachBackend('migration 0005_revision_deltas', (backend: Backend) => {
  afterAll(() => backend.destroy());

  it('converts full revisions written before it into chains that read back byte for byte, and back again', async () => {
    const url = await backend.create();
    const old = rawDb(url);
    const migrator = new Migrator({ db: old, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0003_forecast_record')).error).toBeUndefined();
    // Revisions as the store wrote them until 0005: the whole case as JSON in every row.
    const ukraine = await loadCaseFile(UKRAINE);
    const texts: Record<string, string[]> = { [ukraine.id]: [''], talks: [''] };
    let c: Case = structuredClone(ukraine);
    const at = (i: number) => new Date(Date.UTC(2025, 10, 1) + i * 60_000).toISOString();
    for (let rev = 1; rev <= SNAPSHOT_EVERY + 5; rev++) {
      if (rev > 1) change(rev)(c);
      c = JSON.parse(JSON.stringify(c)) as Case;
      texts[ukraine.id].push(JSON.stringify(c));
    }
    const talks = (await import('../../src/store/validate.ts')).validateCase(sampleCase('talks')).case!;
    texts.talks.push(JSON.stringify(talks), JSON.stringify({ ...talks, title: 'Renamed talks' }));
    for (const [id, list] of Object.entries(texts)) {
      const last = JSON.parse(list.at(-1)!) as Case;
      await old.insertInto('cases').values({ id, title: last.title, revision: list.length - 1, actor_count: last.actors.length, issue_count: last.issues.length, draft_count: last.drafts.length, evidence_count: last.evidence.length, created_at: at(0), updated_at: at(list.length) }).execute();
      for (let rev = 1; rev < list.length; rev++) {
        await old.insertInto('case_revisions').values({ case_id: id, revision: rev, author: `author-${rev}`, message: `message ${rev}`, created_at: at(rev), body: list[rev] }).execute();
      }
    }
    await old.destroy();

    const store = await createStore(url);
    try {
      const rows = await revisionRows(store, ukraine.id);
      expect(rows.filter((r) => r.base === r.revision).map((r) => r.revision)).toEqual([1, 1 + SNAPSHOT_EVERY]);
      expect(Math.max(...rows.filter((r) => r.base !== r.revision).map((r) => Number(r.bytes)))).toBeLessThan(2000);
      expect((await revisionRows(store, 'talks')).map((r) => [r.revision, r.base])).toEqual([[1, 1], [2, 1]]);
      for (const [id, list] of Object.entries(texts)) {
        for (let rev = 1; rev < list.length; rev++) expect((await store.getCaseJson(id, { revision: rev })).json).toBe(list[rev]);
        const history = await store.listRevisions(id);
        expect(history.map((h) => [h.revision, h.author, h.message, h.createdAt])).toEqual(list.slice(1).map((_, i) => [i + 1, `author-${i + 1}`, `message ${i + 1}`, at(i + 1)]));
      }
      expect((await store.getCase(ukraine.id, { at: at(20) })).revision).toBe(20);
      // A write after the migration continues the chain.
      const next = await store.modifyCase('talks', (x) => void (x.title = 'Third'));
      expect(next.revision).toBe(3);
      expect((await revisionRows(store, 'talks')).map((r) => r.base)).toEqual([1, 1, 1]);

      // Down again: every row holds its whole text once more.
      const down = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
      expect((await down.migrateTo('0004_users')).error).toBeUndefined();
      const full = await store.db.selectFrom('case_revisions').select(['case_id', 'revision', 'body']).where('case_id', '=', ukraine.id).orderBy('revision').execute();
      expect(full.map((r) => r.body)).toEqual(texts[ukraine.id].slice(1));
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('SQLite synchronous', () => {
  it('is FULL by default and NORMAL when asked', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'parley-sync-'));
    const level = async (s: Store) => (await sql<{ synchronous: number }>`pragma synchronous`.execute(s.db)).rows[0].synchronous;
    try {
      const full = await createStore(join(dir, 'a.db'));
      expect(await level(full)).toBe(2); // FULL
      await full.close();
      const normal = await createStore(join(dir, 'b.db'), { sqliteSynchronous: 'normal' });
      expect(await level(normal)).toBe(1); // NORMAL
      await normal.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
