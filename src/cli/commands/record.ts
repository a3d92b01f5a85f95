/**
 * `parley record <case> --question ID --by DATE`: forecast the case (agreement probability and each
 * model's predictive distribution) and append it to the forecast record as a sealed entry;
 * `parley record verify` checks the hash chain, `parley record list` prints it (docs/record.md).
 * <case> is a stored case id, or a case file (recorded with its content hash and no revision).
 */
import { existsSync, statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { importFile } from '../../formats/index.ts';
import type { Case } from '../../case/schema.ts';
import type { Store } from '../../store/index.ts';
import { appendRecordEntry, listRecordEntries, verifyRecord } from '../../store/records.ts';
import { EntryError, QUESTION_ID, ResolutionError, type Entry } from '../../record/index.ts';
import { makeEntryDraft } from '../../record/make.ts';
import { CliError } from '../errors.ts';
import { withStore } from '../with-store.ts';
import { asOfOption, formatOption, parseCount, parseIsoDate } from '../options.ts';
import { formatNumber, renderTable } from '../table.ts';
import { dbOption } from './serve.ts';

/** The store for a record command: the record's own user errors become exit 1 as well. */
export function withRecordStore<T>(url: string, body: (store: Store) => Promise<T>): Promise<T> {
  return withStore(url, async (store) => {
    try {
      return await body(store);
    } catch (e) {
      if (e instanceof EntryError) throw new CliError(`error: ${e.message}`, 1);
      if (e instanceof ResolutionError) throw new CliError(e.message, 1);
      throw e;
    }
  });
}

const parseQuestionId = (v: string): string => {
  if (!QUESTION_ID.test(v)) throw new CliError(`error: --question "${v}": a question id is letters, digits, ".", "_" or "-" (up to 80), starting with a letter or digit`, 2);
  return v;
};

/** The case to forecast: a case file when the path names one, else the stored case of that id. */
async function loadCase(store: Store, ref: string): Promise<{ case: Case; revision: number | null }> {
  if (existsSync(ref) && statSync(ref).isFile()) return { case: await importFile(ref), revision: null };
  const stored = await store.getCase(ref);
  return { case: stored.case, revision: stored.revision };
}

interface RecordOptions {
  db: string;
  question: string;
  by: string;
  text?: string;
  rule?: string;
  asOf?: string;
  scenario?: string;
  runs?: number;
  seed?: number;
}

const dbOf = (cmd: Command): string => (cmd.optsWithGlobals() as { db: string }).db;

const pct = (p: number) => `${(100 * p).toFixed(1)} %`;

export function register(program: Command): void {
  const record = program
    .command('record')
    .description('append a sealed forecast to the record (agreement probability and every model\'s predictive distribution); verify or list the record')
    .argument('[case]', 'a stored case id, or a case file')
    .addOption(dbOption())
    .option('--question <id>', 'the question\'s id (asked once, forecast on any number of dates)')
    .addOption(new Option('--by <date>', 'the horizon: will there be an agreement by this date (YYYY-MM-DD)').argParser(parseIsoDate))
    .option('--text <text>', 'the question in words (default: "Will the parties of <case> reach an agreement by <by>, and on what terms?")')
    .option('--rule <text>', 'how the question will be resolved (default: see docs/record.md)')
    .addOption(asOfOption())
    .option('--scenario <id>', 'forecast a scenario of the case')
    .addOption(new Option('--runs <n>', 'Monte Carlo draws behind the distributions').argParser(parseCount))
    .addOption(new Option('--seed <s>', 'seed of the draws (same seed, same entry but for its time)').argParser(parseCount))
    .action((ref: string | undefined, opts: RecordOptions) => {
      if (ref === undefined) throw new CliError('error: give the case to forecast (a stored case id or a case file), or a subcommand: verify, list', 2);
      if (opts.question === undefined) throw new CliError('error: --question <id> is required', 2);
      if (opts.by === undefined) throw new CliError('error: --by <date> is required', 2);
      const question = parseQuestionId(opts.question);
      return withRecordStore(opts.db, async (store) => {
        const { case: c, revision } = await loadCase(store, ref);
        const draft = await makeEntryDraft({
          case: c,
          revision,
          by: opts.by,
          createdAt: new Date().toISOString(),
          ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}),
          ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        });
        const sealed = await appendRecordEntry(store, { id: question, caseId: c.id, by: opts.by, ...(opts.text !== undefined ? { text: opts.text } : {}), ...(opts.rule !== undefined ? { rule: opts.rule } : {}) }, draft);
        const top = sealed.entry.outlook.models.find((m) => m.model === sealed.entry.outlook.model) ?? sealed.entry.outlook.models[0];
        process.stdout.write(
          `recorded entry ${sealed.entry.seq} for question "${question}" (case "${c.id}"${revision !== null ? ` revision ${revision}` : ''}, by ${opts.by}): ` +
            `agreement ${pct(top.agreement)} (${top.model}), ${sealed.entry.outlook.models.length} models\nhash ${sealed.hash}\n`,
        );
      });
    });

  // --db belongs to `record` itself: commander gives a parent's options to the parent wherever they stand, so the
  // subcommands read it from there (`parley record verify --db x.db` works).
  record
    .command('verify')
    .description('check the record\'s hash chain: every entry\'s seal and its link to the one before (exit 1 naming the first broken entry); --db as for record')
    .action((_opts: unknown, cmd: Command) =>
      withRecordStore(dbOf(cmd), async (store) => {
        const r = await verifyRecord(store);
        if (!r.ok) throw new CliError(`record verify: FAILED at ${r.message}`, 1);
        process.stdout.write(`record verify: ${r.count} entr${r.count === 1 ? 'y' : 'ies'}, chain intact; head ${r.head}\n`);
      }),
    );

  record
    .command('list')
    .description('the record\'s entries in order (JSON: each entry with its hash); --db as for record')
    .option('--question <id>', 'only this question\'s entries')
    .option('--case <id>', 'only this case\'s entries')
    .addOption(formatOption(['table', 'json']))
    .action((opts: { question?: string; case?: string; format: 'table' | 'json' }, cmd: Command) =>
      withRecordStore(dbOf(cmd), async (store) => {
        const rows = await listRecordEntries(store, { ...(opts.question ? { question: opts.question } : {}), ...(opts.case ? { caseId: opts.case } : {}) });
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify({ entries: rows }, null, 2)}\n`);
          return;
        }
        const table = rows.map((r) => {
          const e = r.entry as Partial<Entry>;
          const top = e.outlook?.models?.find((m) => m.model === e.outlook?.model);
          return [r.seq, e.createdAt ?? '?', e.question?.id ?? '?', e.case?.id ?? '?', e.asOf ?? '-', e.by ?? '?', top ? `${pct(top.agreement)} ${top.model}` : '?', r.hash.slice(0, 16)];
        });
        process.stdout.write(rows.length ? renderTable(['#', 'created', 'question', 'case', 'as of', 'by', 'agreement', 'hash'], table) : 'the record is empty\n');
      }),
    );
}
