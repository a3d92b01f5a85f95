import { describe, expect, it } from 'vitest';
import type { OpenAPIHono, z } from '@hono/zod-openapi';
import { createApp, ROUTE_MODULES } from '../../src/server/app.ts';
import { INTERNAL_ERROR_MESSAGE } from '../../src/server/errors.ts';
import { exportFormats } from '../../src/server/routes/cases.ts';
import { exporters } from '../../src/formats/index.ts';
import { Case } from '../../src/case/schema.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { JobManager } from '../../src/server/jobs.ts';
import { analysisRoutes } from '../../src/server/routes/analysis.ts';
import { caseRoutes } from '../../src/server/routes/cases.ts';
import { collectionRoutes } from '../../src/server/routes/collections.ts';
import { evidenceRoutes } from '../../src/server/routes/evidence.ts';
import { ingestRoutes } from '../../src/server/routes/ingest.ts';
import { jobRoutes } from '../../src/server/routes/jobs.ts';
import { runRoutes } from '../../src/server/routes/runs.ts';
import { stanceRoutes } from '../../src/server/routes/stances.ts';
import { feedRoutes } from '../../src/server/routes/feeds.ts';
import { healthRoutes } from '../../src/server/routes/health.ts';

/** The modules whose every route the first test calls (records and others have tests of their own). */
const COVERED_MODULES = [caseRoutes, analysisRoutes, runRoutes, jobRoutes, evidenceRoutes, ingestRoutes, feedRoutes, collectionRoutes, stanceRoutes, healthRoutes];
import { sampleCase } from '../store/backends.ts';

const ARTICLE = `Title: Envoys meet again
Date: 2025-03-03
Outlet: Test Gazette
---
"We will not give up one metre of the north line," North's foreign minister Anna Berg said after the meeting.
`;

function talks() {
  const c = sampleCase('talks') as any;
  c.issues.push({ id: 'water', title: 'Water rights', statusQuo: 10 });
  c.drafts.push({ id: 'd2', title: 'Second draft', date: '2025-03-05', revises: 'd1', points: [{ number: 1, text: 'Border at 60', values: { border: 60 } }] });
  return c;
}

/** A fresh app on a fresh in-memory store (each test its own), the lines it logs, and a JSON caller. */
async function fresh(wrap: (s: Store) => Store = (s) => s) {
  const store = await createStore(':memory:');
  const logged: string[] = [];
  const { app, jobs } = createApp({ store: wrap(store), logError: (line) => logged.push(line) });
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' };
    }
    const res = await app.request(path, init);
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, type: res.headers.get('content-type') ?? '' };
  };
  const close = async () => {
    await jobs.shutdown();
    await store.close();
  };
  return { app, store, logged, call, close };
}

