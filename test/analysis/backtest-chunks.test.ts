import '../helpers/fast-check-seed.ts';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import { backtest, hasRanges, type BacktestOptions } from '../../src/analysis/backtest.ts';
import { backtestChunk, backtestChunks, mergeBacktest, type BacktestPartial } from '../../src/analysis/backtest-chunks.ts';
import { paramsForModel } from '../../src/engines/params.ts';
import { parseDeuByProposal } from '../../src/formats/deu.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { computeChunks, expectSameBits, shuffled } from './chunk-helpers.ts';
import { generatedCase } from './generated-case.ts';

const split = (cases: readonly Case[], opts: BacktestOptions, size?: number, seed?: number) => {
  const n = backtestChunks(cases, opts, size);
  return { n, merged: mergeBacktest(cases, opts, computeChunks<BacktestPartial>(n, (i) => backtestChunk(cases, opts, i, size), seed === undefined ? undefined : shuffled(n, seed)), size) };
};

// The constructed DEU data set of backtest.test.ts: 4 proposals, 6 issues, two actors.
const header = 'prnr;prname;isnr;proc;pcom;pfr;scom;sfr;rp;out';
const rows = ['p1;a;p1i1;COD;0;100;100;100;0;60', 'p1;a;p1i2;COD;20;40;100;100;0;30', 'p2;b;p2i1;COD;100;100;100;100;0;100', 'p3;c;p3i1;COD;0;0;100;100;100;0', 'p3;c;p3i2;COD;40;80;100;100;50;50', 'p4;d;p4i1;COD;10;30;100;100;0;0'];
const tiny = parseDeuByProposal(`${header}\n${rows.join('\n')}\n`, 'tiny.csv');

/** Generated cases with ranges (so the backtest draws Monte Carlo runs) and outcomes on some issues; one without any outcome. */
const ranged = (n: number, seed0: number): Case[] =>
  Array.from({ length: n }, (_, p) => {
    const c = generatedCase(3 + (p % 3), 2, 2, seed0 + p);
    return { ...c, id: `g${seed0 + p}`, issues: c.issues.map((iss, k) => (p === 2 || (p + k) % 4 === 3 ? iss : { ...iss, outcome: (37 * (p + 1) + 23 * k) % 101 })) };
  });

describe('backtest split into chunks (synthetic cases)', () => {
  it('the tiny DEU set: shipped error models, one case a chunk, shuffled; and one chunk', () => {
    const opts = { models: ['compromise', 'median', 'status-quo'], bootstrap: 200 };
    const unsplit = backtest(tiny, opts);
    expect(unsplit.models[0].n).toBe(6);
    const one = split(tiny, opts, 1, 3);
    expect(one.n).toBe(4);
    expectSameBits(one.merged, unsplit);
    expect(backtestChunks(tiny, opts)).toBe(1);
    expectSameBits(split(tiny, opts).merged, unsplit);
  });

  it('the tiny DEU set with folds and the ensemble (its nested fit in the merge)', () => {
    const opts = { models: ['compromise', 'ensemble'], folds: 2, seed: 5, bootstrap: 100 };
    const unsplit = backtest(tiny, opts);
    expect(unsplit.ensemble).toHaveLength(2);
    expectSameBits(split(tiny, opts, 1, 1).merged, unsplit);
  });

  it('ranged cases (Monte Carlo draws through JSON as Float64Arrays), a case without outcomes, every model, 3 folds', () => {
    const cases = ranged(7, 40);
    expect(cases.every(hasRanges)).toBe(true);
    const opts: BacktestOptions = { folds: 3, seed: 2, bootstrap: 150, draws: 40, paramsFor: (m) => paramsForModel(m, { rounds: 4 }) };
    const unsplit = backtest(cases, opts);
    // Case g42 has no outcome (2 issues skipped); g43's issue 0 and g46's issue 1 have none ((p + k) mod 4 = 3).
    expect(unsplit.skipped).toBe(4);
    expect(unsplit.issues.length).toBe(14 - 4);
    const n = backtestChunks(cases, opts, 2);
    expect(n).toBe(4);
    // The draws travel as base64 Float64Arrays, one per base model (7) and issue: chunk 0 is g40 and g41, 4 issues.
    const stored = JSON.stringify(backtestChunk(cases, opts, 0, 2));
    expect(stored.match(/"\$f64"/g)?.length).toBe(7 * 4);
    expectSameBits(split(cases, opts, 2, 9).merged, unsplit);
    expectSameBits(split(cases, opts, 1).merged, unsplit);
  });

  it('a calibration data set: its cases are chunks after the backtested ones', () => {
    const cases = ranged(4, 60);
    const calibration = [...ranged(5, 80), ...tiny];
    const opts: BacktestOptions = { models: ['compromise', 'bdm', 'ensemble'], calibration, bootstrap: 100, draws: 25 };
    const unsplit = backtest(cases, opts);
    expect(unsplit.method).toBe('calibration');
    // 4 cases then 9 calibration cases, 3 a chunk: 2 + 3 chunks.
    expect(backtestChunks(cases, opts, 3)).toBe(5);
    expectSameBits(split(cases, opts, 3, 4).merged, unsplit);
    // With folds the calibration set is not used: no chunk of it.
    expect(backtestChunks(cases, { ...opts, folds: 2 }, 3)).toBe(2);
  });

  it('bad options fail before any chunk, with backtest’s messages; a foreign partial is refused', () => {
    expect(() => backtestChunks(tiny, { folds: 5 })).toThrow(/folds must be an integer from 2 to the number of proposals with an outcome \(4\), got 5/);
    expect(() => backtest(tiny, { folds: 5 })).toThrow(/folds must be an integer from 2 to the number of proposals with an outcome \(4\), got 5/);
    expect(() => backtestChunks(tiny, { models: ['nope'] })).toThrow(/unknown model "nope"/);
    const noOutcome = ranged(3, 1).map((c) => ({ ...c, issues: c.issues.map(({ outcome: _o, ...iss }) => iss) }));
    expect(() => backtestChunks(tiny, { calibration: noOutcome })).toThrow(/the calibration data set has no issue with a known outcome/);
    const opts = { models: ['compromise'], bootstrap: 10 };
    const parts = [0, 1, 2, 3].map((i) => backtestChunk(tiny, opts, i, 1));
    expect(() => mergeBacktest(tiny, opts, [parts[0], parts[2], parts[1], { ...parts[3], scored: parts[2].scored }], 1)).toThrow(/chunk 3 has 2 scored issues, expected 1/);
    expect(() => mergeBacktest(tiny, opts, parts.slice(1), 1)).toThrow(/chunk 0 of 4 is missing/);
  });

  it('no case: one chunk, and the merge answers as backtest does', () => {
    const opts = { models: ['compromise'], bootstrap: 10 };
    expect(backtestChunks([], opts)).toBe(1);
    expectSameBits(split([], opts).merged, backtest([], opts));
  });
});

