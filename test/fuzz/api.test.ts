/**
 * The API's request schemas under fuzzing: app.request on the main write routes with arbitrary JSON
 * and text bodies, content types and path ids, against a fresh in-memory store holding one case.
 * No answer may be a 500 (the project's own errors are 4xx; anything else is a bug), every refusal
 * is the contract's error body, and no request takes a second.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../../src/server/app.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';
import { expectClean, fuzz, HOSTILE, mutated, randomText } from './harness.ts';
import { bdmCsvSeeds, decideSeeds, ktabCsvSeeds, smallYaml } from './seeds.ts';

interface Call {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string | undefined;
}

const stance = { actor: 'north', issue: 'border', date: '2025-04-01', position: 20, salience: 50 };
/** A valid body for each write route (the fuzzer changes them), with its method and path. */
const ROUTES: Array<{ method: string; path: string; body?: unknown; text?: string[] }> = [
  { method: 'POST', path: '/api/cases', body: sampleCase('made') },
  { method: 'PUT', path: '/api/cases/talks', body: sampleCase('talks') },
  { method: 'POST', path: '/api/cases/import?format=yaml&id=imported', text: [smallYaml] },
  { method: 'POST', path: '/api/cases/import?name=x.csv', text: [...ktabCsvSeeds.slice(0, 1), decideSeeds[0], ...bdmCsvSeeds] },
  { method: 'POST', path: '/api/cases/talks/stances', body: stance },
  { method: 'PUT', path: '/api/cases/talks/stances', body: stance },
  { method: 'DELETE', path: '/api/cases/talks/stances?actor=north&issue=troops' },
  { method: 'POST', path: '/api/cases/talks/evidence/q1/accept' },
  { method: 'POST', path: '/api/cases/talks/evidence/q2/reject' },
  { method: 'POST', path: '/api/cases/talks/forecast', body: { models: ['compromise', 'bdm'], rounds: 5, seed: 3, asOf: '2025-03-01', scenario: 'south-hard', params: {} } },
  { method: 'POST', path: '/api/cases/talks/sensitivity', body: { models: ['median'], rounds: 3 } },
  { method: 'POST', path: '/api/cases/talks/simulate', body: { runs: 5, seed: 1, models: ['compromise'], rounds: 3 } },
  { method: 'POST', path: '/api/cases/talks/outlook', body: { by: '2025-12-31', runs: 5, seed: 2 } },
  { method: 'POST', path: '/api/cases/talks/record', body: { question: 'talks-border-2025', by: '2025-12-31', text: 'Will they agree?', runs: 5 } },
  { method: 'POST', path: '/api/ingest', body: { text: '"We will sign," Anna Berg said on Monday.', date: '2025-03-03', outlet: 'Wire' } },
  { method: 'POST', path: '/api/ingest', body: { text: '"Constructor," toString said.', caseId: 'talks' } },
];

/** Values the fuzzer puts anywhere in a JSON body. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 2 ** 53, 2 ** 64, 1e300, -1e300, Number.MAX_VALUE, 4294967296, 1001, 100001),
  fc.constantFrom({}, [], [[]], { __proto__: 1 }, { constructor: { prototype: {} } }, { toString: 'x' }),
  fc.integer({ min: -10, max: 200 }),
  fc.string({ maxLength: 20 }),
  fc.array(fc.constantFrom('compromise', 'bdm', 'nash', 'toString', '__proto__', ''), { maxLength: 4 }),
  fc.integer({ min: 1, max: 200 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown),
);
const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'params', 'rounds', 'seed', 'runs', 'asOf', 'models', 'id', 'caseId', 'url'), fc.string({ maxLength: 8 }));

type Edit = { path: number[]; kind: 'set' | 'delete' | 'add'; key: string; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({ path: fc.array(fc.nat(50), { maxLength: 4 }), kind: fc.constantFrom('set' as const, 'delete' as const, 'add' as const), key, value });

/** Apply an edit at a path of child indices (each index picks a key of the object or an element of the array). */
function applyEdit(root: unknown, edit: Edit): unknown {
  // The arbitrary's constant objects are shared between inputs: edit copies only.
  const e = { ...edit, value: structuredClone(edit.value) };
  if (root === null || typeof root !== 'object') return e.value;
  let node = root as Record<string, unknown>;
  for (const i of e.path) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const next = node[keys[i % keys.length]];
    if (next === null || typeof next !== 'object') break;
    node = next as Record<string, unknown>;
  }
  const keys = Object.keys(node);
  const target = keys.length ? keys[e.path.length % keys.length] : e.key;
  if (e.kind === 'delete') delete node[target];
  else if (e.kind === 'add') Object.defineProperty(node, e.key, { value: e.value, enumerable: true, configurable: true, writable: true });
  else node[target] = e.value;
  return root;
}

