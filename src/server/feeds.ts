/**
 * Case feeds (docs/evidence.md, "Feeds"): the server polls each feed a case lists (`feeds: [{ url,
 * every, label }]`) on its interval and queues the quotes of new items as candidate evidence, pending
 * review, exactly as `POST /api/ingest` with a caseId does.
 *
 * - A feed is fetched through the URL guard (src/net/url-guard.ts: public addresses only, every
 *   redirect checked, the connection pinned to the checked address), with a timeout and a size limit,
 *   and read by `parseFeed` (src/evidence/feeds.ts).
 * - An item is new when neither its id nor its link was seen before for that feed (feed_items); a
 *   poll takes at most `maxItemsPerPoll` new items, the rest wait for the next one. An item whose
 *   content is full is ingested from the feed; otherwise its link is fetched (through the guard), and
 *   when that fails its summary is used. An item that yields no text at all is tried again at the next
 *   poll, then after 2, 4, 8 polls, and after MAX_ITEM_ATTEMPTS failed tries taken as seen, its error
 *   kept in the feed's state (store/feeds.ts, feed_item_attempts).
 * - Over time (case-ingest.ts, store/prints.ts): the poll's articles that carry quotes are grouped with the case's
 *   stored article prints (syndication.ts groupOverTime): a copy of a stored article joins its group.
 *   A new candidate's `outlets` counts the independent outlets among stored and new carriers of the
 *   quote; a quote already a `candidate` of the case gets the outlets the new articles add (a copy of
 *   a stored carrier, or an outlet counted already, adds none). Accepted and rejected evidence is never
 *   changed. The prints are stored after the case is written (never when the write is refused).
 * - One poll of a case writes at most one revision (all its feeds' candidates and raised outlets), by
 *   the poll's author (`feed:<label>` for the scheduler, the user for "poll now"); a poll that finds
 *   nothing new, or only items without quotes, leaves the case unchanged.
 * - Per feed the store records the last poll, its error, the items seen and the candidates added
 *   (src/store/feeds.ts). A failing feed records its error and never stops the others; a feed being
 *   polled is held by a lease, so polls of one feed never overlap (here or in another process).
 *
 * The scheduler (`startFeedScheduler`) is started by `startServer` unless PARLEY_FEEDS=0 (and not under
 * Vitest unless asked): every `tickMs` it polls the feeds that are due, a few at a time.
 */
import { feedIntervalMs, type Case, type Evidence, type Feed } from '../case/schema.ts';
import { fetchArticle, type ArticleInput, type IngestResult } from '../evidence/index.ts';
import { ArticleInputError, articleFromPage } from '../evidence/input.ts';
import { isFullContent, parseFeed, type FeedItem } from '../evidence/feeds.ts';
import { DEFAULT_FEED_TIMEOUT_MS, fetchFeedText, type FeedFetchOptions } from '../evidence/feed-fetch.ts';
import { UrlRefusedError } from '../net/url-guard.ts';
import { ConflictError, type ChangeInfo, type Store } from '../store/index.ts';
import { FeedStore, itemKeys, MAX_ITEM_ATTEMPTS, nextTryPoll, type FeedState, type ItemAttempts } from '../store/feeds.ts';
import { ingestIntoCase, printId, type CaseIngestResult } from '../store/case-ingest.ts';
import { isUserError } from './errors.ts';
import { offloadPool } from './offload.ts';
import { JobStore } from '../store/jobs.ts';
import type { ChunkedKind, JobQueue } from '../jobs/queue.ts';

export interface FeedPollOptions extends FeedFetchOptions {
  /** New items taken per feed and poll (default 50). */
  maxItemsPerPoll?: number;
  /** No new item is started after this long into a feed's poll (ms; default 5 min): the rest wait for the next poll. */
  itemBudgetMs?: number;
  /** Where unexpected failures are logged, with their stack (default: nowhere). */
  log?: (line: string) => void;
  /** Once aborted (the server stops), no further item is started: the rest stay new for the next poll. */
  signal?: AbortSignal;
}

