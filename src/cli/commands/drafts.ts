/** `parley drafts <case> [--diff A B]`: drafts against red lines, utilities and forecasts; or a point-by-point diff. */
import type { Command } from 'commander';
import { checkDrafts, diffDrafts, type DraftLinesDate } from '../../analysis/drafts.ts';
import { draftCheckTables, draftDiffTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { CliError } from '../errors.ts';
import { formatOption, type OutputFormat } from '../options.ts';
import { againstOption, analysisAction, emit, forecastOptions, forecastOptionsOf, withOptions, type ForecastFlags } from './analysis-common.ts';

export function register(program: Command): void {
  const command = program
    .command('drafts')
    .description("check each draft against every actor's red lines, with each actor's utility; or diff two drafts")
    .argument('<case>', 'case file (YAML or JSON)')
    .option('--diff <draft...>', 'compare two drafts point by point: --diff A B')
    .option('--draft <id...>', 'check only these drafts');
  withOptions(command, againstOption(), ...forecastOptions(), formatOption())
    .action((file: string, opts: ForecastFlags & { diff?: string[]; draft?: string[]; against: DraftLinesDate; format: OutputFormat }) =>
      analysisAction(async () => {
        if (opts.diff && opts.diff.length !== 2) throw new CliError('error: --diff takes two draft ids: --diff A B', 2);
        const c = await loadCaseFile(file);
        if (opts.diff) {
          const d = diffDrafts(c, opts.diff[0], opts.diff[1], forecastOptionsOf(opts));
          emit(opts.format, d, draftDiffTables(d));
        } else {
          const d = checkDrafts(c, { ...forecastOptionsOf(opts), drafts: opts.draft, against: opts.against });
          emit(opts.format, d, draftCheckTables(d));
        }
      }),
    );
}
