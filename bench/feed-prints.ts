/**
 * Feeds over time: a poll's comparison with a case's stored article prints at the bound (5,000 prints of
 * generated 500-word articles, 60 days), on SQLite: reading the prints, grouping 50 new articles with
 * them (syndication.ts groupOverTime) and storing the 50 prints (with the pruning), each timed.
 *
 *   node --import tsx bench/feed-prints.ts                 # 5,000 stored, 50 new
 *   node --import tsx bench/feed-prints.ts --stored 1000 --fresh 20
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articlePrint, groupOverTime, printShingles } from '../src/evidence/syndication.ts';
import { createStore } from '../src/store/index.ts';
import { PRINT_LIMIT, PrintStore, quoteHash } from '../src/store/prints.ts';
import { sampleCase } from '../test/store/backends.ts';

const { values } = parseArgs({ options: { stored: { type: 'string', default: String(PRINT_LIMIT) }, fresh: { type: 'string', default: '50' }, words: { type: 'string', default: '500' } } });
const [nStored, nFresh, nWords] = [Number(values.stored), Number(values.fresh), Number(values.words)];

// A seeded generator (mulberry32): the same articles every run.
let seed = 20261203;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
const text = () => Array.from({ length: nWords }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ');

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-prints-'));
try {
  const store = await createStore(join(dir, 'bench.db'));
  await store.createCase(sampleCase('prints') as never);
  const prints = new PrintStore(store.db);
  const row = (id: string, t: string) => ({ id, group: id, feedUrl: 'https://bench.example/rss', url: null, outlet: `Outlet ${id.length % 40}`, date: '2026-12-01', print: articlePrint(t), quotes: [quoteHash(`quote ${id}`)] });
  for (let i = 0; i < nStored; i += 500) await prints.save('prints', Array.from({ length: Math.min(500, nStored - i) }, (_, k) => row(`s${i + k}`, text())));
  const fresh = Array.from({ length: nFresh }, (_, i) => ({ id: `n${i}`, text: text() }));
  const t0 = performance.now();
  const stored = await prints.recent('prints');
  const t1 = performance.now();
  const news = fresh.map((a) => ({ id: a.id, outlet: 'New Outlet', shingles: printShingles(articlePrint(a.text)), quotes: [quoteHash('quote s1')] }));
  const over = groupOverTime(stored, news);
  const t2 = performance.now();
  await prints.save('prints', fresh.map((a) => row(a.id, a.text)));
  const t3 = performance.now();
  const bytes = stored.reduce((n, p) => n + p.shingles.length * 4, 0);
  console.log(`stored prints: ${stored.length} (${(bytes / 1e6).toFixed(1)} MB of shingles), new articles: ${nFresh} of ${nWords} words, groups found: ${new Set(over.groups).size}`);
  console.log(`read ${(t1 - t0).toFixed(0)} ms, print + group ${(t2 - t1).toFixed(0)} ms, store ${(t3 - t2).toFixed(0)} ms (load average ${loadavg()[0].toFixed(1)})`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
