import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, SimulationCancelled } from '../../src/analysis/index.ts';
import { pert, quantileSorted, triangular, drawEstimate } from '../../src/analysis/distributions.ts';
import { runBatch } from '../../src/analysis/montecarlo-core.ts';
import { inputPlan } from '../../src/case/model-input.ts';
import { createRng } from '../../src/engines/random.ts';
import { parse, threeActors } from './cases.ts';
import type { CaseInput } from '../../src/case/schema.ts';

/** One actor whose position is {50, 0–100}: the compromise forecast is that position itself. */
const oneUncertain: CaseInput = {
  id: 'one',
  title: 'One uncertain position',
  actors: [{ id: 'a', name: 'Alpha', kind: 'state', capability: 1 }, { id: 'b', name: 'Beta', kind: 'state', capability: 1 }],
  issues: [{ id: 'x', title: 'X', statusQuo: 0 }],
  stances: [
    { actor: 'a', issue: 'x', position: { value: 50, low: 0, high: 100 }, salience: 100 },
    { actor: 'b', issue: 'x', position: 30, salience: 0, redLine: { max: 50, veto: true } },
  ],
  drafts: [{ id: 'd', title: 'D', date: '2025-01-01', points: [{ number: 1, text: 'p', values: { x: 97 } }, { number: 2, text: 'q', values: { x: 50 } }] }],
};

describe('distributions', () => {
  it('inverts the triangular CDF', () => {
    expect(triangular(0, 0, 10, 0.5)).toBeCloseTo(10 - Math.sqrt(50), 12);
    // Symmetric 0/50/100: F(x) = x²/5000 below the mode, so the 5 % point is √250 = 15.81…
    expect(triangular(0, 50, 100, 0.05)).toBeCloseTo(Math.sqrt(250), 12);
    expect(triangular(0, 50, 100, 0.5)).toBeCloseTo(50, 12);
  });

  it('draws PERT with mean (low + 4 mode + high) / 6', () => {
    const rng = createRng(3, 0);
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) sum += pert(0, 20, 100, rng);
    // Mean (0 + 80 + 100)/6 = 30; sd of PERT(0,20,100) ≈ 17.6, so the mean of 20000 is within ±0.4 (3 se).
    expect(sum / n).toBeGreaterThan(29.6);
    expect(sum / n).toBeLessThan(30.4);
  });

  it('leaves an estimate without a range fixed, drawing nothing', () => {
    const rng = createRng(1, 0);
    expect(drawEstimate({ value: 7 }, 'triangular', rng)).toBe(7);
    expect(rng()).toBe(createRng(1, 0)());
  });

  it('interpolates quantiles (Hyndman & Fan type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantileSorted([10], 0.95)).toBe(10);
  });
});

