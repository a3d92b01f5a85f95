import { describe, it, expect } from 'vitest';
import highsLoader from 'highs';
import { loadCaseFile, parseCase } from '../../src/case/load.ts';
import { applyMoves, findLevers, parseTarget, LeverTargetError, type Lever } from '../../src/deal/levers.ts';
import { findPackages, type LpSolver } from '../../src/deal/packages.ts';
import { UnknownIssueError } from '../../src/deal/power.ts';
import { UnknownDraftError } from '../../src/analysis/drafts.ts';
import { forecastCase } from '../../src/analysis/forecast.ts';
import { forecastOutlook, priorProbability } from '../../src/analysis/outlook.ts';
import { zoneOfAgreement } from '../../src/analysis/zopa.ts';

const solver = await (highsLoader as unknown as () => Promise<LpSolver>)();
const pick = (ls: Lever[]) => ls.map((l) => [l.model, l.actor, l.issue, l.field, l.bound ?? null, l.from, l.to]);

/**
 * Three veto holders on x (0-100): A accepts [0, 40], B [20, 40], C [60, 100]; y is open. No package
 * exists. Alone, only C can open a zone: the others meet on [20, 40], so C's minimum moves 60 → 40
 * (by −20, 0.2 of the scale). A cannot (B ∩ C is empty), nor B (A ∩ C is empty). The cheapest meeting
 * point is 40 as well: the total movement Σ dist(x, line) is 20 at 40 and x − 20 above it (A and B
 * move together, C less), so no joint move is cheaper. C's minimum is given with the range 35-65: 40
 * lies inside it. B's maximum is uncertain (30-45, best 40): with C at 40 the zone opens exactly when
 * B's drawn maximum is at least 40, P = (45 − 40)² / ((45 − 30)(45 − 40)) = 1/3 under the triangular draw.
 */
const three = `id: three
title: Three veto holders
kind: other
agreementPrior: {ceiling: 0.8, halfLifeYears: 1, source: test}
actors:
  - {id: a, name: Alpha, kind: state, capability: 40}
  - {id: b, name: Beta, kind: state, capability: 30}
  - {id: c, name: Gamma, kind: state, capability: 30}
issues:
  - {id: x, title: Ex, statusQuo: 50}
  - {id: y, title: Why, statusQuo: 50}
stances:
  - {actor: a, issue: x, date: 2025-01-01, position: 10, salience: 80, redLine: {max: 40, veto: true}}
  - {actor: b, issue: x, date: 2025-01-01, position: 30, salience: 60, redLine: {min: 20, max: 40, maxRange: {low: 30, high: 45}, veto: true}}
  - {actor: c, issue: x, date: 2025-01-01, position: 90, salience: 90, redLine: {min: 60, minRange: {low: 35, high: 65}, veto: true}}
  - {actor: a, issue: y, date: 2025-01-01, position: 50, salience: 20}
  - {actor: c, issue: y, date: 2025-01-01, position: 60, salience: 20}
drafts:
  - id: d1
    title: A draft at 30
    date: 2025-01-01
    points: [{number: 1, text: x at 30, values: {x: 30}}]
`;

