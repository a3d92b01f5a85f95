/**
 * Article ingestion throughput on one core: `node --import tsx bench/ingest.ts`.
 * Uses the invented test articles (test/evidence/articles; also the own annotated set own-*.txt), padded to about 3 KB where shorter,
 * and prints articles per second for plain text and for HTML pages (Readability extraction
 * included). Figures depend on the machine and its load: compare runs on the same machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { loadCaseFile } from '../src/case/load.ts';
import { ingestArticle, splitHeader } from '../src/evidence/index.ts';

const dir = new URL('../test/evidence/articles/', import.meta.url);
const texts = ['border-talks.txt', 'traps.txt'].map((f) => splitHeader(readFileSync(new URL(f, dir), 'utf8')).body);
/** Each text article is brought to ~3 KB by appending paragraphs of another article. */
const articles = texts.map((t, i) => {
  let body = t;
  const other = texts[(i + 1) % texts.length].split('\n\n');
  for (let k = 0; Buffer.byteLength(body) < 3000; k++) body += `\n\n${other[k % other.length]}`;
  return body;
});
const html = readFileSync(new URL('headline.html', dir), 'utf8');
/** The own annotated set (own-*.txt: wire, live page, analysis, Q&A … house styles), each padded to ~3 KB the same way. */
const ownTexts = readdirSync(dir)
  .filter((f) => /^own-.*\.txt$/.test(f))
  .sort()
  .map((f) => splitHeader(readFileSync(new URL(f, dir), 'utf8')).body);
const ownArticles = ownTexts.map((t, k) => {
  let body = t;
  const other = ownTexts[(k + 1) % ownTexts.length].split('\n\n');
  for (let j = 0; Buffer.byteLength(body) < 3000; j++) body += `\n\n${other[j % other.length]}`;
  return body;
});

/**
 * Runs `once` for `seconds` of wall time and reports articles per second both by wall clock and by
 * this process's CPU time: on a loaded machine the CPU-time figure is the one that says what one
 * core can do, the wall-clock figure what this run got.
 */
function measure(label: string, bytes: number, once: () => void, seconds = 3): void {
  for (let i = 0; i < 20; i++) once(); // warm-up: JIT and lazily built tables
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    once();
    n++;
  }
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  console.log(
    `${label.padEnd(40)} ${(n / cpu).toFixed(0).padStart(6)} articles/s of CPU time (${((cpu / n) * 1000).toFixed(2)} ms each), ${(n / wall).toFixed(0).padStart(5)}/s wall clock, ~${(bytes / 1024).toFixed(1)} KB`,
  );
}

console.log(`node ${process.version}, one core (single thread)`);
let i = 0;
const avg = articles.reduce((s, a) => s + Buffer.byteLength(a), 0) / articles.length;
measure('plain text, no case', avg, () => ingestArticle({ text: articles[i++ % articles.length], date: '2025-03-14' }));
const ownAvg = ownArticles.reduce((s, a) => s + Buffer.byteLength(a), 0) / ownArticles.length;
measure('own set (10 outlet styles), no case', ownAvg, () => ingestArticle({ text: ownArticles[i++ % ownArticles.length], date: '2025-11-28' }));
measure('HTML page (Readability + linkedom)', Buffer.byteLength(html), () => ingestArticle({ html }));
const ukraine = await loadCaseFile(new URL('../examples/ukraine-2025.yaml', import.meta.url).pathname);
measure('plain text, with examples/ukraine-2025', avg, () => ingestArticle({ text: articles[i++ % articles.length], date: '2025-03-14' }, { case: ukraine }));
