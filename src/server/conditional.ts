/**
 * Revisions as HTTP validators (docs/security.md, "Conflicts"; the session's API contract):
 *
 * - every read of a case or of anything in it answers `ETag: "<revision>"` (the revision it was
 *   read from), a stored run `ETag: "<run id>"`; any other JSON read a weak tag of its bytes;
 * - every write to a case honours `If-Match` (`"7"`, `W/"7"`, `7`; `*` is any revision): a stale
 *   one is a 412 whose body carries `currentRevision`, and nothing is written; the write's answer
 *   carries the new revision's ETag;
 * - with `requireIfMatch` (a server off loopback), a whole-case PUT without If-Match is a 428.
 *
 * The store checks the revision inside the write's transaction (`expectedRevision`), so two
 * writers based on the same revision cannot both succeed.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ConflictError, type Store } from '../store/index.ts';
import { ApiError } from './errors.ts';

/** The revision an If-Match header names; undefined when there is none or it is `*`. */
export function ifMatchRevision(c: Context): number | undefined {
  const h = c.req.header('if-match');
  if (h === undefined || h.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?("?)([0-9]{1,15})\1\s*$/.exec(h);
  const n = m ? Number(m[2]) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new ApiError(400, `If-Match must be a case revision ("7", W/"7" or 7), got ${JSON.stringify(h.slice(0, 40))}`, 'If-Match');
  return n;
}

/** The ETag of a case revision or of a run (by id). */
export const etagOf = (tag: number | string): string => `"${tag}"`;

/** Set the response's ETag (a case revision, a run id, a record hash). */
export function setEtag(c: Context, tag: number | string): void {
  c.header('ETag', etagOf(tag));
}

/** The 412 of a write based on `expected` when the case is at `current`. */
export const staleRevision = (id: string, expected: number, current: number): ApiError =>
  new ApiError(412, `case "${id}" is at revision ${current}, not ${expected} (If-Match): reload it and apply the change again`, 'If-Match', { currentRevision: current });

/** Before expensive work: a stale If-Match against the revision just read is a 412 now. */
export function checkIfMatch(c: Context, id: string, current: number): void {
  const expected = ifMatchRevision(c);
  if (expected !== undefined && expected !== current) throw staleRevision(id, expected, current);
}

/** A 428 when If-Match is required (off loopback) and absent. */
export function requireIfMatch(c: Context, required: boolean, what: string): void {
  if (required && c.req.header('if-match') === undefined) {
    throw new ApiError(428, `${what} needs the header If-Match: "<revision>" (the revision you read, from its ETag), so that it cannot overwrite someone else's change unseen`, 'If-Match');
  }
}

/**
 * A write to case `id` (which passes the If-Match revision on to the store, through `changeInfo`):
 * the store's conflict with an If-Match becomes a 412 with the current revision; the new revision
 * becomes the response's ETag.
 */
export async function conditionalWrite<T extends { revision: number }>(c: Context, store: Store, id: string, write: () => Promise<T>): Promise<T> {
  const expected = ifMatchRevision(c);
  let result: T;
  try {
    result = await write();
  } catch (e) {
    if (!(e instanceof ConflictError) || expected === undefined) throw e;
    const { revision } = await store.getCaseJson(id);
    throw staleRevision(id, expected, revision);
  }
  setEtag(c, result.revision);
  return result;
}

/** A JSON read without an ETag of its own gets a weak one of its bytes (lists, jobs, models). */
export const etagFallback: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.res.status !== 200 || c.res.headers.has('ETag')) return;
  if (!/json/.test(c.res.headers.get('Content-Type') ?? '')) return;
  const bytes = new Uint8Array(await c.res.clone().arrayBuffer());
  c.res.headers.set('ETag', `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`);
};
