/**
 * The Dockerfile, compose.yaml and .env.example checked against the code, statically (no Docker on
 * the machines that run the tests): every variable they set is one parley reads, every command and
 * option they run exists, the ports and the health check path are the server's, the image runs as
 * a user other than root, the native modules are built in the image, and the runtime imports only
 * production dependencies.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram, commands } from '../../src/cli/main.ts';
import { DEFAULT_PORT, projectRoot } from '../../src/server/index.ts';
import { createApp } from '../../src/server/app.ts';
import { createStore } from '../../src/store/index.ts';
import { DEFAULT_RATE_LIMIT } from '../../src/server/security.ts';

const root = projectRoot;
const read = (f: string) => readFileSync(join(root, f), 'utf8');

// ---- the Dockerfile, as instructions (continuation lines joined, comments dropped)
interface Instruction {
  op: string;
  args: string;
  stage: number;
}
function dockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let stage = -1;
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue; // a comment inside a continued instruction
    pending += (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) continue;
    const m = /^(\w+)\s+(.*)$/s.exec(pending);
    pending = '';
    if (!m) continue;
    const op = m[1].toUpperCase();
    if (op === 'FROM') stage++;
    out.push({ op, args: m[2], stage });
  }
  return out;
}
const jsonArgs = (args: string): string[] => JSON.parse(args) as string[];

/** Every PARLEY_* variable the code reads (`.env('PARLEY_X')`, `process.env.PARLEY_X`, `env.PARLEY_X`). */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mjs|js)$/.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/\.env\('(PARLEY_[A-Z_]+)'\)|env\??\.(PARLEY_[A-Z_]+)|env\[['"](PARLEY_[A-Z_]+)['"]\]/g)) names.add(m[1] ?? m[2] ?? m[3]);
      }
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'bin'));
  return names;
}

/** The long options a command accepts (with `--no-x` for negatable ones), from the CLI itself. */
async function optionsOf(command: string): Promise<Set<string>> {
  const program = await buildProgram(['node', 'parley', command]);
  const cmd = program.commands.find((c) => c.name() === command);
  if (!cmd) throw new Error(`no command ${command}`);
  return new Set(cmd.options.map((o) => o.long!).concat('--help'));
}

/** A command line `[cmd, --opt, value, …]` checked against the CLI: the command exists, every option is its own. */
async function expectValidCommand(argv: string[], where: string) {
  const [name, ...rest] = argv;
  expect(commands.map((c) => c.name), `${where}: parley ${name} is not a command of src/cli/main.ts`).toContain(name);
  const known = await optionsOf(name);
  for (const arg of rest.filter((a) => a.startsWith('--'))) expect([...known], `${where}: ${name} has no option ${arg}`).toContain(arg.split('=')[0]);
}

const instructions = dockerfile(read('Dockerfile'));
const stages = Math.max(...instructions.map((i) => i.stage)) + 1;
const runtime = instructions.filter((i) => i.stage === stages - 1);
const args = Object.fromEntries(instructions.filter((i) => i.op === 'ARG' && i.stage === -1).map((i) => i.args.split('=') as [string, string]));
const baseOf = (i: Instruction) => i.args.split(/\s+/)[0].replace(/\$\{(\w+)\}/g, (_, v: string) => args[v] ?? '');

const compose = parse(read('compose.yaml'), { merge: true }) as any;

