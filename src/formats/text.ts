/**
 * Pieces every text importer shares: delimited records read by csv-parse (each cell located by line
 * and column, for located errors), numbered non-empty lines, plain decimal numbers, ids from free
 * text, and the final validation of an imported case.
 *
 * Why csv-parse (github.com/adaltas/node-csv, v6): a maintained RFC 4180 reader that handles quoted
 * cells, doubled quotes, delimiters and line breaks inside quotes, and tells, for every field it
 * reads, the byte offset and the line where the field ends (its `cast` context); from those offsets
 * the start of every cell is exact, so problems point at file, line and column.
 */
import { parse as parseCsv, CsvError, type Options as CsvOptions } from 'csv-parse/sync';
import { CaseFileError, MAX_CASE_BYTES, pathToString } from '../case/load.ts';
import { Case, type Case as CaseT, type CaseInput } from '../case/schema.ts';
import { checkCase } from '../case/validate.ts';

/** One cell of a delimited line, with its 1-based column (and, from `delimitedRecords`, line). */
export interface DelimitedCell {
  text: string;
  column: number;
  /** The 1-based line where the cell starts (a record can span lines through quoted line breaks). */
  line?: number;
  /** Whether the cell was quoted. */
  quoted?: boolean;
}

export interface SplitOptions {
  /**
   * Characters that may quote cells (default `"`; decide also accepts `'`). csv-parse, like
   * Python's csv module, reads one quote character: the one that opens the first quoted cell.
   */
  quotes?: string;
  /** Whether to trim white space inside quoted cells too (default true). */
  trimQuoted?: boolean;
}

/** One record of `delimitedRecords`: the line it starts on and its cells. */
export interface DelimitedRecord {
  line: number;
  cells: DelimitedCell[];
}

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** The quote character of `text`: the first of `quotes` that opens a cell (after optional blanks). */
function quoteOf(text: string, delimiter: string, quotes: string): string {
  if (quotes.length <= 1) return quotes;
  const m = new RegExp(`(?:^|${escapeRegExp(delimiter)}|[\r\n])[ \\t]*([${escapeRegExp(quotes)}])`).exec(text);
  return m ? m[1] : quotes[0];
}

