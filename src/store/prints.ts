/**
 * The article prints of a case (table article_prints, migration 0008): what the server's feed poller
 * keeps of each article a poll ingested into a case, so that later polls group their syndicated copies
 * with it and count each quote's independent outlets across polls (src/evidence/syndication.ts
 * groupOverTime; docs/evidence.md, "Feeds polled by the server"). Only articles that carried a quote
 * are kept (one without quotes adds to no count). Bounded: a poll compares with the case's prints of
 * the last PRINT_DAYS days, PRINT_LIMIT at most (the newest); older ones are deleted when a poll
 * stores its own. The same queries on SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { printShingles, type PrintedArticle } from '../evidence/syndication.ts';
import type { Database } from './tables.ts';

/** Prints older than this many days (since they were stored) are neither compared nor kept. */
export const PRINT_DAYS = 60;
/** At most this many prints per case are compared and kept (the newest). */
export const PRINT_LIMIT = 5000;

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
    const at = new Date(now).toISOString();
    await this.db.transaction().execute(async (trx) => {
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
    });
  }
}
