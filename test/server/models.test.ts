/**
 * GET /api/models: every engine's parameter table as JSON (what the dashboard's parameter panel is
 * built from), with the defaults, ranges and choices of `engineParams`, in the declared schema, and
 * listed in the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { ModelList } from '../../src/server/schemas.ts';
import { engineParams, modelNames } from '../../src/engines/index.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import type { JobManager } from '../../src/server/jobs.ts';

describe('GET /api/models', () => {
  let store: Store;
  let jobs: JobManager;
  let get: (path: string) => Promise<{ status: number; json: any }>;

  beforeAll(async () => {
    store = await createStore(':memory:');
    const made = createApp({ store, logError: (line) => expect.fail(`logged an internal error: ${line}`) });
    jobs = made.jobs;
    get = async (path) => {
      const res = await made.app.request(path);
      return { status: res.status, json: await res.json() };
    };
  });
  afterAll(async () => {
    await jobs?.shutdown();
    await store?.close();
  });

  it('lists every model with its table: names, types, defaults, ranges and choices as the engines declare them', async () => {
    const r = await get('/api/models');
    expect(r.status).toBe(200);
    expect(ModelList.safeParse(r.json).success).toBe(true);
    expect(r.json.models.map((m: { model: string }) => m.model)).toEqual(modelNames());
    // Not vacuous: the engines with tables are there, and bdm's q is the Scholz default of 1 in [0, 1].
    expect(Object.keys(engineParams).length).toBeGreaterThanOrEqual(5);
    for (const [model, table] of Object.entries(engineParams)) {
      const listed = r.json.models.find((m: { model: string }) => m.model === model);
      expect(listed, model).toBeDefined();
      expect(listed.params.map((p: { name: string }) => p.name)).toEqual(table.map((p) => p.name));
      for (const spec of table) {
        const p = listed.params.find((x: { name: string }) => x.name === spec.name);
        expect(p.type, `${model}.${spec.name}`).toBe(spec.type);
        expect(p.default, `${model}.${spec.name}`).toEqual(spec.default);
        expect(p.help).toBe(spec.help);
        expect(p.source).toBe(spec.source);
        if ('min' in spec) expect(p.min).toBe(spec.min);
        if ('max' in spec && spec.max !== undefined) expect(p.max).toBe(spec.max);
        if ('choices' in spec) expect(p.choices).toEqual([...spec.choices]);
        else expect(p.choices).toBeUndefined();
      }
    }
    const q = r.json.models.find((m: { model: string }) => m.model === 'bdm').params.find((p: { name: string }) => p.name === 'q');
    expect(q).toMatchObject({ type: 'number', default: 1, min: 0, max: 1 });
    // A model without a table is listed with no parameters rather than left out.
    for (const m of r.json.models) if (!(m.model in engineParams)) expect(m.params).toEqual([]);
  });

  it('is in the OpenAPI document with its response schema', async () => {
    const doc = (await get('/openapi.json')).json;
    const op = doc.paths['/api/models']?.get;
    expect(op).toBeDefined();
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/ModelList');
    expect(Object.keys(doc.components.schemas.ModelParam.properties)).toEqual(expect.arrayContaining(['name', 'type', 'default', 'min', 'max', 'choices', 'help', 'source']));
  });
});
