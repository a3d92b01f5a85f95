import './../helpers/fast-check-seed.ts';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCaseFile } from '../../src/case/load.ts';
import { Case, type CaseInput } from '../../src/case/schema.ts';
import { modelNames } from '../../src/engines/index.ts';
import { sensitivity } from '../../src/analysis/sensitivity.ts';
import { mergeSensitivity, sensitivityChunk, sensitivityChunkSize, sensitivityChunks, type SensitivityPartial } from '../../src/analysis/sensitivity-chunks.ts';
import { decodeChunk, encodeChunk, forecastUnits, itemsPerChunk } from '../../src/analysis/chunking.ts';
import type { ForecastOptions } from '../../src/analysis/forecast.ts';
import { projectRoot } from '../helpers/reference.ts';
import { computeChunks, expectSameBits, shuffled } from './chunk-helpers.ts';
import { generatedCase } from './generated-case.ts';
import { parse, twoActors } from './cases.ts';

const split = (c: Case, opts: ForecastOptions, size?: number, order?: number[]) => {
  const n = sensitivityChunks(c, opts, size);
  return { n, merged: mergeSensitivity(c, opts, computeChunks(n, (i) => sensitivityChunk(c, opts, i, size), order), size) };
};

describe('chunk partials through JSON', () => {
  it('NaN, ±Infinity, −0 and Float64Arrays survive JSON.stringify / JSON.parse', () => {
    const value = { a: [1.1, NaN, -0, 0, Infinity, -Infinity, 5e-324, Number.MAX_VALUE], b: Float64Array.of(0.1, -0, NaN, 2 ** 53 + 2), c: null, d: 'x', e: true, f: undefined };
    const back = decodeChunk<typeof value>(JSON.parse(JSON.stringify(encodeChunk(value))));
    expect(Object.is(back.a[2], -0)).toBe(true);
    expect(Number.isNaN(back.a[1])).toBe(true);
    expect(back.a).toEqual(value.a);
    expect(back.b).toBeInstanceOf(Float64Array);
    expect(Array.from(back.b)).toEqual([0.1, -0, NaN, 2 ** 53 + 2]);
    expect(Object.is(back.b[1], -0)).toBe(true);
    expect('f' in back).toBe(false);
    expect(() => encodeChunk({ m: new Map() })).toThrow(/Map object/);
  });

  it('chunk sizes: a 30-actor, 5-issue case with every model swings 5 estimates a chunk, Ukraine 55, a tiny case all at once', () => {
    const all = modelNames();
    // 30² × 5 × (3 iterative + 5 × 0.02) = 13,950 units a forecast, two per estimate: 160,000 / 27,900 → 5.
    expect(forecastUnits(30, 5, all)).toBeCloseTo(13_950, 6);
    expect(itemsPerChunk(2 * forecastUnits(30, 5, all))).toBe(5);
    // 6² × 13 × 3.1 = 1,450.8 → 160,000 / 2,901.6 → 55.
    expect(itemsPerChunk(2 * forecastUnits(6, 13, all))).toBe(55);
    expect(itemsPerChunk(2 * forecastUnits(2, 1, ['compromise']))).toBe(256);
    expect(sensitivityChunkSize(generatedCase(30, 5))).toBe(5);
  });
});

