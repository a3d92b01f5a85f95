/**
 * The forecast record in the store (tables record_entries and record_resolutions, migration 0003):
 * append a sealed entry, read the chain, enter a resolution, score. Append-only: nothing here updates
 * or deletes a row, and the tables' triggers refuse it. The sealing, checking and scoring are the pure
 * functions of src/record; this file only reads and writes.
 */
import { canonicalJson, sha256Hex } from './hash.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import type { Store } from './index.ts';
import {
  checkResolution,
  entryText,
  questionFor,
  QuestionConflict,
  scoreRecord,
  sealEntry,
  verifyChain,
  type Entry,
  type EntryDraft,
  type QuestionAsk,
  type RecordScores,
  type Resolution,
  type SealedEntry,
  type VerifyResult,
} from '../record/index.ts';

export interface StoredEntry {
  seq: number;
  hash: string;
  /** The stored JSON, parsed (unknown: the chain check decides whether it is still an entry). */
  entry: unknown;
}

export interface StoredResolution {
  question: string;
  hash: string;
  createdAt: string;
  resolution: Resolution;
}

/** Unique-key violations of both drivers. */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // Not JSON any more: keep the text, whose hash cannot match the seal.
    return { unreadable: body };
  }
}

/**
 * Seal and append an entry for `ask` (its text and rule taken from the question's first entry when
 * not given), in one transaction: the chain's last entry is read, the new one sealed onto it and
 * written. Two writers at once: the second one's seq collides and it seals again onto the first's.
 */
export async function appendRecordEntry(store: Store, ask: QuestionAsk, draft: Omit<EntryDraft, 'question'>): Promise<SealedEntry> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('record_entries').select(['seq', 'hash', 'body']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
        const earlierRows = await trx.selectFrom('record_entries').select('body').where('question_id', '=', ask.id).orderBy('seq').limit(1).execute();
        const resolved = (await trx.selectFrom('record_resolutions').select('question_id').where('question_id', '=', ask.id).executeTakeFirst()) !== undefined;
        let question;
        try {
          question = questionFor(ask, earlierRows.map((r) => JSON.parse(r.body) as Entry), draft.case.title, resolved);
        } catch (e) {
          if (e instanceof QuestionConflict) throw new ConflictError(e.message);
          throw e;
        }
        const prev: SealedEntry | null = last ? { hash: last.hash, entry: JSON.parse(last.body) as Entry } : null;
        const sealed = sealEntry({ ...draft, question }, prev);
        await trx
          .insertInto('record_entries')
          .values({
            seq: sealed.entry.seq,
            hash: sealed.hash,
            question_id: question.id,
            case_id: sealed.entry.case.id,
            by_date: sealed.entry.by,
            created_at: sealed.entry.createdAt,
            body: entryText(sealed.entry),
          })
          .execute();
        return sealed;
      });
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 5) continue;
      throw e;
    }
  }
}

/** The chain in order (all of it, or one question's / one case's entries). */
export async function listRecordEntries(store: Store, q: { question?: string; caseId?: string } = {}): Promise<StoredEntry[]> {
  let query = store.db.selectFrom('record_entries').select(['seq', 'hash', 'body']);
  if (q.question !== undefined) query = query.where('question_id', '=', q.question);
  if (q.caseId !== undefined) query = query.where('case_id', '=', q.caseId);
  const rows = await query.orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), hash: r.hash, entry: parseBody(r.body) }));
}

/** Check the whole chain (see verifyChain). */
export async function verifyRecord(store: Store): Promise<VerifyResult> {
  return verifyChain(await listRecordEntries(store));
}

/** The question's first entry (what its resolution is checked against). */
async function firstEntry(store: Store, question: string): Promise<Entry> {
  const row = await store.db.selectFrom('record_entries').select('body').where('question_id', '=', question).orderBy('seq').limit(1).executeTakeFirst();
  if (!row) throw new NotFoundError(`no recorded question "${question}" (record a forecast of it first: parley record <case> --question ${question} --by DATE)`);
  return JSON.parse(row.body) as Entry;
}

/** Enter the outcome of a question, once; validated against the issues of its case (throws ResolutionError). */
export async function recordResolution(store: Store, question: string, data: unknown, createdAt: string, validated?: Resolution): Promise<StoredResolution> {
  const first = await firstEntry(store, question);
  const resolution = validated ?? checkResolution(data, first.case.issues);
  const body = canonicalJson(resolution);
  const hash = sha256Hex(body);
  try {
    await store.db.insertInto('record_resolutions').values({ question_id: question, hash, created_at: createdAt, body }).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`question "${question}" is resolved already (a resolution is never changed)`);
    throw e;
  }
  return { question, hash, createdAt, resolution };
}

/** The issues a question's resolution must give values on (for validating a file before writing). */
export async function questionIssues(store: Store, question: string): Promise<Entry['case']['issues']> {
  return (await firstEntry(store, question)).case.issues;
}

export async function listResolutions(store: Store): Promise<StoredResolution[]> {
  const rows = await store.db.selectFrom('record_resolutions').selectAll().orderBy('created_at').orderBy('question_id').execute();
  return rows.map((r) => ({ question: r.question_id, hash: r.hash, createdAt: r.created_at, resolution: JSON.parse(r.body) as Resolution }));
}

/**
 * Score every resolved question. Scores only a chain that verifies: scores of a rewritten record
 * would mean nothing, so a broken chain is an error naming the entry.
 */
export async function scoreStoredRecord(store: Store): Promise<RecordScores> {
  const entries = await listRecordEntries(store);
  const check = verifyChain(entries);
  if (!check.ok) throw new ConflictError(`the record does not verify, so it is not scored: ${check.message}`);
  const resolutions = new Map((await listResolutions(store)).map((r) => [r.question, r.resolution]));
  return scoreRecord(
    entries.map((e) => e.entry as Entry),
    resolutions,
  );
}
