import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toModelInput } from '../../src/case/model-input.ts';
import { bdm } from '../../src/engines/bdm.ts';
import { parseBdmCsv } from '../../src/formats/bdm-csv.ts';
import { importFile, importText } from '../../src/formats/index.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { caseFileProblems } from '../helpers/problems.ts';

const problemsOf = caseFileProblems;

describe('BDM CSV', () => {
  const text = 'Actor,Capability,Position,Salience\nA,2,10,0.5\n"B, Inc.",1,30,1\n';

  it('reads actors, one issue, saliences 0–1 as 0–100, and is detected by its header', () => {
    const c = importText(text, 'two.csv');
    expect(c.actors.map((a) => [a.id, a.name, a.capability])).toEqual([['A', 'A', 2], ['B-Inc.', 'B, Inc.', 1]]);
    expect(c.issues[0]).toMatchObject({ id: 'two', scale: { min: 10, max: 30 }, statusQuo: 20 });
    expect(c.stances.map((s) => [s.position, s.salience])).toEqual([[10, 50], [30, 100]]);
  });

  it('reads saliences above 1 as 0–100', () => {
    const c = parseBdmCsv('Stakeholder,Resources,Position,Salience\nA,80,25,50\nB,90,15,0.5\n', 'x.csv');
    expect(c.stances.map((s) => s.salience)).toEqual([50, 0.5]);
  });

  it('reports malformed rows with line, column and field, all at once', () => {
    const problems = problemsOf(() => parseBdmCsv('Actor,Capability,Position,Salience\nA,two,10,0.5\nB,1,30\nC,1,5,-1\nC,1,5,0.1\n', 'bad.csv'));
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`)).toEqual([
      '2:3: Capability: capability must be a number, got "two"',
      '3:5: row: expected 4 fields (Actor,Capability,Position,Salience), found 3',
      '4:7: Salience: salience must be ≥ 0, got -1',
      '5:1: Actor: actor "C" is already listed on line 4',
    ]);
    expect(problemsOf(() => parseBdmCsv('Name,Power\nA,1\n', 'h.csv'))[0]).toMatchObject({ line: 1, path: 'header' });
    expect(problemsOf(() => parseBdmCsv('Actor,Capability,Position,Salience\n', 'e.csv'))[0].message).toMatch(/no actor rows/);
  });
});

describeWithReference('BDM CSV fixtures', () => {
  it('ExampleActors.csv → case → BDM (reference variant) gives the log’s first move', async () => {
    const c = await importFile(referencePath('bdm/ExampleActors.csv'));
    expect(c.actors).toHaveLength(10);
    const r = bdm(toModelInput(c), { variant: 'reference', rounds: 1 });
    const belgium = r.rounds[1].moves.find((m) => m.actor === 1)!;
    expect(belgium.to).toBeCloseTo(8.415932315426764, 9);
  });

  it('reads ChinaData (0–100 saliences, "Stakeholder,Resources") and Sultan', async () => {
    const china = await importFile(referencePath('bdm/ChinaData.csv'));
    expect(china.actors).toHaveLength(24);
    expect(china.stances.find((s) => s.actor === 'Hong-Kong')).toMatchObject({ position: 100, salience: 85 });
    const sultan = parseBdmCsv(readFileSync(referencePath('bdm/Sultan.csv'), 'utf8'), 'Sultan.csv');
    expect(sultan.issues[0].scale).toMatchObject({ min: 12.85, max: 14.25 });
    expect(sultan.stances[0]).toMatchObject({ actor: 'HAWKS', position: 14.25, salience: 80 });
  });
});
