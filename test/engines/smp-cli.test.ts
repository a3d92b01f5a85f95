import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeWithReference, projectRoot, referencePath } from '../helpers/reference.ts';

const parley = (...args: string[]) => spawnSync(process.execPath, ['bin/parley.js', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });

describeWithReference('smp from the CLI (forecast, explain) on KTAB files', () => {
  it('parley explain tells in words why SActor-00 moved each turn', () => {
    const r = parley('explain', referencePath('ktab', 'dummyData_3Dim.csv'), '--model', 'smp', '--actor', 'SActor-00');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Round 1, Pstn1: SActor-00 moved from 75\.8 to 79\.5: SActor-00 challenged SActor-06 \(probability of winning 0\.764, expected gain 0\.0947\); it adopted the bargain offered by SActor-04 \(on SActor-04's terms\), the most likely of its 5 options/);
    expect(r.stdout).toMatch(/Round 5, Pstn1: SActor-00 stayed at 78\.5: SActor-00 saw no challenge worth making; it kept its position \(its only option\)/);
  }, 60_000);

  it('parley forecast --format json carries the per-round probabilities and the modal position', () => {
    const r = parley('forecast', referencePath('ktab', 'SOE-Pol-Comp.csv'), '--model', 'smp', '--format', 'json');
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout);
    expect(result.model).toBe('smp');
    expect(result.rounds).toHaveLength(28);
    // KTAB's "prob" row for XJ at turn 1: 0.2605
    const p1 = result.rounds[1].probabilities;
    expect(Array.isArray(p1) ? p1[0] : p1.XJ).toBeCloseTo(0.2605, 4);
    expect(result.params.turns).toBe(27);
  }, 60_000);

  it('a malformed KTAB XML gets a located error, not a stack trace', () => {
    const r = parley('forecast', referencePath('ktab', 'smpExample.xml'), '--model', 'smp');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${referencePath('ktab', 'smpExample.xml')}:32:9: Actors.Actor[0] (Alice).Position.dCoord[0]: no text for dCoord`);
  }, 60_000);
});

describeWithReference('forecast takes the model parameters a KTAB XML file sets', () => {
  it('passes ModelParameters and the seed to smp, with the command-line flags added', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCli } = await import('../cli/run.ts');
    const xml = readFileSync(referencePath('ktab', 'dummyData_3Dim.xml'), 'utf8').replace(
      '<Dimensions>',
      '<ModelParameters><VictoryProbModel>Square</VictoryProbModel><PCEModel>Conditional</PCEModel><StateTransitions>Deterministic</StateTransitions>' +
        '<VotingRule>PropCbc</VotingRule><BigRAdjust>Half</BigRAdjust><BigRRange>Mid</BigRRange><ThirdPartyCommit>SemiCommit</ThirdPartyCommit>' +
        '<InterVecBrgn>S2P2</InterVecBrgn><BargnModel>InitOnlyInterp</BargnModel></ModelParameters>\n  <Dimensions>',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'parley-ktab-')), 'params.xml');
    writeFileSync(file, xml);
    const r = await runCli('forecast', file, '--model', 'smp', '--format', 'json', '--threads', '2');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const params = (Array.isArray(out) ? out[0] : out).params;
    expect(params).toMatchObject({ VictoryProbModel: 'Square', VotingRule: 'PropCbc', BigRAdjust: 'Half', threads: 2, seed: 5624325846996413 });
  });
});