describe('sensitivity split into chunks', () => {
  let tutorial: Case;
  let ukraine: Case;
  beforeAll(async () => {
    tutorial = await loadCaseFile(join(projectRoot, 'examples/tutorial.yaml'));
    ukraine = await loadCaseFile(join(projectRoot, 'examples/ukraine-2025.yaml'));
  });

  it('the tutorial: one chunk, and one estimate a chunk in a shuffled order, both bit for bit sensitivity()', () => {
    const unsplit = sensitivity(tutorial);
    expect(unsplit.entries.length).toBe(28);
    expect(split(tutorial, {}).n).toBe(1);
    expectSameBits(split(tutorial, {}).merged, unsplit);
    const one = split(tutorial, {}, 1, shuffled(28, 3));
    expect(one.n).toBe(28);
    expectSameBits(one.merged, unsplit);
  });

  it('the tutorial with a scenario, a date and some models', () => {
    const opts: ForecastOptions = { models: ['bdm', 'compromise', 'exchange'], scenario: 'ratepayers-soften', asOf: '2026-01-01', rounds: 5 };
    expectSameBits(split(tutorial, opts, 4, shuffled(sensitivityChunks(tutorial, opts, 4), 9)).merged, sensitivity(tutorial, opts));
  });

  it('Ukraine: 102 swung estimates in 2 chunks of 55 and 47, and in 15 chunks of 7, reverse order', () => {
    const unsplit = sensitivity(ukraine);
    expect(unsplit.entries.length).toBe(102);
    const auto = split(ukraine, {});
    expect(auto.n).toBe(2);
    expectSameBits(auto.merged, unsplit);
    const seven = split(ukraine, {}, 7);
    expect(seven.n).toBe(15);
    expectSameBits(seven.merged, unsplit);
  });

  it('a generated 8-actor case (every estimate ranged), 3 estimates a chunk, shuffled', () => {
    const c = generatedCase(8, 3);
    const opts: ForecastOptions = { models: ['compromise', 'bdm', 'smp', 'status-quo'] };
    const unsplit = sensitivity(c, opts);
    // 8 capabilities + 24 stances × (position, salience).
    expect(unsplit.entries.length).toBe(56);
    const n = sensitivityChunks(c, opts, 3);
    expect(n).toBe(19);
    expectSameBits(split(c, opts, 3, shuffled(n, 1)).merged, unsplit);
  });

  it('a case with nothing to swing is one chunk with the baseline only', () => {
    const c = parse({ ...twoActors, actors: twoActors.actors!.map((a) => ({ ...a, capability: 1 })), stances: [{ actor: 'a', issue: 'x', position: 0, salience: 100 }, { actor: 'b', issue: 'x', position: 60, salience: 100 }] } as CaseInput);
    const opts = { models: ['compromise'] };
    expect(sensitivityChunks(c, opts)).toBe(1);
    const merged = mergeSensitivity(c, opts, [JSON.parse(JSON.stringify(sensitivityChunk(c, opts, 0)))]);
    expect(merged.baseline).toEqual({ compromise: [30] });
    expect(merged.fixedEstimates).toBe(6);
    expectSameBits(merged, sensitivity(c, opts));
  });

  it('refuses a missing, repeated or foreign chunk and a chunk index out of range, and bad options as sensitivity() does', () => {
    // 2 capabilities and 2 stances × (position, salience): 6 swung, 2 a chunk.
    const c = generatedCase(2, 1);
    const opts = { models: ['compromise'] };
    const parts = [0, 1, 2].map((i) => sensitivityChunk(c, opts, i, 2));
    expect(sensitivityChunks(c, opts, 2)).toBe(3);
    expect(() => mergeSensitivity(c, opts, parts.slice(0, 2), 2)).toThrow(/chunk 2 of 3 is missing/);
    expect(() => mergeSensitivity(c, opts, [parts[0], parts[1], parts[1]], 2)).toThrow(/chunk 1 is given twice/);
    // Computed with 2 a chunk, merged as if 3 a chunk (2 chunks).
    expect(() => mergeSensitivity(c, opts, parts.slice(0, 2), 3)).toThrow(/computed as one of 3 chunks, but the analysis has 2/);
    expect(() => sensitivityChunk(c, opts, 3, 2)).toThrow(/chunk 3 is not one of 0\.\.2/);
    expect(() => sensitivityChunks(c, { models: ['nope'] })).toThrow(/nope/);
    expect(() => sensitivity(c, { models: ['nope'] })).toThrow(/nope/);
    expect(() => sensitivityChunks(c, opts, 0)).toThrow(/positive integer/);
    // A chunk that lost its baseline.
    const { baseline: _b, ...noBase } = parts[0] as SensitivityPartial & { baseline?: unknown };
    expect(() => mergeSensitivity(c, opts, [noBase as SensitivityPartial, parts[1], parts[2]], 2)).toThrow(/no baseline/);
  });
});

// Random small cases: 1–4 actors on 1–3 issues, estimates with or without a range (a bound may equal the value).
const estimate = (lo: number, hi: number) =>
  fc.oneof(
    fc.integer({ min: lo, max: hi }),
    fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi })).map(([a, b, c]) => {
      const [low, value, high] = [a, b, c].sort((x, y) => x - y);
      return { value, low, high };
    }),
  );
const smallCase: fc.Arbitrary<Case> = fc.record({ actors: fc.integer({ min: 1, max: 4 }), issues: fc.integer({ min: 1, max: 3 }) }).chain(({ actors, issues }) =>
  fc
    .record({
      caps: fc.array(estimate(0, 100), { minLength: actors, maxLength: actors }),
      sqs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: issues, maxLength: issues }),
      stances: fc.array(fc.record({ position: estimate(0, 100), salience: estimate(0, 100), present: fc.boolean() }), { minLength: actors * issues, maxLength: actors * issues }),
    })
    .map(({ caps, sqs, stances }) =>
      Case.parse({
        id: 'random',
        title: 'Random',
        actors: caps.map((capability, a) => ({ id: `a${a}`, name: `A${a}`, kind: 'state', capability })),
        issues: sqs.map((statusQuo, k) => ({ id: `i${k}`, title: `I${k}`, statusQuo })),
        stances: stances.flatMap((s, n) => (s.present || n === 0 ? [{ actor: `a${Math.floor(n / issues)}`, issue: `i${n % issues}`, position: s.position, salience: s.salience }] : [])),
      }),
    ),
);

describe('sensitivity split: property', () => {
  it('any chunk size, any order of computing: the merge is sensitivity() bit for bit', () => {
    fc.assert(
      fc.property(smallCase, fc.subarray(modelNames(), { minLength: 1 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1000 }), (c, models, size, seed) => {
        const opts = { models };
        const n = sensitivityChunks(c, opts, size);
        const merged = mergeSensitivity(c, opts, computeChunks(n, (i) => sensitivityChunk(c, opts, i, size), shuffled(n, seed)), size);
        expectSameBits(merged, sensitivity(c, opts));
      }),
      { numRuns: 40 },
    );
  });
});
