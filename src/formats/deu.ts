/**
 * The DEU III layout ("Decision-making in the European Union" III: Thomson, Arregui, Leuffen et al.;
 * data set doi:10.34810/data53, CC BY 4.0): one row per controversial issue of a legislative
 * proposal, `;`-delimited (`,` and tab are accepted too), with the columns
 *
 *   prnr, prname, isnr, proc, …   proposal number and name, issue number, procedure (COD/CNS)
 *   pcom, pep, pat … puk          positions (0–100) of the Commission, the Parliament, member states
 *   scom, sep, sat … suk          their saliences (0–100)
 *   rp                            the reference point (status quo), 0–100
 *   out                           the decision outcome, 0–100
 *
 * An empty cell means the actor took no position. 999 is the data set's "not available" code: such
 * a position or salience is left out, an outcome of 999 is an unknown outcome. A position without a
 * salience takes salience 50 (the scale's middle), noted in the issue's description.
 *
 * The layout of the public copy (the one `deu3_train.tsv` uses: tab-separated, every header cell
 * quoted) has a second row before the first issue: no proposal, no issue number, and under each
 * position column a figure for that actor — GDP in trillions of euro (the Commission and the
 * Parliament carry the largest member state's). That row is read as the file's capability row
 * (`DeuFile.gdp`); it is not an issue. By default capabilities stay the Council votes below; pass
 * `{ capability: 'gdp' }` to use the row instead (an actor without a figure then gets the smallest
 * figure of the row, noted in the case description).
 *
 * Capability convention (specs/models.md §5): member states carry their Council votes under the Nice
 * Treaty's qualified-majority weights (the DEU III period); the Commission and the Parliament, which
 * have no Council votes, each carry the weight of the largest member states (29). Edit the imported
 * case to try another convention.
 *
 * `parseDeu` makes one case with every issue (and its `outcome`); `parseDeuByProposal` one case per
 * proposal, which is what the backtest runs (issues of one proposal are negotiated together).
 */
import { basename, extname } from 'node:path';
import type { Case as CaseT, CaseInput } from '../case/schema.ts';
import { CaseFileError, type CaseProblem } from '../case/load.ts';
import type { Importer } from './index.ts';
import { delimitedLines, idFromText, parseDecimal, splitDelimitedLine, validatedCase } from './text.ts';

/** DEU actor codes → names and capability (Nice Treaty Council votes; see the file comment). */
export const deuActors: Record<string, { name: string; capability: number }> = {
  com: { name: 'European Commission', capability: 29 },
  ep: { name: 'European Parliament', capability: 29 },
  at: { name: 'Austria', capability: 10 },
  be: { name: 'Belgium', capability: 12 },
  bu: { name: 'Bulgaria', capability: 10 },
  cr: { name: 'Croatia', capability: 7 },
  cy: { name: 'Cyprus', capability: 4 },
  cz: { name: 'Czech Republic', capability: 12 },
  dk: { name: 'Denmark', capability: 7 },
  ee: { name: 'Estonia', capability: 4 },
  fi: { name: 'Finland', capability: 7 },
  fr: { name: 'France', capability: 29 },
  de: { name: 'Germany', capability: 29 },
  el: { name: 'Greece', capability: 12 },
  hu: { name: 'Hungary', capability: 12 },
  ie: { name: 'Ireland', capability: 7 },
  it: { name: 'Italy', capability: 29 },
  lv: { name: 'Latvia', capability: 4 },
  lt: { name: 'Lithuania', capability: 7 },
  lu: { name: 'Luxembourg', capability: 4 },
  mt: { name: 'Malta', capability: 3 },
  nl: { name: 'Netherlands', capability: 13 },
  pl: { name: 'Poland', capability: 27 },
  pt: { name: 'Portugal', capability: 12 },
  ro: { name: 'Romania', capability: 14 },
  si: { name: 'Slovenia', capability: 4 },
  sk: { name: 'Slovakia', capability: 7 },
  es: { name: 'Spain', capability: 27 },
  se: { name: 'Sweden', capability: 10 },
  uk: { name: 'United Kingdom', capability: 29 },
};

/** The data set's "not available" code. */
export const DEU_MISSING = 999;

export interface DeuIssue {
  line: number;
  proposal: string;
  proposalName: string;
  issue: string;
  procedure: string;
  referencePoint?: number;
  outcome?: number;
  stances: Array<{ actor: string; position: number; salience: number; salienceDefaulted: boolean }>;
}

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function delimiterOf(header: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][0];
}

export function looksLikeDeu(text: string): boolean {
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const cols = first.split(delimiterOf(first)).map((c) => c.trim().replace(/^"|"$/g, ''));
  return cols.includes('pcom') && cols.includes('rp') && cols.includes('out') && cols.includes('isnr');
}

