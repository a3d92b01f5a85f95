/**
 * The two-actor frontier (src/charts/frontier.ts): the curve worked out by hand on a two-actor,
 * two-issue case (continuous, then with a discrete issue, where two shifted chains cross), the points
 * of drafts and packages, the default pair, and the chart with its text alternative.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import highsLoader from 'highs';
import { parseCase, loadCaseFile } from '../../src/case/load.ts';
import { dealProblem, findPackages, type LpSolver } from '../../src/deal/packages.ts';
import { utilityOf } from '../../src/analysis/red-lines.ts';
import { defaultFrontierPair, frontierChart, frontierText, mergedPoints, twoActorFrontier } from '../../src/charts/frontier.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { nodeDocument } from '../../src/charts/node-document.ts';

/**
 * Status quo (50, 50). Alpha wants (100, 100), saliences 75/25; Beta wants (0, 0), 25/75; Beta's veto
 * red line x ≤ 80. u(status quo) = −0.5 for both. Alpha's best in the box, (80, 100): gains (0.35, −0.45).
 * Moving y from 100 to 0 costs Alpha 0.25 and gives Beta 0.75 (rate 3); moving x from 80 to 0 costs
 * Alpha 0.6 and gives Beta 0.2 (rate 1/3): y first, so the frontier is
 * (0.35, −0.45) → (0.10, 0.30) → (−0.50, 0.50); the equal-gain point (0.15, 0.15) is on its first leg.
 */
const hand = `id: hand
title: Hand case
actors:
  - {id: a, name: Alpha, kind: state, capability: 40}
  - {id: b, name: Beta, kind: state, capability: 50}
  - {id: c, name: Gamma, kind: state, capability: 60}
issues:
  - {id: x, title: X, statusQuo: 50, scale: {anchors: [{at: 0, label: none}, {at: 100, label: all}]}}
  - {id: y, title: Y, statusQuo: 50, scale: {anchors: [{at: 0, label: none}, {at: 100, label: all}]}}
stances:
  - {actor: a, issue: x, date: 2025-11-20, position: 100, salience: 75, redLine: {max: 100, veto: true}, evidence: [q1]}
  - {actor: a, issue: y, date: 2025-11-20, position: 100, salience: 25, evidence: [q1]}
  - {actor: b, issue: x, date: 2025-11-20, position: 0, salience: 25, redLine: {max: 80, veto: true}, evidence: [q1]}
  - {actor: b, issue: y, date: 2025-11-20, position: 0, salience: 75, evidence: [q1]}
drafts:
  - id: d1
    title: First draft
    date: 2025-11-22
    points:
      - {number: 1, text: X at 40, values: {x: 40}}
evidence:
  - {id: q1, kind: quote, text: Words., speaker: Someone, actor: b, date: 2025-11-21}
`;
const discreteX = hand.replace(
  '{id: x, title: X, statusQuo: 50, scale: {anchors: [{at: 0, label: none}, {at: 100, label: all}]}}',
  '{id: x, title: X, statusQuo: 50, scale: {discrete: true, anchors: [{at: 0, label: none}, {at: 75, label: most}, {at: 100, label: all}]}}',
);

const pairs = (curve: Array<{ gainA: number; gainB: number }>) => curve.map((q) => [q.gainA, q.gainB]);
const close = (got: number[][], want: number[][]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, n) => {
    expect(g[0]).toBeCloseTo(want[n][0], 9);
    expect(g[1]).toBeCloseTo(want[n][1], 9);
  });
};