/** A store whose methods named in `faults` throw the given error (a bug or an outage below the API). */
const faulty = (faults: Record<string, () => Error>) => (store: Store): Store =>
  new Proxy(store, {
    get(target, key) {
      if (typeof key === 'string' && key in faults) {
        return async () => {
          throw faults[key]();
        };
      }
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });

interface RouteDef {
  method: string;
  path: string;
  responses: Record<string, { content?: Record<string, { schema: z.ZodType }> }>;
}
const routeDefs = (app: OpenAPIHono): RouteDef[] =>
  app.openAPIRegistry.definitions.filter((d: any) => d.type === 'route').map((d: any) => d.route as RouteDef);

/** The declared route a request reaches: the first whose template matches (the router's order). */
function routeOf(defs: RouteDef[], method: string, url: string): RouteDef {
  const path = url.split('?')[0];
  const def = defs.find((d) => d.method === method.toLowerCase() && new RegExp(`^${d.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
  if (!def) throw new Error(`no declared route for ${method} ${path}`);
  return def;
}

async function pollJob(call: Awaited<ReturnType<typeof fresh>>['call'], jobId: string) {
  for (let i = 0; i < 400; i++) {
    const job = (await call('GET', `/api/jobs/${jobId}`)).json;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

describe('route modules', () => {
  it('answers every declared route with the shape its response schema declares', async () => {
    const { app, call, close } = await fresh();
    try {
      const defs = routeDefs(app);
      const reached = new Set<RouteDef>();
      /** Call, expect success, and validate a JSON answer against the schema the route declares for its status. */
      const check = async (method: string, path: string, body?: unknown) => {
        const r = await call(method, path, body);
        expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
        const def = routeOf(defs, method, path);
        reached.add(def);
        const declared = def.responses[String(r.status)];
        expect(declared, `${method} ${path} answered ${r.status}, which it does not declare`).toBeDefined();
        const schema = declared.content?.['application/json']?.schema;
        if (schema) {
          const parsed = schema.safeParse(r.json);
          expect(parsed.success, `${method} ${path}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`).toBe(true);
        } else if (declared.content?.['text/plain']) {
          expect(typeof r.text).toBe('string');
        } else {
          expect(r.status).toBe(204);
        }
        return r.json;
      };
      await check('POST', '/api/cases', talks());
      await check('POST', '/api/cases/import?format=yaml&id=other', `id: x\ntitle: X\nactors:\n  - { id: a, name: A, kind: state, capability: 1 }\nissues:\n  - { id: i, title: I, statusQuo: 3 }\n`);
      await check('GET', '/api/cases');
      await check('GET', '/api/cases/talks');
      await check('GET', '/api/cases/talks?asOf=2025-02-01');
      await check('PUT', '/api/cases/talks', { ...talks(), title: 'Border talks, v2' });
      await check('GET', '/api/cases/talks/revisions');
      await check('GET', '/api/cases/talks/export?format=decide');
      await check('GET', '/api/cases/talks/overview');
      await check('GET', '/api/cases/talks/zopa');
      await check('GET', '/api/cases/talks/drafts/check?models=compromise,median');
      await check('GET', '/api/cases/talks/drafts/diff?a=d1&b=d2');
      await check('POST', '/api/cases/talks/sensitivity', { models: ['compromise'] });
      await check('POST', '/api/cases/talks/research', { models: ['compromise'] });
      await check('GET', '/api/cases/talks/packages');
      await check('GET', '/api/cases/talks/power');
      await check('GET', '/api/cases/talks/levers?target=zone&runs=20');
      const levers = await check('GET', `/api/cases/talks/levers?target=${encodeURIComponent('value:border=60')}&model=compromise,median&runs=10`);
      expect(levers.levers.length).toBeGreaterThan(0);
      await check('GET', '/api/cases/talks/scenarios/compare?models=compromise');
      await check('GET', '/api/cases/talks/timeline?models=compromise');
      await check('POST', '/api/cases/talks/outlook', { by: '2026-01-01', runs: 50, models: ['compromise', 'status-quo'] });
      // Every engine's forecast JSON against the one ForecastResult schema.
      const forecast = await check('POST', '/api/cases/talks/forecast', { seed: 2 });
      expect(forecast.results.length).toBeGreaterThanOrEqual(6);
      await check('GET', '/api/runs?case=talks');
      await check('GET', `/api/runs/${forecast.runId}`);
      await check('POST', `/api/runs/${forecast.runId}/replay`);
      const { jobId } = await check('POST', '/api/cases/talks/simulate', { runs: 40, models: ['compromise', 'median'] });
      const job = await pollJob(call, jobId);
      expect(job.status).toBe('done');
      await check('GET', `/api/jobs/${jobId}`);
      await check('DELETE', `/api/jobs/${jobId}`);
      expect((await check('GET', '/api/jobs?case=talks&status=done')).items.map((j: { id: string }) => j.id)).toContain(jobId);
      const { SimulationJobResult } = await import('../../src/server/schemas.ts');
      expect(SimulationJobResult.safeParse(job.result).success).toBe(true);
      await check('GET', `/api/runs/${job.result.runId}`);
      await check('POST', `/api/runs/${job.result.runId}/replay`);
      // An analysis job's and a deal job's results are runs too: the Run and Replay schemas take their results.
      for (const body of [{ kind: 'sensitivity', options: { models: ['compromise'] } }, { kind: 'levers', options: { target: 'zone', runs: 10 } }]) {
        const started = await check('POST', '/api/cases/talks/jobs', body);
        const done = await pollJob(call, started.jobId);
        expect(done.status, body.kind).toBe('done');
        expect((await check('GET', `/api/runs/${done.result.runId}`)).kind).toBe(body.kind);
        expect((await check('POST', `/api/runs/${done.result.runId}/replay`)).identical, body.kind).toBe(true);
      }
      const ingest = await check('POST', '/api/ingest', { text: ARTICLE, caseId: 'talks' });
      expect(ingest.stored).toHaveLength(1);
      await check('GET', '/api/evidence?status=candidate');
      await check('POST', `/api/cases/talks/evidence/${ingest.stored[0]}/accept`);
      await check('POST', `/api/cases/talks/evidence/${ingest.stored[0]}/reject`);
      // A case without feeds: an empty list, and a poll that adds nothing (test/server/feeds.test.ts polls real ones).
      expect((await check('GET', '/api/cases/talks/feeds')).feeds).toEqual([]);
      expect(await check('POST', '/api/cases/talks/feeds/poll')).toMatchObject({ changed: false, added: [], feeds: [] });
      const put = await check('PUT', '/api/cases/talks/feeds', { feeds: [{ url: 'https://feeds.example/rss', every: '2h' }] });
      expect(put.feeds).toEqual([expect.objectContaining({ url: 'https://feeds.example/rss', label: 'feeds.example', every: '2h', everyMs: 7_200_000, lastPolledAt: null })]);
      await check('PUT', '/api/cases/talks/feeds', { feeds: [] });
      const items: Record<string, { id: string } & Record<string, unknown>> = {
        actors: { id: 'mediator', name: 'Mediator', kind: 'organisation', capability: 15 },
        issues: { id: 'fish', title: 'Fishing', statusQuo: 5 },
        evidence: { id: 'q9', kind: 'report', text: 'Talks resume.', date: '2025-03-04', status: 'candidate' },
        drafts: { id: 'd3', title: 'Third draft', date: '2025-03-09', points: [{ number: 1, text: 'Border at 55', values: { border: 55 } }] },
        scenarios: { id: 'north-soft', title: 'North softens', changes: [{ actor: 'north', issue: 'border', field: 'position', value: 45 }] },
        events: { id: 'e2', date: '2025-03-05', kind: 'meeting', title: 'Vienna round' },
      };
      for (const [key, item] of Object.entries(items)) {
        await check('GET', `/api/cases/talks/${key}`);
        await check('POST', `/api/cases/talks/${key}`, item);
        await check('GET', `/api/cases/talks/${key}/${item.id}`);
        await check('PUT', `/api/cases/talks/${key}/${item.id}`, item);
        await check('DELETE', `/api/cases/talks/${key}/${item.id}`);
      }
      await check('GET', '/api/cases/talks/stances?actor=south');
      await check('PUT', '/api/cases/talks/stances', { actor: 'south', issue: 'troops', date: '2025-03-02', position: 8, salience: 55 });
      await check('DELETE', '/api/cases/talks/stances?actor=south&issue=troops&date=2025-03-02');
      await check('DELETE', '/api/cases/other');
      await check('POST', '/api/cases/talks/restore', { revision: 1 });
      await check('GET', '/api/health');
      await check('GET', '/api/ready');
      // Every route of the modules this test covers was reached and checked (the others have their own tests).
      const key = (d: RouteDef) => `${d.method} ${d.path}`;
      const reachedKeys = new Set([...reached].map(key));
      const ctx = { store: await createStore(':memory:'), jobs: new JobManager(), allowPrivateFetch: false };
      const covered = COVERED_MODULES.flatMap((m) => routeDefs(m(ctx)));
      expect(covered.length).toBeGreaterThan(40);
      expect(covered.filter((d) => !reachedKeys.has(key(d))).map(key)).toEqual([]);
      await ctx.store.close();
    } finally {
      await close();
    }
  });

  it('lists, in the OpenAPI document, a described success response with a schema, and the error responses, for every route', async () => {
    const { call, close } = await fresh();
    try {
      const doc = (await call('GET', '/openapi.json')).json;
      const resolve = (schema: any) => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema);
      let operations = 0;
      for (const [path, ops] of Object.entries<any>(doc.paths)) {
        for (const [method, op] of Object.entries<any>(ops)) {
          operations++;
          const where = `${method} ${path}`;
          const ok = Object.keys(op.responses).filter((s) => s.startsWith('2'));
          expect(ok, where).toHaveLength(1);
          for (const status of ['400', '404', '500']) expect(op.responses[status]?.content?.['application/json']?.schema, `${where} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
          const success = op.responses[ok[0]];
          expect(success.description, where).toBeTruthy();
          if (ok[0] === '204') continue;
          const [type, content] = Object.entries<any>(success.content)[0];
          const schema = resolve(content.schema);
          if (type === 'text/plain') expect(schema, where).toEqual({ type: 'string' });
          else {
            // A described object (or array of them), not `{}` (anything).
            expect(type, where).toBe('application/json');
            expect(schema.type === 'object' ? Object.keys(schema.properties ?? {}).length : schema.type === 'array' ? 1 : 0, where).toBeGreaterThan(0);
          }
        }
      }
      expect(operations).toBe(routeDefs(createApp({ store: await createStore(':memory:') }).app).length);
      // Analysis outputs are named and described field by field.
      expect(doc.components.schemas.ZoneOfAgreement.required).toEqual(expect.arrayContaining(['issues', 'packagesExist', 'box']));
      expect(doc.paths['/api/cases/{id}/forecast'].post.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ForecastResponse' });
      expect(ROUTE_MODULES.length).toBeGreaterThanOrEqual(8);
    } finally {
      await close();
    }
  });

  it('answers an internal error with 500 and a generic body, and logs it with its stack', async () => {
    const { call, logged, close } = await fresh(
      faulty({
        listCases: () => new TypeError('cannot read properties of undefined (a bug)'),
        // A RangeError from below is a bug too, not the user's fault (it used to be a 400).
        getRun: () => new RangeError('offset out of range (a bug)'),
      }),
    );
    try {
      const r = await call('GET', '/api/cases');
      expect(r.status).toBe(500);
      expect(r.json).toEqual({ error: { message: INTERNAL_ERROR_MESSAGE, path: null } });
      expect(r.text).not.toMatch(/a bug/);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^parley serve: GET \/api\/cases: TypeError: cannot read properties of undefined \(a bug\)\n\s+at /);
      const ranged = await call('GET', '/api/runs/some-run');
      expect(ranged.status).toBe(500);
      expect(logged[1]).toMatch(/RangeError: offset out of range \(a bug\)\n\s+at /);
      // The project's own errors stay the user's, and are not logged.
      expect((await call('GET', '/api/cases/nope')).status).toBe(404);
      expect((await call('POST', '/api/cases/nope/forecast', { models: ['astrology'] })).status).toBe(404);
      expect(logged).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('logs a background job that fails with a bug, and records it as failed', async () => {
    const { call, logged, close } = await fresh(faulty({ recordRun: () => new TypeError('the database went away') }));
    try {
      await call('POST', '/api/cases', talks());
      const started = await call('POST', '/api/cases/talks/simulate', { runs: 20, models: ['compromise'] });
      const job = await pollJob(call, started.json.jobId);
      expect(job).toMatchObject({ status: 'failed', error: 'the database went away' });
      expect(logged.join('\n')).toMatch(/job simulate \S+ failed: TypeError: the database went away\n\s+at /);
    } finally {
      await close();
    }
  });

  it('refuses model parameters an engine refuses with 400 before anything runs', async () => {
    const { call, logged, store, close } = await fresh();
    try {
      await call('POST', '/api/cases', talks());
      const bad = await call('POST', '/api/cases/talks/forecast', { models: ['bdm'], params: { variant: 'sideways' } });
      expect(bad.status).toBe(400);
      expect(bad.json.error).toMatchObject({ path: expect.stringMatching(/^params\b/), message: expect.stringMatching(/^bdm: .*variant/) });
      const sim = await call('POST', '/api/cases/talks/simulate', { runs: 10, models: ['nash'], params: { coalitionShare: 3 } });
      expect(sim.status).toBe(400);
      expect(sim.json.error.message).toMatch(/^nash: .*coalitionShare/);
      const sens = await call('POST', '/api/cases/talks/sensitivity', { models: ['exchange'], params: { tieBreak: 'coin' } });
      expect(sens.status).toBe(400);
      expect((await store.listRuns()).total).toBe(0);
      expect(logged).toEqual([]);
      // Parameters the engine accepts reach it (and are recorded with the run).
      const good = await call('POST', '/api/cases/talks/forecast', { models: ['bdm'], params: { variant: 'reference' } });
      expect(good.status).toBe(200);
      expect(good.json.results[0].params).toMatchObject({ variant: 'reference' });
      expect((await store.getRun(good.json.runId)).params).toMatchObject({ variant: 'reference' });
    } finally {
      await close();
    }
  });

  it('exports through every format of the formats registry, and names them all when one is unknown', async () => {
    const { call, close } = await fresh();
    try {
      await call('POST', '/api/cases', talks());
      const stored = Case.parse(talks());
      const names = exportFormats().map((f) => f.name);
      expect(names).toEqual(['yaml', 'json', ...exporters.map((e) => e.name)]);
      for (const exporter of exporters) {
        const r = await call('GET', `/api/cases/talks/export?format=${exporter.name}`);
        expect(r.status, exporter.name).toBe(200);
        expect(r.text, exporter.name).toBe(exporter.write(stored));
        expect(r.type, exporter.name).toMatch(/; charset=utf-8$/);
      }
      const unknown = await call('GET', '/api/cases/talks/export?format=pdf');
      expect(unknown.json.error).toMatchObject({ path: 'format', message: `unknown export format "pdf" (known: ${names.join(', ')})` });
    } finally {
      await close();
    }
  });
});
