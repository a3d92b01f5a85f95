import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-forecast-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// Two actors, one issue with anchors: compromise (2·1·0 + 1·1·90)/3 = 30, median 0 (A holds 2/3),
// Nash (status quo 100, both below it, unanimity, linear): y = (100, 10) from d = 100, weights (2, 1):
// on (10, 20): 2/y − 1/(20 − y) = 0 → y = 40/3 → x = 100 − 40/3 = 86.67.
const twoActors = write(
  'two.yaml',
  `id: two
title: Two actors
actors:
  - { id: a, name: Alpha, kind: state, capability: 2 }
  - { id: b, name: Beta, kind: state, capability: 1 }
issues:
  - id: x
    title: The issue
    statusQuo: 100
    scale: { min: 0, max: 100, anchors: [{ at: 0, label: Nothing }, { at: 30, label: A third }, { at: 100, label: Everything }] }
stances:
  - { actor: a, issue: x, position: 0, salience: 100 }
  - { actor: b, issue: x, position: 90, salience: 100 }
`,
);

describe('parley forecast', () => {
  it('prints every chosen model side by side with the nearest anchor', async () => {
    const r = await runCli('forecast', twoActors, '--model', 'compromise,median,nash');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/issue\s+scale\s+status quo\s+compromise\s+median\s+nash/);
    expect(r.stdout).toMatch(/The issue\s+0–100\s+100\s+30 ≈30\s+0 ≈0\s+86\.67 ≈100/);
    expect(r.stdout).toContain('30 = A third');
  });

  it('--format json: one object per model, keyed by actor and issue names, round 0 the input', async () => {
    const r = await runCli('forecast', twoActors, '--model', 'compromise', '--model', 'nash', '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json.map((m: { model: string }) => m.model)).toEqual(['compromise', 'nash']);
    expect(json[0]).toMatchObject({ actors: ['Alpha', 'Beta'], issues: ['The issue'], outcome: { 'The issue': 30 } });
    expect(json[0].rounds[0].positions).toEqual({ Alpha: { 'The issue': 0 }, Beta: { 'The issue': 90 } });
    expect(json[1].outcome['The issue']).toBeCloseTo(100 - 40 / 3, 10);
    expect(json[1].params).toEqual({ utility: 'linear', rule: 'unanimity', coalitionShare: 1 });
    expect(json[1].rounds[0].bargains[0].why).toMatch(/Alpha, Beta/);
  });

  it('routes model parameters to their model only, and --format csv', async () => {
    const r = await runCli('forecast', twoActors, '--model', 'nash,compromise', '--rule', 'coalition', '--coalition-share', '0.6', '--utility', 'quadratic', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('model,issue,title,outcome,nearest_anchor');
    expect(lines[2]).toBe('compromise,x,The issue,30,A third');
    // Quadratic, y from d = 100: 3/y = 2/(200 − y) + 1/(20 − y) → 3(200−y)(20−y) = y(2(20−y) + (200−y))
    // → 6y² − 900y + 12000 = 0 → y = 75 − √3625 ≈ 14.79 → x ≈ 85.21.
    expect(Number(lines[1].split(',')[3])).toBeCloseTo(100 - (75 - Math.sqrt(3625)), 8);
  });

  it('exit codes: 2 for wrong usage, 1 for bad input, with located errors', async () => {
    expect((await runCli('forecast', twoActors, '--model', 'oracle')).code).toBe(2);
    expect((await runCli('forecast', twoActors, '--q', '1.5')).code).toBe(2);
    expect((await runCli('forecast', twoActors, '--variant', 'folklore')).code).toBe(2);
    expect((await runCli('forecast', twoActors, '--scenario', 'nope')).code).toBe(2);
    expect((await runCli('forecast', join(dir, 'missing.yaml'))).code).toBe(1);
    const bad = write('bad.csv', 'Actor,Capability,Position,Salience\nA,1,5,0.5\nB,x,7,0.5\n');
    const r = await runCli('forecast', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:3: Capability: capability must be a number, got "x"`);
    expect(r.stdout).toBe('');
  });
});

// Stokman's exchange, two actors, two issues (c = 1): Alpha cares for P (s .9) over Q (.1), Beta the
// reverse; O_P = (.9·0 + .1·100)/1 = 10, O_Q = 90. Beta moving fully to 0 on P shifts O_P by 10; equal
// gain gives ΔO_Q = 10·(.9+.1)/(.1+.9) = 10, Alpha's move on Q = 10·1/.1 = 100 (to Beta's 100); each
// gains .9·10 − .1·10 = 8. After round 1: P = 0, Q = 100.
const trade = write(
  'trade.yaml',
  `id: trade
title: Trade
actors:
  - { id: a, name: Alpha, kind: state, capability: 1 }
  - { id: b, name: Beta, kind: state, capability: 1 }
issues:
  - { id: p, title: P, statusQuo: 50, scale: { min: 0, max: 100 } }
  - { id: q, title: Q, statusQuo: 50, scale: { min: 0, max: 100 } }
stances:
  - { actor: a, issue: p, position: 0, salience: 90 }
  - { actor: a, issue: q, position: 0, salience: 10 }
  - { actor: b, issue: p, position: 100, salience: 10 }
  - { actor: b, issue: q, position: 100, salience: 90 }
`,
);

describe('parley forecast: exchange parameters', () => {
  const exchangeJson = async (...args: string[]) => {
    const r = await runCli('forecast', trade, '--model', 'exchange', '--rounds', '1', '--format', 'json', ...args);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout)[0];
  };

  it('equal gain by default: the hand-computed exchange, --tie-break reaches the engine', async () => {
    const ex = await exchangeJson('--tie-break', 'first');
    expect(ex.params).toEqual({ rounds: 1, variant: 'equal-gain', p: 0, seed: 0, tieBreak: 'first', arithmetic: 'double' });
    expect(ex.outcome).toEqual({ P: 0, Q: 100 });
    expect(ex.rounds[1].exchanges).toHaveLength(1);
    expect(ex.rounds[1].exchanges[0]).toMatchObject({ i: 'Alpha', supplyI: 'Q', j: 'Beta', supplyJ: 'P', gain: 8, gainI: 8, gainJ: 8, toI: 100, toJ: 0 });
  });

  it('--arithmetic decimal: decide\'s decimals give the same hand-computed exchange; --tie-choices takes decisions 0-3', async () => {
    const ex = await exchangeJson('--arithmetic', 'decimal', '--tie-choices', '1,0');
    expect(ex.params).toMatchObject({ arithmetic: 'decimal', variant: 'equal-gain' });
    expect(ex.outcome).toEqual({ P: 0, Q: 100 });
    expect(ex.rounds[1].exchanges[0]).toMatchObject({ i: 'Alpha', j: 'Beta', gain: 8, toI: 100, toJ: 0 });
    const seeded = await exchangeJson('--arithmetic', 'decimal', '--tie-break', 'python', '--seed', '1');
    expect(seeded.params).toMatchObject({ arithmetic: 'decimal', tieBreak: 'python', seed: 1 });
    const bad = await runCli('forecast', trade, '--model', 'exchange', '--tie-choices', '0,4');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('exchange: tieChoices must be comma-separated integers 0–3, e.g. 0,1,1,0, got "0,4"');
    const rex = await runCli('forecast', trade, '--model', 'exchange', '--arithmetic', 'decimal', '--variant', 'random');
    expect(rex.code).not.toBe(0);
    expect(rex.stderr).toContain('equal-gain model only');
  });

  it('--variant random --p: p = 0 is equal gain; p = 1 divides the gain unequally, seeded', async () => {
    const p0 = await exchangeJson('--variant', 'random', '--p', '0', '--seed', '3');
    expect(p0.params).toMatchObject({ variant: 'random', p: 0, seed: 3 });
    expect(p0.rounds[1].exchanges[0]).toMatchObject({ gainI: 8, gainJ: 8, toJ: 0 });
    const p1 = await exchangeJson('--variant', 'random', '--p', '1', '--seed', '3');
    const again = await exchangeJson('--variant', 'random', '--p', '1', '--seed', '3');
    expect(again.rounds).toEqual(p1.rounds);
    const e = p1.rounds[1].exchanges[0];
    expect(e.gainI).not.toBeCloseTo(e.gainJ, 6);
    expect(Math.min(e.gainI, e.gainJ)).toBeGreaterThanOrEqual(0);
    // Only Beta's supply on P was re-divided: Alpha still moves all the way on Q.
    expect(e.toI).toBe(100);
    expect(e.toJ).toBeGreaterThan(0);
    expect(p1.outcome.P).toBeCloseTo(e.toJ * 0.1, 12);
  });

  it('--variant goes to the models it fits; a value no chosen model takes is wrong usage', async () => {
    const r = await runCli('forecast', trade, '--model', 'exchange,bdm', '--variant', 'random', '--rounds', '1', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const [ex, bdm] = JSON.parse(r.stdout);
    expect(ex.params.variant).toBe('random');
    expect(bdm.params.variant).toBe('paper');
    const wrong = await runCli('forecast', trade, '--model', 'bdm', '--variant', 'random');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--variant random is not a choice of the chosen model (bdm: paper|reference)');
    expect((await runCli('forecast', trade, '--model', 'exchange', '--variant', 'paper')).code).toBe(2);
    expect((await runCli('forecast', trade, '--model', 'exchange', '--p', '1.5')).code).toBe(2);
    expect((await runCli('forecast', trade, '--model', 'exchange', '--tie-break', 'coin')).code).toBe(2);
  });
});

describeWithReference('parley forecast on the BDM replication input', () => {
  it('bdm, reference variant, JSON: the log’s round 1, with the median and the mean per round', async () => {
    const r = await runCli('forecast', referencePath('bdm/ExampleActors.csv'), '--model', 'bdm', '--variant', 'reference', '--rounds', '2', '--format', 'json');
    expect(r.code).toBe(0);
    const [bdm] = JSON.parse(r.stdout);
    expect(bdm.params).toEqual({ q: 1, rounds: 2, variant: 'reference' });
    expect(bdm.rounds).toHaveLength(3);
    expect(bdm.rounds[1].positions.Belgium.ExampleActors).toBeCloseTo(8.415932315426764, 9);
    expect(bdm.rounds[1].mean.ExampleActors).toBeCloseTo(7.461314378277189, 9);
    expect(bdm.rounds[1].median.ExampleActors).toBeCloseTo(8.415932315426764, 9);
    expect(bdm.rounds[1].moves[0]).toMatchObject({ actor: 'Belgium', issue: 'ExampleActors', detail: { offer: 'compromise', challenger: 'France' } });
  });
});
