import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { runCli } from './run.ts';

describeWithReference('parley explain', () => {
  const file = referencePath('bdm/ExampleActors.csv');

  it('tells, round by round, why Belgium moved (bdm, reference variant)', async () => {
    const r = await runCli('explain', file, '--model', 'bdm', '--actor', 'belgium', '--variant', 'reference', '--rounds', '4');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Belgium in the bdm model (ExampleActors):');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Round 1, ExampleActors: Belgium compromises with France: .* -0\.115, France's of challenging Belgium 0\.243.* from 7 to 8\.42\./);
    expect(lines[4]).toMatch(/^Round 4, ExampleActors: Belgium compromises with Netherlands: .*from 9\.96 to 4\.80\./);
  });

  it('says when an actor did not move', async () => {
    const r = await runCli('explain', file, '--model', 'bdm', '--actor', 'France', '--variant', 'reference', '--rounds', '1');
    expect(r.stdout).toContain('Round 1: France did not move (no offer or exchange made it better off).');
  });

  it('explains a one-shot model from its bargains', async () => {
    const r = await runCli('explain', file, '--model', 'nash', '--actor', 'Denmark');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Denmark stands at 4 with salience 100');
    expect(r.stdout).toContain('Belgium, Ireland, Greece already stand at the status quo (7): any change makes them worse off, so under unanimity no point improves on the status quo for everyone and it stands.');
  });

  it('exit 2 for an unknown actor or model, or a missing --actor', async () => {
    const unknown = await runCli('explain', file, '--model', 'bdm', '--actor', 'Narnia');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown actor "Narnia"');
    expect((await runCli('explain', file, '--model', 'oracle', '--actor', 'UK')).code).toBe(2);
    expect((await runCli('explain', file, '--model', 'bdm')).code).toBe(2);
  });
});

describe('parley explain, bad input', () => {
  it('exit 1 with the located problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-explain-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Actor,Capability,Position,Salience\nA,1,5,0.5\nB,1,seven,0.5\n');
    const r = await runCli('explain', bad, '--model', 'bdm', '--actor', 'A');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:5: Position: position must be a number, got "seven"`);
  });
});