describe('zone targets', () => {
  it('three actors, no package: the one red-line move that opens one, exactly', async () => {
    const c = parseCase(three, 'three.yaml');
    expect(findPackages(c, solver).feasible).toBe(false);
    const r = await findLevers(c, { target: 'zone', runs: 2000, seed: 3 });
    expect(r.reachable).toBe(true);
    expect(r.parts).toEqual(['x']);
    expect(r.levers).toHaveLength(1);
    const [l] = r.levers;
    expect(pick(r.levers)).toEqual([[null, 'c', 'x', 'redLine', 'min', 60, 40]]);
    expect(l.by).toBeCloseTo(-20, 6);
    expect(l.byNormalized).toBeCloseTo(0.2, 6);
    expect(l.with).toEqual([]);
    expect(l.outsideEvidence).toBe(false);
    expect(l.mcShare!).toBeGreaterThan(1 / 3 - 0.035);
    expect(l.mcShare!).toBeLessThan(1 / 3 + 0.035);
    // Applied, a package exists and the zone on x is the point 40.
    const moved = applyMoves(c, [l]);
    expect(findPackages(moved, solver).feasible).toBe(true);
    expect(zoneOfAgreement(moved, { forecasts: false }).issues[0].zone).toEqual({ min: 40, max: 40 });
    // zone:y is met already.
    const y = await findLevers(c, { target: 'zone:y', runs: 0 });
    expect(y).toMatchObject({ reachable: true, levers: [], parts: [] });
    expect(y.notes[0]).toMatch(/already met/);
  });

  it('with no single mover, the cheapest joint moves, each naming the other', async () => {
    // A [0, 10], B [20, 30], C [40, 50]: no two meet, so nobody alone; Σ dist is least (20) on [20, 30],
    // at 20 moving A's max 10 → 20 and C's min 40 → 20.
    const c = parseCase(
      `id: j\ntitle: J\nactors:\n${['a', 'b', 'c'].map((a) => `  - {id: ${a}, name: ${a.toUpperCase()}, kind: state, capability: 1}`).join('\n')}\nissues:\n  - {id: x, title: X, statusQuo: 0}\nstances:\n  - {actor: a, issue: x, position: 0, salience: 50, redLine: {max: 10, veto: true}}\n  - {actor: b, issue: x, position: 25, salience: 50, redLine: {min: 20, max: 30, veto: true}}\n  - {actor: c, issue: x, position: 50, salience: 50, redLine: {min: 40, veto: true}}\n`,
      'j.yaml',
    );
    const r = await findLevers(c, { target: 'zone:x', runs: 0 });
    expect(pick(r.levers)).toEqual([
      [null, 'a', 'x', 'redLine', 'max', 10, 20],
      [null, 'c', 'x', 'redLine', 'min', 40, 20],
    ]);
    expect(r.levers[0].with).toEqual([{ actor: 'c', issue: 'x', field: 'redLine', bound: 'min', from: 40, to: 20, by: -20 }]);
    expect(r.levers[0].mcShare).toBeNull();
    expect(findPackages(applyMoves(c, [r.levers[0], ...r.levers[0].with]), solver).feasible).toBe(true);
  });

  it('on a discrete scale the zone must hold a possible outcome', async () => {
    // Anchors 0, 2, 4 only. A accepts [0, 2.5], B [2.2, 4]: the lines overlap on [2.2, 2.5], which holds
    // no anchor, so there is no zone. B's minimum 2.2 → 2 (0.05 of the scale) or A's maximum 2.5 → 4 (0.375).
    const c = parseCase(
      `id: d\ntitle: D\nactors:\n  - {id: a, name: A, kind: state, capability: 1}\n  - {id: b, name: B, kind: state, capability: 1}\nissues:\n  - {id: x, title: X, statusQuo: 0, scale: {min: 0, max: 4, discrete: true, anchors: [{at: 0, label: none}, {at: 2, label: half}, {at: 4, label: all}]}}\nstances:\n  - {actor: a, issue: x, position: 0, salience: 50, redLine: {max: 2.5, veto: true}}\n  - {actor: b, issue: x, position: 4, salience: 50, redLine: {min: 2.2, veto: true}}\n`,
      'd.yaml',
    );
    expect(findPackages(c, solver).feasible).toBe(false);
    const r = await findLevers(c, { target: 'zone', runs: 0 });
    expect(r.parts).toEqual(['x']);
    expect(pick(r.levers)).toEqual([
      [null, 'b', 'x', 'redLine', 'min', 2.2, 2],
      [null, 'a', 'x', 'redLine', 'max', 2.5, 4],
    ]);
    expect(r.levers[0].byNormalized).toBeCloseTo(0.05, 9);
    expect(findPackages(applyMoves(c, [r.levers[0]]), solver).feasible).toBe(true);
  });

  it('Ukraine: the smallest red-line moves that would open a zone on Donbas and Crimea', async () => {
    const c = await loadCaseFile('examples/ukraine-2025.yaml');
    const r = await findLevers(c, { target: 'zone', runs: 200 });
    expect(r.reachable).toBe(true);
    expect(r.parts).toEqual(['donbas', 'crimea']);
    const got = r.levers.map((l) => [l.part, l.actor, l.bound, l.from, l.to, l.byNormalized, l.outsideEvidence]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['donbas', 'russia', 'min', 75, 50, 0.25, true],
        ['donbas', 'ukraine', 'max', 50, 75, 0.25, true],
        ['crimea', 'russia', 'min', 50, 25, 0.25, true],
        // Kyiv's maximum on Crimea is given as 25-50: moving it to 50 stays inside what the evidence says.
        ['crimea', 'ukraine', 'max', 25, 50, 0.25, false],
      ]),
    );
    expect(r.levers).toHaveLength(4);
    // Russia's minimum on Crimea is drawn from 50-75 when Kyiv moves: a zone opens only when it draws 50.
    expect(r.levers.find((l) => l.part === 'crimea' && l.actor === 'ukraine')!.mcShare).toBeLessThan(0.02);
    expect(r.levers.find((l) => l.part === 'crimea' && l.actor === 'russia')!.mcShare).toBe(1);
    // Together, one lever per part opens every zone.
    const zopa = zoneOfAgreement(applyMoves(c, r.levers.filter((l) => l.actor === 'russia')), { forecasts: false });
    expect(zopa.packagesExist).toBe(true);
  });
});

