import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseFileError } from '../../src/case/load.ts';
import { toModelInput } from '../../src/case/model-input.ts';
import { detectDelimiter, parseDecide, writeDecide } from '../../src/formats/decide.ts';
import { exporters, importers, importText } from '../../src/formats/index.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';

const small = [
  "#O;Two towns and a road",
  "#/;comment rows are skipped;;",
  "#A;North;North Town;the larger one",
  "#A;'South; the other';South Town;",
  "#P;road;Road width;",
  "#M;road;2;two lanes",
  "#M;road;6;six lanes",
  "#P;toll;Toll;",
  "#D;North;road;6;0,8;1",
  "#D;south the other;road;2;0.5;0.4",
  "#D;North;toll;0;0.3;0.9",
  "#D;'South; the other';toll;100;0;0.4",
].join('\n');

function problemsOf(text: string): string[] {
  try {
    parseDecide(text, 'in.csv');
  } catch (e) {
    if (e instanceof CaseFileError) return e.message.split('\n');
    throw e;
  }
  return [];
}

describe('decide format: import', () => {
  it('reads actors, issues, scale points, stances (salience ×100, power as per-issue capability)', () => {
    const c = parseDecide(small, 'towns.csv');
    expect(c.title).toBe('Two towns and a road');
    expect(c.actors.map((a) => [a.id, a.name, a.capability])).toEqual([
      ['North', 'North', 1],
      ['South-the-other', 'South; the other', 0.4],
    ]);
    expect(c.actors[0].description).toBe('North Town — the larger one');
    expect(c.issues[0]).toMatchObject({ id: 'road', title: 'road', description: 'Road width', statusQuo: 4 });
    expect(c.issues[0].scale).toEqual({ min: 2, max: 6, anchors: [{ at: 2, label: 'two lanes' }, { at: 6, label: 'six lanes' }] });
    // No #M rows: decide's default 0-100.
    expect(c.issues[1].scale).toMatchObject({ min: 0, max: 100 });
    // A decimal comma is read as decide reads it; references match case- and punctuation-insensitively.
    expect(c.stances.map((s) => [s.actor, s.issue, s.position, s.salience, s.capability])).toEqual([
      ['North', 'road', 6, 80, 1],
      ['South-the-other', 'road', 2, 50, 0.4],
      ['North', 'toll', 0, 30, 0.9],
      ['South-the-other', 'toll', 100, 0, 0.4],
    ]);
    const mi = toModelInput(c);
    expect(Array.from(mi.salience)).toEqual([0.8, 0.3, 0.5, 0]);
    expect(Array.from(mi.capability)).toEqual([1, 0.9, 0.4, 0.4]);
  });

  it('detects tab or ";" delimiters and quoted cells', () => {
    expect(detectDelimiter("'#A'\t'x'\t'y'\n'#P'\t'p'\t'p'")).toBe('\t');
    expect(detectDelimiter('#A;x;y\n#P;p;p')).toBe(';');
    expect(detectDelimiter('just text')).toBeUndefined();
    const tabbed = small.replace(/;/g, '\t').replace("'South\t the other'", "'South; the other'");
    expect(parseDecide(tabbed, 't.txt').stances).toHaveLength(4);
  });

  it('is chosen by content when no format is given', () => {
    expect(importers.some((i) => i.name === 'decide')).toBe(true);
    expect(importText(small, 'towns.txt').actors).toHaveLength(2);
    expect(importText(small, 'towns.csv', 'decide').issues).toHaveLength(2);
  });

  it('lists every problem with file:line:column and field', () => {
    expect(problemsOf('#A;a;a\n#P;p;p\n#M;p;0\n#M;p;10\n#D;a;p;12;0.5;1')).toEqual([
      'in.csv:5:8: position: position 12 is outside the scale of issue "p" (0 to 10, from its #M points) (a on p)',
    ]);
    const bad = [
      '#A;North;North;',
      '#A;north;again;',
      '#P;road;Road;',
      '#M;road;2;',
      '#M;road;six;',
      '#M;rail;3;',
      '#D;North;road;7;0.5;1',
      '#D;Nowhere;road;3;0.5;1',
      '#D;North;sea;3;0.5;1',
      '#D;North;road;3;1.5;-2',
      '#D;North;road;;0.5;1',
      '#X;what;',
    ].join('\n');
    expect(problemsOf(bad)).toEqual([
      'in.csv:2:4: actor.id: actor "north" is already defined on line 1',
      'in.csv:3:1: scale: issue "road" has a single #M point (2): a scale needs a lowest and a highest point',
      'in.csv:5:9: position: scale point must be a number, got "six"',
      'in.csv:6:4: issue: unknown issue "rail": not defined by a #P row (known: road)',
      'in.csv:8:4: actor: unknown actor "Nowhere": not defined by a #A row (known: North)',
      'in.csv:9:10: issue: unknown issue "sea": not defined by a #P row (known: road)',
      'in.csv:10:1: actor: a second #D row for North on road (first on line 7)',
      'in.csv:10:17: salience: salience must be between 0 and 1, got 1.5 (North on road)',
      'in.csv:10:21: power: power must be 0 or more, got -2 (North on road)',
      'in.csv:11:15: position: missing position',
      'in.csv:12:1: type: unknown row type "#X" (expected #A, #P, #M, #D, #/, #0 or #O)',
    ]);
  });

  it('rejects a second stance for the same pair, files without actors, and non-decide text', () => {
    expect(problemsOf('#A;a;a\n#P;p;p\n#D;a;p;1;0.5;1\n#D;a;p;2;0.5;1')).toEqual(['in.csv:4:1: actor: a second #D row for a on p (first on line 3)']);
    expect(problemsOf('#P;p;p;\n#/;x;')).toEqual(['in.csv:1:1: actors: no actors: a decide file needs #A rows']);
    expect(problemsOf('hello world')[0]).toMatch(/not a decide file/);
  });
});

