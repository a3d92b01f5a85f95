import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchange, type RealizedExchange } from '../../src/engines/exchange.ts';
import { engines } from '../../src/engines/index.ts';
import type { ModelInput } from '../../src/engines/types.ts';

/** Rows: [capability, positions, saliences]; scales 0-100 unless given. */
function input(rows: Array<[cap: number, pos: number[], sal: number[]]>, scales?: Array<[number, number]>): ModelInput {
  const n = rows.length;
  const m = rows[0][1].length;
  const f = (g: (i: number, k: number) => number) => Float64Array.from({ length: n * m }, (_, j) => g(Math.floor(j / m), j % m));
  return {
    actors: rows.map((_, i) => `A${i}`),
    issues: Array.from({ length: m }, (_, k) => `I${k}`),
    position: f((i, k) => rows[i][1][k]),
    salience: f((i, k) => rows[i][2][k]),
    capability: f((i) => rows[i][0]),
    scaleMin: Float64Array.from({ length: m }, (_, k) => scales?.[k][0] ?? 0),
    scaleMax: Float64Array.from({ length: m }, (_, k) => scales?.[k][1] ?? 100),
    statusQuo: new Float64Array(m).fill(NaN),
  };
}

const exchangesOf = (r: { rounds: Array<Record<string, unknown>> }, round: number) => r.rounds[round].exchanges as RealizedExchange[];

