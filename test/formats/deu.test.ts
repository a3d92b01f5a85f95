import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeu, parseDeuByProposal } from '../../src/formats/deu.ts';
import { importText } from '../../src/formats/index.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { caseFileProblems } from '../helpers/problems.ts';

const header = 'prnr;prname;isnr;proc;pcom;pep;pfr;scom;sep;sfr;rp;out';
const problemsOf = (f: () => unknown) => caseFileProblems(f).map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`);

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

describe('DEU III public-copy layout (tab-separated, quoted header, GDP row)', () => {
  const q = (cells: string[]) => cells.map((c) => `"${c}"`).join('\t');
  const cols = ['prnr', 'prname', 'isnr', 'proc', 'pcom', 'pep', 'pfr', 'pde', 'scom', 'sep', 'sfr', 'sde', 'rp', 'out'];
  const gdpRow = ['', '', '', '', '"4.1"', '"4.1"', '"2.8"', '"4.1"', '', '', '', '', '', ''].join('\t');
  const text = [q(cols), gdpRow, ['"d1"', '"one"', '"d1i1"', '"COD"', '100', '0', '', '40', '80', '50', '', '20', '0', '50'].join('\t'), ['"d1"', '"one"', '"d1i2"', '"COD"', '0', '100', '50', '', '50', '50', '50', '', '', ''].join('\t')].join('\n');

  it('reads the GDP row as the capability row, not as an issue; empty cells are missing values', () => {
    const c = parseDeu(text, 'train.tsv');
    expect(c.issues.map((i) => [i.id, i.statusQuo, i.outcome])).toEqual([['d1i1', 0, 50], ['d1i2', 50, undefined]]);
    // Default convention: Nice votes.
    expect(c.actors.map((a) => [a.id, a.capability])).toEqual([['com', 29], ['ep', 29], ['fr', 29], ['de', 29]]);
    const g = parseDeu(text, 'train.tsv', { capability: 'gdp' });
    expect(g.actors.map((a) => [a.id, a.capability])).toEqual([['com', 4.1], ['ep', 4.1], ['fr', 2.8], ['de', 4.1]]);
    expect(g.description).toMatch(/GDP row/);
  });

  it('a bad GDP figure is reported with line, column and field; gdp needs the row', () => {
    const bad = text.replace('"2.8"', '"lots"');
    expect(problemsOf(() => parseDeu(bad, 'train.tsv'))).toEqual(['2:17: pfr: GDP row: pfr must be a non-negative number, got "lots"']);
    expect(problemsOf(() => parseDeu(`${header}\nd1;D;d1i1;COD;80;60;;100;50;;0;50\n`, 'x.csv', { capability: 'gdp' }))).toEqual([
      '2:1: gdp: capability "gdp" needs the GDP row after the header, and this file has none',
    ]);
  });

  it('a row without issue number after the first issue is still an error', () => {
    const lines = text.split('\n');
    expect(problemsOf(() => parseDeu([lines[0], lines[2], lines[1]].join('\n'), 'train.tsv'))).toEqual(['3:3: isnr: missing issue number']);
  });
});

describeWithReference('DEU III training file (deu3_train.tsv)', () => {
  it('reads as it is: 244 issues of 94 proposals, 234 with an outcome', () => {
    const file = referencePath('deu/deu3_train.tsv');
    const cases = parseDeuByProposal(readFileSync(file, 'utf8'), file);
    expect(cases).toHaveLength(94);
    const issues = cases.flatMap((c) => c.issues);
    expect(issues).toHaveLength(244);
    expect(issues.filter((i) => i.outcome !== undefined)).toHaveLength(234);
    expect(cases[0].issues.map((i) => [i.id, i.statusQuo, i.outcome])).toEqual([['d00032i1', 0, 100], ['d00032i2', 50, 0], ['d00032i3', 100, 100], ['d00032i4', 0, 50]]);
  });
});

describeWithReference('DEU III synthetic sample', () => {
  const file = referencePath('deu/deu3_format_sample_synthetic.csv');
  let text = '';
  // Read inside the hooks, not while Vitest collects the file (absent data: a clean skip).
  beforeAll(() => {
    text = readFileSync(file, 'utf8');
  });

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
