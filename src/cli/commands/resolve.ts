/** `parley resolve --question ID --outcome FILE`: enter what happened (once per question; docs/record.md). */
import type { Command } from 'commander';
import { readInputFile } from '../../case/load.ts';
import { parseResolutionText } from '../../record/index.ts';
import { questionIssues, recordResolution } from '../../store/records.ts';
import { CliError } from '../errors.ts';
import { dbOption } from './serve.ts';
import { withRecordStore } from './record.ts';

export function register(program: Command): void {
  program
    .command('resolve')
    .description('enter the outcome of a recorded question: {"agreement": 0|1, "outcome": {issue: value}, "source": URL} (JSON or YAML)')
    .addOption(dbOption())
    .option('--question <id>', 'the question to resolve')
    .option('--outcome <file>', 'the resolution file')
    .action((opts: { db: string; question?: string; outcome?: string }) => {
      if (opts.question === undefined) throw new CliError('error: --question <id> is required', 2);
      if (opts.outcome === undefined) throw new CliError('error: --outcome <file> is required', 2);
      const { question, outcome: file } = opts as { question: string; outcome: string };
      return withRecordStore(opts.db, async (store) => {
        const text = await readInputFile(file, 1024 * 1024);
        const resolution = parseResolutionText(text, file, await questionIssues(store, question));
        const r = await recordResolution(store, question, resolution, new Date().toISOString(), resolution);
        const n = Object.keys(r.resolution.outcome).length;
        process.stdout.write(`resolved question "${question}": agreement ${r.resolution.agreement}, ${n} issue${n === 1 ? '' : 's'} (source ${r.resolution.source})\nhash ${r.hash}\n`);
      });
    });
}
