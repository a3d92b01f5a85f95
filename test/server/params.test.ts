/**
 * Every parameter of every engine through the API: the same result as the same parameter from the
 * CLI, bad values a 400 naming the parameter, stored runs recording each model's resolved
 * parameters, and the OpenAPI document listing each parameter with its default and range.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { engineParams } from '../../src/engines/index.ts';
import { defaultsOf } from '../../src/engines/params.ts';
import { runCli } from '../cli/run.ts';
import { asText, badValues, everyParam, otherValue, ownFlag, paramsCase } from '../engines/params-values.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-api-params-'));
const file = join(dir, 'params.json');
writeFileSync(file, JSON.stringify(paramsCase));

let store: Store;
let call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;
let shutdown: () => Promise<void>;

beforeAll(async () => {
  store = await createStore(':memory:');
  const { app, jobs } = createApp({ store, logError: (line) => { throw new Error(`the server logged: ${line}`); } });
  call = async (method, path, body) => {
    const res = await app.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  shutdown = () => jobs.shutdown();
  expect((await call('POST', '/api/cases', paramsCase)).status).toBe(201);
});
afterAll(async () => {
  await shutdown();
  await store.close();
});

const cases = everyParam.map(([model, spec]) => [model, spec.name, spec] as const);
const forecast = (body: unknown) => call('POST', '/api/cases/params/forecast', body);

describe('every engine parameter through the API', () => {
  it.each(cases)('%s %s: the same result as from the CLI, and the run records it', async (model, name, spec) => {
    const value = otherValue(spec);
    const api = await forecast({ models: [model], params: { [model]: { [name]: value } } });
    expect(api.status, JSON.stringify(api.json)).toBe(200);
    const cli = await runCli('forecast', file, '--format', 'json', '--model', model, `${ownFlag(model, spec)}=${asText(value)}`);
    expect(cli.code, cli.stderr).toBe(0);
    expect(api.json.results).toEqual(JSON.parse(cli.stdout));
    const run = await call('GET', `/api/runs/${api.json.runId}`);
    expect(run.json.params.modelParams[model]).toEqual({ ...defaultsOf(engineParams[model]), [name]: value });
  });

  it.each(cases)('%s %s: a value out of range or of the wrong type is a 400 naming the parameter', async (model, name, spec) => {
    const { outOfRange, wrongType } = badValues(spec);
    for (const bad of [outOfRange, wrongType]) {
      const r = await forecast({ models: [model], params: { [model]: { [name]: bad } } });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toContain(`${model}: ${name}`);
      expect(r.json.error.path).toMatch(new RegExp(`^params\\.${model}\\.${name}(\\[\\d+\\])?$`)); // a list's entry: tieChoices[1]
    }
  });

  it('the flat form: each key to the chosen models that have it, a value to the models whose choice it is', async () => {
    const flat = await forecast({ models: ['bdm', 'exchange'], params: { rounds: 2, variant: 'random' } });
    expect(flat.status).toBe(200);
    const [bdm, exchange] = flat.json.results;
    expect(bdm.params).toMatchObject({ rounds: 2, variant: 'paper' });
    expect(exchange.params).toMatchObject({ rounds: 2, variant: 'random' });
    // What used to be a 400 (exchange's variant sent to bdm) now goes where it belongs.
    const same = await forecast({ models: ['bdm', 'exchange'], params: { bdm: { rounds: 2 }, exchange: { rounds: 2, variant: 'random' } } });
    expect(same.json.results).toEqual(flat.json.results);
    const run = await call('GET', `/api/runs/${flat.json.runId}`);
    expect(run.json.params.modelParams.exchange).toMatchObject({ rounds: 2, variant: 'random', p: 0.5, tieChoices: [] });
    // A key no chosen model has, a model not chosen, a value no chosen model takes.
    const q = await forecast({ models: ['nash'], params: { q: 0.5 } });
    expect(q.status).toBe(400);
    expect(q.json.error.message).toBe('unknown parameter "q" for nash (it is bdm’s)');
    const notChosen = await forecast({ models: ['nash'], params: { bdm: { q: 0.5 } } });
    expect(notChosen.status).toBe(400);
    expect(notChosen.json.error.message).toBe('bdm is not among the chosen models (nash)');
    const sideways = await forecast({ models: ['bdm', 'exchange'], params: { variant: 'sideways' } });
    expect(sideways.status).toBe(400);
    expect(sideways.json.error.message).toContain('variant "sideways" is not a choice of the chosen models');
    const unknown = await forecast({ models: ['bdm'], params: { bdm: { tieBreak: 'first' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('bdm: unknown parameter "tieBreak" (known: q, rounds, variant)');
  });

  it('tieChoices and the SMP parameters, once CLI-only or file-only, are accepted', async () => {
    const r = await forecast({ models: ['exchange', 'smp'], params: { exchange: { arithmetic: 'decimal', tieChoices: [1, 0] }, smp: { VotingRule: 'Cubic', PCEModel: 'MarkovUniform', maxTurns: 3 } } });
    expect(r.status).toBe(200);
    expect(r.json.results[0].params).toMatchObject({ arithmetic: 'decimal' });
    expect(r.json.results[1].params).toMatchObject({ VotingRule: 'Cubic', PCEModel: 'MarkovUniform', maxTurns: 3 });
    // An engine's own check between parameters is still a 400 before anything runs.
    const rex = await forecast({ models: ['exchange'], params: { exchange: { arithmetic: 'decimal', variant: 'random' } } });
    expect(rex.status).toBe(400);
    expect(rex.json.error.message).toContain('equal-gain model only');
  });

  it('simulate and sensitivity take the same parameters; a simulation records them without the engines’ seed', async () => {
    const sens = await call('POST', '/api/cases/params/sensitivity', { models: ['nash'], params: { nash: { coalitionShare: 0 } } });
    expect(sens.status).toBe(400);
    const job = await call('POST', '/api/cases/params/simulate', { runs: 5, seed: 2, models: ['exchange'], params: { exchange: { variant: 'random', p: 1 } } });
    expect(job.status).toBe(202);
    let done: any;
    for (let i = 0; i < 200 && done?.status !== 'done'; i++) {
      done = (await call('GET', `/api/jobs/${job.json.jobId}`)).json;
      if (done.status === 'failed') throw new Error(done.error);
      await new Promise((r) => setTimeout(r, 20));
    }
    const run = await call('GET', `/api/runs/${done.result.runId}`);
    expect(run.json.params.modelParams.exchange).toMatchObject({ variant: 'random', p: 1 });
    expect(run.json.params.modelParams.exchange).not.toHaveProperty('seed');
    expect(run.json.seed).toBe(2);
  });
});

describe('the OpenAPI document', () => {
  it('lists every parameter of every model with its default, its range or choices, and its help', async () => {
    const doc = (await call('GET', '/openapi.json')).json;
    const schemas = doc.components.schemas;
    const params = schemas.ModelParams;
    expect(params).toBeDefined();
    for (const [model, name, spec] of cases) {
      const obj = params.properties[model];
      expect(obj, model).toBeDefined();
      const p = obj.properties[name];
      expect(p, `${model}.${name}`).toBeDefined();
      expect(p.default).toEqual(spec.default);
      expect(p.description).toContain(spec.help);
      if (spec.type === 'integer') expect(p).toMatchObject({ type: 'integer', minimum: spec.min, ...(spec.max !== undefined ? { maximum: spec.max } : {}) });
      if (spec.type === 'number') expect(p).toMatchObject({ type: 'number', maximum: spec.max, ...(spec.minExclusive ? { exclusiveMinimum: spec.min } : { minimum: spec.min }) });
      if (spec.type === 'enum') expect(p.enum).toEqual([...spec.choices]);
      if (spec.type === 'boolean') expect(p.type).toBe('boolean');
      if (spec.type === 'bits') expect(p).toMatchObject({ type: 'array', items: { type: 'integer', minimum: 0, maximum: spec.max } });
    }
    // The forecast request refers to it.
    expect(JSON.stringify(schemas.ForecastRequest.properties.params)).toContain('#/components/schemas/ModelParams');
  });
});
