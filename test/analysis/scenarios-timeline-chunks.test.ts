import '../helpers/fast-check-seed.ts';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelNames } from '../../src/engines/index.ts';
import { join } from 'node:path';
import { loadCaseFile } from '../../src/case/load.ts';
import type { Case } from '../../src/case/schema.ts';
import { compareScenarios } from '../../src/analysis/scenarios.ts';
import { timeline } from '../../src/analysis/timeline.ts';
import { research } from '../../src/analysis/research.ts';
import { mergeScenarios, scenariosChunk, scenariosChunks } from '../../src/analysis/scenarios-chunks.ts';
import { mergeTimeline, timelineChunk, timelineChunks } from '../../src/analysis/timeline-chunks.ts';
import { mergeResearch, researchChunk, researchChunks } from '../../src/analysis/research-chunks.ts';
import { sensitivityChunk } from '../../src/analysis/sensitivity-chunks.ts';
import type { ScenarioOptions } from '../../src/analysis/scenarios.ts';
import type { TimelineOptions } from '../../src/analysis/timeline.ts';
import type { ForecastOptions } from '../../src/analysis/forecast.ts';
import { projectRoot } from '../helpers/reference.ts';
import { computeChunks, expectSameBits, shuffled } from './chunk-helpers.ts';
import { generatedCase } from './generated-case.ts';

const scenariosSplit = (c: Case, opts: ScenarioOptions, size?: number, seed?: number) => {
  const n = scenariosChunks(c, opts, size);
  return { n, merged: mergeScenarios(c, opts, computeChunks(n, (i) => scenariosChunk(c, opts, i, size), seed === undefined ? undefined : shuffled(n, seed)), size) };
};
const timelineSplit = (c: Case, opts: TimelineOptions, size?: number, seed?: number) => {
  const n = timelineChunks(c, opts, size);
  return { n, merged: mergeTimeline(c, opts, computeChunks(n, (i) => timelineChunk(c, opts, i, size), seed === undefined ? undefined : shuffled(n, seed)), size) };
};
const researchSplit = (c: Case, opts: ForecastOptions, size?: number, seed?: number) => {
  const n = researchChunks(c, opts, size);
  return { n, merged: mergeResearch(c, opts, computeChunks(n, (i) => researchChunk(c, opts, i, size), seed === undefined ? undefined : shuffled(n, seed)), size) };
};

let tutorial: Case;
let ukraine: Case;
beforeAll(async () => {
  tutorial = await loadCaseFile(join(projectRoot, 'examples/tutorial.yaml'));
  ukraine = await loadCaseFile(join(projectRoot, 'examples/ukraine-2025.yaml'));
});

