/**
 * The CLI's start-up contract (issue 12): bin/parley.js runs the compiled dist/; `parley --help`
 * imports no command module and `parley <cmd>` only that command's; a usage mistake prints one line
 * and a hint; only the project's own error classes are the user's fault, anything else is an
 * internal error (exit 3, with its stack).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { USER_ERROR_CLASSES, userErrorExitCode } from '../../src/cli/errors.ts';
import { commands } from '../../src/cli/main.ts';
import { projectRoot } from '../../src/server/index.ts';
import { runCli } from './run.ts';

const bin = join(projectRoot, 'bin/parley.js');
/** Run bin/parley.js, refusing to fall back to the sources (so that it is dist/ that runs). */
const parley = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PARLEY_REQUIRE_DIST: '1' } });

describe('bin/parley.js from the compiled dist/', () => {
  beforeAll(() => {
    // `npm test` builds first (scripts/run-tests.mjs); when this file runs alone on edited sources, build here.
    if (parley('--version').status !== 0) {
      const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: projectRoot, encoding: 'utf8' });
      expect(build.status, build.stdout + build.stderr).toBe(0);
    }
  });

  it('--version prints the version of package.json', () => {
    const r = parley('--version');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version);
  });

  it('--help lists every command with its summary, in the order of the list', () => {
    const r = parley('--help');
    expect(r.status).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z][a-z-]*)(?: \S+)* {2,}/gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(listed).toEqual(commands.map((c) => c.name));
    expect(r.stdout).toContain(`check ${' '.repeat(10)}${commands[0].summary}`);
  });

  it('runs a command and its help; a missing argument is one line and a hint, exit 2', () => {
    const ok = parley('check', join(projectRoot, 'examples/tutorial.yaml'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/tutorial\.yaml: ok \(\d+ actors/);
    expect(parley('check', '--help').stdout).toContain('Usage: parley check [options] <case...>');
    const bad = parley('check');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("error: missing required argument 'case'\n(run parley check --help)\n");
  });

  it('tells when dist/ is missing or older than src/ (PARLEY_REQUIRE_DIST=1 makes it an error), and runs a fresh one', () => {
    // A copy of bin/parley.js in a project of its own: src/a.ts, and dist/ absent, stale, then fresh.
    const root = mkdtempSync(join(tmpdir(), 'parley-bin-'));
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'src'));
    copyFileSync(bin, join(root, 'bin/parley.js'));
    writeFileSync(join(root, 'src/a.ts'), 'export {};\n');
    const run = () => spawnSync(process.execPath, [join(root, 'bin/parley.js')], { encoding: 'utf8', env: { ...process.env, PARLEY_REQUIRE_DIST: '1' } });
    let r = run();
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('parley: dist/ is not built: run npm run build\n');
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    writeFileSync(join(root, 'dist/cli/main.js'), "export const main = async () => { process.stdout.write('dist ran\\n'); return 0; };\n");
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'dist/cli/main.js'), past, past);
    r = run();
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('parley: src/a.ts is newer than dist/: run npm run build\n');
    utimesSync(join(root, 'src/a.ts'), new Date(past.getTime() - 60_000), new Date(past.getTime() - 60_000));
    r = run();
    expect(r).toMatchObject({ status: 0, stdout: 'dist ran\n', stderr: '' });
  });
});

describe('lazy commands', () => {
  const loads = commands.map((c) => c.load);
  const loaded: string[] = [];
  beforeAll(() => {
    for (const [i, c] of commands.entries()) {
      (c as { load: typeof c.load }).load = () => {
        loaded.push(c.name);
        return loads[i]();
      };
    }
  });
  afterEach(() => {
    loaded.length = 0;
  });

  it('parley --help and --version import no command module', async () => {
    expect((await runCli('--help')).code).toBe(0);
    expect((await runCli('--version')).code).toBe(0);
    expect(loaded).toEqual([]);
  });

  it('parley <cmd> and parley help <cmd> import that command alone', async () => {
    const r = await runCli('help', 'zopa');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: parley zopa');
    expect((await runCli('schema', '--help')).code).toBe(0);
    expect(loaded).toEqual(['zopa', 'schema']);
  });

  it('an unknown command is a usage error with a suggestion, importing nothing', async () => {
    const r = await runCli('chek');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'chek'\n(Did you mean check?)\n(run parley --help)\n");
    expect(loaded).toEqual([]);
  });

  it('every module registers the command its entry names', async () => {
    for (const [i, c] of commands.entries()) {
      const program = new Command('parley');
      (await loads[i]()).register(program);
      expect(program.commands.map((cmd) => cmd.name())).toEqual([c.name]);
    }
  });

  it('a subcommand missing an argument gets the hint with its own path', async () => {
    const r = await runCli('db', 'import');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: missing required argument 'file'\n(run parley db import --help)\n");
  });
});

