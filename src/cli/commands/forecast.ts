/**
 * `parley forecast <input>`: every chosen model's forecast per issue, side by side, with the issue
 * scale's nearest anchor label; `--format json` prints `forecastToJson` per model (what the HTTP API
 * returns), `--format csv` one row per model and issue. The input is a case file or any importable
 * format (detected, or `--input-format`). Model parameters are declared once, below, as typed data;
 * each model receives only the parameters that apply to it.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CliError } from '../errors.ts';
import { forecastCase, resolveModels } from '../../analysis/forecast.ts';
import { forecastToJson } from '../../analysis/forecast-json.ts';
import type { Case } from '../../case/schema.ts';
import type { EngineParams, EngineResult, ModelInput } from '../../engines/types.ts';
import { importFileWithParams, importers } from '../../formats/index.ts';
import { asOfOption, formatOption, parseCount, type OutputFormat } from '../options.ts';
import { formatNumber, renderCsv, renderTable } from '../table.ts';
import { analysisAction, modelOption, scenarioOption } from './analysis-common.ts';

/** A number in [lo, hi] (lo exclusive when `open`). */
const numberIn = (lo: number, hi: number, open = false) => (v: string): number => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x > hi || (open ? x <= lo : x < lo)) throw new InvalidArgumentError(`expected a number in ${open ? '(' : '['}${lo}, ${hi}], got "${v}"`);
  return x;
};

/** A comma-separated list of 0s and 1s. */
const parseBits = (v: string): number[] => {
  if (!/^[01](,[01])*$/.test(v.replace(/\s+/g, ''))) throw new InvalidArgumentError(`expected 0s and 1s separated by commas, got "${v}"`);
  return v.replace(/\s+/g, '').split(',').map(Number);
};

export interface ModelParamOption {
  /** Commander flags; the attribute name (camelCase of the long flag) is the engine's parameter name. */
  flags: string;
  key: string;
  description: string;
  /** Models that read the parameter ('all': every model that has rounds or randomness). */
  models: string[] | 'all';
  parse?: (v: string) => unknown;
  choices?: string[];
  /** Where models take different values of one flag: each model's own (`choices` is their union). */
  choicesByModel?: Record<string, string[]>;
}

/** Every model parameter of the CLI, once. */
export const modelParamOptions: ModelParamOption[] = [
  { flags: '--rounds <n>', key: 'rounds', description: 'rounds for the iterative models (default: each model’s own, 10 for bdm)', models: 'all', parse: parseCount },
  { flags: '--seed <s>', key: 'seed', description: 'seed for the models with random elements (same seed, same result)', models: 'all', parse: parseCount },
  { flags: '--q <q>', key: 'q', description: 'bdm: probability that the status quo holds when nobody challenges, 0–1 (default 1, as Scholz for the EC case)', models: ['bdm'], parse: numberIn(0, 1) },
  {
    flags: '--variant <variant>',
    key: 'variant',
    description: 'bdm: paper|reference (the paper’s specification or the replication code’s behaviour); exchange: equal-gain|random (REX, randomized division of the gain)',
    models: ['bdm', 'exchange'],
    choices: ['paper', 'reference', 'equal-gain', 'random'],
    choicesByModel: { bdm: ['paper', 'reference'], exchange: ['equal-gain', 'random'] },
  },
  { flags: '--p <p>', key: 'p', description: 'exchange, --variant random: REX randomness, 0–1 (0 = equal gain; default 0.5)', models: ['exchange'], parse: numberIn(0, 1) },
  { flags: '--tie-break <rule>', key: 'tieBreak', description: 'exchange: two best exchanges with equal gains: a seeded coin as decide (random, default), the first or the second listed, or python: decide’s own coin, Python’s random.random() after random.seed(--seed)', models: ['exchange'], choices: ['random', 'first', 'second', 'python'] },
  { flags: '--arithmetic <kind>', key: 'arithmetic', description: 'exchange: double (fast, default) or decimal (decide’s own 28-digit decimals and list order, operation for operation; reproduces a decide run with --tie-choices)', models: ['exchange'], choices: ['double', 'decimal'] },
  { flags: '--tie-choices <bits>', key: 'tieChoices', description: 'exchange: decide’s coin flips to replay at the first ties, in order, e.g. 0,1,1,0 (1: the runner-up was realized); later ties follow --tie-break', models: ['exchange'], parse: parseBits },
  { flags: '--utility <shape>', key: 'utility', description: 'nash: linear −s|x−xᵢ| or quadratic −s(x−xᵢ)² utilities (default linear)', models: ['nash'], choices: ['linear', 'quadratic'] },
  { flags: '--rule <rule>', key: 'rule', description: 'nash: who must gain over the status quo: everyone (unanimity) or a decisive coalition (default unanimity)', models: ['nash'], choices: ['unanimity', 'coalition'] },
  { flags: '--threads <n>', key: 'threads', description: 'smp: worker threads (the result is the same whatever the count; default 1)', models: ['smp'], parse: parseCount },
  { flags: '--coalition-share <share>', key: 'coalitionShare', description: 'nash: capability share a decisive coalition needs, in (0, 1] (default 0.5)', models: ['nash'], parse: numberIn(0, 1, true) },
];

