import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
const good = join(dir, 'good.yaml');
writeFileSync(
  good,
  `id: g
title: Good
actors: [{id: a, name: Alpha, kind: state, capability: 1}, {id: b, name: Beta, kind: person, capability: 2}]
issues: [{id: x, title: Ex, statusQuo: 5, scale: {anchors: [{at: 0, label: none}, {at: 100, label: all}]}}]
stances:
  - {actor: a, issue: x, date: 2025-01-01, position: 10, salience: 50, redLine: {max: 40, veto: true}, evidence: [e]}
  - {actor: a, issue: x, date: 2025-06-01, position: 30, salience: 50, evidence: [e]}
evidence: [{id: e, kind: quote, text: hi, date: 2025-01-01}]
`,
);
const bad = join(dir, 'bad.yaml');
writeFileSync(bad, `id: b\ntitle: Bad\nactors: [{id: a, name: A, kind: state, capability: 1}]\nissues: [{id: x, title: X, statusQuo: 500}]\nstances: [{actor: q, issue: x, position: 1, salience: 1}]\n`);

describe('parley check / show / schema', () => {
  it('check: exit 0 and a summary for a valid file', async () => {
    const r = await runCli('check', good);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('good.yaml: ok (2 actors, 1 issues, 2 stances');
  });

  it('check: exit 1 and every problem with its line for a broken file', async () => {
    const r = await runCli('check', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:4:39: issues[0].statusQuo: status quo 500 is outside the scale of issue "x" (0 to 100)`);
    expect(r.stderr).toContain(`${bad}:5:19: stances[0].actor: unknown actor "q"`);
    expect(r.stderr).toContain(`${bad}: 2 problems`);
  });

  it('exit 2 for wrong usage', async () => {
    expect((await runCli('check')).code).toBe(2);
    expect((await runCli('show', good, '--format', 'xml')).code).toBe(2);
    expect((await runCli('show', good, '--as-of', '2025-02-31')).code).toBe(2);
    expect((await runCli('no-such-command')).code).toBe(2);
  });

  it('show --format json: the matrix as of a date', async () => {
    const now = JSON.parse((await runCli('show', good, '--format', 'json')).stdout);
    expect(now.cells).toEqual([expect.objectContaining({ actor: 'a', issue: 'x', position: { value: 30 }, evidenceCount: 1, redLine: null })]);
    const then = JSON.parse((await runCli('show', good, '--format', 'json', '--as-of', '2025-03-01')).stdout);
    expect(then.asOf).toBe('2025-03-01');
    expect(then.cells[0]).toMatchObject({ position: { value: 10 }, redLine: { max: 40, veto: true } });
  });

  it('show: a table with anchors, and CSV', async () => {
    const table = (await runCli('show', good)).stdout;
    expect(table).toContain('0 = none; 100 = all');
    expect(table).toMatch(/Alpha\s+30\s+50/);
    const csv = (await runCli('show', good, '--format', 'csv')).stdout.trim().split('\n');
    expect(csv[0]).toBe('actor,issue,position,position_low,position_high,salience,salience_low,salience_high,redline_min,redline_max,veto,evidence,date');
    expect(csv[1]).toBe('a,x,30,,,50,,,,,,1,2025-06-01');
  });

  it('schema: prints the JSON Schema; --version and --help exit 0', async () => {
    const r = await runCli('schema');
    expect(JSON.parse(r.stdout).title).toBe('parley case file');
    const v = await runCli('--version');
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect((await runCli('show', '--help')).code).toBe(0);
  });
});