const CONTENT_TYPES = ['application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/yaml', 'application/octet-stream', 'application/json; charset=utf-16'];

const call: fc.Arbitrary<Call> = fc
  .tuple(
    fc.nat(ROUTES.length - 1),
    fc.array(edit, { minLength: 0, maxLength: 4 }),
    fc.oneof({ weight: 6, arbitrary: fc.constant('object' as const) }, { weight: 2, arbitrary: fc.constant('text' as const) }, { weight: 1, arbitrary: fc.constant('random' as const) }, { weight: 1, arbitrary: fc.constant('none' as const) }),
    fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 8 }),
    fc.option(fc.constantFrom('nope', 'toString', '__proto__', 'constructor', '%2e%2e', 'a'.repeat(200), '%00', 'tal%20ks'), { nil: undefined, freq: 6 }),
  )
  .chain(([r, edits, kind, contentType, id]) => {
    const route = ROUTES[r];
    const path = id === undefined ? route.path : route.path.replace('/talks', `/${id}`).replace('id=imported', `id=${id}`);
    const ct = contentType ?? (route.text ? 'text/plain' : 'application/json');
    if (kind === 'none') return fc.constant<Call>({ method: route.method, path, contentType: contentType, body: undefined });
    if (kind === 'random') return randomText.map((body): Call => ({ method: route.method, path, contentType: ct, body }));
    const base = route.text ?? [JSON.stringify(route.body ?? {})];
    if (kind === 'text') return mutated(base).map((body): Call => ({ method: route.method, path, contentType: ct, body }));
    if (route.text) return fc.constantFrom(...route.text).map((body): Call => ({ method: route.method, path, contentType: ct, body }));
    const body = JSON.stringify(edits.reduce(applyEdit, structuredClone(route.body ?? {})));
    return fc.constant<Call>({ method: route.method, path, contentType: ct, body });
  });

describe('fuzz: the API request schemas (src/server/routes)', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>['app'];
  const logged: string[] = [];
  beforeAll(async () => {
    store = await createStore(':memory:');
    await store.createCase(sampleCase('talks'));
    app = createApp({ store, logError: (line) => logged.push(line) }).app;
    // Each route once with its valid body first: the modules they load on first use (engines, the
    // ingester's lexicon) are loaded here, not timed against the first fuzzed input.
    const warm = await createStore(':memory:');
    await warm.createCase(sampleCase('talks'));
    const warmApp = createApp({ store: warm }).app;
    for (const r of ROUTES) {
      const body = r.text ? r.text[0] : r.body === undefined ? undefined : JSON.stringify(r.body);
      await (await warmApp.request(r.path, { method: r.method, headers: { 'content-type': r.text ? 'text/plain' : 'application/json' }, ...(body === undefined ? {} : { body }) })).text();
    }
    await warm.close();
  });
  afterAll(() => store.close());

  it('no request is a 500, every refusal is the error body, none takes a second', async () => {
    const report = await fuzz('api', call, async (c) => {
      const headers: Record<string, string> = {};
      if (c.contentType !== undefined) headers['content-type'] = c.contentType;
      const res = await app.request(c.path, { method: c.method, headers, ...(c.body === undefined ? {} : { body: c.body }) });
      const text = await res.text();
      if (res.status >= 500) return `${res.status}: ${logged.at(-1)?.split('\n').slice(0, 3).join(' | ') ?? text}`;
      if (res.status >= 400) {
        let body: { error?: { message?: unknown; path?: unknown } };
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          return `${res.status} without a JSON body: ${text.slice(0, 200)}`;
        }
        if (typeof body.error?.message !== 'string' || body.error.message === '') return `${res.status} without error.message: ${text.slice(0, 200)}`;
      }
      return undefined;
    });
    expectClean(report);
  }, 170_000);
});
