/** `parley report <case> --out report.md|report.html`: every analysis in one document with inline SVG charts. */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { buildReport } from '../../analysis/report.ts';
import { distributionNames, type DistributionName } from '../../analysis/distributions.ts';
import { nodeDocument } from '../../charts/node-document.ts';
import { loadCaseFile } from '../../case/load.ts';
import { CliError } from '../errors.ts';
import { asOfOption, parseCount } from '../options.ts';
import { againstOption, analysisAction, modelOption, scenarioOption } from './analysis-common.ts';
import type { DraftLinesDate } from '../../analysis/drafts.ts';
import { progressBar } from './simulate.ts';

export function register(program: Command): void {
  program
    .command('report')
    .description('write one document (Markdown or self-contained HTML) with every analysis and its charts')
    .argument('<case>', 'case file (YAML or JSON)')
    .requiredOption('--out <file>', 'the report file: *.md or *.html')
    .addOption(new Option('--runs <n>', 'Monte Carlo runs').argParser(parseCount).default(1000))
    .addOption(new Option('--seed <s>', 'random seed').argParser(parseCount).default(1))
    .addOption(new Option('--workers <k>', 'worker threads (default: every core)').argParser(parseCount))
    .addOption(new Option('--distribution <name>', "each estimate's distribution over its range").choices(distributionNames).default('triangular'))
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(againstOption())
    .action((file: string, opts: { out: string; runs: number; seed: number; workers?: number; distribution: DistributionName; model?: string[]; asOf?: string; scenario?: string; against: DraftLinesDate }) =>
      analysisAction(async () => {
        const ext = extname(opts.out).toLowerCase();
        const format = ext === '.md' || ext === '.markdown' ? 'md' : ext === '.html' || ext === '.htm' ? 'html' : null;
        if (!format) throw new CliError(`error: --out must end in .md or .html, got "${opts.out}"`, 2);
        const c = await loadCaseFile(file);
        const bar = progressBar();
        const text = await buildReport(c, {
          format,
          document: nodeDocument(),
          runs: opts.runs,
          seed: opts.seed,
          workers: opts.workers,
          distribution: opts.distribution,
          models: opts.model,
          asOf: opts.asOf,
          scenario: opts.scenario,
          against: opts.against,
          onProgress: bar,
        });
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
