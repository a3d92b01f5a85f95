/**
 * The BDM CSV used by the Bueno de Mesquita replications (jmckib/bdm-scholz-expected-utility-model,
 * dmasad's port): one issue, one row per actor,
 *
 *   Actor,Capability,Position,Salience        (also: Stakeholder,Resources,Position,Salience)
 *   Netherlands,0.08,4,0.8
 *
 * Salience rule: the file's saliences are read as 0–1 when every one of them is ≤ 1 (the replication
 * files), otherwise as 0–100 (ChinaData.csv); the case stores 0–100. Capability is taken as it is
 * (only ratios matter). Positions are on the file's own scale: the issue's scale runs from the lowest
 * to the highest position. The format has no status quo: it is set to the middle of that range (the
 * issue's description says so); BDM itself does not use it, the Nash model does.
 */
import { basename, extname } from 'node:path';
import type { Case as CaseT } from '../case/schema.ts';
import { CaseFileError, type CaseProblem } from '../case/load.ts';
import type { Importer } from './index.ts';
import { delimitedLines, idFromText, parseDecimal, splitDelimitedLine, validatedCase } from './text.ts';

const HEADER = /^\s*"?(actor|stakeholder)"?\s*,\s*"?(capability|resources)"?\s*,\s*"?position"?\s*,\s*"?salience"?\s*,?\s*$/i;
const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function looksLikeBdmCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return HEADER.test(first);
}

export function parseBdmCsv(text: string, file = '<input>'): CaseT {
  const lines = delimitedLines(text, file);
  const problems: CaseProblem[] = [];
  const at = (line: number, column: number, path: string, message: string) => problems.push({ file, line, column, path, message });
  if (lines.length === 0 || !HEADER.test(lines[0].text)) {
    throw new CaseFileError([{ file, line: lines[0]?.line ?? 1, column: 1, path: 'header', message: 'not a BDM CSV: the first line must be "Actor,Capability,Position,Salience" (or "Stakeholder,Resources,Position,Salience")' }]);
  }
  const fields = ['name', 'capability', 'position', 'salience'] as const;
  const rows: Array<{ line: number; name: string; capability: number; position: number; salience: number; salienceColumn: number }> = [];
  const seen = new Map<string, number>();
  for (const { line, text: raw } of lines.slice(1)) {
    const cells = splitDelimitedLine(raw, ',', { at: { file, line } });
    // A trailing comma (spreadsheet export) leaves an empty fifth cell.
    if (cells.length === 5 && cells[4].text === '') cells.pop();
    if (cells.length !== 4) {
      at(line, cells[Math.min(cells.length, 4) - 1]?.column ?? 1, 'row', `expected 4 fields (Actor,Capability,Position,Salience), found ${cells.length}`);
      continue;
    }
    const name = cells[0].text;
    if (!name) {
      at(line, 1, 'Actor', 'missing actor name');
      continue;
    }
    if (seen.has(name.toLowerCase())) at(line, 1, 'Actor', `actor "${clip(name, 80)}" is already listed on line ${seen.get(name.toLowerCase())}`);
    seen.set(name.toLowerCase(), line);
    const values: number[] = [];
    let ok = true;
    for (let f = 1; f < 4; f++) {
      const v = parseDecimal(cells[f].text);
      const label = ['Actor', 'Capability', 'Position', 'Salience'][f];
      if (v === undefined) {
        at(line, cells[f].column, label, `${fields[f]} must be a number, got "${clip(cells[f].text, 40)}"`);
        ok = false;
      } else if ((f === 1 || f === 3) && v < 0) {
        at(line, cells[f].column, label, `${fields[f]} must be ≥ 0, got ${v}`);
        ok = false;
      } else if (f === 3 && v > 100) {
        at(line, cells[f].column, label, `salience must be 0–1 or 0–100, got ${v}`);
        ok = false;
      }
      values.push(v ?? NaN);
    }
    if (ok) rows.push({ line, name, capability: values[0], position: values[1], salience: values[2], salienceColumn: cells[3].column });
  }
  if (problems.length === 0 && rows.length === 0) at(lines[0].line, 1, 'row', 'no actor rows after the header');
  if (problems.length) throw new CaseFileError(problems);

  const fraction = rows.every((r) => r.salience <= 1);
  const lo = Math.min(...rows.map((r) => r.position));
  const hi = Math.max(...rows.map((r) => r.position));
  const name = basename(file, extname(file)) || 'bdm';
  const taken = new Set<string>();
  const actors = rows.map((r) => ({ id: idFromText(r.name, 'actor', taken), name: clip(r.name, 200), kind: 'organisation' as const, capability: r.capability }));
  const issueId = idFromText(name, 'issue', new Set());
  return validatedCase(
    {
      id: idFromText(name, 'bdm', new Set()),
      title: clip(name, 300),
      description: `Imported from the BDM CSV ${clip(basename(file), 200)} (salience read as ${fraction ? '0–1' : '0–100'}).`,
      actors,
      issues: [
        {
          id: issueId,
          title: clip(name, 300),
          description: 'The BDM CSV records no status quo: it is set to the middle of the positions’ range.',
          scale: { min: lo, max: hi === lo ? lo + 1 : hi, anchors: [] },
          statusQuo: (lo + hi) / 2,
        },
      ],
      stances: rows.map((r, i) => ({ actor: actors[i].id, issue: issueId, position: r.position, salience: fraction ? Number((r.salience * 100).toPrecision(12)) : r.salience })),
    },
    file,
  );
}

export const bdmCsvImporter: Importer = {
  name: 'bdm-csv',
  description: 'BDM CSV: Actor,Capability,Position,Salience (one issue; salience 0–1 or 0–100)',
  detect: (text) => looksLikeBdmCsv(text),
  parse: parseBdmCsv,
};
