import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { createApp } from '../../src/server/app.ts';
import { queueStartGate } from '../../src/server/routes/health.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations.ts';
import { describeEachStore, type FreshDatabase } from '../server/fresh-store.ts';

const NAMES = Object.keys(migrations).sort();

describeEachStore('GET /api/ready', (fresh) => {
  let db: FreshDatabase | undefined;
  let store: Store | undefined;
  let jobs: { shutdown(): Promise<void> } | undefined;
  afterEach(async () => {
    await jobs?.shutdown().catch(() => {});
    jobs = undefined;
    await store?.close().catch(() => {});
    await db?.destroy();
    store = db = undefined;
  });

  it("is 200 with the newest migration once every one of this version's is applied, 503 naming those missing", async () => {
    db = await fresh();
    store = await createStore(db.url);
    const made = createApp({ store, runJobs: false });
    const { app } = made;
    jobs = made.jobs;
    const ok = await app.request('/api/ready');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ready: true, database: store.kind, runsJobs: false, migration: NAMES.at(-1) });
    expect(NAMES.length).toBeGreaterThanOrEqual(7);

    // A database an older parley migrated: the two newest migrations are not recorded.
    const [second, newest] = NAMES.slice(-2);
    await sql`delete from kysely_migration where name in (${second}, ${newest})`.execute(store.db);
    const stale = await app.request('/api/ready');
    expect(stale.status).toBe(503);
    expect(await stale.json()).toEqual({
      error: { message: `the database lacks 2 of this version's migrations (${second}, ${newest}): parley db migrate --db URL applies them`, path: null },
    });
    // Liveness does not look at the database.
    expect((await app.request('/api/health')).status).toBe(200);

    // No migration table at all (an empty database of something else): not ready, and says why.
    await sql`drop table kysely_migration`.execute(store.db);
    const none = await app.request('/api/ready');
    expect(none.status).toBe(503);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/^the database does not answer: .*kysely_migration/);
  });

  it('is open without identity on a server with a token and accounts, like /api/health, while other reads need one', async () => {
    db = await fresh();
    store = await createStore(db.url);
    await store.users.add({ name: 'ana', role: 'admin', password: 'correct horse battery' });
    const made = createApp({ store, token: 'team-token-1' });
    const { app } = made;
    jobs = made.jobs;
    expect((await app.request('/api/ready')).status).toBe(200);
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/cases')).status).toBe(401);
  });
});

it('the OpenAPI document declares the 503 of /api/ready with the error body', async () => {
  const store = await createStore(':memory:');
  try {
    const { app } = createApp({ store });
    const doc = (await (await app.request('/openapi.json')).json()) as any;
    const get = doc.paths['/api/ready'].get;
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '412', '413', '428', '429', '500', '503']);
    expect(get.responses['503'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    expect(doc.components.schemas.Ready.required.sort()).toEqual(['database', 'migration', 'ready', 'runsJobs']);
  } finally {
    await store.close();
  }
});

describe('readiness waits for the job queue to start', () => {
  const gated = (started: Promise<unknown>, waitMs?: number) => {
    const app = new Hono();
    app.use('/api/ready', queueStartGate(started, waitMs));
    app.get('/api/ready', (c) => c.json({ ready: true }));
    return app;
  };

  it('answers once the start settles within the wait, 503 "starting" after it, and 200 from then on', async () => {
    let resolve!: () => void;
    const started = new Promise<void>((r) => (resolve = r));
    const app = gated(started, 50);
    const t0 = performance.now();
    const early = await app.request('/api/ready');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(early.status).toBe(503);
    expect(await early.json()).toEqual({ error: { message: 'the job queue is still starting (waited 50 ms)', path: null } });
    // A request already waiting when the queue starts gets the answer then.
    const waiting = app.request('/api/ready');
    setTimeout(resolve, 10);
    expect((await waiting).status).toBe(200);
    expect(await (await app.request('/api/ready')).json()).toEqual({ ready: true });
  });

  it('a queue that failed to start keeps the server unready, with the reason', async () => {
    const failed = Promise.reject(new Error('pg-boss: permission denied for schema pgboss'));
    const app = gated(failed, 1000);
    const r = await app.request('/api/ready');
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ error: { message: 'the job queue did not start: pg-boss: permission denied for schema pgboss', path: null } });
  });

  it("createApp gates /api/ready on its queue's resume()", async () => {
    const store = await createStore(':memory:');
    try {
      const { JobManager } = await import('../../src/server/jobs.ts');
      // A queue whose start fails: createApp resumes it (opts.jobs unset) through durableJobManager, so
      // a failing resume is simulated by a store whose job table is gone before the app starts.
      await sql`drop table jobs`.execute(store.db);
      const lines: string[] = [];
      const { app } = createApp({ store, logError: (l) => lines.push(l) });
      const r = await app.request('/api/ready');
      expect(r.status).toBe(503);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^the job queue did not start: .*jobs/);
      expect(lines[0]).toMatch(/^parley serve: resuming jobs: /);
      // A queue given to createApp is the caller's to start: ready at once.
      expect((await createApp({ store: await createStore(':memory:'), jobs: new JobManager() }).app.request('/api/ready')).status).toBe(200);
    } finally {
      await store.close();
    }
  });
});
