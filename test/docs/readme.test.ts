/**
 * The README stays a page, and the docs stay whole: README.md under 25 KB; every relative link in
 * README.md and docs/ reaches a file that exists (and, where it names a heading, that heading);
 * every top-level command appears in README's commands table and has its section in docs/cli.md;
 * docs/README.md lists every file in docs/; every dependency has its reason in docs/architecture.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/reference.ts';
import { anchors, isExternal, links, tableAfterHeading } from './markdown.ts';

const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');
const docsDir = join(projectRoot, 'docs');
const docFiles = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const markdownFiles = ['README.md', ...docFiles];

/**
 * The top-level command names, read from the command table in src/cli/main.ts (`{ name: 'check', … }`
 * entries; the modules it imports, `./commands/<name>.ts`, when it has no such table).
 */
function commandNamesFromSource(): string[] {
  const src = read('src/cli/main.ts');
  const named = [...src.matchAll(/\{\s*name:\s*['"]([a-z][a-z0-9-]*)['"]/g)].map((m) => m[1]);
  if (named.length > 0) return named;
  return [...src.matchAll(/import\(\s*['"]\.\/commands\/([a-z][a-z0-9-]*)\.(?:ts|js)['"]\s*\)/g)].map((m) => m[1]);
}

/** The command names `parley --help` lists (commander's "Commands:" block, without `help`). */
function commandNamesFromHelp(): string[] {
  const r = spawnSync(process.execPath, [join(projectRoot, 'bin/parley.js'), '--help'], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const block = r.stdout.split(/^Commands:\s*$/m)[1] ?? '';
  return block
    .split('\n')
    .map((l) => /^ {2}([a-z][a-z0-9-]*)\b/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined && n !== 'help');
}

describe('markdown helpers', () => {
  it('read links outside code only, and anchors as GitHub makes them', () => {
    const text = [
      '# Exchange model (`bench/exchange.ts`)',
      'See [a](docs/a.md#x) and ![pic](images/p.png "t"), <https://example.org>, not `[b](b.md)`.',
      '```sh',
      '# not a heading [c](c.md)',
      '```',
      '## DEU III: what `parley backtest` prints',
      '## Notes',
      '## Notes',
      '### `parley forecast <input...>` and <b>[more](x.md)</b>',
      '[ref]: ../other.md',
    ].join('\n');
    expect(links(text).map((l) => l.target)).toEqual(['docs/a.md#x', 'images/p.png', 'https://example.org', 'x.md', '../other.md']);
    expect([...anchors(text)]).toEqual(['exchange-model-benchexchangets', 'deu-iii-what-parley-backtest-prints', 'notes', 'notes-1', 'parley-forecast-input-and-more']);
  });

  it('read a table under its heading, escaped pipes kept in the cell', () => {
    const text = '## Commands\n\n| command | what |\n|---|---|\n| `parley a <x\\|y>` | one |\n| `parley b` | two |\n\nafter\n';
    expect(tableAfterHeading(text, 'Commands')).toEqual([
      ['`parley a <x\\|y>`', 'one'],
      ['`parley b`', 'two'],
    ]);
  });
});

describe('README.md', () => {
  it('is under 25 KB', () => {
    const bytes = statSync(join(projectRoot, 'README.md')).size;
    expect(bytes).toBeGreaterThan(2_000); // a README, not an empty file
    expect(bytes).toBeLessThan(25 * 1024);
  });

  it('starts with the two set-up commands: the workbench and the tests', () => {
    const readme = read('README.md');
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock.trim().split('\n').map((l) => l.split('#')[0].trim())).toEqual(['npm ci && npm start', 'npm ci && npm test']);
    // Those scripts exist, and start serves the workbench.
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/\bserve\b/);
    expect(scripts.test).toBeTruthy();
  });

  it('shows the dashboard picture, and the picture is small', () => {
    const images = links(read('README.md')).filter((l) => /\.png$/.test(l.target));
    expect(images.map((l) => l.target)).toContain('docs/images/dashboard.png');
    for (const f of readdirSync(join(docsDir, 'images')).filter((f) => f.endsWith('.png'))) {
      const bytes = readFileSync(join(docsDir, 'images', f));
      expect(bytes.subarray(1, 4).toString('latin1'), f).toBe('PNG');
      expect(bytes.length, f).toBeLessThan(300 * 1024);
    }
  });
});

describe('links in README.md and docs/', () => {
  it.each(markdownFiles)('every relative link in %s reaches a file (and heading) that exists', (file) => {
    const text = read(file);
    const problems: string[] = [];
    for (const { line, target } of links(text)) {
      if (isExternal(target)) continue;
      const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
      const path = decodeURIComponent(pathPart.split('?')[0]);
      const abs = path === '' ? join(projectRoot, file) : resolve(dirname(join(projectRoot, file)), path);
      if (!abs.startsWith(projectRoot)) {
        problems.push(`${file}:${line}: ${target} leaves the repository`);
        continue;
      }
      if (!existsSync(abs)) {
        problems.push(`${file}:${line}: ${target}: no file ${relative(projectRoot, abs)}`);
        continue;
      }
      if (anchor && abs.endsWith('.md') && !anchors(readFileSync(abs, 'utf8')).has(anchor.toLowerCase())) {
        problems.push(`${file}:${line}: ${target}: no heading #${anchor} in ${relative(projectRoot, abs)}`);
      }
    }
    // One line per broken link, so the failure names each.
    expect(problems.join('\n')).toBe('');
  });

  it('docs/README.md lists every file in docs/', () => {
    const listed = new Set(links(read('docs/README.md')).map((l) => l.target.split('#')[0]));
    const missing = docFiles.map((f) => f.slice('docs/'.length)).filter((f) => f !== 'README.md' && !listed.has(f));
    expect(missing).toEqual([]);
  });
});

describe('commands', () => {
  const names = commandNamesFromSource();

  it('the command list read from src/cli/main.ts is the one parley --help prints', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(commandNamesFromHelp()).toEqual(names);
  }, 60_000);

  it("every command has one line in README's commands table", () => {
    const rows = tableAfterHeading(read('README.md'), 'Commands');
    const inTable = rows.map((cells) => /^`parley ([a-z][a-z0-9-]*)/.exec(cells[0])?.[1]);
    expect(inTable.filter((n) => n !== undefined)).toEqual(names);
  });

  it('every command has its section in docs/cli.md', () => {
    const cli = read('docs/cli.md');
    const sections = [...cli.matchAll(/^###\s+`parley ([a-z][a-z0-9-]*)/gm)].map((m) => m[1]);
    expect(sections).toEqual(names);
  });
});

describe('docs/architecture.md', () => {
  it('names every dependency of package.json, with its reason', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const arch = read('docs/architecture.md');
    const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
    expect(deps.length).toBeGreaterThan(10);
    expect(deps.filter((d) => !arch.includes(`\`${d}\``))).toEqual([]);
  });
});
