/**
 * The engines' parameter tables (src/engines/params.ts) mounted on a command as options, and the
 * parsed options turned back into each model's parameters.
 *
 * Flags: each parameter is `--<kebab case of its name>` (`--tie-break`, `--victory-prob-model`),
 * declared once however many engines read it. A flag several engines share sets each of them:
 * `--rounds 5` is bdm's and exchange's rounds and smp's maxTurns (smp reads `rounds` as maxTurns);
 * where the engines take different choices under one name (bdm's `variant` paper|reference,
 * exchange's equal-gain|random) a value goes to the models whose choice it is: `--variant random`
 * is exchange's and bdm keeps its default (a value no chosen model takes is wrong usage). A name
 * several engines share also gets one flag per model, `--<model>-<flag>` (`--bdm-rounds 20
 * --exchange-rounds 5`, `--bdm-variant reference`), which wins over the shared flag.
 *
 * Values are checked by the table at the end, per model (a range may differ: smp's maxTurns starts
 * at 1, bdm's rounds at 0); a wrong value is wrong usage (exit 2) with a message naming the flag,
 * the model and the parameter.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { engineParams } from '../engines/index.ts';
import { ParamError, describeRange, formatDefault, kebabCase, matchChoice, parseParamText, type ParamSpec, type ParamTable } from '../engines/params.ts';
import type { EngineParams } from '../engines/types.ts';
import { CliError } from './errors.ts';

export interface ModelParamFlag {
  /** `--rounds`, `--bdm-variant`. */
  flag: string;
  /** The commander attribute the flag parses into. */
  attribute: string;
  /** The parameter each model sets from the flag (by its canonical name). */
  takers: Array<{ model: string; spec: ParamSpec }>;
  /** 0: an alias (`--rounds` for smp's maxTurns), 1: the parameter's own flag, 2: one model's own: later kinds win. */
  kind: 0 | 1 | 2;
  description: string;
}

export interface MountOptions {
  /** Parameters not to mount (simulate's `--seed` is the Monte Carlo seed; each run draws the engines'). */
  omit?: readonly string[];
  /** The tables to mount (default: every engine's). */
  tables?: Readonly<Record<string, ParamTable>>;
}

const valueName = (spec: ParamSpec): string => (spec.type === 'enum' ? 'choice' : spec.type === 'bits' ? 'list' : spec.type === 'boolean' ? 'bool' : 'n');
const sameMeaning = (a: ParamSpec, b: ParamSpec): boolean => a.type === b.type && (a.type !== 'enum' || (b.type === 'enum' && a.choices.join() === b.choices.join()));

function describe(takers: ModelParamFlag['takers'], flag: string): string {
  // A model that reads the flag under another name (smp's maxTurns for --rounds) says which.
  const one = ({ model, spec }: ModelParamFlag['takers'][number]) =>
    `${model}${`--${kebabCase(spec.name)}` === flag ? '' : ` ${spec.name}`}: ${spec.help} (${describeRange(spec)}; default ${formatDefault(spec)})`;
  if (takers.length === 1 || !takers.every((t) => sameMeaning(t.spec, takers[0].spec) && t.spec.help === takers[0].spec.help)) return takers.map(one).join(' · ');
  // One meaning shared by several models (seed): said once, with each model's default.
  const s = takers[0].spec;
  return `${takers.map((t) => t.model).join(', ')}: ${s.help} (${describeRange(s)}; default ${takers.map((t) => `${t.model} ${formatDefault(t.spec)}`).join(', ')})`;
}

