/**
 * GET /api/jobs: the stored jobs newest first, without results, filtered by status, kind and case;
 * each job names its case (GET /api/jobs/{id} too). Bad filters are 400s naming the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { importFile } from '../../src/formats/index.ts';
import { createStore } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { projectRoot } from '../helpers/reference.ts';

const TUTORIAL = 'millbrook-budget-2026';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function server() {
  const store = await createStore(':memory:');
  const cs = await importFile(`${projectRoot}/examples/tutorial.yaml`);
  await store.createCase(cs);
  const other = structuredClone(cs);
  other.id = 'millbrook-copy';
  await store.createCase(other);
  // No job runs here: the listing reads what is stored, whoever runs it.
  const { app, jobs } = createApp({ store, logError: () => {}, runJobs: false });
  cleanups.push(async () => {
    await jobs.shutdown();
    await store.close();
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    return { status: res.status, json: await res.json() };
  };
  return { store, call };
}

describe('GET /api/jobs', () => {
  it('lists the stored jobs newest first, by status, kind and case, without results', async () => {
    const { store, call } = await server();
    const submitted: string[] = [];
    for (const [path, body] of [
      [`/api/cases/${TUTORIAL}/simulate`, { runs: 200, seed: 1 }],
      [`/api/cases/${TUTORIAL}/jobs`, { kind: 'sensitivity', options: { seed: 2 } }],
      ['/api/cases/millbrook-copy/jobs', { kind: 'packages' }],
      [`/api/cases/${TUTORIAL}/jobs`, { kind: 'research' }],
    ] as const) {
      const r = await call('POST', path, body);
      expect(r.status).toBe(202);
      submitted.push(r.json.jobId);
      await new Promise((res) => setTimeout(res, 5)); // distinct creation times
    }
    // One of them finished (as a worker would), with a result that the listing leaves out.
    const js = new JobStore(store.db);
    await js.markRunning(submitted[1]!, new Date().toISOString());
    await js.finish(submitted[1]!, 'done', new Date().toISOString(), { result: { big: 'x'.repeat(1000) } });

    const all = await call('GET', '/api/jobs');
    expect(all.status).toBe(200);
    expect(all.json.items.map((j: { id: string }) => j.id)).toEqual([...submitted].reverse());
    expect(all.json.items.map((j: { kind: string }) => j.kind)).toEqual(['research', 'packages', 'sensitivity', 'simulate']);
    expect(all.json.items.map((j: { caseId?: string }) => j.caseId)).toEqual([TUTORIAL, 'millbrook-copy', TUTORIAL, TUTORIAL]);
    expect(all.json.items.every((j: object) => !('result' in j))).toBe(true);
    expect(all.json.items[2]).toMatchObject({ status: 'done', progress: 1 });

    const ofCase = await call('GET', `/api/jobs?case=${TUTORIAL}`);
    expect(ofCase.json.items.map((j: { id: string }) => j.id)).toEqual([submitted[3], submitted[1], submitted[0]]);
    const queued = await call('GET', `/api/jobs?status=queued,running&case=${TUTORIAL}`);
    expect(queued.json.items.map((j: { id: string }) => j.id)).toEqual([submitted[3], submitted[0]]);
    expect((await call('GET', '/api/jobs?kind=packages')).json.items.map((j: { id: string }) => j.id)).toEqual([submitted[2]]);
    expect((await call('GET', '/api/jobs?limit=2')).json.items.map((j: { id: string }) => j.id)).toEqual([submitted[3], submitted[2]]);
    // A case id that is a prefix of another's, or holds LIKE's wildcards, matches only itself.
    expect((await call('GET', '/api/jobs?case=millbrook')).json.items).toEqual([]);
    expect((await call('GET', '/api/jobs?case=millbrook_copy')).json.items).toEqual([]);
    expect((await call('GET', '/api/jobs?case=millbrook-%25')).json.items).toEqual([]);

    // The job itself names its case, and keeps its result.
    const one = await call('GET', `/api/jobs/${submitted[1]}`);
    expect(one.json).toMatchObject({ id: submitted[1], kind: 'sensitivity', caseId: TUTORIAL, status: 'done', result: { big: 'x'.repeat(1000) } });
  });

  it('refuses bad filters with the field named', async () => {
    const { call } = await server();
    const bad = await call('GET', '/api/jobs?status=queued,finished');
    expect(bad.status).toBe(400);
    expect(bad.json.error.path).toBe('status');
    expect(bad.json.error.message).toContain('"finished"');
    const limit = await call('GET', '/api/jobs?limit=201');
    expect(limit.status).toBe(400);
    expect(limit.json.error.path).toBe('limit');
  });
});
