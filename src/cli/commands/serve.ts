/**
 * `parley serve`: the workbench — the HTTP API and the dashboard on http://127.0.0.1:4242, over
 * ./parley.db (created, with the example cases, on first start) or PostgreSQL. `npm start` runs it
 * with --build.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CliError } from '../errors.ts';
import { parseCount, redact } from '../options.ts';
import { DEFAULT_PORT, ServerConfigError, startServer } from '../../server/index.ts';
import { DEFAULT_RATE_LIMIT } from '../../server/security.ts';
import { buildDashboard } from '../../server/build.ts';
import { createStore, DEFAULT_DB, SQLITE_SYNCHRONOUS, type SqliteSynchronous } from '../../store/index.ts';
import { envSeconds } from '../../server/durable-simulate.ts';
import { loggerFromEnv } from '../../server/log.ts';

export const dbOption = () =>
  new Option('--db <url>', 'database: a SQLite file or postgres://user:pass@host/db').env('PARLEY_DB').default(DEFAULT_DB);

interface ServeOptions {
  port: number;
  host: string;
  db: string;
  token?: string;
  build?: boolean;
  examples: boolean;
  webRoot?: string;
  publicName: string[];
  rateLimit: number;
  sqliteSynchronous: SqliteSynchronous;
  worker: boolean;
}

/** PARLEY_WORKER=0 (or false, no, off): the same as --no-worker. */
export const workerFromEnv = (env: NodeJS.ProcessEnv = process.env): boolean => !/^(0|false|no|off)$/i.test(env.PARLEY_WORKER ?? '');

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the dashboard (creates the database with the example cases on first start)')
    .addOption(new Option('--port <port>', 'port (0: any free port)').argParser(parseCount).env('PARLEY_PORT').default(DEFAULT_PORT))
    .addOption(new Option('--host <host>', 'interface to listen on; beyond 127.0.0.1 a token or an admin account (parley user add) is required').default('127.0.0.1'))
    .addOption(dbOption())
    .addOption(new Option('--token <token>', 'bearer token that writes must carry').env('PARLEY_TOKEN'))
    .option('--build', 'build the dashboard first when web/dist is missing or older than web/src')
    .option('--no-examples', 'do not import examples/*.yaml into an empty database')
    .option('--web-root <dir>', 'serve the dashboard from this folder instead of web/dist')
    .addOption(
      new Option('--public-name <name>', 'a host name (or name:port) the server is reached by besides its address, e.g. behind a proxy; repeatable (other Host headers are refused)')
        .env('PARLEY_PUBLIC_NAMES')
        .argParser(collectNames)
        .default([]),
    )
    .addOption(new Option('--rate-limit <n>', 'expensive requests (forecasts, analysis, ingest, import) per client per minute; 0: no limit').argParser(parseCount).env('PARLEY_RATE_LIMIT').default(DEFAULT_RATE_LIMIT))
    .addOption(
      new Option('--sqlite-synchronous <mode>', 'SQLite: full (every acknowledged write survives power loss) or normal (faster; the last writes may be lost on power loss)')
        .choices(SQLITE_SYNCHRONOUS)
        .env('PARLEY_SQLITE_SYNCHRONOUS')
        .default('full'),
    )
    .option('--no-worker', 'run no jobs in this process (PostgreSQL: `parley worker` processes run them; env PARLEY_WORKER=0)')
    .action(async (opts: ServeOptions) => {
      // One log for the server's own messages, its requests and its jobs: PARLEY_LOG=json makes every line JSON.
      // (A PARLEY_LOG other than json or text: LogConfigError, exit code 2.)
      const logger = loggerFromEnv();
      const log = (line: string) => logger.info(line);
      if (opts.build) {
        try {
          await buildDashboard(log);
        } catch (e) {
          throw new CliError(`error: ${e instanceof Error ? e.message : String(e)}`, 1);
        }
      }
      let store;
      try {
        store = await createStore(opts.db, { sqliteSynchronous: opts.sqliteSynchronous });
      } catch (e) {
        throw new CliError(`error: cannot open the database ${redact(opts.db)}: ${e instanceof Error ? e.message : String(e)}`, 1);
      }
      try {
        // The PostgreSQL queue's tuning (docs/jobs.md), refused here rather than inside the server.
        for (const name of ['PARLEY_CHUNK_EXPIRE_SECONDS', 'PARLEY_QUEUE_MAINTENANCE_SECONDS']) envSeconds(name);
      } catch (e) {
        await store.close();
        throw new CliError(`error: ${(e as Error).message}`, 2);
      }
      let server;
      try {
        server = await startServer({
          port: opts.port,
          host: opts.host,
          db: store,
          ...(opts.token ? { token: opts.token } : {}),
          ...(opts.webRoot ? { webRoot: opts.webRoot } : {}),
          importExamples: opts.examples,
          publicNames: opts.publicName,
          rateLimit: opts.rateLimit,
          runJobs: opts.worker && workerFromEnv(),
          log,
          logger,
        });
      } catch (e) {
        await store.close();
        if (e instanceof ServerConfigError) throw new CliError(`error: ${e.message}`, 2);
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new CliError(`error: port ${opts.port} on ${opts.host} is in use (choose another with --port)`, 1);
        if (code === 'EADDRNOTAVAIL' || code === 'EACCES') throw new CliError(`error: cannot listen on ${opts.host}:${opts.port} (${code})`, 1);
        throw e;
      }
      process.stdout.write(`parley is serving the dashboard and API on ${server.url}/ (database: ${redact(opts.db)}; Ctrl-C stops)\n`);
      logger.event('listening', { url: server.url, database: redact(opts.db), runsJobs: opts.worker && workerFromEnv() });
      if (!(opts.worker && workerFromEnv())) log(store.kind === 'postgres' ? 'jobs are queued for `parley worker` processes (this server runs none)' : 'warning: --no-worker on SQLite: jobs are stored but nothing runs them (parley worker needs PostgreSQL)');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      log('stopping …');
      await server.close();
      await store.close();
    });
}

/** `--public-name` repeated, or PARLEY_PUBLIC_NAMES comma-separated: each name once, lower case. */
function collectNames(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
  for (const n of names) if (!/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(n)) throw new InvalidArgumentError(`expected a host name such as parley.example.org (or name:port), got "${n}"`);
  return [...new Set([...previous, ...names])];
}

/** A database URL without its password, for messages. */
