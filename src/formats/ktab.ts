/**
 * KTAB's SMP input formats (github.com/KAPSARC/KTAB, `examples/smp/libsrc/smpread.cpp`;
 * specs/models.md §1.3): the CSV read by `SMPModel::csvRead` (with or without a final comma on each
 * line) and the XML of `smpSchema.xsd`, both to a case; and a case back to KTAB CSV.
 *
 * Scales: KTAB positions and saliences are 0–100; positions stay 0–100 on an issue scale 0–100,
 * saliences stay 0–100 (a KTAB salience is a share of the actor's attention, Σ ≤ 100 per actor;
 * toModelInput divides by 100, which is exactly KTAB's internal share), "Power"/"Influence"/
 * `capability` becomes the actor's capability. KTAB has no status quo: issues get the middle of the
 * scale (50), which SMP does not use.
 *
 * The XML's ModelParameters (and prngSeed) are SMP engine parameters, which a case does not carry:
 * `parseKtabXml` returns them beside the case (`params`, ready to pass to the `smp` engine).
 *
 * Every problem is reported as a CaseFileError with file, line, column and the field concerned.
 */
import type { Case, CaseInput } from '../case/schema.ts';
import { Case as CaseSchema, estimate } from '../case/schema.ts';
import { CaseFileError, MAX_CASE_BYTES, pathToString, type CaseProblem } from '../case/load.ts';
import { currentStances, pairKey } from '../case/view.ts';
import { SMP_DEFAULTS, type SmpParameters } from '../engines/smp.ts';
import { SaxesParser } from 'saxes';
import type { Exporter, Importer } from './index.ts';
import { delimitedRecords, splitDelimitedLine, type DelimitedCell } from './text.ts';
import {
  BARGAIN_MODELS,
  BIG_R_ADJUSTS,
  BIG_R_RANGES,
  INTER_VEC_BARGAINS,
  PCE_MODELS,
  STATE_TRANSITIONS,
  THIRD_PARTY_COMMITS,
  VICTORY_PROB_MODELS,
  VOTING_RULES,
} from '../engines/smp/kernel.ts';

/** KTAB's limits (kmodel.h: minNumActor, maxNumActor; smpread.cpp: capability < 1e8). */
export const KTAB_MIN_ACTORS = 3;
export const KTAB_MAX_ACTORS = 2500;
const MAX_CAPABILITY = 1e8;

interface Located {
  line: number;
  column: number;
}

class Problems {
  list: CaseProblem[] = [];
  constructor(private file: string) {}
  add(at: Located, path: string, message: string): void {
    this.list.push({ file: this.file, line: at.line, column: at.column, path, message });
  }
  throwIfAny(): void {
    if (this.list.length) throw new CaseFileError(this.list);
  }
}

/** A case id from a free-text name: letters, digits, "_", "." and "-". */
function slug(text: string, fallback: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 80);
  return s || fallback;
}

