import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTLOOK_LEVELS } from '../../src/analysis/outlook-types.ts';
import { brierScore, covers, crpsFromQuantiles, quantileAt, recordOutlook, scoreEntry, scoreRecord, sealEntry, type Entry, type Resolution } from '../../src/record/index.ts';
import '../helpers/fast-check-seed.ts';
import { question, sampleDraft, sampleOutlook, uniformQuantiles } from './fixtures.ts';

const L = [...OUTLOOK_LEVELS];

/** 2∫₀¹ QS_τ(Q(τ), y) dτ by the midpoint rule: the quantile-score form of the CRPS (Gneiting & Raftery 2007). */
function crpsByQuantileScore(levels: number[], q: number[], y: number, steps = 200_000): number {
  let s = 0;
  for (let i = 0; i < steps; i++) {
    const tau = (i + 0.5) / steps;
    const x = quantileAt(levels, q, tau);
    s += ((y < x ? 1 : 0) - tau) * (x - y);
  }
  return (2 * s) / steps;
}

describe('CRPS from quantiles', () => {
  it('a point forecast scores its absolute error', () => {
    const q = L.map(() => 30);
    expect(crpsFromQuantiles(L, q, 42)).toBe(12);
    expect(crpsFromQuantiles(L, q, 30)).toBe(0);
    expect(crpsFromQuantiles(L, q, 0)).toBe(30);
  });

  it('a uniform distribution: the closed form ((y−a)² + (b−y)²)/(2(b−a)) − (b−a)/6', () => {
    // Levels 0, ½, 1 make the piecewise-linear CDF exactly U(0, 10).
    const U = (y: number) => ((y - 0) ** 2 + (10 - y) ** 2) / 20 - 10 / 6;
    expect(crpsFromQuantiles([0, 0.5, 1], [0, 5, 10], 3)).toBeCloseTo(U(3), 12); // 1.2333…
    expect(crpsFromQuantiles([0, 0.5, 1], [0, 5, 10], 3)).toBeCloseTo(58 / 20 - 10 / 6, 12);
    expect(crpsFromQuantiles([0, 0.5, 1], [0, 5, 10], 5)).toBeCloseTo(2.5 - 10 / 6, 12);
    // Outside the support: |y − 5| − (b − a)/6.
    expect(crpsFromQuantiles([0, 0.5, 1], [0, 5, 10], 15)).toBeCloseTo(10 - 10 / 6, 12);
    expect(crpsFromQuantiles([0, 1], [0, 10], -2)).toBeCloseTo(7 - 10 / 6, 12);
  });

  it('U(0, 1) at the outlook levels: the tails beyond 2.5 % and 97.5 % are point masses (hand-computed)', () => {
    // F = 0 below .025, a jump to .025, then F(x) = x up to .975, a jump to 1.
    // At y = .5: ∫_{.025}^{.5} x² dx + ∫_{.5}^{.975} (1 − x)² dx = 2·(.5³ − .025³)/3.
    expect(crpsFromQuantiles(L, uniformQuantiles(0, 1), 0.5)).toBeCloseTo((2 * (0.125 - 0.025 ** 3)) / 3, 12);
    // The exact uniform gives 1/12 at y = .5; the recorded one, with its tails pulled in, a little less.
    expect(crpsFromQuantiles(L, uniformQuantiles(0, 1), 0.5)).toBeLessThan(1 / 12);
  });

  it('equals the quantile-score integral of the same quantile function (random quantiles and outcomes)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 150, noNaN: true }), { minLength: L.length, maxLength: L.length }), fc.double({ min: -100, max: 200, noNaN: true }), (raw, y) => {
        const q = [...raw].sort((a, b) => a - b);
        const exact = crpsFromQuantiles(L, q, y);
        expect(exact).toBeGreaterThanOrEqual(0);
        expect(Math.abs(exact - crpsByQuantileScore(L, q, y, 20_000))).toBeLessThan(1e-3 * (1 + exact));
      }),
      { numRuns: 20 },
    );
  });

  it('the median and quantiles in between levels interpolate; beyond them they are flat', () => {
    expect(quantileAt([0, 0.5, 1], [0, 5, 10], 0.25)).toBe(2.5);
    expect(quantileAt(L, uniformQuantiles(40, 80), 0.5)).toBeCloseTo(60, 12);
    expect(quantileAt(L, uniformQuantiles(40, 80), 0.01)).toBe(41);
    // Quantiles out of order by rounding are sorted (monotone rearrangement).
    expect(quantileAt([0.25, 0.5, 0.75], [3, 2, 4], 0.25)).toBe(2);
  });
});

