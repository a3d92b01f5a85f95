/**
 * The server's feed polling (src/server/feeds.ts, routes/feeds.ts) against a feed server of our own on
 * 127.0.0.1 (the URL guard refuses loopback: the app is made with `allowPrivateFetch`, the tests-only
 * switch the ingest tests use). The feeds and articles are invented text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.ts';
import { startServer } from '../../src/server/index.ts';
import { feedsEnabled, startFeedScheduler, FeedPoller, FEED_POLL_KIND } from '../../src/server/feeds.ts';
import { durableJobManager } from '../../src/server/durable-simulate.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedStore } from '../../src/store/feeds.ts';
import { migrations } from '../../src/store/migrations.ts';
import { Migrator } from 'kysely';
import { createStore, type Store } from '../../src/store/index.ts';
import { validateCase } from '../../src/store/validate.ts';
import { sampleCase } from '../store/backends.ts';
import { describeEachStore, type FreshDatabase } from './fresh-store.ts';

// ---- the feed server: feeds and article pages we write ourselves
const PAD = ' The delegations are to meet again after consultations in their capitals, officials said, and no date has been set for the next round of the border talks.';

interface Item {
  guid: string;
  title: string;
  link: string;
  date: string;
  content?: string;
  summary?: string;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rss = (title: string, items: Item[]) =>
  `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://gazette.example/</link>
${items
  .map(
    (i) => `<item><guid>${esc(i.guid)}</guid><title>${esc(i.title)}</title><link>${esc(i.link)}</link><pubDate>${new Date(`${i.date}T09:00:00Z`).toUTCString()}</pubDate>${i.summary ? `<description>${esc(i.summary)}</description>` : ''}${i.content ? `<content:encoded>${esc(i.content)}</content:encoded>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;

let base = '';
const feedItems: Item[] = [];
const hits = new Map<string, number>();
let slowMs = 0;
const ARTICLE_PAGE = `<!doctype html><html><head><title>Envoy speaks</title></head><body><article><p>"The river is the only fair line, and we will say so in Vienna," South's envoy Tomas Reyes said on Tuesday.</p><p>${PAD}</p></article></body></html>`;

function handle(req: IncomingMessage): { status: number; type: string; body: string } {
  const path = req.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  if (path === '/rss.xml' || path === '/slow.xml') return { status: 200, type: 'application/rss+xml; charset=utf-8', body: rss('Test Gazette', feedItems) };
  if (path === '/broken.xml') return { status: 200, type: 'application/rss+xml', body: '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title>\n<item><title>Half</title></channel></rss>' };
  if (path === '/wire-a.xml') return { status: 200, type: 'application/atom+xml', body: rss('Test Gazette', WIRE_A) };
  if (path === '/wire-b.xml') return { status: 200, type: 'text/xml', body: rss('Other Herald', WIRE_B) };
  if (path === '/titles.xml') return { status: 200, type: 'application/rss+xml', body: `<rss version="2.0"><channel><title>Headlines</title><item><title>Talks resume</title></item><item><guid>t-2</guid><title>Envoys meet</title><link>${base}/articles/missing.html</link></item></channel></rss>` };
  if (path === '/logo.png') return { status: 200, type: 'image/png', body: 'PNG' };
  if (path === '/articles/envoy.html') return { status: 200, type: 'text/html; charset=utf-8', body: ARTICLE_PAGE };
  return { status: 404, type: 'text/plain', body: 'not here' };
}

const server: Server = createServer((req, res) => {
  const r = handle(req);
  const send = () => res.writeHead(r.status, { 'content-type': r.type }).end(r.body);
  if (req.url === '/slow.xml' && slowMs) setTimeout(send, slowMs);
  else send();
});

/** The three items of the first poll: two full articles (3 quotes) and one summary whose page has 1 quote. */
function firstItems(): Item[] {
  return [
    {
      guid: 'gazette-101',
      title: 'North holds its line',
      link: `${base}/articles/north.html`,
      date: '2025-03-03',
      content: `GENEVA — Negotiators met on Monday for a third round.\n\n"We will not give up one metre of the north line," North's foreign minister Anna Berg said after the meeting.\n\n"A fair border runs along the river, and we are ready to sign," South's envoy Tomas Reyes told reporters.\n\n${PAD}`,
    },
    {
      guid: 'gazette-102',
      title: 'Troops on the agenda',
      link: `${base}/articles/troops.html`,
      date: '2025-03-04',
      content: `VIENNA — The troop ceiling came up on Tuesday.\n\n"A ceiling of forty battalions is the most we can accept," Anna Berg said in a statement.\n\n${PAD}\n\n${PAD}`,
    },
    // Only a summary: the link is fetched for the article.
    { guid: 'gazette-103', title: 'Envoy speaks', link: `${base}/articles/envoy.html`, date: '2025-03-04', summary: 'The envoy spoke about the river.' },
  ];
}
const NEW_ITEM: Item = {
  guid: 'gazette-104',
  title: 'A fourth round',
  link: `${base}/articles/fourth.html`,
  date: '2025-03-05',
  content: `BERN — A fourth round began on Wednesday.\n\n"We can move the line five kilometres, not more," Anna Berg said as she arrived.\n\n${PAD}`,
};

