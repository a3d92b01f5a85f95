import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/load.ts';
import { blockingFor, blockingText, draftsBlocking, minimalBlocking, packagesBlocking, type WeightedGame } from '../../src/deal/power.ts';
import { createRng } from '../../src/engines/random.ts';

const scale = '{anchors: [{at: 0, label: none}, {at: 100, label: all}]}';
const draft = (id: string, x: number) => `  - {id: ${id}, title: Draft ${id}, date: 2025-12-01, evidence: [q1], points: [{number: 1, text: X is ${x}., values: {x: ${x}}}]}\n`;

/**
 * A weighted vote worked by hand: capabilities a 40, b 20, c 20, d 20 (total 100), qualified
 * majority 0.65 of the weight. One issue x on 0–100, status quo 50; a and b want 100, c and d want 0;
 * c's red line is x ≤ 60 (no veto under a qualified majority).
 * - x = 70: c and d lose (|70 − 0| = 70 > 50) and c's line is crossed. The supporters a + b hold 60 < 65:
 *   blocked; c alone leaves 80 ≥ 65 and d alone 80: neither blocks alone, {c, d} is the one minimal coalition.
 * - x = 30: a and b lose; c + d hold 40 < 65: blocked. a alone leaves 60 < 65 (blocks), b alone leaves
 *   80 (does not): the minimal coalitions are {a} only ({a, b} is not minimal).
 * - x = 50 (the status quo): nobody is worse off and no line is crossed: no opponent, not blocked.
 * - x = 55: c and d lose (55 > 50), no line crossed; supporters 60 < 65: blocked by {c, d} again.
 */
const weighted = `id: qmv
title: Weighted vote
decision: {rule: qualified-majority, threshold: 0.65}
actors:
  - {id: a, name: Alpha, kind: state, capability: 40}
  - {id: b, name: Beta, kind: state, capability: 20}
  - {id: c, name: Gamma, kind: state, capability: 20}
  - {id: d, name: Delta, kind: state, capability: 20}
issues:
  - {id: x, title: X, statusQuo: 50, scale: ${scale}}
stances:
  - {actor: a, issue: x, date: 2025-11-20, position: 100, salience: 50, evidence: [q1]}
  - {actor: b, issue: x, date: 2025-11-20, position: 100, salience: 50, evidence: [q1]}
  - {actor: c, issue: x, date: 2025-11-20, position: 0, salience: 50, redLine: {max: 60}, evidence: [q1]}
  - {actor: d, issue: x, date: 2025-11-20, position: 0, salience: 50, evidence: [q1]}
evidence:
  - {id: q1, kind: quote, text: Words., speaker: Someone, actor: a, date: 2025-11-21}
drafts:
${draft('high', 70)}${draft('low', 30)}${draft('sq', 50)}`;

/**
 * Unanimity with vetoes, worked by hand: u (red line x ≥ 20, veto) and r (x ≤ 40, veto) hold the
 * vetoes; k has a red line x ≤ 50 without one. Status quo 30; u wants 100, r 0, k 20.
 * - x = 60: r's veto line is crossed (and r loses: 60 > 30), k's line is crossed and k loses (40 > 10);
 *   u gains. Opponents r and k; r alone blocks; k holds no veto, so {r} is the only minimal coalition.
 * - x = 25: u loses (75 > 70) without a line crossed; r and k gain. u's refusal blocks: {u}.
 * A second issue y (status quo 20) is k's alone to decide (rule single); k wants 0, its line is y ≤ 50;
 * u and r hold no stance on it (no weight), so y moves none of the x results above.
 * - y = 80: k crosses its line and loses (80 > 20): k blocks, on y.
 * - x = 60, y = 80: r blocks on x, k on y: two minimal coalitions {r} and {k}; read under x's rule alone, {r}.
 */
// The case-level rule is written out (the single-decider test below swaps it for another).
const unanimity = `id: veto
title: Vetoes
decision: {rule: unanimity}
actors:
  - {id: u, name: Union, kind: state, capability: 50}
  - {id: r, name: Realm, kind: state, capability: 30}
  - {id: k, name: Kingdom, kind: state, capability: 20}
issues:
  - {id: x, title: X, statusQuo: 30, scale: ${scale}}
  - {id: y, title: Y, statusQuo: 20, scale: ${scale}, decision: {rule: single, decider: k}}
stances:
  - {actor: u, issue: x, date: 2025-11-20, position: 100, salience: 50, redLine: {min: 20, veto: true}, evidence: [q1]}
  - {actor: r, issue: x, date: 2025-11-20, position: 0, salience: 50, redLine: {max: 40, veto: true}, evidence: [q1]}
  - {actor: k, issue: x, date: 2025-11-20, position: 20, salience: 50, redLine: {max: 50}, evidence: [q1]}
  - {actor: k, issue: y, date: 2025-11-20, position: 0, salience: 50, redLine: {max: 50}, evidence: [q1]}
evidence:
  - {id: q1, kind: quote, text: Words., speaker: Someone, actor: u, date: 2025-11-21}
drafts:
${draft('sixty', 60)}`;

