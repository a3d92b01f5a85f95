import { describe, expect, it } from 'vitest';
import { Case, type CaseInput } from '../../src/case/schema.ts';
import { EVIDENCE_FLOOR, forecastOutlook, priorProbability } from '../../src/analysis/outlook.ts';

/** Two actors on one issue 0–100, status quo 0; red lines a ≤ aMax, b ≥ bMin (both veto). */
const twoActors = (aMax: number, bMin: number, extra: Partial<CaseInput> = {}, redLineExtra: { a?: object; b?: object } = {}): Case =>
  Case.parse({
    id: 't',
    title: 'Two',
    kind: 'eu-legislation',
    actors: [
      { id: 'a', name: 'A', kind: 'state', capability: 50 },
      { id: 'b', name: 'B', kind: 'state', capability: 50 },
    ],
    issues: [{ id: 'x', title: 'X', statusQuo: 0 }],
    stances: [
      { actor: 'a', issue: 'x', date: '2025-01-01', position: { value: 30, low: 20, high: 40 }, salience: 50, redLine: { max: aMax, veto: true, ...redLineExtra.a } },
      { actor: 'b', issue: 'x', date: '2025-01-01', position: { value: 70, low: 60, high: 80 }, salience: 50, redLine: { min: bMin, veto: true, ...redLineExtra.b } },
    ],
    ...extra,
  });

const opts = { runs: 400, seed: 3, models: ['compromise', 'status-quo'], threads: 1 };
const prior = { ceiling: 0.915, halfLifeYears: 1.22 };

describe('forecastOutlook', () => {
  it('no zone in any draw: the probability is the prior times the floor at most, whatever the horizon', async () => {
    const o = await forecastOutlook(twoActors(10, 90), { ...opts, by: '2045-01-01' });
    expect(o.agreement.probability).toBeLessThanOrEqual(prior.ceiling * EVIDENCE_FLOOR + 1e-12);
    expect(o.agreement.probability).toBeCloseTo(priorProbability(prior, 20 / 1.0) * EVIDENCE_FLOOR, 3);
    // The intervals sit on the status quo (a point mass of ~99 %).
    const x = o.issues[0];
    expect(x.interval90).toEqual([0, 0]);
    expect(x.expected).toBeLessThan(1);
  });

  it('a wide zone and a long horizon: near the prior’s ceiling; terms inside the zone', async () => {
    const o = await forecastOutlook(twoActors(100, 0), { ...opts, by: '2045-01-01' });
    expect(o.agreement.probability).toBeGreaterThan(0.9 * prior.ceiling);
    expect(o.agreement.probability).toBeLessThanOrEqual(prior.ceiling);
    const narrow = await forecastOutlook(twoActors(55, 45), { ...opts, by: '2045-01-01' });
    expect(narrow.agreement.probability).toBeLessThan(o.agreement.probability);
    // The compromise of 30 and 70 is 50, inside [45, 55]; terms are clamped into the zone.
    expect(narrow.issues[0].ifAgreed).toBeGreaterThanOrEqual(45);
    expect(narrow.issues[0].ifAgreed).toBeLessThanOrEqual(55);
  });

  it('a short horizon scales the prior down (hazard), the status-quo model stays at the status quo', async () => {
    const o = await forecastOutlook(twoActors(100, 0), { ...opts, by: '2025-03-01' });
    expect(o.agreement.probability).toBeLessThan(0.1);
    const sq = o.models.find((mo) => mo.model === 'status-quo')!;
    expect(sq.issues[0]).toMatchObject({ ifAgreed: 0, expected: 0, interval50: [0, 0], interval90: [0, 0] });
    expect(sq.agreement.probability).toBe(o.agreement.probability);
    // Small p: the 50 % interval holds the status quo.
    expect(o.issues[0].interval50[0]).toBe(0);
  });

  it('red-line ranges move the probability the right way', async () => {
    const fixed = await forecastOutlook(twoActors(40, 60), { ...opts, by: '2030-01-01' });
    const towards = await forecastOutlook(twoActors(40, 60, {}, { a: { maxRange: { low: 30, high: 80 } } }), { ...opts, by: '2030-01-01' });
    const away = await forecastOutlook(twoActors(40, 60, {}, { a: { maxRange: { low: 10, high: 40 } } }), { ...opts, by: '2030-01-01' });
    expect(towards.agreement.probability).toBeGreaterThan(fixed.agreement.probability);
    expect(away.agreement.probability).toBeLessThan(fixed.agreement.probability);
  });

  it('a single decider: its issue takes no part in the zone and follows the decider', async () => {
    const c = twoActors(10, 90, { issues: [{ id: 'x', title: 'X', statusQuo: 0, decision: { rule: 'single', decider: 'b' } }] });
    const o = await forecastOutlook(c, { ...opts, by: '2045-01-01' });
    // No joint issue: evidence 1, the probability is the prior.
    expect(o.agreement.probability).toBeCloseTo(priorProbability(prior, 20), 3);
    const comp = o.models.find((mo) => mo.model === 'compromise')!;
    // b alone: its position (60–80, mode 70).
    expect(comp.issues[0].ifAgreed).toBeGreaterThan(62);
    expect(comp.issues[0].ifAgreed).toBeLessThan(78);
    expect((o.agreementBasis as { issues: Array<{ rule: string }> }).issues[0].rule).toBe('single');
  });

  it('same seed, same numbers; quantiles non-decreasing; bad dates refused', async () => {
    const c = twoActors(55, 45, {}, { a: { maxRange: { low: 40, high: 70 } } });
    const a = await forecastOutlook(c, { ...opts, by: '2026-06-30' });
    const b = await forecastOutlook(c, { ...opts, by: '2026-06-30' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const mo of a.models) for (const i of mo.issues) for (let q = 1; q < i.quantiles.length; q++) expect(i.quantiles[q]).toBeGreaterThanOrEqual(i.quantiles[q - 1]);
    await expect(forecastOutlook(c, { ...opts, by: '2024-01-01' })).rejects.toThrow(/before the as-of date/);
    await expect(forecastOutlook(c, { ...opts, by: '2026-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
