/**
 * Loading case files (YAML or JSON; JSON is read by the YAML parser so that both report lines and
 * columns). Every problem is collected — syntax, types, cross-references, ranges — each with file,
 * line, column and field path, and reported together.
 */
import { readFile, stat } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, visit, type Node as YamlNode, type Document } from 'yaml';
import type { z } from 'zod';
import { Case } from './schema.ts';
import { checkCase, type KnownIds } from './validate.ts';

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
    const { line, col: column } = lineCounter.linePos(err.pos[0]);
    // One error per line: the parser's follow-on complaints about the same line add nothing.
    if (problems.some((p) => p.line === line)) continue;
    problems.push({ file, line, column, path: '', message: `syntax error: ${err.message.split('\n')[0]}` });
  }
  // An alias with no anchor before it is not a parse error to the YAML library, but converting it throws.
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc)) return;
      const { line, col: column } = lineCounter.linePos(alias.range?.[0] ?? 0);
      problems.push({ file, line, column, path: '', message: `syntax error: alias *${alias.source} has no anchor &${alias.source} before it` });
    },
  });
  if (problems.length) return { problems };
  const at = locator(doc, lineCounter, file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // e.g. too many aliases (a "billion laughs" file): refuse the file rather than expand it.
    return { problems: [{ file, line: 1, column: 1, path: '', message: `cannot read the file: ${(err as Error).message}` }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file, line: 1, column: 1, path: '', message: 'a case file must be a mapping with id, title, actors and issues' }] };
  }
  const parsed = Case.safeParse(data);
  if (parsed.success) {
    for (const p of checkCase(parsed.data)) problems.push({ ...at(p.path), path: pathToString(p.path), message: p.message });
  } else {
    for (const issue of parsed.error.issues) {
      const path = issue.path as PropertyKey[];
      problems.push({ ...at(path), path: pathToString(path), message: issue.message });
    }
    // Report the cross-reference and range problems of the items that did parse, too: all at once.
    const partial = partialCase(data as Record<string, unknown>);
    for (const p of checkCase(partial.case, partial.ids)) problems.push({ ...at(p.path), path: pathToString(p.path), message: p.message });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems.length ? { problems } : { case: parsed.data, problems };
}

const collections = {
  actors: Case.shape.actors.element,
  issues: Case.shape.issues.element,
  stances: Case.shape.stances.unwrap().element,
  evidence: Case.shape.evidence.unwrap().element,
  drafts: Case.shape.drafts.unwrap().element,
  scenarios: Case.shape.scenarios.unwrap().element,
  events: Case.shape.events.unwrap().element,
} as const;

/**
 * The items of a case that parse on their own, at their original indices (the others left as holes,
 * which the checks skip), and every id the file declares, parsed or not — so that an actor with a
 * typo in its kind is not also reported as unknown wherever it is referenced.
 */
function partialCase(data: Record<string, unknown>): { case: Case; ids: KnownIds } {
  const out: Record<string, unknown[]> = {};
  const ids: KnownIds = {};
  for (const [key, schema] of Object.entries(collections)) {
    const raw = Array.isArray(data[key]) ? (data[key] as unknown[]) : [];
    const items: unknown[] = new Array(raw.length);
    const declared = new Set<string>();
    raw.forEach((item, i) => {
      const r = schema.safeParse(item);
      if (r.success) items[i] = r.data;
      else if (item && typeof item === 'object' && !Array.isArray(item)) {
        // Drop the fields that failed and check the rest of the item.
        const bad = new Set(r.error.issues.map((iss) => iss.path[0]));
        const rest = Object.fromEntries(Object.entries(item).filter(([k]) => !bad.has(k)));
        const loose = (schema as z.ZodObject).partial().safeParse(rest);
        if (loose.success) items[i] = loose.data;
      }
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') declared.add(id);
    });
    out[key] = items;
    ids[key as keyof KnownIds] = declared;
  }
  return { case: { id: String(data.id ?? ''), title: String(data.title ?? ''), ...out } as unknown as Case, ids };
}

/** Line and column of the deepest node that exists along `path` (the parent, when the field is missing). */
export function locator(doc: Document, lc: LineCounter, file: string) {
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

/**
 * Read an input file as UTF-8 text, refusing what cannot be a case (too large, binary) with a
 * located error instead of a crash. Shared by the case loader and every importer.
 */
export async function readInputFile(file: string, maxBytes = MAX_CASE_BYTES): Promise<string> {
  const fail = (message: string): never => {
    throw new CaseFileError([{ file, line: 0, column: 0, path: '', message }]);
  };
  let buf: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) fail('is a directory, not a file');
    if (info.size > maxBytes) fail(`file is larger than ${maxBytes} bytes`);
    buf = await readFile(file);
  } catch (e) {
    if (e instanceof CaseFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`);
  }
  if (buf.includes(0)) fail('this is a binary file, not text');
  return buf.toString('utf8');
}

export async function loadCaseFile(file: string): Promise<Case> {
  return parseCase(await readInputFile(file), file);
}
