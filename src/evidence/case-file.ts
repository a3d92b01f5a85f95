/**
 * Writing reviewed evidence into a case file without disturbing it: the YAML is edited through the
 * `yaml` Document API, which gives the position of every node: the new text is spliced in at those
 * positions, so comments, key order and flow/block layout survive byte for byte; the edited text is
 * validated as a whole before anything is written, and written atomically (a temporary file in the
 * same folder, then rename), so a failure leaves the original untouched.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';
import { CaseFileError, parseCase } from '../case/load.ts';
import type { Case, Evidence } from '../case/schema.ts';

async function readCaseText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CaseFileError([{ file, line: 0, column: 0, path: '', message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})` }]);
  }
}

/** Write `text` to `file` atomically: temp file beside it, then rename over it. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

const isJsonFile = (file: string) => file.toLowerCase().endsWith('.json');

/** Column of offset `at` in `text` (0-based). */
const columnOf = (text: string, at: number): number => at - (text.lastIndexOf('\n', at - 1) + 1);
const indent = (block: string, spaces: number): string =>
  block
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');

/**
 * Validate `next` as a case, then write it atomically. Throws CaseFileError (and writes nothing)
 * when the edited case is invalid.
 */
async function commit(file: string, next: string): Promise<Case> {
  const updated = parseCase(next, file);
  await writeFileAtomic(file, next);
  return updated;
}

/**
 * Append evidence items to the case file's `evidence` list. YAML files are edited as text at the
 * positions the parsed document reports, so everything else in the file stays byte for byte; the
 * list is created at the end of the file when absent. JSON files are rewritten with two-space indent.
 */
export async function appendEvidence(file: string, items: Evidence[]): Promise<Case> {
  const original = await readCaseText(file);
  const c = parseCase(original, file); // an invalid file is reported, never edited
  if (!items.length) return c;
  if (isJsonFile(file)) {
    const data = JSON.parse(original) as { evidence?: unknown[] };
    data.evidence = [...(data.evidence ?? []), ...items];
    return commit(file, `${JSON.stringify(data, null, 2)}\n`);
  }
  const doc = parseDocument(original);
  const seq = doc.get('evidence', true);
  const block = stringify(items.map((i) => ({ ...i })), { lineWidth: 0 });
  let next: string;
  if (isSeq(seq) && !seq.flow && seq.items.length && seq.range) {
    const col = columnOf(original, seq.range[0]);
    const at = seq.range[1];
    const prefix = original[at - 1] === '\n' ? '' : '\n';
    next = original.slice(0, at) + prefix + indent(block, col) + original.slice(at);
  } else if (seq && isSeq(seq) && seq.range) {
    // `evidence: []` (or a flow list): the list is rewritten as a block list in its place
    const existing = seq.items.length ? stringify(seq.toJSON(), { lineWidth: 0 }) : '';
    const pair = doc.contents && isMap(doc.contents) ? doc.contents.items.find((p) => (p.key as { value?: unknown })?.value === 'evidence') : undefined;
    const keyCol = pair && (pair.key as { range?: number[] }).range ? columnOf(original, (pair.key as { range: number[] }).range[0]) : 0;
    const body = indent(existing + block, keyCol + 2).replace(/\n$/, '');
    const end = seq.range[1];
    next = `${original.slice(0, seq.range[0])}\n${body}${original.slice(end)}`;
  } else {
    next = `${original}${original.endsWith('\n') || !original ? '' : '\n'}evidence:\n${indent(block, 2)}`;
  }
  return commit(file, next);
}

export class EvidenceNotFoundError extends Error {}

/** Set the review status of one evidence item (`accepted`, `rejected`, `candidate`), editing only that field. */
export async function setEvidenceStatus(file: string, id: string, status: Evidence['status']): Promise<Case> {
  const original = await readCaseText(file);
  const c = parseCase(original, file);
  if (!c.evidence.some((e) => e.id === id)) {
    const ids = c.evidence.map((e) => e.id);
    throw new EvidenceNotFoundError(`${file}: no evidence with id "${id}"${ids.length ? ` (ids: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''})` : ' (the case has no evidence)'}`);
  }
  if (isJsonFile(file)) {
    const data = JSON.parse(original) as { evidence: Array<Record<string, unknown>> };
    for (const e of data.evidence) if (e.id === id) e.status = status;
    return commit(file, `${JSON.stringify(data, null, 2)}\n`);
  }
  const doc = parseDocument(original);
  const seq = doc.get('evidence', true);
  const item = isSeq(seq) ? seq.items.find((node): node is YAMLMap => isMap(node) && node.get('id') === id) : undefined;
  if (!item || !item.range) throw new EvidenceNotFoundError(`${file}: evidence "${id}" is not in the file's evidence list`);
  const statusNode = item.get('status', true) as { range?: [number, number, number] } | undefined;
  let next: string;
  if (statusNode?.range) {
    next = original.slice(0, statusNode.range[0]) + status + original.slice(statusNode.range[1]);
  } else if (item.flow) {
    const close = original.lastIndexOf('}', item.range[1]);
    next = `${original.slice(0, close).replace(/\s*$/, '')}, status: ${status} ${original.slice(close)}`;
  } else {
    const firstKey = item.items[0]?.key as { range?: number[] } | undefined;
    const col = firstKey?.range ? columnOf(original, firstKey.range[0]) : 4;
    const at = item.range[1];
    const prefix = original[at - 1] === '\n' ? '' : '\n';
    next = `${original.slice(0, at)}${prefix}${' '.repeat(col)}status: ${status}\n${original.slice(at)}`;
  }
  return commit(file, next);
}
