/** `parley sensitivity <case>`: one-at-a-time swings of every estimate, ranked (tornado). */
import { Option, type Command } from 'commander';
import { sensitivity } from '../../analysis/sensitivity.ts';
import { sensitivityTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { asOfOption, formatOption, parseCount, type OutputFormat } from '../options.ts';
import { analysisAction, emit, modelOption, scenarioOption } from './analysis-common.ts';

export function register(program: Command): void {
  program
    .command('sensitivity')
    .description('which estimate moves each forecast most: every estimate swung across its range, ranked')
    .argument('<case>', 'case file (YAML or JSON)')
    .addOption(new Option('--top <n>', 'rows per model in the table').argParser(parseCount).default(15))
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(formatOption())
    .action((file: string, opts: { top: number; model?: string[]; asOf?: string; scenario?: string; format: OutputFormat }) =>
      analysisAction(async () => {
        const s = sensitivity(await loadCaseFile(file), { models: opts.model, asOf: opts.asOf, scenario: opts.scenario });
        emit(opts.format, s, sensitivityTables(s, opts.top));
      }),
    );
}
