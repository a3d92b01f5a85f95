/** GET /api/cases/{id}/power: who blocks each draft and package, as `parley power --format json`; an unknown draft is a 400 on `draft`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { loadCaseFile } from '../../src/case/load.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import type { JobManager } from '../../src/server/jobs.ts';
import { runCli } from '../cli/run.ts';

describe('GET /api/cases/{id}/power: who blocks', () => {
  let store: Store;
  let jobs: JobManager;
  let get: (path: string) => Promise<Response>;

  beforeAll(async () => {
    store = await createStore(':memory:');
    const made = createApp({ store, logError: (line) => expect.fail(`logged an internal error: ${line}`) });
    jobs = made.jobs;
    get = (path) => made.app.request(path) as Promise<Response>;
    await store.createCase(await loadCaseFile('examples/tutorial.yaml'));
  });
  afterAll(async () => {
    await jobs?.shutdown();
    await store?.close();
  });

  it('answers the drafts and packages as the CLI does, with --draft as ?draft=', async () => {
    const id = (await loadCaseFile('examples/tutorial.yaml')).id;
    const res = await get(`/api/cases/${id}/power?draft=mayor-draft`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const cli = JSON.parse((await runCli('power', 'examples/tutorial.yaml', '--draft', 'mayor-draft', '--format', 'json')).stdout);
    expect(body).toEqual(cli);
    expect(body.drafts).toEqual([
      {
        draft: 'mayor-draft',
        title: "The mayor's draft budget",
        opponents: ['ratepayers'],
        objections: [{ actor: 'ratepayers', crosses: ['property-tax'], worseThanStatusQuo: true }],
        blocked: true,
        blockedOn: ['property-tax'],
        coalitions: [['ratepayers']],
      },
    ]);
    expect(body.packages.map((p: { package: string; blocked: boolean }) => [p.package, p.blocked])).toEqual([
      ['maxmin', false],
      ['nash', false],
      ['ks', false],
      ['nearest-mayor-draft', false],
    ]);
  });

  it('refuses an unknown draft with 400 naming the field', async () => {
    const id = (await loadCaseFile('examples/tutorial.yaml')).id;
    const bad = await get(`/api/cases/${id}/power?draft=nope`);
    expect(bad.status).toBe(400);
    const e = (await bad.json()).error;
    expect(e.path).toBe('draft');
    expect(e.message).toMatch(/unknown draft "nope"/);
  });
});
