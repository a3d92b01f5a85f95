import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, SimulationCancelled } from '../../src/analysis/index.ts';
import { pert, quantileSorted, triangular, drawEstimate } from '../../src/analysis/distributions.ts';
import { runBatch } from '../../src/analysis/montecarlo-core.ts';
import { emptyModelInput, inputPlan, setEstimate, toModelInput } from '../../src/case/model-input.ts';
import { loadCaseFile } from '../../src/case/load.ts';
import { engines } from '../../src/engines/index.ts';
import { createRng } from '../../src/engines/random.ts';
import { projectRoot } from '../helpers/reference.ts';
import { parse, threeActors } from './cases.ts';
import type { Case, CaseInput } from '../../src/case/schema.ts';

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

/**
 * Every kind of slot the flat plan must fill: a stance with its own ranged capability, a pair
 * without a stance (status quo, salience 0, the actor's capability), an actor capability range,
 * draws that leave the scale (clamped) and saliences that leave 0–100 (clamped), and a later
 * dated stance that replaces an earlier one.
 */
const everySlot: CaseInput = {
  id: 'slots',
  title: 'Every slot',
  actors: [
    { id: 'a', name: 'Alpha', kind: 'state', capability: { value: 40, low: 10, high: 90 } },
    { id: 'b', name: 'Beta', kind: 'state', capability: 20 },
    { id: 'c', name: 'Gamma', kind: 'state', capability: { value: 5, low: 0, high: 5 } },
  ],
  issues: [
    { id: 'x', title: 'X', statusQuo: 10, scale: { min: 0, max: 100 } },
    { id: 'y', title: 'Y', statusQuo: 70, scale: { min: 0, max: 100 } },
  ],
  stances: [
    { actor: 'a', issue: 'x', position: { value: 20, low: 0, high: 60 }, salience: { value: 90, low: 60, high: 100 }, capability: { value: 30, low: 5, high: 80 } },
    { actor: 'a', issue: 'y', position: 55, salience: { value: 50, low: 10, high: 90 } },
    { actor: 'b', issue: 'x', position: { value: 80, low: 40, high: 100 }, salience: 70, date: '2025-01-01' },
    { actor: 'b', issue: 'x', position: { value: 90, low: 70, high: 100 }, salience: { value: 60, low: 30, high: 100 }, date: '2025-03-01' },
    { actor: 'c', issue: 'y', position: { value: 100, low: 90, high: 100 }, salience: 100, capability: 3 },
  ],
};

/** The per-run path before the flat plan: toModelInput with a drawing picker, engines explaining. */
function rebuiltRun(c: Case, models: string[], seed: number, distribution: 'triangular' | 'uniform' | 'beta', r: number): number[][] {
  const rng = createRng(seed, r);
  const input = toModelInput(c, (e) => drawEstimate(e, distribution, rng));
  const engineSeed = Math.floor(rng() * 2 ** 32);
  return models.map((name) => engines[name](input, { seed: engineSeed }).outcome);
}

describe('the flat input plan', () => {
  const cases: Array<[string, () => Promise<Case>]> = [
    ['every kind of slot', async () => parse(everySlot)],
    ['examples/ukraine-2025.yaml', () => loadCaseFile(`${projectRoot}/examples/ukraine-2025.yaml`)],
  ];

  it.each(cases)('fills the arrays toModelInput builds (%s)', async (_name, load) => {
    const c = await load();
    for (const pick of [(e: { value: number }) => e.value, (e: { value: number; low?: number }) => (e.low ?? e.value) - 7, (e: { value: number; high?: number }) => (e.high ?? e.value) + 7]) {
      const plan = inputPlan(c);
      const input = emptyModelInput(plan);
      for (let e = 0; e < plan.value.length; e++) setEstimate(plan, input, e, pick({ value: plan.value[e], low: Number.isNaN(plan.low[e]) ? undefined : plan.low[e], high: Number.isNaN(plan.high[e]) ? undefined : plan.high[e] }));
      expect(input).toEqual(toModelInput(c, pick));
    }
  });

  it('bounds each slot as the engines expect', () => {
    const input = toModelInput(parse(everySlot), (e) => (e.high ?? e.value) + 7);
    // Rows a, b, c × issues x, y. a's own capability on x (80 + 7), its actor capability on y (90 + 7);
    // c on x has no stance: status quo 10, salience 0, actor capability 5 + 7.
    expect([...input.capability]).toEqual([87, 97, 27, 27, 12, 10]);
    expect([...input.position]).toEqual([67, 62, 100, 70, 10, 100]);
    expect([...input.salience]).toEqual([1, 0.97, 1, 0, 0, 1]);
  });

  it.each(cases)('gives the numbers of the per-run rebuild, every model, every distribution (%s)', async (_name, load) => {
    const c = await load();
    const models = ['compromise', 'median', 'nash', 'bdm'];
    for (const distribution of ['triangular', 'uniform', 'beta'] as const) {
      const out = runBatch({ input: inputPlan(c), models, seed: 11, distribution, params: {} }, 30, 45);
      const m = c.issues.length;
      for (let r = 30; r < 45; r++) {
        const expected = rebuiltRun(c, models, 11, distribution, r);
        models.forEach((_model, j) => {
          for (let k = 0; k < m; k++) expect(Object.is(out[j][(r - 30) * m + k], expected[j][k])).toBe(true);
        });
      }
    }
  });
});
