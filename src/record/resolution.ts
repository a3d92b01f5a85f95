/**
 * Resolutions: what happened, entered once per question after its `by` date (or earlier, when the
 * outcome is settled): `{"agreement": 0|1, "outcome": {issue: value}, "source": URL}`, checked
 * against the question's case (the issues and scales the entries recorded). Text in, problems out,
 * each with its field path and, for a file, line and column.
 */
import { LineCounter, parseDocument } from 'yaml';
import { locator } from '../case/load.ts';
import { z } from 'zod';
import type { EntryIssue } from './entry.ts';

export const Resolution = z
  .object({
    agreement: z.union([z.literal(0), z.literal(1)], { error: 'expected 0 (no agreement) or 1 (an agreement)' }),
    outcome: z.record(z.string(), z.number().refine(Number.isFinite, 'expected a finite number')),
    source: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL of the source that settles the question' }),
    /** YYYY-MM-DD the outcome was settled (optional). */
    date: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).optional(),
    note: z.string().max(4000).optional(),
  })
  .strict();
export type Resolution = z.infer<typeof Resolution>;

export interface ResolutionProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export class ResolutionError extends Error {
  constructor(
    public readonly problems: ResolutionProblem[],
    public readonly file?: string,
  ) {
    super(problems.map((p) => formatResolutionProblem(p, file)).join('\n'));
    this.name = 'ResolutionError';
  }
}

export const formatResolutionProblem = (p: ResolutionProblem, file?: string): string =>
  `${file ? `${file}:${p.line ?? 0}:${p.column ?? 0}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}`;

const pathOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${String(seg)}` : String(seg)), '');

/** Check a resolution (already parsed data) against the question's issues; every problem, none when valid. */
export function resolutionProblems(data: unknown, issues: readonly EntryIssue[]): { resolution?: Resolution; problems: Array<{ path: string[]; message: string }> } {
  const r = Resolution.safeParse(data);
  if (!r.success) return { problems: r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
  const problems: Array<{ path: string[]; message: string }> = [];
  const byId = new Map(issues.map((i) => [i.id, i]));
  for (const [id, value] of Object.entries(r.data.outcome)) {
    const iss = byId.get(id);
    if (!iss) {
      problems.push({ path: ['outcome', id], message: `unknown issue "${id}" (the question's case has: ${issues.map((i) => i.id).join(', ')})` });
    } else if (value < iss.min || value > iss.max) {
      problems.push({ path: ['outcome', id], message: `${value} is outside the scale of issue "${id}" (${iss.min} to ${iss.max})` });
    }
  }
  if (Object.keys(r.data.outcome).length === 0) problems.push({ path: ['outcome'], message: 'give the outcome of at least one issue' });
  return problems.length ? { problems } : { resolution: r.data, problems };
}

/** Validate parsed data; throws ResolutionError. */
export function checkResolution(data: unknown, issues: readonly EntryIssue[]): Resolution {
  const { resolution, problems } = resolutionProblems(data, issues);
  if (!resolution) throw new ResolutionError(problems.map((p) => ({ path: pathOf(p.path), message: p.message })));
  return resolution;
}

/** Parse a resolution file (JSON, or YAML: JSON is read by the YAML parser so both report lines) and check it. */
export function parseResolutionText(text: string, file: string, issues: readonly EntryIssue[]): Resolution {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const { line, col } = lc.linePos(err.pos[0]);
    throw new ResolutionError([{ path: '', message: `syntax error: ${err.message.split('\n')[0]}`, line, column: col }], file);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (e) {
    throw new ResolutionError([{ path: '', message: `cannot read the file: ${(e as Error).message}`, line: 1, column: 1 }], file);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ResolutionError([{ path: '', message: 'a resolution is an object: {"agreement": 0|1, "outcome": {issue: value}, "source": URL}', line: 1, column: 1 }], file);
  }
  const { resolution, problems } = resolutionProblems(data, issues);
  if (resolution) return resolution;
  const at = locator(doc, lc, file);
  throw new ResolutionError(problems.map((p) => { const { line, column } = at(p.path); return { path: pathOf(p.path), message: p.message, line, column }; }), file);
}

