/**
 * API read benchmark: 50 concurrent clients (autocannon) against `parley serve` on 127.0.0.1, a
 * bounded time per route; prints requests per second, p50/p99 latency and errors per route.
 *
 *   node --import tsx bench/api.ts                              # SQLite in a temp file, 10 s per route
 *   node --import tsx bench/api.ts --duration 5 --connections 50
 *   node --import tsx bench/api.ts --db postgres://postgres:postgres@127.0.0.1:5432/parley_bench
 *   node --import tsx bench/api.ts --during-ingest        # GET /api/cases latency while a 4 MB article is ingested
 *
 * The server (startServer, as `parley serve` runs it) is in its own process, so the load generator does not share
 * its event loop. Figures depend on the machine and on whatever else runs on it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; pipelining?: number }) => Promise<AutocannonResult>;
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    db: { type: 'string' },
    routes: { type: 'string' },
    'during-ingest': { type: 'boolean', default: false },
    'serve-child': { type: 'boolean', default: false },
  },
});

// The server half: this same file, run as a child process, serving until it is told to stop.
if (values['serve-child']) {
  const { startServer } = await import('../src/server/index.ts');
  const s = await startServer({ port: 0, db: values.db!, importExamples: true });
  console.log(`serving on ${s.url}`);
  process.once('SIGTERM', () => void s.close().then(() => process.exit(0)));
  await new Promise(() => {});
}
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration > 0 && duration <= 120) || !(connections >= 1 && connections <= 1000)) {
  console.error('usage: bench/api.ts [--duration 1..120 seconds] [--connections 1..1000] [--db url]');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const db = values.db ?? join(tmp, 'bench.db');

async function startServerProcess(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-child', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolveUrl(m[1]);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

const server = await startServerProcess();
try {
  const cases = (await (await fetch(`${server.url}/api/cases`)).json()) as { items: Array<{ id: string; actors: number; issues: number; evidence: number }> };
  const big = cases.items.reduce((a, b) => (b.actors * b.issues > a.actors * a.issues ? b : a));
  const all: Array<[string, string]> = [
    ['cases list', '/api/cases'],
    [`case (${big.id})`, `/api/cases/${big.id}`],
    ['overview', `/api/cases/${big.id}/overview`],
    ['evidence page', `/api/cases/${big.id}/evidence?limit=50`],
    ['evidence library search', `/api/evidence?q=said&limit=20`],
  ];
  if (values['during-ingest']) {
    // A 4 MB article: paragraphs with quotes and speakers, as ingest sees them.
    const para = 'Kyiv, 2025-11-24. "We will not give up our land," Zelensky said on Monday, while Russia said it was "ready to talk" about the plan. ';
    const text = para.repeat(Math.ceil((4 * 1024 * 1024) / para.length));
    const post = () => fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
    await (await fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: para }) })).text(); // start the worker
    const t0 = performance.now();
    const ingest = post().then(async (r) => ({ status: r.status, bytes: (await r.text()).length, ms: performance.now() - t0 }));
    let done = false;
    void ingest.then(() => (done = true));
    const lat: number[] = [];
    while (!done) {
      const t = performance.now();
      await (await fetch(`${server.url}/api/cases`)).text();
      lat.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await ingest;
    lat.sort((a, b) => a - b);
    const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(1);
    console.log(`GET /api/cases during a ${(text.length / 1024 / 1024).toFixed(1)} MB ingest (status ${r.status}, ${(r.ms / 1000).toFixed(2)} s): ${lat.length} GETs, median ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${lat.at(-1)!.toFixed(1)} ms; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    process.exitCode = 0;
  }
  const wanted = values['during-ingest'] && !values.routes ? [] : values.routes?.split(',');
  const routes = wanted ? all.filter(([name]) => wanted.some((w) => name.startsWith(w))) : all;
  console.log(`parley API reads: ${connections} connections, ${duration} s per route, server ${server.url} on ${values.db ? 'the given database' : 'SQLite (temp file)'}`);
  console.log(`case ${big.id}: ${big.actors} actors, ${big.issues} issues, ${big.evidence} evidence; machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), shared: figures are noisy`);
  console.log('');
  console.log(['route'.padEnd(34), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'errors'.padStart(7), 'non-2xx'.padStart(8), 'requests'.padStart(9)].join(' '));
  for (const [name, path] of routes) {
    const r = await autocannon({ url: server.url + path, connections, duration });
    console.log(
      [
        name.padEnd(34),
        r.requests.average.toFixed(0).padStart(9),
        String(r.latency.p50).padStart(8),
        String(r.latency.p99).padStart(8),
        String(r.errors + r.timeouts).padStart(7),
        String(r.non2xx).padStart(8),
        String(r.requests.total).padStart(9),
      ].join(' '),
    );
  }
} finally {
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
