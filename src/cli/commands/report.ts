/** `parley report <case> --out report.md|report.html`: every analysis in one document with inline SVG charts. */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { buildReport } from '../../analysis/report.ts';
import type { DraftLinesDate } from '../../analysis/drafts.ts';
import { nodeDocument } from '../../charts/node-document.ts';
import { loadCaseFile } from '../../case/load.ts';
import { CliError } from '../errors.ts';
import { againstOption, analysisAction, forecastOptions, monteCarloMount, monteCarloOptions, simulateOptionsOf, withOptions, type MonteCarloFlags } from './analysis-common.ts';
import { progressBar } from './simulate.ts';
import { parseIsoDate } from '../options.ts';

/** The horizon of the report's "Will there be a deal?" section. */
const reportByOption = () =>
  new Option('--by <date>', 'the horizon (YYYY-MM-DD) of the agreement probability, terms if agreed and intervals (default: six months after --as-of or the case’s latest date)').argParser(parseIsoDate);

export function register(program: Command): void {
  const command = program
    .command('report')
    .description('write one document (Markdown or self-contained HTML) with every analysis and its charts')
    .argument('<case>', 'case file (YAML or JSON)')
    .requiredOption('--out <file>', 'the report file: *.md or *.html');
  withOptions(command, ...monteCarloOptions(), ...forecastOptions(monteCarloMount), againstOption(), reportByOption())
    .action((file: string, opts: MonteCarloFlags & { out: string; against: DraftLinesDate; by?: string }) =>
      analysisAction(async () => {
        const ext = extname(opts.out).toLowerCase();
        const format = ext === '.md' || ext === '.markdown' ? 'md' : ext === '.html' || ext === '.htm' ? 'html' : null;
        if (!format) throw new CliError(`error: --out must end in .md or .html, got "${opts.out}"`, 2);
        const c = await loadCaseFile(file);
        const bar = progressBar();
        const text = await buildReport(c, { ...simulateOptionsOf(opts), format, document: nodeDocument(), against: opts.against, ...(opts.by ? { by: opts.by } : {}), onProgress: bar });
        bar.end();
        try {
          await writeFile(opts.out, text);
        } catch (e) {
          throw new CliError(`error: cannot write ${opts.out}: ${(e as Error).message}`, 1);
        }
        process.stdout.write(`wrote ${opts.out} (${Buffer.byteLength(text)} bytes)\n`);
      }),
    );
}