function uniqueIds(names: string[], fallback: string): string[] {
  const seen = new Map<string, number>();
  return names.map((n, i) => {
    const base = slug(n, `${fallback}-${i + 1}`);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base.slice(0, 75)}-${count + 1}`;
  });
}



/** KTAB writes a comma after the last field; the variant without it reads the same. */
function dropFinalComma(cells: DelimitedCell[]): DelimitedCell[] {
  if (cells.length > 1 && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}
function numberField(f: DelimitedCell | undefined, line: number, path: string, p: Problems, lineStart: Located): number | undefined {
  if (!f || f.text === '') {
    p.add(f ? { line: f.line ?? line, column: f.column } : lineStart, path, 'missing number');
    return undefined;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(f.text)) {
    p.add({ line: f.line ?? line, column: f.column }, path, `expected a number, got "${f.text.slice(0, 40)}"`);
    return undefined;
  }
  return Number(f.text);
}

interface KtabActorRow {
  name: string;
  description: string;
  capability: number;
  positions: number[];
  saliences: number[];
}

interface KtabScenario {
  name: string;
  description: string;
  dimensions: string[];
  actors: KtabActorRow[];
}

function checkActorValues(a: KtabActorRow, where: (field: string) => Located, p: Problems, path: (field: string) => string): void {
  if (a.capability < 0 || a.capability >= MAX_CAPABILITY) p.add(where('capability'), path('capability'), `capability must be ≥ 0 and < 1e8, got ${a.capability}`);
  let total = 0;
  a.positions.forEach((x, d) => {
    if (x < 0 || x > 100) p.add(where(`position${d}`), path(`position${d}`), `position on dimension ${d + 1} must be within 0–100, got ${x}`);
  });
  a.saliences.forEach((s, d) => {
    if (s < 0 || s > 100) p.add(where(`salience${d}`), path(`salience${d}`), `salience on dimension ${d + 1} must be within 0–100, got ${s}`);
    total += s;
  });
  if (total > 100 + 1e-9) p.add(where('salience0'), path('salience'), `total salience of ${a.name} is ${Number(total.toFixed(6))}, more than 100 (KTAB saliences are shares of attention)`);
}

/** Import a KTAB CSV file. */
export function parseKtabCsv(text: string, file = '<input>'): Case {
  const p = new Problems(file);
  // csv-parse reads the whole file (a quoted name or description may hold commas and line breaks);
  // blank lines and rows of bare commas are left out, as smpread.cpp skips them. Size, BOM and
  // quoting problems are located CaseFileErrors from delimitedRecords.
  const rows = delimitedRecords(text, file, ',').map((r) => ({ line: r.line, fields: dropFinalComma(r.cells) }));
  if (rows.length < 2) {
    p.add({ line: 1, column: 1 }, 'header', 'a KTAB CSV needs a scenario line (name, description, actors, dimensions) and a column header line');
    p.throwIfAny();
  }
  const head = rows[0];
  const at0 = { line: head.line, column: 1 };
  const name = head.fields[0]?.text ?? '';
  const description = head.fields[1]?.text ?? '';
  const numActors = numberField(head.fields[2], head.line, 'scenario.numActors', p, at0);
  const numDims = numberField(head.fields[3], head.line, 'scenario.numDimensions', p, at0);
  if (!name) p.add(at0, 'scenario.name', 'missing scenario name');
  if (numDims !== undefined && (!Number.isInteger(numDims) || numDims < 1)) p.add({ line: head.fields[3].line ?? head.line, column: head.fields[3].column }, 'scenario.numDimensions', `number of dimensions must be a whole number ≥ 1, got ${numDims}`);
  if (numActors !== undefined && (!Number.isInteger(numActors) || numActors < KTAB_MIN_ACTORS || numActors > KTAB_MAX_ACTORS)) {
    p.add({ line: head.fields[2].line ?? head.line, column: head.fields[2].column }, 'scenario.numActors', `number of actors must be a whole number from ${KTAB_MIN_ACTORS} to ${KTAB_MAX_ACTORS}, got ${numActors}`);
  }
  p.throwIfAny();
  const nA = numActors!;
  const nD = numDims!;
  const header = rows[1];
  const expectedColumns = 3 + 2 * nD;
  if (header.fields.length < expectedColumns) {
    p.add({ line: header.line, column: 1 }, 'header', `the column header has ${header.fields.length} columns; ${nD} dimensions need ${expectedColumns} (Actor, Description, Power, then a position and a salience column per dimension)`);
    p.throwIfAny();
  }
  const dimensions = Array.from({ length: nD }, (_, d) => header.fields[3 + 2 * d].text || `Dimension ${d + 1}`);
  const actorRows = rows.slice(2);
  if (actorRows.length !== nA) {
    const at = actorRows[nA] ?? actorRows[actorRows.length - 1] ?? header;
    p.add({ line: at.line, column: 1 }, 'scenario.numActors', `the scenario line announces ${nA} actors but the file has ${actorRows.length} actor rows`);
  }
  const actors: KtabActorRow[] = [];
  actorRows.slice(0, nA).forEach((row, i) => {
    const f = row.fields;
    const at = { line: row.line, column: 1 };
    const aname = f[0]?.text ?? '';
    const label = aname || `row ${i + 1}`;
    const path = (field: string) => `actors[${i}] (${label}).${field}`;
    if (!aname) p.add(at, path('name'), 'missing actor name');
    if (f.length < expectedColumns) p.add({ line: f[f.length - 1]?.line ?? row.line, column: f[f.length - 1]?.column ?? 1 }, path('columns'), `expected ${expectedColumns} fields (name, description, power and ${nD} position/salience pairs), got ${f.length}`);
    const capability = numberField(f[2], row.line, path('Power'), p, at);
    const positions: number[] = [];
    const saliences: number[] = [];
    for (let d = 0; d < nD; d++) {
      const x = numberField(f[3 + 2 * d], row.line, path(dimensions[d]), p, at);
      const s = numberField(f[4 + 2 * d], row.line, path(`${header.fields[4 + 2 * d]?.text || `salience ${d + 1}`}`), p, at);
      positions.push(x ?? NaN);
      saliences.push(s ?? NaN);
    }
    if (capability === undefined || positions.some(Number.isNaN) || saliences.some(Number.isNaN)) return;
    const a = { name: aname, description: f[1]?.text ?? '', capability, positions, saliences };
    const col = (field: string) => {
      if (field === 'capability') return f[2].column;
      const d = Number(field.replace(/\D+/g, ''));
      return field.startsWith('position') ? f[3 + 2 * d].column : f[4 + 2 * d].column;
    };
    const lineOf = (field: string) => {
      if (field === 'capability') return f[2].line ?? row.line;
      const d = Number(field.replace(/\D+/g, ''));
      return (field.startsWith('position') ? f[3 + 2 * d].line : f[4 + 2 * d].line) ?? row.line;
    };
    checkActorValues(a, (field) => ({ line: lineOf(field), column: col(field) }), p, (field) => path(field.startsWith('position') ? dimensions[Number(field.slice(8))] : field.startsWith('salience') ? `${header.fields[4 + 2 * Number(field.slice(8) || 0)]?.text ?? 'salience'}` : field));
    actors.push(a);
  });
  p.throwIfAny();
  return toCase({ name, description, dimensions, actors }, file);
}

function toCase(s: KtabScenario, file: string): Case {
  const actorIds = uniqueIds(s.actors.map((a) => a.name), 'actor');
  const issueIds = uniqueIds(s.dimensions, 'dim');
  const input: CaseInput = {
    id: slug(s.name, 'ktab-scenario'),
    title: s.name.slice(0, 300) || 'KTAB scenario',
    description: (s.description ? `${s.description}\n\n` : '') + 'Imported from KTAB. KTAB has no status quo: 50 (mid-scale) stands in for it. Saliences are KTAB shares of attention (0–100, summing to at most 100 per actor).',
    actors: s.actors.map((a, i) => ({ id: actorIds[i], name: a.name.slice(0, 200), kind: 'organisation' as const, description: a.description ? a.description.slice(0, 4000) : undefined, capability: a.capability })),
    issues: s.dimensions.map((d, k) => ({ id: issueIds[k], title: d.slice(0, 300), scale: { min: 0, max: 100, anchors: [] }, statusQuo: 50 })),
    stances: s.actors.flatMap((a, i) => s.dimensions.map((_, k) => ({ actor: actorIds[i], issue: issueIds[k], position: a.positions[k], salience: a.saliences[k] }))),
  };
  const parsed = CaseSchema.safeParse(input);
  if (!parsed.success) {
    throw new CaseFileError(parsed.error.issues.map((iss) => ({ file, line: 1, column: 1, path: pathToString(iss.path as PropertyKey[]), message: iss.message })));
  }
  return parsed.data;
}

// ----------------------------------------------------------------------------------------------
// XML

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
  at: Located;
}

/**
 * Read KTAB XML with saxes (github.com/lddubeau/saxes), a maintained, strict, non-validating XML
 * parser: well-formedness errors, the five predefined entities and character references by the
 * XML 1.0 rules (an out-of-range reference such as `&#x110000;` is an error, not a RangeError).
 * saxes reads no DTD, so no entity declared in one, internal or external, is ever expanded; a
 * DOCTYPE is refused outright, as before (KTAB's files have none). Each element is located by the
 * line and column of its `<`; the first error stops the reading and is reported where it occurred.
 */
function parseXml(text: string, p: Problems): XmlElement | undefined {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // XML normalises \r\n and a lone \r to a line break (XML 1.0 §2.11), as saxes counts lines.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  const locate = (offset: number): Located => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  const root: XmlElement = { name: '#document', children: [], text: '', at: { line: 1, column: 1 } };
  const stack: XmlElement[] = [root];
  const parser = new SaxesParser({ position: true });
  let failed = false;
  const fail = (offset: number, message: string) => {
    if (failed) return;
    failed = true;
    p.add(locate(Math.max(0, offset)), '', message);
  };
  parser.on('opentagstart', (node) => {
    if (failed) return;
    const el: XmlElement = { name: node.name, children: [], text: '', at: locate(text.lastIndexOf('<', parser.position - 1)) };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', (node) => {
    if (failed || stack.length <= 1) return;
    if (!node.isSelfClosing) {
      // saxes closes the open elements up to a mismatched end tag before it reports the error:
      // compare here, where the element the end tag should close is known.
      const at = text.lastIndexOf('</', parser.position - 1);
      const name = /^<\/([^\s>]*)/.exec(text.slice(at, at + 200))?.[1] ?? '';
      if (name !== node.name) return fail(at, `</${name}> closes <${node.name}> (opened at line ${stack[stack.length - 1].at.line})`);
    }
    stack.pop();
  });
  parser.on('text', (t) => {
    if (!failed) stack[stack.length - 1].text += t;
  });
  parser.on('cdata', (t) => {
    if (!failed) stack[stack.length - 1].text += t;
  });
  parser.on('doctype', () => fail(text.lastIndexOf('<!DOCTYPE', parser.position - 1), 'DTDs and entity declarations are not accepted in KTAB XML'));
  parser.on('error', (err) => {
    if (failed) return;
    const pos = parser.position;
    // saxes's message starts with "line:column: "; the location is ours (JavaScript string columns).
    const what = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    if (what === 'unexpected close tag') {
      const at = text.lastIndexOf('</', pos - 1);
      return fail(at, `</${/^<\/([^\s>]*)/.exec(text.slice(at, at + 200))?.[1] ?? ''}> closes no open element`);
    }
    if (what.startsWith('unclosed tag')) {
      const open = stack[stack.length - 1];
      failed = true;
      return p.add(open.at, '', `<${open.name}> is never closed`);
    }
    if (/entity/.test(what)) return fail(text.lastIndexOf('&', pos - 1), `${what} ${/&[^;\s<]*;?/.exec(text.slice(text.lastIndexOf('&', pos - 1)))?.[0].slice(0, 20) ?? ''}`.trim());
    fail(pos, `malformed XML: ${what}`);
  });
  parser.write(text).close();
  return failed ? undefined : root;
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

/** What the XML carries besides the case: the SMP parameters and KTAB's ideal adjustments. */
export interface KtabXml {
  case: Case;
  /** ModelParameters by KTAB's names (absent: KTAB's defaults), and `seed` from prngSeed. */
  params: Partial<SmpParameters> & { seed?: number; prngSeed?: string };
  /** IdealAdjustment pairs (KTAB's accommodation matrix; the SMP engine keeps ideals at positions). */
  idealAdjustment: { adjustingIdeal: string; referencePos: string; adjust: number }[];
}

const PARAMETER_CHOICES: Record<keyof SmpParameters, readonly string[]> = {
  VictoryProbModel: VICTORY_PROB_MODELS,
  PCEModel: PCE_MODELS,
  StateTransitions: STATE_TRANSITIONS,
  VotingRule: VOTING_RULES,
  BigRAdjust: BIG_R_ADJUSTS,
  BigRRange: BIG_R_RANGES,
  ThirdPartyCommit: THIRD_PARTY_COMMITS,
  InterVecBrgn: INTER_VEC_BARGAINS,
  BargnModel: BARGAIN_MODELS,
};

/** Import a KTAB XML scenario, with its model parameters. */
export function parseKtabXml(text: string, file = '<input>'): KtabXml {
  const p = new Problems(file);
  if (Buffer.byteLength(text) > MAX_CASE_BYTES) {
    p.add({ line: 1, column: 1 }, '', `file is larger than ${MAX_CASE_BYTES} bytes`);
    p.throwIfAny();
  }
  const doc = parseXml(text, p);
  p.throwIfAny();
  const scen = child(doc!, 'Scenario');
  if (!scen) {
    p.add({ line: 1, column: 1 }, 'Scenario', 'the root element must be <Scenario>');
    p.throwIfAny();
  }
  const s = scen!;
  const textOf = (el: XmlElement | undefined, path: string, parent: XmlElement, required = true): string | undefined => {
    if (!el) {
      if (required) p.add(parent.at, path, `missing <${path.split('.').pop()}>`);
      return undefined;
    }
    const t = el.text.trim();
    if (!t && required) p.add(el.at, path, `no text for ${el.name}`);
    return t;
  };
  const num = (el: XmlElement | undefined, path: string, parent: XmlElement): number | undefined => {
    const t = textOf(el, path, parent);
    if (t === undefined || t === '') return undefined;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
      p.add(el!.at, path, `expected a number, got "${t.slice(0, 40)}"`);
      return undefined;
    }
    return Number(t);
  };
  const name = textOf(child(s, 'name'), 'Scenario.name', s) ?? '';
  const description = textOf(child(s, 'desc'), 'Scenario.desc', s, false) ?? '';
  const params: KtabXml['params'] = {};
  const seedEl = child(s, 'prngSeed');
  const seedText = textOf(seedEl, 'Scenario.prngSeed', s, false);
  if (seedText) {
    if (!/^\d+$/.test(seedText)) p.add(seedEl!.at, 'Scenario.prngSeed', `expected a whole number, got "${seedText.slice(0, 40)}"`);
    else {
      params.prngSeed = seedText;
      // KTAB seeds are 64-bit; parley's generator takes a safe integer: the seed modulo 2^53.
      params.seed = Number(BigInt(seedText) % 2n ** 53n);
    }
  }
  const mp = child(s, 'ModelParameters');
  if (mp) {
    for (const key of Object.keys(PARAMETER_CHOICES) as (keyof SmpParameters)[]) {
      const el = child(mp, key);
      const v = textOf(el, `ModelParameters.${key}`, mp);
      if (!v) continue;
      const allowed = PARAMETER_CHOICES[key];
      const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
      if (!hit) p.add(el!.at, `ModelParameters.${key}`, `unknown value "${v.slice(0, 40)}" (allowed: ${allowed.join(', ')})`);
      else (params as Record<string, string>)[key] = hit;
    }
  }
  const dimsEl = child(s, 'Dimensions');
  const dimensions = dimsEl ? childrenNamed(dimsEl, 'dName').map((d, k) => textOf(d, `Dimensions.dName[${k}]`, dimsEl) ?? '') : [];
  if (!dimsEl) p.add(s.at, 'Dimensions', 'missing <Dimensions>');
  else if (dimensions.length === 0) p.add(dimsEl.at, 'Dimensions', 'at least one <dName> is needed');
  const actorsEl = child(s, 'Actors');
  const actorEls = actorsEl ? childrenNamed(actorsEl, 'Actor') : [];
  if (!actorsEl) p.add(s.at, 'Actors', 'missing <Actors>');
  else if (actorEls.length < KTAB_MIN_ACTORS || actorEls.length > KTAB_MAX_ACTORS) p.add(actorsEl.at, 'Actors', `KTAB needs ${KTAB_MIN_ACTORS} to ${KTAB_MAX_ACTORS} actors, found ${actorEls.length}`);
  const actors: KtabActorRow[] = [];
  actorEls.forEach((a, i) => {
    const aname = textOf(child(a, 'name'), `Actors.Actor[${i}].name`, a) ?? '';
    const label = `Actors.Actor[${i}]${aname ? ` (${aname})` : ''}`;
    const adesc = textOf(child(a, 'description'), `${label}.description`, a, false) ?? '';
    const capEl = child(a, 'capability');
    const capability = num(capEl, `${label}.capability`, a);
    const vec = (container: string, item: string) => {
      const el = child(a, container);
      if (!el) {
        p.add(a.at, `${label}.${container}`, `missing <${container}>`);
        return { values: [] as (number | undefined)[], els: [] as XmlElement[] };
      }
      const els = childrenNamed(el, item);
      if (els.length !== dimensions.length) p.add(el.at, `${label}.${container}`, `${els.length} <${item}> for ${dimensions.length} dimensions`);
      return { values: els.map((e, d) => num(e, `${label}.${container}.${item}[${d}]`, el)), els };
    };
    const pos = vec('Position', 'dCoord');
    const sal = vec('Salience', 'dSal');
    if (capability === undefined || pos.values.some((v) => v === undefined) || sal.values.some((v) => v === undefined) || pos.values.length !== dimensions.length || sal.values.length !== dimensions.length) return;
    const row = { name: aname, description: adesc, capability, positions: pos.values as number[], saliences: sal.values as number[] };
    const where = (field: string): Located => {
      if (field === 'capability') return capEl!.at;
      const d = Number(field.replace(/\D+/g, '') || 0);
      return field.startsWith('position') ? pos.els[d].at : sal.els[d].at;
    };
    checkActorValues(row, where, p, (field) => `${label}.${field.startsWith('position') ? `Position.dCoord[${field.slice(8)}]` : field.startsWith('salience') ? `Salience.dSal[${field.slice(8) || 0}]` : field}`);
    actors.push(row);
  });
  const idealAdjustment: KtabXml['idealAdjustment'] = [];
  const ia = child(s, 'IdealAdjustment');
  if (ia) {
    // Every declared actor counts, even one whose numbers failed (already reported above).
    const names = new Set(actorEls.map((a) => child(a, 'name')?.text.trim() ?? ''));
    childrenNamed(ia, 'iaPair').forEach((pair, q) => {
      const path = `IdealAdjustment.iaPair[${q}]`;
      const adj = textOf(child(pair, 'adjustingIdeal'), `${path}.adjustingIdeal`, pair) ?? '';
      const ref = textOf(child(pair, 'referencePos'), `${path}.referencePos`, pair) ?? '';
      const rate = num(child(pair, 'adjust'), `${path}.adjust`, pair);
      for (const [field, who] of [['adjustingIdeal', adj], ['referencePos', ref]] as const) {
        if (who && !names.has(who)) p.add(child(pair, field)!.at, `${path}.${field}`, `unknown actor "${who.slice(0, 80)}"`);
      }
      if (rate !== undefined && (rate < 0 || rate > 1)) p.add(child(pair, 'adjust')!.at, `${path}.adjust`, `adjustment rate must be within 0–1, got ${rate}`);
      if (adj && ref && rate !== undefined) idealAdjustment.push({ adjustingIdeal: adj, referencePos: ref, adjust: rate });
    });
  }
  p.throwIfAny();
  return { case: toCase({ name, description, dimensions, actors }, file), params, idealAdjustment };
}

// ----------------------------------------------------------------------------------------------
// Export

function csvField(s: string): string {
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

const fmt = (x: number) => String(Number(x.toFixed(4)));

/**
 * A case as KTAB CSV: positions rescaled from each issue's scale to 0–100, current stances (a pair
 * without a stance: status quo, salience 0), saliences scaled down proportionally where an actor's
 * total exceeds 100 (KTAB reads saliences as shares of attention and rejects a total above 100).
 */
export function writeKtabCsv(c: Case): string {
  const stances = currentStances(c);
  const lines: string[] = [];
  lines.push(`${csvField(c.title)},${csvField(c.description?.split('\n')[0] ?? '')},${c.actors.length},${c.issues.length},`);
  lines.push(['Actor', 'Description', 'Power', ...c.issues.flatMap((iss) => [csvField(iss.title), csvField(`${iss.title} salience`)])].join(',') + ',');
  for (const a of c.actors) {
    const pos: number[] = [];
    const sal: number[] = [];
    for (const iss of c.issues) {
      const s = stances.get(pairKey(a.id, iss.id));
      const span = iss.scale.max - iss.scale.min || 1;
      const x = s ? estimate(s.position).value : iss.statusQuo;
      pos.push(Math.min(100, Math.max(0, ((x - iss.scale.min) / span) * 100)));
      sal.push(s ? Math.min(100, Math.max(0, estimate(s.salience).value)) : 0);
    }
    const total = sal.reduce((t, v) => t + v, 0);
    const scale = total > 100 ? 100 / total : 1;
    const cells = [csvField(a.name), csvField(a.description?.split('\n')[0] ?? ''), fmt(Math.max(0, estimate(a.capability).value))];
    pos.forEach((x, k) => cells.push(fmt(x), fmt(Math.floor(sal[k] * scale * 10000) / 10000)));
    lines.push(cells.join(',') + ',');
  }
  return lines.join('\n') + '\n';
}

/** Whether text looks like a KTAB CSV: a scenario line ending in two counts, then "Actor,Description,". */
export function looksLikeKtabCsv(text: string): boolean {
  const [first = '', second = ''] = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 2);
  let f: DelimitedCell[];
  try {
    f = dropFinalComma(splitDelimitedLine(first, ','));
  } catch {
    return false; // malformed quoting: not recognisably KTAB (parseKtabCsv would locate the problem)
  }
  return f.length >= 4 && /^\d+$/.test(f[2].text) && /^\d+$/.test(f[3].text) && /^\s*"?Actor"?\s*,\s*"?Desc/i.test(second);
}

export function looksLikeKtabXml(text: string): boolean {
  return /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<Scenario[\s>]/.test(text.slice(0, 4096));
}

export { SMP_DEFAULTS };

/** Registry entries (src/formats/index.ts). */
export const ktabCsvImporter: Importer = {
  name: 'ktab-csv',
  description: 'KTAB SMP scenario CSV (name, description, actors, dimensions; Actor, Description, Power, position/salience pairs)',
  detect: (text, file) => /\.csv$/i.test(file) && looksLikeKtabCsv(text),
  parse: parseKtabCsv,
};

export const ktabXmlImporter: Importer = {
  name: 'ktab-xml',
  description: 'KTAB SMP scenario XML (smpSchema.xsd); its ModelParameters and seed become the smp parameters',
  detect: (text, file) => /\.xml$/i.test(file) && looksLikeKtabXml(text),
  parse: (text, file) => parseKtabXml(text, file).case,
  parseWithParams: (text, file) => {
    const { case: c, params } = parseKtabXml(text, file);
    return { case: c, params: { smp: params } };
  },
};

export const ktabCsvExporter: Exporter = {
  name: 'ktab-csv',
  description: 'KTAB SMP scenario CSV (positions rescaled to 0–100, saliences as shares of attention)',
  write: writeKtabCsv,
};