export const DEFAULT_MAX_ITEMS_PER_POLL = 50;
export const DEFAULT_ITEM_BUDGET_MS = 5 * 60_000;
/** How long a poll holds its feed at most (a process that dies mid-poll frees it after this): above the item budget plus one item's fetches and ingest. */
export const FEED_LEASE_MS = 10 * 60_000;

/** A feed of a case with what its polls found. */
export interface FeedView extends Omit<FeedState, 'pollingUntil' | 'polls'> {
  label: string;
  every: string;
  everyMs: number;
  /** A poll holds the feed now. */
  polling: boolean;
  /** When the scheduler polls it next (now when it was never polled). */
  nextPollAt: string;
}

/** What one poll did with one feed. */
export interface FeedPollOutcome {
  url: string;
  label: string;
  /** polled; failed (the feed could not be fetched or read: `error`); busy (another poll held it). */
  status: 'polled' | 'failed' | 'busy';
  /** Items in the feed, and of them new ones taken by this poll. */
  items: number;
  newItems: number;
  /** Ids of the candidate evidence added from this feed. */
  added: string[];
  error?: string;
  /** Items that could not be read (tried again at a later poll, given up, or their summary used). */
  itemErrors: string[];
  /** New items not tried this poll: their page failed before and their next try is at a later poll. */
  waiting: number;
}

export interface CasePollResult {
  /** The case's revision after the poll; `changed` when the poll wrote it. */
  revision: number;
  changed: boolean;
  added: string[];
  /** The candidate evidence added, as stored. */
  evidence: Evidence[];
  /** Candidates already in the case whose independent outlets this poll's articles raised, with the new count. */
  raised: Array<{ id: string; outlets: number }>;
  feeds: FeedPollOutcome[];
}

/** A feed's label: its own, else its URL's host. */
export const feedLabel = (f: Feed): string => f.label ?? new URL(f.url).hostname;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Polls in progress in this process, per store and feed: a second poll of a feed waits for the first. */
const inflightByStore = new WeakMap<Store, Map<string, Promise<unknown>>>();
const inflightOf = (store: Store) => {
  let m = inflightByStore.get(store);
  if (!m) inflightByStore.set(store, (m = new Map()));
  return m;
};
const feedId = (caseId: string, url: string) => `${caseId}\u0000${url}`;

/** The feeds of a case with their state, as `GET /api/cases/{id}/feeds` answers them. */
export function feedViews(c: Case, states: Map<string, FeedState>, now = Date.now()): FeedView[] {
  return (c.feeds ?? []).map((f) => {
    const s = states.get(f.url);
    const everyMs = feedIntervalMs(f.every) ?? 3_600_000;
    const polling = !!s?.pollingUntil && Date.parse(s.pollingUntil) > now;
    const next = s?.lastPolledAt ? Math.max(Date.parse(s.lastPolledAt) + everyMs, now) : now;
    return {
      url: f.url,
      label: feedLabel(f),
      every: f.every ?? '1h',
      everyMs,
      lastPolledAt: s?.lastPolledAt ?? null,
      lastOkAt: s?.lastOkAt ?? null,
      lastError: s?.lastError ?? null,
      itemsSeen: s?.itemsSeen ?? 0,
      lastNew: s?.lastNew ?? 0,
      totalNew: s?.totalNew ?? 0,
      retryingItems: s?.retryingItems ?? 0,
      failedItems: s?.failedItems ?? 0,
      lastItemError: s?.lastItemError ?? null,
      polling,
      nextPollAt: new Date(next).toISOString(),
    };
  });
}

interface FreshItem {
  keys: string[];
  result?: IngestResult;
}
interface FeedWork {
  feed: Feed;
  outcome: FeedPollOutcome;
  fresh: FreshItem[];
  /** Items whose try failed this poll (given up at MAX_ITEM_ATTEMPTS), and items whose earlier tries are over. */
  failed: Array<{ key: string } & ItemAttempts>;
  cleared: string[];
}

/** Polls the feeds of cases in one store. */
export class FeedPoller {
  readonly states: FeedStore;
  private readonly inflight: Map<string, Promise<unknown>>;
  constructor(
    readonly store: Store,
    readonly opts: FeedPollOptions = {},
  ) {
    this.states = new FeedStore(store.db);
    this.inflight = inflightOf(store);
  }

