/**
 * Pieces every text importer shares: splitting delimited lines with quotes (and each cell's column,
 * for located errors), numbered non-empty lines, plain decimal numbers, ids from free text, and the
 * final validation of an imported case.
 */
import { CaseFileError, MAX_CASE_BYTES, pathToString } from '../case/load.ts';
import { Case, type Case as CaseT, type CaseInput } from '../case/schema.ts';
import { checkCase } from '../case/validate.ts';

/** One cell of a delimited line, with its 1-based column for error messages. */
export interface DelimitedCell {
  text: string;
  column: number;
}

export interface SplitOptions {
  /** Characters that open a quoted cell (default `"`; decide also accepts `'`). */
  quotes?: string;
  /** Whether to trim white space inside quoted cells too (default true). */
  trimQuoted?: boolean;
}

/**
 * Split one line at `delimiter`. A cell may be quoted (RFC 4180: a doubled quote inside is a literal
 * quote; white space before the opening quote is skipped); text between the closing quote and the
 * next delimiter still belongs to the cell, as Python's csv module reads it.
 */
export function splitDelimitedLine(line: string, delimiter: string, opts: SplitOptions = {}): DelimitedCell[] {
  const quotes = opts.quotes ?? '"';
  const trimQuoted = opts.trimQuoted ?? true;
  const cells: DelimitedCell[] = [];
  let i = 0;
  for (;;) {
    const column = i + 1;
    let start = i;
    while ((line[start] === ' ' || line[start] === '\t') && line[start] !== delimiter) start++;
    const q = line[start];
    if (q !== undefined && quotes.includes(q)) {
      let text = '';
      let j = start + 1;
      while (j < line.length) {
        if (line[j] === q) {
          if (line[j + 1] === q) {
            text += q;
            j += 2;
            continue;
          }
          j++;
          break;
        }
        text += line[j++];
      }
      const end = line.indexOf(delimiter, j);
      text += end < 0 ? line.slice(j) : line.slice(j, end);
      cells.push({ text: trimQuoted ? text.trim() : text, column });
      if (end < 0) break;
      i = end + 1;
    } else {
      const end = line.indexOf(delimiter, i);
      cells.push({ text: (end < 0 ? line.slice(i) : line.slice(i, end)).trim(), column });
      if (end < 0) break;
      i = end + 1;
    }
  }
  return cells;
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
