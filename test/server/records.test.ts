/** The forecast record over HTTP, end to end: record → read and verify → resolve → score, on each store backend. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { setOutlookProducer } from '../../src/record/make.ts';
import { createStore } from '../../src/store/index.ts';
import { describeEachBackend, sampleCase } from '../store/backends.ts';
import { sampleOutlook } from '../record/fixtures.ts';

const TOKEN = 'record-token';
beforeAll(() => setOutlookProducer(async (_c, opts) => sampleOutlook(opts.by, 0.3)));
afterAll(() => setOutlookProducer(undefined));

describeEachBackend('HTTP API: the forecast record', (backend) => {
  let server: RunningServer;
  let db = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    db = await backend.create();
    server = await startServer({ port: 0, db, token: TOKEN, importExamples: false });
    expect((await call('POST', '/api/cases', sampleCase('talks'))).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await backend.destroy();
  });

  it('the routes are in the OpenAPI document', async () => {
    const doc = (await call('GET', '/openapi.json')).json as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths['/api/cases/{id}/record'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/record'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/record/questions/{question}/resolution'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/record/scores'])).toEqual(['get']);
    expect(doc.components.schemas).toHaveProperty('RecordEntry');
    expect(doc.components.schemas).toHaveProperty('RecordScores');
  });

  it('records, verifies, resolves and scores', async () => {
    const r1 = await call('POST', '/api/cases/talks/record', { question: 'q1', by: '2026-06-30', runs: 100, seed: 3 });
    expect(r1.status).toBe(201);
    expect(r1.json.entry).toMatchObject({ seq: 1, question: { id: 'q1' }, case: { id: 'talks', revision: 1 }, by: '2026-06-30', prevHash: '0'.repeat(64) });
    expect(r1.json.hash).toMatch(/^[0-9a-f]{64}$/);
    const r2 = await call('POST', '/api/cases/talks/record', { question: 'q1', by: '2026-06-30' });
    expect(r2.json.entry.prevHash).toBe(r1.json.hash);

    const list = await call('GET', '/api/record?question=q1');
    expect(list.status).toBe(200);
    expect(list.json.entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(list.json.verify).toEqual({ ok: true, count: 2, head: r2.json.hash });

    // Bad requests name the field.
    expect(await call('POST', '/api/cases/talks/record', { question: 'q 1', by: '2026-06-30' })).toMatchObject({ status: 400, json: { error: { path: 'question' } } });
    expect(await call('POST', '/api/cases/talks/record', { question: 'q1', by: '2026-12-31' })).toMatchObject({ status: 409 });
    expect(await call('POST', '/api/cases/nope/record', { question: 'q9', by: '2026-12-31' })).toMatchObject({ status: 404 });
    const bad = await call('POST', '/api/record/questions/q1/resolution', { agreement: 1, outcome: { border: 101 }, source: 'https://example.org/x' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toEqual({ message: 'body.outcome.border: 101 is outside the scale of issue "border" (0 to 100)', path: 'outcome.border' });
    expect((await call('POST', '/api/record/questions/q1/resolution', { agreement: 1, outcome: { border: 45 }, source: 'not a url' })).json.error.path).toBe('source');
    expect((await call('POST', '/api/record/questions/q7/resolution', { agreement: 1, outcome: { border: 45 }, source: 'https://example.org' })).status).toBe(404);

    const res = await call('POST', '/api/record/questions/q1/resolution', { agreement: 1, outcome: { border: 45, troops: 20 }, source: 'https://example.org/deal' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ question: 'q1', resolution: { agreement: 1 } });
    expect((await call('POST', '/api/record/questions/q1/resolution', { agreement: 0, outcome: { border: 45 }, source: 'https://example.org/deal' })).status).toBe(409);

    const scores = await call('GET', '/api/record/scores');
    expect(scores.status).toBe(200);
    const comp = scores.json.models.find((m: { model: string }) => m.model === 'compromise');
    expect(comp).toMatchObject({ n: 1, entries: 2, coverage50: 0.5, coverage90: 1, baseline: true });
    expect(comp.absError).toBeCloseTo(7.5, 9);
    expect(comp.brier).toBeCloseTo(0.49, 12);
    expect(scores.json.cases).toHaveLength(1);
  });

  it('a tampered record reads with its failed check, and is not scored', async () => {
    const store = await createStore(db);
    try {
      await sql.raw(store.kind === 'postgres' ? 'DROP TRIGGER record_entries_no_delete ON record_entries' : 'DROP TRIGGER record_entries_no_delete').execute(store.db);
      await sql`delete from record_entries where seq = 1`.execute(store.db);
    } finally {
      await store.close();
    }
    const list = await call('GET', '/api/record');
    expect(list.json.verify).toMatchObject({ ok: false, index: 0, seq: 2, question: 'q1', reason: 'link' });
    const scores = await call('GET', '/api/record/scores');
    expect(scores.status).toBe(409);
    expect(scores.json.error.message).toContain('the record does not verify, so it is not scored: entry 1 (numbered 2) [question q1]: link broken');
  });
});
