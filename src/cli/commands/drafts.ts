/** `parley drafts <case> [--diff A B]`: drafts against red lines, utilities and forecasts; or a point-by-point diff. */
import type { Command } from 'commander';
import { checkDrafts, diffDrafts, type DraftLinesDate } from '../../analysis/drafts.ts';
import { draftCheckTables, draftDiffTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { CliError } from '../errors.ts';
import { asOfOption, formatOption, type OutputFormat } from '../options.ts';
import { againstOption, analysisAction, emit, modelOption, scenarioOption } from './analysis-common.ts';

export function register(program: Command): void {
  program
    .command('drafts')
    .description("check each draft against every actor's red lines, with each actor's utility; or diff two drafts")
    .argument('<case>', 'case file (YAML or JSON)')
    .option('--diff <draft...>', 'compare two drafts point by point: --diff A B')
    .option('--draft <id...>', 'check only these drafts')
    .addOption(againstOption())
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(formatOption())
    .action((file: string, opts: { diff?: string[]; draft?: string[]; against: DraftLinesDate; model?: string[]; asOf?: string; scenario?: string; format: OutputFormat }) =>
      analysisAction(async () => {
        if (opts.diff && opts.diff.length !== 2) throw new CliError('error: --diff takes two draft ids: --diff A B', 2);
        const c = await loadCaseFile(file);
        if (opts.diff) {
          const d = diffDrafts(c, opts.diff[0], opts.diff[1], { asOf: opts.asOf, scenario: opts.scenario });
          emit(opts.format, d, draftDiffTables(d));
        } else {
          const d = checkDrafts(c, { models: opts.model, asOf: opts.asOf, scenario: opts.scenario, drafts: opts.draft, against: opts.against });
          emit(opts.format, d, draftCheckTables(d));
        }
      }),
    );
}
