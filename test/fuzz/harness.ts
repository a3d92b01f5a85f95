/**
 * The fuzz harness (docs/testing.md, "Fuzzing"): draws N inputs from a fast-check arbitrary (with
 * the seed of test/helpers/fast-check-seed.ts: fixed under CI, `FC_SEED=N` to replay), runs the
 * target on each, and counts the inputs that threw anything but the project's own located user
 * errors, and the slowest input. Every input runs, so the report counts all failures, not the first;
 * the test then fails naming the first few failing inputs (short enough to read: the arbitraries keep
 * inputs small).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { userErrorExitCode } from '../../src/cli/errors.ts';
import { CaseFileError } from '../../src/case/load.ts';

/** Inputs per target (the budget: at least 10,000). */
export const FUZZ_RUNS = Math.max(10_000, Number(process.env.FUZZ_RUNS ?? 0));
/** No single input may take longer (ms). */
export const MAX_INPUT_MS = 1000;

export interface FuzzFailure {
  input: unknown;
  error: string;
}

export interface FuzzReport {
  target: string;
  inputs: number;
  failures: FuzzFailure[];
  slowestMs: number;
  slowestInput: unknown;
  seed: number;
}

/**
 * Why an error is not an acceptable answer to bad input, or undefined when it is: one of the
 * project's user error classes (USER_ERROR_CLASSES) with a message, and a CaseFileError's problems
 * each located (the file given, line and column ≥ 1).
 */
export function unacceptable(e: unknown, file?: string): string | undefined {
  if (userErrorExitCode(e) === undefined) return `not a user error: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`;
  const message = (e as Error).message;
  if (!message) return `${(e as Error).name} without a message`;
  if (e instanceof CaseFileError) {
    if (e.problems.length === 0) return 'CaseFileError without problems';
    for (const p of e.problems) {
      if (file !== undefined && p.file !== file) return `problem not in the file given (${p.file}): ${p.message}`;
      if (!(Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.column) && p.column >= 1)) return `problem not located (line ${p.line}, column ${p.column}): ${p.message}`;
      if (!p.message) return 'problem without a message';
    }
  }
  return undefined;
}

function seedOf(): number {
  const configured = fc.readConfigureGlobal().seed;
  return configured ?? (Date.now() ^ (Math.random() * 0x100000000)) | 0;
}

/**
 * Run `target` on FUZZ_RUNS inputs of `arb`. `target` returns undefined when the input was handled
 * well, or a message saying what was wrong with the answer (a thrown error is judged by `judge`,
 * by default `unacceptable`).
 */
export async function fuzz<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  target: (input: T) => string | undefined | void | Promise<string | undefined | void>,
  judge: (e: unknown, input: T) => string | undefined = (e) => unacceptable(e),
): Promise<FuzzReport> {
  const seed = seedOf();
  const inputs = fc.sample(arb, { numRuns: FUZZ_RUNS, seed });
  const report: FuzzReport = { target: name, inputs: inputs.length, failures: [], slowestMs: 0, slowestInput: undefined, seed };
  const once = async (input: T): Promise<{ ms: number; problem: string | undefined }> => {
    const t0 = performance.now();
    let problem: string | undefined;
    try {
      const r = target(input);
      problem = (r instanceof Promise ? await r : r) ?? undefined;
    } catch (e) {
      problem = judge(e, input);
    }
    return { ms: performance.now() - t0, problem };
  };
  for (const input of inputs) {
    const first = await once(input);
    const problem = first.problem;
    let ms = first.ms;
    // A slow input is timed once more and the faster time kept: a garbage collection or another
    // process on a shared machine can stall one run, but an input that is slow stays slow.
    if (ms > MAX_INPUT_MS / 4) ms = Math.min(ms, (await once(input)).ms);
    if (ms > report.slowestMs) {
      report.slowestMs = ms;
      report.slowestInput = input;
    }
    if (problem !== undefined) report.failures.push({ input, error: problem });
  }
  console.log(`fuzz ${name}: ${report.inputs} inputs, ${report.failures.length} failures, slowest ${Math.round(report.slowestMs)} ms`);
  return report;
}

const show = (x: unknown) => {
  const s = typeof x === 'string' ? JSON.stringify(x) : JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  return s && s.length > 600 ? `${s.slice(0, 600)}… (${s.length} characters)` : s;
};

