import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/analysis/index.ts';
import { chunkRange, combineChunks, planChunks, runChunk } from '../../src/analysis/montecarlo-chunks.ts';
import { loadCaseFile } from '../../src/case/load.ts';
import { canonicalJson } from '../../src/store/hash.ts';
import { projectRoot } from '../helpers/reference.ts';

describe('chunked Monte Carlo', () => {
  it('gives simulate()\'s result bit for bit, whatever the chunk size and the order chunks are computed in', async () => {
    const c = await loadCaseFile(`${projectRoot}/examples/tutorial.yaml`);
    const opts = { runs: 2345, seed: 42, models: ['compromise', 'bdm'] };
    const whole = await simulate(c, { ...opts, workers: 1 });
    for (const size of [2345, 1000, 333]) {
      const sim = planChunks(c, opts, size);
      expect(sim.chunks).toBe(Math.ceil(2345 / size));
      const chunks = new Map<number, Uint8Array>();
      // Backwards: the order of computation does not matter.
      for (let i = sim.chunks - 1; i >= 0; i--) chunks.set(i, runChunk(sim, i));
      const result = combineChunks(sim, chunks, { asOf: null, scenario: null, caseRef: { id: c.id, title: c.title } });
      expect(canonicalJson(result)).toBe(canonicalJson(whole));
    }
  });

  it('names the last chunk\'s short range and refuses a missing chunk', async () => {
    const c = await loadCaseFile(`${projectRoot}/examples/tutorial.yaml`);
    const sim = planChunks(c, { runs: 2500, seed: 1, models: ['compromise'] }, 1000);
    expect(chunkRange(sim, 2)).toEqual([2000, 2500]);
    expect(() => chunkRange(sim, 3)).toThrow(/not one of 0..2/);
    expect(() => combineChunks(sim, new Map([[0, runChunk(sim, 0)]]), { asOf: null, scenario: null, caseRef: { id: c.id, title: c.title } })).toThrow(/chunk 1 of 3 is missing/);
  });
});
