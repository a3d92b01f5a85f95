/**
 * The long analyses as durable jobs (src/jobs/kinds.ts, POST /api/cases/{id}/jobs): each job's result
 * is, bit for bit, the synchronous route's answer; a bad option is refused before anything is stored;
 * a half-done job resumes from its stored chunks in the next process; on PostgreSQL two workers
 * computing one chunk each give the same result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { importFile } from '../../src/formats/index.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { durableJobManager, jobKinds } from '../../src/server/durable-simulate.ts';
import { PgBossQueue } from '../../src/jobs/pgboss.ts';
import { analysisKind } from '../../src/jobs/kinds.ts';
import { jsonSafe } from '../../src/server/routes/common.ts';
import { sensitivity } from '../../src/analysis/index.ts';
import { backtest } from '../../src/analysis/backtest.ts';
import { projectRoot } from '../helpers/reference.ts';
import { describeWithPostgres, freshDatabase } from '../jobs/pg.ts';

const TUTORIAL = 'millbrook-budget-2026';
/** A case's job result without the run id it was stored as (src/jobs/analysis-runs.ts): the synchronous route's JSON. */
const withoutRunId = (result: unknown): unknown => {
  const { runId, ...rest } = result as Record<string, unknown>;
  expect(typeof runId).toBe('string');
  return rest;
};
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function server(file = 'tutorial') {
  const store = await createStore(':memory:');
  const cs = await importFile(`${projectRoot}/examples/${file}.yaml`);
  await store.createCase(cs);
  const { app, jobs } = createApp({ store, logError: () => {} });
  cleanups.push(async () => {
    await jobs.shutdown();
    await store.close();
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  const finished = async (jobId: string) => {
    for (let i = 0; i < 1500; i++) {
      const job = (await call('GET', `/api/jobs/${jobId}`)).json;
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('job did not finish');
  };
  return { store, cs, call, finished };
}

describe('analysis jobs on SQLite (the server’s own durable queue)', () => {
  it('each kind’s job result is the synchronous route’s JSON, bit for bit', async () => {
    const { call, finished } = await server();
    const sync = {
      sensitivity: await call('POST', `/api/cases/${TUTORIAL}/sensitivity`, { seed: 3 }),
      research: await call('POST', `/api/cases/${TUTORIAL}/research`, { seed: 3 }),
      scenarios: await call('GET', `/api/cases/${TUTORIAL}/scenarios/compare?seed=3`),
      timeline: await call('GET', `/api/cases/${TUTORIAL}/timeline?seed=3`),
      packages: await call('GET', `/api/cases/${TUTORIAL}/packages?seed=3`),
      power: await call('GET', `/api/cases/${TUTORIAL}/power?seed=3`),
      levers: await call('GET', `/api/cases/${TUTORIAL}/levers?seed=3&target=zone&runs=20`),
    };
    const extra: Record<string, object> = { levers: { target: 'zone', runs: 20 } };
    for (const [kind, answer] of Object.entries(sync)) {
      expect(answer.status, kind).toBe(200);
      const started = await call('POST', `/api/cases/${TUTORIAL}/jobs`, { kind, options: { seed: 3, ...extra[kind] } });
      expect(started.status, kind).toBe(202);
      const job = await finished(started.json.jobId);
      expect([job.kind, job.status, job.progress], kind).toEqual([kind, 'done', 1]);
      expect(JSON.stringify(withoutRunId(job.result)), kind).toBe(JSON.stringify(answer.json));
    }
  });

  it('a job of several chunks (Ukraine sensitivity) stores them and gives sensitivity()’s result', async () => {
    const { store, cs, call, finished } = await server('ukraine-2025');
    const started = await call('POST', `/api/cases/${cs.id}/jobs`, { kind: 'sensitivity' });
    expect(started.status).toBe(202);
    const stored = await new JobStore(store.db).get(started.json.jobId);
    expect(stored!.chunks).toBeGreaterThan(1);
    const job = await finished(started.json.jobId);
    expect(job.status).toBe('done');
    expect(JSON.stringify(withoutRunId(job.result))).toBe(JSON.stringify(jsonSafe(sensitivity(cs, { modelParams: {} }))));
    // The chunks are dropped once the result is stored.
    expect((await new JobStore(store.db).chunks(started.json.jobId)).size).toBe(0);
  });

  it('refuses a bad kind or option with its path, storing nothing', async () => {
    const { store, call } = await server();
    const bad = [
      [{ kind: 'astrology' }, 'kind'],
      [{ kind: 'sensitivity', options: { seed: -1 } }, 'options.seed'],
      [{ kind: 'sensitivity', options: { models: ['no-such-model'] } }, 'options.models'],
      [{ kind: 'sensitivity', options: { scenarios: ['a'] } }, 'options.scenarios'],
      [{ kind: 'scenarios', options: { from: '2025-01-01' } }, 'options.from'],
      [{ kind: 'timeline', options: { colour: 'red' } }, 'options'],
      [{ kind: 'levers', options: { target: 'value:no-such-issue=5' } }, 'options.target'],
      [{ kind: 'levers' }, 'options'],
      [{ kind: 'packages', options: { points: 1 } }, 'options.points'],
    ] as const;
    for (const [body, path] of bad) {
      const res = await call('POST', `/api/cases/${TUTORIAL}/jobs`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(String(res.json.error.path ?? res.json.error.problems?.[0]?.path), JSON.stringify(body)).toContain(path);
    }
    expect((await call('POST', '/api/cases/no-such-case/jobs', { kind: 'sensitivity' })).status).toBe(404);
    expect(await new JobStore(store.db).unfinished()).toEqual([]);
    const rows = await store.db.selectFrom('jobs' as any).selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('a backtest job of stored cases with outcomes is backtest()’s result; cases without outcomes are refused', async () => {
    const { store, cs, call, finished } = await server();
    const withOutcomes = [1, 2, 3].map((k) => ({
      ...structuredClone(cs),
      id: `budget-${k}`,
      // An outcome inside each issue's scale: a different share of it per case and issue.
      issues: cs.issues.map((iss, i) => ({ ...iss, outcome: iss.scale.min + ((((k * 17 + i * 29) % 10) + 0.5) / 10) * (iss.scale.max - iss.scale.min) })),
    }));
    for (const c of withOutcomes) await store.createCase(c as typeof cs);
    const options = { folds: 3, seed: 5, bootstrap: 50, models: ['compromise', 'median', 'bdm'] };
    const started = await call('POST', '/api/backtests', { caseIds: withOutcomes.map((c) => c.id), options });
    expect(started.status).toBe(202);
    const job = await finished(started.json.jobId);
    expect(job.status).toBe('done');
    expect(JSON.stringify(job.result)).toBe(JSON.stringify(jsonSafe(backtest(withOutcomes as (typeof cs)[], options))));
    expect((job.result as { issues: unknown[] }).issues).toHaveLength(3 * cs.issues.length);
    const refused = await call('POST', '/api/backtests', { caseIds: ['budget-1', TUTORIAL] });
    expect([refused.status, refused.json.error.path]).toEqual([400, 'caseIds.1']);
    const missing = await call('POST', '/api/backtests', { caseIds: ['nope'] });
    expect([missing.status, missing.json.error.path]).toEqual([400, 'caseIds.0']);
    const folds = await call('POST', '/api/backtests', { caseIds: ['budget-1', 'budget-2'], options: { folds: 3 } });
    expect([folds.status, folds.json.error.path]).toEqual([400, 'options']);
  });

  it('a half-done job resumes in the next process from its stored chunks, with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ajobs-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'jobs.db');
    const cs = await importFile(`${projectRoot}/examples/ukraine-2025.yaml`);
    const options = { modelParams: {} };
    const expected = JSON.stringify(jsonSafe(sensitivity(cs, options)));
    // The first process stores the job and computes only its first chunk, then stops.
    let store: Store = await createStore(file);
    const { revision } = await store.createCase(cs);
    const first = durableJobManager(store, undefined, false);
    const params = { caseId: cs.id, revision, options };
    const kind = analysisKind(store, 'sensitivity');
    const prepared = await kind.prepare({ id: '', params });
    expect(prepared.chunks).toBeGreaterThan(1);
    const { id } = await first.submit('sensitivity', params, prepared.chunks);
    await new JobStore(store.db).saveChunk(id, 0, await kind.run(prepared, 0));
    await first.shutdown();
    await store.close();
    // The next process resumes it under the same id.
    store = await createStore(file);
    const next = durableJobManager(store);
    cleanups.push(async () => {
      await next.shutdown();
      await store.close();
    });
    expect(await next.resume()).toEqual([id]);
    for (let i = 0; i < 1500 && (await next.find(id))!.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    const done = (await next.find(id))!;
    expect(done.status).toBe('done');
    expect(JSON.stringify(withoutRunId(done.result))).toBe(expected);
  });
});

describeWithPostgres('analysis jobs on PostgreSQL: two workers, one chunk each', () => {
  it('gives the synchronous result', async () => {
    const db = await freshDatabase('ajobs');
    const store = await createStore(db.url);
    const queues: PgBossQueue[] = [];
    try {
      const cs = await importFile(`${projectRoot}/examples/ukraine-2025.yaml`);
      const { revision } = await store.createCase(cs);
      const options = { modelParams: {} };
      const a = new PgBossQueue(store, { kinds: jobKinds(store), execute: false });
      const b = new PgBossQueue(store, { kinds: jobKinds(store), execute: false });
      queues.push(a, b);
      const chunks = (await analysisKind(store, 'sensitivity').prepare({ id: '', params: { caseId: cs.id, revision, options } })).chunks;
      expect(chunks).toBe(2);
      const { id } = await a.submit('sensitivity', { caseId: cs.id, revision, options }, chunks);
      expect(await a.handle(id, 1)).toBe('chunk');
      expect(await b.handle(id, 0)).toBe('combined');
      const done = (await a.find(id))!;
      expect([done.status, done.progress]).toEqual(['done', 1]);
      expect(JSON.stringify(withoutRunId(done.result))).toBe(JSON.stringify(jsonSafe(sensitivity(cs, options))));
    } finally {
      for (const q of queues) await q.shutdown();
      await store.close();
      await db.drop();
    }
  });
});
