/**
 * The forecast record: sealed, hash-chained entries (docs/record.md).
 *
 * An entry is a question ("will there be a deal by DATE, and on what terms?") with its resolution
 * rule, the case it is asked of (id, store revision, content hash), the as-of and by dates, the
 * parley version, the creation time and the outlook: each model's agreement probability and, per
 * issue, the predictive quantiles. Its seal is
 *
 *     hash = SHA-256( canonicalJson(entry) )            (hex, lower case)
 *
 * where the entry includes `prevHash`, the seal of the entry before it (64 zeros for the first), so
 * that changing, removing, inserting or reordering any entry breaks either its own seal or the link
 * of the entry after it (a hash chain as in Haber & Stornetta 1991, "How to time-stamp a digital
 * document"). canonicalJson (src/store/hash.ts) writes object keys sorted by UTF-16 code units, no
 * white space, numbers in ECMAScript's shortest round-trip form and strings as JSON.stringify does:
 * for the finite numbers, strings and plain objects an entry holds, that is RFC 8785 (JCS), so any
 * JCS implementation reproduces the bytes. The store keeps those bytes as they were sealed.
 *
 * Pure: no clock, no I/O; the creation time is passed in.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../store/hash.ts';
import { OUTLOOK_LEVELS, type Outlook } from '../analysis/outlook-types.ts';

export const ENTRY_FORMAT = 'parley-record/1';
export const GENESIS_HASH = '0'.repeat(64);

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits (a SHA-256)');
export const QUESTION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export const RecordedIssue = z
  .object({
    issue: z.string(),
    statusQuo: finite,
    ifAgreed: finite,
    expected: finite,
    interval50: z.tuple([finite, finite]),
    interval90: z.tuple([finite, finite]),
    /** At the entry's `outlook.levels`, non-decreasing. */
    quantiles: z.array(finite).min(1),
  })
  .strict();

export const RecordedModel = z
  .object({
    model: z.string(),
    /** Probability of an agreement by the question's `by` date. */
    agreement: z.number().min(0).max(1),
    issues: z.array(RecordedIssue),
  })
  .strict();

/** What the entry keeps of an Outlook: every model's distribution, enough to score it (not the agreement basis). */
export const RecordedOutlook = z
  .object({
    /** The probability levels of every `quantiles` array. */
    levels: z.array(z.number().min(0).max(1)).min(1),
    /** The default model (the one at the outlook's top level). */
    model: z.string(),
    runs: z.number().int().min(0),
    seed: z.number(),
    scenario: z.string().nullable(),
    models: z.array(RecordedModel).min(1),
  })
  .strict();
export type RecordedOutlook = z.infer<typeof RecordedOutlook>;

export const EntryIssue = z
  .object({ id: z.string(), title: z.string(), min: finite, max: finite, unit: z.string().optional() })
  .strict();
export type EntryIssue = z.infer<typeof EntryIssue>;

export const Entry = z
  .object({
    format: z.literal(ENTRY_FORMAT),
    /** Position in the chain, from 1. */
    seq: z.number().int().min(1),
    question: z
      .object({
        id: z.string().regex(QUESTION_ID, 'a question id: letters, digits, ".", "_" or "-", up to 80, starting with a letter or digit'),
        text: z.string().min(1).max(2000),
        rule: z.string().min(1).max(4000),
      })
      .strict(),
    case: z
      .object({
        id: z.string(),
        title: z.string(),
        /** The store revision the forecast was made from (null: a case file outside the store). */
        revision: z.number().int().min(1).nullable(),
        /** SHA-256 of the canonical JSON of the case revision (the validated case, as the store keeps it). */
        hash: hex64,
        /** The issues the question is about, with their scales (what resolutions are checked against). */
        issues: z.array(EntryIssue).min(1),
      })
      .strict(),
    asOf: isoDate.nullable(),
    by: isoDate,
    version: z.string(),
    /** ISO time the entry was made (passed in). */
    createdAt: z.iso.datetime({ offset: true }),
    outlook: RecordedOutlook,
    prevHash: hex64,
  })
  .strict();
export type Entry = z.infer<typeof Entry>;

export interface SealedEntry {
  hash: string;
  entry: Entry;
}

/** The bytes that are hashed (and stored). */
export const entryText = (entry: Entry): string => canonicalJson(entry);
export const entryHash = (entry: Entry): string => sha256Hex(entryText(entry));

/** The hash of the canonical JSON of a case (what `case.hash` holds). */
export const caseHash = (c: unknown): string => sha256Hex(canonicalJson(c));

/** Keep what scoring needs of an outlook; checks it is complete (finite values, non-decreasing quantiles). */
export function recordOutlook(o: Outlook): RecordedOutlook {
  return {
    levels: [...OUTLOOK_LEVELS],
    model: o.model,
    runs: o.runs,
    seed: o.seed,
    scenario: o.scenario,
    models: o.models.map((m) => ({
      model: m.model,
      agreement: m.agreement.probability,
      issues: m.issues.map((i) => ({
        issue: i.issue,
        statusQuo: i.statusQuo,
        ifAgreed: i.ifAgreed,
        expected: i.expected,
        interval50: [i.interval50[0], i.interval50[1]],
        interval90: [i.interval90[0], i.interval90[1]],
        quantiles: [...i.quantiles],
      })),
    })),
  };
}