// One wire story in two outlets (the second lightly edited), and a second quote in two stories written apart.
const WIRE = `GENEVA (Wire) — Negotiators from North and South met on Monday for a third round of talks on the border, the troop ceiling and the return of the displaced, with mediators from three neutral states at the table for the first time since the ceasefire of last spring.\n\n"We will not give up one metre of the north line," North's foreign minister Anna Berg said after the meeting, which lasted more than six hours and ended without a joint statement.\n\nThe mediators said they would put a written proposal to both delegations before the next round, which is expected to open in Vienna at the end of the month.`;
const CEILING = '"A ceiling of forty battalions is the most we can accept," Anna Berg said.';
const WIRE_A: Item[] = [
  { guid: 'a-1', title: 'Third round', link: 'https://gazette.example/a-1', date: '2025-03-03', content: WIRE },
  { guid: 'a-2', title: 'Battalions', link: 'https://gazette.example/a-2', date: '2025-03-04', content: `VIENNA — Our correspondent heard the foreign minister twice this week, once in the morning at her hotel and again at a late briefing for the press corps that follows the talks from the old town.\n\n${CEILING}\n\nHer aides said the figure had been agreed in the capital before the delegation left, and that it would not move in the coming days whatever the mediators propose.` },
];
const WIRE_B: Item[] = [
  { guid: 'b-1', title: 'Talks resume', link: 'https://herald.example/b-1', date: '2025-03-03', content: WIRE.replace('GENEVA (Wire)', 'GENEVA').replace('at the end of the month', 'late this month') },
  { guid: 'b-2', title: 'Ceiling', link: 'https://herald.example/b-2', date: '2025-03-04', content: `Troop numbers were the sticking point on Tuesday, according to three people in the room, who spoke on condition of anonymity because the sessions are closed to observers and the press.\n\n${CEILING}\n\nSouth has asked for no more than twenty, a demand its envoy repeated at length in a speech that the other side called unhelpful.` },
];

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  NEW_ITEM.link = `${base}/articles/fourth.html`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

function caseWith(id: string, feeds: Array<{ url: string; every?: string; label?: string }>) {
  return { ...sampleCase(id), feeds } as never;
}

