/**
 * Limits whatever the route (issue 17): the forecast, sensitivity and simulate bodies' `params`
 * are checked by the engines' tables and by the API's own bounds (MAX_API_ROUNDS, MAX_API_THREADS),
 * in every form (per model, flat, an alias); a simulation's runs × rounds and a stored run's size
 * are bounded; nothing is stored when a request is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { MAX_API_ROUNDS, MAX_API_THREADS, MAX_SIMULATION_WORK } from '../../src/server/routes/model-params.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { MAX_RUN_BYTES } from '../../src/server/runs.ts';
import { sampleCase } from '../store/backends.ts';

let store: Store;
let call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any; bytes: number }>;
let shutdown: () => Promise<void>;

beforeAll(async () => {
  store = await createStore(':memory:');
  const { app, jobs } = createApp({ store, logError: (line) => { throw new Error(`the server logged: ${line}`); } });
  call = async (method, path, body) => {
    const res = await app.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, bytes: text.length };
  };
  shutdown = () => jobs.shutdown();
  await store.createCase(sampleCase('talks'), { author: 't' });
});
afterAll(async () => {
  await shutdown();
  await store.close();
});

const ROUTES = ['forecast', 'sensitivity', 'simulate'] as const;
const runsStored = async () => (await store.listRuns({ caseId: 'talks' })).total;

describe('model parameters through every route', () => {
  // [body, the field the 400 names, words of the message]
  const REFUSED: Array<[string, Record<string, unknown>, string, string]> = [
    ['flat rounds over the API bound', { models: ['bdm'], params: { rounds: 20_000 } }, 'params.rounds', `at most ${MAX_API_ROUNDS}`],
    ["a model's own rounds over it", { models: ['exchange'], params: { exchange: { rounds: 1001 } } }, 'params.exchange.rounds', `at most ${MAX_API_ROUNDS}`],
    ["smp's turns by their flat alias, rounds", { models: ['smp'], params: { rounds: 5000 } }, 'params.rounds', 'smp: maxTurns must be at most'],
    ["smp's turns by name", { models: ['smp'], params: { smp: { maxTurns: 5000 } } }, 'params.smp.maxTurns', 'maxTurns must be at most'],
    ["smp's threads", { models: ['smp'], params: { smp: { threads: 64 } } }, 'params.smp.threads', `threads must be at most ${MAX_API_THREADS}`],
    ['a seed that is no number', { models: ['smp'], params: { seed: 'abc' } }, 'params.smp.seed', 'seed must be an integer'],
    ['a seed in the model object', { models: ['exchange'], params: { exchange: { seed: 'abc' } } }, 'params.exchange.seed', 'seed must be an integer'],
    ['asOf among the params', { params: { asOf: 'garbage' } }, 'params', 'unknown model or parameter "asOf"'],
    ['asOf in a model object', { models: ['bdm'], params: { bdm: { asOf: 'garbage' } } }, 'params.bdm', 'unknown parameter "asOf"'],
    ['an unknown key', { models: ['bdm'], params: { bogus: 1 } }, 'params', 'unknown model or parameter "bogus"'],
    ['top-level rounds over the bound', { models: ['bdm'], rounds: 20_000 }, 'rounds', ''],
  ];

  it.each(ROUTES.flatMap((route) => REFUSED.map(([what, body, field, words]) => [route, what, body, field, words] as const)))(
    '%s: %s is a 400 naming the field, and stores nothing',
    async (route, _what, body, field, words) => {
      const before = await runsStored();
      const r = await call('POST', `/api/cases/talks/${route}`, route === 'simulate' ? { runs: 10, ...body } : body);
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      expect(r.json.error.path).toBe(field);
      expect(r.json.error.message).toContain(words);
      expect(await runsStored()).toBe(before);
    },
  );

  it.each(ROUTES)('%s: the bound itself is allowed', async (route) => {
    const r = await call('POST', `/api/cases/talks/${route}`, { models: ['bdm'], params: { bdm: { rounds: MAX_API_ROUNDS } }, ...(route === 'simulate' ? { runs: 2 } : {}) });
    expect(r.status, JSON.stringify(r.json)).toBe(route === 'simulate' ? 202 : 200);
  });
});

describe('bounded work and responses', () => {
  it("refuses a simulation whose runs × rounds exceed the budget, naming runs", async () => {
    // 20,001 runs of 1000 rounds: 20,001,000 run-rounds, over 20,000,000.
    const r = await call('POST', '/api/cases/talks/simulate', { runs: MAX_SIMULATION_WORK / MAX_API_ROUNDS + 1, models: ['bdm'], rounds: MAX_API_ROUNDS });
    expect(r.status).toBe(400);
    expect(r.json.error.path).toBe('runs');
    expect(r.json.error.message).toContain('at most 20000 runs of 1000 rounds');
    // smp's default 100 turns: the largest simulation (200,000 runs) is still allowed.
    const ok = await call('POST', '/api/cases/talks/simulate', { runs: 200_000, models: ['smp'] });
    expect(ok.status).toBe(202);
    expect((await call('DELETE', `/api/jobs/${ok.json.jobId}`)).status).toBeLessThan(300);
  });

  it('refuses (413) a forecast whose run would exceed MAX_RUN_BYTES, storing nothing; fewer rounds of the same case are served', async () => {
    // 26 actors on 3 issues: bdm and exchange at 1000 rounds record about 39 MB of rounds and moves.
    const actors = Array.from({ length: 26 }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: 'state', capability: 10 + ((i * 7) % 90) }));
    const issues = ['x', 'y', 'z'].map((id) => ({ id, title: `Issue ${id}`, statusQuo: 50 }));
    const stances = actors.flatMap((a, i) => issues.map((s, k) => ({ actor: a.id, issue: s.id, position: (i * 37 + k * 11) % 101, salience: 20 + ((i * 13 + k * 7) % 80) })));
    await store.createCase({ id: 'big', title: 'Big', actors, issues, stances, evidence: [], drafts: [], scenarios: [], events: [] }, { author: 't' });
    const before = (await store.listRuns({ caseId: 'big' })).total;
    const r = await call('POST', '/api/cases/big/forecast', { models: ['bdm', 'exchange'], rounds: MAX_API_ROUNDS });
    expect(r.status).toBe(413);
    expect(r.json.error.path).toBe('rounds');
    expect(r.json.error.message).toMatch(/^the forecast would be \d+\.\d MB, more than the 32 MB a run may be/);
    expect(Number(/would be (\d+\.\d) MB/.exec(r.json.error.message)![1]) * 2 ** 20).toBeGreaterThan(MAX_RUN_BYTES);
    expect((await store.listRuns({ caseId: 'big' })).total).toBe(before);
    const fewer = await call('POST', '/api/cases/big/forecast', { models: ['bdm', 'exchange'], rounds: 100 });
    expect(fewer.status).toBe(200);
    expect(fewer.bytes).toBeLessThan(MAX_RUN_BYTES);
  });

  it('a forecast at the round bound stays small on a small case (rounds are bounded, so is the run)', async () => {
    const r = await call('POST', '/api/cases/talks/forecast', { models: ['bdm'], rounds: MAX_API_ROUNDS });
    expect(r.status).toBe(200);
    expect(r.json.results[0].rounds).toHaveLength(MAX_API_ROUNDS + 1);
    expect(r.bytes).toBeLessThan(8 * 1024 * 1024);
  });
});
