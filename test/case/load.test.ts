import { describe, expect, it } from 'vitest';
import { CaseFileError, formatProblem, loadCaseFile, parseCase, parseCaseText } from '../../src/case/load.ts';

/** A small valid case; each golden test breaks one thing in it. */
const valid = `id: mini
title: Mini case
actors:
  - id: a
    name: Alpha
    kind: state
    capability: 60
  - id: b
    name: Beta
    kind: organisation
    capability: {value: 40, low: 30, high: 50}
issues:
  - id: land
    title: Land
    statusQuo: 20
    scale:
      anchors:
        - {at: 0, label: keeps all}
        - {at: 100, label: cedes all}
stances:
  - actor: a
    issue: land
    date: 2025-11-20
    position: 90
    salience: 80
    evidence: [q1]
  - actor: b
    issue: land
    date: 2025-11-20
    position: {value: 10, low: 0, high: 20}
    salience: 70
    redLine: {max: 30, veto: true}
    evidence: [q1]
evidence:
  - id: q1
    kind: quote
    text: We will not give up land.
    speaker: Beta Speaker
    actor: b
    date: 2025-11-21
drafts:
  - id: d1
    title: Draft one
    date: 2025-11-22
    points:
      - number: 1
        text: Beta cedes land.
        values: {land: 80}
`;

const messages = (text: string, file = 'case.yaml') => parseCaseText(text, file).problems.map(formatProblem);

describe('loading case files', () => {
  it('loads a valid case with defaults filled in', () => {
    const c = parseCase(valid, 'mini.yaml');
    expect(c.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(c.issues[0].scale).toMatchObject({ min: 0, max: 100 });
    expect(c.scenarios).toEqual([]);
    expect(c.evidence[0].status).toBe('accepted');
  });

  it('reads JSON with line numbers too', () => {
    const json = JSON.stringify({ id: 'j', title: 'J', actors: [{ id: 'a', name: 'A', kind: 'state', capability: -1 }], issues: [{ id: 'i', title: 'I', statusQuo: 0 }] }, null, 2);
    expect(messages(json, 'c.json')).toEqual(['c.json:9:21: actors[0].capability: capability -1 is outside 0 to 1.7976931348623157e+308']);
  });

  // Golden messages, one per category of malformed file.
  const golden: Array<[string, string, string[]]> = [
    ['syntax error', valid.replace('    kind: organisation\n', '    kind: organisation\n\tbad: 1\n'), ['case.yaml:11:1: syntax error: Tabs are not allowed as indentation']],
    ['wrong type', valid.replace('position: 90', 'position: ninety'), ['case.yaml:24:15: stances[0].position: Invalid input']],
    ['unknown field', valid.replace('    salience: 80\n', '    salience: 80\n    saliance: 3\n'), ['case.yaml:21:5: stances[0]: Unrecognized key: "saliance"']],
    ['out of scale', valid.replace('position: 90', 'position: 190'), ['case.yaml:24:15: stances[0].position: position 190 is outside 0 to 100']],
    ['range out of order', valid.replace('{value: 10, low: 0, high: 20}', '{value: 10, low: 15, high: 20}'), ['case.yaml:30:32: stances[1].position.low: low 15 is above value 10']],
    ['unknown actor', valid.replace('  - actor: b\n', '  - actor: c\n'), ['case.yaml:27:12: stances[1].actor: unknown actor "c" (did you mean "a"?)']],
    ['unknown issue', valid.replace('values: {land: 80}', 'values: {lands: 80}'), ['case.yaml:48:25: drafts[0].points[0].values.lands: unknown issue "lands" (did you mean "land"?)']],
    ['unknown evidence', valid.replace('    evidence: [q1]\n  - actor: b', '    evidence: [q2]\n  - actor: b'), ['case.yaml:26:16: stances[0].evidence[0]: unknown evidence "q2" (did you mean "q1"?)']],
    ['duplicate id', valid.replace('  - id: b\n', '  - id: a\n'), ['case.yaml:8:9: actors[1].id: duplicate id "a" (also actors[0])', 'case.yaml:27:12: stances[1].actor: unknown actor "b" (did you mean "a"?)', 'case.yaml:39:12: evidence[0].actor: unknown actor "b" (did you mean "a"?)']],
    ['red line excluding every value', valid.replace('{max: 30, veto: true}', '{min: 40, max: 30, veto: true}'), ['case.yaml:32:14: stances[1].redLine: red line excludes every value (min 40 is above max 30)']],
    ['bad date', valid.replace('date: 2025-11-21', 'date: 2025-02-30'), ['case.yaml:40:11: evidence[0].date: expected a date as YYYY-MM-DD']],
    ['missing field', valid.replace('    name: Alpha\n', ''), ['case.yaml:4:5: actors[0].name: Invalid input: expected string, received undefined']],
  ];
  for (const [category, text, expected] of golden) {
    it(`reports ${category} with file, line, column and field`, () => {
      expect(messages(text)).toEqual(expected);
    });
  }

  it('reports every problem at once, in file order', () => {
    const broken = valid
      .replace('kind: organisation', 'kind: club')
      .replace('position: 90', 'position: 190')
      .replace('  - actor: b\n', '  - actor: zed\n')
      .replace('values: {land: 80}', 'values: {sea: 80}');
    const lines = messages(broken).map((m) => Number(m.split(':')[1]));
    expect(lines).toEqual([10, 24, 27, 48]);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });

  it('locates an alias with no anchor and refuses alias bombs instead of crashing', () => {
    expect(messages(valid.replace('kind: organisation', 'kind: *person'))).toEqual([
      'case.yaml:10:11: syntax error: alias *person has no anchor &person before it',
    ]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    const [problem] = messages(bomb);
    expect(problem).toMatch(/^case\.yaml:1:1: cannot read the file: .*alias/i);
  });

  it('rejects a document that is not a mapping', () => {
    expect(messages('- just\n- a list\n')).toEqual(['case.yaml:1:1: a case file must be a mapping with id, title, actors and issues']);
  });

  it('names a missing file', async () => {
    await expect(loadCaseFile('/nonexistent/case.yaml')).rejects.toThrow('/nonexistent/case.yaml:0:0: no such file');
  });

  it('throws a CaseFileError carrying all problems', () => {
    try {
      parseCase(valid.replace('position: 90', 'position: 190').replace('kind: state', 'kind: x'), 'f.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CaseFileError);
      expect((e as CaseFileError).problems).toHaveLength(2);
    }
  });
});

describe('reading input files', () => {
  it('refuses binary files, directories and oversized files with a located message', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readInputFile } = await import('../../src/case/load.ts');
    const dir = mkdtempSync(join(tmpdir(), 'parley-read-'));
    const bin = join(dir, 'x.yaml');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    await expect(loadCaseFile(bin)).rejects.toThrow(`${bin}:0:0: this is a binary file, not text`);
    await expect(loadCaseFile(dir)).rejects.toThrow(`${dir}:0:0: is a directory, not a file`);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'x'.repeat(2000));
    await expect(readInputFile(big, 1000)).rejects.toThrow(`${big}:0:0: file is larger than 1000 bytes`);
  });
});