describe('simulate', () => {
  it('draws run r from stream r of the seed alone', () => {
    const c = parse(oneUncertain);
    const out = runBatch({ input: inputPlan(c), models: ['compromise'], seed: 9, distribution: 'uniform', params: {} }, 5, 7)[0];
    // Run 5's only random estimate is a's position: 0 + 100·u with u the first draw of stream 5.
    expect(out[0]).toBe(100 * createRng(9, 5)());
    expect(out[1]).toBe(100 * createRng(9, 6)());
  });

  it('recovers the quantiles of a known distribution', async () => {
    const r = await simulate(parse(oneUncertain), { runs: 4000, seed: 1, workers: 1, models: ['compromise'], distribution: 'triangular' });
    const q = r.quantiles.compromise.x;
    // Triangular 0/50/100: 5 % at √250 = 15.81, 25 % at √1250 = 35.36, median 50; the se at n = 4000 is < 0.6.
    expect(q.p05).toBeGreaterThan(15.81 - 1.5);
    expect(q.p05).toBeLessThan(15.81 + 1.5);
    expect(q.p25).toBeGreaterThan(35.36 - 1.5);
    expect(q.p25).toBeLessThan(35.36 + 1.5);
    expect(Math.abs(q.p50 - 50)).toBeLessThan(1.5);
    expect(Math.abs(q.p95 - (100 - Math.sqrt(250)))).toBeLessThan(1.5);
    // b's veto line x ≤ 50 holds in half the runs.
    expect(Math.abs(r.acceptance.compromise.vetoHolders - 0.5)).toBeLessThan(0.03);
    expect(r.acceptance.compromise.everyActor).toBe(r.acceptance.compromise.vetoHolders);
    expect(r.randomEstimates).toBe(1);
    const p97 = r.draftPoints.find((p) => p.point === '1')!;
    const p50 = r.draftPoints.find((p) => p.point === '2')!;
    expect(p97.withinInterval).toBe(false);
    // P(X ≤ 97) = 1 − 3²/5000 = 0.9982.
    expect(Math.abs(p97.quantileRank - 0.9982)).toBeLessThan(0.005);
    expect(p50.withinInterval).toBe(true);
  });

  it('uniform draws spread evenly', async () => {
    const r = await simulate(parse(oneUncertain), { runs: 4000, seed: 2, workers: 1, distribution: 'uniform', models: ['compromise'] });
    const q = r.quantiles.compromise.x;
    expect(Math.abs(q.p05 - 5)).toBeLessThan(1.5);
    expect(Math.abs(q.p75 - 75)).toBeLessThan(2);
  });

  it('gives the same bytes with 1 and with 4 worker threads', async () => {
    const c = parse(threeActors);
    // Every model (the randomized ones draw their seed from the run's stream); 1000 runs = 4 batches, one per thread.
    const opts = { runs: 1000, seed: 42, models: ['all'], distribution: 'beta' as const };
    const one = await simulate(c, { ...opts, workers: 1 });
    const four = await simulate(c, { ...opts, workers: 4 });
    expect(JSON.stringify(four)).toBe(JSON.stringify(one));
    const other = await simulate(c, { ...opts, models: ['compromise'], seed: 43, workers: 1 });
    const same = await simulate(c, { ...opts, models: ['compromise'], workers: 1 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(same));
    // Threads left to simulate (it decides after timing the first batch): the same bytes again.
    const { workers: _w, ...unset } = { ...opts, models: ['compromise'], workers: undefined };
    expect(JSON.stringify(await simulate(c, unset))).toBe(JSON.stringify(same));
  });

  it('reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    await simulate(parse(threeActors), { runs: 600, seed: 1, workers: 1, models: ['compromise'], onProgress: (d, t) => seen.push(d / t) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBe(3);
    const ac = new AbortController();
    const run = simulate(parse(threeActors), { runs: 100000, seed: 1, workers: 2, models: ['compromise'], signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toBeInstanceOf(SimulationCancelled);
  });

  it('rejects bad options clearly', async () => {
    await expect(simulate(parse(threeActors), { runs: 0 })).rejects.toThrow(/runs must be an integer/);
    await expect(simulate(parse(threeActors), { distribution: 'normal' as never })).rejects.toThrow(/unknown distribution "normal"/);
    await expect(simulate(parse(threeActors), { models: ['nope'] })).rejects.toThrow(/unknown model "nope"/);
  });

  it('orders every run set quantiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 2, maxLength: 4 }),
        fc.constantFrom('triangular', 'uniform', 'beta'),
        async (seed, pos, distribution) => {
          const c = parse({
            id: 'q',
            title: 'q',
            actors: pos.map((_, i) => ({ id: `a${i}`, name: `A${i}`, kind: 'state' as const, capability: { value: 50, low: 10, high: 90 } })),
            issues: [{ id: 'x', title: 'X', statusQuo: 0 }],
            stances: pos.map((p, i) => {
              const [lo, mid, hi] = [...p].sort((u, v) => u - v);
              return { actor: `a${i}`, issue: 'x', position: { value: mid, low: lo, high: hi }, salience: { value: 50, low: 20, high: 80 } };
            }),
          });
          const r = await simulate(c, { runs: 200, seed, workers: 1, distribution, models: ['compromise', 'median'] });
          for (const model of r.models) {
            const q = r.quantiles[model].x;
            expect(q.p05).toBeLessThanOrEqual(q.p25);
            expect(q.p25).toBeLessThanOrEqual(q.p50);
            expect(q.p50).toBeLessThanOrEqual(q.p75);
            expect(q.p75).toBeLessThanOrEqual(q.p95);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
