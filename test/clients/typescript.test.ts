/**
 * The typed TypeScript client (clients/typescript): its generated types match the server's current
 * OpenAPI document, and it talks to the API (in process: openapi-fetch over app.request).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParleyClient, type ParleyClient } from '../../clients/typescript/index.ts';
import { clientTypes, SCHEMA_FILE } from '../../scripts/client-types.ts';
import { createApp } from '../../src/server/app.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';
import type { JobManager } from '../../src/server/jobs.ts';

describe('the TypeScript client', () => {
  let store: Store;
  let jobs: JobManager;
  let client: ParleyClient;
  beforeAll(async () => {
    store = await createStore(':memory:');
    const made = createApp({ store });
    jobs = made.jobs;
    client = createParleyClient('http://localhost', { fetch: (req: Request) => made.app.request(req) as Promise<Response> });
  });
  afterAll(async () => {
    await jobs?.shutdown();
    await store?.close();
  });

  it('has types generated from the current OpenAPI document (run npm run client:types after changing a route)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8') === (await clientTypes()), `${SCHEMA_FILE} is stale: run npm run client:types`).toBe(true);
  });

  it('creates, reads and forecasts a case, typed end to end', async () => {
    const created = await client.POST('/api/cases', { body: sampleCase('talks') as never });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ id: 'talks', revision: 1 });
    const got = await client.GET('/api/cases/{id}', { params: { path: { id: 'talks' } } });
    expect(got.data?.actors.map((a) => a.id)).toEqual(['north', 'south']);
    const f = await client.POST('/api/cases/{id}/forecast', { params: { path: { id: 'talks' } }, body: { models: ['compromise'] } });
    expect(f.data?.results[0].model).toBe('compromise');
    expect(typeof f.data?.runId).toBe('string');
  });

  it('returns the API error, typed, on a bad request', async () => {
    const r = await client.POST('/api/cases/{id}/outlook', { params: { path: { id: 'talks' } }, body: { by: 'garbage' } as never });
    expect(r.response.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(JSON.stringify(r.error)).toContain('by');
  });
});
