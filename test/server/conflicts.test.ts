/**
 * Lost updates (issue 17, the session's API contract): every read of a case resource carries
 * `ETag: "<revision>"`, every write to a case honours If-Match (a stale one: 412 with
 * `currentRevision`, nothing written), and with requireIfMatch a whole-case PUT without it is a 428.
 * On both store backends.
 */
import { afterEach, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../src/server/app.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';
import { describeEachStore, type FreshDatabase } from './fresh-store.ts';

describeEachStore('conditional requests', (freshDatabase) => {
  let db: FreshDatabase;
  let store: Store;
  let app: ReturnType<typeof createApp>['app'];
  let shutdown: () => Promise<void>;

  const open = async (opts: Partial<AppOptions> = {}) => {
    db = await freshDatabase();
    store = await createStore(db.url);
    const made = createApp({ store, logError: (line) => { throw new Error(`the server logged: ${line}`); }, ...opts });
    app = made.app;
    shutdown = () => made.jobs.shutdown();
    await store.createCase(sampleCase('talks'), { author: 't' });
    // Revision 2: a candidate to accept or reject.
    await store.modifyCase('talks', (c) => {
      c.evidence.push({ id: 'q3', kind: 'quote', text: 'Maybe.', date: '2025-03-02', status: 'candidate' } as never);
    });
  };
  afterEach(async () => {
    await shutdown();
    await store.close();
    await db.destroy();
  });

  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, etag: res.headers.get('etag') };
  };

  const mediator = { id: 'mediator', name: 'Mediator', kind: 'organisation', capability: 10 };
  const stance = { actor: 'south', issue: 'troops', position: 10, salience: 60 };
  /** Every write to a case, each as a request that would succeed on revision 2. */
  const WRITES: Array<[string, string, string, unknown?]> = [
    ['whole-case PUT', 'PUT', '/api/cases/talks', sampleCase('talks')],
    ['case DELETE', 'DELETE', '/api/cases/talks'],
    ['evidence accept', 'POST', '/api/cases/talks/evidence/q3/accept'],
    ['evidence reject', 'POST', '/api/cases/talks/evidence/q3/reject'],
    ['ingest into the case', 'POST', '/api/ingest', { text: '"We will not move," said N. Leader of North on Monday.', date: '2025-03-05', caseId: 'talks' }],
    ['collection POST', 'POST', '/api/cases/talks/actors', mediator],
    ['collection PUT', 'PUT', '/api/cases/talks/events/e1', { id: 'e1', date: '2025-02-02', kind: 'meeting', title: 'Geneva round, moved', participants: ['north', 'south'] }],
    ['collection DELETE', 'DELETE', '/api/cases/talks/scenarios/south-hard'],
    ['stance PUT', 'PUT', '/api/cases/talks/stances', stance],
    ['stance DELETE', 'DELETE', '/api/cases/talks/stances?actor=north&issue=troops'],
  ];

  it.each(WRITES)('%s: a stale If-Match is a 412 with the current revision, and nothing is written', async (_name, method, path, body) => {
    await open();
    const before = await store.getCaseJson('talks');
    for (const stale of ['"1"', 'W/"1"', '1']) {
      const r = await send(method, path, body, { 'if-match': stale });
      expect(r.status, `${stale}: ${JSON.stringify(r.json)}`).toBe(412);
      expect(r.json.error).toMatchObject({ path: 'If-Match', currentRevision: 2 });
      expect(r.json.error.message).toContain('revision 2, not 1');
    }
    const after = await store.getCaseJson('talks');
    expect(after.revision).toBe(2);
    expect(after.json).toBe(before.json);
  });

  it.each(WRITES)('%s: the current If-Match (or *) is served, and the answer carries the new ETag', async (_name, method, path, body) => {
    await open();
    const r = await send(method, path, body, { 'if-match': '"2"' });
    expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
    if (method === 'DELETE' && path === '/api/cases/talks') return expect(await store.hasCase('talks')).toBe(false);
    expect(r.etag).toBe('"3"');
    expect((await store.getCaseJson('talks')).revision).toBe(3);
  });

  it('answers ETag "<revision>" on the case, its sub-resources, stances, history and analysis; a run its id', async () => {
    await open();
    for (const path of ['/api/cases/talks', '/api/cases/talks?asOf=2025-01-31', '/api/cases/talks/actors', '/api/cases/talks/actors/north', '/api/cases/talks/stances', '/api/cases/talks/revisions', '/api/cases/talks/overview', '/api/cases/talks/export', '/api/cases/talks/zopa', '/api/cases/talks/drafts/check', '/api/cases/talks/timeline', '/api/cases/talks/scenarios/compare']) {
      const r = await send('GET', path);
      expect(r.status, path).toBe(200);
      expect(r.etag, path).toBe('"2"');
    }
    expect((await send('GET', '/api/cases/talks?revision=1')).etag).toBe('"1"');
    const forecast = await send('POST', '/api/cases/talks/forecast', { models: ['compromise'] });
    expect((await send('GET', `/api/runs/${forecast.json.runId}`)).etag).toBe(`"${forecast.json.runId}"`);
    // Other reads get a weak tag of their bytes: equal bytes, equal tags.
    const list = await send('GET', '/api/cases');
    expect(list.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect((await send('GET', '/api/cases')).etag).toBe(list.etag);
    // A write the ETag of the read was based on: accepted, and the next read has the new tag.
    const read = await send('GET', '/api/cases/talks');
    expect((await send('POST', '/api/cases/talks/evidence/q3/accept', undefined, { 'if-match': read.etag! })).status).toBe(200);
    expect((await send('GET', '/api/cases/talks')).etag).toBe('"3"');
  });

  it('of two writers based on the same revision, exactly one succeeds', async () => {
    await open();
    const [a, b] = await Promise.all([
      send('POST', '/api/cases/talks/evidence/q3/accept', undefined, { 'if-match': '"2"' }),
      send('POST', '/api/cases/talks/evidence/q3/reject', undefined, { 'if-match': '"2"' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    expect((await store.getCaseJson('talks')).revision).toBe(3);
  });

  it('refuses an If-Match that names no revision (400), and a whole-case PUT without one when required (428)', async () => {
    await open({ requireIfMatch: true });
    const bad = await send('POST', '/api/cases/talks/evidence/q3/accept', undefined, { 'if-match': '"abc"' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.path).toBe('If-Match');
    const missing = await send('PUT', '/api/cases/talks', sampleCase('talks'));
    expect(missing.status).toBe(428);
    expect(missing.json.error).toMatchObject({ path: 'If-Match', message: expect.stringContaining('If-Match') });
    expect((await store.getCaseJson('talks')).revision).toBe(2);
    expect((await send('PUT', '/api/cases/talks', sampleCase('talks'), { 'if-match': '"2"' })).status).toBe(200);
    // Other writes still work without it.
    expect((await send('POST', '/api/cases/talks/actors', mediator)).status).toBe(201);
  });

  it('declares If-Match on every case write in the OpenAPI document, and on no read', async () => {
    await open();
    const doc = (await send('GET', '/openapi.json')).json;
    const withIfMatch = Object.entries<any>(doc.paths).flatMap(([path, ops]) =>
      Object.entries<any>(ops).filter(([, op]) => (op.parameters ?? []).some((p: any) => p.in === 'header' && p.name === 'if-match')).map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    for (const write of ['PUT /api/cases/{id}', 'DELETE /api/cases/{id}', 'POST /api/cases/{id}/evidence/{evidenceId}/accept', 'POST /api/cases/{id}/evidence/{evidenceId}/reject', 'POST /api/ingest', 'POST /api/cases/{id}/actors', 'PUT /api/cases/{id}/events/{eventId}', 'DELETE /api/cases/{id}/scenarios/{scenarioId}', 'PUT /api/cases/{id}/stances', 'DELETE /api/cases/{id}/stances']) {
      expect(withIfMatch).toContain(write);
    }
    expect(withIfMatch.filter((w) => w.startsWith('GET '))).toEqual([]);
    expect(doc.paths['/api/cases/{id}'].put.responses).toHaveProperty('412');
    expect(doc.paths['/api/cases/{id}'].put.responses).toHaveProperty('428');
  });

  it('on loopback (requireIfMatch off) a whole-case PUT without If-Match still works', async () => {
    await open();
    expect((await send('PUT', '/api/cases/talks', sampleCase('talks'))).status).toBe(200);
  });
});
