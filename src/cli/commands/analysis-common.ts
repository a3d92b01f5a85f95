/**
 * What the analysis commands (zopa, drafts, simulate, sensitivity, scenarios, timeline, report)
 * share: their common options, declared once, the errors users cause turned into messages, and
 * the output in the three formats (the tables come from src/analysis/tables.ts, as the report's do).
 */
import { Command, Option } from 'commander';
import { resolveModels, type ForecastOptions } from '../../analysis/forecast.ts';
import { distributionNames, type DistributionName } from '../../analysis/distributions.ts';
import type { SimulateOptions } from '../../analysis/montecarlo.ts';
import { UnknownModelError } from '../../analysis/forecast.ts';
import { UnknownDraftError } from '../../analysis/drafts.ts';
import { SimulationCancelled } from '../../analysis/montecarlo.ts';
import type { Tabular } from '../../analysis/tables.ts';
import { UnknownScenarioError } from '../../case/view.ts';
import { ParamError } from '../../engines/params.ts';
import { CliError, reportErrors } from '../errors.ts';
import { addModelParamOptions, modelParamsFromOptions, type MountOptions } from '../model-params.ts';
import { asOfOption, parseCount, type OutputFormat } from '../options.ts';
import { formatNumber, renderCsv, renderTable } from '../table.ts';

export const modelOption = () =>
  new Option('--model <name...>', 'models to run (repeatable; "all" for every model; default: all)').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), ...v.split(',').filter(Boolean)]);
export const scenarioOption = () => new Option('--scenario <id>', "apply one of the case's scenarios first");
export const againstOption = () =>
  new Option('--against <lines>', "check each draft against the red lines of its own date, or against the latest ones (would the old text pass today?)").choices(['draft-date', 'latest']).default('draft-date');

/**
 * The options of every forecasting analysis (zopa, drafts, sensitivity, simulate, report): models,
 * as-of date, scenario, and every engine's parameters from its table (src/cli/model-params.ts;
 * `omit` leaves some out: the Monte Carlo commands' --seed is the simulation's).
 */
export const forecastOptions = (mount: MountOptions = {}): Option[] => {
  const params = addModelParamOptions(new Command(), mount).options as Option[];
  return [modelOption(), asOfOption(), scenarioOption(), ...params];
};

/** What forecastOptions() parse to (the model parameters by their flags' attribute names). */
export interface ForecastFlags {
  model?: string[];
  asOf?: string;
  scenario?: string;
  [modelParam: string]: unknown;
}

/** The flags as forecast options: each chosen model's parameters in `modelParams`. */
export const forecastOptionsOf = (f: ForecastFlags, mount: MountOptions = {}): Pick<ForecastOptions, 'models' | 'asOf' | 'scenario' | 'modelParams'> => {
  const modelParams = modelParamsFromOptions(resolveModels(f.model), f, mount);
  return { models: f.model, asOf: f.asOf, scenario: f.scenario, ...(Object.values(modelParams).some((p) => Object.keys(p).length) ? { modelParams } : {}) };
};

/** Mount a list of declared options on a command (commander takes them one at a time). */
export function withOptions(command: Command, ...options: Option[]): Command {
  for (const option of options) command.addOption(option);
  return command;
}

/** The Monte Carlo options (`simulate`, `report`), declared once. */
export const monteCarloOptions = (): Option[] => [
  new Option('--runs <n>', 'number of Monte Carlo runs').argParser(parseCount).default(1000),
  new Option('--seed <s>', 'random seed (same seed, same numbers)').argParser(parseCount).default(1),
  new Option('--workers <k>', 'worker threads (default: every core; 1: none)').argParser(parseCount),
  new Option('--distribution <name>', "each estimate's distribution over its range").choices(distributionNames).default('triangular'),
];

/** What the Monte Carlo commands leave out of the model parameters: each run draws the engines' seeds from --seed. */
export const monteCarloMount: MountOptions = { omit: ['seed'] };

/** What the Monte Carlo options and the common ones parse to. */
export interface MonteCarloFlags extends ForecastFlags {
  runs: number;
  seed: number;
  workers?: number;
  distribution: DistributionName;
}

/** The flags as simulate() options (model parameters only where given: each engine has its own defaults). */
export const simulateOptionsOf = (f: MonteCarloFlags): SimulateOptions => ({
  runs: f.runs,
  seed: f.seed,
  workers: f.workers,
  distribution: f.distribution,
  ...forecastOptionsOf(f, monteCarloMount),
});