describe('user errors and internal errors', () => {
  /** Run `parley boom` where the command's action throws `error`. */
  async function throwing(error: unknown) {
    const list = commands as Array<(typeof commands)[number]>;
    list.push({ name: 'boom', summary: 'throws', load: async () => ({ register: (p: Command) => void p.command('boom').action(() => Promise.reject(error)) }) });
    try {
      return await runCli('boom');
    } finally {
      list.pop();
    }
  }

  it('a bug (here a RangeError) is an internal error: exit 3, "internal error" and the stack', async () => {
    const r = await throwing(new RangeError('index 7 out of range'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^parley: internal error/);
    expect(r.stderr).toContain('RangeError: index 7 out of range');
    expect(r.stderr).toMatch(/\n\s+at .+startup\.test\.ts/);
  });

  it('a thrown non-Error is internal too', async () => {
    const r = await throwing('a string');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('internal error');
  });

  it("the project's own error classes are the user's: the message alone, exit 1 or 2", async () => {
    const { UnknownScenarioError } = await import('../../src/case/view.ts');
    const { NotFoundError } = await import('../../src/store/errors.ts');
    const r2 = await throwing(new UnknownScenarioError('unknown scenario "x"'));
    expect(r2).toMatchObject({ code: 2, stderr: 'unknown scenario "x"\n' });
    const r1 = await throwing(new NotFoundError('no case "c"'));
    expect(r1).toMatchObject({ code: 1, stderr: 'no case "c"\n' });
  });

  it('each name in USER_ERROR_CLASSES is a class of src/ that extends Error (so a rename cannot turn a user error into a bug)', async () => {
    const modules: Record<string, string> = {
      CliError: '../../src/cli/errors.ts',
      CaseFileError: '../../src/case/load.ts',
      StoreError: '../../src/store/errors.ts',
      ArticleInputError: '../../src/evidence/input.ts',
      EvidenceNotFoundError: '../../src/evidence/case-file.ts',
      SimulationCancelled: '../../src/analysis/montecarlo.ts',
      UnknownModelError: '../../src/analysis/forecast.ts',
      UnknownScenarioError: '../../src/case/view.ts',
      UnknownDraftError: '../../src/analysis/drafts.ts',
      ServerConfigError: '../../src/server/index.ts',
      ParamError: '../../src/engines/params.ts',
      EntryError: '../../src/record/entry.ts',
      ResolutionError: '../../src/record/resolution.ts',
      QuestionConflict: '../../src/record/question.ts',
      UrlRefusedError: '../../src/net/url-guard.ts',
      LogConfigError: '../../src/server/log.ts',
    };
    expect(Object.keys(USER_ERROR_CLASSES).sort()).toEqual(Object.keys(modules).sort());
    for (const [name, path] of Object.entries(modules)) {
      const cls = ((await import(path)) as Record<string, unknown>)[name] as (new (...args: never[]) => Error) | undefined;
      expect(typeof cls, name).toBe('function');
      expect(cls!.prototype instanceof Error, name).toBe(true);
      // An instance made without running its constructor: some constructors need arguments.
      expect(userErrorExitCode(Object.create(cls!.prototype)), name).toBe(USER_ERROR_CLASSES[name]);
    }
    const { FetchArticleError } = await import('../../src/evidence/fetch.ts');
    expect(userErrorExitCode(new FetchArticleError('x'))).toBe(1); // through its parent ArticleInputError
    expect(userErrorExitCode(new TypeError('x'))).toBeUndefined();
  });
});