describe('blockingFor: a weighted vote worked by hand', () => {
  const c = parseCase(weighted, 'qmv.yaml');
  it('two small opponents block together but not alone', () => {
    const r = blockingFor(c, { x: 70 });
    expect(r.opponents).toEqual(['c', 'd']);
    expect(r.objections).toEqual([
      { actor: 'c', crosses: ['x'], worseThanStatusQuo: true },
      { actor: 'd', crosses: [], worseThanStatusQuo: true },
    ]);
    expect(r.blocked).toBe(true);
    expect(r.coalitions).toEqual([['c', 'd']]);
    // the same two opponents by utility alone (55 crosses no line)
    expect(blockingFor(c, { x: 55 })).toMatchObject({ opponents: ['c', 'd'], blocked: true, coalitions: [['c', 'd']] });
  });
  it('the heavy opponent blocks alone and the light one is in no minimal coalition', () => {
    const r = blockingFor(c, { x: 30 });
    expect(r.opponents).toEqual(['a', 'b']);
    expect(r.blocked).toBe(true);
    expect(r.coalitions).toEqual([['a']]);
  });
  it('the same opponents cannot block under a lower threshold', () => {
    // a lower threshold 0.55: supporters a + b hold 60 ≥ 55, so c and d together no longer block
    const low = parseCase(weighted.replace('threshold: 0.65', 'threshold: 0.55'), 'qmv.yaml');
    expect(blockingFor(low, { x: 70 })).toMatchObject({ opponents: ['c', 'd'], blocked: false, coalitions: [] });
  });
  it('a draft nobody opposes (the status quo)', () => {
    expect(blockingFor(c, { x: 50 })).toEqual({ opponents: [], objections: [], blocked: false, blockedOn: [], coalitions: [] });
  });
  it('reads every draft of the case, or the one named', () => {
    const all = draftsBlocking(c);
    expect(all.map((d) => [d.draft, d.opponents.join('+'), d.blocked, d.coalitions.map((x) => x.join('+')).join(';')])).toEqual([
      ['high', 'c+d', true, 'c+d'],
      ['low', 'a+b', true, 'a'],
      ['sq', '', false, ''],
    ]);
    expect(draftsBlocking(c, { draft: 'low' }).map((d) => d.draft)).toEqual(['low']);
    expect(() => draftsBlocking(c, { draft: 'nope' })).toThrow(/unknown draft "nope" \(the case has: high, low, sq\)/);
  });
  it('refuses a value on an issue the case does not have', () => {
    expect(() => blockingFor(c, { y: 1 })).toThrow(/unknown issue "y"/);
  });
});

describe('blockingFor: unanimity with vetoes worked by hand', () => {
  const c = parseCase(unanimity, 'veto.yaml');
  it('one veto holder blocks; an opponent without a veto is in no coalition', () => {
    const r = blockingFor(c, { x: 60 });
    expect(r.opponents).toEqual(['r', 'k']);
    expect(r.objections).toEqual([
      { actor: 'r', crosses: ['x'], worseThanStatusQuo: true },
      { actor: 'k', crosses: ['x'], worseThanStatusQuo: true },
    ]);
    expect(r.blocked).toBe(true);
    expect(r.coalitions).toEqual([['r']]);
  });
  it('a veto holder left worse off than the status quo blocks without a line crossed', () => {
    expect(blockingFor(c, { x: 25 })).toMatchObject({ opponents: ['u'], blocked: true, coalitions: [['u']] });
  });
  it('inside every line a veto holder who loses still blocks; at the status quo nobody opposes', () => {
    // x = 35 is inside every line, but r (35 > 30) and k (15 > 10) lose: r's veto blocks. At x = 30 nobody is worse off.
    expect(blockingFor(c, { x: 35 })).toMatchObject({ opponents: ['r', 'k'], blocked: true, coalitions: [['r']] });
    expect(blockingFor(c, { x: 30 })).toMatchObject({ opponents: [], blocked: false });
  });
  it('each issue under its own rule: the decider of y blocks what it settles on y', () => {
    expect(blockingFor(c, { y: 80 })).toEqual({
      opponents: ['k'],
      objections: [{ actor: 'k', crosses: ['y'], worseThanStatusQuo: true }],
      blocked: true,
      blockedOn: ['y'],
      coalitions: [['k']],
    });
    expect(blockingFor(c, { x: 60, y: 80 })).toMatchObject({ opponents: ['r', 'k'], blocked: true, blockedOn: ['x', 'y'], coalitions: [['r'], ['k']] });
    expect(blockingFor(c, { x: 60, y: 80 }, { issue: 'x' })).toMatchObject({ blockedOn: ['x'], coalitions: [['r']] });
    // x alone: k is against (its line on x is crossed) but decides only y
    expect(blockingFor(c, { x: 60 })).toMatchObject({ blockedOn: ['x'], coalitions: [['r']] });
  });
  it('labels packages by kind', () => {
    const r = packagesBlocking(c, [{ kind: 'maxmin', values: { x: 30 } }, { kind: 'nearest', from: 'sixty', values: { x: 60 } }]);
    expect(r.map((p) => [p.package, p.blocked])).toEqual([['maxmin', false], ['nearest-sixty', true]]);
  });
});

