/**
 * What the server's feed poller keeps in the store (tables feed_state and feed_items, migration 0007):
 * per case feed, its last poll (when, the error if it failed, items seen, candidates added) and a lease
 * that a poll holds while it runs, so that no two polls of one feed overlap, in this process or another
 * one on the same database; and the keys of the items already seen, so a poll queues only new items.
 * Migration 0008 adds the backoff of items that gave no text (feed_item_attempts: tries, and the poll
 * they are tried again at; per feed the polls that read it, the items given up, the last item error).
 * The same queries on SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './tables.ts';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The key of a feed: the SHA-256 of its URL. */
export const feedKey = (url: string): string => sha256(url);

/** The keys an item is known by: its id and its link (either seen before makes it old). */
export function itemKeys(item: { id?: string | null; link?: string | null; title?: string | null; published?: string | null }): string[] {
  const keys: string[] = [];
  if (item.id) keys.push(sha256(`id:${item.id}`));
  if (item.link) keys.push(sha256(`link:${item.link}`));
  // An item with neither (RSS allows it) is known by its title and date.
  if (!keys.length && item.title) keys.push(sha256(`title:${item.title}\u0000${item.published ?? ''}`));
  return keys;
}

export interface FeedState {
  url: string;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  lastError: string | null;
  itemsSeen: number;
  lastNew: number;
  totalNew: number;
  /** Set while a poll holds the feed (until this ISO time). */
  pollingUntil: string | null;
  /** Polls that read the feed (the clock of the items' backoff). */
  polls: number;
  /** Items that gave no text, waiting to be tried again. */
  retryingItems: number;
  /** Items given up after MAX_ITEM_ATTEMPTS failed tries (taken as seen), and the last such item's error. */
  failedItems: number;
  lastItemError: string | null;
}

/**
 * An item that gave no text (its page failed, no summary) is tried again at the next poll, then after
 * 2, 4, 8 polls (a try at poll p, the a-th, fails: the next is at poll p + 2^(a-1)); after
 * MAX_ITEM_ATTEMPTS failed tries it is taken as seen.
 */
export const MAX_ITEM_ATTEMPTS = 5;
export const nextTryPoll = (poll: number, attempts: number): number => poll + 2 ** (attempts - 1);

/** An item's failed tries. */
export interface ItemAttempts {
  attempts: number;
  nextPoll: number;
  lastError: string;
}

interface StateRow {
  feed_url: string;
  last_polled_at: string | null;
  last_ok_at: string | null;
  last_error: string | null;
  items_seen: number | string;
  last_new: number | string;
  total_new: number | string;
  polling_until: string | null;
  polls: number | string;
  failed_items: number | string;
  last_item_error: string | null;
}

const toState = (r: StateRow, retrying = 0): FeedState => ({
  url: r.feed_url,
  lastPolledAt: r.last_polled_at,
  lastOkAt: r.last_ok_at,
  lastError: r.last_error,
  itemsSeen: Number(r.items_seen),
  lastNew: Number(r.last_new),
  totalNew: Number(r.total_new),
  pollingUntil: r.polling_until,
  polls: Number(r.polls),
  retryingItems: retrying,
  failedItems: Number(r.failed_items),
  lastItemError: r.last_item_error,
});

/** Longest error message kept per feed. */
const MAX_ERROR_CHARS = 1000;

export class FeedStore {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** The state of each polled feed of a case, by URL. */
  async states(caseId: string): Promise<Map<string, FeedState>> {
    const rows = (await this.db.selectFrom('feed_state').selectAll().where('case_id', '=', caseId).execute()) as StateRow[];
    const waiting = await this.db.selectFrom('feed_item_attempts').select(['feed', (eb) => eb.fn.countAll().as('n')]).where('case_id', '=', caseId).groupBy('feed').execute();
    const retrying = new Map(waiting.map((w) => [w.feed, Number(w.n)]));
    return new Map(rows.map((r) => [r.feed_url, toState(r, retrying.get(feedKey(r.feed_url)) ?? 0)]));
  }

  /** The polls that read the feed so far (0 before the first). */
  async polls(caseId: string, url: string): Promise<number> {
    const r = await this.db.selectFrom('feed_state').select('polls').where('case_id', '=', caseId).where('feed', '=', feedKey(url)).executeTakeFirst();
    return Number(r?.polls ?? 0);
  }

  /** The failed tries of the feed's items that have any, by item key. */
  async attempts(caseId: string, url: string): Promise<Map<string, ItemAttempts>> {
    const rows = await this.db.selectFrom('feed_item_attempts').select(['item_key', 'attempts', 'next_poll', 'last_error']).where('case_id', '=', caseId).where('feed', '=', feedKey(url)).execute();
    return new Map(rows.map((r) => [r.item_key, { attempts: Number(r.attempts), nextPoll: Number(r.next_poll), lastError: r.last_error }]));
  }

