import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from './run.ts';
import { threeActors, twoActors, withHistory } from '../analysis/cases.ts';
import { projectRoot } from '../helpers/reference.ts';
import { analysisAction } from '../../src/cli/commands/analysis-common.ts';
import { SimulationCancelled } from '../../src/analysis/index.ts';
import { CliError } from '../../src/cli/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-analysis-'));
const three = join(dir, 'three.yaml');
writeFileSync(three, stringify(threeActors));
const two = join(dir, 'two.yaml');
writeFileSync(two, stringify(twoActors));
const history = join(dir, 'history.yaml');
writeFileSync(history, stringify(withHistory()));
const broken = join(dir, 'broken.yaml');
writeFileSync(broken, 'id: b\ntitle: B\nactors: [{id: a, name: A, kind: state, capability: 1}]\nissues: [{id: x, title: X, statusQuo: 0}]\nstances: [{actor: a, issue: x, position: fifty, salience: 1}]\n');

describe('parley zopa', () => {
  it('prints the zones and the lines that must move', async () => {
    const r = await runCli('zopa', three, '--model', 'compromise');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No package respects every veto holder');
    expect(r.stdout).toMatch(/x\s+0–100\s+none\s+none\s+a b\s+40 \(any of 40–60\)\s+b min 60→40 \(20\)/);
  });

  it('gives the same report as JSON and CSV', async () => {
    const json = JSON.parse((await runCli('zopa', three, '--format', 'json', '--model', 'compromise')).stdout);
    expect(json.issues[1].zone).toEqual({ min: 4, max: 10 });
    const csv = (await runCli('zopa', three, '--format', 'csv', '--model', 'compromise')).stdout.split('\n');
    expect(csv[0]).toBe('issue,zone_min,zone_max,all_actors_min,all_actors_max,veto_holders,open_at,open_movement,moves');
    expect(csv[2]).toBe('y,4,10,4,9,c,,,');
  });

  it('exits 1 naming the file, line and field of a bad case, and 2 for an unknown model', async () => {
    const bad = await runCli('zopa', broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:5:\\d+: stances\\[0\\]\\.position`));
    const model = await runCli('zopa', three, '--model', 'oracle');
    expect(model.code).toBe(2);
    expect(model.stderr).toContain('unknown model "oracle"');
  });
});

describe('parley drafts', () => {
  it('checks drafts against red lines', async () => {
    const r = await runCli('drafts', three, '--model', 'compromise');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Crosses the veto red line of: a, c.');
    expect(r.stdout).toMatch(/1\s+x\s+70\s+a\s+yes\s+max 40\s+30/);
  });

  it("checks each draft against the red lines of its own date, or with --against latest against today's", async () => {
    const r = await runCli('drafts', history, '--model', 'compromise', '--draft', 'd1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[d1], 2025-11-20: red lines crossed (red lines in force on its date, 2025-11-20)');
    expect(r.stdout).toContain('2 actor × issue stances were first recorded after 2025-11-20: the earliest record is used.');
    expect(r.stdout).toMatch(/1\s+x\s+70\s+a\s+yes\s+max 40\s+30/);
    const latest = await runCli('drafts', history, '--model', 'compromise', '--draft', 'd1', '--against', 'latest');
    expect(latest.stdout).toContain('[d1], 2025-11-20: red lines crossed (the latest red lines)');
    expect(latest.stdout).toMatch(/1\s+x\s+70\s+c\s+yes\s+max 60\s+10/);
    expect(latest.stdout).not.toMatch(/max 40/);
    const csv = (await runCli('drafts', history, '--model', 'compromise', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('draft,lines_as_of,actor,utility,vs_status_quo,vs_compromise,veto,crossings');
    expect(csv[1]).toMatch(/^d1,2025-11-20,a,/);
    const json = JSON.parse((await runCli('drafts', history, '--model', 'compromise', '--format', 'json', '--against', 'latest')).stdout);
    expect([json.against, json.drafts[0].linesAsOf]).toEqual(['latest', null]);
    expect((await runCli('drafts', history, '--against', 'yesterday')).code).toBe(2);
  });

  it('diffs two drafts point by point', async () => {
    const r = await runCli('drafts', three, '--diff', 'd1', 'd2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/removed\s+2\s+/);
    expect(r.stdout).toMatch(/unchanged, renumbered\s+3\s+2/);
    const json = JSON.parse((await runCli('drafts', three, '--diff', 'd1', 'd2', '--format', 'json')).stdout);
    expect(json.points.map((p: { status: string }) => p.status)).toEqual(['modified', 'removed', 'unchanged', 'added']);
  });

  it('refuses a diff of one draft or of an unknown draft', async () => {
    const one = await runCli('drafts', three, '--diff', 'd1');
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--diff takes two draft ids');
    const unknown = await runCli('drafts', three, '--diff', 'd1', 'd9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown draft "d9" (the case has: d1, d2)');
  });
});

describe('parley simulate / sensitivity / scenarios / timeline', () => {
  it('simulate prints quantiles, reproducibly, whatever the worker count', async () => {
    const args = ['simulate', three, '--runs', '600', '--seed', '5', '--model', 'compromise', '--format', 'json'];
    const a = await runCli(...args, '--workers', '1');
    const b = await runCli(...args, '--workers', '3');
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const csv = await runCli('simulate', three, '--runs', '200', '--workers', '1', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('model,issue,p05,p25,p50,p75,p95,mean,p_issue_veto_holders,p_all_veto_holders,p_every_actor');
    const bad = await runCli('simulate', three, '--distribution', 'normal');
    expect(bad.code).toBe(2);
  });

  it('simulate runs its worker threads from bin/parley.js', () => {
    const r = spawnSync(process.execPath, [join(projectRoot, 'bin/parley.js'), 'simulate', three, '--runs', '500', '--workers', '2', '--model', 'compromise', '--format', 'csv'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^compromise,x,/);
  });

  it('sensitivity ranks the swings', async () => {
    const r = await runCli('sensitivity', two, '--model', 'compromise', '--as-of', '2025-01-31', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4)).toEqual([
      'compromise,1,b,x,position,40,100,x,20,50,30,30',
      'compromise,2,a,,capability,1,3,x,30,15,15,15',
      'compromise,3,b,x,salience,50,100,x,20,30,10,10',
    ]);
  });

  it('scenarios and timeline print side by side', async () => {
    const s = await runCli('scenarios', two, '--model', 'compromise', '--format', 'csv');
    expect(s.stdout).toContain('b-weaker,compromise,x,26.666666666666668,-13.333333333333332');
    const t = await runCli('timeline', two, '--model', 'compromise');
    expect(t.stdout).toMatch(/2025-02-01\s+40\s+yes\s+1 stances \(b\)/);
    const bad = await runCli('scenarios', two, '--scenario', 'nope');
    expect(bad.code).toBe(2);
  });
});

describe('analysis command errors', () => {
  it('turns a cancelled simulation into a message with exit code 1, not a stack trace', async () => {
    const err = await analysisAction(async () => { throw new SimulationCancelled(); }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(1);
    expect((err as CliError).message).toContain('simulation cancelled');
  });

  it('lets unexpected errors through (they are bugs, not user input)', async () => {
    await expect(analysisAction(async () => { throw new TypeError('boom'); })).rejects.toBeInstanceOf(TypeError);
  });
});

describe('parley report', () => {
  it('takes the Monte Carlo options simulate takes (--rounds included) and writes the document', async () => {
    const out = join(dir, 'report.md');
    const r = await runCli('report', history, '--out', out, '--runs', '20', '--seed', '3', '--workers', '1', '--rounds', '2', '--distribution', 'uniform', '--model', 'compromise', '--against', 'latest');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*report\.md \(\d+ bytes\)/);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('Monte Carlo: 20 runs, seed 3, uniform distributions.');
    expect(md).toContain('Every draft is checked against the latest red lines and stances, whatever its date.');
    const bad = await runCli('report', history, '--out', join(dir, 'report.pdf'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--out must end in .md or .html');
  });
});
