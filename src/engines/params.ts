/**
 * Model parameters as data: each engine declares its parameters once, in a table beside the
 * engine (`bdmParams` in bdm.ts, …), and everything else is derived from that table — the engine's
 * own defaults and range checks (`readParams`), the CLI's options (src/cli/model-params.ts), the
 * API's request schema and its OpenAPI description (src/engines/params-zod.ts), the dashboard's
 * parameter panel and docs/parameters.md.
 *
 * Pure: no zod, no commander, no I/O, so that an engine (and a Monte Carlo worker) loads nothing
 * else. A parameter that several engines read with one meaning (rounds, seed) is declared once here.
 */
import type { EngineParams } from './types.ts';

export type ParamType = 'integer' | 'number' | 'enum' | 'boolean' | 'bits';

interface ParamBase<T> {
  /** The engine's name for it (the key of its params record); the CLI flag is its kebab case. */
  name: string;
  type: ParamType;
  default: T;
  /** One line: what it does (the unit, what the values mean). */
  help: string;
  /** Where it comes from: the paper, or the code whose behaviour it reproduces. */
  source: string;
  /** Other keys the engine accepts for it, in order of precedence after `name` (KTAB's spellings, smp's `rounds`). */
  aliases?: readonly string[];
}

export interface IntegerParam extends ParamBase<number> {
  type: 'integer';
  min: number;
  max?: number;
}

export interface NumberParam extends ParamBase<number> {
  type: 'number';
  min: number;
  max: number;
  /** The lower bound itself is not allowed: (min, max]. */
  minExclusive?: boolean;
}

export interface EnumParam extends ParamBase<string> {
  type: 'enum';
  choices: readonly string[];
  /** Other spellings of a choice, lower case → the choice (KTAB's logs say "Prop" for Proportional). */
  valueAliases?: Readonly<Record<string, string>>;
}

export interface BooleanParam extends ParamBase<boolean> {
  type: 'boolean';
}

/** A list of small non-negative integers (recorded decisions, replayed in order), each at most `max`. */
export interface BitsParam extends ParamBase<readonly number[]> {
  type: 'bits';
  max: number;
}

export type ParamSpec = IntegerParam | NumberParam | EnumParam | BooleanParam | BitsParam;
export type ParamTable = readonly ParamSpec[];

/** A parameter value out of its range or of the wrong type; names the model and the parameter. */
export class ParamError extends RangeError {
  constructor(
    message: string,
    readonly param: string,
    readonly model?: string,
  ) {
    super(message);
    this.name = 'ParamError';
  }
}

type ErrorClass = new (message: string, param: string, model?: string) => ParamError;

// ---------------------------------------------------------------- common parameters, declared once

/** Rounds of an iterative model (each engine its own default). */
export const roundsParam = (dflt: number, source: string): IntegerParam => ({
  name: 'rounds',
  type: 'integer',
  default: dflt,
  min: 0,
  max: 100_000,
  help: 'rounds of the iterative model (0: the input as it is)',
  source,
});

/** Seed of a model's random elements: same seed, same result (src/engines/random.ts). */
export const seedParam = (source: string): IntegerParam => ({
  name: 'seed',
  type: 'integer',
  default: 0,
  min: 0,
  max: Number.MAX_SAFE_INTEGER,
  help: 'seed of the model’s random elements (same seed, same result)',
  source,
});

// ---------------------------------------------------------------- describing a parameter

const fmt = (x: number): string => (x === Number.MAX_SAFE_INTEGER ? '2^53−1' : String(x));

/** The allowed values in words: "[0, 1]", "integer ≥ 0", "paper | reference", "0s and 1s". */
export function describeRange(spec: ParamSpec): string {
  switch (spec.type) {
    case 'integer':
      return spec.max === undefined ? `integer ≥ ${fmt(spec.min)}` : `integer in [${fmt(spec.min)}, ${fmt(spec.max)}]`;
    case 'number':
      return `${spec.minExclusive ? '(' : '['}${fmt(spec.min)}, ${fmt(spec.max)}]`;
    case 'enum':
      return spec.choices.join(' | ');
    case 'boolean':
      return 'true | false';
    case 'bits':
      return spec.max === 1 ? 'comma-separated 0s and 1s' : `comma-separated integers 0–${spec.max}`;
  }
}