/** An estimate's point value, its range dropped. */
const point = (e: number | { value: number }) => (typeof e === 'number' ? e : e.value);

describe('backtest split: property', () => {
  it('any cases (with and without ranges or outcomes), any chunk size and order, folds or not: the merge is backtest() bit for bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.subarray(['compromise', 'median', 'bdm', 'status-quo', 'ensemble'], { minLength: 1 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, seed0, size, withFolds, models, order) => {
          // Every other case without ranges: point forecasts only, no draws.
          const cases = [...ranged(n, seed0).map((c, p) => (p % 2 ? c : { ...c, actors: c.actors.map((a) => ({ ...a, capability: point(a.capability) })), stances: c.stances.map((st) => ({ ...st, position: point(st.position), salience: point(st.salience) })) })), ...tiny.slice(0, 2)];
          expect(cases.map(hasRanges).slice(0, 2)).toEqual([false, true]);
          const proposals = cases.filter((c) => c.issues.some((i) => i.outcome !== undefined)).length;
          const opts: BacktestOptions = { models, seed: 1 + (seed0 % 7), bootstrap: 20, draws: 12, ...(withFolds && proposals >= 2 ? { folds: 2 } : {}) };
          const chunks = backtestChunks(cases, opts, size);
          const merged = mergeBacktest(cases, opts, computeChunks<BacktestPartial>(chunks, (i) => backtestChunk(cases, opts, i, size), shuffled(chunks, order)), size);
          expectSameBits(merged, backtest(cases, opts));
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

describeWithReference('backtest split into chunks on DEU III', () => {
  it('the first 40 proposals of deu3_train.tsv: default models, 4 folds; and shipped — merged equals backtest()', () => {
    const file = referencePath('deu/deu3_train.tsv');
    const all = parseDeuByProposal(readFileSync(file, 'utf8'), file);
    // Grouped by size: the 94 proposals (about 372,000 units with the 7 base models) in 3 chunks, the first 40 in one.
    expect(backtestChunks(all, {})).toBe(3);
    const cases = all.slice(0, 40);
    expect(backtestChunks(cases, {})).toBe(1);
    const folds = { folds: 4, bootstrap: 200 };
    const unsplit = backtest(cases, folds);
    expect(unsplit.models.map((m) => m.model)).toContain('ensemble');
    expectSameBits(split(cases, folds).merged, unsplit);
    const six = split(cases, folds, 6, 6);
    expect(six.n).toBe(7);
    expectSameBits(six.merged, unsplit);
    const shipped = { models: ['compromise', 'bdm', 'median'], bootstrap: 200, seed: 3 };
    expectSameBits(split(cases, shipped, 7).merged, backtest(cases, shipped));
  }, 60_000);
});