/** Mount the model parameters on a command. */
export function addModelParamOptions(cmd: Command): Command {
  for (const p of modelParamOptions) {
    const opt = new Option(p.flags, p.description);
    if (p.choices) opt.choices(p.choices);
    if (p.parse) opt.argParser(p.parse as (v: string, prev: unknown) => unknown);
    cmd.addOption(opt);
  }
  return cmd;
}

const reads = (p: ModelParamOption, model: string, value: unknown): boolean =>
  (p.models === 'all' || p.models.includes(model)) && (!p.choicesByModel?.[model] || p.choicesByModel[model].includes(String(value)));

/** The parameters that apply to `model`, from the parsed options (a per-model choice only where it is that model's). */
export function paramsFor(model: string, opts: Record<string, unknown>): EngineParams {
  const params: EngineParams = {};
  for (const p of modelParamOptions) {
    if (opts[p.key] !== undefined && reads(p, model, opts[p.key])) params[p.key] = opts[p.key];
  }
  return params;
}

/**
 * Wrong usage (exit 2) when a per-model choice, e.g. `--variant random`, fits none of the chosen
 * models that take the flag (with `--model all`, `--variant random` goes to exchange, bdm keeps its own).
 */
export function checkModelParams(models: readonly string[], opts: Record<string, unknown>): void {
  for (const p of modelParamOptions) {
    const value = opts[p.key];
    const byModel = p.choicesByModel;
    if (value === undefined || !byModel) continue;
    const takers = models.filter((m) => p.models === 'all' || p.models.includes(m));
    if (takers.length === 0 || takers.some((m) => reads(p, m, value))) continue;
    const flag = p.flags.split(' ')[0];
    const own = takers.map((m) => `${m}: ${(byModel[m] ?? []).join('|')}`).join('; ');
    throw new CliError(`${flag} ${String(value)} is not a choice of the chosen model${takers.length > 1 ? 's' : ''} (${own})`, 2);
  }
}

export interface ForecastRun {
  case: Case;
  input: ModelInput;
  results: EngineResult[];
}

/** Load the input and run each model with its own parameters. */
export async function runForecast(file: string, opts: Record<string, unknown>): Promise<ForecastRun> {
  const { case: c, params: fileParams } = await importFileWithParams(file, opts.inputFormat as string | undefined);
  const models = resolveModels(opts.model as string[] | undefined);
  checkModelParams(models, opts);
  let input: ModelInput | undefined;
  const results = models.map((name) => {
    // Parameters the file sets (KTAB XML's ModelParameters) give way to those on the command line.
    const params = { ...fileParams[name], ...paramsFor(name, opts) };
    const set = forecastCase(c, { models: [name], asOf: opts.asOf as string | undefined, scenario: opts.scenario as string | undefined, ...params });
    input ??= set.input;
    return set.results[0];
  });
  return { case: c, input: input!, results };
}

/** The anchor nearest to `value` on the issue's scale (undefined when it has none; ties: the first). */
export function nearestAnchor<A extends { at: number; label: string }>(anchors: readonly A[], value: number): A | undefined {
  let best: A | undefined;
  for (const a of anchors) if (!best || Math.abs(a.at - value) < Math.abs(best.at - value)) best = a;
  return best;
}

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

function forecastCsv(run: ForecastRun): string {
  const rows = run.results.flatMap((r) => run.case.issues.map((iss, k) => [r.model, iss.id, iss.title, Number.isFinite(r.outcome[k]) ? r.outcome[k] : '', nearestAnchor(iss.scale.anchors, r.outcome[k])?.label ?? '']));
  return renderCsv(['model', 'issue', 'title', 'outcome', 'nearest_anchor'], rows);
}

export const inputFormatOption = () => new Option('--input-format <format>', 'input format (default: detected)').choices(importers.map((i) => i.name));

export function register(program: Command): void {
  const cmd = program
    .command('forecast')
    .description('forecast every issue with each model, side by side (compromise, median, nash, bdm, exchange, smp, …)')
    .argument('<input>', 'case file (YAML/JSON) or an importable file (KTAB, decide, BDM CSV, DEU III)')
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(inputFormatOption())
    .addOption(formatOption());
  addModelParamOptions(cmd).action((file: string, opts: Record<string, unknown> & { format: OutputFormat }) =>
    analysisAction(async () => {
      const run = await runForecast(file, opts);
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(run.results.map((r) => forecastToJson(run.input, r)), null, 2)}\n`);
      else if (opts.format === 'csv') process.stdout.write(forecastCsv(run));
      else process.stdout.write(forecastTable(run));
    }),
  );
}
