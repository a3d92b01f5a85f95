/**
 * How a case's revisions are stored: a snapshot (the whole case as JSON) now and then, and between
 * snapshots a delta per revision, an RFC 6902 JSON Patch from the revision before it. A small write
 * then costs about its own size instead of the whole case, and reading any revision is one snapshot
 * plus at most SNAPSHOT_EVERY - 1 small patches.
 *
 * Each revision keeps the SHA-256 of its whole JSON text. A delta is stored only when applying it to
 * the revision before gives that text back byte for byte (checked at write time), and every read
 * checks the rebuilt text against the hash, so a damaged or misapplied chain is reported, never served.
 *
 * Pure functions over JSON text: no I/O (src/store/index.ts and the 0005 migration do the reading
 * and writing).
 */
import jsonpatch, { type Operation } from 'fast-json-patch';
import { sha256Hex } from './hash.ts';
import { StoreError } from './errors.ts';

/** At most this many revisions per chain (the snapshot and the deltas after it). */
export const SNAPSHOT_EVERY = 50;

/** What a chain holds so far: the snapshot's size and the deltas' total size, in characters of JSON. */
export interface ChainStats {
  /** Revisions in the chain, the snapshot included (0: no revision yet). */
  length: number;
  snapshotBytes: number;
  deltaBytes: number;
}

export type Encoded = { kind: 'snapshot'; body: string } | { kind: 'delta'; body: string };

/** A stored revision row, as the chain is read back: `base` is the revision of the chain's snapshot. */
export interface ChainRow {
  revision: number;
  base: number;
  hash: string;
  body: string;
}

export const revisionHash = (text: string): string => sha256Hex(text);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a JSON Pointer (RFC 6901) in `doc`, or undefined. */
function at(doc: unknown, pointer: string): unknown {
  let v = doc;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[jsonpatch.unescapePathComponent(part)];
  }
  return v;
}

const parentOf = (pointer: string): string => pointer.slice(0, pointer.lastIndexOf('/'));

/** Apply `ops` to a fresh parse of `prevText` and serialise: what a reader would rebuild. */
function rebuild(prevText: string, ops: Operation[]): string | null {
  try {
    const doc = JSON.parse(prevText) as unknown;
    return JSON.stringify(jsonpatch.applyPatch(doc, ops, false, true).newDocument);
  } catch {
    return null;
  }
}

/**
 * The JSON Patch from `prevText` to `nextText` (both JSON texts of a case) that rebuilds `nextText`
 * exactly, or null when there is none to be had cheaply.
 *
 * fast-json-patch's `compare` gives the operations; `add` of an object member appends it, so when a
 * field appears in the middle of an object (an optional field set, in the schema's field order) the
 * rebuilt text would list it last. Those objects are then replaced whole (they are single items: a
 * stance, an evidence record), which keeps the text, and so the hash, exact.
 */
export function diffRevisions(prevText: string, nextText: string): Operation[] | null {
  const prev = JSON.parse(prevText) as object;
  const next = JSON.parse(nextText) as object;
  let ops = jsonpatch.compare(prev, next);
  if (rebuild(prevText, ops) === nextText) return ops;
  // Objects given a new member: replace each outermost one whole.
  const grown = [...new Set(ops.filter((o) => o.op === 'add' && isObject(at(next, parentOf(o.path)))).map((o) => parentOf(o.path)))].sort();
  const outer = grown.filter((p) => !grown.some((q) => q !== p && (p.startsWith(`${q}/`) || q === '')));
  if (outer.length === 0) return null;
  if (outer.includes('')) return null; // the case object itself: a snapshot is as small
  const inside = (path: string) => outer.some((p) => path === p || path.startsWith(`${p}/`));
  ops = [...ops.filter((o) => !inside(o.path)), ...outer.map((p): Operation => ({ op: 'replace', path: p, value: at(next, p) }))];
  return rebuild(prevText, ops) === nextText ? ops : null;
}

/**
 * How to store the revision after `prevText` (null for the first): a snapshot when the chain is full,
 * when the deltas since the snapshot would outweigh it (so a read never applies more than a case's
 * worth of patches), or when no exact patch exists; a delta otherwise.
 */
