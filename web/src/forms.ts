/**
 * The case-building forms' logic, without React: field specs, the form's values <-> the item the
 * API takes, the server's error paths -> the form's fields, and the default date of a new record.
 *
 * A form's values are flat, keyed by the item's field path written with dots (`redLine.minRange.low`);
 * rows of a list (speakers, anchors, draft points, scenario changes) are arrays of such flat maps.
 * The same dotted keys are what a refused write's `error.path` names (`stances[85].redLine.min` or,
 * for a body the schema refused, `redLine.min`), so one function maps any path to its field.
 */
import type { Case } from '../../src/case/schema.ts';

export type Option = [value: string, label: string];

export type FieldSpec =
  | { key: string; label: string; kind: 'text' | 'textarea' | 'number' | 'date' | 'url'; required?: boolean; help?: string; fixedOnEdit?: boolean }
  | { key: string; label: string; kind: 'checkbox'; help?: string }
  | { key: string; label: string; kind: 'select'; options: Option[]; required?: boolean; help?: string; fixedOnEdit?: boolean }
  /** Several of a list of ids, as checkboxes. */
  | { key: string; label: string; kind: 'multi'; options: Option[]; help?: string }
  /** Strings, one a line (aliases). */
  | { key: string; label: string; kind: 'lines'; help?: string }
  /** A draft point's number: an integer, or a label such as "3a". */
  | { key: string; label: string; kind: 'label'; required?: boolean }
  /** A list of objects, each a row of sub-fields. */
  | { key: string; label: string; kind: 'rows'; fields: FieldSpec[]; addLabel: string; help?: string };

export type Scalar = string | boolean | string[];
export type Row = Record<string, Scalar>;
export type Values = Record<string, Scalar | Row[]>;

/** Estimates: a bare number when only the best value is given, `{value, low, high}` otherwise. */
const ESTIMATE_KEYS = new Set(['position', 'salience', 'capability']);

/** An item as the form's values (every field of the spec present, as text). */
export function toValues(item: Record<string, unknown> | undefined, fields: FieldSpec[]): Values {
  const out: Values = {};
  for (const f of fields) {
    const raw = item === undefined ? undefined : read(item, f.key);
    if (f.kind === 'rows') {
      out[f.key] = Array.isArray(raw) ? raw.map((r) => toValues(r as Record<string, unknown>, f.fields) as Row) : [];
    } else out[f.key] = scalarOf(f, raw);
  }
  return out;
}

function scalarOf(f: FieldSpec, raw: unknown): Scalar {
  if (f.kind === 'checkbox') return raw === true;
  if (f.kind === 'multi' || f.kind === 'lines') return Array.isArray(raw) ? raw.map(String) : [];
  return raw === undefined || raw === null ? '' : String(raw);
}