describe('exchange (equal gain), hand-computed', () => {
  // A cares about I0 (s .9) and little about I1 (s .1); B the reverse; both c = 1, at opposite ends.
  // O_0 = (.9·0 + .1·100)/1 = 10, O_1 = (.1·0 + .9·100)/1 = 90. A has the higher s_0/s_1, so A
  // supplies I1 and demands I0. B moving fully to 0 on I0: ΔO_0 = 100·.1/1 = 10; equal gain
  // ΔO_1 = 10·(.9+.1)/(.1+.9) = 10, so A moves 10·1/.1 = 100 on I1 (exactly to B).
  // Gain = .9·10 − .1·10 = 8 for both.
  const two = input([
    [1, [0, 0], [0.9, 0.1]],
    [1, [100, 100], [0.1, 0.9]],
  ]);

  it('realizes the one exchange with equal gain 8 and moves the outcome to (0, 100)', () => {
    const r = exchange(two, { rounds: 1 });
    expect(r.rounds[0].outcome[0]).toBeCloseTo(10, 12);
    expect(r.rounds[0].outcome[1]).toBeCloseTo(90, 12);
    const ex = exchangesOf(r, 1);
    expect(ex).toHaveLength(1);
    expect(ex[0]).toMatchObject({ i: 'A0', supplyI: 'I1', j: 'A1', supplyJ: 'I0', fromI: 0, toI: 100, fromJ: 100, toJ: 0 });
    expect(ex[0].gain).toBeCloseTo(8, 12);
    expect(ex[0].gainI).toBeCloseTo(8, 12);
    expect(ex[0].gainJ).toBeCloseTo(8, 12);
    expect(r.outcome[0]).toBeCloseTo(0, 12);
    expect(r.outcome[1]).toBeCloseTo(100, 12);
    expect(r.rounds[1].positions).toEqual([
      [0, 100],
      [0, 100],
    ]);
    expect(r.rounds[1].moves.map((mv) => [mv.actor, mv.issue, mv.from, mv.to])).toEqual([
      [0, 1, 0, 100],
      [1, 0, 100, 0],
    ]);
    expect(r.rounds[1].moves[0].why).toContain('exchanged with A1');
  });

  it('restarts each mover at x + ((1 − s)·0.4 + 0.1)(y − x) and trades again in round 2', () => {
    // Restart: A on I1 (s .1): 0 + .46·100 = 46; B on I0 (s .1): 100 − .46·100 = 54.
    // Round 2: O_0 = .1·54 = 5.4, O_1 = .1·46 + .9·100 = 94.6; B moving 54 → 0 gives ΔO_0 = 5.4,
    // ΔO_1 = 5.4, A moves 5.4/.1 = 54 (46 → 100); gain = .9·5.4 − .1·5.4 = 4.32.
    const r = exchange(two, { rounds: 2 });
    const ex = exchangesOf(r, 2);
    expect(ex).toHaveLength(1);
    expect(ex[0].fromI).toBeCloseTo(46, 12);
    expect(ex[0].fromJ).toBeCloseTo(54, 12);
    expect(ex[0].gain).toBeCloseTo(4.32, 12);
    expect(r.outcome).toEqual([expect.closeTo(0, 12), expect.closeTo(100, 12)]);
  });

  it('works on each issue’s own scale (decide normalizes to 0-100 internally)', () => {
    // The same case with I0 on a 0-10 scale: the same exchange, reported on 0-10.
    const scaled = input(
      [
        [1, [0, 0], [0.9, 0.1]],
        [1, [10, 100], [0.1, 0.9]],
      ],
      [
        [0, 10],
        [0, 100],
      ],
    );
    const r = exchange(scaled, { rounds: 1 });
    expect(r.rounds[0].outcome[0]).toBeCloseTo(1, 12);
    const ex = exchangesOf(r, 1)[0];
    expect(ex.gain).toBeCloseTo(8, 12);
    expect(ex.fromJ).toBe(10);
    expect(ex.toJ).toBeCloseTo(0, 12);
    expect(ex.moveJ).toBeCloseTo(-10, 12);
  });

  it('caps i’s move at j’s position and derives j’s move (the second branch of equal gain)', () => {
    // A: I0 at 0 (s .5), I1 at 0 (s .1); B: I0 at 100 (s .5), I1 at 100 (s .9); c = 1.
    // O_0 = 50, O_1 = 90. s_A0/s_A1 = 5 > s_B0/s_B1: A supplies I1. B fully to 0: ΔO_0 = 100·.5/1 = 50;
    // ΔO_1 = 50·(.5+.5)/(.1+.9) = 50 → A would move 50/.1 = 500 > 100: capped at 100, ΔO_1 = 100·.1/1 = 10,
    // ΔO_0 = 10·1/1 = 10, B moves 10·1/.5 = 20 (100 → 80). Gain = .5·10 − .1·10 = 4.
    const r = exchange(
      input([
        [1, [0, 0], [0.5, 0.1]],
        [1, [100, 100], [0.5, 0.9]],
      ]),
      { rounds: 1 },
    );
    const ex = exchangesOf(r, 1);
    expect(ex).toHaveLength(1);
    expect(ex[0].toI).toBeCloseTo(100, 12);
    expect(ex[0].toJ).toBeCloseTo(80, 12);
    expect(ex[0].gain).toBeCloseTo(4, 12);
    expect(r.outcome[0]).toBeCloseTo(40, 12);
  });

  it('finds no exchange when no two actors are on opposite sides of both outcomes', () => {
    // A and B agree on I0 (both at 20, the outcome): nobody is left of it, so no pair qualifies.
    const r = exchange(
      input([
        [1, [20, 0], [0.9, 0.1]],
        [1, [20, 100], [0.1, 0.9]],
      ]),
      { rounds: 3 },
    );
    expect(r.rounds.slice(1).every((rd) => (rd.exchanges as unknown[]).length === 0)).toBe(true);
    expect(r.outcome).toEqual(r.rounds[0].outcome);
  });

  it('records externalities: own gains for the pair, and zero for an actor absent from the issues', () => {
    const three = input([
      [1, [0, 0], [0.9, 0.1]],
      [1, [100, 100], [0.1, 0.9]],
      [1, [50, 50], [0, 0]],
    ]);
    const r = exchange(three, { rounds: 1 });
    const ext = r.rounds[1].externalities as Array<{ actor: string; own: number; innerPositive: number; outerNegative: number }>;
    expect(ext.map((x) => x.actor)).toEqual(['A0', 'A1', 'A2']);
    expect(ext[0].own).toBeCloseTo(8, 12);
    expect(ext[1].own).toBeCloseTo(8, 12);
    expect(ext[2]).toMatchObject({ own: 0, innerPositive: 0, outerNegative: 0 });
  });

  it('is registered as "exchange" and its rounds are plain JSON', () => {
    expect(engines.exchange).toBe(exchange);
    const r = exchange(two, { rounds: 2 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.params).toMatchObject({ rounds: 2, variant: 'equal-gain', p: 0 });
  });

  it('rejects bad parameters', () => {
    expect(() => exchange(two, { rounds: -1 })).toThrow(/rounds/);
    expect(() => exchange(two, { variant: 'other' as never })).toThrow(/variant/);
    expect(() => exchange(two, { variant: 'random', p: 2 })).toThrow(/p must be/);
  });
});

/** Random cases: N actors × M issues, positions 0-100, saliences in (0,1], capabilities in (0,1]. */
const arbCase = fc
  .record({ n: fc.integer({ min: 2, max: 7 }), m: fc.integer({ min: 2, max: 5 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      pos: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n * m, maxLength: n * m }),
      sal: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n * m, maxLength: n * m }),
      cap: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ n, m, pos, sal, cap }) => input(Array.from({ length: n }, (_, i) => [cap[i] / 100, pos.slice(i * m, i * m + m), sal.slice(i * m, i * m + m).map((s) => s / 100)])));