/**
 * One issue, 0-100. A: capability 2, salience 50, at 0; B: capability 1, salience 100, at 90 (C holds
 * no stance). Weights c·s (salience on 0-1): A 1, B 1, so compromise = (0 + 90)/2 = 45. Target 60, no
 * tolerance. By hand (a = Σ others' c s x, b = Σ others' c s; w = (60 b − a)/(x − 60)):
 * - A's position: 0 + (60 − 45)·2/1 = 30 (0.3 of the scale);
 * - A's salience: w = (60·1 − 90)/(0 − 60) = 0.5 = 2·s' → s' = 0.25, i.e. 50 → 25 (share 0.25);
 *   check (0.5·0 + 1·90)/1.5 = 60;
 * - A's capability: w = 0.5 = c'·0.5 → c' = 1, 2 → 1 (1/3 of the total capability 3);
 * - B's capability: w = (60·1 − 0)/(90 − 60) = 2 = c'·1 → c' = 2, 1 → 2 (1/3); check (0 + 2·90)/3 = 60;
 * - B's position would be 90 + 15·2 = 120 (off the scale), B's salience s' = 2 (above 100): none.
 */
const two = `id: two
title: Closed form
actors:
  - {id: a, name: Alpha, kind: state, capability: 2}
  - {id: b, name: Beta, kind: state, capability: 1}
  - {id: c, name: Gamma, kind: state, capability: 0}
issues:
  - {id: i, title: Eye, statusQuo: 50}
stances:
  - {actor: a, issue: i, position: 0, salience: 50}
  - {actor: b, issue: i, position: 90, salience: 100}
`;

describe('value targets', () => {
  it('compromise in closed form, worked by hand', async () => {
    const r = await findLevers(parseCase(two, 'two.yaml'), { target: 'value:i=60:0', models: ['compromise'], runs: 0 });
    expect(r.baseline).toEqual({ compromise: 45 });
    expect(r.levers.map((l) => l.method)).toEqual(['closed-form', 'closed-form', 'closed-form', 'closed-form']);
    expect(pick(r.levers).map((x) => x.slice(0, 5))).toEqual([
      ['compromise', 'a', 'i', 'salience', null],
      ['compromise', 'a', 'i', 'position', null],
      ['compromise', 'a', null, 'capability', null],
      ['compromise', 'b', null, 'capability', null],
    ]);
    const to = r.levers.map((l) => l.to);
    [25, 30, 1, 2].forEach((v, n) => expect(to[n]).toBeCloseTo(v, 9));
    [0.25, 0.3, 1 / 3, 1 / 3].forEach((v, n) => expect(r.levers[n].byNormalized).toBeCloseTo(v, 9));
    for (const l of r.levers) expect(l.achieved).toBeCloseTo(60, 9);
    // Point estimates: any change leaves what the case says.
    expect(r.levers.every((l) => l.outsideEvidence)).toBe(true);
  });

  it('the weighted median exactly, worked by hand', async () => {
    // Three equal weights at 20, 50, 80: median 50; target 65, no tolerance.
    // B's position 50 → 65 (B is the median voter); A's position 20 → 65 (A passes B and becomes it);
    // C's capability 1 → 2: weights 1, 1, 2 reach half (2) exactly at B, the tie gives (50 + 80)/2 = 65;
    // A's capability 1 → 0 or salience 100 → 0: B and C alone, the tie gives 65 again.
    const c = parseCase(
      `id: m\ntitle: M\nactors:\n${['a', 'b', 'c'].map((a) => `  - {id: ${a}, name: ${a.toUpperCase()}, kind: state, capability: 1}`).join('\n')}\nissues:\n  - {id: i, title: I, statusQuo: 50}\nstances:\n  - {actor: a, issue: i, position: 20, salience: 100}\n  - {actor: b, issue: i, position: 50, salience: 100}\n  - {actor: c, issue: i, position: 80, salience: 100}\n`,
      'm.yaml',
    );
    const r = await findLevers(c, { target: 'value:i=65:0', models: ['median'], runs: 0 });
    expect(r.baseline).toEqual({ median: 50 });
    const got = r.levers.map((l) => [l.actor, l.issue, l.field, l.from, Math.round(l.to * 1e6) / 1e6]);
    expect(got).toEqual([
      ['b', 'i', 'position', 50, 65],
      ['a', null, 'capability', 1, 0],
      ['c', null, 'capability', 1, 2],
      ['a', 'i', 'position', 20, 65],
      ['a', 'i', 'salience', 100, 0],
    ]);
    for (const l of r.levers) {
      expect(l.method).toBe('exact');
      expect(forecastCase(applyMoves(c, [l]), { models: ['median'] }).results[0].outcome[0]).toBeCloseTo(65, 6);
    }
  });

  it('search models by bisection: re-running the engine with each lever applied reaches the band', async () => {
    const c = await loadCaseFile('examples/tutorial.yaml');
    const r = await findLevers(c, { target: 'value:property-tax=3', models: ['bdm', 'nash', 'exchange'], runs: 20, seed: 2 });
    expect(r.levers.length).toBeGreaterThan(3);
    const k = c.issues.findIndex((i) => i.id === 'property-tax');
    for (const l of r.levers) {
      expect(l.method).toBe('bisection');
      const again = forecastCase(applyMoves(c, [l]), { models: [l.model!] }).results[0].outcome[k];
      expect(again).toBeCloseTo(l.achieved!, 9);
      expect(Math.abs(again - 3)).toBeLessThanOrEqual(0.02 * 6 + 1e-9);
      expect(l.mcShare).toBeGreaterThanOrEqual(0);
      expect(l.mcShare).toBeLessThanOrEqual(1);
    }
    const ranked = r.levers.map((l) => l.byNormalized);
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
    // The same seed gives the same levers.
    expect(await findLevers(c, { target: 'value:property-tax=3', models: ['bdm', 'nash', 'exchange'], runs: 20, seed: 2 })).toEqual(r);
  });

  it('a search stops at its budget of model runs, and says so', async () => {
    const c = await loadCaseFile('examples/tutorial.yaml');
    const r = await findLevers(c, { target: 'value:property-tax=3', models: ['bdm'], runs: 0, budget: 5 });
    expect(r.notes.some((n) => /bdm: \d+ estimate\(s\) not searched: the budget of 5 model runs/.test(n))).toBe(true);
    expect(r.levers.length).toBeLessThan((await findLevers(c, { target: 'value:property-tax=3', models: ['bdm'], runs: 0 })).levers.length);
  });

  it('a forecast already in the band is met, with a note', async () => {
    const r = await findLevers(parseCase(two, 'two.yaml'), { target: 'value:i=46:2', models: ['compromise'], runs: 0 });
    expect(r).toMatchObject({ reachable: true, levers: [] });
    expect(r.notes[0]).toMatch(/already within/);
  });
});

