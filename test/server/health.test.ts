import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { createStore } from '../../src/store/index.ts';
import { ENGINE_VERSION } from '../../src/server/version.ts';
import { migrations } from '../../src/store/migrations.ts';

/** The newest migration of this version: what a ready server names. */
const NEWEST = Object.keys(migrations).sort().at(-1);

describe('GET /api/health and /api/ready', () => {
  it('answers health always, ready while the database answers, 503 once it does not', async () => {
    const store = await createStore(':memory:');
    const { app } = createApp({ store });
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', version: ENGINE_VERSION });
    const ready = await app.request('/api/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: 'sqlite', runsJobs: true, migration: NEWEST });
    const noWorker = createApp({ store, runJobs: false }).app;
    expect(await (await noWorker.request('/api/ready')).json()).toEqual({ ready: true, database: 'sqlite', runsJobs: false, migration: NEWEST });
    await store.close();
    const down = await app.request('/api/ready');
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { message: string } }).error.message).toMatch(/^the database does not answer: /);
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
