/**
 * `parley forecast <input>`: every chosen model's forecast per issue, side by side, with the issue
 * scale's nearest anchor label; `--format json` prints `forecastToJson` per model (what the HTTP API
 * returns), `--format csv` one row per model and issue. The input is a case file or any importable
 * format (detected, or `--input-format`); several inputs are forecast in turn (`forecastFiles`).
 * Model parameters come from each engine's table (src/cli/model-params.ts); each model receives
 * only its own.
 */
import { Option, type Command } from 'commander';
import { CliError, userErrorExitCode } from '../errors.ts';
import { addModelParamOptions, modelParamsFromOptions } from '../model-params.ts';
import { forecastCase, resolveModels } from '../../analysis/forecast.ts';
import { forecastToJson } from '../../analysis/forecast-json.ts';
import type { Case } from '../../case/schema.ts';
import type { EngineParams, EngineResult, ModelInput } from '../../engines/types.ts';
import { importFileWithParams, importers } from '../../formats/index.ts';
import { asOfOption, formatOption, type OutputFormat } from '../options.ts';
import { formatNumber, renderCsv, renderTable } from '../table.ts';
import { analysisAction, modelOption, scenarioOption } from './analysis-common.ts';
import { byOption, outlookFiles, outlookRunsOption } from '../outlook-output.ts';

/**
 * The parameters of a model from the parsed options (for commands that run one model at a time,
 * as backtest): the flags that model reads, checked; the others ignored.
 */
export function paramsFor(model: string, opts: Record<string, unknown>): EngineParams {
  return modelParamsFromOptions([model], opts)[model];
}

export { addModelParamOptions };

export interface ForecastRun {
  case: Case;
  input: ModelInput;
  results: EngineResult[];
}

/**
 * Load the input and run each model with its own parameters. `cliParams`: the models' parameters
 * from the command line, when the caller has read them already (a batch reads them once).
 */
export async function runForecast(file: string, opts: Record<string, unknown>, cliParams?: Record<string, EngineParams>): Promise<ForecastRun> {
  const models = resolveModels(opts.model as string[] | undefined);
  const fromCli = cliParams ?? modelParamsFromOptions(models, opts);
  const { case: c, params: fileParams } = await importFileWithParams(file, opts.inputFormat as string | undefined);
  let input: ModelInput | undefined;
  const results = models.map((name) => {
    // Parameters the file sets (KTAB XML's ModelParameters) give way to those on the command line.
    const params = { ...fileParams[name], ...fromCli[name] };
    const set = forecastCase(c, { models: [name], asOf: opts.asOf as string | undefined, scenario: opts.scenario as string | undefined, ...params });
    input ??= set.input;
    return set.results[0];
  });
  return { case: c, input: input!, results };
}

import { nearestAnchor } from '../../case/anchors.ts';
export { nearestAnchor };

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Issues × models; each cell the forecast and the nearest anchor's point, the anchors' labels below. */
function forecastTable(run: ForecastRun): string {
  const issues = run.case.issues;
  const models = run.results.map((r) => r.model);
  const out = [`${run.case.title}: forecasts by model (each issue on its own scale; ≈ the nearest anchor)`, ''];
  const legend: string[] = [];
  const rows = issues.map((iss, k) => {
    const used = new Set<number>();
    const cells = run.results.map((r) => {
      const a = nearestAnchor(iss.scale.anchors, r.outcome[k]);
      if (!a) return formatNumber(r.outcome[k]);
      used.add(a.at);
      return `${formatNumber(r.outcome[k])} ≈${formatNumber(a.at)}`;
    });
    const labels = iss.scale.anchors.filter((a) => used.has(a.at)).map((a) => `  ${formatNumber(a.at)} = ${clip(a.label, 100)}`);
    if (labels.length) legend.push(`${iss.title}:`, ...labels);
    return [clip(iss.title, 40), `${formatNumber(iss.scale.min)}–${formatNumber(iss.scale.max)}`, formatNumber(iss.statusQuo), ...cells];
  });
  out.push(renderTable(['issue', 'scale', 'status quo', ...models], rows));
  if (legend.length) out.push('Anchors nearest to the forecasts:', ...legend, '');
  return out.join('\n');
}

