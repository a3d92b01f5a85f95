/** `parley zopa <case>`: the zone of agreement per issue, the red lines that must move, drafts and forecasts inside it. */
import type { Command } from 'commander';
import { zoneOfAgreement } from '../../analysis/zopa.ts';
import { zoneTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { formatOption, type OutputFormat } from '../options.ts';
import { analysisAction, emit, forecastOptions, forecastOptionsOf, withOptions, type ForecastFlags } from './analysis-common.ts';

export function register(program: Command): void {
  const command = program
    .command('zopa')
    .description("zone of agreement: per issue the range every veto holder's red line admits, and which lines must move for a deal")
    .argument('<case>', 'case file (YAML or JSON)');
  withOptions(command, ...forecastOptions(), formatOption())
    .action((file: string, opts: ForecastFlags & { format: OutputFormat }) =>
      analysisAction(async () => {
        const z = zoneOfAgreement(await loadCaseFile(file), forecastOptionsOf(opts));
        emit(opts.format, z, zoneTables(z));
      }),
    );
}
