/**
 * Loading case files (YAML or JSON; JSON is read by the YAML parser so that both report lines and
 * columns). Every problem is collected — syntax, types, cross-references, ranges — each with file,
 * line, column and field path, and reported together.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Node as YamlNode, type Document } from 'yaml';
import { Case } from './schema.ts';
import { checkCase } from './validate.ts';

export interface CaseProblem {
  file: string;
  line: number;
  column: number;
  /** Field path, e.g. `stances[3].position.value`. */
  path: string;
  message: string;
}

/** Thrown by `loadCaseFile` and `parseCase` when the file has problems; carries all of them. */
export class CaseFileError extends Error {
  constructor(public readonly problems: CaseProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CaseFileError';
  }
}

export function formatProblem(p: CaseProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** Largest case file accepted (bytes): big enough for any real negotiation, small enough to parse safely. */
export const MAX_CASE_BYTES = 20 * 1024 * 1024;

export function pathToString(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${String(seg)}` : String(seg);
  }
  return s;
}

/** Parse case text; returns the case, or every problem found. */
export function parseCaseText(text: string, file = '<input>'): { case?: Case; problems: CaseProblem[] } {
  const lineCounter = new LineCounter();
  const problems: CaseProblem[] = [];
  if (Buffer.byteLength(text) > MAX_CASE_BYTES) {
    return { problems: [{ file, line: 1, column: 1, path: '', message: `file is larger than ${MAX_CASE_BYTES} bytes` }] };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) {
    const [line, column] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
    problems.push({ file, line, column, path: '', message: `syntax error: ${err.message.split('\n')[0]}` });
  }
  if (problems.length) return { problems };
  const at = locator(doc, lineCounter, file);
  const data = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file, line: 1, column: 1, path: '', message: 'a case file must be a mapping with id, title, actors and issues' }] };
  }
  const parsed = Case.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as PropertyKey[];
      problems.push({ ...at(path), path: pathToString(path), message: issue.message });
    }
    return { problems };
  }
  for (const p of checkCase(parsed.data)) problems.push({ ...at(p.path), path: pathToString(p.path), message: p.message });
  return problems.length ? { problems } : { case: parsed.data, problems };
}

/** Line and column of the deepest node that exists along `path` (the parent, when the field is missing). */
function locator(doc: Document, lc: LineCounter, file: string) {
  return (path: ReadonlyArray<PropertyKey>): { file: string; line: number; column: number } => {
    let node: unknown = doc.contents;
    let best: YamlNode | undefined = isNode(node) ? node : undefined;
    for (const seg of path) {
      if (!node || typeof node !== 'object' || !('get' in node)) break;
      const next = (node as { get(k: unknown, keepScalar: boolean): unknown }).get(seg, true);
      if (next === undefined) break;
      node = next;
      if (isNode(next)) best = next;
    }
    const offset = best?.range?.[0] ?? 0;
    const { line, col } = lc.linePos(offset);
    return { file, line, column: col };
  };
}

export function parseCase(text: string, file = '<input>'): Case {
  const { case: c, problems } = parseCaseText(text, file);
  if (!c) throw new CaseFileError(problems);
  return c;
}

export async function loadCaseFile(file: string): Promise<Case> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CaseFileError([{ file, line: 0, column: 0, path: '', message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})` }]);
  }
  return parseCase(text, file);
}