describe('twoActorFrontier', () => {
  it('continuous issues: the segments end to end, best rate of exchange first', () => {
    const f = twoActorFrontier(parseCase(hand, 'hand.yaml'), 'a', 'b');
    expect(f.feasible).toBe(true);
    close(pairs(f.curve), [
      [-0.5, 0.5],
      [0.1, 0.3],
      [0.35, -0.45],
    ]);
  });

  it('the packages HiGHS finds lie on the curve; drafts and the status quo are points', async () => {
    const c = parseCase(hand, 'hand.yaml');
    const solver = await (highsLoader as unknown as () => Promise<LpSolver>)();
    const mm = findPackages(c, solver).packages.find((p) => p.kind === 'maxmin')!;
    const f = twoActorFrontier(c, 'a', 'b', [{ label: 'max-min', values: mm.values }]);
    const pk = f.points.find((q) => q.label === 'max-min')!;
    expect(pk.kind).toBe('package');
    expect(pk.gainA).toBeCloseTo(0.15, 9);
    expect(pk.gainB).toBeCloseTo(0.15, 9);
    // On the leg (0.35, −0.45) → (0.10, 0.30): B = 0.30 − 3 (A − 0.10).
    expect(0.3 - 3 * (pk.gainA - 0.1)).toBeCloseTo(pk.gainB, 9);
    // The draft sets x = 40 and leaves y at the status quo 50: Alpha −0.75·60/100 − 0.25·50/100 + 0.5 = −0.075,
    // Beta −0.25·40/100 − 0.75·50/100 + 0.5 = 0.025.
    const d = f.points.find((q) => q.kind === 'draft')!;
    expect(d.label).toBe('First draft');
    expect(d.gainA).toBeCloseTo(-0.075, 9);
    expect(d.gainB).toBeCloseTo(0.025, 9);
    expect(f.points[0]).toEqual({ label: 'status quo', kind: 'status quo', gainA: 0, gainB: 0 });
  });

  it('a discrete issue: x only at 0 or 75 inside the red line; the two chains cross at A = −0.4375', () => {
    // x = 75: chain (0.3125, −0.4375) → (0.0625, 0.3125); x = 0: (−0.25, −0.25) → (−0.5, 0.5).
    // The second overtakes the first's flat 0.3125 where −0.25 + 3 (−0.25 − A) = 0.3125: A = −0.4375.
    const f = twoActorFrontier(parseCase(discreteX, 'hand.yaml'), 'a', 'b');
    close(pairs(f.curve), [
      [-0.5, 0.5],
      [-0.4375, 0.3125],
      [0.0625, 0.3125],
      [0.3125, -0.4375],
    ]);
  });

  it('an actor with no stance is indifferent: against Gamma, Alpha reaches its best, Gamma stays at 0', () => {
    const f = twoActorFrontier(parseCase(hand, 'hand.yaml'), 'a', 'c');
    close(pairs(f.curve), [[0.35, 0]]);
  });

  it('no frontier where the red lines do not overlap (Ukraine), but the drafts are still placed', async () => {
    const c = await loadCaseFile('examples/ukraine-2025.yaml');
    const f = twoActorFrontier(c, 'russia', 'ukraine');
    expect(f.feasible).toBe(false);
    expect(f.curve).toEqual([]);
    expect(f.points.filter((q) => q.kind === 'draft')).toHaveLength(c.drafts.length);
    expect(frontierText(f, 'Russia', 'Ukraine')).toContain('No package lies inside every veto holder');
  });

  it('refuses an unknown actor or the same actor twice', () => {
    const c = parseCase(hand, 'hand.yaml');
    expect(() => twoActorFrontier(c, 'a', 'zz')).toThrow('no actor "zz"');
    expect(() => twoActorFrontier(c, 'a', 'a')).toThrow('two different actors');
  });
});

/** Two actors, two issues on 0–100 (the first discrete at some anchors, or not), veto lines a ≥ lo, b ≤ hi on each. */
const arbCase = fc.record({
  sq: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  pa: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  pb: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  sa: fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 })),
  sb: fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 })),
  lo: fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })),
  hi: fc.tuple(fc.integer({ min: 50, max: 100 }), fc.integer({ min: 50, max: 100 })),
  discrete: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }), { nil: null }),
});
type Generated = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;
const caseText = (g: Generated) => {
  const anchors = (k: number) => [0, ...(k === 0 && g.discrete ? g.discrete : []), 100].map((at) => `{at: ${at}, label: a${at}}`).join(', ');
  const issue = (k: number) => `  - {id: i${k}, title: I${k}, statusQuo: ${g.sq[k]}, scale: {${k === 0 && g.discrete ? 'discrete: true, ' : ''}anchors: [${anchors(k)}]}}`;
  const st = (actor: string, k: number, pos: number, sal: number, line: string) => `  - {actor: ${actor}, issue: i${k}, position: ${pos}, salience: ${sal}, redLine: {${line}, veto: true}}`;
  return [
    'id: prop',
    'title: Property case',
    'actors:',
    '  - {id: a, name: A, kind: state, capability: 50}',
    '  - {id: b, name: B, kind: state, capability: 50}',
    'issues:',
    issue(0),
    issue(1),
    'stances:',
    ...[0, 1].flatMap((k) => [st('a', k, g.pa[k], g.sa[k], `min: ${g.lo[k]}`), st('b', k, g.pb[k], g.sb[k], `max: ${g.hi[k]}`)]),
    '',
  ].join('\n');
};