/** Byte offsets of line starts (after \r\n, \n or \r, as the record delimiters below). */
function lineStartBytes(buf: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 10 || (b === 13 && buf[i + 1] !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Index of the last line start ≤ offset. */
function lineIndexAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface RawCell {
  text: string;
  quoted: boolean;
  /** Byte offsets of the cell's first byte and of the delimiter or line break after it. */
  start: number;
  end: number;
}

/** A csv-parse error, located at the start of the cell it concerns. */
class DelimitedSyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

const SYNTAX_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (a quote inside a quoted cell is written twice)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a cell (quote the whole cell, and write a quote inside it twice)',
};

/** csv-parse's options as every reader here uses them: quoted cells, ragged rows, any line ending. */
const csvOptions = (delimiter: string, quote: string): CsvOptions => ({
  delimiter,
  quote,
  escape: quote,
  relax_quotes: true,
  relax_column_count: true,
  trim: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
});

/**
 * Read `text` with csv-parse, every field located through its cast context: RFC 4180 quoting (a doubled quote inside is a literal quote), blanks
 * around cells dropped (also before an opening quote), a quote inside an unquoted cell kept as text
 * (`relax_quotes`), rows of any length (`relax_column_count`), and any of \r\n, \n and \r ending a
 * record (files from different systems mix them). Returns located records, or throws a
 * DelimitedSyntaxError at the start of the cell csv-parse stopped in. Exported for the tests, which
 * check `delimitedRecords`'s faster locating against it.
 */
export function locatedRecords(text: string, delimiter: string, quote: string, opts: SplitOptions): DelimitedRecord[] {
  const trimQuoted = opts.trimQuoted ?? true;
  const buf = Buffer.from(text);
  const ascii = buf.length === text.length;
  const starts = lineStartBytes(buf);
  const dlen = Buffer.byteLength(delimiter);
  const locate = (offset: number): { line: number; column: number } => {
    const li = lineIndexAt(starts, offset);
    const column = ascii ? offset - starts[li] + 1 : buf.toString('utf8', starts[li], offset).length + 1;
    return { line: li + 1, column };
  };
  // Where the next cell starts: after the last field's delimiter, or on the line after its line break.
  let nextStart = 0;
  let rows: RawCell[][];
  try {
    rows = parseCsv(buf, {
      ...csvOptions(delimiter, quote),
      // The cast context locates each field: `bytes` is the offset of the delimiter or line break
      // that ends it, `index` its position in the record.
      cast: (value: string, ctx): RawCell => {
        const cell = { text: value, quoted: ctx.quoting, start: nextStart, end: ctx.bytes };
        const isDelimiter = buf.toString('utf8', ctx.bytes, ctx.bytes + dlen) === delimiter && ctx.bytes < buf.length;
        nextStart = isDelimiter ? ctx.bytes + dlen : (starts[lineIndexAt(starts, ctx.bytes) + 1] ?? buf.length);
        return cell;
      },
    }) as unknown as RawCell[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const at = locate(Math.min(nextStart, buf.length));
    throw new DelimitedSyntaxError(e.code, at.line, at.column, SYNTAX_MESSAGES[e.code] ?? e.message);
  }
  return rows.map((row) => {
    const cells = row.map((raw): DelimitedCell => {
      const at = locate(raw.start);
      return { text: !raw.quoted || trimQuoted ? raw.text.trim() : raw.text, column: at.column, line: at.line, quoted: raw.quoted };
    });
    return { line: cells[0]?.line ?? 1, cells };
  });
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Locate the cells of one record from csv-parse's values and the record's raw text. With the
 * options above, csv-parse reads a cell as: blanks, then either a quote, the value with each quote
 * doubled and a closing quote, or the value up to the next delimiter; then blanks and the
 * delimiter. Walking the raw text by the values' lengths therefore finds where each cell starts
 * (test/formats/text.test.ts checks this against csv-parse's own per-field byte offsets).
 */
function locateCells(values: string[], content: string, delimiter: string, quote: string, trimQuoted: boolean, line: number): DelimitedCell[] {
  const cells: DelimitedCell[] = [];
  let i = 0;
  let lineNo = line;
  let lineStart = 0;
  const advanceTo = (j: number) => {
    // Line breaks inside quoted values move the following cells to later lines.
    LINE_BREAK.lastIndex = i;
    for (let m = LINE_BREAK.exec(content); m && m.index < j; m = LINE_BREAK.exec(content)) {
      lineNo++;
      lineStart = m.index + m[0].length;
    }
    i = j;
  };
  values.forEach((value, k) => {
    const start = i;
    const column = start - lineStart + 1;
    const startLine = lineNo;
    let j = start;
    while (isBlank(content[j]) && !content.startsWith(delimiter, j)) j++;
    const quoted = content.startsWith(quote, j);
    if (quoted) j += quote.length + value.length + (value.split(quote).length - 1) * quote.length + quote.length;
    const next = k + 1 < values.length ? content.indexOf(delimiter, j) : -1;
    cells.push({ text: !quoted || trimQuoted ? value.trim() : value, column, line: startLine, quoted });
    advanceTo(next < 0 ? content.length : next + delimiter.length);
  });
  return cells;
}

/**
 * Read `text` with csv-parse and locate every cell: csv-parse gives each record's values and raw
 * text (`raw`), from which the record's lines and its cells' columns follow (`locateCells`). Its
 * per-field cast context would locate them too, but costs about ten times a plain read (bench/
 * formats.ts), so it is used only to locate a syntax error.
 */
function readRecords(text: string, delimiter: string, opts: SplitOptions): DelimitedRecord[] {
  const quote = quoteOf(text, delimiter, opts.quotes ?? '"');
  const trimQuoted = opts.trimQuoted ?? true;
  let rows: { record: string[]; raw: string }[];
  try {
    rows = parseCsv(text, {
      ...csvOptions(delimiter, quote),
      raw: true,
    }) as unknown as typeof rows;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    locatedRecords(text, delimiter, quote, opts); // throws the DelimitedSyntaxError, located
    throw e;
  }
  // Lines are counted here from the raw text: csv-parse's per-record `info.lines` counts a \r\n
  // inside a quoted cell as two lines.
  let line = 1;
  return rows.map(({ record, raw }) => {
    // The raw text ends with (part of) the line break that ended the record, if any.
    const content = raw.replace(/(\r\n|\n|\r)$/, '');
    const start = line;
    line += raw.match(LINE_BREAK)?.length ?? 0;
    return { line: start, cells: locateCells(record, content, delimiter, quote, trimQuoted, start) };
  });
}

/**
 * Split one line at `delimiter` (csv-parse, as `delimitedRecords`). A quote that is never closed
 * keeps the rest of the line in its cell, as this splitter always read it; text after a closing
 * quote (`"ab"cd`) is a CaseFileError, located by column on the line (the caller knows its file
 * and line: pass them as `at`).
 */
export function splitDelimitedLine(line: string, delimiter: string, opts: SplitOptions & { at?: { file: string; line: number } } = {}): DelimitedCell[] {
  let records: DelimitedRecord[];
  try {
    records = readRecords(line, delimiter, opts);
  } catch (e) {
    if (!(e instanceof DelimitedSyntaxError)) throw e;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      records = readRecords(line + quoteOf(line, delimiter, opts.quotes ?? '"'), delimiter, opts);
    } else throw new CaseFileError([{ file: opts.at?.file ?? '<input>', line: opts.at?.line ?? 1, column: e.column, path: '', message: e.message }]);
  }
  if (records.length === 0) return [{ text: '', column: 1 }];
  return records[0].cells.map(({ text, column }) => ({ text, column }));
}

/**
 * Every record of a delimited text, read as a whole by csv-parse, so that a quoted cell may hold
 * delimiters and line breaks; each record and cell carries the 1-based line and column where it
 * starts. A BOM is dropped; records whose cells are all empty and unquoted (blank lines, a row of
 * bare delimiters) are left out; oversized input and malformed quoting are located CaseFileErrors.
 */
export function delimitedRecords(text: string, file: string, delimiter: string, opts: SplitOptions = {}): DelimitedRecord[] {
  if (Buffer.byteLength(text) > MAX_CASE_BYTES) throw new CaseFileError([{ file, line: 1, column: 1, path: '', message: `file is larger than ${MAX_CASE_BYTES} bytes` }]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let records: DelimitedRecord[];
  try {
    records = readRecords(text, delimiter, opts);
  } catch (e) {
    if (e instanceof DelimitedSyntaxError) throw new CaseFileError([{ file, line: e.line, column: e.column, path: '', message: e.message }]);
    throw e;
  }
  return records.filter((r) => r.cells.some((c) => c.quoted || c.text !== ''));
}

/** Non-empty lines with their 1-based numbers; a BOM is dropped; oversized input is refused. */
export function delimitedLines(text: string, file: string): Array<{ line: number; text: string }> {
  if (Buffer.byteLength(text) > MAX_CASE_BYTES) throw new CaseFileError([{ file, line: 1, column: 1, path: '', message: `file is larger than ${MAX_CASE_BYTES} bytes` }]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const out: Array<{ line: number; text: string }> = [];
  text.split(/\r\n|\n|\r/).forEach((t, idx) => {
    if (t.trim() !== '') out.push({ line: idx + 1, text: t });
  });
  return out;
}

/** A plain decimal number (no thousands separators, no units; optionally a decimal comma), or undefined. */
export function parseDecimal(s: string, opts: { decimalComma?: boolean } = {}): number | undefined {
  const t = opts.decimalComma ? s.trim().replace(',', '.') : s.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** An id for the case schema from free text (letters, digits, "_", "." and "-"), unique within `taken`. */
export function idFromText(text: string, fallback: string, taken: Set<string>): string {
  let base = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 70);
  if (!base) base = fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Validate an imported case with the schema and the semantic checks; problems point at the file. */
export function validatedCase(input: CaseInput, file: string): CaseT {
  const parsed = Case.safeParse(input);
  if (!parsed.success) throw new CaseFileError(parsed.error.issues.map((i) => ({ file, line: 1, column: 1, path: pathToString(i.path as PropertyKey[]), message: i.message })));
  const semantic = checkCase(parsed.data);
  if (semantic.length) throw new CaseFileError(semantic.map((s) => ({ file, line: 1, column: 1, path: pathToString(s.path), message: s.message })));
  return parsed.data;
}
