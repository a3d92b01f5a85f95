/**
 * The article prints of a case (table article_prints, migration 0008): what the server's feed poller
 * keeps of each article a poll ingested into a case, so that later polls group their syndicated copies
 * with it and count each quote's independent outlets across polls (src/evidence/syndication.ts
 * groupOverTime; docs/evidence.md, "Feeds polled by the server"). Only articles that carried a quote
 * are kept (one without quotes adds to no count). Bounded: a poll compares with the case's prints of
 * the last PRINT_DAYS days, PRINT_LIMIT at most (the newest); older ones are deleted when a poll
 * stores its own. A poll holds the case's prints (a lease, table print_leases) from reading them to
 * storing its own, so two polls of one case, in one process or two, never count the same outlet twice.
 * The same queries on SQLite and PostgreSQL.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { printShingles, type PrintedArticle } from '../evidence/syndication.ts';
import { ConflictError } from './errors.ts';
import type { Database } from './tables.ts';

/** Prints older than this many days (since they were stored) are neither compared nor kept. */
export const PRINT_DAYS = 60;
/** At most this many prints per case are compared and kept (the newest). */
export const PRINT_LIMIT = 5000;

/** How long a poll holds a case's prints at most (a process that dies holding them frees them after this). */
export const PRINT_LEASE_MS = 2 * 60_000;
/** How long a poll waits for another one's hold on the case's prints before it gives up. */
export const PRINT_WAIT_MS = 60_000;

/** Thrown when another poll held a case's prints for longer than the wait (HTTP 409: try again; nothing was written). */
export class PrintsBusyError extends ConflictError {}

/** A quote key (candidates.ts quoteKey) as a print keeps it: 16 hex digits of its SHA-256. */
export const quoteHash = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** A print to store: the article's syndication group as this poll found it, its outlet, date and url, the quote hashes it carried. */
export interface PrintRow {
  id: string;
  group: string;
  feedUrl: string | null;
  url: string | null;
  outlet: string | null;
  date: string | null;
  /** syndication.ts articlePrint. */
  print: Uint8Array;
  quotes: string[];
}

/** A stored print, ready for groupOverTime. */
export interface StoredPrint extends PrintedArticle {
  url: string | null;
  feedUrl: string | null;
  date: string | null;
  seenAt: string;
}

const cutoff = (now: number): string => new Date(now - PRINT_DAYS * 86_400_000).toISOString();

export class PrintStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Hold the case's prints: wait (up to `waitMs`) until no other poll holds them, then take them for
   * `leaseMs` at most; returns the release. The take is a conditional update: of two racing, one wins.
   */
  async hold(caseId: string, opts: { leaseMs?: number; waitMs?: number } = {}): Promise<() => Promise<void>> {
    const holder = randomUUID();
    const deadline = Date.now() + (opts.waitMs ?? PRINT_WAIT_MS);
    await this.db.insertInto('print_leases').values({ case_id: caseId, holder: '', until: '' }).onConflict((oc) => oc.column('case_id').doNothing()).execute();
    for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
      const now = new Date().toISOString();
      const r = await this.db
        .updateTable('print_leases')
        .set({ holder, until: new Date(Date.now() + (opts.leaseMs ?? PRINT_LEASE_MS)).toISOString() })
        .where('case_id', '=', caseId)
        .where('until', '<', now)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) > 0) break;
      if (Date.now() >= deadline) throw new PrintsBusyError(`another poll of case "${caseId}" held its article prints for over ${Math.round((opts.waitMs ?? PRINT_WAIT_MS) / 1000)} s`);
      await new Promise((res) => setTimeout(res, pause));
    }
    return async () => {
      await this.db.updateTable('print_leases').set({ holder: '', until: '' }).where('case_id', '=', caseId).where('holder', '=', holder).execute();
    };
  }

  /** The case's prints within the bounds at `now` (ms), oldest first. */
  async recent(caseId: string, now = Date.now()): Promise<StoredPrint[]> {
    const rows = await this.db
      .selectFrom('article_prints')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('seen_at', '>=', cutoff(now))
      .orderBy('seq', 'desc')
      .orderBy('print_id', 'desc')
      .limit(PRINT_LIMIT)
      .execute();
    return rows.reverse().map((r) => ({
      id: r.print_id,
      group: r.group_id,
      outlet: r.outlet,
      url: r.url,
      feedUrl: r.feed_url,
      date: r.date,
      seenAt: r.seen_at,
      shingles: printShingles(Buffer.from(r.shingles, 'base64')),
      quotes: JSON.parse(r.quotes) as string[],
    }));
  }

  /**
   * Store a poll's prints (in their order, after the case's others; a print id stored already is kept
   * as it was) and delete the case's prints beyond the bounds at `now`, in one transaction.
   */
  async save(caseId: string, prints: ReadonlyArray<PrintRow>, now = Date.now()): Promise<void> {
    await this.db.transaction().execute((trx) => PrintStore.saveIn(trx, caseId, prints, now));
  }

  /** `save` inside a transaction the caller holds (the case revision's: src/store/case-ingest.ts). */
  static async saveIn(trx: Transaction<Database>, caseId: string, prints: ReadonlyArray<PrintRow>, now = Date.now()): Promise<void> {
    const at = new Date(now).toISOString();
    const last = await trx.selectFrom('article_prints').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', caseId).executeTakeFirst();
    let seq = Number(last?.seq ?? 0);
    // 11 values a row: well under SQLite's limit on bound parameters.
    for (let i = 0; i < prints.length; i += 200) {
      await trx
        .insertInto('article_prints')
        .values(
          prints.slice(i, i + 200).map((p) => ({
            case_id: caseId,
            print_id: p.id,
            seq: ++seq,
            group_id: p.group,
            feed_url: p.feedUrl,
            url: p.url,
            outlet: p.outlet,
            date: p.date,
            seen_at: at,
            shingles: Buffer.from(p.print.buffer, p.print.byteOffset, p.print.byteLength).toString('base64'),
            quotes: JSON.stringify(p.quotes),
          })),
        )
        .onConflict((oc) => oc.columns(['case_id', 'print_id']).doNothing())
        .execute();
    }
    await trx.deleteFrom('article_prints').where('case_id', '=', caseId).where('seen_at', '<', cutoff(now)).execute();
    await trx.deleteFrom('article_prints').where('case_id', '=', caseId).where('seq', '<=', seq - PRINT_LIMIT).execute();
  }
}
