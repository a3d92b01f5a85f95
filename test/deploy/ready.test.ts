import { afterEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createApp } from '../../src/server/app.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations.ts';
import { describeEachStore, type FreshDatabase } from '../server/fresh-store.ts';

const NAMES = Object.keys(migrations).sort();

describeEachStore('GET /api/ready', (fresh) => {
  let db: FreshDatabase | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close().catch(() => {});
    await db?.destroy();
    store = db = undefined;
  });

  it("is 200 with the newest migration once every one of this version's is applied, 503 naming those missing", async () => {
    db = await fresh();
    store = await createStore(db.url);
    const { app } = createApp({ store, runJobs: false });
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
    const { app } = createApp({ store, token: 'team-token-1' });
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
