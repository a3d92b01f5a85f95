/**
 * Dashboard benchmark: first render of the Ukraine case and the size of the JavaScript.
 *
 *   node --import tsx bench/web.ts            # 5 cold loads (median), headless chromium
 *   node --import tsx bench/web.ts --runs 9
 *
 * First render: from navigation start (the page's time origin) to the overview matrix in the DOM,
 * each load in a fresh browser context (empty cache), measured inside the page with
 * requestAnimationFrame polling. The server (startServer on a temp SQLite db with the examples)
 * runs in this process. Bundle: every .js file the build emits, raw and gzipped (zlib level 9, as a
 * static server with precompression would send it), and the part index.html loads up front.
 * Figures depend on the machine and on whatever else runs on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium, startWorkbench, UKRAINE_CASE } from '../test/web/harness.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs) || 5);
const BUDGET_GZIP_KB = 300;
const FIRST_RENDER_TARGET_MS = 1500;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function bundleSizes(webRoot: string) {
  const assets = join(webRoot, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  // What the page loads before anything else: the entry script and its modulepreloads.
  const initial = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  let raw = 0;
  let gz = 0;
  let initialRaw = 0;
  let initialGz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(assets, f));
    const g = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += g;
    if (initial.has(f)) {
      initialRaw += bytes.length;
      initialGz += g;
    }
  }
  return { files: files.length, raw, gz, initialFiles: initial.size, initialRaw, initialGz };
}

const bench = await startWorkbench();
const browser = await launchChromium();
try {
  const size = bundleSizes(bench.webRoot);
  console.log(`dashboard JavaScript: ${size.files} files, ${kb(size.raw)} KB raw, ${kb(size.gz)} KB gzipped (budget ${BUDGET_GZIP_KB} KB gzipped: ${size.gz / 1024 <= BUDGET_GZIP_KB ? 'within' : 'OVER'})`);
  console.log(`  loaded up front: ${size.initialFiles} files, ${kb(size.initialRaw)} KB raw, ${kb(size.initialGz)} KB gzipped (the chart views load on first use)`);

  const url = `${bench.url}/#/case/${UKRAINE_CASE}`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (document.querySelector('[data-testid=matrix] tbody tr') ? performance.now() : 0),
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    times.push((await handle.jsonValue()) as number);
    await context.close();
  }
  const m = median(times);
  console.log(
    `first render of the Ukraine case (navigation start → overview matrix, cold cache, headless chromium): median ${m.toFixed(0)} ms of ${runs} (${times.map((t) => t.toFixed(0)).join(', ')} ms); target < ${FIRST_RENDER_TARGET_MS} ms: ${m < FIRST_RENDER_TARGET_MS ? 'met' : 'NOT met'}`,
  );
} finally {
  await browser.close();
  await bench.close();
}
