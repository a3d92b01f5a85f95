/**
 * What the browser tests and bench/web.ts share: a freshly built dashboard, the workbench server on
 * a temporary SQLite database with the example cases, and Debian's headless chromium. No vitest
 * imports here, so the benchmark can use it too.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from '../helpers/reference.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's chromium (`apt-get install chromium`), or $PARLEY_CHROMIUM. */
export const chromiumPath = (): string => process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = (): boolean => existsSync(chromiumPath());

export function launchChromium(): Promise<Browser> {
  if (!haveChromium()) {
    throw new Error(`chromium is not installed at ${chromiumPath()}: run "apt-get install -y chromium" (or set PARLEY_CHROMIUM)`);
  }
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * Build the dashboard with web/vite.config.ts into a private folder. Not web/dist: `npm start` and
 * the server's own tests may rebuild that one at the same moment, and a half-emptied folder would
 * make either run flaky.
 */
export async function buildDashboardInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, with which vite bundles React's development build: build what
  // users get (NODE_ENV is read during the build only, then restored).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(projectRoot, 'web', 'vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

export interface Workbench {
  url: string;
  /** The built dashboard folder. */
  webRoot: string;
  close(): Promise<void>;
}

/** The dashboard built, the server started on 127.0.0.1 (a free port) with a new SQLite db and the examples. */
export async function startWorkbench(): Promise<Workbench> {
  const tmp = mkdtempSync(join(tmpdir(), 'parley-web-'));
  const webRoot = join(tmp, 'dist');
  try {
    await buildDashboardInto(webRoot);
    const { startServer } = await import('../../src/server/index.ts');
    const server = await startServer({ port: 0, host: '127.0.0.1', db: join(tmp, 'parley.db'), webRoot, importExamples: true });
    return {
      url: server.url,
      webRoot,
      async close() {
        await server.close();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

export const UKRAINE_CASE = 'ukraine-peace-plan-2025';