export function encodeRevision(prevText: string | null, nextText: string, chain: ChainStats): Encoded {
  if (prevText === null || chain.length === 0 || chain.length >= SNAPSHOT_EVERY) return { kind: 'snapshot', body: nextText };
  const ops = diffRevisions(prevText, nextText);
  if (ops === null) return { kind: 'snapshot', body: nextText };
  const body = JSON.stringify(ops);
  if (body.length * 2 > nextText.length || chain.deltaBytes + body.length > chain.snapshotBytes) return { kind: 'snapshot', body: nextText };
  return { kind: 'delta', body };
}

/** The chain's stats after adding a revision stored as `enc`. */
export function extendChain(chain: ChainStats, enc: Encoded): ChainStats {
  return enc.kind === 'snapshot'
    ? { length: 1, snapshotBytes: enc.body.length, deltaBytes: 0 }
    : { length: chain.length + 1, snapshotBytes: chain.snapshotBytes, deltaBytes: chain.deltaBytes + enc.body.length };
}

/** The stats of a chain read back (its rows in revision order, the snapshot first). */
export function chainStats(rows: ReadonlyArray<Pick<ChainRow, 'revision' | 'base'> & { bytes: number }>): ChainStats {
  if (rows.length === 0) return { length: 0, snapshotBytes: 0, deltaBytes: 0 };
  return { length: rows.length, snapshotBytes: rows[0].bytes, deltaBytes: rows.slice(1).reduce((s, r) => s + r.bytes, 0) };
}

/** A stored revision whose rebuilt text does not match its hash (or whose chain is broken). */
export class DamagedRevisionError extends StoreError {}

/**
 * The JSON text of the chain's last revision: the snapshot (rows[0], whose base is itself) with each
 * delta after it applied in order, or, when `start` is given, the text of a revision in the chain
 * already known (from a cache) with only the deltas after it applied. Checked against the last row's hash.
 */
export function readChain(caseId: string, rows: readonly ChainRow[], start?: { revision: number; text: string }): string {
  const last = rows.at(-1);
  if (!last) throw new DamagedRevisionError(`case "${caseId}": no stored revision to read`);
  const from = start ? rows.findIndex((r) => r.revision === start.revision) : 0;
  if (from < 0) throw new DamagedRevisionError(`case "${caseId}": revision ${start!.revision} is not in the chain of revision ${last.revision}`);
  if (!start && rows[0].base !== rows[0].revision) {
    throw new DamagedRevisionError(`case "${caseId}" revision ${last.revision}: its chain does not start at a snapshot (revision ${rows[0].revision})`);
  }
  if (from === rows.length - 1) return start ? start.text : checked(caseId, last, last.body);
  let doc = JSON.parse(start ? start.text : rows[0].body) as unknown;
  for (let i = from + 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.revision !== rows[i - 1].revision + 1 || r.base !== rows[0].base) {
      throw new DamagedRevisionError(`case "${caseId}": revision ${r.revision} does not follow revision ${rows[i - 1].revision} in the chain of snapshot ${rows[0].base}`);
    }
    try {
      doc = jsonpatch.applyPatch(doc, JSON.parse(r.body) as Operation[], false, true).newDocument;
    } catch (e) {
      throw new DamagedRevisionError(`case "${caseId}" revision ${r.revision}: its delta does not apply (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return checked(caseId, last, JSON.stringify(doc));
}

/**
 * Every revision of `rows` (consecutive, the first a snapshot) as a document, oldest first, each a
 * fresh object (the history's change summaries compare neighbours). Hashes are not checked here:
 * reading a revision (readChain) does that.
 */
export function* replayChain(caseId: string, rows: readonly ChainRow[]): Generator<{ revision: number; doc: unknown }> {
  let doc: unknown;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.base === r.revision) doc = JSON.parse(r.body) as unknown;
    else if (i === 0 || r.revision !== rows[i - 1].revision + 1) throw new DamagedRevisionError(`case "${caseId}": revision ${r.revision} does not follow a stored revision`);
    else {
      try {
        doc = jsonpatch.applyPatch(doc, JSON.parse(r.body) as Operation[], false, false).newDocument;
      } catch (e) {
        throw new DamagedRevisionError(`case "${caseId}" revision ${r.revision}: its delta does not apply (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    yield { revision: r.revision, doc };
  }
}

function checked(caseId: string, row: ChainRow, text: string): string {
  if (revisionHash(text) !== row.hash) throw new DamagedRevisionError(`case "${caseId}" revision ${row.revision} does not match its stored hash: the history is damaged`);
  return text;
}
