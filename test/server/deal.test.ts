/** GET /api/cases/{id}/packages and /power: the JSON of `parley packages` and `parley power`, bad queries as 400s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { loadCaseFile } from '../../src/case/load.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import type { JobManager } from '../../src/server/jobs.ts';
import { runCli } from '../cli/run.ts';

describe('deal routes', () => {
  let store: Store;
  let jobs: JobManager;
  let get: (path: string) => Promise<Response>;
  let made: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await createStore(':memory:');
    made = createApp({ store, logError: (line) => expect.fail(`logged an internal error: ${line}`) });
    jobs = made.jobs;
    get = (path) => made.app.request(path) as Promise<Response>;
    await store.createCase(await loadCaseFile('examples/tutorial.yaml'));
    await store.createCase(await loadCaseFile('examples/ukraine-2025.yaml'));
  });
  afterAll(async () => {
    await jobs?.shutdown();
    await store?.close();
  });

  it('answers the packages of the tutorial case as the CLI does, with each package as a draft', async () => {
    const tutorial = await loadCaseFile('examples/tutorial.yaml');
    const res = await get(`/api/cases/${tutorial.id}/packages`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    const body = await res.json();
    const cli = JSON.parse((await runCli('packages', 'examples/tutorial.yaml', '--format', 'json')).stdout);
    expect(body).toEqual(cli);
    expect(body.feasible).toBe(true);
    expect(body.drafts.map((d: { id: string }) => d.id)).toContain('package-maxmin');
  });

  it('says no package exists on the Ukraine case', async () => {
    const ukraine = await loadCaseFile('examples/ukraine-2025.yaml');
    const body = await (await get(`/api/cases/${ukraine.id}/packages`)).json();
    expect(body.feasible).toBe(false);
    expect(body.emptyIssues).toEqual(expect.arrayContaining(['donbas', 'crimea']));
  });

  it('answers power as the CLI does, and refuses an unknown issue or draft with 400 naming the field', async () => {
    const ukraine = await loadCaseFile('examples/ukraine-2025.yaml');
    const body = await (await get(`/api/cases/${ukraine.id}/power`)).json();
    const cli = JSON.parse((await runCli('power', 'examples/ukraine-2025.yaml', '--format', 'json')).stdout);
    expect(body).toEqual(cli);
    const bad = await get(`/api/cases/${ukraine.id}/power?issue=nope`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.path).toBe('issue');
    const tutorial = await loadCaseFile('examples/tutorial.yaml');
    const badDraft = await get(`/api/cases/${tutorial.id}/packages?draft=nope`);
    expect(badDraft.status).toBe(400);
    expect((await badDraft.json()).error.path).toBe('draft');
    expect((await get(`/api/cases/${tutorial.id}/packages?points=1`)).status).toBe(400);
  });

  it('POST /research answers the ranking of `parley research --format json`', async () => {
    const tutorial = await loadCaseFile('examples/tutorial.yaml');
    const res = (await (made.app.request(`/api/cases/${tutorial.id}/research`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }) as Promise<Response>));
    expect(res.status).toBe(200);
    const body = await res.json();
    const cli = JSON.parse((await runCli('research', 'examples/tutorial.yaml', '--format', 'json')).stdout);
    expect(body).toEqual(cli);
    expect(body.items.length).toBeGreaterThan(0);
    const scores = body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('GET /levers answers as `parley levers --format json`; bad targets are 400s naming target', async () => {
    const ukraine = await loadCaseFile('examples/ukraine-2025.yaml');
    const res = await get(`/api/cases/${ukraine.id}/levers?target=zone&runs=40&seed=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    const body = await res.json();
    const cli = JSON.parse((await runCli('levers', 'examples/ukraine-2025.yaml', '--target', 'zone', '--runs', '40', '--seed', '2', '--format', 'json')).stdout);
    expect(body).toEqual(cli);
    expect(body.parts).toEqual(['donbas', 'crimea']);
    const tutorial = await loadCaseFile('examples/tutorial.yaml');
    const value = await (await get(`/api/cases/${tutorial.id}/levers?target=${encodeURIComponent('value:property-tax=3:0')}&model=compromise,median&runs=0`)).json();
    expect(new Set(value.levers.map((l: { model: string }) => l.model))).toEqual(new Set(['compromise', 'median']));
    for (const target of ['zone:nope', 'draft:nope', 'value:property-tax=99', 'nonsense', 'probability:0.5&runs=0']) {
      const bad = await get(`/api/cases/${tutorial.id}/levers?target=${target}`);
      expect(bad.status, target).toBe(400);
      expect((await bad.json()).error.path, target).toBe('target');
    }
    const badModel = await get(`/api/cases/${tutorial.id}/levers?target=${encodeURIComponent('value:property-tax=3')}&model=nope`);
    expect(badModel.status).toBe(400);
    expect((await badModel.json()).error.path).toBe('model');
    expect((await get(`/api/cases/${tutorial.id}/levers`)).status).toBe(400);
  });
});
