import { describe, expect, it } from 'vitest';
import { parseCaseText } from '../../src/case/load.ts';
import { effectiveView, stanceSupport } from '../../src/analysis/reliability.ts';
import { research } from '../../src/analysis/research.ts';
import { simulate } from '../../src/analysis/montecarlo.ts';
import { runCli } from '../cli/run.ts';

const yaml = (ev: string) => `id: t
title: T
actors:
  - { id: a, name: A, kind: state, capability: 50 }
  - { id: b, name: B, kind: state, capability: 50 }
issues:
  - { id: x, title: X, statusQuo: 50 }
stances:
  - { actor: a, issue: x, position: { value: 40, low: 30, high: 50 }, salience: 60, evidence: [e1] }
  - { actor: b, issue: x, position: { value: 70, low: 60, high: 80 }, salience: 60, evidence: [e2] }
evidence:
${ev}
`;
const good = yaml(`  - { id: e1, kind: report, text: t, date: 2025-01-01, reliability: C, credibility: 3, outlets: 1 }
  - { id: e2, kind: report, text: t, date: 2025-01-01, reliability: A, credibility: 1, outlets: 4 }`);

describe('evidence grades', () => {
  it('accepts grades, saidOn and retraction', () => {
    const r = parseCaseText(good.replace('outlets: 4 }', 'outlets: 4, saidOn: 2024-12, retracted: { date: 2025-02-01, note: n } }'));
    expect(r.problems).toEqual([]);
  });
  it('refuses a bad grade with its line and field', () => {
    const r = parseCaseText(good.replace('reliability: C', 'reliability: G').replace('credibility: 1', 'credibility: 7'), 'c.yaml');
    expect(r.problems.map((p) => [p.line, p.path])).toEqual([[12, 'evidence[0].reliability'], [13, 'evidence[1].credibility']]);
    expect(r.problems[0].message).toMatch(/A-F/);
  });
});

describe('widening', () => {
  it('single-sourced C3 evidence widens the range by 1.25 × 1.5 = 1.875', () => {
    const c = parseCaseText(good).case!;
    const { ranges } = effectiveView(c);
    // a: 40 ± 10 → 40 ± 18.75; b: A1 from 4 outlets, unchanged.
    expect(ranges).toEqual([expect.objectContaining({ actor: 'a', field: 'position', effectiveLow: 21.25, effectiveHigh: 58.75, factor: 1.875 })]);
  });
  it('retracted evidence does not count: factor 3, clamped to the scale', () => {
    const c = parseCaseText(good.replace('outlets: 4 }', 'outlets: 4, retracted: true }')).case!;
    const b = effectiveView(c).ranges.find((r) => r.actor === 'b')!;
    expect([b.factor, b.effectiveLow, b.effectiveHigh]).toEqual([3, 40, 100]);
    expect(stanceSupport(c.stances[1], new Map(c.evidence.map((e) => [e.id, e]))).counted).toEqual([]);
  });
  it("the draws' spread grows with the factor, same seed same numbers", async () => {
    const weak = parseCaseText(good).case!;
    const strong = parseCaseText(good.replace('reliability: C, credibility: 3, outlets: 1', 'reliability: A, credibility: 1, outlets: 3')).case!;
    const opts = { runs: 400, seed: 7, workers: 1, models: ['compromise'] };
    const [w, s, w2] = [await simulate(weak, opts), await simulate(strong, opts), await simulate(weak, opts)];
    const spread = (r: typeof w) => r.quantiles.compromise.x.p95 - r.quantiles.compromise.x.p05;
    expect(spread(w)).toBeGreaterThan(spread(s) * 1.2);
    expect(w2.quantiles).toEqual(w.quantiles);
    expect(w.effectiveRanges).toHaveLength(1);
  });
});

describe('research next', () => {
  it('ranks the thinly evidenced estimate first: gap 1.875/2 vs 1/2', () => {
    const r = research(parseCaseText(good).case!, { models: ['compromise'] });
    expect(r.items.map((i) => [i.actor, i.gap])).toEqual([['a', 0.9375], ['b', 0.5]]);
    expect(r.items[0].score).toBeCloseTo(r.items[0].swingPercent * 0.9375, 10);
  });
  it('parley research on the Ukraine case', async () => {
    const out = await runCli('research', 'examples/ukraine-2025.yaml', '--format', 'json', '--model', 'compromise');
    expect(out.code).toBe(0);
    const j = JSON.parse(out.stdout);
    expect(j.items.length).toBeGreaterThan(5);
    expect(j.items[0].rank).toBe(1);
    for (let i = 1; i < j.items.length; i++) expect(j.items[i].score).toBeLessThanOrEqual(j.items[i - 1].score);
  });
});
