/**
 * decide's input format (github.com/foarsitter/decide-exchange-model, `docs/inputfiles.md`,
 * `model/helpers/csvparser.py`): delimited rows (`;` or tab, detected as Python's csv.Sniffer does;
 * values may be quoted with ' or "), each row typed by its first cell:
 *
 *   #A;id;name;comment                       an actor
 *   #P;id;name;comment                       an issue
 *   #M;issue;position;meaning                a labelled point of the issue's scale (bounds: min/max)
 *   #D;actor;issue;position;salience;power   an actor's stance (salience and power in [0, 1])
 *   #/ or #0                                 comment;   #O  description of the data set
 *
 * Imported as a case: the #A/#P id becomes the actor's name and the issue's title (decide reports
 * use them), #M points become the scale's anchors, salience × 100 (the case's 0–100), power becomes
 * the stance's per-issue `capability`. decide has no status quo: it is set to the scale's midpoint.
 * Like decide, actor and issue references in #D/#M match case- and punctuation-insensitively.
 */
import { basename, extname } from 'node:path';
import { estimate, type Case as CaseT, type CaseInput } from '../case/schema.ts';
import { CaseFileError, MAX_CASE_BYTES, type CaseProblem } from '../case/load.ts';
import { currentStances, pairKey } from '../case/view.ts';
import type { Exporter, Importer } from './index.ts';
import { idFromText, parseDecimal, splitDelimitedLine, validatedCase, type DelimitedCell } from './text.ts';

interface Row {
  line: number;
  cells: DelimitedCell[];
}

/** decide's `create_key`: ids compare lower-cased, without punctuation or spaces. */
const decideKey = (s: string): string => s.replace(/[\W_]+/gu, '').toLowerCase();

/** Detect the delimiter as csv.Sniffer would for these files: the one that splits the most rows. */
export function detectDelimiter(text: string): ';' | '\t' | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 50);
  let semi = 0;
  let tab = 0;
  for (const l of lines) {
    if (l.includes('\t')) tab++;
    if (l.includes(';')) semi++;
  }
  if (semi === 0 && tab === 0) return undefined;
  return tab >= semi ? '\t' : ';';
}

