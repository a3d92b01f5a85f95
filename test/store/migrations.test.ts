/** A database made by an earlier version is brought up to date on opening, its rows kept. */
import { Migrator, sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations.ts';
import { describeEachBackend } from './backends.ts';

describeEachBackend('store migrations', (backend) => {
  afterAll(() => backend.destroy());

  it('0002 gives runs stored before it the kind "forecast"', async () => {
    const url = await backend.create();
    const old = await createStore(url);
    const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo('0001_cases_revisions_evidence_runs');
    expect(down.error).toBeUndefined();
    // A run as version 0001 wrote it: no kind column.
    await sql`insert into runs (id, seq, case_id, case_revision, models, params, seed, input_hash, engine_version, results, created_at)
              values ('r1', 1, 'talks', 2, '["compromise"]', '{}', ${null}, 'h', '0.1.0', '[]', '2025-11-01T00:00:00.000Z')`.execute(old.db);
    await old.close();
    const store = await createStore(url);
    try {
      expect(await store.getRun('r1')).toMatchObject({ id: 'r1', kind: 'forecast', caseId: 'talks', models: ['compromise'], results: [] });
      const id = await store.recordRun({ kind: 'simulate', caseId: 'talks', caseRevision: 2, models: ['median'], params: { runs: 10 }, seed: 1, inputHash: 'h2', engineVersion: '0.1.0', results: [{}] });
      expect((await store.listRuns({ caseId: 'talks' })).items.map((r) => [r.id, r.kind])).toEqual([
        [id, 'simulate'],
        ['r1', 'forecast'],
      ]);
    } finally {
      await store.close();
    }
  });
});
