import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';
import { parseCase } from '../../src/case/load.ts';
import { applyScenario } from '../../src/case/view.ts';
import { zoneOfAgreement } from '../../src/analysis/zopa.ts';

describe('parley levers', () => {
  it('Ukraine, --target zone: the red-line moves on Donbas and Crimea, as JSON and as a table with names', async () => {
    const r = await runCli('levers', 'examples/ukraine-2025.yaml', '--target', 'zone', '--runs', '50', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.reachable).toBe(true);
    expect(j.parts).toEqual(['donbas', 'crimea']);
    expect(j.levers.map((l: { actor: string; issue: string }) => `${l.actor}/${l.issue}`).sort()).toEqual(['russia/crimea', 'russia/donbas', 'ukraine/crimea', 'ukraine/donbas']);
    for (const l of j.levers) expect(Object.keys(l)).toEqual(expect.arrayContaining(['actor', 'issue', 'field', 'from', 'to', 'by', 'byNormalized', 'model', 'reaches', 'mcShare', 'outsideEvidence']));
    const text = await runCli('levers', 'examples/ukraine-2025.yaml', '--target', 'zone', '--runs', '50');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Russia +Donbas/);
    expect(text.stdout).toMatch(/red line min +75 → 50 +25 %/);
    expect(text.stdout).not.toMatch(/\brussia\b/);
  });

  it('--out writes each lever as a scenario that `parley scenarios` can read and that opens the zone', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'parley-levers-')), 'with-levers.yaml');
    const r = await runCli('levers', 'examples/ukraine-2025.yaml', '--target', 'zone:donbas', '--runs', '0', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote .* with 2 lever scenario/);
    const c = parseCase(readFileSync(out, 'utf8'), out);
    const lever1 = c.scenarios.find((s) => s.id === 'lever-1')!;
    expect(lever1.changes).toHaveLength(1);
    const donbas = zoneOfAgreement(applyScenario(c, 'lever-1'), { forecasts: false }).issues.find((i) => i.issue === 'donbas')!;
    expect(donbas.zone).not.toBeNull();
    expect((await runCli('check', out)).code).toBe(0);
  });

  it('a value target by model, and bad targets as usage errors naming the target', async () => {
    const r = await runCli('levers', 'examples/tutorial.yaml', '--target', 'value:property-tax=3:0', '--model', 'compromise', '--runs', '0', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.levers.length).toBeGreaterThan(0);
    for (const l of j.levers) {
      expect(l.model).toBe('compromise');
      expect(l.method).toBe('closed-form');
      expect(l.achieved).toBeCloseTo(3, 9);
      expect(l.mcShare).toBeNull();
    }
    for (const [target, msg] of [
      ['value:nope=3', /unknown issue "nope"/],
      ['draft:nope', /unknown draft "nope"/],
      ['sideways', /unknown kind "sideways"/],
    ] as const) {
      const bad = await runCli('levers', 'examples/tutorial.yaml', '--target', target);
      expect(bad.code, target).toBe(2);
      expect(bad.stderr).toMatch(msg);
    }
    expect((await runCli('levers', 'examples/tutorial.yaml')).code).toBe(2);
  });
});
