/**
 * Building the dashboard on demand (`parley serve --build`, `npm start`): vite's JS API with
 * web/vite.config.ts, only when web/dist is missing or older than any source of the dashboard (web/src,
 * web/index.html, the config, and src/ whose types and helpers the dashboard imports).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from './index.ts';

async function newestMtime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/** Whether web/dist needs (re)building, and why. */
export async function dashboardStaleness(root = projectRoot): Promise<string | null> {
  const web = join(root, 'web');
  const built = await newestMtime(join(web, 'dist', 'index.html'));
  if (built === 0) return 'web/dist is missing';
  const sources = Math.max(
    await newestMtime(join(web, 'src')),
    await newestMtime(join(web, 'index.html')),
    await newestMtime(join(web, 'vite.config.ts')),
    // The dashboard imports types and pure helpers from these.
    await newestMtime(join(root, 'src', 'case')),
    await newestMtime(join(root, 'src', 'charts')),
    await newestMtime(join(root, 'src', 'analysis')),
  );
  return sources > built ? 'its sources changed since the last build' : null;
}

/** Build the dashboard if it is stale; returns what was done. */
export async function buildDashboard(log: (line: string) => void = () => {}, root = projectRoot): Promise<'built' | 'fresh'> {
  const why = await dashboardStaleness(root);
  if (!why) return 'fresh';
  log(`building the dashboard (${why}) …`);
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error('cannot build the dashboard: vite is not installed (run "npm ci", which installs the dev dependencies)');
  }
  const started = performance.now();
  // React's production build whatever NODE_ENV the caller runs under (vitest sets "test").
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  log(`built the dashboard in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}