export class EntryError extends Error {
  constructor(public readonly problems: Array<{ path: string; message: string }>) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '));
    this.name = 'EntryError';
  }
}

const pathOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${String(seg)}` : String(seg)), '');

/** Problems of an entry beyond its shape: quantiles per level, in order; every model forecasts every issue. */
function entryProblems(e: Entry): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  const { levels } = e.outlook;
  for (let k = 1; k < levels.length; k++) if (!(levels[k] > levels[k - 1])) out.push({ path: `outlook.levels[${k}]`, message: 'levels must increase' });
  const ids = new Set(e.case.issues.map((i) => i.id));
  e.outlook.models.forEach((m, mi) => {
    m.issues.forEach((iss, ii) => {
      const at = `outlook.models[${mi}].issues[${ii}]`;
      if (!ids.has(iss.issue)) out.push({ path: `${at}.issue`, message: `issue "${iss.issue}" is not an issue of case "${e.case.id}"` });
      if (iss.quantiles.length !== levels.length) out.push({ path: `${at}.quantiles`, message: `${iss.quantiles.length} quantiles for ${levels.length} levels` });
      // A tolerance for the rounding of interpolated quantiles; a real inversion is an error in the producer.
      for (let k = 1; k < iss.quantiles.length; k++) {
        if (iss.quantiles[k] < iss.quantiles[k - 1] - 1e-9 * (1 + Math.abs(iss.quantiles[k - 1]))) {
          out.push({ path: `${at}.quantiles[${k}]`, message: `quantiles must not decrease (${iss.quantiles[k]} after ${iss.quantiles[k - 1]})` });
          break;
        }
      }
    });
  });
  if (e.asOf !== null && e.asOf > e.by) out.push({ path: 'asOf', message: `the as-of date ${e.asOf} is after the by date ${e.by}` });
  return out;
}

/** Validate an entry (shape and consistency); throws EntryError naming every bad field. */
export function checkEntry(data: unknown): Entry {
  const r = Entry.safeParse(data);
  if (!r.success) throw new EntryError(r.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));
  const problems = entryProblems(r.data);
  if (problems.length) throw new EntryError(problems);
  return r.data;
}

export type EntryDraft = Omit<Entry, 'format' | 'seq' | 'prevHash'>;

/** Seal a new entry onto the chain whose last entry is `prev` (none: this is the first). */
export function sealEntry(draft: EntryDraft, prev: SealedEntry | null): SealedEntry {
  const entry = checkEntry({ format: ENTRY_FORMAT, ...draft, seq: prev ? prev.entry.seq + 1 : 1, prevHash: prev ? prev.hash : GENESIS_HASH });
  return { hash: entryHash(entry), entry };
}

export type ChainBreak = 'content' | 'link' | 'sequence' | 'malformed';

export type VerifyResult =
  | { ok: true; count: number; head: string }
  | {
      ok: false;
      count: number;
      /** 0-based position of the first broken entry in the list given. */
      index: number;
      /** Its seq and question (as stored, when readable). */
      seq: number | null;
      question: string | null;
      reason: ChainBreak;
      message: string;
    };

/**
 * Check a chain, in order: each entry's stored hash is the SHA-256 of its canonical JSON (else its
 * content changed), each prevHash is the hash of the entry before (else an entry was removed,
 * inserted or reordered), and the seq numbers count 1, 2, 3, … . Reports the first break.
 * `entries[i].entry` is the parsed stored JSON (unknown: it may have been edited into anything).
 */
export function verifyChain(entries: ReadonlyArray<{ hash: string; entry: unknown }>): VerifyResult {
  let prev = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const { hash, entry } = entries[i];
    const raw = entry as { seq?: unknown; question?: { id?: unknown } } | null;
    const seq = typeof raw?.seq === 'number' ? raw.seq : null;
    const question = typeof raw?.question?.id === 'string' ? raw.question.id : null;
    const fail = (reason: ChainBreak, message: string): VerifyResult => ({ ok: false, count: entries.length, index: i, seq, question, reason, message });
    const name = `entry ${i + 1}${seq !== null && seq !== i + 1 ? ` (numbered ${seq})` : ''}${question ? ` [question ${question}]` : ''}`;
    let actual: string;
    try {
      actual = sha256Hex(canonicalJson(entry));
    } catch (e) {
      return fail('malformed', `${name}: cannot be read as JSON (${(e as Error).message})`);
    }
    if (actual !== hash) return fail('content', `${name}: content changed: its seal is ${hash} but its content hashes to ${actual}`);
    const parsed = Entry.safeParse(entry);
    if (!parsed.success) {
      const iss = parsed.error.issues[0];
      return fail('malformed', `${name}: not a valid entry (${pathOf(iss.path) || 'entry'}: ${iss.message})`);
    }
    if (parsed.data.prevHash !== prev) {
      return fail(
        'link',
        `${name}: link broken: it follows ${parsed.data.prevHash}, but the entry before it ${i === 0 ? 'is none (the chain starts with 64 zeros)' : `has hash ${prev}`}: an entry was removed, inserted or reordered`,
      );
    }
    if (parsed.data.seq !== i + 1) return fail('sequence', `${name}: sequence broken: numbered ${parsed.data.seq} at position ${i + 1}`);
    prev = hash;
  }
  return { ok: true, count: entries.length, head: prev };
}