describe('Brier and coverage', () => {
  it('Brier (p − o)²', () => {
    expect(brierScore(0.3, 1)).toBeCloseTo(0.49, 15);
    expect(brierScore(0.3, 0)).toBeCloseTo(0.09, 15);
    expect(brierScore(1, 1)).toBe(0);
  });
  it('intervals include their ends', () => {
    expect(covers([10, 20], 10)).toBe(true);
    expect(covers([10, 20], 20)).toBe(true);
    expect(covers([10, 20], 20.0001)).toBe(false);
  });
});

const entryOf = (id: string, p: number, createdAt: string, caseId = 'talks', prev: ReturnType<typeof sealEntry> | null = null) => {
  const d = sampleDraft({ outlook: recordOutlook(sampleOutlook('2026-06-30', p)) }, createdAt);
  return sealEntry({ ...d, case: { ...d.case, id: caseId, title: caseId === 'talks' ? 'Border talks' : 'Other talks' }, question: question(id) }, prev);
};

describe('scoring the record', () => {
  const res: Resolution = { agreement: 1, outcome: { border: 45, troops: 20 }, source: 'https://example.org/deal' };

  it('one entry, by hand: medians, CRPS, coverage, Brier, and the status quo added as a baseline', () => {
    const e = entryOf('q1', 0.3, '2025-11-01T00:00:00.000Z').entry;
    const s = scoreEntry(e, res);
    expect(s.map((m) => m.model)).toEqual(['compromise', 'median', 'status-quo']);
    const [comp, med, sq] = s;
    // compromise: border U(40, 80), median 60; troops U(10, 30), median 20.
    expect(comp.issues.map((i) => [i.issue, i.median, i.absError, i.in50, i.in90])).toEqual([
      ['border', expect.closeTo(60, 9), expect.closeTo(15, 9), false, true],
      ['troops', expect.closeTo(20, 9), expect.closeTo(0, 9), true, true],
    ]);
    expect(comp.brier).toBeCloseTo(0.49, 12);
    expect(med.brier).toBeCloseTo(0.16, 12);
    // The status quo: a point at 50 and 20, no agreement (p = 0).
    expect(sq.issues.map((i) => [i.absError, i.crps])).toEqual([
      [5, 5],
      [0, 0],
    ]);
    expect(sq.brier).toBe(1);
  });

  it('per question (its entries averaged), per case and across cases; unresolved questions listed, not scored', () => {
    const e1 = entryOf('q1', 0.3, '2025-11-01T00:00:00.000Z');
    const e2 = entryOf('q1', 0.5, '2025-12-01T00:00:00.000Z', 'talks', e1);
    const e3 = entryOf('q2', 0.3, '2025-12-02T00:00:00.000Z', 'other', e2);
    const e4 = entryOf('q3', 0.3, '2025-12-03T00:00:00.000Z', 'other', e3);
    const entries: Entry[] = [e1, e2, e3, e4].map((e) => e.entry);
    const r = scoreRecord(entries, new Map([['q1', res], ['q2', { ...res, agreement: 0 as const }]]));
    const comp = r.models.find((m) => m.model === 'compromise')!;
    // q1: mean((.3−1)², (.5−1)²) = .37; q2: .3² = .09; across: .23.
    expect(comp.brier).toBeCloseTo(0.23, 12);
    expect(comp).toMatchObject({ n: 2, entries: 3, baseline: true, coverage50: 0.5, coverage90: 1 });
    expect(comp.absError).toBeCloseTo(7.5, 9);
    expect(r.models.map((m) => [m.model, m.baseline])).toEqual([
      ['median', false],
      ['compromise', true],
      ['status-quo', true],
    ]);
    const sq = r.models.find((m) => m.model === 'status-quo')!;
    expect(sq).toMatchObject({ absError: 2.5, crps: 2.5, coverage50: 0.5, coverage90: 0.5, brier: 0.5 });
    expect(r.cases.map((c) => [c.case, c.questions])).toEqual([
      ['other', 1],
      ['talks', 1],
    ]);
    expect(r.cases[1].models.find((m) => m.model === 'compromise')!.brier).toBeCloseTo(0.37, 12);
    expect(r.questions).toEqual([
      { question: 'q1', case: 'talks', by: '2026-06-30', entries: 2, resolved: true },
      { question: 'q2', case: 'other', by: '2026-06-30', entries: 1, resolved: true },
      { question: 'q3', case: 'other', by: '2026-06-30', entries: 1, resolved: false },
    ]);
  });

  it('an issue without an outcome is not scored; a model without scored issues has null errors', () => {
    const e = entryOf('q1', 0.3, '2025-11-01T00:00:00.000Z').entry;
    expect(scoreEntry(e, { ...res, outcome: { troops: 25 } })[0].issues.map((i) => i.issue)).toEqual(['troops']);
  });
});