describe('scenario comparison split into chunks', () => {
  it('the tutorial: baseline and its one scenario in one chunk, and one a chunk', () => {
    const unsplit = compareScenarios(tutorial);
    expect(unsplit.scenarios.map((s) => s.scenario)).toEqual([null, 'ratepayers-soften']);
    const auto = scenariosSplit(tutorial, {});
    expect(auto.n).toBe(1);
    expectSameBits(auto.merged, unsplit);
    const one = scenariosSplit(tutorial, {}, 1);
    expect(one.n).toBe(2);
    expectSameBits(one.merged, unsplit);
  });

  it('Ukraine: 4 scenarios and the baseline, one a chunk in a shuffled order, and two a chunk; with a date and chosen scenarios', () => {
    const unsplit = compareScenarios(ukraine);
    expect(unsplit.scenarios).toHaveLength(5);
    expectSameBits(scenariosSplit(ukraine, {}, 1, 4).merged, unsplit);
    const two = scenariosSplit(ukraine, {}, 2);
    expect(two.n).toBe(3);
    expectSameBits(two.merged, unsplit);
    const opts: ScenarioOptions = { asOf: '2025-11-25', scenarios: ['europe-hardens', 'us-disengages'], models: ['compromise', 'exchange'] };
    expectSameBits(scenariosSplit(ukraine, opts, 1, 2).merged, compareScenarios(ukraine, opts));
  });

  it('a generated 12-actor case: the default size and one forecast a chunk', () => {
    const c = generatedCase(12, 4);
    const opts = { models: ['bdm', 'median', 'smp'] };
    const unsplit = compareScenarios(c, opts);
    expect(unsplit.scenarios.map((s) => s.scenario)).toEqual([null, 's-weaker', 's-moves', 's-cares']);
    expectSameBits(scenariosSplit(c, opts).merged, unsplit);
    expectSameBits(scenariosSplit(c, opts, 1, 7).merged, unsplit);
  });

  it('an unknown scenario or model is refused before any chunk, with compareScenarios’ message; a chunk out of range, a missing chunk', () => {
    expect(() => scenariosChunks(ukraine, { scenarios: ['nope'] })).toThrow(/unknown scenario "nope" \(the case has: us-disengages, ukraine-nato-salience-falls, europe-hardens, russia-accepts-contact-line\)/);
    expect(() => compareScenarios(ukraine, { scenarios: ['nope'] })).toThrow(/unknown scenario "nope"/);
    expect(() => scenariosChunks(ukraine, { models: ['nope'] })).toThrow(/unknown model "nope"/);
    expect(() => scenariosChunk(tutorial, {}, 1)).toThrow(/chunk 1 is not one of 0\.\.0/);
    const parts = [0, 1].map((i) => scenariosChunk(tutorial, { models: ['compromise'] }, i, 1));
    expect(() => mergeScenarios(tutorial, { models: ['compromise'] }, [parts[1]], 1)).toThrow(/chunk 0 of 2 is missing/);
  });
});

describe('timeline split into chunks', () => {
  it('the tutorial: its dates in one chunk, and one a chunk', () => {
    const unsplit = timeline(tutorial);
    expect(unsplit.points.length).toBe(3);
    expectSameBits(timelineSplit(tutorial, {}).merged, unsplit);
    const one = timelineSplit(tutorial, {}, 1, 5);
    expect(one.n).toBe(3);
    expectSameBits(one.merged, unsplit);
  });

  it('Ukraine: 23 dates in one chunk by default; 4 a chunk (6 chunks, the last of 3) reverse order; a scenario and from/to', () => {
    const unsplit = timeline(ukraine);
    expect(unsplit.points.length).toBe(23);
    expect(timelineChunks(ukraine, {})).toBe(1);
    const four = timelineSplit(ukraine, {}, 4);
    expect(four.n).toBe(6);
    expectSameBits(four.merged, unsplit);
    const opts: TimelineOptions = { scenario: 'us-disengages', from: '2025-11-01', to: '2025-11-30', models: ['compromise', 'smp'] };
    const t = timeline(ukraine, opts);
    expect(t.points.length).toBeGreaterThan(3);
    expectSameBits(timelineSplit(ukraine, opts, 3, 11).merged, t);
  });

  it('a generated 12-actor case with 10 dates, 3 a chunk shuffled', () => {
    const c = generatedCase(12, 3, 6);
    const opts = { models: ['compromise', 'bdm', 'exchange'] };
    const unsplit = timeline(c, opts);
    // 6 stance dates and 4 of 6 evidence dates (2 rejected).
    expect(unsplit.points.length).toBe(10);
    expect(timelineChunks(c, opts, 3)).toBe(4);
    expectSameBits(timelineSplit(c, opts, 3, 8).merged, unsplit);
  });

  it('no date in range: one empty chunk, as timeline; an unknown scenario fails in the chunk as in timeline', () => {
    const opts = { from: '2030-01-01' };
    const empty = timelineSplit(ukraine, opts);
    expect(empty.n).toBe(1);
    expect(empty.merged.points).toEqual([]);
    expectSameBits(empty.merged, timeline(ukraine, opts));
    expect(() => timeline(tutorial, { scenario: 'nope' })).toThrow(/unknown scenario "nope"/);
    expect(() => timelineChunk(tutorial, { scenario: 'nope' }, 0)).toThrow(/unknown scenario "nope"/);
  });

  it('refuses a chunk of other dates', () => {
    const a = timelineChunk(tutorial, {}, 0, 1);
    const b = timelineChunk(tutorial, {}, 1, 1);
    const c = timelineChunk(tutorial, {}, 2, 1);
    expect(() => mergeTimeline(tutorial, {}, [{ ...a, points: b.points }, b, c], 1)).toThrow(/chunk 0 does not hold the points of/);
  });
});

