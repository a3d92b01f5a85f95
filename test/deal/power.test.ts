import { describe, expect, it } from 'vitest';
import { powerIndices, minimalBlocking, type WeightedGame } from '../../src/deal/power.ts';

const game = (weights: number[], quota: number, minCount = 0): WeightedGame => ({
  players: weights.map((_, i) => `p${i}`),
  weights,
  quota,
  minCount,
});

describe('power indices', () => {
  // EEC Council of Ministers 1958 (France, Germany, Italy 4; Belgium, Netherlands 2; Luxembourg 1;
  // quota 12 of 17). Shapley-Shubik 14/60, 14/60, 14/60, 9/60, 9/60, 0 and normalised Banzhaf
  // 5/21, 5/21, 5/21, 3/21, 3/21, 0: Felsenthal & Machover, The Measurement of Voting Power (1998), ch. 5.
  it('reproduces the published EEC 1958 values (generating functions)', () => {
    const r = powerIndices(game([4, 4, 4, 2, 2, 1], 12));
    expect(r.method).toBe('exact');
    [14, 14, 14, 9, 9, 0].forEach((x, i) => expect(r.ss[i]).toBeCloseTo(x / 60, 6));
    [5, 5, 5, 3, 3, 0].forEach((x, i) => expect(r.banzhaf[i]).toBeCloseTo(x / 21, 6));
  });

  it('agrees between enumeration (non-integer weights) and generating functions', () => {
    const irr = powerIndices(game([4, 4, 4, 2, 2, 1].map((x) => x * Math.SQRT2), 12 * Math.SQRT2));
    expect(irr.method).toBe('exact');
    [14, 14, 14, 9, 9, 0].forEach((x, i) => expect(irr.ss[i]).toBeCloseTo(x / 60, 6));
    [5, 5, 5, 3, 3, 0].forEach((x, i) => expect(irr.banzhaf[i]).toBeCloseTo(x / 21, 6));
  });

  it('gives each of n veto holders 1/n under unanimity, and a single decider everything', () => {
    const u = powerIndices(game([1, 1, 1, 1], 4));
    u.ss.forEach((x) => expect(x).toBeCloseTo(0.25, 9));
    u.banzhaf.forEach((x) => expect(x).toBeCloseTo(0.25, 9));
    const s = powerIndices(game([1], 1));
    expect(s.ss).toEqual([1]);
    expect(s.banzhaf).toEqual([1]);
  });

  it('respects a count threshold', () => {
    // weights 3,1,1, quota 3, at least 2 members: the big voter needs one partner; each small one
    // is pivotal only with the big one. SS: orders where p0 is 2nd (4 of 6) -> 2/3; p1, p2 1/6 each.
    const r = powerIndices(game([3, 1, 1], 3, 2));
    expect(r.ss[0]).toBeCloseTo(2 / 3, 9);
    expect(r.ss[1]).toBeCloseTo(1 / 6, 9);
    // swings: p0 in {p0,p1},{p0,p2},{p0,p1,p2} = 3; p1 in {p0,p1} = 1; p2 1 -> 3/5, 1/5, 1/5
    expect(r.banzhaf[0]).toBeCloseTo(3 / 5, 9);
    expect(r.banzhaf[2]).toBeCloseTo(1 / 5, 9);
  });

  it('samples close to the exact values on a 30-actor game, reproducibly', () => {
    const weights = Array.from({ length: 30 }, (_, i) => 1 + (i % 7));
    const total = weights.reduce((s, w) => s + w, 0);
    const g = game(weights, Math.ceil(0.6 * total));
    expect(powerIndices(g).method).toBe('sampled'); // beyond 25 actors
    const ref = powerIndices(g, { exactUpTo: 30 });
    expect(ref.method).toBe('exact');
    const a = powerIndices(g, { samples: 20_000, seed: 3 });
    const b = powerIndices(g, { samples: 20_000, seed: 3 });
    expect(a.ss).toEqual(b.ss);
    a.ss.forEach((x, i) => expect(Math.abs(x - ref.ss[i])).toBeLessThan(0.01));
    a.banzhaf.forEach((x, i) => expect(Math.abs(x - ref.banzhaf[i])).toBeLessThan(0.01));
    expect(a.ss.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('finds the minimal blocking coalitions', () => {
    const g = game([4, 4, 4, 2, 2, 1], 12);
    // total 17, quota 12: a blocking set must withhold at least 6: two 4s, or a 4 and a 2
    // (2+2+1 = 5 withholds too little, so Luxembourg is in no minimal blocking set)
    const b = minimalBlocking(g, g.players);
    expect(b.map((x) => x.join('+')).sort()).toEqual(
      ['p0+p1', 'p0+p2', 'p1+p2', 'p0+p3', 'p0+p4', 'p1+p3', 'p1+p4', 'p2+p3', 'p2+p4'].sort(),
    );
  });
});

describe('parley power', () => {
  it('prints each veto holder 1/3 and the single-actor blocking sets on the Ukraine case (JSON)', async () => {
    const { runCli } = await import('../cli/run.ts');
    const r = await runCli('power', 'examples/ukraine-2025.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rule).toBe('unanimity');
    for (const id of ['usa', 'russia', 'ukraine']) {
      const a = j.actors.find((x: { actor: string }) => x.actor === id);
      expect(a.shapleyShubik).toBeCloseTo(1 / 3, 9);
      expect(a.banzhaf).toBeCloseTo(1 / 3, 9);
    }
    expect(j.blocking.map((b: string[]) => b.join('+')).sort()).toEqual(['russia', 'ukraine', 'usa']);
  });

  it('refuses an unknown issue with exit code 2', async () => {
    const { runCli } = await import('../cli/run.ts');
    const r = await runCli('power', 'examples/ukraine-2025.yaml', '--issue', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown issue "nope"/);
  });
});
