import { describe, expect, it } from 'vitest';
import { checkDrafts, diffDrafts, wordDiff, jaccard, renderWordDiff, sensitivity, zoneOfAgreement, UnknownDraftError } from '../../src/analysis/index.ts';
import { escapeHtml } from '../../src/analysis/report.ts';
import { plainWordDiff } from '../../src/analysis/tables.ts';
import { parse, threeActors, withHistory } from './cases.ts';

describe('checkDrafts', () => {
  const r = checkDrafts(parse(threeActors), { models: ['compromise'] });
  const d1 = r.drafts.find((d) => d.draft === 'd1')!;

  it('lists which point crosses whose red line, and by how much', () => {
    expect(d1.crossings).toEqual([
      { point: '1', issue: 'x', value: 70, actor: 'a', veto: true, bound: 'max', limit: 40, by: 30 },
      { point: '2', issue: 'y', value: 3, actor: 'c', veto: true, bound: 'min', limit: 4, by: 1 },
    ]);
    expect(d1.vetoedBy).toEqual(['a', 'c']);
  });

  it('gives each actor its salience-weighted utility against the status quo', () => {
    const a = d1.utilities.find((u) => u.actor === 'a')!;
    // a: weights 0.8/0.2; draft (70, 3): −(0.8·50/100 + 0.2·1/10) = −0.42; status quo (0, 5): −0.22.
    expect(a.utility).toBeCloseTo(-0.42, 12);
    expect(a.vsStatusQuo).toBeCloseTo(-0.2, 12);
    const b = d1.utilities.find((u) => u.actor === 'b')!;
    // b: weights 1/3, 2/3; draft −(10/300 + 2·5/30) = −0.3667; status quo −(80/300 + 2·3/30) = −0.4667.
    expect(b.utility).toBeCloseTo(-(1 / 30 + 1 / 3), 12);
    expect(b.vsStatusQuo).toBeCloseTo(0.1, 12);
    // Against the compromise forecast (39.35…, 5.947…): u_a(forecast) = −(0.8·19.35/100 + 0.2·3.947/10).
    const fx = 122 / 3.1;
    const fy = 11.3 / 1.9;
    expect(a.vsForecast.compromise).toBeCloseTo(-0.42 + (0.8 * (fx - 20)) / 100 + (0.2 * (fy - 2)) / 10, 12);
  });

  it('measures the draft distance from each forecast in % of each scale', () => {
    const dist = d1.distanceFromForecast.compromise;
    expect(dist.issues.x).toBeCloseTo(70 - 122 / 3.1, 10);
    expect(dist.issues.y).toBeCloseTo(((11.3 / 1.9 - 3) / 10) * 100, 10);
    expect(dist.mean).toBeCloseTo((dist.issues.x + dist.issues.y) / 2, 12);
  });

  it('rejects an unknown draft with the known ones named', () => {
    expect(() => checkDrafts(parse(threeActors), { drafts: ['nope'] })).toThrow(/unknown draft "nope" \(the case has: d1, d2\)/);
  });
});

describe('checkDrafts: the red lines of the draft\'s own date', () => {
  const byDate = checkDrafts(parse(withHistory()), { models: ['compromise'] });
  const latest = checkDrafts(parse(withHistory()), { models: ['compromise'], against: 'latest' });
  const onX = (r: typeof byDate, draft: string) => r.drafts.find((d) => d.draft === draft)!.crossings.filter((x) => x.issue === 'x').map((x) => [x.actor, x.limit, x.by]);

  it('checks d1 (20 Nov) against the lines of 20 Nov by default, and says so', () => {
    expect(byDate.against).toBe('draft-date');
    expect(byDate.drafts.map((d) => [d.draft, d.linesAsOf])).toEqual([['d1', '2025-11-20'], ['d2', '2025-11-24']]);
    // x = 70: a's line of 1 Nov (≤ 40) is crossed by 30; c's line of 22 Nov did not exist yet.
    expect(onX(byDate, 'd1')).toEqual([['a', 40, 30]]);
    // b is first recorded on 21 Nov: its earliest stances stand in, and are named.
    // (b's lines admit d1; its utility, −(10/300 + 2·5/30), comes from the stances of 21 Nov.)
    expect(byDate.drafts[0].utilities.find((u) => u.actor === 'b')!.utility).toBeCloseTo(-(1 / 30 + 1 / 3), 12);
    expect(byDate.drafts[0].firstRecordedLater).toEqual([{ actor: 'b', issue: 'x', date: '2025-11-21' }, { actor: 'b', issue: 'y', date: '2025-11-21' }]);
    expect(byDate.drafts[1].firstRecordedLater).toEqual([]);
  });

  it('uses the stances of the draft date for the utilities', () => {
    // a on 20 Nov: ideal (20, 2), weights 0.8/0.2; d1 (70, 3): −(0.8·50/100 + 0.2·1/10) = −0.42.
    expect(byDate.drafts[0].utilities.find((u) => u.actor === 'a')!.utility).toBeCloseTo(-0.42, 12);
    // Against the latest stances a's ideal on x is 60: −(0.8·10/100 + 0.2·1/10) = −0.1.
    expect(latest.drafts[0].utilities.find((u) => u.actor === 'a')!.utility).toBeCloseTo(-0.1, 12);
  });

  it('checks every draft against the latest lines with against: latest', () => {
    expect(latest.against).toBe('latest');
    expect(latest.drafts.map((d) => d.linesAsOf)).toEqual([null, null]);
    // a's redrawn line (≤ 80) admits 70; c's new line (≤ 60) is crossed by 10.
    expect(onX(latest, 'd1')).toEqual([['c', 60, 10]]);
    expect(latest.drafts[0].firstRecordedLater).toEqual([]);
  });

  it('with asOf, never takes a stance recorded after it, even as an earliest record', () => {
    const r = checkDrafts(parse(withHistory()), { models: ['compromise'], asOf: '2025-11-20' });
    expect(r.drafts.map((d) => d.draft)).toEqual(['d1']);
    expect(r.drafts[0].firstRecordedLater).toEqual([]);
    expect(r.drafts[0].crossings.some((x) => x.actor === 'b')).toBe(false);
  });
});