/** The flags of the tables, in a stable order (the tables' order, models in registry order). */
export function modelParamFlags(opts: MountOptions = {}): ModelParamFlag[] {
  const tables = opts.tables ?? engineParams;
  const omit = new Set(opts.omit ?? []);
  const byFlag = new Map<string, { takers: ModelParamFlag['takers']; kind: 0 | 1 }>();
  const add = (flag: string, model: string, spec: ParamSpec, kind: 0 | 1) => {
    const entry = byFlag.get(flag) ?? { takers: [], kind };
    entry.takers.push({ model, spec });
    byFlag.set(flag, entry);
  };
  for (const [model, table] of Object.entries(tables)) {
    for (const spec of table) {
      if (omit.has(spec.name)) continue;
      const own = kebabCase(spec.name);
      add(`--${own}`, model, spec, 1);
      // An alias with a flag of its own (smp's `rounds`); KTAB's lower-case spellings have the same flag.
      for (const alias of spec.aliases ?? []) if (!omit.has(alias) && kebabCase(alias) !== own) add(`--${kebabCase(alias)}`, model, spec, 0);
    }
  }
  const flags: ModelParamFlag[] = [];
  for (const [flag, { takers, kind }] of byFlag) {
    // A flag that is an alias for one model and the own name for another (--rounds) counts as own.
    const aliasOnly = takers.every((t) => `--${kebabCase(t.spec.name)}` !== flag);
    flags.push({ flag, attribute: new Option(`${flag} <v>`).attributeName(), takers, kind: aliasOnly ? 0 : kind, description: describe(takers, flag) });
    const owners = takers.filter((t) => `--${kebabCase(t.spec.name)}` === flag);
    if (owners.length > 1) {
      for (const t of owners) {
        const own = `--${t.model}-${flag.slice(2)}`;
        flags.push({ flag: own, attribute: new Option(`${own} <v>`).attributeName(), takers: [t], kind: 2, description: `${t.model} only (over ${flag}): ${t.spec.help} (${describeRange(t.spec)}; default ${formatDefault(t.spec)})` });
      }
    }
  }
  return flags;
}

/** Mount the parameter tables on a command, under a "Model parameters" heading in its help. */
export function addModelParamOptions(cmd: Command, opts: MountOptions = {}): Command {
  for (const f of modelParamFlags(opts)) {
    const spec = f.takers[0].spec;
    const option = new Option(`${f.flag} <${valueName(spec)}>`, f.description).helpGroup('Model parameters (docs/parameters.md):');
    // Numbers parse here (a command may read one itself, as backtest its --seed); each model's range is checked later.
    const numeric = f.takers.every((t) => t.spec.type === spec.type) && (spec.type === 'integer' || spec.type === 'number') ? spec.type : undefined;
    if (numeric) {
      option.argParser((v: string) => {
        const x = Number(v);
        if (v.trim() === '' || !Number.isFinite(x) || (numeric === 'integer' && !Number.isInteger(x))) throw new InvalidArgumentError(`${spec.name} must be ${numeric === 'integer' ? 'an integer' : 'a number'}, got "${v}"`);
        return x;
      });
    }
    cmd.addOption(option);
  }
  return cmd;
}

const shown = (v: unknown) => String(v);

/**
 * Each chosen model's parameters from the parsed options (only those set on the command line).
 * A flag no chosen model reads is ignored, as it always was (`--rounds 2 --model compromise`, one
 * set of flags for several runs); `strict: true` makes it wrong usage.
 */
export function modelParamsFromOptions(models: readonly string[], opts: Record<string, unknown>, mount: MountOptions & { strict?: boolean } = {}): Record<string, EngineParams> {
  const out: Record<string, EngineParams> = Object.fromEntries(models.map((m) => [m, {}]));
  const flags = modelParamFlags(mount).filter((f) => opts[f.attribute] !== undefined).sort((a, b) => a.kind - b.kind);
  for (const f of flags) {
    const text = String(opts[f.attribute]);
    const takers = f.takers.filter((t) => models.includes(t.model));
    if (takers.length === 0) {
      if (mount.strict !== true) continue;
      const owners = [...new Set(f.takers.map((t) => t.model))].join(', ');
      throw new CliError(`error: ${f.flag} is a parameter of ${owners}, not of the chosen model${models.length > 1 ? 's' : ''} (${models.join(', ')})`, 2);
    }
    // One name, different choices per model: the value goes to the models whose choice it is.
    const split = f.takers.some((t) => !sameMeaning(t.spec, f.takers[0].spec));
    const fits = split ? takers.filter((t) => t.spec.type !== 'enum' || matchChoice(t.spec, text) !== undefined) : takers;
    if (fits.length === 0) {
      const own = takers.map((t) => `${t.model}: ${t.spec.type === 'enum' ? t.spec.choices.join('|') : describeRange(t.spec)}`).join('; ');
      throw new CliError(`error: ${f.flag} ${text} is not a choice of the chosen model${takers.length > 1 ? 's' : ''} (${own})`, 2);
    }
    for (const { model, spec } of fits) {
      try {
        out[model][spec.name] = parseParamText(spec, text, model);
      } catch (e) {
        if (e instanceof ParamError) throw new CliError(`error: ${f.flag} ${shown(text)}: ${e.message}`, 2);
        throw e;
      }
    }
  }
  return out;
}