describeEachStore('feeds: polling a case feed', (fresh) => {
  let db: FreshDatabase;
  let store: Store;
  let app: ReturnType<typeof createApp>['app'];
  let jobs: ReturnType<typeof createApp>['jobs'];
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const res = await app.request(path, { method, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, etag: res.headers.get('etag'), json: (await res.json()) as any };
  };

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

  it('adds the new items as candidates once: 4, then 0, then 1 for a new item', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('talks', [{ url: `${base}/rss.xml`, label: 'gazette' }]));
    const before = (await store.getCase('talks')).case.evidence.length;
    hits.clear();

    const listed = await call('GET', '/api/cases/talks/feeds');
    expect(listed.status).toBe(200);
    expect(listed.json.feeds).toEqual([
      expect.objectContaining({ url: `${base}/rss.xml`, label: 'gazette', every: '1h', everyMs: 3_600_000, lastPolledAt: null, lastError: null, itemsSeen: 0, totalNew: 0, polling: false }),
    ]);

    const first = await call('POST', '/api/cases/talks/feeds/poll', { 'x-parley-author': 'tester' });
    expect(first.status).toBe(200);
    expect(first.json.changed).toBe(true);
    expect(first.json.revision).toBe(2);
    expect(first.etag).toBe('"2"');
    expect(first.json.feeds).toEqual([expect.objectContaining({ status: 'polled', items: 3, newItems: 3, itemErrors: [] })]);
    // 2 + 1 quotes from the feed's full contents, 1 from the page the summary-only item links to.
    expect(first.json.added).toHaveLength(4);
    expect(first.json.evidence.map((e: any) => [e.speaker, e.date, e.status, e.outlet, e.url])).toEqual([
      ['Anna Berg', '2025-03-03', 'candidate', 'Test Gazette', `${base}/articles/north.html`],
      ['Tomas Reyes', '2025-03-03', 'candidate', 'Test Gazette', `${base}/articles/north.html`],
      ['Anna Berg', '2025-03-04', 'candidate', 'Test Gazette', `${base}/articles/troops.html`],
      ['Tomas Reyes', '2025-03-04', 'candidate', 'Test Gazette', `${base}/articles/envoy.html`],
    ]);
    // The note names the feed (the cue in it is the attribution's, which may change).
    expect(first.json.evidence[0].note).toMatch(/^ingested; full quote; .*article: North holds its line; feed: gazette$/);
    expect(hits.get('/articles/envoy.html')).toBe(1);
    expect(hits.get('/articles/north.html')).toBeUndefined();
    const stored = await store.getCase('talks');
    expect(stored.case.evidence).toHaveLength(before + 4);
    expect(stored.author).toBe('tester');
    expect(stored.message).toBe('feeds: gazette');
    // They are in the review queue as other candidates are.
    const queue = await call('GET', '/api/evidence?case=talks&status=candidate');
    expect(queue.json.items.map((e: any) => e.id).sort()).toEqual([...first.json.added].sort());

    const status = (await call('GET', '/api/cases/talks/feeds')).json.feeds[0];
    expect(status).toMatchObject({ itemsSeen: 3, lastNew: 4, totalNew: 4, lastError: null, polling: false });
    expect(Date.parse(status.nextPollAt) - Date.parse(status.lastPolledAt)).toBe(3_600_000);

    const second = await call('POST', '/api/cases/talks/feeds/poll');
    expect(second.json).toMatchObject({ changed: false, revision: 2, added: [], evidence: [] });
    expect(second.json.feeds[0]).toMatchObject({ status: 'polled', items: 3, newItems: 0 });
    expect(hits.get('/articles/envoy.html')).toBe(1);
    expect((await store.getCase('talks')).revision).toBe(2);

    feedItems.unshift(NEW_ITEM);
    const third = await call('POST', '/api/cases/talks/feeds/poll');
    expect(third.json).toMatchObject({ changed: true, revision: 3 });
    expect(third.json.feeds[0]).toMatchObject({ items: 4, newItems: 1 });
    expect(third.json.evidence.map((e: any) => [e.speaker, e.date, e.text])).toEqual([['Anna Berg', '2025-03-05', 'We can move the line five kilometres, not more']]);
    expect((await call('GET', '/api/cases/talks/feeds')).json.feeds[0]).toMatchObject({ itemsSeen: 4, lastNew: 1, totalNew: 5 });
  });

  it('records a broken feed\'s error and leaves the case unchanged; the other feeds still add', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('broken', [{ url: `${base}/broken.xml` }]));
    const r = await call('POST', '/api/cases/broken/feeds/poll');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ changed: false, revision: 1, added: [] });
    expect(r.json.feeds[0]).toMatchObject({ status: 'failed', label: '127.0.0.1', error: expect.stringMatching(/broken\.xml:\d+:\d+: /) });
    const after = await store.getCase('broken');
    expect(after.revision).toBe(1);
    expect(after.case).toEqual((await store.getCase('broken', { revision: 1 })).case);
    const status = (await call('GET', '/api/cases/broken/feeds')).json.feeds[0];
    expect(status.lastError).toBe(r.json.feeds[0].error);
    expect(status).toMatchObject({ itemsSeen: 0, totalNew: 0, lastOkAt: null, polling: false });
    expect(status.lastPolledAt).not.toBeNull();

    // A missing feed, a broken one and a good one: the good one's candidates are written, the others' errors kept.
    await store.createCase(caseWith('mixed', [{ url: `${base}/missing.xml`, label: 'gone' }, { url: `${base}/broken.xml` }, { url: `${base}/rss.xml`, label: 'gazette' }]));
    const mixed = await call('POST', '/api/cases/mixed/feeds/poll');
    expect(mixed.json.feeds.map((f: any) => [f.label, f.status])).toEqual([
      ['gone', 'failed'],
      ['127.0.0.1', 'failed'],
      ['gazette', 'polled'],
    ]);
    expect(mixed.json.feeds[0].error).toMatch(/answered 404/);
    expect(mixed.json.added).toHaveLength(4);
    expect(mixed.json.revision).toBe(2);
  });

  it('counts a quote\'s outlets over the poll: syndicated copies once, stories written apart each', async () => {
    await store.createCase(caseWith('wire', [{ url: `${base}/wire-a.xml`, label: 'a' }, { url: `${base}/wire-b.xml`, label: 'b' }]));
    const r = await call('POST', '/api/cases/wire/feeds/poll');
    expect(r.json.feeds.map((f: any) => [f.label, f.status, f.newItems])).toEqual([
      ['a', 'polled', 2],
      ['b', 'polled', 2],
    ]);
    // Each quote once (the copies' quotes are the same quotes), with the independent outlets behind it.
    expect(r.json.evidence.map((e: any) => [e.text.slice(0, 20), e.outlet, e.outlets])).toEqual([
      ['We will not give up ', 'Test Gazette', 1],
      ['A ceiling of forty b', 'Test Gazette', 2],
    ]);
  });

  it('marks nothing seen when the case cannot be written: the error is kept, the lease freed, the next poll adds the items', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('outage', [{ url: `${base}/rss.xml`, label: 'gazette' }]));
    const failing = new Proxy(store, {
      get(target, key) {
        if (key === 'modifyCase') return async () => Promise.reject(new Error('disk full'));
        const v = Reflect.get(target, key);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    await expect(new FeedPoller(failing, { guard: { allowPrivate: true } }).poll('outage')).rejects.toThrow('disk full');
    const [state] = (await new FeedPoller(store).list('outage')).feeds;
    expect(state).toMatchObject({ lastError: 'the case could not be written: disk full', itemsSeen: 0, totalNew: 0, polling: false });
    const again = await call('POST', '/api/cases/outage/feeds/poll');
    expect(again.json).toMatchObject({ changed: true, revision: 2 });
    expect(again.json.added).toHaveLength(4);
  });

  it('polls one feed at a time: a second poll while one runs is "busy" and adds nothing twice', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('overlap', [{ url: `${base}/slow.xml`, label: 'slow' }]));
    hits.delete('/slow.xml');
    slowMs = 300;
    try {
      const [a, b] = await Promise.all([call('POST', '/api/cases/overlap/feeds/poll'), call('POST', '/api/cases/overlap/feeds/poll')]);
      expect([a.json.feeds[0].status, b.json.feeds[0].status].sort()).toEqual(['busy', 'polled']);
      expect(a.json.added.length + b.json.added.length).toBe(4);
      expect(hits.get('/slow.xml')).toBe(1);
    } finally {
      slowMs = 0;
    }
    // Another process holding the feed's lease (in the store) makes it busy too.
    const states = new FeedStore(store.db);
    const now = new Date().toISOString();
    expect(await states.claim('overlap', `${base}/slow.xml`, now, new Date(Date.now() + 60_000).toISOString())).toBe(true);
    expect(await states.claim('overlap', `${base}/slow.xml`, now, new Date(Date.now() + 60_000).toISOString())).toBe(false);
    const held = await call('POST', '/api/cases/overlap/feeds/poll');
    expect(held.json.feeds[0]).toMatchObject({ status: 'busy', newItems: 0 });
    expect(hits.get('/slow.xml')).toBe(1);
    expect((await call('GET', '/api/cases/overlap/feeds')).json.feeds[0].polling).toBe(true);
    // An expired lease (its process died) is taken over.
    expect(await states.claim('overlap', `${base}/slow.xml`, new Date(Date.now() + 120_000).toISOString(), new Date(Date.now() + 180_000).toISOString())).toBe(true);
    await states.release('overlap', `${base}/slow.xml`);
    expect((await call('POST', '/api/cases/overlap/feeds/poll')).json.feeds[0]).toMatchObject({ status: 'polled', newItems: 0 });
  });

  it('writes the feed list as a revision (PUT), validated, keeping what polls saw of the feeds that stay', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('listed', [{ url: `${base}/rss.xml`, label: 'gazette' }]));
    await call('POST', '/api/cases/listed/feeds/poll');
    const put = await call('PUT', '/api/cases/listed/feeds', { 'if-match': '"2"', 'x-parley-author': 'ed' }, { feeds: [{ url: `${base}/rss.xml`, label: 'gazette', every: '15m' }, { url: 'https://wire.example/atom' }] });
    expect(put.status).toBe(200);
    expect(put.etag).toBe('"3"');
    expect(put.json.revision).toBe(3);
    expect(put.json.feeds.map((f: any) => [f.label, f.every, f.itemsSeen, f.totalNew])).toEqual([
      ['gazette', '15m', 3, 4],
      ['wire.example', '1h', 0, 0],
    ]);
    const stored = await store.getCase('listed');
    expect(stored).toMatchObject({ author: 'ed', message: 'feeds: gazette, wire.example' });
    // Refused: nothing written.
    const bad = await call('PUT', '/api/cases/listed/feeds', {}, { feeds: [{ url: 'https://wire.example/atom', every: '1m' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.path).toBe('feeds[0].every');
    expect(bad.json.error.message).toMatch(/at most every 5 minutes/);
    const dup = await call('PUT', '/api/cases/listed/feeds', {}, { feeds: [{ url: 'https://wire.example/atom' }, { url: 'https://wire.example/atom', label: 'again' }] });
    expect(dup.status).toBe(400);
    expect(dup.json.error.message).toMatch(/duplicate feed "https:\/\/wire\.example\/atom" \(also feeds\[0\]\)/);
    const stale = await call('PUT', '/api/cases/listed/feeds', { 'if-match': '"2"' }, { feeds: [] });
    expect(stale.status).toBe(412);
    expect((await store.getCase('listed')).revision).toBe(3);
    // An empty list removes the field.
    const none = await call('PUT', '/api/cases/listed/feeds', {}, { feeds: [] });
    expect(none.json).toEqual({ revision: 4, feeds: [] });
    expect('feeds' in (await store.getCase('listed')).case).toBe(false);
  });

  it('honours If-Match, and names an unknown feed or case', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('guarded', [{ url: `${base}/rss.xml` }]));
    const fetched = hits.get('/rss.xml') ?? 0;
    const stale = await call('POST', '/api/cases/guarded/feeds/poll', { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.json.error).toMatchObject({ path: 'If-Match', currentRevision: 1 });
    // Refused before any feed was fetched.
    expect(hits.get('/rss.xml') ?? 0).toBe(fetched);
    const ok = await call('POST', '/api/cases/guarded/feeds/poll', { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.json.revision).toBe(2);
    const unknown = await call('POST', `/api/cases/guarded/feeds/poll?url=${encodeURIComponent(`${base}/other.xml`)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.path).toBe('url');
    expect((await call('GET', '/api/cases/nope/feeds')).status).toBe(404);
    expect((await call('POST', '/api/cases/nope/feeds/poll')).status).toBe(404);
    // A deleted case takes its feeds' rows with it.
    const rows = async (table: 'feed_state' | 'feed_items') => (await store.db.selectFrom(table).select('case_id').where('case_id', '=', 'guarded').execute()).length;
    // 3 items seen, each by its id and its link.
    expect([await rows('feed_state'), await rows('feed_items')]).toEqual([1, 6]);
    await store.deleteCase('guarded');
    expect([await rows('feed_state'), await rows('feed_items')]).toEqual([0, 0]);
  });

  it('gives up on a feed that is too slow, too large or not a feed, with the reason', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('limits', [{ url: `${base}/slow.xml`, label: 'slow' }, { url: `${base}/logo.png`, label: 'logo' }]));
    slowMs = 1000;
    try {
      const r = await new FeedPoller(store, { guard: { allowPrivate: true }, timeoutMs: 200 }).poll('limits');
      expect(r.feeds.map((f) => [f.label, f.status, f.error])).toEqual([
        ['slow', 'failed', `${base}/slow.xml: no response within 200 ms`],
        ['logo', 'failed', `${base}/logo.png: the server sent image/png, not a feed`],
      ]);
    } finally {
      slowMs = 0;
    }
    const big = await new FeedPoller(store, { guard: { allowPrivate: true }, maxFeedBytes: 1000 }).poll('limits', { urls: [`${base}/slow.xml`] });
    expect(big.feeds[0].error).toBe(`${base}/slow.xml: the feed is larger than the limit of 1000 bytes`);
    expect((await store.getCase('limits')).revision).toBe(1);
  });

  it('starts no new item once the server stops (the items stay new for the next poll)', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    await store.createCase(caseWith('stopping', [{ url: `${base}/rss.xml` }]));
    const stopped = AbortSignal.abort();
    const r = await new FeedPoller(store, { guard: { allowPrivate: true }, signal: stopped }).poll('stopping');
    expect(r).toMatchObject({ changed: false, revision: 1, added: [] });
    expect(r.feeds[0]).toMatchObject({ status: 'polled', items: 3, newItems: 0 });
    const next = await new FeedPoller(store, { guard: { allowPrivate: true } }).poll('stopping');
    expect(next.feeds[0]).toMatchObject({ newItems: 3 });
    expect(next.added).toHaveLength(4);
  });

  it('takes a title-only item as seen, and tries an item whose page failed again', async () => {
    await store.createCase(caseWith('titles', [{ url: `${base}/titles.xml` }]));
    const poller = new FeedPoller(store, { guard: { allowPrivate: true } });
    const first = await poller.poll('titles');
    expect(first.feeds[0]).toMatchObject({ status: 'polled', items: 2, newItems: 1, added: [] });
    expect(first.feeds[0].itemErrors).toHaveLength(1);
    expect(first.feeds[0].itemErrors[0]).toBe(`${base}/articles/missing.html: the server answered 404 Not Found (tried again next poll)`);
    const second = await poller.poll('titles');
    expect(second.feeds[0]).toMatchObject({ newItems: 0 });
    expect(second.feeds[0].itemErrors).toHaveLength(1);
    expect((await poller.list('titles')).feeds[0]).toMatchObject({ itemsSeen: 1, lastError: null });
  });

  it('migration 0007_feeds goes down and up again', async () => {
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0006_jobs')).error).toBeUndefined();
    await expect(store.db.selectFrom('feed_state').selectAll().execute()).rejects.toThrow();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await store.db.selectFrom('feed_items').selectAll().execute()).toEqual([]);
  });
});

describe('feeds: the case format and the URL guard', () => {
  it('validates feeds: http(s) only, every from 5m to 30d, no duplicates', () => {
    const problems = (feeds: unknown) => validateCase({ ...sampleCase('v'), feeds }).problems;
    expect(problems([{ url: 'https://a.example/rss', every: '5m', label: 'A' }, { url: 'http://b.example/atom', every: '2d' }])).toEqual([]);
    expect(problems([{ url: 'ftp://a.example/rss' }])).toEqual([{ path: 'feeds[0].url', message: 'expected an http or https URL' }]);
    expect(problems([{ url: 'https://a.example/rss', every: '4m' }])).toEqual([{ path: 'feeds[0].every', message: 'feeds are polled at most every 5 minutes (5m)' }]);
    expect(problems([{ url: 'https://a.example/rss', every: 'hourly' }])).toEqual([{ path: 'feeds[0].every', message: 'expected an interval like 30m, 1h or 1d' }]);
    expect(problems([{ url: 'https://a.example/rss', every: '31d' }])).toEqual([{ path: 'feeds[0].every', message: 'feeds are polled at least every 30 days (30d)' }]);
    expect(problems([{ url: 'https://a.example/rss' }, { url: 'https://a.example/rss' }])).toEqual([{ path: 'feeds[1].url', message: 'duplicate feed "https://a.example/rss" (also feeds[0])' }]);
    expect(problems([{ url: 'https://a.example/rss', colour: 'red' }])[0].path).toBe('feeds[0]');
  });

  it('refuses a loopback feed without the tests-only switch, and records the refusal', async () => {
    const store = await createStore(':memory:');
    try {
      await store.createCase(caseWith('strict', [{ url: `${base}/rss.xml` }]));
      const { app, jobs } = createApp({ store });
      const r = await app.request('/api/cases/strict/feeds/poll', { method: 'POST' });
      const json = (await r.json()) as any;
      expect(json.feeds[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/refused: 127\.0\.0\.1 is loopback/) });
      expect(json.changed).toBe(false);
      await jobs.shutdown();
    } finally {
      await store.close();
    }
  });

  it('is on by default outside tests, off under Vitest unless asked, and off with PARLEY_FEEDS=0', () => {
    expect(feedsEnabled(undefined, {})).toBe(true);
    expect(feedsEnabled(undefined, { VITEST: 'true' })).toBe(false);
    expect(feedsEnabled(true, { VITEST: 'true' })).toBe(true);
    expect(feedsEnabled(true, { PARLEY_FEEDS: '0' })).toBe(false);
    expect(feedsEnabled(false, {})).toBe(false);
  });
});

describe('feeds: startServer runs the scheduler when asked', () => {
  it('polls a case\'s feed by itself with feeds on, and not by default under Vitest', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    const quiet = await startServer({ port: 0, db: ':memory:', webRoot: '/nonexistent', allowPrivateFetch: true });
    try {
      await quiet.store.createCase(caseWith('quiet', [{ url: `${base}/rss.xml`, label: 'q' }]));
      await new Promise((r) => setTimeout(r, 300));
      expect((await quiet.store.getCase('quiet')).revision).toBe(1);
    } finally {
      await quiet.close();
    }
    const lines: string[] = [];
    const server = await startServer({ port: 0, db: ':memory:', webRoot: '/nonexistent', allowPrivateFetch: true, feeds: { tickMs: 50 }, log: (l) => lines.push(l) });
    try {
      await server.store.createCase(caseWith('auto', [{ url: `${base}/rss.xml`, label: 'auto' }]));
      let stored = await server.store.getCase('auto');
      for (let i = 0; i < 300 && stored.revision === 1; i++) {
        await new Promise((r) => setTimeout(r, 50));
        stored = await server.store.getCase('auto');
      }
      expect(stored.revision).toBe(2);
      expect(stored.author).toBe('feed:auto');
      expect(stored.case.evidence.filter((e) => e.status === 'candidate')).toHaveLength(4);
      const status = await (await fetch(`${server.url}/api/cases/auto/feeds`)).json();
      expect(status.feeds[0]).toMatchObject({ itemsSeen: 3, totalNew: 4, lastError: null });
      expect(lines).toContain('parley serve: feed auto of case auto: 4 new candidates (revision 2)');
      // A broken feed added to the case is logged when the scheduler polls it.
      await server.store.modifyCase('auto', (c) => void c.feeds!.push({ url: `${base}/broken.xml`, label: 'bad' }));
      for (let i = 0; i < 300 && !lines.some((l) => l.includes('feed bad')); i++) await new Promise((r) => setTimeout(r, 50));
      expect(lines.find((l) => l.includes('feed bad'))).toMatch(/^parley serve: feed bad of case auto failed: .*broken\.xml:\d+:\d+: /);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('feeds: scheduled polls are jobs of the queue', () => {
  it('a server that runs no jobs queues the poll once; the process that runs jobs polls it', async () => {
    feedItems.splice(0, feedItems.length, ...firstItems());
    const dir = mkdtempSync(join(tmpdir(), 'parley-feedjobs-'));
    const file = join(dir, 'feeds.db');
    const server = await startServer({ port: 0, db: file, webRoot: '/nonexistent', allowPrivateFetch: true, runJobs: false, feeds: { tickMs: 40 } });
    try {
      await server.store.createCase(caseWith('queued', [{ url: `${base}/rss.xml`, label: 'q' }]));
      const jobs = new JobStore(server.store.db);
      let pending = (await jobs.unfinished()).filter((j) => j.kind === FEED_POLL_KIND);
      for (let i = 0; i < 200 && pending.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
        pending = (await jobs.unfinished()).filter((j) => j.kind === FEED_POLL_KIND);
      }
      // Many ticks later: still one queued poll for the feed, and the case untouched.
      await new Promise((r) => setTimeout(r, 300));
      pending = (await jobs.unfinished()).filter((j) => j.kind === FEED_POLL_KIND);
      expect(pending.map((j) => [j.status, j.params])).toEqual([['queued', { caseId: 'queued', url: `${base}/rss.xml` }]]);
      expect((await server.store.getCase('queued')).revision).toBe(1);
      // A process that runs jobs (a worker; on SQLite, the next server) takes it.
      const worker = createStore(file);
      const store = await worker;
      const queue = durableJobManager(store, undefined, true, { feeds: { guard: { allowPrivate: true } } });
      try {
        expect(await queue.resume()).toEqual([pending[0].id]);
        let done = await queue.find(pending[0].id);
        for (let i = 0; i < 200 && done?.status !== 'done'; i++) {
          await new Promise((r) => setTimeout(r, 25));
          done = await queue.find(pending[0].id);
        }
        expect(done).toMatchObject({ status: 'done', result: { revision: 2 } });
        const stored = await store.getCase('queued');
        expect([stored.revision, stored.author]).toEqual([2, 'feed:q']);
        expect(stored.case.evidence.filter((e) => e.status === 'candidate')).toHaveLength(4);
      } finally {
        await queue.shutdown();
        await store.close();
      }
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('feeds: the scheduler', () => {
  let store: Store;
  afterEach(async () => {
    vi.useRealTimers();
    await store?.close();
  });

  it('polls each feed on its own interval (fake timers): at the first tick, then every 5 minutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-12-03T07:00:00Z') });
    feedItems.splice(0, feedItems.length, ...firstItems());
    store = await createStore(':memory:');
    await store.createCase(caseWith('sched', [{ url: `${base}/slow.xml`, every: '5m', label: 'wire' }]));
    hits.delete('/slow.xml');
    const scheduler = startFeedScheduler(store, { tickMs: 60_000, guard: { allowPrivate: true } });
    try {
      await vi.advanceTimersByTimeAsync(59_000);
      await scheduler.idle();
      expect(hits.get('/slow.xml')).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1_000);
      await scheduler.idle();
      expect(hits.get('/slow.xml')).toBe(1);
      const first = await store.getCase('sched');
      expect(first.revision).toBe(2);
      expect(first.author).toBe('feed:wire');
      expect(first.case.evidence.filter((e) => e.status === 'candidate')).toHaveLength(4);
      const polled = (await new FeedPoller(store).list('sched')).feeds[0];
      expect(polled).toMatchObject({ lastPolledAt: '2026-12-03T07:01:00.000Z', nextPollAt: '2026-12-03T07:06:00.000Z', totalNew: 4 });
      // Ticks at 2, 3, 4 and 5 minutes find nothing due.
      for (let m = 2; m <= 5; m++) {
        await vi.advanceTimersByTimeAsync(60_000);
        await scheduler.idle();
      }
      expect(hits.get('/slow.xml')).toBe(1);
      feedItems.unshift(NEW_ITEM);
      await vi.advanceTimersByTimeAsync(60_000);
      await scheduler.idle();
      expect(hits.get('/slow.xml')).toBe(2);
      const second = await store.getCase('sched');
      expect(second.revision).toBe(3);
      expect(second.case.evidence.filter((e) => e.status === 'candidate')).toHaveLength(5);
    } finally {
      await scheduler.stop();
    }
    // Stopped: no more polls however long it waits.
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(hits.get('/slow.xml')).toBe(2);
  });
});