  /**
   * Take the feed's lease until `until` (ISO) unless another poll holds it: true when taken. The
   * update is conditional, so of two pollers racing for a feed exactly one wins.
   */
  async claim(caseId: string, url: string, now: string, until: string): Promise<boolean> {
    const feed = feedKey(url);
    await this.db
      .insertInto('feed_state')
      .values({ case_id: caseId, feed, feed_url: url, last_polled_at: null, last_ok_at: null, last_error: null, items_seen: 0, last_new: 0, total_new: 0, polling_until: null, polls: 0, failed_items: 0, last_item_error: null })
      .onConflict((oc) => oc.columns(['case_id', 'feed']).doNothing())
      .execute();
    const r = await this.db
      .updateTable('feed_state')
      .set({ polling_until: until })
      .where('case_id', '=', caseId)
      .where('feed', '=', feed)
      .where((eb) => eb.or([eb('polling_until', 'is', null), eb('polling_until', '<', now)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Of `keys`, those already seen for this feed. */
  async seen(caseId: string, url: string, keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const feed = feedKey(url);
    // In slices: a long feed would exceed SQLite's limit on bound parameters.
    for (let i = 0; i < keys.length; i += 400) {
      const slice = keys.slice(i, i + 400);
      const rows = await this.db.selectFrom('feed_items').select('item_key').where('case_id', '=', caseId).where('feed', '=', feed).where('item_key', 'in', slice).execute();
      for (const r of rows) out.add(r.item_key);
    }
    return out;
  }

  /**
   * A poll's end, in one transaction: the new items' keys stored as seen, the outcome recorded and
   * the lease released. With `error`, the poll failed: nothing is marked seen, the counts stay. A poll
   * that read the feed counts one more poll; `failed` records items' failed tries (an item given up,
   * `attempts` at MAX_ITEM_ATTEMPTS, is counted in failedItems and its error kept: its keys are in
   * `keys`), and `cleared` the items whose tries are over (read at last, or given up).
   */
  async finish(
    caseId: string,
    url: string,
    at: string,
    outcome: { error?: string; keys?: string[]; newItems?: number; added?: number; failed?: Array<{ key: string } & ItemAttempts>; cleared?: string[] },
  ): Promise<void> {
    const feed = feedKey(url);
    await this.db.transaction().execute(async (trx) => {
      if (outcome.error !== undefined) {
        await trx.updateTable('feed_state').set({ last_polled_at: at, last_error: outcome.error.slice(0, MAX_ERROR_CHARS), last_new: 0, polling_until: null }).where('case_id', '=', caseId).where('feed', '=', feed).execute();
        return;
      }
      const keys = [...new Set(outcome.keys ?? [])];
      for (let i = 0; i < keys.length; i += 200) {
        await trx
          .insertInto('feed_items')
          .values(keys.slice(i, i + 200).map((k) => ({ case_id: caseId, feed, item_key: k, seen_at: at })))
          .onConflict((oc) => oc.columns(['case_id', 'feed', 'item_key']).doNothing())
          .execute();
      }
      const gaveUp = (outcome.failed ?? []).filter((f) => f.attempts >= MAX_ITEM_ATTEMPTS);
      for (const f of outcome.failed ?? []) {
        if (f.attempts >= MAX_ITEM_ATTEMPTS) continue;
        const row = { attempts: f.attempts, next_poll: f.nextPoll, last_error: f.lastError.slice(0, MAX_ERROR_CHARS) };
        await trx
          .insertInto('feed_item_attempts')
          .values({ case_id: caseId, feed, item_key: f.key, ...row })
          .onConflict((oc) => oc.columns(['case_id', 'feed', 'item_key']).doUpdateSet(row))
          .execute();
      }
      const cleared = [...new Set([...(outcome.cleared ?? []), ...gaveUp.map((f) => f.key)])];
      for (let i = 0; i < cleared.length; i += 400) await trx.deleteFrom('feed_item_attempts').where('case_id', '=', caseId).where('feed', '=', feed).where('item_key', 'in', cleared.slice(i, i + 400)).execute();
      const added = outcome.added ?? 0;
      await trx
        .updateTable('feed_state')
        .set((eb) => ({
          last_polled_at: at,
          last_ok_at: at,
          last_error: null,
          items_seen: eb('items_seen', '+', outcome.newItems ?? 0),
          last_new: added,
          total_new: eb('total_new', '+', added),
          polling_until: null,
          polls: eb('polls', '+', 1),
          ...(gaveUp.length ? { failed_items: eb('failed_items', '+', gaveUp.length), last_item_error: gaveUp.at(-1)!.lastError.slice(0, MAX_ERROR_CHARS) } : {}),
        }))
        .where('case_id', '=', caseId)
        .where('feed', '=', feed)
        .execute();
    });
  }

  /** Release a lease without recording a poll (the poll was refused before it began: a stale If-Match). */
  async release(caseId: string, url: string): Promise<void> {
    await this.db.updateTable('feed_state').set({ polling_until: null }).where('case_id', '=', caseId).where('feed', '=', feedKey(url)).execute();
  }
}