describe('diffDrafts', () => {
  const diff = diffDrafts(parse(threeActors), 'd1', 'd2');

  it('aligns points by number and by text, and finds moved, removed and added points', () => {
    expect(diff.points.map((p) => [p.status, p.numberA, p.numberB, p.renumbered])).toEqual([
      ['modified', '1', '1', false],
      ['removed', '2', null, false],
      ['unchanged', '3', '2', true],
      ['added', null, '3', false],
    ]);
  });

  it('says who gains and who loses by each value change', () => {
    const p1 = diff.points[0].valueChanges[0];
    expect(p1).toMatchObject({ issue: 'x', from: 70, to: 50 });
    const gain = Object.fromEntries(p1.gains.map((g) => [g.actor, g.change]));
    // a (ideal 20, weight 0.8): 0.8·(50 − 30)/100 = 0.16; b (80, 1/3): (10 − 30)/300; c (50, 2/3): 2/3·20/100.
    expect(gain.a).toBeCloseTo(0.16, 12);
    expect(gain.b).toBeCloseTo(-20 / 300, 12);
    expect(gain.c).toBeCloseTo(40 / 300, 12);
    // The removed point returns y to the status quo 5: a (ideal 2, weight 0.2) loses 0.2·(3 − 1)/10.
    const removed = diff.points[1].valueChanges[0];
    expect(removed).toMatchObject({ issue: 'y', from: 3, to: null });
    expect(removed.gains.find((g) => g.actor === 'a')!.change).toBeCloseTo(-0.04, 12);
    const net = Object.fromEntries(diff.netGains.map((g) => [g.actor, g.change]));
    expect(net.a).toBeCloseTo(0.12, 12);
    expect(diff.issues.map((i) => [i.issue, i.from, i.to])).toEqual([['x', 70, 50], ['y', 3, null]]);
  });
});

describe('text comparison', () => {
  it('diffs words by their longest common subsequence', () => {
    expect(wordDiff('Ukraine keeps its army', 'Ukraine caps its army')).toEqual([
      { op: 'equal', text: 'Ukraine' },
      { op: 'delete', text: 'keeps' },
      { op: 'insert', text: 'caps' },
      { op: 'equal', text: 'its army' },
    ]);
    expect(wordDiff('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
  });

  it('renders a word diff in any markup, escaping every run first', () => {
    const ops = wordDiff('keeps <b>', 'caps <b>');
    expect(plainWordDiff(ops)).toBe('[-keeps-] {+caps+} <b>');
    expect(renderWordDiff(ops, { escape: escapeHtml, deleted: (t) => `<del>${t}</del>`, inserted: (t) => `<ins>${t}</ins>` })).toBe('<del>keeps</del> <ins>caps</ins> &lt;b&gt;');
  });

  it('measures word-set similarity', () => {
    // {a, b, c} vs {b, c, d}: 2 common of 4.
    expect(jaccard('A b c', 'b, c d')).toBe(0.5);
    expect(jaccard('', '')).toBe(1);
  });
});

describe('the heading every analysis report opens with', () => {
  it('names the case, the as-of date and the scenario in the same way in each report', () => {
    const c = parse({ ...threeActors, scenarios: [{ id: 'weak-a', title: 'A weakens', changes: [{ actor: 'a', field: 'capability', value: 1 }] }] });
    const opts = { models: ['compromise'], asOf: '2025-11-22', scenario: 'weak-a' };
    const heading = { case: { id: 'three', title: 'Three actors' }, asOf: '2025-11-22', scenario: 'weak-a' };
    for (const r of [checkDrafts(c, opts), zoneOfAgreement(c, opts), sensitivity(c, opts)]) expect({ case: r.case, asOf: r.asOf, scenario: r.scenario }).toEqual(heading);
    expect(Object.keys(checkDrafts(c, { models: ['compromise'] })).slice(0, 3)).toEqual(['case', 'asOf', 'scenario']);
  });
});