  /** The case's feeds with their state. */
  async list(caseId: string): Promise<{ revision: number; feeds: FeedView[] }> {
    const stored = await this.store.getCase(caseId);
    return { revision: stored.revision, feeds: feedViews(stored.case, await this.states.states(caseId)) };
  }

  /**
   * Poll the case's feeds (`urls`: only those) now and add the new items' quotes as candidates, in
   * one revision written with `info` (its `expectedRevision`: a stale one is a ConflictError and
   * nothing is added). `info` may be a function of the polled feeds (the scheduler's author). The
   * revision's message is `info`'s (default `feeds: <labels>`), followed by what the poll did when it
   * raised outlets or `describe` asks.
   */
  async poll(caseId: string, opts: { urls?: string[]; info?: ChangeInfo | ((feeds: Feed[]) => ChangeInfo); describe?: boolean } = {}): Promise<CasePollResult> {
    const stored = await this.store.getCase(caseId);
    const feeds = (stored.case.feeds ?? []).filter((f) => !opts.urls || opts.urls.includes(f.url));
    const started = new Date().toISOString();
    const claimed: Feed[] = [];
    const busy: FeedPollOutcome[] = [];
    const busyOutcome = (f: Feed): FeedPollOutcome => ({ url: f.url, label: feedLabel(f), status: 'busy', items: 0, newItems: 0, added: [], itemErrors: [], waiting: 0 });
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    // Taken in this process first (synchronously, so two polls here cannot both pass), then in the store.
    const mine: Feed[] = [];
    const waits: Array<Promise<unknown>> = [];
    let released = false;
    for (const f of feeds) {
      const running = this.inflight.get(feedId(caseId, f.url));
      if (running) {
        waits.push(running.catch(() => undefined));
        busy.push(busyOutcome(f));
      } else {
        this.inflight.set(feedId(caseId, f.url), done);
        mine.push(f);
      }
    }
    try {
      for (const f of mine) {
        if (await this.states.claim(caseId, f.url, started, new Date(Date.now() + FEED_LEASE_MS).toISOString())) claimed.push(f);
        else busy.push(busyOutcome(f));
      }
      // A poll of the same feed running here: its candidates are in the case when this one answers.
      await Promise.all(waits);
      const works = await Promise.all(claimed.map((f) => this.read(caseId, f, stored.case, started)));
      const ok = works.filter((w) => w.outcome.status === 'polled');
      let revision = stored.revision;
      let changed = false;
      const evidence: Evidence[] = [];
      let raised: Array<{ id: string; outlets: number }> = [];
      // Each feed's items with quotes, in the feeds' order (a print id: the feed and the item's first key).
      const read = ok.flatMap((w) =>
        w.fresh.flatMap((x) => (x.result?.quotes.length ? [{ w, article: { id: printId(w.feed.url, x.keys[0]), result: x.result, feedUrl: w.feed.url, note: `feed: ${w.outcome.label}` } }] : [])),
      );
      const finishAll = async () => {
        for (const w of works) {
          if (w.outcome.status !== 'polled') continue;
          await this.states.finish(caseId, w.feed.url, started, { keys: w.fresh.flatMap((x) => x.keys), newItems: w.fresh.length, added: w.outcome.added.length, failed: w.failed, cleared: w.cleared });
        }
      };
      if (read.length) {
        const info = typeof opts.info === 'function' ? opts.info(ok.map((w) => w.feed)) : (opts.info ?? {});
        const change: ChangeInfo = { ...info, message: info.message ?? `feeds: ${ok.map((w) => w.outcome.label).join(', ')}` };
        let done: CaseIngestResult;
        try {
          done = await ingestIntoCase(this.store, caseId, read.map((r) => r.article), change, { describe: opts.describe });
        } catch (e) {
          // Nothing was added. A conflict (a stale If-Match) leaves the feeds as they were: their items stay new, no print or try is recorded.
          if (e instanceof ConflictError) await Promise.all(ok.map((w) => this.states.release(caseId, w.feed.url)));
          else await Promise.all(ok.map((w) => this.states.finish(caseId, w.feed.url, started, { error: `the case could not be written: ${message(e)}` })));
          released = true;
          throw e;
        }
        ({ revision, changed, raised } = done);
        read.forEach((r, i) => {
          r.w.outcome.added.push(...done.added[i].map((x) => x.id));
          evidence.push(...done.added[i]);
        });
      }
      await finishAll();
      released = true;
      // In the case's order of its feeds.
      const byUrl = new Map([...works.map((w) => w.outcome), ...busy].map((o) => [o.url, o]));
      const outcomes = feeds.flatMap((f) => byUrl.get(f.url) ?? []);
      return { revision, changed, added: evidence.map((e) => e.id), evidence, raised, feeds: outcomes };
    } finally {
      // An unexpected failure (the store) must not leave the feeds held until their leases expire.
      if (!released) await Promise.all(claimed.map((f) => this.states.release(caseId, f.url).catch(() => undefined)));
      for (const f of mine) this.inflight.delete(feedId(caseId, f.url));
      release();
    }
  }