function forecastCsv(run: ForecastRun, file?: string): string {
  const rows = run.results.flatMap((r) => run.case.issues.map((iss, k) => [...(file === undefined ? [] : [file]), r.model, iss.id, iss.title, Number.isFinite(r.outcome[k]) ? r.outcome[k] : '', nearestAnchor(iss.scale.anchors, r.outcome[k])?.label ?? '']));
  return renderCsv([...(file === undefined ? [] : ['file']), 'model', 'issue', 'title', 'outcome', 'nearest_anchor'], rows);
}

const resultsJson = (run: ForecastRun) => run.results.map((r) => forecastToJson(run.input, r));

/**
 * Forecast each input in turn, in one process. One input: the output as it always was. Several:
 * the table one section per file (headed by its name), JSON an array of `{ file, models }`, CSV a
 * `file` column. An input that cannot be read is reported on stderr with its location and the
 * others still run; the exit code is then 1. Wrong usage (a model or parameter) fails before any.
 */
export async function forecastFiles(files: string[], opts: Record<string, unknown> & { format: OutputFormat }): Promise<void> {
  if (opts.by !== undefined) return outlookFiles(files, opts); // --by: the agreement outlook (src/cli/outlook-output.ts)
  const models = resolveModels(opts.model as string[] | undefined);
  const cliParams = modelParamsFromOptions(models, opts);
  if (files.length === 1) {
    const run = await runForecast(files[0], opts, cliParams);
    if (opts.format === 'json') process.stdout.write(`${JSON.stringify(resultsJson(run), null, 2)}\n`);
    else if (opts.format === 'csv') process.stdout.write(forecastCsv(run));
    else process.stdout.write(forecastTable(run));
    return;
  }
  const json: Array<{ file: string; models: ReturnType<typeof resultsJson> }> = [];
  let failed = 0;
  let csvHeader = true;
  for (const file of files) {
    let run: ForecastRun;
    try {
      run = await runForecast(file, opts, cliParams);
    } catch (e) {
      // Bad input (exit 1) is this file's problem; anything else (a bug, wrong usage) stops the batch.
      const code = e instanceof CliError ? e.exitCode : userErrorExitCode(e);
      if (code !== 1) throw e;
      process.stderr.write(`${(e as Error).message}\n`);
      failed++;
      continue;
    }
    if (opts.format === 'json') json.push({ file, models: resultsJson(run) });
    else if (opts.format === 'csv') {
      const text = forecastCsv(run, file);
      process.stdout.write(csvHeader ? text : text.slice(text.indexOf('\n') + 1));
      csvHeader = false;
    } else process.stdout.write(`== ${file} ==\n${forecastTable(run)}\n`);
  }
  if (opts.format === 'json') process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  if (failed) throw new CliError(`${failed} of ${files.length} inputs could not be forecast (above)`, 1);
}

export const inputFormatOption = () => new Option('--input-format <format>', 'input format (default: detected)').choices(importers.map((i) => i.name));

export function register(program: Command): void {
  const cmd = program
    .command('forecast')
    .description('forecast every issue with each model, side by side (compromise, median, nash, bdm, exchange, smp, …)')
    .argument('<input...>', 'case files (YAML/JSON) or importable files (KTAB, decide, BDM CSV, DEU III); several: each forecast in turn')
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(inputFormatOption())
    .addOption(formatOption())
    .addOption(byOption())
    .addOption(outlookRunsOption());
  addModelParamOptions(cmd).action((files: string[], opts: Record<string, unknown> & { format: OutputFormat }) => analysisAction(() => forecastFiles(files, opts)));
}