/** The assertions every fuzz test ends with: no failures, no input slower than MAX_INPUT_MS. */
export function expectClean(r: FuzzReport): void {
  const first = r.failures.slice(0, 3).map((f) => `\n  input ${show(f.input)}\n  → ${f.error}`).join('');
  expect(r.failures.length, `fuzz ${r.target} (seed ${r.seed}, replay with FC_SEED=${r.seed}): ${r.failures.length} failing inputs, the first:${first}`).toBe(0);
  expect(r.slowestMs, `fuzz ${r.target} (seed ${r.seed}): slowest input ${show(r.slowestInput)}`).toBeLessThan(MAX_INPUT_MS);
  expect(r.inputs).toBeGreaterThanOrEqual(10_000);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: mutations of valid inputs, random text, hostile strings.

/** Words and values that have broken parsers: prototype keys, entities out of range, huge numbers. */
export const HOSTILE = [
  'constructor', 'Constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__',
  '&#x110000;', '&#xD800;', '&#0;', '&#99999999999;', '&#x;', '&amp', '&lt;&gt;', '&nbsp;', '&bogus;', '<![CDATA[', ']]>', '<!--', '<!DOCTYPE x>',
  '1e309', '-1e309', '1e-400', 'NaN', 'Infinity', '-Infinity', '-0', '0x10', '9007199254740993', '18446744073709551616', '1'.repeat(400), '0.' + '0'.repeat(300) + '1',
  '999', '-1', '100.0000001', '1,5', '', ' ', '\t', '\r\n', '\u0000', '\uFEFF', '\uD800', '\u202E', '\u2028', '🙂', 'null', 'true', '~', '*a', '&a', '!!js/function', '!!binary',
  '"', "'", ';', ',', '#', '#A', '#P', '#D', '#M', '---', '...', '- ', ': ', '{', '}', '[', ']', '<', '>', '</Scenario>', '<Actor>', '%', '\\',
];

/** A random hostile token or a short random string (any code points, including lone surrogates). */
export const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
);

type Op =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; len: number; text: string }
  | { kind: 'duplicate'; at: number; len: number; times: number }
  | { kind: 'number'; nth: number; text: string }
  | { kind: 'line'; nth: number; op: 'drop' | 'swap' | 'repeat' }
  | { kind: 'truncate'; at: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: frac, len: fc.nat(40) }),
  fc.record({ kind: fc.constant('insert' as const), at: frac, text: token }),
  fc.record({ kind: fc.constant('replace' as const), at: frac, len: fc.nat(12), text: token }),
  fc.record({ kind: fc.constant('duplicate' as const), at: frac, len: fc.integer({ min: 1, max: 60 }), times: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('number' as const), nth: fc.nat(200), text: token }),
  fc.record({ kind: fc.constant('line' as const), nth: fc.nat(200), op: fc.constantFrom('drop' as const, 'swap' as const, 'repeat' as const) }),
  fc.record({ kind: fc.constant('truncate' as const), at: frac }),
);

function apply(text: string, o: Op): string {
  const pos = (f: number) => Math.floor(f * text.length);
  switch (o.kind) {
    case 'delete':
      return text.slice(0, pos(o.at)) + text.slice(pos(o.at) + o.len);
    case 'insert':
      return text.slice(0, pos(o.at)) + o.text + text.slice(pos(o.at));
    case 'replace':
      return text.slice(0, pos(o.at)) + o.text + text.slice(pos(o.at) + o.len);
    case 'duplicate': {
      const piece = text.slice(pos(o.at), pos(o.at) + o.len);
      return text.slice(0, pos(o.at)) + piece.repeat(o.times) + text.slice(pos(o.at));
    }
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(?:[.,]\d+)?/g)];
      if (numbers.length === 0) return text;
      const m = numbers[o.nth % numbers.length];
      return text.slice(0, m.index) + o.text + text.slice(m.index + m[0].length);
    }
    case 'line': {
      const lines = text.split('\n');
      const i = o.nth % lines.length;
      if (o.op === 'drop') lines.splice(i, 1);
      else if (o.op === 'repeat') lines.splice(i, 0, lines[i]);
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, pos(o.at));
  }
}

/** One of `seeds`, changed by one to five mutations. */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(op, { minLength: 1, maxLength: 5 })).map(([s, ops]) => ops.reduce(apply, s));
}

/** Random bytes read as UTF-8 (invalid sequences become U+FFFD) or as Latin-1. */
export const bytesAsText: fc.Arbitrary<string> = fc
  .tuple(fc.uint8Array({ maxLength: 300 }), fc.boolean())
  .map(([b, utf8]) => Buffer.from(b).toString(utf8 ? 'utf8' : 'latin1'));

/** Random text: hostile tokens joined by separators of the formats, or free strings. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.array(token, { maxLength: 30 }).chain((ts) => fc.constantFrom('', '\n', ',', ';', '\t', ' ', ': ').map((sep) => ts.join(sep))),
  fc.string({ maxLength: 300, unit: 'binary' }),
  bytesAsText,
);

/** Deeply nested text: `open` repeated, then `close` repeated (fewer or as many). */
export function nested(open: string, close: string, inner = '', max = 400): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 1, max }), fc.double({ min: 0, max: 1, noNaN: true })).map(([n, f]) => open.repeat(n) + inner + close.repeat(Math.floor(n * f)));
}

/** The usual mix for a text format: mostly mutations of the valid seeds, then random and nested text. */
export function textInputs(seeds: readonly string[], nesting: fc.Arbitrary<string>[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: mutated(seeds) },
    { weight: 2, arbitrary: fc.constantFrom(...seeds) },
    { weight: 3, arbitrary: randomText },
    ...nesting.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}
