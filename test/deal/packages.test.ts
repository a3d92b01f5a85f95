import { describe, it, expect } from 'vitest';
import highsLoader from 'highs';
import { loadCaseFile, parseCase } from '../../src/case/load.ts';
import { findPackages, nearestEfficient, packageDraft, type LpSolver } from '../../src/deal/packages.ts';
import { checkDrafts } from '../../src/analysis/drafts.ts';

const solver = (await (highsLoader as unknown as () => Promise<LpSolver>)());

describe('findPackages on the example cases', () => {
  it('Ukraine: no package satisfies every veto holder, and the empty issues are named', async () => {
    const r = findPackages(await loadCaseFile('examples/ukraine-2025.yaml'), solver);
    expect(r.feasible).toBe(false);
    expect(r.packages).toEqual([]);
    expect(r.emptyIssues.length).toBeGreaterThan(0);
  });
  it('tutorial: a max-min package whose minimum gain is not below any frontier point', async () => {
    const r = findPackages(await loadCaseFile('examples/tutorial.yaml'), solver);
    expect(r.feasible).toBe(true);
    const mm = r.packages.find((p) => p.kind === 'maxmin')!;
    expect(mm).toBeDefined();
    const minGain = Math.min(...Object.values(mm.gains));
    for (const f of r.frontier) expect(Math.min(...Object.values(f.gains))).toBeLessThanOrEqual(minGain + 1e-6);
  });
});

/**
 * Worked by hand. Status quo (50, 50); a wants (100, 100) with saliences 75/25, b wants (0, 0) with 25/75,
 * b's veto red line x ≤ 80. g_a = (0.75x + 0.25y − 50)/100, g_b = (50 − 0.25x − 0.75y)/100.
 * For fixed x the equal-gain y is y = 2x − 140 … at x = 80: 10 + 0.25y = 30 − 0.75y → y = 20, gain 0.15;
 * the bound t ≤ (x/2 − 25)/100 grows with x, so x = 80 (the red line) is optimal: (80, 20), gains 0.15 each.
 */
const hand = `id: hand
title: Hand case
actors:
  - {id: a, name: Alpha, kind: state, capability: 50}
  - {id: b, name: Beta, kind: state, capability: 50}
issues:
  - {id: x, title: X, statusQuo: 50, scale: {anchors: [{at: 0, label: none}, {at: 100, label: all}]}}
  - {id: y, title: Y, statusQuo: 50, scale: {anchors: [{at: 0, label: none}, {at: 100, label: all}]}}
stances:
  - {actor: a, issue: x, date: 2025-11-20, position: 100, salience: 75, redLine: {max: 100, veto: true}, evidence: [q1]}
  - {actor: a, issue: y, date: 2025-11-20, position: 100, salience: 25, evidence: [q1]}
  - {actor: b, issue: x, date: 2025-11-20, position: 0, salience: 25, redLine: {max: 80, veto: true}, evidence: [q1]}
  - {actor: b, issue: y, date: 2025-11-20, position: 0, salience: 75, evidence: [q1]}
evidence:
  - {id: q1, kind: quote, text: Words., speaker: Someone, actor: b, date: 2025-11-21}
`;

describe('a two-actor two-issue case worked out by hand', () => {
  it('max-min package (80, 20) with gain 0.15 each, to 1e-6', () => {
    const r = findPackages(parseCase(hand, 'hand.yaml'), solver);
    expect(r.feasible).toBe(true);
    const mm = r.packages.find((p) => p.kind === 'maxmin')!;
    expect(mm.values.x).toBeCloseTo(80, 6);
    expect(mm.values.y).toBeCloseTo(20, 6);
    expect(mm.gains.a).toBeCloseTo(0.15, 6);
    expect(mm.gains.b).toBeCloseTo(0.15, 6);
  });
});

describe('discrete scales', () => {
  it('x only at its anchors {0, 75, 100}: the red line leaves {0, 75}; at 75 equal gains give y = 25, gain 0.125', () => {
    const text = hand.replace('{id: x, title: X, statusQuo: 50, scale: {anchors: [{at: 0, label: none}, {at: 100, label: all}]}}', '{id: x, title: X, statusQuo: 50, scale: {discrete: true, anchors: [{at: 0, label: none}, {at: 75, label: most}, {at: 100, label: all}]}}');
    expect(text).not.toBe(hand);
    const mm = findPackages(parseCase(text, 'hand.yaml'), solver).packages.find((p) => p.kind === 'maxmin')!;
    expect(mm.values.x).toBeCloseTo(75, 6);
    expect(mm.values.y).toBeCloseTo(25, 6);
    expect(mm.gains.a).toBeCloseTo(0.125, 6);
    expect(mm.gains.b).toBeCloseTo(0.125, 6);
  });
});

describe('packages as drafts', () => {
  it('the tutorial max-min package, as a generated draft, crosses no veto red line under the draft checks', async () => {
    const c = await loadCaseFile('examples/tutorial.yaml');
    const mm = findPackages(c, solver).packages.find((p) => p.kind === 'maxmin')!;
    const d = packageDraft(c, mm, '2026-12-01');
    const checks = checkDrafts({ ...c, drafts: [...c.drafts, d] }, { drafts: [d.id], against: 'latest' });
    expect(checks.drafts).toHaveLength(1);
    expect(checks.drafts[0].vetoedBy).toEqual([]);
    expect(checks.drafts[0].crossings.filter((x) => x.veto)).toEqual([]);
  });
  it('a bad draft id is a clear error naming the drafts', async () => {
    const c = await loadCaseFile('examples/tutorial.yaml');
    expect(() => nearestEfficient(c, solver, 'nope')).toThrow(/no draft "nope" \(drafts: /);
  });
});
