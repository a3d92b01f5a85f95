/**
 * `parley ingest … --case ID --db URL`: articles into a stored case, as the server ingests them
 * (src/store/case-ingest.ts): the articles are kept as prints, so a copy ingested in a later run adds
 * no outlet and another outlet's own report raises a candidate's count; and `parley evidence --db`
 * lists and settles the stored case's candidates. The articles are our own (test/evidence/syndication/).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';
import { runCli } from './run.ts';

const articles = new URL('../evidence/syndication/', import.meta.url).pathname;
const MARANT = 'We are ready to sign an inspection protocol within days if Ostria keeps its word';

describe('parley ingest --db', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-db-'));
  const db = join(dir, 'parley.db');
  let store: Store;
  const evidence = async () => (await store.getCase('talks')).case.evidence;
  const prints = async () => (await store.db.selectFrom('article_prints').select('print_id').where('case_id', '=', 'talks').execute()).length;

  beforeAll(async () => {
    store = await createStore(db);
    await store.createCase(sampleCase('talks'));
  });
  afterAll(async () => {
    await store.close();
  });

  it('adds a wire story, then its copies add nothing, then another outlet\'s report raises the count', async () => {
    const first = await runCli('ingest', join(articles, 'wire-original.txt'), '--case', 'talks', '--db', db, '--author', 'ana', '--format', 'json');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`talks (${db}): added 4 candidate evidence items; review with: parley evidence talks --db ${db} --status candidate`);
    const candidates = (await evidence()).filter((e) => e.status === 'candidate');
    expect(candidates).toHaveLength(4);
    expect(candidates.every((e) => e.outlets === 1)).toBe(true);
    const revisions = await store.listRevisions('talks');
    expect(revisions.map((r) => [r.revision, r.author, r.message])).toEqual([
      [1, expect.any(String), expect.any(String)],
      [2, 'ana', 'parley ingest: 1 article: 4 new candidates'],
    ]);
    expect(await prints()).toBe(1);

    // two syndicated copies, in a later run: grouped with the stored wire story, so no outlet and no revision
    const copies = await runCli('ingest', join(articles, 'copy-daily.txt'), join(articles, 'copy-herald.txt'), '--case', 'talks', '--db', db, '--format', 'json');
    expect(copies.code).toBe(0);
    expect(copies.stderr).not.toContain('raised');
    expect((await store.listRevisions('talks')).length).toBe(2);
    expect((await evidence()).find((e) => e.text === MARANT)?.outlets).toBe(1);
    expect(await prints()).toBe(3);

    // another outlet's own story quoting the minister: one more independent outlet for her quote
    const other = await runCli('ingest', join(articles, 'other-story.txt'), '--case', 'talks', '--db', db, '--format', 'json');
    expect(other.code).toBe(0);
    const marant = (await evidence()).find((e) => e.text === MARANT)!;
    expect(marant.outlets).toBe(2);
    expect(other.stderr).toContain(`talks (${db}): independent outlets raised for 1 candidate (${marant.id}: 2)`);
    expect((await store.listRevisions('talks')).at(-1)!.message).toMatch(/^parley ingest: 1 article: \d+ new candidates?; independent outlets raised for 1$/);
    // the same story again (a re-run): nothing new, nothing raised
    const again = await runCli('ingest', join(articles, 'other-story.txt'), '--case', 'talks', '--db', db);
    expect(again.code).toBe(0);
    expect((await evidence()).find((e) => e.text === MARANT)!.outlets).toBe(2);
  });

  it('reports an undated article and still adds the others; refuses --db without --case and an unknown case', async () => {
    const undated = join(dir, 'undated.txt');
    writeFileSync(undated, '"We will hold the line on the ceiling," the envoy Ruth Amsel told reporters in the hall.\n');
    const before = await store.getCaseJson('talks');
    const r = await runCli('ingest', undated, join(articles, 'copy-observer.txt'), '--case', 'talks', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${undated}: the article has no date`);
    expect(r.stderr).toContain('1 of 2 articles could not be ingested');
    expect((await evidence()).some((e) => e.text.startsWith('We will hold the line'))).toBe(false);
    // the copy was compared with the stored articles all the same (and, a copy, changed nothing)
    expect(await store.getCaseJson('talks')).toEqual(before);

    const noCase = await runCli('ingest', undated, '--db', db);
    expect(noCase).toMatchObject({ code: 2, stderr: expect.stringContaining('--db needs --case <id>') });
    const unknown = await runCli('ingest', join(articles, 'wire-original.txt'), '--case', 'nope', '--db', db);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining(`${db} has no case "nope" (with --db, --case names a stored case`) });
  });

  it('lists, accepts and rejects the stored case\'s candidates with parley evidence --db', async () => {
    const list = await runCli('evidence', 'talks', '--db', db, '--status', 'candidate', '--format', 'json');
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as Array<{ id: string; status: string; text: string }>;
    expect(listed.length).toBeGreaterThanOrEqual(4);
    expect(listed.every((e) => e.status === 'candidate')).toBe(true);
    const [a, b] = listed;
    expect(await runCli('evidence', 'accept', 'talks', a.id, '--db', db, '--author', 'ben')).toMatchObject({ code: 0, stdout: `talks: evidence ${a.id} accepted\n` });
    expect(await runCli('evidence', 'reject', 'talks', b.id, '--db', db)).toMatchObject({ code: 0, stdout: `talks: evidence ${b.id} rejected\n` });
    const byId = new Map((await evidence()).map((e) => [e.id, e.status]));
    expect([byId.get(a.id), byId.get(b.id)]).toEqual(['accepted', 'rejected']);
    const last = (await store.listRevisions('talks')).slice(-2);
    expect(last.map((r) => [r.author, r.message])).toEqual([
      ['ben', `accepted evidence ${a.id}`],
      [expect.any(String), `rejected evidence ${b.id}`],
    ]);
    const before = await store.getCaseJson('talks');
    expect(await runCli('evidence', 'accept', 'talks', 'ev-none', '--db', db)).toMatchObject({ code: 1, stderr: expect.stringContaining('case "talks" has no evidence "ev-none"') });
    expect(await runCli('evidence', 'talks', 'extra', '--db', db)).toMatchObject({ code: 2 });
    expect(await store.getCaseJson('talks')).toEqual(before);
  });
});