describe('draft and probability targets', () => {
  it('a draft at 30 crosses only C (min 60): C moves to 30', async () => {
    const r = await findLevers(parseCase(three, 'three.yaml'), { target: 'draft:d1', runs: 0 });
    expect(r.parts).toEqual(['x']);
    expect(pick(r.levers)).toEqual([[null, 'c', 'x', 'redLine', 'min', 60, 30]]);
    // 30 is below C's given range (35-65).
    expect(r.levers[0].outsideEvidence).toBe(true);
    // B's maximum (30-45) never falls below 30, so every draw accepts the draft.
    const withRuns = await findLevers(parseCase(three, 'three.yaml'), { target: 'draft:d1', runs: 200 });
    expect(withRuns.levers[0].mcShare).toBe(1);
  });

  it('probability: the least move of C by bisection, matching the outlook', async () => {
    // Fixed lines (ranges dropped): p = p0 · f(s), f(s) = σ(s/0.1)/σ(10), s = (40 − t)/100 the zone
    // width (negative: the gap) with C's min at t; now t = 60, s = −0.2, p = p0·σ(−2)/σ(10).
    // P = p0/2 needs f(s) = 1/2, i.e. σ(s/0.1) = σ(10)/2, s = 0.1·logit(σ(10)/2) = −9.08e-6: t = 40.000908.
    const fixed = parseCase(three.replace(', maxRange: {low: 30, high: 45}', '').replace(', minRange: {low: 35, high: 65}', ''), 'fixed.yaml');
    const p0 = priorProbability({ ceiling: 0.8, halfLifeYears: 1 }, 365 / 365.25);
    const r = await findLevers(fixed, { target: `probability:${p0 / 2}:2026-01-01`, runs: 10 });
    const sigma = (z: number) => 1 / (1 + Math.exp(-z));
    expect(r.baseline!.probability).toBeCloseTo((p0 * sigma(-2)) / sigma(10), 12);
    expect(r.levers).toHaveLength(1);
    const [l] = r.levers;
    expect([l.actor, l.bound, l.from, l.method]).toEqual(['c', 'min', 60, 'bisection']);
    const logit = (q: number) => Math.log(q / (1 - q));
    expect(l.to).toBeCloseTo(40 + 100 * -0.1 * logit(1 / (1 + Math.exp(-10)) / 2), 5);
    expect(l.achieved!).toBeGreaterThanOrEqual(p0 / 2);
    expect(l.mcShare).toBeNull();
    // The outlook with the lever applied gives the same probability.
    const o = await forecastOutlook(applyMoves(fixed, [l]), { by: '2026-01-01', runs: 10, models: ['compromise'], threads: 1 });
    expect(o.agreement.probability).toBeCloseTo(l.achieved!, 12);
  });
});

