/** `parley scenarios <case>`: the baseline and each named scenario forecast side by side. */
import type { Command } from 'commander';
import { compareScenarios } from '../../analysis/scenarios.ts';
import { scenarioTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { asOfOption, formatOption, type OutputFormat } from '../options.ts';
import { resolveModels } from '../../analysis/forecast.ts';
import { addModelParamOptions, modelParamsFromOptions } from '../model-params.ts';
import { analysisAction, emit, modelOption } from './analysis-common.ts';

export function register(program: Command): void {
  const command = program
    .command('scenarios')
    .description("forecast the baseline and each of the case's scenarios side by side, with the differences")
    .argument('<case>', 'case file (YAML or JSON)')
    .option('--scenario <id...>', 'compare only these scenarios')
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(formatOption());
  addModelParamOptions(command)
    .action((file: string, opts: { scenario?: string[]; model?: string[]; asOf?: string; format: OutputFormat }) =>
      analysisAction(async () => {
        const modelParams = modelParamsFromOptions(resolveModels(opts.model), opts);
        const s = compareScenarios(await loadCaseFile(file), { models: opts.model, asOf: opts.asOf, scenarios: opts.scenario, modelParams });
        emit(opts.format, s, scenarioTables(s));
      }),
    );
}
