/** The shared delimited reader (src/formats/text.ts, csv-parse): cells, quoting, locations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/fast-check-seed.ts';
import { MAX_CASE_BYTES } from '../../src/case/load.ts';
import { delimitedRecords, locatedRecords, splitDelimitedLine } from '../../src/formats/text.ts';
import { caseFileProblems } from '../helpers/problems.ts';

const problemOf = caseFileProblems;

describe('splitDelimitedLine', () => {
  it('quoted cells, doubled quotes, blanks before a quote; columns are where each cell starts', () => {
    expect(splitDelimitedLine('a, b ,"c, d" ,  "e""f"', ',')).toEqual([
      { text: 'a', column: 1 },
      { text: 'b', column: 3 },
      { text: 'c, d', column: 7 },
      { text: 'e"f', column: 15 },
    ]);
    expect(splitDelimitedLine(',,', ',')).toEqual([{ text: '', column: 1 }, { text: '', column: 2 }, { text: '', column: 3 }]);
    expect(splitDelimitedLine('', ';')).toEqual([{ text: '', column: 1 }]);
  });

  it('columns count characters, not UTF-8 bytes', () => {
    expect(splitDelimitedLine('é,"ü",x', ',').map((c) => c.column)).toEqual([1, 3, 7]);
  });

  it("decide's quotes: ' or \", white space inside quotes kept with trimQuoted false", () => {
    expect(splitDelimitedLine("'#A'\t' x '\t''", '\t', { quotes: `'"`, trimQuoted: false })).toEqual([
      { text: '#A', column: 1 },
      { text: ' x ', column: 6 },
      { text: '', column: 12 },
    ]);
    expect(splitDelimitedLine('"#A";"it\'s"', ';', { quotes: `'"` }).map((c) => c.text)).toEqual(['#A', "it's"]);
  });

  it('a quote inside an unquoted cell is text; an unclosed quote keeps the rest of the line', () => {
    expect(splitDelimitedLine('5" screen,x', ',').map((c) => c.text)).toEqual(['5" screen', 'x']);
    expect(splitDelimitedLine('"abc,def', ',')).toEqual([{ text: 'abc,def', column: 1 }]);
  });

  it('text after a closing quote is a CaseFileError at the cell, located by the caller', () => {
    expect(problemOf(() => splitDelimitedLine('x,"ab"cd', ',', { at: { file: 'f.csv', line: 7 } }))).toEqual([{ file: 'f.csv', line: 7, column: 3, path: '', message: expect.stringMatching(/after the closing quote/) }]);
  });
});

describe('delimitedRecords', () => {
  it('records span quoted line breaks; every cell knows its line; \\r\\n, \\n and \\r all end records', () => {
    const recs = delimitedRecords('\uFEFFa,"one\ntwo",c\r\nx,y\n\n , ,\rq,"é",ü', 'f.csv', ',');
    expect(recs.map((r) => [r.line, r.cells.map((c) => [c.text, c.line, c.column])])).toEqual([
      [1, [['a', 1, 1], ['one\ntwo', 1, 3], ['c', 2, 6]]],
      [3, [['x', 3, 1], ['y', 3, 3]]],
      [6, [['q', 6, 1], ['é', 6, 3], ['ü', 6, 7]]],
    ]);
  });

  it('an empty quoted cell keeps its row', () => {
    expect(delimitedRecords('"",\n', 'f.csv', ',')).toHaveLength(1);
  });

  it('malformed quoting and oversized input are located problems', () => {
    expect(problemOf(() => delimitedRecords('a,b\nc,"open\nmore', 'f.csv', ','))).toEqual([{ file: 'f.csv', line: 2, column: 3, path: '', message: expect.stringMatching(/never closed/) }]);
    expect(problemOf(() => delimitedRecords('a,b\nc,d,"x"y', 'f.csv', ','))).toEqual([{ file: 'f.csv', line: 2, column: 5, path: '', message: expect.stringMatching(/after the closing quote/) }]);
    expect(problemOf(() => delimitedRecords('x'.repeat(MAX_CASE_BYTES + 1), 'big.csv', ','))[0]).toMatchObject({ file: 'big.csv', line: 1, message: expect.stringMatching(/larger than/) });
  });
});

describe('locating cells from the raw record equals csv-parse\'s own per-field offsets', () => {
  // Cells as csv-parse reads them with these options: optional blanks, then a quoted value (any
  // characters, quotes doubled, line breaks allowed) or an unquoted one (no quote, delimiter or
  // line break), then optional blanks.
  const blanks = fc.constantFrom('', ' ', '  ', ' \t');
  const cellOf = (delimiter: string) =>
    fc.oneof(
      fc.tuple(blanks, fc.stringMatching(/^[ab é;,\t"\n\r]{0,6}$/), blanks).map(([l, v, r]) => `${l}"${v.replaceAll('"', '""')}"${r}`),
      fc.tuple(blanks, fc.stringMatching(/^[ab é;,\t]{0,6}$/)).map(([l, v]) => l + v.split(delimiter).join('x')),
    );
  for (const delimiter of [',', ';', '\t']) {
    it(`delimiter ${JSON.stringify(delimiter)}`, () => {
      const file = fc.array(fc.tuple(fc.array(cellOf(delimiter), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 5 });
      fc.assert(
        fc.property(file, (records) => {
          const text = records.map(([cells, br]) => cells.join(delimiter) + br).join('');
          const byCast = locatedRecords(text, delimiter, '"', {}).filter((r) => r.cells.some((c) => c.quoted || c.text !== ''));
          expect(delimitedRecords(text, 'p.csv', delimiter)).toEqual(byCast);
        }),
        { numRuns: 300 },
      );
    });
  }
});
