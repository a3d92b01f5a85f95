/**
 * Feed polling benchmark: one poll of a feed of N new items (full content: fetched, parsed, each item
 * ingested against the Ukraine case, the candidates written in one revision), then a poll with nothing
 * new (fetched and parsed, the items looked up as seen), on SQLite. The feed is served on 127.0.0.1 by
 * this script (the URL guard's tests-only `allowPrivate`); its articles are generated here.
 *
 *   node --import tsx bench/feeds.ts                # 50 items (one poll's maximum)
 *   node --import tsx bench/feeds.ts --items 20
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCaseFile } from '../src/case/load.ts';
import { FeedPoller } from '../src/server/feeds.ts';
import { offloadPool } from '../src/server/offload.ts';
import { createStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { items: { type: 'string', default: '50' } } });
const items = Number(values.items);
if (!(Number.isInteger(items) && items >= 1 && items <= 50)) {
  console.error('usage: bench/feeds.ts [--items 1..50]');
  process.exit(2);
}

const SPEAKERS = ['Marta Kovac', 'Jonas Lind', 'Petra Novak', 'Samuel Reyes', 'Ines Duarte'];
const PLACES = ['Geneva', 'Vienna', 'Oslo', 'Bern', 'Helsinki'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function article(i: number): string {
  const who = SPEAKERS[i % SPEAKERS.length];
  const where = PLACES[(i * 3) % PLACES.length];
  return [
    `${where.toUpperCase()} — Delegations met for round ${i + 1} of the talks on ${['the border', 'sanctions', 'prisoners', 'elections'][i % 4]}, officials said on Monday.`,
    `"We are ready to discuss a ceasefire line ${10 + i} kilometres east of the river, but not at any price," ${who}, the chief negotiator, said after ${i % 2 ? 'the session' : 'a long day of meetings'}.`,
    `The mediators plan to circulate a written text before the next meeting, which is expected in ${PLACES[(i + 1) % PLACES.length]} within ${2 + (i % 5)} weeks.`,
    `"Nobody should expect a breakthrough before round ${i + 2}," a senior diplomat told reporters, asking not to be named.`,
  ].join('\n\n');
}
const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench Wire</title><link>https://bench.example/</link>
${Array.from({ length: items }, (_, i) => `<item><guid>bench-${i}</guid><title>Round ${i + 1}</title><link>https://bench.example/${i}</link><pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate><content:encoded>${esc(article(i))}</content:encoded></item>`).join('\n')}
</channel></rss>`;

const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
const dir = mkdtempSync(join(tmpdir(), 'parley-bench-feeds-'));
try {
  const ukraine = await loadCaseFile(new URL('../examples/ukraine-2025.yaml', import.meta.url).pathname);
  const store = await createStore(join(dir, 'bench.db'));
  await store.createCase({ ...ukraine, feeds: [{ url, label: 'bench' }] });
  const poller = new FeedPoller(store, { guard: { allowPrivate: true } });
  // The ingest workers start once (as in a running server), outside the timings.
  await offloadPool().run('ingest', { text: article(0), date: '2025-12-01' }, {});
  const t0 = performance.now();
  const first = await poller.poll(ukraine.id);
  const t1 = performance.now();
  const second = await poller.poll(ukraine.id);
  const t2 = performance.now();
  console.log(`feed of ${items} items (${(feed.length / 1024).toFixed(0)} KB), Ukraine case, SQLite; load ${loadavg()[0].toFixed(2)}`);
  console.log(`first poll:  ${(t1 - t0).toFixed(0)} ms (${first.feeds[0].newItems} new items, ${first.added.length} candidates, revision ${first.revision}); ${((t1 - t0) / items).toFixed(1)} ms per item`);
  console.log(`second poll: ${(t2 - t1).toFixed(0)} ms (${second.feeds[0].newItems} new items, changed: ${second.changed})`);
  await store.close();
  await offloadPool().close();
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
