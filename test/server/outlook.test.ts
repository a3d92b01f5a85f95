/**
 * POST /api/cases/{id}/outlook: the same numbers as forecastOutlook for the same seed, bad requests
 * refused as 400s naming the field, and the route in the OpenAPI document with its response schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { Outlook as OutlookSchema } from '../../src/server/schemas.ts';
import { MAX_OUTLOOK_RUNS } from '../../src/server/routes/outlook.ts';
import { forecastOutlook } from '../../src/analysis/outlook.ts';
import { Case } from '../../src/case/schema.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';
import type { JobManager } from '../../src/server/jobs.ts';

describe('POST /api/cases/{id}/outlook', () => {
  let store: Store;
  let jobs: JobManager;
  let call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;
  const talks = Case.parse(sampleCase('talks'));

  beforeAll(async () => {
    store = await createStore(':memory:');
    const made = createApp({ store, logError: (line) => expect.fail(`logged an internal error: ${line}`) });
    jobs = made.jobs;
    call = async (method, path, body) => {
      const res = await made.app.request(path, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    };
    expect((await call('POST', '/api/cases', sampleCase('talks'))).status).toBe(201);
  });
  afterAll(async () => {
    await jobs?.shutdown();
    await store?.close();
  });

  it('answers with the numbers forecastOutlook gives for the same seed, in the declared shape', async () => {
    const opts = { by: '2026-03-01', runs: 300, seed: 7, models: ['compromise', 'median', 'status-quo'] };
    const r = await call('POST', '/api/cases/talks/outlook', opts);
    expect(r.status).toBe(200);
    const direct = JSON.parse(JSON.stringify(await forecastOutlook(talks, opts)));
    expect(r.json).toEqual(direct);
    expect(OutlookSchema.safeParse(r.json).success).toBe(true);
    // Not vacuous: a probability strictly inside (0, 1), three models, every issue per model.
    expect(r.json.agreement).toMatchObject({ by: '2026-03-01' });
    expect(r.json.agreement.probability).toBeGreaterThan(0);
    expect(r.json.agreement.probability).toBeLessThan(1);
    expect(r.json.models.map((m: { model: string }) => m.model)).toEqual(['compromise', 'median', 'status-quo']);
    for (const m of r.json.models) expect(m.issues.map((i: { issue: string }) => i.issue)).toEqual(['border', 'troops']);
    // The no-deal baseline sits on the status quo.
    const sq = r.json.models.find((m: { model: string }) => m.model === 'status-quo');
    for (const i of sq.issues) expect([i.expected, ...i.interval90]).toEqual([i.statusQuo, i.statusQuo, i.statusQuo]);
    // Another seed, other draws (the seed reaches the producer).
    const other = await call('POST', '/api/cases/talks/outlook', { ...opts, seed: 8 });
    expect(other.json.models[0].issues).not.toEqual(r.json.models[0].issues);
    expect(other.json.seed).toBe(8);
  });

  it('defaults the draws and seed as the CLI does, and reads the case as of a date', async () => {
    const r = await call('POST', '/api/cases/talks/outlook', { by: '2025-09-01', asOf: '2025-02-15', runs: 200, models: ['compromise'] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ asOf: '2025-02-15', seed: 1, runs: 200, model: 'compromise' });
    expect(r.json.agreementBasis.start).toBe('2025-02-15');
    const d = await call('POST', '/api/cases/talks/outlook', { by: '2025-09-01', models: ['status-quo'] });
    expect(d.json).toMatchObject({ runs: 2000, seed: 1 });
  });

  it('refuses bad requests with 400 and the field at fault', async () => {
    const bad = async (body: unknown, path: string | null, message: RegExp) => {
      const r = await call('POST', '/api/cases/talks/outlook', body);
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      expect(r.json.error.path).toBe(path);
      expect(r.json.error.message).toMatch(message);
    };
    await bad({}, 'by', /^body\.by: /);
    await bad({ by: '2026-02-30' }, 'by', /YYYY-MM-DD/);
    await bad({ by: '30/06/2026' }, 'by', /YYYY-MM-DD/);
    await bad({ by: '2026-06-30', asOf: 'yesterday' }, 'asOf', /YYYY-MM-DD/);
    await bad({ by: '2026-06-30', runs: MAX_OUTLOOK_RUNS + 1 }, 'runs', /^body\.runs: /);
    await bad({ by: '2026-06-30', runs: 0 }, 'runs', /^body\.runs: /);
    await bad({ by: '2026-06-30', runs: 2.5 }, 'runs', /^body\.runs: /);
    await bad({ by: '2026-06-30', seed: -1 }, 'seed', /^body\.seed: /);
    // An unknown field: named in the message (zod reports it on the object itself, so no path).
    await bad({ by: '2026-06-30', rounds: 3 }, null, /rounds/);
    await bad({ by: '2026-06-30', models: ['oracle'] }, 'models', /unknown model "oracle"/);
    await bad({ by: '2026-06-30', scenario: 'nope' }, 'scenario', /unknown scenario "nope"/);
    // Before the clock starts: the case's latest date (2025-03-01), or the as-of date.
    await bad({ by: '2025-02-01' }, 'by', /before the case’s latest date 2025-03-01/);
    await bad({ by: '2025-02-01', asOf: '2025-02-10' }, 'by', /before the as-of date 2025-02-10/);
    expect((await call('POST', '/api/cases/nope/outlook', { by: '2026-06-30' })).status).toBe(404);
  });

  it('is in the OpenAPI document with its request and response schemas', async () => {
    const doc = (await call('GET', '/openapi.json')).json;
    const op = doc.paths['/api/cases/{id}/outlook'].post;
    expect(op.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/OutlookRequest' });
    expect(op.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Outlook' });
    expect(op.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    const outlook = doc.components.schemas.Outlook;
    expect(Object.keys(outlook.properties)).toEqual(expect.arrayContaining(['agreement', 'issues', 'models', 'agreementBasis']));
    expect(doc.components.schemas.OutlookRequest.required).toEqual(['by']);
    expect(doc.components.schemas.OutlookRequest.properties.runs.maximum).toBe(MAX_OUTLOOK_RUNS);
  });
});
