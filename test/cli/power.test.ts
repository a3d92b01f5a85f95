import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';
import { checkDrafts } from '../../src/analysis/drafts.ts';
import { loadCaseFile } from '../../src/case/load.ts';

type Block = { draft?: string; package?: string; opponents: string[]; blocked: boolean; coalitions: string[][] };

describe('parley power: who blocks each draft and package', () => {
  it('Ukraine: each draft is blocked by the veto holders and deciders the draft checks find vetoing it; no package', async () => {
    const r = await runCli('power', 'examples/ukraine-2025.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.drafts.map((d: Block) => [d.draft, d.blocked, d.coalitions.map((k) => k.join('+')).join(';')])).toEqual([
      // Ukraine's veto, or the EU alone: it decides sanctions (rule single) and the plan lifts them past its line
      ['us-28-point', true, 'ukraine;eu'],
      ['e3-counter-proposal', true, 'russia'],
      ['geneva-19-point', true, 'ukraine'],
      ['us-ukraine-20-point', true, 'russia'],
    ]);
    // the 28-point plan: Ukraine with the veto; the E3, the EU and the Congress critics against it without one
    expect(j.drafts[0].opponents).toEqual(['ukraine', 'e3', 'eu', 'us-congress']);
    expect(j.drafts[0].blockedOn).toContain('sanctions');
    expect(j.drafts[2].blockedOn).not.toContain('sanctions'); // Geneva: only Ukraine's lines, on the issues it settles
    // the acceptance rule is the draft checks' one: every veto holder whose line a draft crosses (today's lines) blocks it
    const checks = checkDrafts(await loadCaseFile('examples/ukraine-2025.yaml'), { against: 'latest' });
    for (const d of checks.drafts) {
      const mine = j.drafts.find((x: Block) => x.draft === d.draft);
      for (const v of d.vetoedBy) expect(mine.coalitions).toContainEqual([v]);
    }
    expect(j.packages).toEqual([]);
    expect(j.packagesError).toBeNull();
  });

  it('tutorial: the mayor’s draft is blocked by the Ratepayers; no package is blocked; the table shows names', async () => {
    const r = await runCli('power', 'examples/tutorial.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.drafts).toHaveLength(1);
    expect(j.drafts[0]).toMatchObject({ draft: 'mayor-draft', opponents: ['ratepayers'], blocked: true, coalitions: [['ratepayers']] });
    expect(j.drafts[0].objections).toEqual([{ actor: 'ratepayers', crosses: ['property-tax'], worseThanStatusQuo: true }]);
    expect(j.packages.map((p: Block) => p.package)).toEqual(['maxmin', 'nash', 'ks']);
    for (const p of j.packages as Block[]) {
      expect(p.blocked).toBe(false);
      expect(p.coalitions).toEqual([]);
      expect(p.opponents).not.toContain('ratepayers'); // the only veto holder: every package is inside its lines
    }
    const t = await runCli('power', 'examples/tutorial.yaml');
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Who blocks each draft and package');
    const line = (start: string) => t.stdout.split('\n').find((l) => l.startsWith(start)) ?? '';
    expect(line("The mayor's draft budget")).toMatch(/Ratepayers' Association.*\byes\b.*Ratepayers' Association/);
    for (const k of ['max-min gain', 'Nash product', 'Kalai-Smorodinsky']) expect(line(`package: ${k}`)).toMatch(/\bno\b\s+—/);
    expect(t.stdout).not.toMatch(/\bratepayers\b/);
  });

  it('--draft keeps that draft and adds the efficient package nearest it; an unknown draft exits 2', async () => {
    const r = await runCli('power', 'examples/tutorial.yaml', '--draft', 'mayor-draft', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.drafts.map((d: Block) => d.draft)).toEqual(['mayor-draft']);
    expect(j.packages.map((p: Block) => p.package)).toEqual(['maxmin', 'nash', 'ks', 'nearest-mayor-draft']);
    expect(j.packages[3].blocked).toBe(false);
    const bad = await runCli('power', 'examples/tutorial.yaml', '--draft', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown draft "nope" \(the case has: mayor-draft\)/);
  });

  it('--as-of leaves out the drafts tabled later', async () => {
    const r = await runCli('power', 'examples/ukraine-2025.yaml', '--as-of', '2025-11-25', '--format', 'json');
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.stdout).drafts.map((d: Block) => d.draft);
    expect(ids).toContain('us-28-point');
    expect(ids).not.toContain('us-ukraine-20-point');
  });
});

describe('parley research: names in the table, ids in JSON and CSV', () => {
  it('shows actor names and issue titles in the table', async () => {
    const t = await runCli('research', 'examples/tutorial.yaml', '--top', '3', '--model', 'compromise');
    expect(t.code).toBe(0);
    const rows = t.stdout.split('\n').filter((l) => /^\d+\s/.test(l));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/Millbrook|Ratepayers' Association|Mayor of Millbrook/);
    expect(t.stdout).not.toMatch(/\b(ratepayers|labour|greens|property-tax|bus-line|library-hours)\b/);
    const csv = await runCli('research', 'examples/tutorial.yaml', '--format', 'csv', '--model', 'compromise');
    const first = csv.stdout.split('\n')[1].split(',');
    expect(['labour', 'ratepayers', 'greens', 'mayor']).toContain(first[1]);
    const j = JSON.parse((await runCli('research', 'examples/tutorial.yaml', '--format', 'json', '--model', 'compromise')).stdout);
    expect(['labour', 'ratepayers', 'greens', 'mayor']).toContain(j.items[0].actor);
  });
});