/** A DEU III file: its issue rows and, where the file has one, the GDP (capability) row. */
export interface DeuFile {
  issues: DeuIssue[];
  /** Actor code → GDP figure from the row after the header (empty when the file has none). */
  gdp: Record<string, number>;
  /** The line of the GDP row, when there is one. */
  gdpLine?: number;
}

export interface DeuOptions {
  /** Capability convention: Nice Council votes (default) or the file's GDP row. */
  capability?: 'votes' | 'gdp';
}

/** Every issue row of a DEU III file, or all the problems found (file:line:column: field: message). */
export function readDeuIssues(text: string, file: string): DeuIssue[] {
  return readDeuFile(text, file).issues;
}

/** The issue rows and the GDP row of a DEU III file, or all the problems found. */
export function readDeuFile(text: string, file: string): DeuFile {
  const lines = delimitedLines(text, file);
  const problems: CaseProblem[] = [];
  const at = (line: number, column: number, path: string, message: string) => problems.push({ file, line, column, path, message });
  if (lines.length === 0) throw new CaseFileError([{ file, line: 1, column: 1, path: '', message: 'empty file: expected the DEU III header (prnr;…;isnr;…;pcom;…;rp;out)' }]);
  const delimiter = delimiterOf(lines[0].text);
  const header = splitDelimitedLine(lines[0].text, delimiter, { at: { file, line: lines[0].line } }).map((c) => ({ ...c, text: c.text.toLowerCase() }));
  const col = new Map(header.map((c, idx) => [c.text, idx]));
  for (const required of ['isnr', 'rp', 'out']) {
    if (!col.has(required)) at(lines[0].line, 1, required, `missing column "${required}" in the DEU III header`);
  }
  const actorCodes = Object.keys(deuActors).filter((code) => col.has(`p${code}`));
  if (actorCodes.length === 0) at(lines[0].line, 1, 'header', 'no position columns (pcom, pep, pat, …, puk) in the DEU III header');
  for (const code of actorCodes) if (!col.has(`s${code}`)) at(lines[0].line, 1, `s${code}`, `position column "p${code}" has no salience column "s${code}"`);
  if (problems.length) throw new CaseFileError(problems);

  const issues: DeuIssue[] = [];
  const gdp: Record<string, number> = {};
  let gdpLine: number | undefined;
  const seen = new Map<string, number>();
  for (const [rowIndex, { line, text: raw }] of lines.slice(1).entries()) {
    const cells = splitDelimitedLine(raw, delimiter, { at: { file, line } });
    if (cells.length !== header.length) {
      at(line, cells[cells.length - 1].column, 'row', `expected ${header.length} fields as in the header, found ${cells.length}`);
      continue;
    }
    const cell = (name: string) => cells[col.get(name)!];
    const text = (name: string) => (col.has(name) ? cell(name).text : '');
    // The public copy's GDP row: the first row after the header, with neither proposal nor issue
    // number, holding one non-negative figure per actor under the position columns.
    if (rowIndex === 0 && text('isnr') === '' && text('prnr') === '') {
      gdpLine = line;
      for (const code of actorCodes) {
        const c = cell(`p${code}`);
        if (c.text === '') continue;
        const v = parseDecimal(c.text.replace(',', '.'));
        if (v === undefined || v < 0) at(line, c.column, `p${code}`, `GDP row: p${code} must be a non-negative number, got "${clip(c.text, 40)}"`);
        else gdp[code] = v;
      }
      if (Object.keys(gdp).length === 0 && !problems.some((p) => p.line === line)) at(line, 1, 'row', 'a row without proposal and issue number must be the GDP row (a figure under each position column), but it has no figures');
      continue;
    }
    /** A 0–100 value, undefined when empty or 999; a located problem otherwise. */
    const value = (name: string, required = false): number | undefined => {
      const c = cell(name);
      if (c.text === '') {
        if (required) at(line, c.column, name, `missing ${name}`);
        return undefined;
      }
      const v = parseDecimal(c.text.replace(',', '.'));
      if (v === undefined) {
        at(line, c.column, name, `${name} must be a number on 0–100, got "${clip(c.text, 40)}"`);
        return undefined;
      }
      if (v === DEU_MISSING) return undefined;
      if (v < 0 || v > 100) {
        at(line, c.column, name, `${name} must be on 0–100 (or ${DEU_MISSING}: not available), got ${v}`);
        return undefined;
      }
      return v;
    };
    const issue = text('isnr');
    if (!issue) {
      at(line, cell('isnr').column, 'isnr', 'missing issue number');
      continue;
    }
    if (seen.has(issue)) at(line, cell('isnr').column, 'isnr', `issue "${clip(issue, 60)}" is already listed on line ${seen.get(issue)}`);
    seen.set(issue, line);
    const stances: DeuIssue['stances'] = [];
    for (const code of actorCodes) {
      const position = value(`p${code}`);
      const salience = value(`s${code}`);
      if (position === undefined) continue;
      stances.push({ actor: code, position, salience: salience ?? 50, salienceDefaulted: salience === undefined });
    }
    if (stances.length === 0) at(line, 1, 'row', `issue "${clip(issue, 60)}" has no actor positions`);
    issues.push({
      line,
      proposal: text('prnr') || issue,
      proposalName: text('prname'),
      issue,
      procedure: text('proc'),
      referencePoint: value('rp'),
      outcome: value('out'),
      stances,
    });
  }
  if (problems.length === 0 && issues.length === 0) at(lines[0].line, 1, 'row', 'no issue rows after the header');
  if (problems.length) throw new CaseFileError(problems);
  return { issues, gdp, ...(gdpLine === undefined ? {} : { gdpLine }) };
}

