/**
 * `startServer`: the API and the dashboard on one port. Listens on 127.0.0.1 unless told otherwise;
 * beyond the loopback interface it refuses to start without a token, since writes would be open
 * to the network.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { importFile } from '../formats/index.ts';
import { createStore, DEFAULT_DB, type Store } from '../store/index.ts';
import { createApp } from './app.ts';
import type { Logger } from './log.ts';
import { staticFiles } from './static.ts';
import { feedsEnabled, startFeedScheduler, type FeedScheduler } from './feeds.ts';

export { createApp, ApiError, errorResponse, MAX_BODY_BYTES, MAX_INGEST_BYTES, ENGINE_VERSION, ROUTE_MODULES } from './app.ts';
export { JobManager, type JobView, type JobStatus } from './jobs.ts';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_WEB_ROOT = join(projectRoot, 'web', 'dist');
export const EXAMPLES_DIR = join(projectRoot, 'examples');
export const DEFAULT_PORT = 4242;

export interface ServerOptions {
  port?: number;
  host?: string;
  /** A SQLite path or postgres:// URL (default ./parley.db), or an open store (left open on close). */
  db?: string | Store;
  token?: string;
  /** The built dashboard (default web/dist). */
  webRoot?: string;
  /** Import the example cases when the store has no case yet: true for examples/, or a folder. */
  importExamples?: boolean | string;
  /** Let ingest fetch URLs on loopback and private networks (tests only). */
  allowPrivateFetch?: boolean;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
  /** The request, job and error log (src/server/log.ts; default: as PARLEY_LOG says), which then takes the feeds' lines too. */
  logger?: Logger;
  /** Host names the server is reached by besides its address (a proxy's, a LAN name): security.ts. */
  publicNames?: string[];
  /** Expensive requests per client per minute (default and 0: none; `parley serve` gives DEFAULT_RATE_LIMIT). */
  rateLimit?: number;
  /** false: run no jobs in this process (`parley serve --no-worker`): `parley worker` processes run them (docs/jobs.md). */
  runJobs?: boolean;
  /**
   * Poll the cases' feeds on their intervals (src/server/feeds.ts): default on, off under Vitest unless
   * asked; PARLEY_FEEDS=0 turns it off whatever is asked. An object: on, with the scheduler's tick (ms).
   */
  feeds?: boolean | { tickMs?: number };
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  store: Store;
  /** Case ids imported from the examples on this start. */
  imported: string[];
  close(): Promise<void>;
}

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

export class ServerConfigError extends Error {}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? DEFAULT_PORT;
  const log = opts.log ?? (() => {});
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerConfigError(`port must be an integer from 0 to 65535, got ${port}`);
  const ownsStore = typeof opts.db !== 'object';
  const store = typeof opts.db === 'object' ? opts.db : await createStore(opts.db ?? DEFAULT_DB);
  try {
    // Beyond this machine every request must say who it is: accounts (an admin to manage them) or a token.
    if (!isLoopback(host) && !opts.token && !(await store.users.hasAdmin())) {
      throw new ServerConfigError(
        `listening on ${host} opens the API beyond this machine: give a token (--token or PARLEY_TOKEN) or add an admin account first (parley user add NAME --role admin --db ${typeof opts.db === 'string' ? opts.db : 'D'})`,
      );
    }
    const imported = opts.importExamples ? await importExamples(store, opts.importExamples === true ? EXAMPLES_DIR : opts.importExamples, log) : [];
    const { app, jobs } = createApp({
      store,
      ...(opts.token ? { token: opts.token } : {}),
      allowPrivateFetch: opts.allowPrivateFetch ?? false,
      // Host and Origin checks know the address listened on; off loopback a whole-case PUT needs If-Match.
      listenHost: host,
      requireIfMatch: !isLoopback(host),
      ...(opts.publicNames ? { publicNames: opts.publicNames } : {}),
      ...(opts.rateLimit !== undefined ? { rateLimit: opts.rateLimit } : {}),
      ...(opts.runJobs === false ? { runJobs: false } : {}),
      ...(opts.logger ? { log: opts.logger } : {}),
      // The feed-poll jobs log where the scheduler would.
      ...(opts.logger ? {} : opts.log ? { logError: opts.log } : {}),
    });
    const assets = staticFiles(opts.webRoot ?? DEFAULT_WEB_ROOT);
    app.get('*', (c) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? c.json({ error: { message: `no route GET ${c.req.path}`, path: null } }, 404) : assets(c)));
    const server = await new Promise<ReturnType<typeof serve>>((resolvePromise, reject) => {
      const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolvePromise(s));
      s.once('error', reject);
    });
    const feeds: FeedScheduler | undefined = feedsEnabled(opts.feeds === undefined ? undefined : opts.feeds !== false)
      ? startFeedScheduler(store, { guard: { allowPrivate: opts.allowPrivateFetch ?? false }, log: opts.logger ? (line) => opts.logger!.info(line) : log, ...(jobs.isDurable ? { jobs } : {}), ...(typeof opts.feeds === 'object' && opts.feeds.tickMs !== undefined ? { tickMs: opts.feeds.tickMs } : {}) })
      : undefined;
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${shownHost}:${address.port}`;
    return {
      url,
      port: address.port,
      host,
      store,
      imported,
      async close() {
        await feeds?.stop();
        await jobs.shutdown();
        await new Promise<void>((r) => {
          server.close(() => r());
          // Idle keep-alive connections would hold close() open.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        if (ownsStore) await store.close();
      },
    };
  } catch (e) {
    if (ownsStore) await store.close();
    throw e;
  }
}

/**
 * First start: import every case file of the folder (sorted by name) into an empty store. A file
 * with problems is reported and skipped; the others still load.
 */
export async function importExamples(store: Store, dir: string, log: (line: string) => void): Promise<string[]> {
  if ((await store.listCases({ limit: 1 })).total > 0) return [];
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
  } catch {
    return [];
  }
  const imported: string[] = [];
  for (const f of files) {
    try {
      const c = await importFile(join(dir, f));
      await store.createCase(c, { author: 'parley serve', message: `imported from examples/${f}` });
      imported.push(c.id);
      log(`imported examples/${f} as case "${c.id}"`);
    } catch (e) {
      log(`skipped examples/${f}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return imported;
}