/**
 * Run a command body; unknown models, scenarios and drafts and out-of-range options become exit-2
 * messages, a cancelled simulation (Ctrl-C) an exit-1 message.
 */
export function analysisAction<T>(body: () => Promise<T>): Promise<T> {
  return reportErrors(async () => {
    try {
      return await body();
    } catch (e) {
      if (e instanceof SimulationCancelled) throw new CliError('\nsimulation cancelled', 1);
      if (e instanceof UnknownModelError || e instanceof UnknownScenarioError || e instanceof UnknownDraftError || e instanceof ParamError || e instanceof RangeError) throw new CliError(`error: ${e.message}`, 2);
      throw e;
    }
  });
}

/** Write a report: JSON as computed, or its tables as text (fitted to the terminal) or CSV. */
export function emit(format: OutputFormat, data: unknown, tables: Tabular): void {
  if (format === 'json') process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else if (format === 'csv') process.stdout.write(renderCsv(tables.csv.header, tables.csv.rows));
  else process.stdout.write(renderText(tables, terminalWidth()));
}

/** The terminal's width; 120 columns when the output is not a terminal (a file, a pipe, a test). */
export const terminalWidth = (): number => Math.max(60, process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120);

export function renderText(t: Tabular, width = 120): string {
  const out = [t.title, ''];
  for (const s of t.sections) {
    out.push(s.title);
    if (s.note) out.push(s.note);
    out.push(s.rows.length ? renderTable(s.header, fitRowsToWidth(s.header, s.rows, width)) : '(none)\n');
  }
  return out.join('\n');
}

/** The narrowest a wrapped text column gets (below it, lines of one or two words read badly). */
const MIN_TEXT_COLUMN = 16;
const COLUMN_GAP = 2;
const length = (s: string): number => [...s].length;

/** A text cell broken into lines of at most `width` characters, at spaces where it can be. */
export function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (length(word) > width) {
      // A word longer than the column (a URL): fill the current line, then cut.
      const room = line ? width - length(line) - 1 : width;
      if (room < 1) { lines.push(line); line = ''; continue; }
      const chars = [...word];
      lines.push(line ? `${line} ${chars.slice(0, room).join('')}` : chars.slice(0, room).join(''));
      line = '';
      word = chars.slice(room).join('');
    }
    if (!line) line = word;
    else if (length(line) + 1 + length(word) <= width) line += ` ${word}`;
    else { lines.push(line); line = word; }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/**
 * Rows whose text columns are wrapped so that the table fits `width` characters: the widest text
 * columns are narrowed to one common width (water-filling: the narrower ones keep theirs), never
 * below their header or MIN_TEXT_COLUMN, and each cell continues on rows of its own below. A table
 * that fits is returned as it is; numbers and short columns are never wrapped. Rows that wrapped are
 * set apart by an empty row.
 */
export function fitRowsToWidth(header: string[], rows: Array<Array<string | number>>, width: number): Array<Array<string | number>> {
  const text = (c: string | number | undefined) => (typeof c === 'number' ? formatNumber(c) : (c ?? ''));
  const natural = header.map((h, j) => Math.max(length(h), ...rows.map((r) => length(text(r[j])))));
  const gaps = COLUMN_GAP * (header.length - 1);
  if (natural.reduce((a, b) => a + b, 0) + gaps <= width) return rows;
  const floor = header.map((h) => Math.max(length(h), MIN_TEXT_COLUMN));
  const wrappable = header.map((_, j) => natural[j] > floor[j] && rows.some((r) => typeof r[j] === 'string'));
  const fixed = natural.reduce((a, w, j) => a + (wrappable[j] ? 0 : w), 0);
  const fits = (cap: number) => natural.reduce((a, w, j) => a + (wrappable[j] ? Math.min(w, Math.max(cap, floor[j])) : 0), 0) + fixed + gaps <= width;
  let cap = Math.max(...natural);
  while (cap > MIN_TEXT_COLUMN && !fits(cap)) cap--;
  const limit = header.map((_, j) => Math.max(cap, floor[j]));
  const out: Array<Array<string | number>> = [];
  let wrapped = false;
  for (const r of rows) {
    const cells = r.map((c, j) => (wrappable[j] && typeof c === 'string' && length(c) > limit[j] ? wrapCell(c, limit[j]) : [c]));
    const height = Math.max(...cells.map((c) => c.length));
    if (height > 1 || wrapped) {
      if (out.length) out.push(header.map(() => ''));
      wrapped = height > 1;
    }
    for (let i = 0; i < height; i++) out.push(cells.map((c) => c[i] ?? ''));
  }
  return out;
}