/** Each actor's capability under the chosen convention (see the file comment). */
function capabilityOf(deu: DeuFile, opts: DeuOptions, file: string): { of: (code: string) => number; note: string } {
  if (opts.capability !== 'gdp') return { of: (code) => deuActors[code].capability, note: 'Capabilities: Council votes (Nice), Commission and Parliament 29 each.' };
  const figures = Object.values(deu.gdp);
  if (figures.length === 0) throw new CaseFileError([{ file, line: 2, column: 1, path: 'gdp', message: 'capability "gdp" needs the GDP row after the header, and this file has none' }]);
  const smallest = Math.min(...figures);
  return { of: (code) => deu.gdp[code] ?? smallest, note: 'Capabilities: the file\'s GDP row (an actor without a figure: the smallest figure).' };
}

function caseOf(issues: DeuIssue[], id: string, title: string, file: string, capability: (code: string) => number, note: string): CaseT {
  const used = new Set(issues.flatMap((i) => i.stances.map((s) => s.actor)));
  const actorIds = Object.keys(deuActors).filter((code) => used.has(code));
  const taken = new Set<string>();
  const issueIds = issues.map((i) => idFromText(i.issue, 'issue', taken));
  const input: CaseInput = {
    id: idFromText(id, 'deu', new Set()),
    title: clip(title, 300),
    description: `Imported from the DEU III layout (${clip(basename(file), 200)}). ${note}`,
    actors: actorIds.map((code) => ({ id: code, name: deuActors[code].name, kind: code === 'com' || code === 'ep' ? ('organisation' as const) : ('state' as const), capability: capability(code) })),
    issues: issues.map((i, k) => {
      const notes = [
        i.referencePoint === undefined ? 'no reference point recorded: status quo set to 50' : '',
        i.stances.some((s) => s.salienceDefaulted) ? `salience missing for ${i.stances.filter((s) => s.salienceDefaulted).map((s) => s.actor).join(', ')}: set to 50` : '',
      ].filter(Boolean);
      return {
        id: issueIds[k],
        title: clip(i.proposalName ? `${i.proposalName}: ${i.issue}` : i.issue, 300),
        description: clip([`Proposal ${i.proposal}${i.procedure ? ` (${i.procedure})` : ''}, line ${i.line}.`, ...notes].join(' '), 4000),
        scale: { min: 0, max: 100, anchors: [] },
        statusQuo: i.referencePoint ?? 50,
        ...(i.outcome === undefined ? {} : { outcome: i.outcome }),
      };
    }),
    stances: issues.flatMap((i, k) => i.stances.map((s) => ({ actor: s.actor, issue: issueIds[k], position: s.position, salience: s.salience }))),
  };
  return validatedCase(input, file);
}

/** One case holding every issue of the file, each with its actual outcome where known. */
export function parseDeu(text: string, file = '<input>', opts: DeuOptions = {}): CaseT {
  const name = basename(file, extname(file)) || 'deu';
  const deu = readDeuFile(text, file);
  const cap = capabilityOf(deu, opts, file);
  return caseOf(deu.issues, name, `DEU III: ${name}`, file, cap.of, cap.note);
}

/** One case per proposal (prnr), in file order. */
export function parseDeuByProposal(text: string, file = '<input>', opts: DeuOptions = {}): CaseT[] {
  const deu = readDeuFile(text, file);
  const cap = capabilityOf(deu, opts, file);
  const byProposal = new Map<string, DeuIssue[]>();
  for (const issue of deu.issues) {
    const list = byProposal.get(issue.proposal) ?? [];
    list.push(issue);
    byProposal.set(issue.proposal, list);
  }
  return [...byProposal.entries()].map(([proposal, issues]) => caseOf(issues, proposal, issues[0].proposalName || proposal, file, cap.of, cap.note));
}

export const deuImporter: Importer = {
  name: 'deu',
  description: 'DEU III layout (prnr;…;isnr;…;pcom;pep;…;scom;…;rp;out): one issue per row, with outcomes',
  detect: (text) => looksLikeDeu(text),
  parse: (text, file) => parseDeu(text, file),
};
