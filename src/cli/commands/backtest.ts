/**
 * `parley backtest <dataset>`: each model's error against known outcomes (DEU III layout, one case per
 * proposal; or a case file whose issues record `outcome`): mean and median absolute error and RMSE on
 * 0–100, and optionally the per-issue forecasts and errors as CSV.
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { backtest, type BacktestResult } from '../../analysis/backtest.ts';
import { readInputFile } from '../../case/load.ts';
import type { Case } from '../../case/schema.ts';
import { looksLikeDeu, parseDeuByProposal } from '../../formats/deu.ts';
import { importText } from '../../formats/index.ts';
import { CliError } from '../errors.ts';
import { formatOption, type OutputFormat } from '../options.ts';
import { renderCsv, renderTable } from '../table.ts';
import { analysisAction } from './analysis-common.ts';
import { addModelParamOptions, inputFormatOption, paramsFor } from './forecast.ts';

/** The dataset as cases: DEU III split by proposal, anything else one case. */
export async function loadDataset(file: string, format?: string): Promise<Case[]> {
  const text = await readInputFile(file);
  if (format === 'deu' || (format === undefined && looksLikeDeu(text))) return parseDeuByProposal(text, file);
  return [importText(text, file, format)];
}

const fixed = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(2)) : NaN);

export function perIssueCsv(r: BacktestResult): string {
  return renderCsv(
    ['case', 'issue', 'title', 'outcome', ...r.models.map((m) => `${m}_forecast`), ...r.models.map((m) => `${m}_ae`)],
    r.issues.map((i) => [i.case, i.issue, i.title, i.outcome, ...r.models.map((m) => i.forecasts[m]), ...r.models.map((m) => i.absoluteErrors[m])]),
  );
}

function summaryTable(r: BacktestResult, file: string): string {
  const head = `Backtest on ${file}: ${r.issues.length} issues with a known outcome${r.skipped ? ` (${r.skipped} without one skipped)` : ''}; errors on 0–100`;
  return `${head}\n\n${renderTable(['model', 'issues', 'MAE', 'median AE', 'RMSE'], r.summary.map((s) => [s.model, s.n, fixed(s.meanAbsoluteError), fixed(s.medianAbsoluteError), fixed(s.rootMeanSquaredError)]))}`;
}

export function register(program: Command): void {
  const cmd = program
    .command('backtest')
    .description('score the models against known outcomes (DEU III layout, or a case whose issues have an outcome)')
    .argument('<dataset>', 'DEU III file or a case/importable file with outcomes')
    .addOption(new Option('--models <names>', 'comma-separated models (default: all)').argParser((v: string) => v.split(',').map((s) => s.trim()).filter(Boolean)))
    .addOption(new Option('--csv <file>', 'also write the per-issue forecasts and absolute errors to this CSV file'))
    .addOption(inputFormatOption())
    .addOption(formatOption(['table', 'json']));
  addModelParamOptions(cmd).action((file: string, opts: Record<string, unknown> & { models?: string[]; csv?: string; format: OutputFormat; inputFormat?: string }) =>
    analysisAction(async () => {
      const cases = await loadDataset(file, opts.inputFormat);
      const result = backtest(cases, { models: opts.models, paramsFor: (m) => paramsFor(m, opts) });
      if (result.issues.length === 0) throw new CliError(`${file}: no issue records an actual outcome: nothing to backtest`, 1);
      if (opts.csv) {
        try {
          await writeFile(opts.csv, perIssueCsv(result));
        } catch (e) {
          throw new CliError(`cannot write ${opts.csv}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 1);
        }
      }
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
      else process.stdout.write(summaryTable(result, file));
    }),
  );
}
