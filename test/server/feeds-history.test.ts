/**
 * Feeds over time (src/server/feeds.ts, store/prints.ts, store/feeds.ts backoff; docs/evidence.md "Feeds
 * polled by the server"): a wire story in one outlet's feed at the first poll, an edited copy in a second
 * outlet's and an independent report of one of its quotes in a third at the next poll, and so on; and an
 * item whose page keeps failing, tried on polls 1, 2, 4, 8 and 16, then given up. Feeds served from
 * 127.0.0.1 (the app made with `allowPrivateFetch`); every article is our own invented text. On SQLite,
 * and on PostgreSQL with PARLEY_TEST_PG.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.ts';
import { FeedPoller } from '../../src/server/feeds.ts';
import { ConflictError, createStore, type Store } from '../../src/store/index.ts';
import { PRINT_DAYS, PRINT_LIMIT, PrintStore, PrintsBusyError } from '../../src/store/prints.ts';
import { MAX_ITEM_ATTEMPTS } from '../../src/store/feeds.ts';
import { sampleCase } from '../store/backends.ts';
import { migrations } from '../../src/store/migrations.ts';
import { Migrator } from 'kysely';
import { describeEachStore, type FreshDatabase } from './fresh-store.ts';

interface Item {
  guid: string;
  title: string;
  link: string;
  date: string;
  content?: string;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rss = (title: string, items: Item[]) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://example.org/</link>\n${items
    .map((i) => `<item><guid>${esc(i.guid)}</guid><title>${esc(i.title)}</title><link>${esc(i.link)}</link><pubDate>${new Date(`${i.date}T08:00:00Z`).toUTCString()}</pubDate>${i.content ? `<content:encoded>${esc(i.content)}</content:encoded>` : ''}</item>`)
    .join('\n')}\n</channel></rss>`;

// ---- articles (our own text)
const Q_HARBOUR = 'We will reopen the northern harbour to grain ships before the first frost, and not a day later';
const Q_CUSTOMS = 'The customs posts stay where they are until the mediators have walked the line themselves';
const Q_FERRY = 'A ferry licence for the islanders is the least this agreement owes them';

const WIRE = `PORT ALDER (Wire) — Delegations from the two coastal provinces spent eleven hours on Thursday in the old customs house, arguing over grain routes, fishing quotas and the posts that have divided the estuary since the spring.\n\n"${Q_HARBOUR}," the province's transport minister Ilse Marwick told reporters as she left the building shortly before midnight.\n\nHer counterpart was less hopeful about the land border. "${Q_CUSTOMS}," the island delegate Joren Vasse said in a short statement read out on the steps.\n\nThe mediators, two retired judges and a former harbour master, are expected to publish a map of the disputed line next week, according to a schedule handed to the press.`;
// An outlet's copy: new dateline, a word changed, the last sentence cut.
const COPY = WIRE.replace('PORT ALDER (Wire)', 'PORT ALDER').replace('spent eleven hours', 'spent nearly eleven hours').replace(/\n\nThe mediators, [^\n]*$/, '');
// Another outlet's own story on the same day, carrying the minister's quote and a new one.
const OWN = `The fishing villages north of the estuary have heard promises about the harbour before, and on Friday morning few of the skippers mending nets on the quay at Kessel believed this one.\n\nThe minister had said it plainly the night before: "${Q_HARBOUR}."\n\nAt the ferry office, where a queue of islanders waits every morning for a permit to cross, a teacher who makes the trip twice a week was blunter. "${Q_FERRY}," the island council's chair Maret Oyen said at a meeting in the school hall.\n\nNobody in the queue had seen the mediators, whose cars passed the harbour road without stopping on their way back to the capital.`;
// A copy of that story in a fourth outlet (syndicated), and a fifth outlet's own piece on the ferry.
const OWN_COPY = OWN.replace('on Friday morning', 'on Friday').replace('mending nets', 'repairing nets');
const FERRY = `KESSEL — The island council met again on Saturday in a school hall that has served as a courtroom, a clinic and a polling station since the causeway closed, and the ferry was the only item on its agenda.\n\n"${Q_FERRY}," council chair Maret Oyen repeated, to applause from the back rows of the crowded hall.\n\nThe council voted to send a delegation to the capital before the mediators publish their map, and to ask the shipping office for a second crossing on market days.`;

const outlets = { a: 'Harbour Gazette', b: 'Valley Herald', c: 'Coast Courier', d: 'Delta Daily', e: 'Fjord Post' } as const;
type Feed = keyof typeof outlets;
const served: Record<Feed, Item[]> = { a: [], b: [], c: [], d: [], e: [] };
const hits = new Map<string, number>();
let flakyUp = false;

const server: Server = createServer((req, res) => {
  const path = req.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const feed = /^\/([a-e])\.xml$/.exec(path)?.[1] as Feed | undefined;
  if (feed) return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(outlets[feed], served[feed]));
  if (path === '/backoff.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Backoff Times', BACKOFF));
  if (path === '/pages/flaky.html' && flakyUp)
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Back</title></head><body><article><p>"${Q_FERRY}," council chair Maret Oyen said on Monday.</p><p>${FERRY.split('\n\n')[2]}</p></article></body></html>`);
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
});
let base = '';
// Two items with a link and no text: one page never answers, the other comes back after the second poll.
let BACKOFF: Item[] = [];

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  BACKOFF = [
    { guid: 'gone-1', title: 'Gone', link: `${base}/pages/gone.html`, date: '2026-11-02' },
    { guid: 'flaky-1', title: 'Flaky', link: `${base}/pages/flaky.html`, date: '2026-11-02' },
  ];
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const item = (guid: string, content: string, date: string): Item => ({ guid, title: guid, link: `https://news.example/${guid}`, date, content });

describeEachStore('feeds over time', (fresh) => {
  let db: FreshDatabase;
  let store: Store;
  let app: ReturnType<typeof createApp>['app'];
  let jobs: ReturnType<typeof createApp>['jobs'];
  const call = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { method, headers });
    return { status: res.status, json: (await res.json()) as any };
  };
  const rows = async (table: 'article_prints' | 'feed_items' | 'feed_item_attempts', caseId: string) => (await store.db.selectFrom(table).select('case_id').where('case_id', '=', caseId).execute()).length;

  beforeAll(async () => {
    db = await fresh();
    store = await createStore(db.url);
    ({ app, jobs } = createApp({ store, allowPrivateFetch: true }));
  });
  afterAll(async () => {
    await jobs.shutdown();
    await store.close();
    await db.destroy();
  });

  it('counts independent outlets across polls: a later copy adds none, a later own report adds one', async () => {
    for (const f of Object.keys(served) as Feed[]) served[f] = [];
    const feeds = (Object.keys(outlets) as Feed[]).map((f) => ({ url: `${base}/${f}.xml`, label: f }));
    await store.createCase({ ...sampleCase('estuary'), feeds } as never);
    const byText = (evidence: any[], q: string) => evidence.find((e) => e.text === q);

    // Poll 1: the wire story in outlet A: two candidates, one outlet each.
    served.a = [item('a-1', WIRE, '2026-11-05')];
    const p1 = await call('POST', '/api/cases/estuary/feeds/poll', { 'x-parley-author': 'desk' });
    expect(p1.status).toBe(200);
    expect(p1.json).toMatchObject({ changed: true, revision: 2, raised: [] });
    expect(p1.json.evidence.map((e: any) => [e.text, e.outlet, e.outlets])).toEqual([
      [Q_HARBOUR, outlets.a, 1],
      [Q_CUSTOMS, outlets.a, 1],
    ]);
    const harbour = p1.json.evidence[0].id;
    const customs = p1.json.evidence[1].id;
    expect(await rows('article_prints', 'estuary')).toBe(1);

    // Poll 2: B's edited copy (both quotes) and C's own story (the harbour quote and a new one).
    served.b = [item('b-1', COPY, '2026-11-05')];
    served.c = [item('c-1', OWN, '2026-11-06')];
    const p2 = await call('POST', '/api/cases/estuary/feeds/poll', { 'x-parley-author': 'desk' });
    expect(p2.json).toMatchObject({ changed: true, revision: 3 });
    // The copy adds no candidate; C's new quote is one (one outlet), and C raises the harbour quote to 2 (A and C; not 3 with B, not 1).
    expect(p2.json.evidence.map((e: any) => [e.text, e.outlet, e.outlets])).toEqual([[Q_FERRY, outlets.c, 1]]);
    expect(p2.json.raised).toEqual([{ id: harbour, outlets: 2 }]);
    expect(p2.json.feeds.map((f: any) => [f.label, f.newItems, f.added.length])).toEqual([
      ['a', 0, 0],
      ['b', 1, 0],
      ['c', 1, 1],
      ['d', 0, 0],
      ['e', 0, 0],
    ]);
    let stored = await store.getCase('estuary');
    expect(stored.message).toBe('feeds: a, b, c, d, e: 1 new candidate; independent outlets raised for 1');
    expect(stored.author).toBe('desk');
    expect([byText(stored.case.evidence, Q_HARBOUR).outlets, byText(stored.case.evidence, Q_CUSTOMS).outlets, byText(stored.case.evidence, Q_FERRY).outlets]).toEqual([2, 1, 1]);
    // The copy's print is in the wire story's group; C's story is a group of its own.
    const prints = await new PrintStore(store.db).recent('estuary');
    expect(prints.map((p) => [p.outlet, p.group === prints[0].id, p.quotes.length])).toEqual([
      [outlets.a, true, 2],
      [outlets.b, true, 2],
      [outlets.c, false, 2],
    ]);

    // The reviewer accepts the customs quote: later reports of it leave it as it was decided.
    await store.modifyCase('estuary', (c) => void (c.evidence.find((e) => e.id === customs)!.status = 'accepted'), { author: 'reviewer' });

    // Poll 3: D's copy of C's story (adds nothing), E's own ferry story (the ferry quote: 2), and A again with the wire (seen: not new).
    served.d = [item('d-1', OWN_COPY, '2026-11-06')];
    served.e = [item('e-1', FERRY, '2026-11-07'), item('e-2', `${WIRE}\n\nThis story was updated on Saturday.`, '2026-11-07')];
    const p3 = await call('POST', '/api/cases/estuary/feeds/poll');
    // Only raised outlets: still a revision, and its message says so.
    expect(p3.json).toMatchObject({ changed: true, revision: 5, added: [] });
    const ferry = byText(stored.case.evidence, Q_FERRY).id;
    expect(p3.json.raised).toEqual([{ id: ferry, outlets: 2 }]);
    stored = await store.getCase('estuary');
    expect(stored.message).toBe('feeds: a, b, c, d, e: no new candidates; independent outlets raised for 1');
    // E's copy of the wire (the customs quote, accepted) changes nothing; the harbour quote stays at 2 (D copies C).
    expect([byText(stored.case.evidence, Q_HARBOUR).outlets, byText(stored.case.evidence, Q_CUSTOMS).outlets, byText(stored.case.evidence, Q_CUSTOMS).status, byText(stored.case.evidence, Q_FERRY).outlets]).toEqual([2, 1, 'accepted', 2]);
    expect(await rows('article_prints', 'estuary')).toBe(6);

    // Poll 4: nothing new: no revision.
    const p4 = await call('POST', '/api/cases/estuary/feeds/poll');
    expect(p4.json).toMatchObject({ changed: false, revision: 5, raised: [], added: [] });
  });

  it('writes nothing when the write is refused (a stale revision): no print, no item seen, no count', async () => {
    for (const f of Object.keys(served) as Feed[]) served[f] = [];
    await store.createCase({ ...sampleCase('stale'), feeds: [{ url: `${base}/a.xml`, label: 'a' }, { url: `${base}/c.xml`, label: 'c' }] } as never);
    served.a = [item('a-1', WIRE, '2026-11-05')];
    const poller = new FeedPoller(store, { guard: { allowPrivate: true } });
    expect((await poller.poll('stale')).revision).toBe(2);
    served.c = [item('c-1', OWN, '2026-11-06')];
    const before = { case: await store.getCaseJson('stale'), prints: await rows('article_prints', 'stale'), items: await rows('feed_items', 'stale'), feeds: (await poller.list('stale')).feeds };
    await expect(poller.poll('stale', { info: { author: 'late', expectedRevision: 1 } })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getCaseJson('stale')).toEqual(before.case);
    expect([await rows('article_prints', 'stale'), await rows('feed_items', 'stale')]).toEqual([before.prints, before.items]);
    expect((await poller.list('stale')).feeds).toEqual(before.feeds);
    // The same poll with the right revision: C's report raises the harbour quote and adds the ferry quote.
    const ok = await poller.poll('stale', { info: { expectedRevision: 2 } });
    expect(ok).toMatchObject({ changed: true, revision: 3 });
    expect(ok.raised.map((r) => r.outlets)).toEqual([2]);
    expect(ok.evidence.map((e) => e.text)).toEqual([Q_FERRY]);
    expect(await rows('article_prints', 'stale')).toBe(2);
  });

  it('stores the prints in the revision\'s transaction: when storing them fails, the revision is not written either', async () => {
    for (const f of Object.keys(served) as Feed[]) served[f] = [];
    await store.createCase({ ...sampleCase('atomic'), feeds: [{ url: `${base}/a.xml`, label: 'a' }] } as never);
    served.a = [item('a-20', WIRE, '2026-11-05')];
    const poller = new FeedPoller(store, { guard: { allowPrivate: true } });
    const before = await store.getCaseJson('atomic');
    // the prints' insert fails inside the transaction (as a crash there would end it): nothing is kept
    const failing = vi.spyOn(PrintStore, 'saveIn').mockRejectedValueOnce(new Error('disk full'));
    await expect(poller.poll('atomic')).rejects.toThrow('disk full');
    expect(failing).toHaveBeenCalledTimes(1);
    failing.mockRestore();
    expect(await store.getCaseJson('atomic')).toEqual(before);
    expect(await rows('article_prints', 'atomic')).toBe(0);
    expect((await store.listRevisions('atomic')).length).toBe(1);
    // the next poll does it all, once: the two quotes as candidates, one outlet each, and the article's print
    const ok = await poller.poll('atomic');
    expect(ok).toMatchObject({ changed: true, revision: 2 });
    expect(ok.evidence.map((e) => [e.text, e.outlets])).toEqual([
      [Q_HARBOUR, 1],
      [Q_CUSTOMS, 1],
    ]);
    expect(await rows('article_prints', 'atomic')).toBe(1);
  });

  it('two processes polling two feeds of one case at once take turns on its prints: a copy of the other\'s article adds no outlet', async () => {
    for (const f of Object.keys(served) as Feed[]) served[f] = [];
    await store.createCase({ ...sampleCase('race'), feeds: (['a', 'c', 'd'] as const).map((f) => ({ url: `${base}/${f}.xml`, label: f })) } as never);
    served.a = [item('a-1', WIRE, '2026-11-05')];
    const here = new FeedPoller(store, { guard: { allowPrivate: true } });
    await here.poll('race');
    // A second process on the same database: its own store, so nothing in this process orders the two.
    const other = await createStore(db.url);
    try {
      const there = new FeedPoller(other, { guard: { allowPrivate: true } });
      served.c = [item('c-1', OWN, '2026-11-06')];
      served.d = [item('d-1', OWN_COPY, '2026-11-06')];
      const [c, d] = await Promise.all([here.poll('race', { urls: [`${base}/c.xml`] }), there.poll('race', { urls: [`${base}/d.xml`] })]);
      // Whichever went first: C (or its copy D) raises the harbour quote once and adds the ferry quote once.
      expect([...c.raised, ...d.raised].map((r) => r.outlets)).toEqual([2]);
      expect([...c.evidence, ...d.evidence].map((e) => [e.text, e.outlets])).toEqual([[Q_FERRY, 1]]);
      const ev = (await store.getCase('race')).case.evidence;
      expect(ev.find((e) => e.text === Q_HARBOUR)!.outlets).toBe(2);
      expect(await rows('article_prints', 'race')).toBe(3);

      // While the other process holds the prints, a poll with articles waits; it goes on once they are free.
      const unhold = await new PrintStore(other.db).hold('race');
      await expect(new PrintStore(store.db).hold('race', { waitMs: 100 })).rejects.toBeInstanceOf(PrintsBusyError);
      served.a.push(item('a-2', FERRY, '2026-11-07'));
      let settled = false;
      const waiting = here.poll('race', { urls: [`${base}/a.xml`] }).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 400));
      expect(settled).toBe(false);
      await unhold();
      const done = await waiting;
      // The ferry story's own report in outlet A: the ferry quote (C's, or D's copy) now has 2 outlets.
      expect(done.raised.map((r) => r.outlets)).toEqual([2]);
      // A hold whose process died (its lease run out) is taken over.
      await new PrintStore(other.db).hold('race', { leaseMs: 1 });
      await new Promise((r) => setTimeout(r, 5));
      await (await new PrintStore(store.db).hold('race', { waitMs: 0 }))();
    } finally {
      await other.close();
    }
  }, 30_000);

  it('groups a posted article (POST /api/ingest with caseId) with the feeds\' and earlier posts\' articles', async () => {
    for (const f of Object.keys(served) as Feed[]) served[f] = [];
    await store.createCase({ ...sampleCase('posted'), feeds: [{ url: `${base}/a.xml`, label: 'a' }] } as never);
    const post = async (text: string, outlet: string) => {
      const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, outlet, date: '2026-11-06', caseId: 'posted' }) });
      return { status: res.status, json: (await res.json()) as any };
    };
    const evidence = async () => (await store.getCase('posted')).case.evidence;
    const count = async (q: string) => (await evidence()).find((e) => e.text === q)?.outlets;

    // The wire story comes in through outlet A's feed: its two quotes, one outlet each.
    served.a = [item('a-9', WIRE, '2026-11-05')];
    expect((await call('POST', '/api/cases/posted/feeds/poll')).json).toMatchObject({ changed: true, revision: 2 });
    // A copy of it, pasted from another outlet: grouped with the feed's article, so nothing new and no revision.
    const copy = await post(COPY, outlets.b);
    expect(copy.status).toBe(200);
    expect(copy.json).toMatchObject({ stored: [], raised: [], revision: 2 });
    expect((await store.getCaseJson('posted')).revision).toBe(2);
    expect(await count(Q_HARBOUR)).toBe(1);
    // Another outlet's own story carrying the minister's quote: one more independent outlet, and its new quote.
    const own = await post(OWN, outlets.c);
    expect(own.json.revision).toBe(3);
    expect(own.json.raised).toEqual([{ id: (await evidence()).find((e) => e.text === Q_HARBOUR)!.id, outlets: 2 }]);
    expect(own.json.stored).toHaveLength(1);
    expect(await count(Q_FERRY)).toBe(1);
    // The same story posted again, and a syndicated copy of it: neither adds an outlet.
    expect((await post(OWN, outlets.c)).json).toMatchObject({ stored: [], raised: [], revision: 3 });
    expect((await post(OWN_COPY, outlets.d)).json).toMatchObject({ stored: [], raised: [], revision: 3 });
    // A later feed item copying the posted story adds none either; an own report of the ferry quote adds one.
    served.a = [item('a-10', OWN_COPY, '2026-11-07'), item('a-11', FERRY, '2026-11-08')];
    const p2 = await call('POST', '/api/cases/posted/feeds/poll');
    expect(p2.json.raised).toEqual([{ id: (await evidence()).find((e) => e.text === Q_FERRY)!.id, outlets: 2 }]);
    expect([await count(Q_HARBOUR), await count(Q_FERRY)]).toEqual([2, 2]);
    const history = (await store.listRevisions('posted')).map((r) => r.message);
    expect(history.slice(-2)).toEqual([expect.stringMatching(/ingested 2 quote\(s\) from Coast Courier: 1 new candidate; independent outlets raised for 1/), expect.stringMatching(/independent outlets raised for 1/)]);
    // Six prints: three feed items, and four posts of which two were the same article (kept once).
    expect(await rows('article_prints', 'posted')).toBe(6);
  });

  it('tries an item whose page fails on polls 1, 2, 4, 8 and 16, then takes it as seen with its error in the status', async () => {
    flakyUp = false;
    await store.createCase({ ...sampleCase('backoff'), feeds: [{ url: `${base}/backoff.xml`, label: 'bo' }] } as never);
    const poller = new FeedPoller(store, { guard: { allowPrivate: true } });
    hits.delete('/pages/gone.html');
    hits.delete('/pages/flaky.html');
    const tried: number[] = [];
    const errors: string[][] = [];
    for (let poll = 1; poll <= 18; poll++) {
      if (poll === 3) flakyUp = true;
      const seen = hits.get('/pages/gone.html') ?? 0;
      const r = await poller.poll('backoff');
      if ((hits.get('/pages/gone.html') ?? 0) > seen) tried.push(poll);
      errors.push(r.feeds[0].itemErrors);
      if (poll === 3) {
        // Waiting: the gone page is not tried at poll 3, and the flaky one is not either (its next try is poll 4).
        expect(r.feeds[0]).toMatchObject({ newItems: 0, waiting: 2, itemErrors: [] });
        expect((await poller.list('backoff')).feeds[0]).toMatchObject({ retryingItems: 2, failedItems: 0, lastItemError: null });
      }
      if (poll === 4) {
        // The flaky page answers at its third try: its quote is a candidate, its tries are over.
        expect(r.evidence.map((e) => e.text)).toEqual([Q_FERRY]);
        expect((await poller.list('backoff')).feeds[0]).toMatchObject({ retryingItems: 1, itemsSeen: 1 });
      }
    }
    expect(tried).toEqual([1, 2, 4, 8, 16]);
    expect(hits.get('/pages/flaky.html')).toBe(3);
    const gone = `${base}/pages/gone.html: the server answered 404 Not Found`;
    expect(errors[0]).toEqual([`${gone} (tried again next poll)`, `${base}/pages/flaky.html: the server answered 404 Not Found (tried again next poll)`]);
    expect(errors[1]).toEqual([`${gone} (tried again in 2 polls)`, `${base}/pages/flaky.html: the server answered 404 Not Found (tried again in 2 polls)`]);
    expect([errors[3], errors[7], errors[15]]).toEqual([[`${gone} (tried again in 4 polls)`], [`${gone} (tried again in 8 polls)`], [`${gone} (given up after ${MAX_ITEM_ATTEMPTS} tries)`]]);
    // Polls 1, 2, 4, 8 and 16 had an item error (at 4 only the gone page: the flaky one answered).
    expect(errors.flatMap((e, i) => (e.length ? [i + 1] : []))).toEqual([1, 2, 4, 8, 16]);
    const status = (await call('GET', '/api/cases/backoff/feeds')).json.feeds[0];
    expect(status).toMatchObject({ itemsSeen: 2, retryingItems: 0, failedItems: 1, lastItemError: gone, lastError: null, totalNew: 1 });
    expect(await rows('feed_item_attempts', 'backoff')).toBe(0);
  });

  it('migration 0008_feed_history goes down and up again; a feed polled before it starts at poll 0', async () => {
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0007_feeds')).error).toBeUndefined();
    await expect(store.db.selectFrom('article_prints').selectAll().execute()).rejects.toThrow();
    await expect(store.db.selectFrom('feed_item_attempts').selectAll().execute()).rejects.toThrow();
    const kept = (await store.db.selectFrom('feed_state').select(['case_id', 'items_seen']).where('case_id', '=', 'backoff').execute()).map((r) => [r.case_id, Number(r.items_seen)]);
    expect(kept).toEqual([['backoff', 2]]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await store.db.selectFrom('article_prints').selectAll().execute()).toEqual([]);
    expect((await new FeedPoller(store).list('backoff')).feeds[0]).toMatchObject({ itemsSeen: 2, failedItems: 0, retryingItems: 0, lastItemError: null });
  });

  it('bounds the prints: 60 days and 5,000 per case, older ones deleted when a poll stores its own', async () => {
    expect([PRINT_DAYS, PRINT_LIMIT]).toEqual([60, 5000]);
    await store.createCase(sampleCase('bounds') as never);
    const prints = new PrintStore(store.db);
    const row = (id: string) => ({ id, group: id, feedUrl: null, url: null, outlet: 'X', date: '2026-01-01', print: new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]), quotes: ['q'] });
    const day = 86_400_000;
    const t0 = Date.parse('2026-09-01T00:00:00Z');
    await prints.save('bounds', [row('old')], t0);
    await prints.save('bounds', [row('mid')], t0 + 30 * day);
    // 61 days after the first: it is no longer compared, and the next save deletes it.
    expect((await prints.recent('bounds', t0 + 61 * day)).map((p) => p.id)).toEqual(['mid']);
    expect((await prints.recent('bounds', t0 + 59 * day)).map((p) => [p.id, Array.from(p.shingles)])).toEqual([
      ['old', [1, 2]],
      ['mid', [1, 2]],
    ]);
    await prints.save('bounds', [row('new')], t0 + 61 * day);
    expect(await rows('article_prints', 'bounds')).toBe(2);
    // A count over the limit keeps the newest PRINT_LIMIT.
    await prints.save('bounds', Array.from({ length: PRINT_LIMIT }, (_, i) => row(`n${i}`)), t0 + 62 * day);
    const kept = await prints.recent('bounds', t0 + 62 * day);
    expect([kept.length, kept[0].id, kept.at(-1)!.id, await rows('article_prints', 'bounds')]).toEqual([PRINT_LIMIT, 'n0', `n${PRINT_LIMIT - 1}`, PRINT_LIMIT]);
  }, 60_000);
});