const KNOWN = new Set(['#A', '#P', '#M', '#D', '#/', '#0', '#O']);

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function parseDecide(text: string, file = '<input>'): CaseT {
  const problems: CaseProblem[] = [];
  const at = (line: number, column: number, path: string, message: string) => problems.push({ file, line, column, path, message });
  if (Buffer.byteLength(text) > MAX_CASE_BYTES) throw new CaseFileError([{ file, line: 1, column: 1, path: '', message: `file is larger than ${MAX_CASE_BYTES} bytes` }]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = detectDelimiter(text);
  if (!delimiter) throw new CaseFileError([{ file, line: 1, column: 1, path: '', message: 'not a decide file: no ";" or tab delimited rows (#A, #P, #M, #D)' }]);

  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((l, idx) => {
    if (l.trim() === '') return;
    rows.push({ line: idx + 1, cells: splitDelimitedLine(l, delimiter, { quotes: `'"`, trimQuoted: false, at: { file, line: idx + 1 } }) });
  });

  let description: string | undefined;
  const actors: { key: string; name: string; full: string; comment: string; line: number }[] = [];
  const issues: { key: string; name: string; full: string; comment: string; line: number; points: { at: number; label: string }[] }[] = [];
  const actorByKey = new Map<string, number>();
  const issueByKey = new Map<string, number>();
  const dataRows: Row[] = [];
  const mRows: Row[] = [];

  for (const row of rows) {
    const tag = row.cells[0].text.trim().toUpperCase();
    const cell = (i: number) => row.cells[i]?.text.trim() ?? '';
    const colOf = (i: number) => row.cells[i]?.column ?? (row.cells[row.cells.length - 1].column + row.cells[row.cells.length - 1].text.length + 1);
    if (tag === '') continue; // an empty first cell: a spreadsheet's blank row
    if (!KNOWN.has(tag)) {
      at(row.line, 1, 'type', `unknown row type "${clip(row.cells[0].text, 20)}" (expected #A, #P, #M, #D, #/, #0 or #O)`);
      continue;
    }
    if (tag === '#/' || tag === '#0') continue;
    if (tag === '#O') {
      description = row.cells.slice(1).map((c) => c.text.trim()).filter(Boolean).join(' ');
      continue;
    }
    if (tag === '#A' || tag === '#P') {
      const what = tag === '#A' ? 'actor' : 'issue';
      const name = cell(1);
      if (!name) {
        at(row.line, colOf(1), `${what}.id`, `${tag} row without an ${what} id`);
        continue;
      }
      const key = decideKey(name) || name;
      const byKey = tag === '#A' ? actorByKey : issueByKey;
      const list = tag === '#A' ? actors : issues;
      const prev = byKey.get(key);
      if (prev !== undefined) {
        at(row.line, colOf(1), `${what}.id`, `${what} "${name}" is already defined on line ${list[prev].line}`);
        continue;
      }
      byKey.set(key, list.length);
      const entry = { key, name: clip(name, 200), full: cell(2), comment: cell(3), line: row.line };
      if (tag === '#A') actors.push(entry);
      else issues.push({ ...entry, points: [] });
      continue;
    }
    if (tag === '#M') mRows.push(row);
    else dataRows.push(row);
  }

  const lookup = (row: Row, i: number, what: 'actor' | 'issue'): number | undefined => {
    const name = row.cells[i]?.text.trim() ?? '';
    const byKey = what === 'actor' ? actorByKey : issueByKey;
    const col = row.cells[i]?.column ?? 1;
    if (!name) {
      at(row.line, col, what, `missing ${what}`);
      return undefined;
    }
    const idx = byKey.get(decideKey(name) || name);
    if (idx === undefined) {
      const known = (what === 'actor' ? actors : issues).map((a) => a.name);
      at(row.line, col, what, `unknown ${what} "${clip(name, 80)}": not defined by a ${what === 'actor' ? '#A' : '#P'} row${known.length ? ` (known: ${clip(known.join(', '), 200)})` : ''}`);
    }
    return idx;
  };

  for (const row of mRows) {
    const k = lookup(row, 1, 'issue');
    const raw = row.cells[2]?.text ?? '';
    const v = parseDecimal(raw, { decimalComma: true });
    if (v === undefined) {
      at(row.line, row.cells[2]?.column ?? 1, 'position', `scale point must be a number, got "${clip(raw, 40)}"`);
      continue;
    }
    if (k === undefined) continue;
    // A point without a meaning only sets the scale's bounds; with one it is also an anchor.
    const label = row.cells[3]?.text.trim() ?? '';
    issues[k].points.push({ at: v, label: clip(label, 400) });
  }

  const bounds = issues.map((iss) => {
    if (iss.points.length === 0) return { min: 0, max: 100 };
    const vals = iss.points.map((pt) => pt.at);
    return { min: Math.min(...vals), max: Math.max(...vals) };
  });
  issues.forEach((iss, k) => {
    if (iss.points.length > 0 && bounds[k].min === bounds[k].max) at(iss.line, 1, 'scale', `issue "${iss.name}" has a single #M point (${bounds[k].min}): a scale needs a lowest and a highest point`);
  });

  interface DRow {
    actor: number;
    issue: number;
    position: number;
    salience: number;
    power: number;
    line: number;
  }
  const data: DRow[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows) {
    const a = lookup(row, 1, 'actor');
    const k = lookup(row, 2, 'issue');
    const num = (i: number, field: string): number | undefined => {
      const raw = row.cells[i]?.text ?? '';
      const col = row.cells[i]?.column ?? row.cells[row.cells.length - 1].column;
      if (raw.trim() === '') {
        at(row.line, col, field, `missing ${field}`);
        return undefined;
      }
      const v = parseDecimal(raw, { decimalComma: true });
      if (v === undefined) at(row.line, col, field, `${field} must be a number, got "${clip(raw, 40)}"`);
      return v;
    };
    const position = num(3, 'position');
    const salience = num(4, 'salience');
    const power = num(5, 'power');
    const who = a !== undefined && k !== undefined ? ` (${actors[a].name} on ${issues[k].name})` : '';
    if (salience !== undefined && (salience < 0 || salience > 1)) at(row.line, row.cells[4].column, 'salience', `salience must be between 0 and 1, got ${salience}${who}`);
    if (power !== undefined && power < 0) at(row.line, row.cells[5].column, 'power', `power must be 0 or more, got ${power}${who}`);
    if (position !== undefined && k !== undefined) {
      const { min, max } = bounds[k];
      // A degenerate scale is reported once, on its #P row.
      if (min < max && (position < min || position > max)) {
        const source = issues[k].points.length ? 'its #M points' : 'the default 0-100 (no #M rows)';
        at(row.line, row.cells[3].column, 'position', `position ${position} is outside the scale of issue "${issues[k].name}" (${min} to ${max}, from ${source})${who}`);
      }
    }
    if (a === undefined || k === undefined || position === undefined || salience === undefined || power === undefined) continue;
    const key = `${a}:${k}`;
    const prev = seen.get(key);
    if (prev !== undefined) {
      at(row.line, 1, 'actor', `a second #D row for ${actors[a].name} on ${issues[k].name} (first on line ${prev})`);
      continue;
    }
    seen.set(key, row.line);
    data.push({ actor: a, issue: k, position, salience, power, line: row.line });
  }
  if (actors.length === 0) at(1, 1, 'actors', 'no actors: a decide file needs #A rows');
  if (issues.length === 0) at(1, 1, 'issues', 'no issues: a decide file needs #P rows');
  if (problems.length) throw new CaseFileError(problems.sort((x, y) => x.line - y.line || x.column - y.column));

  const actorIds = new Set<string>();
  const issueIds = new Set<string>();
  const actorId = actors.map((a, i) => idFromText(a.name, `actor-${i + 1}`, actorIds));
  const issueId = issues.map((iss, k) => idFromText(iss.name, `issue-${k + 1}`, issueIds));
  const maxPower = new Array(actors.length).fill(0);
  for (const d of data) maxPower[d.actor] = Math.max(maxPower[d.actor], d.power);
  const stem = basename(file, extname(file));
  const caseInput: CaseInput = {
    id: idFromText(stem, 'decide', new Set()),
    title: clip(description || stem || 'decide data set', 300),
    description: description ? clip(`Imported from decide file ${basename(file)}. ${description}`, 8000) : `Imported from decide file ${basename(file)}.`,
    actors: actors.map((a, i) => {
      const desc = [a.full !== a.name ? a.full : '', a.comment].filter(Boolean).join(' — ');
      return {
        id: actorId[i],
        name: a.name,
        kind: 'organisation' as const,
        ...(desc ? { description: clip(desc, 4000) } : {}),
        // decide's power is per issue (kept on each stance); the actor's overall capability is its largest.
        capability: maxPower[i],
      };
    }),
    issues: issues.map((iss, k) => {
      const desc = [iss.full !== iss.name ? iss.full : '', iss.comment !== iss.full ? iss.comment : ''].filter(Boolean).join(' — ');
      const anchors = iss.points.filter((pt) => pt.label !== '').sort((x, y) => x.at - y.at);
      return {
        id: issueId[k],
        title: clip(iss.name, 300),
        ...(desc ? { description: clip(desc, 4000) } : {}),
        scale: { min: bounds[k].min, max: bounds[k].max, anchors },
        // decide has no status quo; the midpoint keeps the case valid and is used only as a fallback.
        statusQuo: (bounds[k].min + bounds[k].max) / 2,
      };
    }),
    stances: data.map((d) => ({
      actor: actorId[d.actor],
      issue: issueId[d.issue],
      position: d.position,
      salience: d.salience * 100,
      capability: d.power,
    })),
  };
  return validatedCase(caseInput, file);
}

/** Whether a text looks like decide's format: its first typed rows start with #A, #P, #M, #D, #/ or #O. */
export function looksLikeDecide(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  return /^\s*['"]?#[APMDO\/0]['"]?[;\t]/m.test(head) && /^\s*['"]?#[AD]['"]?[;\t]/m.test(head);
}

/** A cell for a ';' file: quoted when it holds the delimiter, a quote or a line break. */
function cellOut(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : v.replace(/[\r\n]+/g, ' ');
  return /[;"\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Write a case as a decide file (';' delimited), from the current stances. */
export function writeDecide(c: CaseT): string {
  const uniq = (names: string[]) => new Set(names.map(decideKey)).size === names.length && names.every((n) => decideKey(n) !== '');
  const actorNames = uniq(c.actors.map((a) => a.name)) ? c.actors.map((a) => a.name) : c.actors.map((a) => a.id);
  const issueNames = uniq(c.issues.map((i) => i.title)) ? c.issues.map((i) => i.title) : c.issues.map((i) => i.id);
  const lines: string[] = [];
  const row = (...cells: (string | number)[]) => lines.push(cells.map(cellOut).join(';'));
  row('#O', c.title);
  row('#/', 'actor', 'name', 'comment');
  c.actors.forEach((a, i) => row('#A', actorNames[i], a.name, a.description ?? ''));
  row('#/', 'issue', 'name', 'comment');
  c.issues.forEach((iss, k) => row('#P', issueNames[k], iss.title, iss.description ?? ''));
  row('#/', 'issue', 'position', 'meaning');
  c.issues.forEach((iss, k) => {
    const anchors = [...iss.scale.anchors].sort((x, y) => x.at - y.at);
    // decide takes the scale's bounds from the lowest and highest #M point.
    if (!anchors.some((a) => a.at === iss.scale.min)) anchors.unshift({ at: iss.scale.min, label: '' });
    if (!anchors.some((a) => a.at === iss.scale.max)) anchors.push({ at: iss.scale.max, label: '' });
    for (const a of anchors) row('#M', issueNames[k], a.at, a.label);
  });
  row('#/', 'actor', 'issue', 'position', 'salience', 'power');
  const stances = currentStances(c);
  c.issues.forEach((iss, k) => {
    c.actors.forEach((a, i) => {
      const s = stances.get(pairKey(a.id, iss.id));
      if (!s) return;
      const power = s.capability !== undefined ? estimate(s.capability).value : estimate(a.capability).value;
      row('#D', actorNames[i], issueNames[k], estimate(s.position).value, estimate(s.salience).value / 100, power);
    });
  });
  return `${lines.join('\n')}\n`;
}

export const decideImporter: Importer = {
  name: 'decide',
  description: "decide-exchange-model CSV (#A/#P/#M/#D rows, ';' or tab delimited)",
  detect: (text) => looksLikeDecide(text),
  parse: parseDecide,
};

export const decideExporter: Exporter = {
  name: 'decide',
  description: "decide-exchange-model CSV (#A/#P/#M/#D rows, ';' delimited)",
  write: writeDecide,
};
