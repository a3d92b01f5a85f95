#!/usr/bin/env node
// Entry point of the `parley` command. It runs the compiled JavaScript in dist/ (built by
// `npm run build`, which `npm ci` runs through `prepare`), so no command pays for compiling
// TypeScript when it starts (docs/startup.md). When dist/ is missing or older than a file in src/
// (a developer editing the sources), it runs the sources through tsx instead, so that what runs is
// always what src/ says; at a terminal it says so on one line. PARLEY_REQUIRE_DIST=1 makes that
// case an error instead (the start-up benchmark and tests use it, to be sure they time dist/).
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A batch of articles runs without V8's inlining (docs/benchmarks.md, "Ingest"): the optimising
// compiler inlines the callees of a hot function into it, and the attribution functions call many;
// for a run of seconds that compile work (on a thread of its own, but CPU all the same) costs more
// than the inlined code saves: 500 articles take 13 % less CPU without it, and no longer by the
// clock (2,000: 15 % less). Only for these commands: the engines' Monte Carlo loops do need inlining.
// Inlining changes how fast code runs, never what it computes (the output is the same byte for byte).
if (process.argv[2] === 'ingest' || process.argv[2] === 'score-ingest') setFlagsFromString('--no-turbo-inlining');

// Output piped into a reader that stops early (`parley … | head`): stop quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const root = fileURLToPath(new URL('../', import.meta.url));

/** Why dist/ cannot be run, or undefined when it is up to date with src/ (about 3 ms for 120 files). */
function staleReason() {
  let built;
  try {
    built = statSync(`${root}dist/cli/main.js`).mtimeMs;
  } catch {
    return 'dist/ is not built';
  }
  let newer;
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an installed copy without sources: dist/ is all there is
    }
    for (const d of entries) {
      if (newer) return;
      const path = `${dir}/${d.name}`;
      if (d.isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(d.name) && statSync(path).mtimeMs > built) newer = path.slice(root.length);
    }
  };
  walk(`${root}src`);
  return newer && `${newer} is newer than dist/`;
}

const reason = staleReason();
let main;
if (reason === undefined) {
  ({ main } = await import('../dist/cli/main.js'));
} else if (process.env.PARLEY_REQUIRE_DIST === '1') {
  process.stderr.write(`parley: ${reason}: run npm run build\n`);
  process.exit(3);
} else {
  if (process.stderr.isTTY) process.stderr.write(`parley: ${reason}; running the sources through tsx (slower to start; npm run build compiles them)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
