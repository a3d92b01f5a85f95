/**
 * Evidence grades in the dashboard, without React: the Admiralty grade as text ("B2"), the words
 * each letter and digit stand for, the form fields that set reliability, credibility, saidOn,
 * retracted and outlets (same keys as src/case/schema.ts, so the server's error paths name them),
 * and the step between an evidence item and those fields' values. The server validates every
 * write as the case loader does; nothing here decides what is valid.
 */
import type { Case, Evidence } from '../../src/case/schema.ts';
import { ApiError } from './api.ts';
import type { FieldSpec } from './forms.ts';

/** Admiralty source reliability (docs/evidence.md "Reliability"). */
export const RELIABILITY_WORDS: Record<string, string> = {
  A: 'reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
/** Admiralty information credibility. */
export const CREDIBILITY_WORDS: Record<number, string> = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

type Graded = Pick<Evidence, 'reliability' | 'credibility' | 'uncertain'>;

/**
 * The grade as `parley research` prints it: "B2"; "?" for a grade not given; "4?" for a credibility
 * read from `uncertain: true` (the widening rule counts it as 4). Null when neither grade is given
 * and the item is not marked uncertain.
 */
export function gradeText(e: Graded): string | null {
  if (!e.reliability && e.credibility === undefined && !e.uncertain) return null;
  return `${e.reliability ?? '?'}${e.credibility ?? (e.uncertain ? '4?' : '?')}`;
}

/** The grade in words: "source usually reliable; information probably true". */
export function gradeWords(e: Graded): string {
  const source = e.reliability ? `source ${RELIABILITY_WORDS[e.reliability]}` : 'source not graded';
  const info =
    e.credibility !== undefined ? `information ${CREDIBILITY_WORDS[e.credibility]}` : e.uncertain ? 'information marked uncertain (counts as doubtful)' : 'information not graded';
  return `${source}; ${info}`;
}

/** A retraction as a line of text, or null when the item is not retracted. */
export function retractionText(r: Evidence['retracted']): string | null {
  if (r === undefined || r === false) return null;
  if (r === true) return 'Retracted';
  return `Retracted${r.date ? ` on ${r.date}` : ''}${r.note ? `: ${r.note}` : ''}`;
}

/** The form's fields. `retracted.yes` is the form's own switch: the item has `retracted: true | {date, note}`. */
export const evidenceGradeFields = (): FieldSpec[] => [
  {
    key: 'reliability',
    label: 'Source reliability',
    kind: 'select',
    options: Object.entries(RELIABILITY_WORDS).map(([k, w]) => [k, `${k}: ${w}`]),
    help: 'Admiralty grade A-F',
  },
  {
    key: 'credibility',
    label: 'Information credibility',
    kind: 'select',
    options: Object.entries(CREDIBILITY_WORDS).map(([k, w]) => [k, `${k}: ${w}`]),
    help: 'Admiralty grade 1-6',
  },
  { key: 'saidOn', label: 'Said on', kind: 'text', help: 'when the words were said, if not the date reported: YYYY-MM-DD, YYYY-MM or YYYY' },
  { key: 'outlets', label: 'Independent outlets', kind: 'number', help: 'outlets carrying it, syndicated copies counted once (1 = single-sourced)' },
  { key: 'retracted.yes', label: 'Retracted', kind: 'checkbox', help: 'retracted evidence does not count' },
  { key: 'retracted.date', label: 'Retracted on', kind: 'date' },
  { key: 'retracted.note', label: 'Retraction note', kind: 'text' },
];

/** The item as the grade form reads it: `retracted: true | {date, note}` becomes `{yes, date, note}`. */
export function toGradeForm(e: Evidence | Record<string, unknown>): Record<string, unknown> {
  const r = (e as Evidence).retracted;
  const { retracted: _drop, ...rest } = e as Record<string, unknown>;
  void _drop;
  if (r === undefined || r === false) return rest;
  return { ...rest, retracted: r === true ? { yes: true } : { yes: true, ...r } };
}

/**
 * The form's body as the item the API takes: credibility as a number, `retracted` as `true` or
 * `{date, note}` (or left out). A retraction date or note without "Retracted" ticked is refused
 * here, on the field, before anything is sent.
 */
export function fromGradeForm(body: Record<string, unknown>): Record<string, unknown> {
  const { retracted, ...rest } = body as Record<string, unknown> & { retracted?: { yes?: boolean; date?: string; note?: string } };
  const out: Record<string, unknown> = { ...rest };
  if (typeof out.credibility === 'string' && /^[0-9]+$/.test(out.credibility)) out.credibility = Number(out.credibility);
  if (retracted && typeof retracted === 'object') {
    const { yes, ...details } = retracted;
    if (yes) out.retracted = Object.keys(details).length ? details : true;
    else if (Object.keys(details).length) throw new ApiError('tick "Retracted" to record a retraction date or note', 400, 'retracted.yes');
  }
  return out;
}

/**
 * Every field of an evidence item, for adding or editing one in Build (views/CaseForms.tsx): what
 * it says, who said it and where, and its grades (the fields above, with the same item steps).
 */
export const evidenceFields = (c: Case): FieldSpec[] => [
  { key: 'id', label: 'Evidence id', kind: 'text', required: true, fixedOnEdit: true, help: 'letters, digits, "_", "." and "-"' },
  { key: 'kind', label: 'Kind', kind: 'select', required: true, options: ['quote', 'report', 'document', 'statement'].map((k) => [k, k]) },
  { key: 'text', label: 'Text', kind: 'textarea', required: true },
  { key: 'speaker', label: 'Speaker', kind: 'text' },
  { key: 'actor', label: 'Actor', kind: 'select', options: c.actors.map((a) => [a.id, a.name]) },
  { key: 'date', label: 'Date reported', kind: 'date', required: true },
  { key: 'outlet', label: 'Outlet', kind: 'text' },
  { key: 'url', label: 'Link', kind: 'url', help: 'http(s) only' },
  { key: 'issues', label: 'Issues', kind: 'multi', options: c.issues.map((i) => [i.id, i.title]) },
  { key: 'status', label: 'Status', kind: 'select', options: ['accepted', 'candidate', 'rejected'].map((k) => [k, k]), help: 'default accepted' },
  { key: 'note', label: 'Note', kind: 'textarea' },
  { key: 'uncertain', label: 'Uncertain (counts as credibility 4 when no credibility is given)', kind: 'checkbox' },
  ...evidenceGradeFields(),
];