/** The default as the CLI would spell it. */
export function formatDefault(spec: ParamSpec): string {
  if (spec.type === 'bits') return (spec.default as readonly number[]).length ? (spec.default as readonly number[]).join(',') : 'none';
  return String(spec.default);
}

/** `VictoryProbModel` → `victory-prob-model`, `BigRRange` → `big-r-range`, `tieBreak` → `tie-break`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

// ---------------------------------------------------------------- checking values

const quoted = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(' or ');
const shown = (v: unknown): string => (typeof v === 'string' ? `"${v.length > 60 ? `${v.slice(0, 59)}…` : v}"` : Array.isArray(v) ? `[${v.join(',')}]` : String(v));

/** The choice `value` names (case-insensitive, aliases allowed), or undefined. */
export function matchChoice(spec: EnumParam, value: string): string | undefined {
  const text = value.trim();
  const wanted = spec.valueAliases?.[text.toLowerCase()] ?? text;
  return spec.choices.find((c) => c.toLowerCase() === wanted.toLowerCase());
}

/**
 * The value, checked against its parameter and normalized (an enum's canonical spelling, a frozen
 * copy of a list); throws a ParamError naming the model and the parameter.
 */
export function checkParam(spec: ParamSpec, value: unknown, model?: string, Err: ErrorClass = ParamError, label = spec.name): unknown {
  const who = `${model ? `${model}: ` : ''}${label}`;
  const fail = (expected: string): never => {
    throw new Err(`${who} must be ${expected}, got ${shown(value)}`, spec.name, model);
  };
  switch (spec.type) {
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || (spec.max !== undefined && value > spec.max)) return fail(`an ${describeRange(spec)}`);
      return value;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`a number in ${describeRange(spec)}`);
      if ((spec.minExclusive ? value <= spec.min : value < spec.min) || value > spec.max) return fail(`a number in ${describeRange(spec)}`);
      return value;
    }
    case 'enum': {
      const hit = typeof value === 'string' ? matchChoice(spec, value) : undefined;
      if (hit !== undefined) return hit;
      // Two choices read as a sentence; a longer list as KTAB's own "allowed:" message.
      if (spec.choices.length === 2) return fail(quoted(spec.choices));
      throw new Err(`${who}: unknown value ${shown(value)} (allowed: ${spec.choices.join(', ')})`, spec.name, model);
    }
    case 'boolean':
      if (typeof value !== 'boolean') return fail('true or false');
      return value;
    case 'bits': {
      if (!Array.isArray(value) || value.some((b) => typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > spec.max)) return fail(`a list of integers from 0 to ${spec.max}`);
      return Object.freeze(value.slice());
    }
  }
}

/** A value typed on a command line (or read from a text file), parsed for its parameter and checked. */
export function parseParamText(spec: ParamSpec, text: string, model?: string): unknown {
  const t = text.trim();
  const who = `${model ? `${model}: ` : ''}${spec.name}`;
  switch (spec.type) {
    case 'integer':
      return checkParam(spec, /^[+-]?\d+$/.test(t) ? Number(t) : t, model);
    case 'number':
      return checkParam(spec, t !== '' && Number.isFinite(Number(t)) ? Number(t) : t, model);
    case 'enum':
      return checkParam(spec, t, model);
    case 'boolean': {
      const b = ({ true: true, yes: true, on: true, 1: true, false: false, no: false, off: false, 0: false } as Record<string, boolean>)[t.toLowerCase()];
      if (b === undefined) throw new ParamError(`${who} must be true or false, got "${t}"`, spec.name, model);
      return b;
    }
    case 'bits': {
      const s = t.replace(/\s+/g, '');
      const ok = s === '' || /^\d+(,\d+)*$/.test(s);
      const list = ok && s !== '' ? s.split(',').map(Number) : [];
      if (!ok || list.some((b) => b > spec.max)) throw new ParamError(`${who} must be ${describeRange(spec)}, e.g. 0,1,1,0, got "${t}"`, spec.name, model);
      return checkParam(spec, list, model);
    }
  }
}