describe('decide format: export', () => {
  it('round-trips a case (scale points, saliences, per-issue power)', () => {
    const c = parseDecide(small, 'towns.csv');
    const text = writeDecide(c);
    expect(text.split('\n').slice(0, 3)).toEqual(['#O;Two towns and a road', '#/;actor;name;comment', '#A;North;North;North Town — the larger one']);
    expect(text).toContain('#A;"South; the other";"South; the other";South Town\n');
    expect(text).toContain('#M;road;2;two lanes\n');
    expect(text).toContain('#M;toll;0;\n#M;toll;100;\n');
    expect(text).toContain('#D;North;road;6;0.8;1\n');
    const back = parseDecide(text, 'back.csv');
    expect(back.stances).toEqual(c.stances);
    expect(back.issues).toEqual(c.issues);
    expect(exporters.find((e) => e.name === 'decide')?.write(c)).toBe(text);
  });
});

describeWithReference('decide format: reference files', () => {
  it('copenhagen_with_errors.csv: a clear list of its two errors, no crash', () => {
    const file = referencePath('decide', 'copenhagen_with_errors.csv');
    let err: unknown;
    try {
      parseDecide(readFileSync(file, 'utf8'), file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CaseFileError);
    expect((err as CaseFileError).problems.map((p) => [p.line, p.column, p.path, p.message])).toEqual([
      [86, 19, 'position', 'position 160 is outside the scale of issue "Control" (0 to 100, from the default 0-100 (no #M rows)) (Russia on Control)'],
      [87, 32, 'power', 'power must be 0 or more, got -0.247 (China India on Control)'],
    ]);
  });

  it.each([
    ['cop21.csv', 15, 13, 181],
    ['legacy/CoP21_2016-08.csv', 15, 13, 181],
    ['copenhagen.csv', 11, 7, 75],
    ['sample_data.txt', 10, 6, 60],
    ['verkiezing_2012.csv', 11, 11, 108],
  ])('%s: imports (%i actors, %i issues, %i stances) and round-trips', (name, actors, issues, stances) => {
    const file = referencePath('decide', name);
    const c = importText(readFileSync(file, 'utf8'), file);
    expect([c.actors.length, c.issues.length, c.stances.length]).toEqual([actors, issues, stances]);
    const back = parseDecide(writeDecide(c), 'back.csv');
    const key = (s: object) => JSON.stringify(s);
    expect(back.stances.map(key).sort()).toEqual(c.stances.map(key).sort());
    expect(back.issues).toEqual(c.issues);
  });

  it('sample_data.txt: the #M points 0.5 and 7 give tol-hoogte its scale', () => {
    const file = referencePath('decide', 'sample_data.txt');
    const c = parseDecide(readFileSync(file, 'utf8'), file);
    const issue = c.issues.find((i) => i.title === 'tol-hoogte');
    expect(issue?.scale).toMatchObject({ min: 0.5, max: 7 });
    expect(c.stances.find((s) => s.actor === 'Willems' && s.issue === issue?.id)).toMatchObject({ position: 3, salience: 70, capability: 1 });
  });
});
