import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createStore, ConflictError, InvalidCaseError, NotFoundError, canonicalJson, inputHash, type Store } from '../../src/store/index.ts';
import { describeEachBackend, sampleCase } from './backends.ts';

describeEachBackend('store', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await createStore(await backend.create());
  });
  afterAll(async () => {
    await store?.close();
    await backend.destroy();
  });

  it('creates a case as revision 1 and lists it with its counts', async () => {
    expect(await store.createCase(sampleCase('talks'), { author: 'ana', message: 'first cut' })).toEqual({ id: 'talks', revision: 1 });
    const list = await store.listCases();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: 'talks', title: 'Border talks', actors: 2, issues: 2, drafts: 1, evidence: 2, revision: 1 });
    const got = await store.getCase('talks');
    expect(got).toMatchObject({ revision: 1, author: 'ana', message: 'first cut' });
    // Stored in validated output form: defaults filled in.
    expect(got.case.actors[0].aliases).toEqual([]);
    expect(got.case.evidence[0].status).toBe('accepted');
  });

  it('refuses a second case with the same id (409) and an invalid case (400 problems) without writing', async () => {
    await expect(store.createCase(sampleCase('talks'))).rejects.toBeInstanceOf(ConflictError);
    const bad = sampleCase('broken') as { actors: Array<{ capability: unknown }> };
    bad.actors[1].capability = 'lots';
    const err = await store.createCase(bad).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidCaseError);
    expect((err as InvalidCaseError).problems[0].path).toBe('actors[1].capability');
    expect(await store.hasCase('broken')).toBe(false);
    expect((await store.listCases()).total).toBe(1);
  });

  it('keeps every revision: update and modify add revisions, old ones stay readable', async () => {
    const v2 = sampleCase('talks');
    v2.title = 'Border talks (round 2)';
    expect(await store.updateCase('talks', v2, { author: 'ben', message: 'retitled' })).toEqual({ id: 'talks', revision: 2 });
    const r3 = await store.modifyCase('talks', (c) => {
      c.actors.push({ id: 'mediator', name: 'Mediator', kind: 'organisation', capability: 10, aliases: [], speakers: [], evidence: [] });
      return c.actors.length;
    }, { author: 'cy', message: 'added the mediator' });
    expect(r3.revision).toBe(3);
    expect(r3.value).toBe(3);
    expect((await store.getCase('talks')).case.actors.map((a) => a.id)).toEqual(['north', 'south', 'mediator']);
    expect((await store.getCase('talks', { revision: 1 })).case.title).toBe('Border talks');
    expect((await store.getCase('talks', { revision: 2 })).case.actors).toHaveLength(2);
    const revs = await store.listRevisions('talks');
    expect(revs.map((r) => [r.revision, r.author, r.message])).toEqual([
      [1, 'ana', 'first cut'],
      [2, 'ben', 'retitled'],
      [3, 'cy', 'added the mediator'],
    ]);
    // Revision by time: the latest written at or before revision 2's timestamp is revision 2.
    expect((await store.getCase('talks', { at: revs[1].createdAt })).revision).toBeGreaterThanOrEqual(2);
    expect((await store.listCases()).items[0]).toMatchObject({ revision: 3, actors: 3, title: 'Border talks (round 2)' });
  });

  it('shows the case as of a date (stances, evidence, drafts and events dated later hidden)', async () => {
    const early = (await store.getCase('talks', { asOf: '2025-01-31' })).case;
    expect(early.stances.filter((s) => s.actor === 'north' && s.issue === 'border').map((s) => s.position)).toEqual([10]);
    expect(early.evidence.map((e) => e.id)).toEqual(['q1']);
    expect(early.drafts).toEqual([]);
    expect(early.events).toEqual([]);
    const later = (await store.getCase('talks', { asOf: '2025-03-01' })).case;
    expect(later.stances).toHaveLength(5);
    expect(later.drafts.map((d) => d.id)).toEqual(['d1']);
  });

  it('reports unknown cases, revisions and runs as NotFound', async () => {
    await expect(store.getCase('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.getCase('talks', { revision: 99 })).rejects.toThrow(/no revision 99/);
    await expect(store.updateCase('nope', sampleCase('nope'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.listRevisions('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.deleteCase('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.getRun('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses renaming by update, an invalid modification, and a stale expected revision, leaving the case unchanged', async () => {
    await expect(store.updateCase('talks', sampleCase('other'))).rejects.toThrow(/cannot be renamed/);
    const err = await store
      .modifyCase('talks', (c) => {
        (c.stances[0] as { salience: unknown }).salience = 'high';
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(InvalidCaseError);
    expect((err as InvalidCaseError).problems.map((p) => p.path)).toEqual(['stances[0].salience']);
    await expect(store.modifyCase('talks', () => undefined, { expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getCase('talks')).revision).toBe(3);
  });

  it('rolls a failed write back: no revision, no evidence change, no case-row change', async () => {
    // A real failure inside the transaction, after the case row and revision are written: a trigger
    // rejects the evidence row with id "boom".
    if (store.kind === 'sqlite') {
      await sql`CREATE TRIGGER reject_boom BEFORE INSERT ON evidence WHEN NEW.evidence_id = 'boom' BEGIN SELECT RAISE(ABORT, 'boom rejected'); END`.execute(store.db);
    } else {
      await sql`CREATE FUNCTION reject_boom() RETURNS trigger AS $$ BEGIN IF NEW.evidence_id = 'boom' THEN RAISE EXCEPTION 'boom rejected'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(store.db);
      await sql`CREATE TRIGGER reject_boom BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION reject_boom()`.execute(store.db);
    }
    const before = await store.getCase('talks');
    const evidenceBefore = await store.listEvidence({ caseId: 'talks' });
    await expect(
      store.modifyCase('talks', (c) => {
        c.title = 'should not stick';
        c.evidence.push({ id: 'boom', kind: 'report', text: 'x', date: '2025-04-01', issues: [], status: 'accepted' });
      }),
    ).rejects.toThrow(/boom rejected/);
    expect(await store.getCase('talks')).toEqual(before);
    expect(await store.listRevisions('talks')).toHaveLength(3);
    expect(await store.listEvidence({ caseId: 'talks' })).toEqual(evidenceBefore);
    expect((await store.listCases()).items[0].title).toBe('Border talks (round 2)');
    // A failing create leaves no case behind either.
    const c = sampleCase('fresh') as { evidence: Array<{ id: string }> };
    c.evidence[0].id = 'boom';
    (c as ReturnType<typeof sampleCase>).stances!.forEach((s) => (s.evidence = []));
    await expect(store.createCase(c)).rejects.toThrow(/boom rejected/);
    expect(await store.hasCase('fresh')).toBe(false);
  });

  it('serialises concurrent changes to one case: each gets its own revision, none is lost', async () => {
    const start = (await store.getCase('talks')).revision;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        store.modifyCase('talks', (c) => {
          c.events.push({ id: `parallel-${k}`, date: '2025-05-01', kind: 'other', title: `event ${k}`, participants: [], evidence: [] });
        }),
      ),
    );
    expect(results.map((r) => r.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 8 }, (_, k) => start + k + 1));
    const events = (await store.getCase('talks')).case.events.map((e) => e.id);
    for (let k = 0; k < 8; k++) expect(events).toContain(`parallel-${k}`);
    // Put the case back as it was for the tests below (a new revision, like any change).
    await store.modifyCase('talks', (c) => {
      c.events = c.events.filter((e) => !e.id.startsWith('parallel-'));
    });
  });

  it('queries the evidence library across cases with filters and paging', async () => {
    await store.createCase(sampleCase('talks-b'));
    const all = await store.listEvidence();
    expect(all.total).toBe(4);
    expect(all.items.map((e) => `${e.caseId}/${e.id}`)).toEqual(['talks/q1', 'talks-b/q1', 'talks/q2', 'talks-b/q2']);
    expect((await store.listEvidence({ from: '2025-02-01' })).items.map((e) => e.id)).toEqual(['q2', 'q2']);
    expect((await store.listEvidence({ text: 'METRE' })).total).toBe(2);
    // Wildcards in the search text are literal: "%" only matches a real percent sign.
    expect((await store.listEvidence({ text: '100%' })).total).toBe(2);
    expect((await store.listEvidence({ text: 'fai__line' })).total).toBe(0);
    expect((await store.listEvidence({ issue: 'border', caseId: 'talks-b' })).total).toBe(2);
    expect((await store.listEvidence({ issue: 'troops' })).total).toBe(0);
    const page = await store.listEvidence({ offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(page.items.map((e) => `${e.caseId}/${e.id}`)).toEqual(['talks-b/q1', 'talks/q2']);
    expect(all.items[2]).toMatchObject({ speaker: 'N. Envoy', outlet: 'Wire', url: 'https://example.org/a', issues: ['border'], status: 'accepted' });
  });

  it('pages the case list', async () => {
    const p = await store.listCases({ offset: 1, limit: 1 });
    expect(p).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(p.items.map((c) => c.id)).toEqual(['talks-b']);
  });

  it('records forecast runs with everything needed to reproduce them', async () => {
    const base = { caseId: 'talks', caseRevision: 3, params: { rounds: 5, asOf: '2025-02-01' }, seed: 7, inputHash: inputHash({ a: 1 }), engineVersion: '0.1.0' };
    const id1 = await store.recordRun({ ...base, models: ['compromise'], results: [{ model: 'compromise', outcome: [41.5, 12] }] });
    const id2 = await store.recordRun({ ...base, seed: null, models: ['compromise', 'median'], results: [] });
    expect(await store.getRun(id1)).toMatchObject({ ...base, id: id1, models: ['compromise'], results: [{ model: 'compromise', outcome: [41.5, 12] }] });
    const runs = await store.listRuns({ caseId: 'talks' });
    expect(runs.total).toBe(2);
    expect(runs.items.map((r) => r.id)).toEqual([id2, id1]);
    expect(runs.items[0].seed).toBeNull();
    expect('results' in runs.items[0]).toBe(false);
    expect((await store.listRuns({ caseId: 'talks-b' })).total).toBe(0);
  });

  it("hands out a revision as its stored JSON, and not a deleted case's under a reused id", async () => {
    const { json, revision } = await store.getCaseJson('talks-b');
    expect(revision).toBe(1);
    expect(JSON.parse(json)).toEqual((await store.getCase('talks-b')).case);
    expect(JSON.parse((await store.getCaseJson('talks', { revision: 1 })).json).title).toBe('Border talks');
    await expect(store.getCaseJson('talks', { revision: 99 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.getCaseJson('nope')).rejects.toBeInstanceOf(NotFoundError);
    await store.deleteCase('talks-b');
    await new Promise((r) => setTimeout(r, 5));
    await store.createCase({ ...sampleCase('talks-b'), title: 'Reborn' });
    expect(JSON.parse((await store.getCaseJson('talks-b')).json).title).toBe('Reborn');
  });

  it('deletes a case with its revisions and evidence', async () => {
    await store.deleteCase('talks-b');
    expect(await store.hasCase('talks-b')).toBe(false);
    expect((await store.listEvidence({ caseId: 'talks-b' })).total).toBe(0);
    await expect(store.getCase('talks-b', { revision: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

it('hashes model input canonically: key order and typed arrays do not matter', () => {
  const a = { b: new Float64Array([1, 2.5]), a: 'x', n: NaN };
  const b = { n: null, a: 'x', b: [1, 2.5] };
  expect(canonicalJson(a)).toBe('{"a":"x","b":[1,2.5],"n":null}');
  expect(inputHash(a)).toBe(inputHash(b));
  // sha256("null"), computed independently (printf null | sha256sum).
  expect(inputHash(null)).toBe('74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b');
});
