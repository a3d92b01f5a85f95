import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { Case } from '../../src/case/schema.ts';
import { zoneOfAgreement, checkDrafts, diffDrafts, compareScenarios, timeline, sensitivity } from '../../src/analysis/index.ts';
import { caseOverview } from '../../src/case/overview.ts';
import { sampleCase } from '../store/backends.ts';
import { describeEachStore, type FreshDatabase } from './fresh-store.ts';

const TOKEN = 'test-token-123';

/**
 * The sample case as the analysis tests use it: a third issue (water, no stances), a second draft,
 * and South's troop ceiling at 5 with salience 55.
 */
function analysisCase(id = 'talks') {
  const c = sampleCase(id) as any;
  c.issues.push({ id: 'water', title: 'Water rights', statusQuo: 10 });
  c.drafts.push({ id: 'd2', title: 'Second draft', date: '2025-03-05', revises: 'd1', points: [{ number: 1, text: 'Border at 60', values: { border: 60 } }] });
  c.stances = c.stances.map((s: any) => (s.actor === 'south' && s.issue === 'troops' ? { ...s, position: 5, salience: 55 } : s));
  return c;
}

// Each test starts its own server on its own fresh database (`start`), so that a failing test
// cannot leave state behind that makes the next ones fail too.
describeEachStore('HTTP API', (freshDatabase) => {
  let server: RunningServer | undefined;
  let db: FreshDatabase | undefined;
  let webRoot: string;
  /** A server on a new database, with these cases created (revision 1 each). */
  const start = async (...cases: unknown[]) => {
    db = await freshDatabase();
    server = await startServer({ port: 0, db: db.url, token: TOKEN, webRoot });
    for (const c of cases) expect((await call('POST', '/api/cases', c)).status).toBe(201);
    return server;
  };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${TOKEN}`, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= typeof body === 'string' ? 'text/plain' : 'application/json';
    }
    const res = await fetch(server!.url + path, init);
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, headers: res.headers };
  };

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'parley-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>parley</title><script type="module" src="/assets/index-AbCdEf12.js"></script>');
    writeFileSync(join(webRoot, 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  afterEach(async () => {
    await server?.close();
    await db?.destroy();
    server = undefined;
    db = undefined;
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  it('serves a valid OpenAPI 3.1 document covering every route of the contract', async () => {
    await start();
    const { status, json: doc } = await call('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    const expected: Array<[string, string]> = [
      ['get', '/api/cases'], ['post', '/api/cases'], ['post', '/api/cases/import'],
      ['get', '/api/cases/{id}'], ['put', '/api/cases/{id}'], ['delete', '/api/cases/{id}'],
      ['get', '/api/cases/{id}/revisions'], ['get', '/api/cases/{id}/export'], ['get', '/api/cases/{id}/overview'],
      ['get', '/api/cases/{id}/stances'], ['put', '/api/cases/{id}/stances'], ['delete', '/api/cases/{id}/stances'],
      ['post', '/api/cases/{id}/forecast'], ['post', '/api/cases/{id}/simulate'], ['get', '/api/jobs/{jobId}'], ['delete', '/api/jobs/{jobId}'],
      ['get', '/api/cases/{id}/zopa'], ['get', '/api/cases/{id}/drafts/check'], ['get', '/api/cases/{id}/drafts/diff'],
      ['post', '/api/cases/{id}/sensitivity'], ['get', '/api/cases/{id}/scenarios/compare'], ['get', '/api/cases/{id}/timeline'],
      ['get', '/api/runs'], ['get', '/api/runs/{runId}'], ['post', '/api/runs/{runId}/replay'], ['post', '/api/ingest'], ['get', '/api/evidence'],
      ['post', '/api/cases/{id}/evidence/{evidenceId}/accept'], ['post', '/api/cases/{id}/evidence/{evidenceId}/reject'],
    ];
    for (const [sub, param] of [['actors', 'actorId'], ['issues', 'issueId'], ['evidence', 'evidenceId'], ['drafts', 'draftId'], ['scenarios', 'scenarioId'], ['events', 'eventId']]) {
      expected.push(['get', `/api/cases/{id}/${sub}`], ['post', `/api/cases/{id}/${sub}`]);
      for (const m of ['get', 'put', 'delete']) expected.push([m, `/api/cases/{id}/${sub}/{${param}}`]);
    }
    for (const [method, path] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    // Every operation declares its path parameters and responses; every $ref resolves.
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values<any>(ops)) {
        const declared = (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name);
        expect(declared.sort(), path).toEqual([...names].sort());
        expect(Object.keys(op.responses).length).toBeGreaterThan(1);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined();
    // The case model is defined once and referred to.
    expect(doc.paths['/api/cases'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Case' });
    for (const name of ['Case', 'Actor', 'Issue', 'Stance', 'Evidence', 'Draft', 'Scenario', 'Event', 'Error']) expect(doc.components.schemas[name], name).toBeDefined();
    expect(doc.components.schemas.Case.required).toEqual(expect.arrayContaining(['id', 'title', 'actors', 'issues']));
  });

  it('creates, lists (paged), reads, replaces and deletes cases, keeping revisions', async () => {
    await start();
    expect(await call('POST', '/api/cases', sampleCase('talks'), { 'x-parley-author': 'ana' })).toMatchObject({ status: 201, json: { id: 'talks', revision: 1 } });
    expect((await call('POST', '/api/cases', sampleCase('talks'))).status).toBe(409);
    expect((await call('POST', '/api/cases', sampleCase('talks-2'))).status).toBe(201);
    const page = await call('GET', '/api/cases?offset=1&limit=1');
    expect(page.json).toMatchObject({ total: 2, offset: 1, limit: 1, items: [{ id: 'talks-2', actors: 2, issues: 2, drafts: 1, evidence: 2, revision: 1 }] });
    const got = await call('GET', '/api/cases/talks');
    expect(got.status).toBe(200);
    expect(got.headers.get('x-parley-revision')).toBe('1');
    expect(got.json).toEqual(Case.parse(sampleCase('talks')));
    const changed = { ...sampleCase('talks'), title: 'Border talks, v2' };
    expect(await call('PUT', '/api/cases/talks', changed, { 'x-parley-author': encodeURIComponent('Zoë Ben'), 'x-parley-message': 'retitled' })).toMatchObject({ status: 200, json: { id: 'talks', revision: 2 } });
    expect((await call('GET', '/api/cases/talks')).json.title).toBe('Border talks, v2');
    expect((await call('GET', '/api/cases/talks?revision=1')).json.title).toBe('Border talks');
    const revs = await call('GET', '/api/cases/talks/revisions');
    expect(revs.json.map((r: any) => [r.revision, r.author, r.message])).toEqual([[1, 'ana', 'created'], [2, 'Zoë Ben', 'retitled']]);
    // The revision current at a time: at revision 1's time, revision 1; before the case existed, 404.
    const atFirst = await call('GET', `/api/cases/talks?at=${encodeURIComponent(revs.json[0].createdAt)}`);
    expect(atFirst.headers.get('x-parley-revision')).toBe('1');
    expect(atFirst.json.title).toBe('Border talks');
    expect((await call('GET', '/api/cases/talks?at=2000-01-01T00:00:00Z')).status).toBe(404);
    expect((await call('GET', '/api/cases/talks?at=yesterday')).json.error.path).toBe('at');
    // As of a date: the later north/border stance and evidence q2 are hidden.
    const early = (await call('GET', '/api/cases/talks?asOf=2025-01-31')).json;
    expect(early.evidence.map((e: any) => e.id)).toEqual(['q1']);
    expect(early.stances).toHaveLength(4);
    // A stale If-Match is a failed precondition (412, with the current revision) and changes nothing.
    const stale = await call('PUT', '/api/cases/talks', sampleCase('talks'), { 'if-match': '1' });
    expect(stale.status).toBe(412);
    expect(stale.json.error).toMatchObject({ path: 'If-Match', currentRevision: 2 });
    expect(await call('DELETE', '/api/cases/talks-2')).toMatchObject({ status: 204 });
    expect((await call('GET', '/api/cases/talks-2')).status).toBe(404);
  });

  it('answers a bad body with 400 naming the field, and writes nothing', async () => {
    await start(sampleCase('talks'));
    const bad = sampleCase('bad') as any;
    bad.stances[1].salience = 'very';
    const r = await call('POST', '/api/cases', bad);
    expect(r.status).toBe(400);
    expect(r.json.error.path).toBe('stances[1].salience');
    const malformed = await call('POST', '/api/cases', '{"id": ', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.message).toMatch(/JSON/);
    expect((await call('GET', '/api/cases?limit=0')).json.error.path).toBe('limit');
    expect((await call('GET', '/api/cases/talks?asOf=2025-13-01')).json.error.path).toBe('asOf');
    // Renaming via PUT is refused with the path of the field.
    const renamed = await call('PUT', '/api/cases/talks', sampleCase('other'));
    expect(renamed).toMatchObject({ status: 400, json: { error: { path: 'id' } } });
    expect((await call('GET', '/api/cases/bad')).status).toBe(404);
    expect((await call('GET', '/api/cases/talks')).headers.get('x-parley-revision')).toBe('1');
  });

  it('gives 404 for unknown cases, items, runs, jobs and routes', async () => {
    await start(sampleCase('talks'));
    for (const [m, p] of [
      ['GET', '/api/cases/nope'], ['GET', '/api/cases/nope/overview'], ['GET', '/api/cases/talks/actors/nobody'],
      ['DELETE', '/api/cases/talks/drafts/nodraft'], ['GET', '/api/runs/no-run'], ['GET', '/api/jobs/no-job'],
      ['DELETE', '/api/jobs/no-job'], ['GET', '/api/nothing-here'], ['POST', '/api/cases/nope/forecast'], ['GET', '/api/cases/talks?revision=40'],
    ]) {
      const r = await call(m, p, m === 'POST' ? {} : undefined);
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(typeof r.json.error.message).toBe('string');
    }
  });

  it('refuses bodies over 2 MB with 413', async () => {
    await start();
    const big = { ...sampleCase('big'), description: 'x'.repeat(2 * 1024 * 1024 + 10) };
    const r = await call('POST', '/api/cases', big);
    expect(r.status).toBe(413);
    expect(r.json.error.message).toMatch(/larger than 2097152/);
    expect((await call('GET', '/api/cases/big')).status).toBe(404);
  });

  it('needs the bearer token for writes and reads (401)', async () => {
    await start(sampleCase('talks'));
    const anon = await fetch(`${server!.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleCase('anon')) });
    expect(anon.status).toBe(401);
    expect((await anon.json()).error.message).toMatch(/Bearer/);
    const wrong = await fetch(`${server!.url}/api/cases/talks`, { method: 'DELETE', headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${server!.url}/api/cases/talks`)).status).toBe(401);
    expect((await fetch(`${server!.url}/api/cases/talks`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('lists, adds, replaces and deletes sub-resources, each a new revision of the re-validated case', async () => {
    await start(sampleCase('talks'));
    const mediator = { id: 'mediator', name: 'Mediator', kind: 'organisation', capability: 15 };
    const added = await call('POST', '/api/cases/talks/actors', mediator);
    expect(added).toMatchObject({ status: 201, json: { revision: 2, item: { id: 'mediator', aliases: [] } } });
    expect((await call('POST', '/api/cases/talks/actors', mediator)).status).toBe(409);
    expect((await call('GET', '/api/cases/talks/actors?offset=2&limit=5')).json).toMatchObject({ total: 3, offset: 2, items: [{ id: 'mediator' }] });
    expect((await call('PUT', '/api/cases/talks/actors/mediator', { ...mediator, capability: 25 })).json.revision).toBe(3);
    expect((await call('GET', '/api/cases/talks/actors/mediator')).json.capability).toBe(25);
    expect((await call('PUT', '/api/cases/talks/actors/mediator', { ...mediator, id: 'other' })).json.error.path).toBe('id');
    const badItem = await call('POST', '/api/cases/talks/issues', { id: 'x', title: 'X' });
    expect(badItem).toMatchObject({ status: 400, json: { error: { path: 'statusQuo' } } });
    // Deleting an actor that stances still refer to breaks the case: 400 naming the broken reference.
    const broken = await call('DELETE', '/api/cases/talks/actors/south');
    expect(broken.status).toBe(400);
    expect(broken.json.error.path).toMatch(/^stances\[\d+\]\.actor$/);
    expect((await call('GET', '/api/cases/talks/actors/south')).status).toBe(200);
    expect((await call('DELETE', '/api/cases/talks/actors/mediator')).json.revision).toBe(4);
    for (const [sub, item] of [
      ['issues', { id: 'water', title: 'Water rights', statusQuo: 10 }],
      ['drafts', { id: 'd2', title: 'Second draft', date: '2025-03-05', revises: 'd1', points: [{ number: 1, text: 'Border at 60', values: { border: 60 } }] }],
      ['scenarios', { id: 'north-soft', title: 'North softens', changes: [{ actor: 'north', issue: 'border', field: 'position', value: 45 }] }],
      ['events', { id: 'e2', date: '2025-03-05', kind: 'meeting', title: 'Vienna round' }],
      ['evidence', { id: 'q3', kind: 'report', text: 'Talks resume.', date: '2025-03-04', status: 'candidate' }],
    ] as const) {
      expect((await call('POST', `/api/cases/talks/${sub}`, item)).status, sub).toBe(201);
      expect((await call('GET', `/api/cases/talks/${sub}/${item.id}`)).json.id, sub).toBe(item.id);
    }
    expect((await call('GET', '/api/cases/talks/revisions')).json).toHaveLength(9);
    expect((await call('GET', '/api/cases/talks/revisions')).json.at(-1)).toMatchObject({ message: 'added evidence q3' });
  });

  it('upserts, filters and deletes stances by actor, issue and date', async () => {
    await start(sampleCase('talks'));
    const put = await call('PUT', '/api/cases/talks/stances', { actor: 'south', issue: 'troops', position: 5, salience: 55 });
    expect(put.json).toMatchObject({ created: false, item: { position: 5 } });
    const dated = await call('PUT', '/api/cases/talks/stances', { actor: 'south', issue: 'troops', date: '2025-03-02', position: 8, salience: 55 });
    expect(dated.json.created).toBe(true);
    const list = await call('GET', '/api/cases/talks/stances?actor=south&issue=troops');
    expect(list.json.items.map((s: any) => s.position)).toEqual([5, 8]);
    expect((await call('PUT', '/api/cases/talks/stances', { actor: 'ghost', issue: 'troops', position: 5, salience: 5 })).json.error.path).toMatch(/^stances\[\d+\]\.actor$/);
    expect((await call('DELETE', '/api/cases/talks/stances?actor=south&issue=troops&date=2025-03-02')).status).toBe(200);
    expect((await call('DELETE', '/api/cases/talks/stances?actor=south&issue=troops&date=2025-03-02')).status).toBe(404);
    expect((await call('GET', '/api/cases/talks/stances?actor=south')).json.total).toBe(2);
  });

  it('accepts and rejects candidate evidence; the library finds it across cases', async () => {
    await start(sampleCase('talks'));
    expect((await call('POST', '/api/cases/talks/evidence', { id: 'q3', kind: 'report', text: 'Talks resume.', date: '2025-03-04', status: 'candidate' })).status).toBe(201);
    expect((await call('GET', '/api/evidence?status=candidate')).json.items.map((e: any) => `${e.caseId}/${e.id}`)).toEqual(['talks/q3']);
    expect(await call('POST', '/api/cases/talks/evidence/q3/accept')).toMatchObject({ status: 200, json: { id: 'q3', status: 'accepted' } });
    expect((await call('GET', '/api/evidence?status=candidate')).json.total).toBe(0);
    expect((await call('POST', '/api/cases/talks/evidence/q3/reject')).json.status).toBe('rejected');
    expect((await call('POST', '/api/cases/talks/evidence/zz/accept')).status).toBe(404);
    expect((await call('GET', '/api/evidence?q=metre&actor=north')).json.items.map((e: any) => e.id)).toEqual(['q1']);
  });

  it('imports case files and exports them as YAML and JSON', async () => {
    await start(sampleCase('talks'));
    const yamlText = `id: imported\ntitle: Imported\nactors:\n  - { id: a, name: A, kind: state, capability: 1 }\nissues:\n  - { id: i, title: I, statusQuo: 3 }\n`;
    expect(await call('POST', '/api/cases/import?format=yaml', yamlText)).toMatchObject({ status: 201, json: { id: 'imported', revision: 1 } });
    const broken = await call('POST', '/api/cases/import?format=yaml', yamlText.replace('statusQuo: 3', 'statusQuo: three').replace('id: imported', 'id: imported-2'));
    expect(broken.status).toBe(400);
    expect(broken.json.error.path).toBe('issues[0].statusQuo');
    expect(broken.json.error.problems[0].message).toMatch(/^line 6, column \d+: /);
    const y = await call('GET', '/api/cases/talks/export?format=yaml');
    expect(y.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(parseYaml(y.text)).toEqual((await call('GET', '/api/cases/talks')).json);
    const j = await call('GET', '/api/cases/talks/export?format=json&revision=1');
    expect(JSON.parse(j.text)).toEqual(Case.parse(sampleCase('talks')));
    expect((await call('GET', '/api/cases/talks/export?format=pdf')).json.error.path).toBe('format');
    // Through the other formats of the registry and back: decide's CSV keeps actors and issues.
    const decide = await call('GET', '/api/cases/talks/export?format=decide');
    expect(decide.status).toBe(200);
    expect(await call('POST', '/api/cases/import?format=decide&id=talks-decide', decide.text)).toMatchObject({ status: 201, json: { id: 'talks-decide' } });
    const back = (await call('GET', '/api/cases/talks-decide')).json;
    expect(back.actors.map((a: any) => a.name)).toEqual(['North', 'South']);
    expect((await call('POST', '/api/cases/import?format=decide&id=bad%20id', decide.text)).json.error.path).toBe('id');
    expect((await call('DELETE', '/api/cases/talks-decide')).status).toBe(204);
    expect((await call('POST', '/api/cases/import?format=pdf', yamlText)).json.error).toMatchObject({ path: 'format', message: expect.stringMatching(/^unknown import format "pdf" \(known: yaml, json, /) });
  });

  it('forecasts with the models, stores the run, and replays it bit for bit', async () => {
    await start(analysisCase());
    const f = await call('POST', '/api/cases/talks/forecast', { models: ['compromise'], asOf: '2025-03-01' });
    expect(f.status).toBe(200);
    // Compromise = Σ c·s·x / Σ c·s on the current stances (salience /100):
    // border: (60·0.8·30 + 40·0.7·90) / (48 + 28) = 3960/76; troops: (60·0.3·40 + 40·0.55·5) / (18 + 22) = 830/40.
    const [res] = f.json.results;
    // As `parley forecast --format json`: keyed by issue title, actors by name, round 0 the input.
    expect(res).toMatchObject({ model: 'compromise', actors: ['North', 'South'], issues: ['Where the border runs', 'Troop ceiling', 'Water rights'] });
    expect(res.outcome['Where the border runs']).toBeCloseTo(3960 / 76, 10);
    expect(res.outcome['Troop ceiling']).toBeCloseTo(830 / 40, 10);
    expect(res.rounds[0].positions.South['Where the border runs']).toBe(90);
    const run = await call('GET', `/api/runs/${f.json.runId}`);
    expect(run.json).toMatchObject({ kind: 'forecast', caseId: 'talks', models: ['compromise'], params: { asOf: '2025-03-01' }, engineVersion: '0.1.0', seed: null });
    expect(run.json.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.json.results).toEqual(f.json.results);
    // Edit the case afterwards: the replay still uses the run's revision.
    await call('PUT', '/api/cases/talks/stances', { actor: 'north', issue: 'troops', position: 90, salience: 30 });
    const replay = await call('POST', `/api/runs/${f.json.runId}/replay`);
    expect(replay.json).toMatchObject({ identical: true, inputHashMatches: true });
    const listed = await call('GET', '/api/runs?case=talks');
    expect(listed.json.items[0]).toMatchObject({ id: f.json.runId, caseRevision: run.json.caseRevision });
    expect((await call('POST', '/api/cases/talks/forecast', { models: ['astrology'] })).json.error.path).toBe('models');
    expect((await call('POST', '/api/cases/talks/forecast', { scenario: 'nope' })).json.error.path).toBe('scenario');
    expect((await call('POST', '/api/cases/talks/forecast', { rounds: 0 })).json.error.path).toBe('rounds');
  });

  it('passes engine parameters through: the exchange model in decimals agrees with doubles on this case', async () => {
    await start(analysisCase());
    const dec = await call('POST', '/api/cases/talks/forecast', { models: ['exchange'], params: { arithmetic: 'decimal', tieBreak: 'first' } });
    expect(dec.status).toBe(200);
    expect(dec.json.results[0].params).toMatchObject({ arithmetic: 'decimal', tieBreak: 'first' });
    const dbl = await call('POST', '/api/cases/talks/forecast', { models: ['exchange'], params: { tieBreak: 'first' } });
    for (const [issue, v] of Object.entries(dbl.json.results[0].outcome)) expect(dec.json.results[0].outcome[issue]).toBeCloseTo(v as number, 9);
    const bad = await call('POST', '/api/cases/talks/forecast', { models: ['exchange'], params: { arithmetic: 'decimal', variant: 'random' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('equal-gain model only');
  });

  it('returns the same JSON as the analysis functions for overview, zopa, drafts, sensitivity, scenarios and timeline', async () => {
    await start(analysisCase());
    const c = Case.parse((await call('GET', '/api/cases/talks')).json);
    const same = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect((await call('GET', '/api/cases/talks/overview?asOf=2025-02-01')).json).toEqual(same(caseOverview((await call('GET', '/api/cases/talks?asOf=2025-02-01')).json, '2025-02-01')));
    expect((await call('GET', '/api/cases/talks/zopa?models=compromise')).json).toEqual(same(zoneOfAgreement(c, { models: ['compromise'] })));
    expect((await call('GET', '/api/cases/talks/drafts/check?models=compromise')).json).toEqual(same(checkDrafts(c, { models: ['compromise'] })));
    const latestLines = (await call('GET', '/api/cases/talks/drafts/check?models=compromise&against=latest')).json;
    expect(latestLines).toEqual(same(checkDrafts(c, { models: ['compromise'], against: 'latest' })));
    expect(latestLines.against).toBe('latest');
    expect((await call('GET', '/api/cases/talks/drafts/check?against=yesterday')).status).toBe(400);
    expect((await call('GET', '/api/cases/talks/drafts/diff?a=d1&b=d2')).json).toEqual(same(diffDrafts(c, 'd1', 'd2')));
    expect((await call('GET', '/api/cases/talks/drafts/diff?a=d1&b=zz')).json.error.path).toBe('draft');
    expect((await call('POST', '/api/cases/talks/sensitivity', { models: ['compromise'] })).json).toEqual(same(sensitivity(c, { models: ['compromise'] })));
    expect((await call('GET', '/api/cases/talks/scenarios/compare?models=compromise')).json).toEqual(same(compareScenarios(c, { models: ['compromise'] })));
    expect((await call('GET', '/api/cases/talks/timeline?models=compromise')).json).toEqual(same(timeline(c, { models: ['compromise'] })));
  });

  it('runs Monte Carlo as a background job with progress, and cancels one', async () => {
    await start(analysisCase());
    const started = await call('POST', '/api/cases/talks/simulate', { runs: 400, seed: 3, models: ['compromise'] });
    expect(started.status).toBe(202);
    let job: any;
    for (let i = 0; i < 400; i++) {
      job = (await call('GET', `/api/jobs/${started.json.jobId}`)).json;
      expect(job.progress).toBeGreaterThanOrEqual(0);
      expect(job.progress).toBeLessThanOrEqual(1);
      if (job.status === 'done' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(job).toMatchObject({ status: 'done', progress: 1, result: { runs: 400, seed: 3, models: ['compromise'] } });
    expect(Object.keys(job.result.quantiles.compromise).sort()).toEqual(['border', 'troops', 'water']);
    // Kept as a run: it outlives the job list and replays to the same bytes.
    const { runId, ...simulation } = job.result;
    const run = (await call('GET', `/api/runs/${runId}`)).json;
    expect(run).toMatchObject({ kind: 'simulate', caseId: 'talks', models: ['compromise'], params: { runs: 400, seed: 3 }, seed: 3 });
    expect(run.results).toEqual([simulation]);
    expect((await call('GET', '/api/runs?case=talks')).json.items[0]).toMatchObject({ id: runId, kind: 'simulate' });
    const replay = await call('POST', `/api/runs/${runId}/replay`);
    expect(replay.json).toMatchObject({ identical: true, inputHashMatches: true });
    // A long job, cancelled while it runs or waits: it ends as cancelled, not done.
    const long = await call('POST', '/api/cases/talks/simulate', { runs: 200000, seed: 1 });
    const cancelled = await call('DELETE', `/api/jobs/${long.json.jobId}`);
    expect(cancelled.json.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 100));
    const after = (await call('GET', `/api/jobs/${long.json.jobId}`)).json;
    expect(after.status).toBe('cancelled');
    expect(after.result).toBeUndefined();
    expect((await call('POST', '/api/cases/talks/simulate', { runs: 0 })).json.error.path).toBe('runs');
    expect((await call('POST', '/api/cases/talks/simulate', { distribution: 'cauchy' })).json.error.path).toBe('distribution');
  });

  it('serves the dashboard: content types, SPA fallback, strict CSP, nothing outside the web root', async () => {
    await start();
    const index = await fetch(`${server!.url}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await fetch(`${server!.url}/assets/index-AbCdEf12.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server!.url}/assets/logo.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const deep = await fetch(`${server!.url}/cases/talks/issues/border`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>parley</title>');
    expect((await fetch(`${server!.url}/assets/missing.js`)).status).toBe(404);
    // Encoded traversal, sent raw (fetch would normalise the path).
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(server!.url);
      httpRequest({ host: u.hostname, port: u.port, path: '/..%2f..%2fpackage.json', method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(status).toBe(404);
    expect((await fetch(`${server!.url}/api/cases`)).headers.get('content-security-policy')).toBe(csp);
  });
});
