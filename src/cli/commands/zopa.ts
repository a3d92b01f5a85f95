/** `parley zopa <case>`: the zone of agreement per issue, the red lines that must move, drafts and forecasts inside it. */
import type { Command } from 'commander';
import { zoneOfAgreement } from '../../analysis/zopa.ts';
import { zoneTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { asOfOption, formatOption, type OutputFormat } from '../options.ts';
import { analysisAction, emit, modelOption, scenarioOption } from './analysis-common.ts';

export function register(program: Command): void {
  program
    .command('zopa')
    .description("zone of agreement: per issue the range every veto holder's red line admits, and which lines must move for a deal")
    .argument('<case>', 'case file (YAML or JSON)')
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(formatOption())
    .action((file: string, opts: { model?: string[]; asOf?: string; scenario?: string; format: OutputFormat }) =>
      analysisAction(async () => {
        const z = zoneOfAgreement(await loadCaseFile(file), { models: opts.model, asOf: opts.asOf, scenario: opts.scenario });
        emit(opts.format, z, zoneTables(z));
      }),
    );
}