describe('exchange, properties', () => {
  it('every realized exchange has a positive gain, equal for both sides', () => {
    fc.assert(
      fc.property(arbCase, (mi) => {
        const r = exchange(mi, { rounds: 3 });
        for (const rd of r.rounds.slice(1)) {
          for (const ex of rd.exchanges as RealizedExchange[]) {
            expect(ex.gain).toBeGreaterThan(0);
            expect(Math.abs(ex.gainI - ex.gain)).toBeLessThan(1e-9);
            expect(Math.abs(ex.gainJ - ex.gain)).toBeLessThan(1e-9);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the outcome stays within the actors’ range on every issue, every round (both variants)', () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom('equal-gain', 'random'), (mi, variant) => {
        const n = mi.actors.length;
        const m = mi.issues.length;
        const r = exchange(mi, { rounds: 4, variant: variant as 'equal-gain' | 'random', p: 1, seed: 7 });
        for (let k = 0; k < m; k++) {
          let lo = Infinity;
          let hi = -Infinity;
          for (let i = 0; i < n; i++) {
            lo = Math.min(lo, mi.position[i * m + k]);
            hi = Math.max(hi, mi.position[i * m + k]);
          }
          for (const rd of r.rounds) {
            expect(rd.outcome[k]).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(rd.outcome[k]).toBeLessThanOrEqual(hi + 1e-9);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('REX: the same seed gives the same result bit for bit; gains stay non-negative', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 1e6 }), (mi, seed) => {
        const a = exchange(mi, { rounds: 3, variant: 'random', p: 0.8, seed });
        const b = exchange(mi, { rounds: 3, variant: 'random', p: 0.8, seed });
        expect(b).toEqual(a);
        for (const rd of a.rounds.slice(1)) {
          for (const ex of rd.exchanges as RealizedExchange[]) {
            expect(ex.gainI).toBeGreaterThanOrEqual(-1e-9);
            expect(ex.gainJ).toBeGreaterThanOrEqual(-1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('REX divides the gain unequally, differently for different seeds', () => {
    const mi = input([
      [1, [0, 0, 100], [0.9, 0.2, 0.5]],
      [1, [100, 100, 0], [0.2, 0.9, 0.6]],
      [0.5, [30, 80, 40], [0.6, 0.4, 0.7]],
      [0.7, [90, 10, 60], [0.5, 0.8, 0.3]],
    ]);
    const a = exchangesOf(exchange(mi, { rounds: 1, variant: 'random', p: 1, seed: 1 }), 1);
    const b = exchangesOf(exchange(mi, { rounds: 1, variant: 'random', p: 1, seed: 2 }), 1);
    expect(a.some((ex) => Math.abs(ex.gainI - ex.gainJ) > 1e-6)).toBe(true);
    expect(a.map((ex) => ex.gainI)).not.toEqual(b.map((ex) => ex.gainI));
    // p = 0 is the equal-gain model.
    const eq = exchange(mi, { rounds: 2 });
    const p0 = exchange(mi, { rounds: 2, variant: 'random', p: 0, seed: 3 });
    expect(p0.outcome).toEqual(eq.outcome);
  });
});

describe('exchange: explain and tie decisions', () => {
  it('explain: false gives the same outcomes, round by round, bit for bit, without the records', () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom('equal-gain', 'random'), fc.integer({ min: 0, max: 1e6 }), (mi, variant, seed) => {
        const params = { rounds: 4, variant: variant as 'equal-gain' | 'random', p: 0.7, seed };
        const full = exchange(mi, params);
        const lean = exchange(mi, { ...params, explain: false });
        expect(lean.outcome).toEqual(full.outcome);
        expect(lean.rounds.map((rd) => rd.outcome)).toEqual(full.rounds.map((rd) => rd.outcome));
        expect(lean.rounds.map((rd) => rd.ties)).toEqual(full.rounds.map((rd) => rd.ties));
        for (const rd of lean.rounds) {
          expect(rd.moves).toEqual([]);
          expect(rd.positions).toEqual([]);
          expect(rd.exchanges).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a run after another on a different case is unaffected by the reused working arrays', () => {
    const small = input([
      [1, [0, 0], [0.9, 0.1]],
      [1, [100, 100], [0.1, 0.9]],
    ]);
    const big = input([
      [1, [0, 0, 100], [0.9, 0.2, 0.5]],
      [1, [100, 100, 0], [0.2, 0.9, 0.6]],
      [0.5, [30, 80, 40], [0.6, 0.4, 0.7]],
      [0.7, [90, 10, 60], [0.5, 0.8, 0.3]],
    ]);
    const first = exchange(small, { rounds: 3 });
    exchange(big, { rounds: 5 });
    expect(exchange(small, { rounds: 3 })).toEqual(first);
  });

  // Alpha against two identical partners: (B1, Alpha) and (B2, Alpha) have exactly equal gains, B1's
  // listed first. Decision 0 realizes the first (B1), 1 the runner-up (B2); 2 and 3 take B2's as the
  // one decide's sort put first, so 2 realizes B2 and 3 (the coin on top of the swap) B1.
  it('tie decisions: 0/1 are decide’s coin, 2/3 the same after swapping which equal gain is listed first', () => {
    const mi = input([
      [1, [0, 0], [0.9, 0.1]],
      [1, [100, 100], [0.1, 0.9]],
      [1, [100, 100], [0.1, 0.9]],
    ]);
    const partner = (d: number) => {
      const ex = exchangesOf(exchange(mi, { rounds: 1, tieChoices: [d] }), 1)[0];
      expect(ex.i).toBe('A0'); // the higher s_0/s_1: Alpha supplies I1
      return ex.j;
    };
    expect([0, 1, 2, 3].map(partner)).toEqual(['A1', 'A2', 'A2', 'A1']);
    expect(exchange(mi, { rounds: 1, tieChoices: [0] }).rounds[1].ties).toBe(1);
  });
});