describe('blockingFor: a single decider', () => {
  it('blocks exactly when the decider opposes', () => {
    const c = parseCase(unanimity.replace('decision: {rule: unanimity}', 'decision: {rule: single, decider: k}').replace(/, veto: true/g, ''), 'single.yaml');
    expect(blockingFor(c, { x: 60 })).toMatchObject({ opponents: ['r', 'k'], blocked: true, coalitions: [['k']] });
    // x = 25: only u loses; k (the decider) gains: not blocked
    expect(blockingFor(c, { x: 25 })).toMatchObject({ opponents: ['u'], blocked: false, coalitions: [] });
  });
});

describe('blockingText: the report\'s sentence', () => {
  const names = { actor: (id: string) => id.toUpperCase(), issue: (id: string) => `issue ${id}` };
  it('names the veto, the decider, the coalition that blocks only together, and the opponents who cannot block', () => {
    const v = parseCase(unanimity, 'veto.yaml');
    expect(blockingText(v, blockingFor(v, { x: 60 }), names)).toBe('blocked by R (veto)');
    expect(blockingText(v, blockingFor(v, { x: 60, y: 80 }), names)).toBe('blocked by R (veto) or K (decides issue y alone)');
    expect(blockingText(v, blockingFor(v, { x: 30 }), names)).toBe('nobody is against it');
    const q = parseCase(weighted, 'qmv.yaml');
    expect(blockingText(q, blockingFor(q, { x: 70 }), names)).toBe('blocked by C + D (together)');
    expect(blockingText(q, blockingFor(q, { x: 30 }), names)).toBe('blocked by A (alone)');
    const low = parseCase(weighted.replace('threshold: 0.65', 'threshold: 0.55'), 'qmv.yaml');
    expect(blockingText(low, blockingFor(low, { x: 70 }), names)).toBe('not blocked: C and D are against it but cannot block it');
  });
});

describe('minimalBlocking against the definition', () => {
  it('equals the minimal sets among all blocking subsets, smallest first, on 200 seeded random games', () => {
    const rnd = createRng(7);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rnd() * 9);
      const weights = Array.from({ length: n }, () => 1 + Math.floor(rnd() * 9));
      const total = weights.reduce((a, b) => a + b, 0);
      const g: WeightedGame = { players: weights.map((_, i) => `p${i}`), weights, quota: Math.ceil((0.3 + 0.7 * rnd()) * total), minCount: Math.floor(rnd() * (n + 1) * 0.6) };
      const rejecters = g.players.filter(() => rnd() < 0.7);
      const wins = (m: number) => {
        let w = 0;
        let c = 0;
        g.players.forEach((p, j) => {
          const out = rejecters.indexOf(p);
          if (out < 0 || !(m & (1 << out))) (w += weights[j]), c++;
        });
        return w >= g.quota && c >= g.minCount;
      };
      const blocking: number[] = [];
      for (let m = 1; m < 1 << rejecters.length; m++) if (!wins(m)) blocking.push(m);
      const minimal = blocking.filter((m) => !blocking.some((o) => o !== m && (o & m) === o));
      const size = (m: number) => rejecters.filter((_, j) => m & (1 << j)).length;
      minimal.sort((a, b) => size(a) - size(b) || a - b);
      expect(minimalBlocking(g, rejecters, 1000)).toEqual(minimal.map((m) => rejecters.filter((_, j) => m & (1 << j))));
    }
  });
});
