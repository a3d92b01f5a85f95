import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseFileError } from '../../src/case/load.ts';
import { parseDeu, parseDeuByProposal } from '../../src/formats/deu.ts';
import { importText } from '../../src/formats/index.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';

const header = 'prnr;prname;isnr;proc;pcom;pep;pfr;scom;sep;sfr;rp;out';
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CaseFileError) return e.problems.map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected a CaseFileError');
};

describe('DEU III layout', () => {
  it('reads positions, saliences, reference point and outcome; 999 is "not available"', () => {
    const c = importText(`${header}\nd1;Dossier one;d1i1;COD;80;60;999;100;50;;0;50\nd1;Dossier one;d1i2;COD;10;;30;50;;50;;999\n`, 'x.csv');
    expect(c.actors.map((a) => [a.id, a.capability])).toEqual([['com', 29], ['ep', 29], ['fr', 29]]);
    expect(c.issues.map((i) => [i.id, i.statusQuo, i.outcome])).toEqual([['d1i1', 0, 50], ['d1i2', 50, undefined]]);
    expect(c.issues[1].description).toMatch(/no reference point recorded/);
    expect(c.stances.map((s) => `${s.issue}:${s.actor}=${s.position}/${s.salience}`)).toEqual(['d1i1:com=80/100', 'd1i1:ep=60/50', 'd1i2:com=10/50', 'd1i2:fr=30/50']);
  });

  it('reports bad cells with line, column and column name', () => {
    expect(problemsOf(() => parseDeu(`${header}\nd1;D;d1i1;COD;eighty;60;;100;50;;0;150\nd1;D;d1i1;COD;1;2;3;4;5\n`, 'bad.csv'))).toEqual([
      '2:15: pcom: pcom must be a number on 0–100, got "eighty"',
      '2:36: out: out must be on 0–100 (or 999: not available), got 150',
      '3:23: row: expected 12 fields as in the header, found 9',
    ]);
    expect(problemsOf(() => parseDeu('prnr;isnr;pcom;scom;out\n', 'h.csv'))).toEqual(['1:1: rp: missing column "rp" in the DEU III header']);
  });
});

describeWithReference('DEU III synthetic sample', () => {
  const file = referencePath('deu/deu3_format_sample_synthetic.csv');
  const text = readFileSync(file, 'utf8');

  it('is detected and read as one case with each issue’s outcome', () => {
    const c = importText(text, file);
    expect(c.issues.map((i) => [i.id, i.statusQuo, i.outcome])).toEqual([
      ['t01i1', 0, 50],
      ['t01i2', 50, 40],
      ['t02i1', 50, 80],
      ['t02i2', 50, undefined],
      ['t03i1', 50, 50],
    ]);
    expect(c.actors.map((a) => a.id)).toEqual(['com', 'ep', 'fr', 'de', 'it']);
    expect(c.stances.filter((s) => s.issue === 't01i1').map((s) => [s.actor, s.position, s.salience])).toEqual([
      ['com', 80, 100],
      ['ep', 60, 50],
      ['fr', 40, 50],
      ['de', 20, 100],
      ['it', 0, 50],
    ]);
  });

  it('splits into one case per proposal', () => {
    expect(parseDeuByProposal(text, file).map((c) => [c.id, c.issues.length])).toEqual([['t01', 2], ['t02', 2], ['t03', 1]]);
  });
});
