/** `parley db migrate|list|import|export`: the workbench database from the command line. */
import { Option, type Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { importFile } from '../../formats/index.ts';
import { createStore, migrate } from '../../store/index.ts';
import { CliError } from '../errors.ts';
import { withStore } from '../with-store.ts';
import { parseCount } from '../options.ts';
import { dbOption } from './serve.ts';
import { redact } from '../options.ts';

export function register(program: Command): void {
  const db = program.command('db').description('the workbench database (SQLite file or PostgreSQL)');
  db.command('migrate')
    .description('create the database or bring its schema up to date')
    .addOption(dbOption())
    .action((opts: { db: string }) =>
      withStore(opts.db, async (store) => {
        // createStore has migrated already; a second pass reports that nothing is pending.
        const ran = await migrate(store.db);
        process.stdout.write(`${redact(opts.db)}: schema up to date${ran.length ? ` (ran ${ran.join(', ')})` : ''}\n`);
      }),
    );
  db.command('list')
    .description('list the stored cases')
    .addOption(dbOption())
    .action((opts: { db: string }) =>
      withStore(opts.db, async (store) => {
        for (let offset = 0; ; offset += 500) {
          const page = await store.listCases({ offset, limit: 500 });
          for (const c of page.items) process.stdout.write(`${c.id}\trevision ${c.revision}\t${c.updatedAt}\t${c.title}\n`);
          if (offset + 500 >= page.total) break;
        }
      }),
    );
  db.command('import')
    .description('store a case file (or any importable format) as a new case, or as a new revision of it with --update')
    .argument('<file>', 'case file or importable format')
    .addOption(dbOption())
    .option('--input-format <name>', 'importer name (default: detected)')
    .option('--update', 'when the case exists, store the file as its next revision')
    .option('--author <name>', 'who made the change', process.env.USER ?? 'cli')
    .option('-m, --message <text>', 'what changed')
    .action((file: string, opts: { db: string; inputFormat?: string; update?: boolean; author: string; message?: string }) =>
      withStore(opts.db, async (store) => {
        const c = await importFile(file, opts.inputFormat);
        const info = { author: opts.author, message: opts.message ?? `imported ${file}` };
        const res = opts.update && (await store.hasCase(c.id)) ? await store.updateCase(c.id, c, info) : await store.createCase(c, info);
        process.stdout.write(`stored case "${res.id}" revision ${res.revision}\n`);
      }),
    );
  db.command('export')
    .description('print a stored case (latest revision unless --revision)')
    .argument('<id>', 'case id')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .addOption(new Option('--revision <n>', 'a revision number').argParser(parseCount))
    .action((id: string, opts: { db: string; format: 'yaml' | 'json'; revision?: number }) =>
      withStore(opts.db, async (store) => {
        const { case: c } = await store.getCase(id, opts.revision !== undefined ? { revision: opts.revision } : {});
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : toYaml(c, { lineWidth: 0 }));
      }),
    );
  db.command('revisions')
    .description('the revision history of a stored case')
    .argument('<id>', 'case id')
    .addOption(dbOption())
    .action((id: string, opts: { db: string }) =>
      withStore(opts.db, async (store) => {
        for (const r of await store.listRevisions(id)) process.stdout.write(`${r.revision}\t${r.createdAt}\t${r.author}\t${r.message}\n`);
      }),
    );
}
