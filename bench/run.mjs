#!/usr/bin/env node
// `npm run bench` lists the benchmarks in bench/ with the first line of each one's description;
// `npm run bench -- <name> [options]` runs bench/<name>.ts through tsx with those options (each
// benchmark documents its own in its header), e.g. `npm run bench -- startup --runs 9`.
// The benchmarks are not run all at once: several take minutes and some need ../shared/reference.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const [name, ...args] = process.argv.slice(2);

if (!name || name === '--help' || name === '-h') {
  const summary = (n) => {
    // The header comment's first sentence, up to its first period or colon.
    const text = readFileSync(`${dir}${n}.ts`, 'utf8').match(/^\/\*\*([\s\S]*?)\*\//)?.[1] ?? '';
    const flat = text.replace(/^\s*\* ?/gm, ' ').replace(/\s+/g, ' ').trim();
    return flat.split(/(?<=[.:])\s/)[0].replace(/[.:]$/, '');
  };
  const width = Math.max(...names.map((n) => n.length));
  process.stdout.write(`usage: npm run bench -- <name> [options]\n\n${names.map((n) => `  ${n.padEnd(width)}  ${summary(n)}`).join('\n')}\n`);
  process.exit(0);
}
if (!names.includes(name)) {
  process.stderr.write(`npm run bench: no benchmark "${name}" (known: ${names.join(', ')})\n`);
  process.exit(2);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.ts`, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