// ---------------------------------------------------------------- tables and records

/** The spec of `key` in a table, by name or alias. */
export function findParam(table: ParamTable, key: string): ParamSpec | undefined {
  return table.find((s) => s.name === key) ?? table.find((s) => s.aliases?.includes(key));
}

/** Every parameter at its default. */
export function defaultsOf(table: ParamTable): Record<string, unknown> {
  return Object.fromEntries(table.map((s) => [s.name, s.default]));
}

/**
 * What an engine reads: every parameter of its table, from `params` (by name, then by alias) or
 * its default, checked. Keys of other models are ignored (an engine may be handed a record meant
 * for several); null and undefined mean "the default".
 */
export function readParams(table: ParamTable, params: EngineParams, model: string, Err: ErrorClass = ParamError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of table) {
    let v = params[spec.name];
    let label = spec.name;
    if (v == null && spec.aliases) {
      for (const a of spec.aliases) {
        if ((v = params[a]) == null) continue;
        label = `${a} (${spec.name})`; // the error names the key the caller used
        break;
      }
    }
    out[spec.name] = v == null ? spec.default : checkParam(spec, v, model, Err, label);
  }
  return out;
}

/**
 * A record sent for one model (the API's body, a stored run), checked strictly: every key must be
 * one of the model's parameters (or an alias, stored under the parameter's name). Returns only the
 * values given; `resolveParams` adds the defaults.
 */
export function validateParams(model: string, table: ParamTable, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const spec = findParam(table, key);
    if (!spec) {
      const known = table.map((s) => s.name);
      throw new ParamError(`${model}: unknown parameter "${key}" (${known.length ? `known: ${known.join(', ')}` : 'the model takes none'})`, key, model);
    }
    if (spec.name in out && spec.name !== key) continue; // the name wins over an alias, as in readParams
    out[spec.name] = checkParam(spec, value, model);
  }
  return out;
}

/** The record with every parameter of the table, defaults filled in (what a stored run records). */
export function resolveParams(model: string, table: ParamTable, record: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...defaultsOf(table), ...validateParams(model, table, record) };
}

/**
 * A flat record (`{ rounds: 5, variant: 'random' }`, the API's older form) split per model: each key
 * goes to every chosen model that has the parameter; an enum value goes only to the models whose
 * choices include it (`variant: 'random'` is exchange's, `'reference'` bdm's). A key no chosen model
 * has, or a value no chosen model takes, is an error.
 */
export function routeFlatParams(models: readonly string[], tables: Readonly<Record<string, ParamTable>>, flat: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = Object.fromEntries(models.map((m) => [m, {}]));
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const takers = models.filter((m) => findParam(tables[m] ?? [], key));
    if (takers.length === 0) {
      const owners = Object.keys(tables).filter((m) => findParam(tables[m], key));
      throw new ParamError(`unknown parameter "${key}" for ${models.join(', ')}${owners.length ? ` (it is ${owners.join(', ')}’s)` : ''}`, key);
    }
    const fits = takers.filter((m) => {
      const spec = findParam(tables[m], key)!;
      return spec.type !== 'enum' || (typeof value === 'string' && matchChoice(spec, value) !== undefined);
    });
    if (fits.length === 0) {
      // No chosen model takes the value: the first taker's check says why (an enum's choices, a range).
      if (takers.length === 1) checkParam(findParam(tables[takers[0]], key)!, value, takers[0]);
      const own = takers.map((m) => `${m}: ${describeRange(findParam(tables[m], key)!)}`).join('; ');
      throw new ParamError(`${key} ${shown(value)} is not a choice of the chosen models (${own})`, key);
    }
    for (const m of fits) out[m][key] = value;
  }
  return out;
}

/** The per-model parameters of an analysis: `modelParams[model]` over the parameters common to every model. */
export function paramsForModel(model: string, params: EngineParams & { modelParams?: Readonly<Record<string, EngineParams>> }): EngineParams {
  const { modelParams, ...common } = params;
  const own = modelParams?.[model];
  return own ? { ...common, ...own } : common;
}