describe('twoActorFrontier against a dense search of the packages', () => {
  it('no package beats the curve, and every point of the curve is reached (to the search step)', () => {
    fc.assert(
      fc.property(arbCase, (g) => {
        const c = parseCase(caseText(g), 'prop.yaml');
        const f = twoActorFrontier(c, 'a', 'b');
        const p = dealProblem(c);
        if (!f.feasible) return;
        // Every package of a half-unit grid inside the box (the anchors on a discrete issue).
        const values = (k: number) => p.grid[k] ?? Array.from({ length: 2 * (p.hi[k] - p.lo[k]) + 1 }, (_, n) => p.lo[k] + n / 2);
        const gains: Array<[number, number]> = [];
        for (const x0 of values(0)) for (const x1 of values(1)) gains.push([0, 1].map((i) => utilityOf(p.um, i, [x0, x1]) - p.sqU[i]) as [number, number]);
        const curve = f.curve;
        expect(curve.length).toBeGreaterThan(0);
        for (let n = 1; n < curve.length; n++) expect(curve[n].gainA).toBeGreaterThanOrEqual(curve[n - 1].gainA - 1e-12);
        // F(x): the most B gains with A at least x, read off the curve.
        const F = (x: number): number => {
          if (x <= curve[0].gainA) return curve[0].gainB;
          for (let n = 1; n < curve.length; n++) {
            const [u, v] = [curve[n - 1], curve[n]];
            if (x <= v.gainA + 1e-12) return v.gainA - u.gainA < 1e-15 ? v.gainB : u.gainB + ((x - u.gainA) / (v.gainA - u.gainA)) * (v.gainB - u.gainB);
          }
          return -Infinity;
        };
        for (const [ga, gb] of gains) expect(gb).toBeLessThanOrEqual(F(ga) + 1e-9);
        // Half a unit moves a gain by at most 0.5 / 100 of the weight: reached within 0.005.
        // The line drawn between them too: each midpoint is reached (or beaten) by some package.
        const mids = curve.slice(1).map((q, n) => ({ gainA: (q.gainA + curve[n].gainA) / 2, gainB: (q.gainB + curve[n].gainB) / 2 }));
        for (const q of [...curve, ...mids]) expect(gains.some(([ga, gb]) => ga >= q.gainA - 0.005 && gb >= q.gainB - 0.005)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('defaultFrontierPair', () => {
  it('the veto holders with most capability first, then the most capable others', async () => {
    const c = parseCase(hand, 'hand.yaml');
    expect(defaultFrontierPair(c, ['a', 'b'])).toEqual(['b', 'a']);
    expect(defaultFrontierPair(c, ['a'])).toEqual(['a', 'c']);
    // Tutorial: only the Ratepayers hold a veto; the Greens (33) outweigh Labour (27) and the mayor (20).
    expect(defaultFrontierPair(await loadCaseFile('examples/tutorial.yaml'), ['ratepayers'])).toEqual(['ratepayers', 'greens']);
  });
});

describe('frontierChart', () => {
  it('draws the curve, the points with their labels (coinciding ones joined) and says it in words', () => {
    const c = parseCase(hand, 'hand.yaml');
    const f = twoActorFrontier(c, 'a', 'b', [
      { label: 'max-min', values: { x: 80, y: 20 } },
      { label: 'Nash', values: { x: 80, y: 20 } },
    ]);
    expect(mergedPoints(f.points).map((q) => q.label)).toEqual(['status quo', 'max-min, Nash', 'First draft']);
    const svg = renderSvg(frontierChart(f, 'Alpha', 'Beta', 600), nodeDocument());
    expect(svg).toContain('frontier-curve');
    // Three vertices: one path with M and two L commands.
    const d = /class="frontier-curve"[^>]*>\s*<path[^>]* d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    for (const label of ['max-min, Nash', 'First draft', 'status quo', 'Alpha: gain', 'Beta: gain']) expect(svg).toContain(label);
    const text = frontierText(f, 'Alpha', 'Beta');
    expect(text).toBe(
      'Gains over the status quo (utility × 100) of Alpha and Beta; the status quo is at 0, 0. The frontier runs from Alpha +35.0 with Beta −45.0 to Alpha −50.0 with Beta +50.0. ' +
        'max-min, Nash: Alpha +15.0, Beta +15.0; First draft: Alpha −7.5, Beta +2.5.',
    );
  });
});
