/** Options several commands share, declared once. */
import { InvalidArgumentError, Option } from 'commander';

export type OutputFormat = 'table' | 'json' | 'csv';

export const formatOption = (choices: OutputFormat[] = ['table', 'json', 'csv'], def: OutputFormat = 'table') =>
  new Option('--format <format>', 'output format').choices(choices).default(def);

/** A YYYY-MM-DD date that exists in the calendar. */
export function parseIsoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export const asOfOption = () => new Option('--as-of <date>', 'the case as it stood on this date (YYYY-MM-DD)').argParser(parseIsoDate);

/** A non-negative integer (seeds, run counts). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return Number(value);
}

/** A database URL with its password hidden, for messages. */
export const redact = (url: string): string => url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
