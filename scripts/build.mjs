#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` runs it): compile src/ to dist/ for bin/parley.js.
//
// 1. tsc (tsconfig.build.json) compiles every module to dist/, file for file, `.ts` imports
//    rewritten to `.js`: what the workers, the server and anything else that runs from dist/ use.
// 2. esbuild then bundles each command module of src/cli/main.ts, and each worker thread, into one
//    file over its tsc output, dependencies included. Node 20 loads ES modules file by file, and the
//    libraries are made of hundreds of them (zod alone ~80 ms to import, ~30 ms bundled), so a bundle
//    is what brings `parley check` and `parley forecast` within the start-up goals (docs/startup.md).
//    Kept out of the bundles: commander and src/cli/errors.ts (main.ts and the command share them:
//    one Command class, one CliError), native, WebAssembly and optional modules (better-sqlite3, pg, @node-rs/argon2, highs, pg-boss), and tools
//    loaded on demand (vite, tsx, esbuild).
//
// Source files that locate things from their own location (`import.meta.url`: package.json, the
// worker files, the web build) are given the URL of their dist/ file, so that every relative path
// resolves from a bundle as it does from the file-for-file output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// esbuild is tsx's own dependency (tsx is one of parley's), so it is there wherever tsx is.
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');

const toPosix = (p) => p.split(sep).join('/');
/** The dist/ file tsc wrote for a source file. */
const distFileOf = (file) => join(dist, relative(src, file)).replace(/\.ts$/, '.js');
const errorsModule = join(src, 'cli/errors.ts');

/** The esbuild plugin for bundles written to `outdir`: see the header. */
const parleyPlugin = (outdir) => ({
  name: 'parley',
  setup(build) {
    build.onResolve({ filter: /errors\.ts$/ }, (args) => {
      if (args.importer && resolve(dirname(args.importer), args.path) === errorsModule) {
        return { path: toPosix(relative(outdir, distFileOf(errorsModule))).replace(/^(?!\.)/, './'), external: true };
      }
      return undefined;
    });
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(src + sep)) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      if (contents.includes('import.meta.url')) {
        const rel = toPosix(relative(outdir, distFileOf(args.path)));
        contents = contents.split('import.meta.url').join(`new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts' };
    });
  },
});

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Class names stay as written: the CLI tells user errors from bugs by class name (src/cli/errors.ts).
  keepNames: true,
  external: ['commander', 'better-sqlite3', 'pg', 'pg-native', 'vite', 'tsx', 'tsx/*', 'esbuild', '@node-rs/argon2', 'highs', 'pg-boss'],
  // Libraries written as CommonJS call require(); an ES module bundle gets one from createRequire.
  banner: { js: "import { createRequire as __parleyCreateRequire } from 'node:module'; const require = __parleyCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  allowOverwrite: true,
};

// The command modules, as src/cli/main.ts lists them.
const mainSource = readFileSync(join(src, 'cli/main.ts'), 'utf8');
const commandFiles = [...new Set([...mainSource.matchAll(/import\('\.\/commands\/([\w-]+)\.ts'\)/g)].map((m) => join(src, 'cli/commands', `${m[1]}.ts`)))];
if (!commandFiles.length) throw new Error('scripts/build.mjs: found no command modules in src/cli/main.ts');

const builds = [{ entryPoints: commandFiles, outdir: join(dist, 'cli/commands'), splitting: true, chunkNames: '[name]-[hash]' }];
for (const worker of ['analysis/montecarlo-worker.ts', 'engines/smp/worker.ts', 'server/offload-worker.ts']) {
  builds.push({ entryPoints: [join(src, worker)], outdir: dirname(distFileOf(join(src, worker))) });
}
await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b, plugins: [parleyPlugin(b.outdir)] })));
