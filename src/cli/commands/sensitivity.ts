/** `parley sensitivity <case>`: one-at-a-time swings of every estimate, ranked (tornado). */
import { Option, type Command } from 'commander';
import { sensitivity } from '../../analysis/sensitivity.ts';
import { sensitivityTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { formatOption, parseCount, type OutputFormat } from '../options.ts';
import { analysisAction, emit, forecastOptions, forecastOptionsOf, withOptions, type ForecastFlags } from './analysis-common.ts';

export function register(program: Command): void {
  const command = program
    .command('sensitivity')
    .description('which estimate moves each forecast most: every estimate swung across its range, ranked')
    .argument('<case>', 'case file (YAML or JSON)')
    .addOption(new Option('--top <n>', 'rows per model in the table').argParser(parseCount).default(15));
  withOptions(command, ...forecastOptions(), formatOption())
    .action((file: string, opts: ForecastFlags & { top: number; format: OutputFormat }) =>
      analysisAction(async () => {
        const s = sensitivity(await loadCaseFile(file), forecastOptionsOf(opts));
        emit(opts.format, s, sensitivityTables(s, opts.top));
      }),
    );
}
