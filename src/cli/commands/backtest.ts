/**
 * `parley backtest <dataset> [--folds K | --calibration <file>] [--seed S]`: each model's error against
 * known outcomes (DEU III layout, one case per proposal; or a case file whose issues record `outcome`):
 * n, MAE, median AE, RMSE on 0–100, 50 % / 90 % interval coverage and CRPS of the predictive
 * distributions (error models fitted on training proposals only: other folds, or the calibration
 * file; otherwise the shipped ones), each with a bootstrap interval clustered by proposal
 * (src/analysis/backtest.ts, docs/backtest.md). Optionally the per-issue forecasts and errors as CSV.
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { backtest, type BacktestResult } from '../../analysis/backtest.ts';
import { readInputFile } from '../../case/load.ts';
import type { Case } from '../../case/schema.ts';
import { looksLikeDeu, parseDeuByProposal } from '../../formats/deu.ts';
import { importText } from '../../formats/index.ts';
import { CliError } from '../errors.ts';
import { formatOption, parseCount, type OutputFormat } from '../options.ts';
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
    ['case', 'issue', 'title', 'outcome', ...r.summary.map((s) => `${s.model}_forecast`), ...r.summary.map((s) => `${s.model}_ae`)],
    r.issues.map((i) => [i.case, i.issue, i.title, i.outcome, ...r.summary.map((s) => i.forecasts[s.model]), ...r.summary.map((s) => i.absoluteErrors[s.model])]),
  );
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'NaN');
const span = ([lo, hi]: [number, number], f: (x: number) => string | number = fixed) => `${f(lo)}–${f(hi)}`;

const SUMMARY_HEADER = ['model', 'issues', 'MAE', 'MAE 95% CI', 'median AE', 'RMSE', 'cover 50%', 'cover 90%', 'CRPS'];

function methodLine(r: BacktestResult, calibration?: string): string {
  if (r.method === 'cross-validation') return `error models${r.ensemble ? ' and ensemble' : ''} fitted out of fold (${r.folds}-fold cross-validation by proposal, seed ${r.seed})`;
  if (r.method === 'calibration') return `error models${r.ensemble ? ' and ensemble' : ''} fitted on ${calibration}`;
  return 'shipped error models (fitted on DEU III deu3_train.tsv: in-sample there)';
}

function summaryTable(r: BacktestResult, file: string, calibration?: string): string {
  const head = `Backtest on ${file}: ${r.issues.length} issues with a known outcome${r.skipped ? ` (${r.skipped} without one skipped)` : ''}; errors on 0–100; ${methodLine(r, calibration)}; 95% intervals: ${r.bootstrap} bootstrap resamples of proposals`;
  return `${head}\n\n${renderTable(SUMMARY_HEADER, r.models.map((s) => [s.model, s.n, fixed(s.mae), span(s.maeInterval), fixed(s.medianAe), fixed(s.rmse), pct(s.coverage50), pct(s.coverage90), fixed(s.crps)]))}`;
}

function summaryCsv(r: BacktestResult): string {
  const keys = ['mae', 'medianAe', 'rmse', 'coverage50', 'coverage90', 'crps'] as const;
  return renderCsv(
    ['model', 'n', ...keys.flatMap((k) => [k, `${k}_lo`, `${k}_hi`])],
    r.models.map((s) => [s.model, s.n, ...keys.flatMap((k) => [s[k], ...(s[`${k}Interval`] as [number, number])])]),
  );
}

export function register(program: Command): void {
  const cmd = program
    .command('backtest')
    .description('score the models against known outcomes (DEU III layout, or a case whose issues have an outcome)')
    .argument('<dataset>', 'DEU III file or a case/importable file with outcomes')
    .addOption(new Option('--models <names>', 'comma-separated models (default: all)').argParser((v: string) => v.split(',').map((s) => s.trim()).filter(Boolean)))
    .addOption(new Option('--csv <file>', 'also write the per-issue forecasts and absolute errors to this CSV file'))
    .addOption(new Option('--folds <k>', 'fit the error models (and the ensemble) by K-fold cross-validation by proposal, and score out of fold').argParser(parseCount))
    .addOption(new Option('--calibration <file>', 'fit the error models (and the ensemble) on this data set and score the dataset with them').conflicts('folds'))
    .addOption(new Option('--bootstrap <b>', 'bootstrap resamples of proposals for the 95% intervals').argParser(parseCount).default(1000))
    .addOption(inputFormatOption())
    .addOption(formatOption(['table', 'json', 'csv']));
  addModelParamOptions(cmd).action((file: string, opts: Record<string, unknown> & { models?: string[]; csv?: string; format: OutputFormat; inputFormat?: string; folds?: number; calibration?: string; bootstrap: number; seed?: number }) =>
    analysisAction(async () => {
      const cases = await loadDataset(file, opts.inputFormat);
      const calibration = opts.calibration ? await loadDataset(opts.calibration, opts.inputFormat) : undefined;
      const result = backtest(cases, { models: opts.models, paramsFor: (m) => paramsFor(m, opts), folds: opts.folds, calibration, seed: opts.seed, bootstrap: opts.bootstrap });
      if (result.issues.length === 0) throw new CliError(`${file}: no issue records an actual outcome: nothing to backtest`, 1);
      if (opts.csv) {
        try {
          await writeFile(opts.csv, perIssueCsv(result));
        } catch (e) {
          throw new CliError(`cannot write ${opts.csv}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 1);
        }
      }
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify({ file, ...result }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
      else if (opts.format === 'csv') process.stdout.write(summaryCsv(result));
      else process.stdout.write(`${summaryTable(result, file, opts.calibration)}\n`);
    }),
  );
}
