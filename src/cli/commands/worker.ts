/**
 * `parley worker --db postgres://… [--concurrency N]`: runs the queued jobs' chunks (docs/jobs.md) on
 * any machine that reaches the database, until SIGTERM or SIGINT; the chunks being computed then are
 * finished and stored first. One JSON line per event on stderr.
 */
import { Option, type Command } from 'commander';
import { CliError } from '../errors.ts';
import { parseCount } from '../options.ts';
import { dbOption } from './serve.ts';
import { redact } from '../options.ts';
import { createStore, isPostgresUrl } from '../../store/index.ts';
import { createLogger, parseLogFormat, queueEventLog } from '../../server/log.ts';

interface WorkerOptions {
  db: string;
  concurrency: number;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('run the queued jobs of a PostgreSQL database (Monte Carlo chunks), until SIGTERM or Ctrl-C; any number of workers on any machines give the same results')
    .addOption(dbOption())
    .addOption(new Option('--concurrency <n>', 'chunks computed at a time (more than 1: one worker thread each)').argParser(parseCount).env('PARLEY_WORKER_CONCURRENCY').default(1))
    .action(async (opts: WorkerOptions) => {
      if (!isPostgresUrl(opts.db)) throw new CliError(`error: --db: parley worker needs a PostgreSQL database (postgres://…, or PARLEY_DB), got ${redact(opts.db)}; on SQLite \`parley serve\` runs its own jobs`, 2);
      if (opts.concurrency < 1 || opts.concurrency > 64) throw new CliError(`error: --concurrency: expected 1 to 64, got ${opts.concurrency}`, 2);
      // The server's log shape (src/server/log.ts): the queue's lines are `"event":"job"` with their `step`, as
      // the server's own; the worker's are `"event":"worker"`. JSON unless PARLEY_LOG=text.
      const logger = createLogger({ format: parseLogFormat(process.env.PARLEY_LOG) ?? 'json' });
      const queueLine = queueEventLog(logger);
      const line = ({ event, ...fields }: { event: string } & Record<string, string | number | boolean | null>) =>
        logger.event('worker', { step: event, ...fields, ...(/fail|error/.test(event) ? { level: 'error' } : {}) });
      let store;
      try {
        store = await createStore(opts.db);
      } catch (e) {
        throw new CliError(`error: cannot open the database ${redact(opts.db)}: ${e instanceof Error ? e.message : String(e)}`, 1);
      }
      // Loaded after the store: the engines and the queue are not needed to report a bad --db.
      const { durableJobManager } = await import('../../server/durable-simulate.ts');
      let queue;
      try {
        queue = durableJobManager(
          store,
          (job) => line({ event: 'job-failed', job: job.id, kind: job.kind, error: job.error ?? null }),
          true,
          // PARLEY_CHUNK_EXPIRE_SECONDS and PARLEY_QUEUE_MAINTENANCE_SECONDS tune the retry of a dead worker's chunk.
          { concurrency: opts.concurrency, log: queueLine },
        );
      } catch (e) {
        await store.close();
        if (e instanceof RangeError) throw new CliError(`error: ${e.message}`, 2);
        throw e;
      }
      try {
        await queue.resume();
      } catch (e) {
        await queue.shutdown().catch(() => {});
        await store.close();
        throw new CliError(`error: cannot start the job queue on ${redact(opts.db)}: ${e instanceof Error ? e.message : String(e)}`, 1);
      }
      line({ event: 'ready', database: redact(opts.db), concurrency: opts.concurrency, pid: process.pid });
      const signal = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      line({ event: 'stopping', signal });
      // A second signal does not wait for the chunks being computed (pg-boss hands them to another worker).
      const now = () => process.exit(130);
      process.once('SIGINT', now);
      process.once('SIGTERM', now);
      await queue.shutdown();
      await store.close();
      line({ event: 'stopped' });
    });
}
