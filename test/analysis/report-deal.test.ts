/**
 * The report's Deal section: on a case with a package (worked out by hand: the max-min package (80, 20),
 * 0.15 each, test/deal/packages.test.ts), the packages with their anchor words, every actor's gain, the
 * frontier chart and its text, the power table; on cases without one (Territory; Ukraine), the plain
 * statement and the zone levers. Names, not ids; case text escaped.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/report.ts';
import { nodeDocument } from '../../src/charts/node-document.ts';
import { loadCaseFile, parseCase } from '../../src/case/load.ts';
import { parse, threeActors } from './cases.ts';

const opts = { document: nodeDocument(), runs: 100, seed: 1, workers: 1, models: ['compromise'], generatedAt: new Date('2026-12-01T10:00:00Z') };
const dealOf = (md: string) => md.slice(md.indexOf('## Deal'), md.indexOf('## Forecasts under uncertainty'));

/** Two veto holders with opposite ideals, Beta's veto line x ≤ 80, Gamma without a stance. */
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
evidence:
  - {id: q1, kind: quote, text: Words., speaker: Someone, actor: b, date: 2025-11-21}
`;

describe('the Deal section of the report', () => {
  it('a case with a package: the packages, every gain, the frontier of the two veto holders, the power table', async () => {
    const md = await buildReport(parseCase(hand, 'hand.yaml'), { ...opts, format: 'md' });
    const deal = dealOf(md);
    expect(md.indexOf('## Drafts')).toBeLessThan(md.indexOf('## Deal'));
    expect(deal).toContain('A package satisfies every veto holder (Alpha and Beta).');
    expect(deal).toContain('| issue | status quo | max-min gain | Nash product | Kalai-Smorodinsky |');
    // The max-min package (80, 20); Nash and Kalai-Smorodinsky from HiGHS (their gains below).
    expect(deal).toMatch(/\| X \| 50 \(between none and all\) \| 80 \(between none and all\) \| 80 /);
    expect(deal).toMatch(/\| Y \| 50 \(between none and all\) \| 20 \(between none and all\) \| 0 \(none\) \| /);
    expect(deal).toMatch(/\| Alpha \(veto\) \| 15\.0 \| 10\.0 \| 13\.\d \|/);
    expect(deal).toMatch(/\| Beta \(veto\) \| 15\.0 \| 30\.0 \| 19\.\d \|/);
    // Gamma states nothing: no gain row; but has no power either.
    expect(deal).not.toContain('| Gamma (veto)');
    // The frontier chart (Beta, the more capable veto holder, across), one SVG line, and its words: the
    // curve worked out in test/charts/frontier.test.ts with the axes swapped, Beta from +50 (Alpha −50) to −45 (Alpha +35).
    const svg = deal.split('\n').filter((l) => l.startsWith('<svg') || l.startsWith('<figure'));
    expect(svg).toHaveLength(1);
    expect(svg[0]).toContain('frontier-curve');
    expect(deal).toContain(
      'Gains over the status quo (utility × 100) of Beta and Alpha; the status quo is at 0, 0. The frontier runs from Beta +50.0 with Alpha −50.0 to Beta −45.0 with Alpha +35.0. max-min gain: Beta +15.0, Alpha +15.0;',
    );
    // Unanimity of two veto holders: half the power each, either can block alone.
    expect(deal).toContain('Decision rule (X): unanimity of the veto holders; indices exact. Minimal blocking coalitions: Alpha; Beta.');
    expect(deal).toContain('| Alpha | 50 % | 50 % |');
    expect(deal).toContain('| Gamma | 0 % | 0 % |');
    expect(deal).not.toContain('What would open a zone');
  });

  it('a case without one: said plainly, and the red-line moves that would open the zone (Territory: 40 ↔ 60, by hand)', async () => {
    const md = await buildReport(parse(threeActors), { ...opts, format: 'md' });
    const deal = dealOf(md);
    expect(deal).toContain('No package satisfies every veto holder: their red lines leave no common value on Territory.');
    expect(deal).not.toContain('<svg');
    expect(deal).toContain('the share of 100 Monte Carlo draws (seed 1)');
    // Alpha's x ≤ 40 and Beta's x ≥ 60: either moves 20 (20 % of the 0–100 scale) to meet the other.
    expect(deal).toContain('| 1 | Alpha | Territory | red line (upper bound) | 40 | 60 | 20 % | 100 % | OUTSIDE its evidence | – |');
    expect(deal).toContain('| 2 | Beta | Territory | red line (lower bound) | 60 | 40 | 20 % | 100 % | OUTSIDE its evidence | – |');
  });

  it('HTML: the section escaped like the rest (a hostile actor name stays text)', async () => {
    const c = parse({ ...threeActors, actors: threeActors.actors!.map((a) => (a.id === 'b' ? { ...a, name: '<b onmouseover=alert(3)>Beta</b>' } : a)) });
    const html = await buildReport(c, { ...opts, format: 'html' });
    const deal = html.slice(html.indexOf('<h2>Deal</h2>'), html.indexOf('<h2>Forecasts under uncertainty'));
    expect(deal).toContain('<td>&lt;b onmouseover=alert(3)&gt;Beta&lt;/b&gt;</td><td>Territory</td><td>red line (lower bound)</td>');
    expect(deal).not.toMatch(/<b /);
  });

  it('a case the packages cannot read (a discrete scale of 20,001 points without anchors): said, and the rest of the report stands', async () => {
    const text = hand.replace('  - {id: y, title: Y,', '  - {id: z, title: Z, statusQuo: 0, scale: {min: 0, max: 20000, discrete: true}}\n  - {id: y, title: Y,');
    expect(text).not.toBe(hand);
    const md = await buildReport(parseCase(text, 'hand.yaml'), { ...opts, format: 'md' });
    expect(dealOf(md)).toContain('The packages could not be computed: a discrete scale without anchors has too many points (0..20000).');
    expect(md).toContain('## Forecasts under uncertainty (Monte Carlo)');
  });

  it('Ukraine: no package on Donbas and Crimea, the zone levers by name, Russia and Ukraine in the power table', async () => {
    const c = await loadCaseFile('examples/ukraine-2025.yaml');
    const md = await buildReport(c, { ...opts, runs: 50, format: 'md' });
    const deal = dealOf(md);
    const t = (id: string) => c.issues.find((i) => i.id === id)!.title;
    expect(deal).toContain(`No package satisfies every veto holder: their red lines leave no common value on ${t('donbas')} and ${t('crimea')}.`);
    // The same levers as parley levers --target zone: Russia's Crimea line from 50 to 25 first, in every draw.
    expect(deal).toContain(`| 1 | Russia | ${t('crimea')} | red line (lower bound) | 50 | 25 | 25 % | 100 % | OUTSIDE its evidence | – |`);
    expect(deal).toMatch(/\| Russia \| [\d.]+ % \| [\d.]+ % \|/);
    expect(deal).toMatch(/\| Ukraine \| [\d.]+ % \| [\d.]+ % \|/);
    // Names, never ids, in the rows.
    expect(deal).not.toMatch(/\| (russia|ukraine|usa|eu|donbas|crimea) \|/);
  }, 120_000);
});