describe('probability targets needing several moves', () => {
  it('greedy steps when neither one line nor the zone-opening moves will do, matching the outlook', async () => {
    // x as before with fixed lines; y narrow: A accepts y ≥ 40, C y ≤ 45 (slack 0.05, f = σ(0.5)/σ(10) ≈ 0.62).
    // P = 0.9·p0 needs f ≥ 0.9 on both issues (a slack of about 0.22 each): x's lines alone cannot, so greedy.
    const src = three
      .replace(', maxRange: {low: 30, high: 45}', '')
      .replace(', minRange: {low: 35, high: 65}', '')
      .replace('{actor: a, issue: y, date: 2025-01-01, position: 50, salience: 20}', '{actor: a, issue: y, date: 2025-01-01, position: 50, salience: 20, redLine: {min: 40, veto: true}}')
      .replace('{actor: c, issue: y, date: 2025-01-01, position: 60, salience: 20}', '{actor: c, issue: y, date: 2025-01-01, position: 60, salience: 20, redLine: {max: 45, veto: true}}');
    const c = parseCase(src, 'greedy.yaml');
    const p0 = priorProbability({ ceiling: 0.8, halfLifeYears: 1 }, 365 / 365.25);
    const r = await findLevers(c, { target: `probability:${0.9 * p0}:2026-01-01`, runs: 5 });
    expect(r.reachable).toBe(true);
    expect(r.levers.every((l) => l.method === 'greedy')).toBe(true);
    expect(new Set(r.levers.map((l) => l.issue))).toEqual(new Set(['x', 'y']));
    const all = [r.levers[0], ...r.levers[0].with];
    expect(all).toHaveLength(r.levers.length);
    const o = await forecastOutlook(applyMoves(c, all), { by: '2026-01-01', runs: 5, models: ['compromise'], threads: 1 });
    expect(o.agreement.probability).toBeCloseTo(r.levers[0].achieved!, 12);
    expect(o.agreement.probability).toBeGreaterThanOrEqual(0.9 * p0);
    expect(r.notes.some((n) => /^greedy: \d+ step/.test(n))).toBe(true);
    // By hand: the narrower zone ends at the slack s* with f(s*) = 0.9, s* = 0.1·logit(0.9·σ(10)) ≈ 0.2197.
    const zones = zoneOfAgreement(applyMoves(c, all), { forecasts: false }).issues.map((z) => (z.zone!.max - z.zone!.min) / 100);
    const sStar = 0.1 * Math.log((0.9 / (1 + Math.exp(-10))) / (1 - 0.9 / (1 + Math.exp(-10))));
    expect(Math.min(...zones)).toBeCloseTo(sStar, 5);
  });
});

describe('targets', () => {
  const c = parseCase(three, 'three.yaml');
  it('reads each kind, and the tolerance on the scale or in per cent', () => {
    expect(parseTarget('zone', c)).toEqual({ kind: 'zone', issue: null });
    expect(parseTarget('value:x=30', c)).toEqual({ kind: 'value', issue: 'x', value: 30, tolerance: 2 });
    expect(parseTarget('value:x=30:5%', c)).toEqual({ kind: 'value', issue: 'x', value: 30, tolerance: 5 });
    expect(parseTarget('probability:25%', c)).toEqual({ kind: 'probability', probability: 0.25, by: '2026-01-01' });
  });
  it('refuses an unknown issue or draft and a malformed target with the project’s error classes', () => {
    expect(() => parseTarget('zone:nope', c)).toThrow(UnknownIssueError);
    expect(() => parseTarget('draft:nope', c)).toThrow(UnknownDraftError);
    for (const bad of ['value:x', 'value:x=abc', 'value:x=200', 'probability:2', 'frobnicate', 'x'.repeat(300)]) {
      expect(() => parseTarget(bad, c), bad).toThrow(LeverTargetError);
    }
  });
});