describe('Dockerfile', () => {
  it('is multi-stage on one Node 20 slim base, and the runtime stage copies the built files from the others', () => {
    expect(stages).toBeGreaterThanOrEqual(3);
    const froms = instructions.filter((i) => i.op === 'FROM');
    const images = new Set(froms.map(baseOf).filter((b) => !froms.some((f) => f.args.split(/\s+AS\s+/i)[1] === b)));
    expect([...images]).toEqual(['node:20-bookworm-slim']);
    const copies = runtime.filter((i) => i.op === 'COPY');
    // From the context: what bin/parley.js and the first start read (package.json: the version; examples/: imported into an empty database).
    expect(copies.filter((c) => !c.args.startsWith('--from=')).map((c) => c.args)).toEqual(['package.json package-lock.json ./', 'bin ./bin', 'examples ./examples']);
    expect(copies.filter((c) => c.args.startsWith('--from=')).map((c) => c.args.split(/\s+/).slice(1, 2)[0])).toEqual(['/app/node_modules', '/app/dist', '/app/web/dist']);
    // No compiler or dev dependency in the runtime: it installs nothing.
    expect(runtime.filter((i) => i.op === 'RUN').map((i) => i.args)).toEqual(['mkdir -p /data && chown node:node /data']);
  });

  it('runs as the unprivileged node user, not root', () => {
    const users = runtime.filter((i) => i.op === 'USER').map((i) => i.args.trim());
    expect(users).toEqual(['node']);
    expect(users.some((u) => u === 'root' || u.split(':')[0] === '0')).toBe(false);
    // The USER comes before the entrypoint runs anything (nothing after it switches back).
    expect(runtime.findIndex((i) => i.op === 'USER')).toBeLessThan(runtime.findIndex((i) => i.op === 'ENTRYPOINT'));
  });

  it('builds dist/ and the dashboard with the scripts of package.json, and every native module of the lockfile', () => {
    const pkg = JSON.parse(read('package.json'));
    const runs = instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    for (const script of ['build', 'build:web']) {
      expect(pkg.scripts[script], script).toBeDefined();
      expect(runs.some((r) => r.includes(`npm run ${script}`)), script).toBe(true);
    }
    expect(runs.some((r) => /npm ci --omit=dev\b/.test(r))).toBe(true);
    // Installs run with --ignore-scripts; each package with an install script is rebuilt by name.
    const lock = JSON.parse(read('package-lock.json'));
    const withScripts = Object.entries<any>(lock.packages)
      .filter(([p, info]) => p && info.hasInstallScript)
      .map(([p, info]) => ({ name: p.replace(/^.*node_modules\//, ''), dev: info.dev === true }));
    expect(withScripts.map((w) => w.name).sort()).toEqual(['better-sqlite3', 'esbuild']);
    const rebuilt = (stage: string) => {
      const at = instructions.find((i) => i.op === 'FROM' && new RegExp(`AS\\s+${stage}$`, 'i').test(i.args))!.stage;
      return instructions.filter((i) => i.stage === at && i.op === 'RUN').flatMap((i) => [...i.args.matchAll(/npm rebuild ([\w@/. -]+?)(?:&&|$)/g)].flatMap((m) => m[1].trim().split(/\s+/)));
    };
    expect(rebuilt('build').sort()).toEqual(withScripts.map((w) => w.name).sort());
    expect(rebuilt('prod-deps')).toEqual(withScripts.filter((w) => !w.dev).map((w) => w.name));
  });

  it('copies only paths that exist and that .dockerignore lets into the context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    const sources = instructions.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from=')).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThanOrEqual(8);
    for (const s of sources) {
      expect(existsSync(join(root, s)), s).toBe(true);
      expect(ignored.filter((g) => s === g || s.startsWith(`${g}/`)), s).toEqual([]);
    }
    // What must never reach the context.
    for (const secret of ['.env', '.git', 'node_modules', '*.db']) expect(ignored).toContain(secret);
  });

  it('sets only variables parley reads, exposes the default port, and checks /api/ready there', () => {
    const known = variablesRead();
    const env = runtime.filter((i) => i.op === 'ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=/g)].map((m) => m[1]));
    expect(env.sort()).toEqual(['PARLEY_DB', 'PARLEY_LOG']);
    for (const v of env) expect([...known], v).toContain(v);
    expect(runtime.filter((i) => i.op === 'EXPOSE').map((i) => i.args)).toEqual([String(DEFAULT_PORT)]);
    const check = runtime.find((i) => i.op === 'HEALTHCHECK')!.args;
    expect(check).toMatch(/^--interval=\d+s --timeout=\d+s --start-period=\d+s --retries=\d+ CMD \[/);
    const cmd = jsonArgs(check.slice(check.indexOf('CMD ') + 4));
    expect(cmd.slice(0, 2)).toEqual(['node', '-e']);
    expect(cmd[2]).toContain(`'http://127.0.0.1:' + (process.env.PARLEY_PORT || ${DEFAULT_PORT}) + '/api/ready'`);
  });

  it('enters through bin/parley.js, whose default command serves beyond loopback with options serve has', async () => {
    expect(jsonArgs(runtime.find((i) => i.op === 'ENTRYPOINT')!.args)).toEqual(['node', 'bin/parley.js']);
    expect(existsSync(join(root, 'bin/parley.js'))).toBe(true);
    const cmd = jsonArgs(runtime.find((i) => i.op === 'CMD')!.args);
    expect(cmd).toEqual(['serve', '--host', '0.0.0.0']);
    await expectValidCommand(cmd, 'Dockerfile CMD');
  });

  it('the runtime imports only production dependencies (dev ones are not in the image)', () => {
    const pkg = JSON.parse(read('package.json'));
    const prod = new Set(Object.keys(pkg.dependencies));
    const builtins = new Set(builtinModules);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) {
          const text = readFileSync(p, 'utf8');
          const specs = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;'"]*?from\s+'([^']+)'/gm), ...text.matchAll(/\bimport\('([^']+)'\)/g)].map((m) => m[1]);
          for (const s of specs) {
            if (s.startsWith('.') || s.startsWith('node:')) continue;
            const name = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0];
            if (builtins.has(name) || prod.has(name)) continue;
            // vite only builds the dashboard on demand (`parley serve --build`); the image has web/dist built.
            if (name === 'vite' && relative(root, p) === join('src', 'server', 'build.ts')) continue;
            offenders.push(`${relative(root, p)}: ${s}`);
          }
        }
      }
    };
    walk(join(root, 'src'));
    expect(offenders).toEqual([]);
    // tsx is what bin/parley.js falls back to: it must be a production dependency.
    expect(prod.has('tsx')).toBe(true);
    expect(statSync(join(root, 'src')).isDirectory()).toBe(true);
  });
});