describe('research split into chunks', () => {
  it('the tutorial and Ukraine as of a date: research() bit for bit, chunks those of sensitivity', () => {
    expectSameBits(researchSplit(tutorial, {}, 5, 3).merged, research(tutorial));
    const opts: ForecastOptions = { asOf: '2025-11-28', models: ['compromise', 'nash', 'bdm'] };
    const unsplit = research(ukraine, opts);
    expect(unsplit.items.length).toBeGreaterThan(10);
    const auto = researchSplit(ukraine, opts);
    expectSameBits(auto.merged, unsplit);
    expectSameBits(researchSplit(ukraine, opts, 9, 1).merged, unsplit);
    expect(researchChunk(ukraine, opts, 1, 9)).toEqual(sensitivityChunk(ukraine, opts, 1, 9));
  });

  it('a generated case', () => {
    const c = generatedCase(6, 2);
    const opts = { models: ['compromise', 'exchange'] };
    expectSameBits(researchSplit(c, opts, 4, 2).merged, research(c, opts));
  });
});

describe('the table of split analyses (src/analysis/analysis-chunks.ts)', () => {
  it('each kind runs its own split: the tutorial through the table equals each synchronous analysis', async () => {
    const { caseAnalysisSplits, backtestSplit } = await import('../../src/analysis/analysis-chunks.ts');
    const { sensitivity } = await import('../../src/analysis/sensitivity.ts');
    const opts = { models: ['compromise', 'bdm'] };
    const expected = { sensitivity: sensitivity(tutorial, opts), research: research(tutorial, opts), scenarios: compareScenarios(tutorial, opts), timeline: timeline(tutorial, opts) };
    expect(Object.keys(caseAnalysisSplits).sort()).toEqual(Object.keys(expected).sort());
    for (const kind of Object.keys(expected) as Array<keyof typeof expected>) {
      const split = caseAnalysisSplits[kind] as { chunks: (c: Case, o: object) => number; chunk: (c: Case, o: object, i: number) => unknown; merge: (c: Case, o: object, p: unknown[]) => unknown };
      const n = split.chunks(tutorial, opts);
      expectSameBits(split.merge(tutorial, opts, computeChunks(n, (i) => split.chunk(tutorial, opts, i))), expected[kind]);
    }
    expect(backtestSplit.chunks([], {})).toBe(1);
  });
});

describe('scenarios and timeline split: property', () => {
  it('any generated case, models, chunk size and order: the merges are compareScenarios() and timeline() bit for bit', () => {
    fc.assert(
      fc.property(
        fc.record({ actors: fc.integer({ min: 1, max: 5 }), issues: fc.integer({ min: 1, max: 3 }), dates: fc.integer({ min: 1, max: 6 }), seed: fc.integer({ min: 0, max: 10_000 }) }),
        fc.subarray(modelNames(), { minLength: 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(undefined, 's-weaker'),
        ({ actors, issues, dates, seed }, models, size, order, scenario) => {
          const c = generatedCase(actors, issues, dates, seed);
          const t = { models, ...(scenario ? { scenario } : {}) };
          expectSameBits(timelineSplit(c, t, size, order).merged, timeline(c, t));
          expectSameBits(scenariosSplit(c, { models }, size, order).merged, compareScenarios(c, { models }));
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