  /** Fetch, parse and ingest one feed's new items; a failure is recorded now and becomes the outcome's error. */
  private async read(caseId: string, feed: Feed, c: Case, started: string): Promise<FeedWork> {
    const outcome: FeedPollOutcome = { url: feed.url, label: feedLabel(feed), status: 'polled', items: 0, newItems: 0, added: [], itemErrors: [], waiting: 0 };
    const fresh: FreshItem[] = [];
    const failed: FeedWork['failed'] = [];
    const cleared: string[] = [];
    try {
      const parsed = parseFeed(await fetchFeedText(feed.url, this.opts), feed.url);
      outcome.items = parsed.items.length;
      const keyed = parsed.items.map((item) => ({ item, keys: itemKeys(item) })).filter((x) => x.keys.length);
      const seen = await this.states.seen(caseId, feed.url, keyed.flatMap((x) => x.keys));
      const taken = new Set<string>();
      const max = this.opts.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL;
      const deadline = Date.now() + (this.opts.itemBudgetMs ?? DEFAULT_ITEM_BUDGET_MS);
      // This poll's number (the clock of the backoff) and the items that failed before.
      const poll = (await this.states.polls(caseId, feed.url)) + 1;
      const tries = await this.states.attempts(caseId, feed.url);
      for (const { item, keys } of keyed) {
        if (fresh.length >= max || Date.now() > deadline || this.opts.signal?.aborted) break;
        if (keys.some((k) => seen.has(k) || taken.has(k))) continue;
        keys.forEach((k) => taken.add(k));
        const before = tries.get(keys[0]);
        if (before && before.nextPoll > poll) {
          outcome.waiting++;
          continue;
        }
        const got = await this.articleOf(item, outcome);
        if ('error' in got) {
          // A page that failed and nothing else to read: tried again later (backoff), at last taken as seen.
          const attempts = (before?.attempts ?? 0) + 1;
          const nextPoll = nextTryPoll(poll, attempts);
          failed.push({ key: keys[0], attempts, nextPoll, lastError: got.error });
          if (attempts >= MAX_ITEM_ATTEMPTS) fresh.push({ keys });
          const when = attempts >= MAX_ITEM_ATTEMPTS ? `given up after ${attempts} tries` : nextPoll === poll + 1 ? 'tried again next poll' : `tried again in ${nextPoll - poll} polls`;
          outcome.itemErrors.push(`${got.error} (${when})`);
          continue;
        }
        if (before) cleared.push(keys[0]);
        const input = got.input;
        if (!input) {
          // Nothing to read and no page to fetch (a title only): seen, never better.
          fresh.push({ keys });
          continue;
        }
        // The outlet: an aggregator's source for the item, else the page's own name, else the feed's title.
        const article: ArticleInput = { ...input, outlet: item.source ?? input.outlet ?? parsed.title ?? outcome.label };
        if (item.title) article.title = item.title;
        if (item.link && /^https?:\/\//.test(item.link)) article.url = item.link;
        if (item.published) article.date = item.published;
        let result: IngestResult | undefined;
        try {
          result = await offloadPool().run('ingest', article, { case: c });
          if (!result.article.date) result.article.date = started.slice(0, 10);
        } catch (e) {
          if (!isUserError(e)) throw e;
          // An article ingest refuses (binary, unreadable) is refused every time: taken as seen.
          outcome.itemErrors.push(`${item.link ?? item.id}: ${message(e)}`);
        }
        fresh.push({ keys, ...(result ? { result } : {}) });
      }
      outcome.newItems = fresh.length;
    } catch (e) {
      outcome.status = 'failed';
      outcome.error = message(e);
      if (!isUserError(e)) this.opts.log?.(`parley serve: feed ${feed.url} of case ${caseId}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      await this.states.finish(caseId, feed.url, started, { error: outcome.error });
      return { feed, outcome, fresh: [], failed: [], cleared: [] };
    }
    return { feed, outcome, fresh, failed, cleared };
  }

  /**
   * An item's article: its full content, else its page, else its summary; `input` undefined when it has
   * nothing to read and no page (a title only); `error` when its page failed and it has nothing else.
   */
  private async articleOf(item: FeedItem, outcome: FeedPollOutcome): Promise<{ input?: ArticleInput } | { error: string }> {
    const content = item.content?.trim() ?? '';
    if (isFullContent(item) || !item.link) {
      const text = content || item.summary?.trim() || '';
      return text ? { input: { text } } : {};
    }
    try {
      const page = articleFromPage(await fetchArticle(item.link, { timeoutMs: this.opts.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS, guard: this.opts.guard ?? {} }));
      // The feed's date is the item's; the page's own is used only when the feed gives none.
      return { input: page };
    } catch (e) {
      if (!(e instanceof ArticleInputError || e instanceof UrlRefusedError)) throw e;
      const fallback = content || item.summary?.trim() || '';
      const why = message(e);
      const error = why.startsWith(item.link) ? why : `${item.link}: ${why}`;
      if (!fallback) return { error };
      outcome.itemErrors.push(`${error} (the feed's text was used)`);
      return { input: { text: fallback } };
    }
  }
}

/** The job kind of a scheduled poll of one feed (docs/jobs.md): params `{ caseId, url }`. */
export const FEED_POLL_KIND = 'feed-poll';
export interface FeedPollJobParams {
  caseId: string;
  url: string;
}

/** A scheduled poll of one feed, by the author `feed:<label>`, its outcome logged; never throws (a deleted case is logged). */
async function scheduledPoll(poller: FeedPoller, caseId: string, url: string, log?: (line: string) => void): Promise<CasePollResult | { error: string }> {
  try {
    const stored = await poller.store.getCase(caseId);
    const feed = (stored.case.feeds ?? []).find((f) => f.url === url);
    if (!feed) return { error: `case ${caseId} no longer lists the feed ${url}` };
    const label = feedLabel(feed);
    const r = await poller.poll(caseId, { urls: [url], info: { author: `feed:${label}`.slice(0, 200), message: `feed ${label}` }, describe: true });
    for (const o of r.feeds) {
      if (o.status === 'failed') log?.(`parley serve: feed ${label} of case ${caseId} failed: ${o.error}`);
      else if (o.added.length) log?.(`parley serve: feed ${label} of case ${caseId}: ${o.added.length} new candidate${o.added.length === 1 ? '' : 's'} (revision ${r.revision})`);
    }
    return r;
  } catch (e) {
    // The case was deleted or could not be written: logged; the other feeds go on.
    log?.(`parley serve: feed ${url} of case ${caseId}: ${message(e)}`);
    return { error: message(e) };
  }
}

/**
 * A scheduled feed poll as a job kind of one chunk, run by whichever process runs jobs (a `--no-worker`
 * server's polls run on `parley worker`s); the lease still keeps two polls of one feed apart. The
 * result: the poll's summary (or the error that stopped it).
 */
export function feedPollKind(store: Store, opts: FeedPollOptions = {}): ChunkedKind<FeedPollJobParams> {
  const poller = new FeedPoller(store, opts);
  return {
    prepare: async ({ params }) => params as FeedPollJobParams,
    run: async (p) => Buffer.from(JSON.stringify(await scheduledPoll(poller, p.caseId, p.url, opts.log))),
    combine: async (_job, _p, chunks) => JSON.parse(Buffer.from(chunks.get(0)!).toString('utf8')),
  };
}

/**
 * Queue the poll of a due feed, unless one for it is queued or running already; when this process runs
 * jobs, wait for it (so a tick ends when its polls have, as without a queue).
 */
async function pollThroughQueue(store: Store, jobs: JobQueue, caseId: string, feed: Feed, stopped: () => boolean): Promise<void> {
  const pending = (await new JobStore(store.db).unfinished()).find((j) => j.kind === FEED_POLL_KIND && (j.params as FeedPollJobParams).caseId === caseId && (j.params as FeedPollJobParams).url === feed.url);
  const id = pending?.id ?? (await jobs.submit(FEED_POLL_KIND, { caseId, url: feed.url } satisfies FeedPollJobParams, 1)).id;
  if (!jobs.runsJobs) return;
  while (!stopped()) {
    const job = await jobs.find(id);
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface FeedSchedulerOptions extends FeedPollOptions {
  /** The server's durable job queue: due polls are queued as `feed-poll` jobs instead of run here. */
  jobs?: JobQueue;
  /** How often due feeds are looked for (ms; default 60 s). */
  tickMs?: number;
  /** Feeds polled at the same time (default 3). */
  concurrency?: number;
}

export interface FeedScheduler {
  /** Look for due feeds and poll them now (what each tick does); resolves when they are done. */
  tick(): Promise<void>;
  /** Resolves when the tick in progress (if any) has finished. */
  idle(): Promise<void>;
  /** Stop ticking; resolves when the polls in progress have finished. */
  stop(): Promise<void>;
}

export const DEFAULT_FEED_TICK_MS = 60_000;

/** Whether the server starts the scheduler: `asked` if given, else outside Vitest; PARLEY_FEEDS=0 always disables. */
export function feedsEnabled(asked?: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PARLEY_FEEDS === '0') return false;
  return asked ?? env.VITEST === undefined;
}

/** Start polling every case's due feeds, every `tickMs`, each feed on its own interval. */
export function startFeedScheduler(store: Store, opts: FeedSchedulerOptions = {}): FeedScheduler {
  const stopping = new AbortController();
  const poller = new FeedPoller(store, { ...opts, signal: stopping.signal });
  const tickMs = opts.tickMs ?? DEFAULT_FEED_TICK_MS;
  const concurrency = Math.max(1, opts.concurrency ?? 3);
  const feedsOf = new Map<string, { revision: number; feeds: Feed[] }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const due = async (): Promise<Array<{ caseId: string; feed: Feed }>> => {
    const out: Array<{ caseId: string; feed: Feed }> = [];
    const now = Date.now();
    for (let offset = 0; ; offset += 500) {
      const page = await store.listCases({ offset, limit: 500 });
      for (const s of page.items) {
        let known = feedsOf.get(s.id);
        // A case is read again only when it has a new revision.
        if (known?.revision !== s.revision) {
          known = { revision: s.revision, feeds: (await store.getCase(s.id)).case.feeds ?? [] };
          feedsOf.set(s.id, known);
        }
        if (!known.feeds.length) continue;
        const states = await poller.states.states(s.id);
        for (const f of known.feeds) {
          const last = states.get(f.url)?.lastPolledAt;
          if (!last || now >= Date.parse(last) + (feedIntervalMs(f.every) ?? 3_600_000)) out.push({ caseId: s.id, feed: f });
        }
      }
      if (offset + page.items.length >= page.total || page.items.length === 0) break;
    }
    return out;
  };

  const tick = async (): Promise<void> => {
    let queue: Array<{ caseId: string; feed: Feed }>;
    try {
      queue = await due();
    } catch (e) {
      opts.log?.(`parley serve: feeds: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return;
    }
    const next = async (): Promise<void> => {
      for (let job = queue.shift(); job && !stopped; job = queue.shift()) {
        const { caseId, feed } = job;
        if (opts.jobs?.isDurable) await pollThroughQueue(store, opts.jobs, caseId, feed, () => stopped);
        else await scheduledPoll(poller, caseId, feed.url, opts.log);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, next));
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = undefined;
        schedule();
      });
    }, tickMs);
    timer.unref?.();
  };
  schedule();

  return {
    tick: async () => {
      await running;
      await tick();
    },
    idle: async () => {
      await running;
    },
    stop: async () => {
      stopped = true;
      stopping.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
