import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';
import { parseCase } from '../../src/case/load.ts';
import { checkDrafts } from '../../src/analysis/drafts.ts';

describe('parley packages', () => {
  it('proposes a package on the tutorial case and writes it as a draft that the draft checks accept', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'parley-packages-')), 'with-packages.yaml');
    const r = await runCli('packages', 'examples/tutorial.yaml', '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.feasible).toBe(true);
    expect(j.packages.map((p: { kind: string }) => p.kind)).toContain('maxmin');
    const mm = j.packages.find((p: { kind: string }) => p.kind === 'maxmin');
    expect(Object.keys(mm.values).sort()).toEqual(['bus-line', 'library-hours', 'property-tax'].sort());
    const withDrafts = parseCase(readFileSync(out, 'utf8'), out);
    const draft = withDrafts.drafts.find((d) => d.id === 'package-maxmin');
    expect(draft?.points.map((p) => Object.values(p.values ?? {})[0])).toEqual(withDrafts.issues.map((i) => mm.values[i.id]));
    const checks = checkDrafts(withDrafts, { drafts: ['package-maxmin'], against: 'latest' });
    expect(checks.drafts).toHaveLength(1);
    expect(checks.drafts[0].vetoedBy).toEqual([]);
    // The written case is a valid case file: `parley check` accepts it and `parley drafts` reads it.
    expect((await runCli('check', out)).code).toBe(0);
    expect((await runCli('drafts', out)).code).toBe(0);
  });

  it('reports that no package satisfies every veto holder on the Ukraine case, naming the issues', async () => {
    const r = await runCli('packages', 'examples/ukraine-2025.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.feasible).toBe(false);
    expect(j.packages).toEqual([]);
    expect(j.emptyIssues).toEqual(expect.arrayContaining(['donbas', 'crimea']));
    const text = await runCli('packages', 'examples/ukraine-2025.yaml');
    expect(text.stdout).toMatch(/No package satisfies every veto holder: .*Donbas/);
  });

  it('refuses an unknown draft with a clear error', async () => {
    const r = await runCli('packages', 'examples/tutorial.yaml', '--draft', 'no-such-draft');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-draft/);
  });
});
