/** `parley timeline <case>`: the forecasts re-run as of each date on which stances or evidence changed. */
import type { Command } from 'commander';
import { timeline } from '../../analysis/timeline.ts';
import { timelineTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { formatOption, parseIsoDate, type OutputFormat } from '../options.ts';
import { resolveModels } from '../../analysis/forecast.ts';
import { addModelParamOptions, modelParamsFromOptions } from '../model-params.ts';
import { analysisAction, emit, modelOption, scenarioOption } from './analysis-common.ts';

export function register(program: Command): void {
  const command = program
    .command('timeline')
    .description('how the outlook moved: the forecasts as of each date on which a stance or evidence is dated')
    .argument('<case>', 'case file (YAML or JSON)')
    .option('--from <date>', 'first date (YYYY-MM-DD)', parseIsoDate)
    .option('--to <date>', 'last date (YYYY-MM-DD)', parseIsoDate)
    .addOption(modelOption())
    .addOption(scenarioOption())
    .addOption(formatOption());
  addModelParamOptions(command)
    .action((file: string, opts: { from?: string; to?: string; model?: string[]; scenario?: string; format: OutputFormat }) =>
      analysisAction(async () => {
        const modelParams = modelParamsFromOptions(resolveModels(opts.model), opts);
        const t = timeline(await loadCaseFile(file), { models: opts.model, scenario: opts.scenario, from: opts.from, to: opts.to, modelParams });
        emit(opts.format, t, timelineTables(t));
      }),
    );
}
