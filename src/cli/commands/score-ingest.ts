/**
 * `parley score-ingest <eval-dir>`: run the article ingester over an annotated evaluation folder
 * (`gold/*.json` in the schema of eval-dev/gold/README.md, `articles/*.txt`) and print quote
 * precision/recall/F1 (full and all quotes), speaker accuracy, source precision/recall, and dates
 * (gold dates resolved right at the gold's granularity; gold non-dates read as dates).
 */
import type { Command } from 'commander';
import { formatOption, type OutputFormat } from '../options.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatScore, scoreEvalDir } from '../../evidence/index.ts';
import { CliError, reportErrors } from '../errors.ts';

export function register(program: Command): void {
  program
    .command('score-ingest')
    .description('score the article ingester against gold annotations (quotes P/R/F1, speaker accuracy, sources, dates)')
    .argument('<eval-dir>', 'folder with gold/*.json and articles/*.txt')
    .addOption(formatOption(['table', 'json']))
    .option('--gold <dir>', 'gold annotations elsewhere than <eval-dir>/gold (e.g. test/evidence/gold-own)')
    .option('--articles <dir>', 'articles elsewhere than <eval-dir>/articles (e.g. test/evidence/articles)')
    .option('--errors', 'also list every missed, spurious or misattributed quote and source')
    .action((dir: string, opts: { format: OutputFormat; gold?: string; articles?: string; errors?: boolean }) =>
      reportErrors(async () => {
        const gold = opts.gold ?? join(dir, 'gold');
        const articles = opts.articles ?? join(dir, 'articles');
        for (const folder of [gold, articles]) if (!existsSync(folder)) throw new CliError(`${folder}: no such folder (expected gold annotations and articles)`, 1);
        let score;
        try {
          score = await scoreEvalDir(dir, { gold, articles });
        } catch (e) {
          if (e instanceof SyntaxError) throw new CliError(`${dir}: a gold file is not valid JSON (${e.message})`, 1);
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') throw new CliError(`${dir}: ${(e as Error).message}`, 1);
          throw e;
        }
        if (opts.format === 'json') {
          const { errors, ...figures } = score;
          process.stdout.write(`${JSON.stringify(opts.errors ? score : figures, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${formatScore(score)}\n`);
        if (opts.errors) for (const e of score.errors) process.stdout.write(`${e.article}: ${e.kind}: "${e.text}"${e.expected !== undefined ? ` expected ${e.expected}` : ''}${e.got !== undefined ? ` got ${e.got}` : ''}\n`);
      }),
    );
}