describe('compose.yaml', () => {
  const services = compose.services;

  it('has PostgreSQL with a health check and a volume, the server, and the workers', () => {
    expect(Object.keys(services).sort()).toEqual(['db', 'server', 'worker']);
    expect(services.db.image).toMatch(/^postgres:1[5-9]/);
    expect(services.db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.db.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(Object.keys(compose.volumes)).toEqual(['pgdata']);
  });

  it('runs the server with --no-worker beyond loopback, on the port the image exposes, after PostgreSQL is healthy', async () => {
    const s = services.server;
    expect(s.command).toEqual(['serve', '--host', '0.0.0.0', '--no-worker']);
    await expectValidCommand(s.command, 'compose server');
    expect(s.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(s.ports).toHaveLength(1);
    expect(s.ports[0]).toMatch(new RegExp(`:${DEFAULT_PORT}$`));
    expect(s.image).toBe(services.worker.image);
  });

  it('runs the workers with parley worker, ${PARLEY_WORKERS:-2} of them, no HTTP health check, once the server is ready', async () => {
    const w = services.worker;
    expect(w.command).toEqual(['worker']);
    await expectValidCommand(w.command, 'compose worker');
    expect(w.deploy.replicas).toBe('${PARLEY_WORKERS:-2}');
    expect(w.healthcheck).toEqual({ disable: true });
    expect(w.depends_on).toEqual({ db: { condition: 'service_healthy' }, server: { condition: 'service_healthy' } });
    expect(w.ports).toBeUndefined();
  });

  it('gives the containers only variables parley reads, and the database URL names the db service', () => {
    const known = variablesRead();
    for (const name of ['server', 'worker']) {
      const env = services[name].environment as Record<string, string>;
      for (const v of Object.keys(env)) expect([...known], `${name}: ${v}`).toContain(v);
      expect(env.PARLEY_DB).toBe('postgres://${POSTGRES_USER:-parley}:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env (see .env.example)}@db:5432/${POSTGRES_DB:-parley}');
      expect(env.PARLEY_LOG).toBe('${PARLEY_LOG:-json}');
    }
    expect(Object.keys(services.server.environment).sort()).toEqual(['PARLEY_DB', 'PARLEY_LOG', 'PARLEY_PUBLIC_NAMES', 'PARLEY_RATE_LIMIT', 'PARLEY_TOKEN']);
    // The server's default rate limit, as `parley serve` has it, in compose.yaml and .env.example.
    expect(services.server.environment.PARLEY_RATE_LIMIT).toBe(`\${PARLEY_RATE_LIMIT:-${DEFAULT_RATE_LIMIT}}`);
    expect(read('.env.example')).toMatch(new RegExp(`^PARLEY_RATE_LIMIT=${DEFAULT_RATE_LIMIT}$`, 'm'));
  });

  it('.env.example names every variable compose.yaml takes from the environment, and nothing else', () => {
    const used = new Set([...read('compose.yaml').matchAll(/\$\{(\w+)(?::?[-?][^}]*)?\}/g)].map((m) => m[1]));
    const example = read('.env.example').split('\n').filter((l) => /^\w+=/.test(l)).map((l) => l.split('=')[0]);
    expect(example.sort()).toEqual([...used].sort());
    // No secret is filled in.
    for (const secret of ['POSTGRES_PASSWORD', 'PARLEY_TOKEN']) expect(read('.env.example')).toMatch(new RegExp(`^${secret}=$`, 'm'));
  });
});

describe('/api/ready as the image uses it', () => {
  it('answers without identity on a server that has a token', async () => {
    const store = await createStore(':memory:');
    try {
      const { app } = createApp({ store, token: 't0k3n-for-the-test', listenHost: '0.0.0.0' });
      const r = await app.request(`http://127.0.0.1:${DEFAULT_PORT}/api/ready`);
      expect(r.status).toBe(200);
    } finally {
      await store.close();
    }
  });
});