/** Read a dotted path; an estimate stored as a bare number reads as `{value}`. */
function read(item: Record<string, unknown>, key: string): unknown {
  let cur: unknown = item;
  for (const part of key.split('.')) {
    if (typeof cur === 'number' && part === 'value') return cur;
    if (typeof cur === 'number') return undefined;
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * The form's values as the item the API takes: empty fields left out (so the server's defaults and
 * its own "required" errors apply), numbers as numbers, empty groups dropped, estimates with only a
 * value written as that number. Text that is not a number is sent as it is: the server refuses it,
 * naming the field.
 */
export function fromValues(values: Values, fields: FieldSpec[], base: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(base);
  for (const f of fields) {
    // The form owns its fields: what it clears is removed from the item, the rest of the item is kept.
    const v = values[f.key];
    let value: unknown;
    if (f.kind === 'rows') value = (v as Row[] | undefined ?? []).map((r) => fromValues(r, f.fields));
    else value = convert(f, v as Scalar | undefined);
    write(out, f.key, value);
  }
  return tidy(out) as Record<string, unknown>;
}

function convert(f: FieldSpec, v: Scalar | undefined): unknown {
  if (f.kind === 'checkbox') return v === true ? true : undefined;
  if (f.kind === 'multi') return Array.isArray(v) ? v : [];
  if (f.kind === 'lines') return Array.isArray(v) ? v.map((s) => s.trim()).filter(Boolean) : [];
  const s = typeof v === 'string' ? v.trim() : '';
  if (s === '') return undefined;
  if (f.kind === 'number') return Number.isFinite(Number(s)) ? Number(s) : s;
  if (f.kind === 'label') return /^\d+$/.test(s) ? Number(s) : s;
  return s;
}

function write(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    const next = cur[p];
    if (typeof next === 'number') cur[p] = { value: next };
    else if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** Drop empty groups; an estimate of only a value becomes the number; a red line of only `veto: false` goes. */
function tidy(v: unknown, key?: string): unknown {
  if (Array.isArray(v)) return v.map((x) => tidy(x));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const t = tidy(x, k);
    if (t !== undefined) out[k] = t;
  }
  const keys = Object.keys(out);
  if (keys.length === 0 && key !== undefined && key !== 'values') return undefined;
  if (key && ESTIMATE_KEYS.has(key) && keys.length === 1 && keys[0] === 'value') return out.value;
  if (key === 'redLine' && keys.length === 1 && out.veto === false) return undefined;
  return out;
}

/**
 * The form field a server error path names, or null. Accepts the case loader's paths
 * (`stances[85].redLine.min`, `actors[2].speakers[0].name`), a body's (`redLine.min`,
 * `body.redLine.min`) and the If-Match header's. Returns the field key, with the row for a list:
 * `speakers[0].name` -> `speakers[0].name` when `speakers` is a rows field (its `name` sub-field).
 */
export function fieldForPath(path: string | null | undefined, fields: FieldSpec[], collection?: string): string | null {
  if (!path) return null;
  let p = path.replace(/^body\./, '');
  if (collection) p = p.replace(new RegExp(`^${collection}\\[\\d+\\]\\.?`), '');
  else p = p.replace(/^[a-z]+\[\d+\]\.?/, '');
  return matchField(p, fields);
}

function matchField(p: string, fields: FieldSpec[]): string | null {
  // Longest key first: `redLine.minRange.low` before `redLine.min`.
  const sorted = [...fields].sort((a, b) => b.key.length - a.key.length);
  for (const f of sorted) {
    if (f.kind === 'rows') {
      const m = new RegExp(`^${escape(f.key)}\\[(\\d+)\\]\\.?(.*)$`).exec(p);
      if (m) {
        const sub = m[2] ? matchField(m[2], f.fields) : null;
        return sub ? `${f.key}[${m[1]}].${sub}` : f.key;
      }
      if (p === f.key) return f.key;
      continue;
    }
    // `position` (a bare number refused) lands on `position.value`; `evidence[2]` on `evidence`.
    if (p === f.key || p.startsWith(`${f.key}.`) || p.startsWith(`${f.key}[`) || f.key === `${p}.value`) return f.key;
  }
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The label a field key (as fieldForPath returns it) is shown with: `Speakers, row 1: Name`. */
export function labelFor(key: string, fields: FieldSpec[]): string {
  const m = /^([^[]+)\[(\d+)\]\.(.+)$/.exec(key);
  if (m) {
    const rows = fields.find((f) => f.key === m[1]);
    if (rows?.kind === 'rows') return `${rows.label}, row ${Number(m[2]) + 1}: ${labelFor(m[3], rows.fields)}`;
  }
  return fields.find((f) => f.key === key)?.label ?? key;
}

/**
 * Errors by field from a refused write: the first error and the others the case loader listed,
 * each on the field its path names; a path no field of this form names is `''` (shown above the form).
 */
export function errorsByField(
  err: { message: string; path: string | null; problems?: Array<{ path: string; message: string }> },
  fields: FieldSpec[],
  collection?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  const problems = err.problems?.length ? err.problems : [{ path: err.path ?? '', message: err.message }];
  for (const p of problems) {
    const key = fieldForPath(p.path, fields, collection) ?? '';
    const message = problemText(p.message, p.path, fields, collection);
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

/** The server's message without the internal path it may start with (`body.stances[3].x: ...`). */
function problemText(message: string, path: string, fields: FieldSpec[], collection?: string): string {
  const key = fieldForPath(path, fields, collection);
  const stripped = message.replace(/^(body|query|param)(\.[^:]+)?: /, '');
  return key ? `${labelFor(key, fields)}: ${stripped}` : stripped;
}

/** A case whose latest record is older than this is a past case (its dates default to that record's). */
export const PAST_CASE_DAYS = 90;

/**
 * The date a new record defaults to. A past case (its latest dated stance, evidence, draft or
 * event up to today is more than PAST_CASE_DAYS old) defaults to that latest date, so a closed case
 * is not extended to today; a live case, or one with no dates, to today. Future dates (deadlines)
 * do not count.
 */
export function defaultDate(c: Pick<Case, 'stances' | 'evidence' | 'drafts' | 'events'> | undefined, today = new Date().toISOString().slice(0, 10)): string {
  if (!c) return today;
  let latest = '';
  for (const d of [...c.stances.map((s) => s.date), ...c.evidence.map((e) => e.date), ...c.drafts.map((d) => d.date), ...c.events.map((e) => e.date)]) {
    if (d && d > latest && d <= today) latest = d;
  }
  if (!latest) return today;
  const ageDays = (Date.parse(today) - Date.parse(latest)) / 86_400_000;
  return ageDays > PAST_CASE_DAYS ? latest : today;
}

/** The fields two versions of an item differ in, flattened to dotted paths, for the conflict view. */
export function flatten(v: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === null || v === undefined) return out;
  if (typeof v !== 'object') {
    out[prefix || 'value'] = String(v);
    return out;
  }
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) {
    out[prefix] = v.join(', ');
    return out;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const key = Array.isArray(v) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k;
    Object.assign(out, flatten(x, key));
  }
  return out;
}

/** An estimate written as a bare number reads as `{value}`, so both versions list the same fields. */
const asObjects = (v: unknown): unknown => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, ESTIMATE_KEYS.has(k) && typeof x === 'number' ? { value: x } : x]));
};

export function fieldDiff(mine: unknown, theirs: unknown): Array<{ field: string; mine: string; theirs: string; differs: boolean }> {
  const a = flatten(asObjects(mine));
  const b = flatten(asObjects(theirs));
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.map((field) => ({ field, mine: a[field] ?? '', theirs: b[field] ?? '', differs: (a[field] ?? '') !== (b[field] ?? '') }));
}
