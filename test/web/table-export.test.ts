import { describe, expect, it } from 'vitest';
import { fileName, toCsv, toJsonRecords, type Column } from '../../web/src/table-export.ts';

interface Row {
  actor: string;
  position: number;
  note: string | null;
}
const columns: Column<Row>[] = [
  { label: 'actor', value: (r) => r.actor },
  { label: 'position', value: (r) => r.position },
  { label: 'note', value: (r) => r.note },
];

describe('table export', () => {
  it('writes RFC 4180 CSV: quotes around commas, quotes and line breaks, doubled inner quotes, CRLF', () => {
    const csv = toCsv(columns, [
      { actor: 'E3 (UK, France, Germany)', position: 20, note: 'said "no"' },
      { actor: 'Russia', position: -5, note: 'two\nlines' },
      { actor: 'Ukraine', position: NaN, note: null },
    ]);
    expect(csv).toBe('actor,position,note\r\n"E3 (UK, France, Germany)",20,"said ""no"""\r\nRussia,-5,"two\nlines"\r\nUkraine,,\r\n');
  });

  it('defuses spreadsheet formulas in text cells (CSV injection) but keeps negative numbers', () => {
    const csv = toCsv(columns, [
      { actor: '=HYPERLINK("http://x")', position: -1, note: '+1' },
      { actor: '@SUM(A1)', position: 0, note: '-2' },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",-1,'+1`);
    expect(csv.split('\r\n')[2]).toBe(`'@SUM(A1),0,'-2`);
  });

  it('exports JSON records keyed by the column labels, missing values as null', () => {
    expect(toJsonRecords(columns, [{ actor: 'US', position: 55, note: null }])).toEqual([{ actor: 'US', position: 55, note: null }]);
  });

  it('makes file names from titles that are safe on every OS', () => {
    expect(fileName('Positions on Donbas / territory: "v2"', 'svg')).toBe('Positions-on-Donbas-territory-v2.svg');
    expect(fileName('<<<>>>', 'csv')).toBe('parley.csv');
  });
});
