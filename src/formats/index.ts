/**
 * Import and export of the formats people already have. Every importer turns its input into a case
 * (so forecasts, analysis and export work the same on any input) and reports malformed input as a
 * CaseFileError with file, line, column and field.
 */
import { extname } from 'node:path';
import type { Case } from '../case/schema.ts';
import type { EngineParams } from '../engines/types.ts';
import { CaseFileError, parseCase, readInputFile } from '../case/load.ts';
import { ktabCsvExporter, ktabCsvImporter, ktabXmlImporter } from './ktab.ts';
import { bdmCsvImporter } from './bdm-csv.ts';
import { deuImporter } from './deu.ts';
import { decideExporter, decideImporter } from './decide.ts';

export interface Importer {
  /** Format name for `--input-format`. */
  name: string;
  description: string;
  /** Whether the text looks like this format (used when no format is given). */
  detect(text: string, file: string): boolean;
  parse(text: string, file: string): Case;
  /** For formats that also set model parameters (KTAB XML's ModelParameters): the case and them, by model. */
  parseWithParams?(text: string, file: string): Imported;
}

/** An imported case with the model parameters its file sets, by model name (usually none). */
export interface Imported {
  case: Case;
  params: Record<string, EngineParams>;
}

export interface Exporter {
  name: string;
  description: string;
  write(c: Case): string;
}

/** Importers, tried in order by `detect`; the case file format comes last as the fallback. */
export const importers: Importer[] = [
  ktabCsvImporter,
  ktabXmlImporter,
  bdmCsvImporter,
  deuImporter,
  decideImporter,
  {
    name: 'case',
    description: 'parley case file (YAML or JSON)',
    detect: (_text, file) => ['.yaml', '.yml', '.json'].includes(extname(file).toLowerCase()),
    parse: parseCase,
  },
];

export const exporters: Exporter[] = [ktabCsvExporter, decideExporter];

/** The importer for `format`, or the one whose `detect` accepts the text (the case format as fallback). */
export function importerFor(text: string, file: string, format?: string): Importer {
  if (format) {
    const imp = importers.find((i) => i.name === format);
    if (!imp) throw new CaseFileError([{ file, line: 0, column: 0, path: '', message: `unknown input format "${format}" (known: ${importers.map((i) => i.name).join(', ')})` }]);
    return imp;
  }
  return importers.find((i) => i.name !== 'case' && i.detect(text, file)) ?? importers.find((i) => i.name === 'case')!;
}

export function importText(text: string, file: string, format?: string): Case {
  return importerFor(text, file, format).parse(text, file);
}

export function importTextWithParams(text: string, file: string, format?: string): Imported {
  const imp = importerFor(text, file, format);
  return imp.parseWithParams ? imp.parseWithParams(text, file) : { case: imp.parse(text, file), params: {} };
}

/** Read a case file or any importable format, detected from its content and name unless given. */
export async function importFile(file: string, format?: string): Promise<Case> {
  return importText(await readInputFile(file), file, format);
}

/** Like importFile, with the model parameters the file sets. */
export async function importFileWithParams(file: string, format?: string): Promise<Imported> {
  return importTextWithParams(await readInputFile(file), file, format);
}

export function exporterFor(format: string): Exporter {
  const exp = exporters.find((e) => e.name === format);
  if (!exp) throw new RangeError(`unknown export format "${format}" (known: ${exporters.map((e) => e.name).join(', ')})`);
  return exp;
}
