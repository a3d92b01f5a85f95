/**
 * The input hash of a forecast run: sha256 of the canonical JSON of the model input (object keys
 * sorted, typed arrays as plain arrays, non-finite numbers as null), so the same numbers always
 * give the same hash whatever order the fields were built in.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`cannot hash a ${typeof value}`);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const inputHash = (input: unknown): string => sha256Hex(canonicalJson(input));
