/**
 * Candidate evidence from an ingested article: one `quote` evidence item per quote, with status
 * `candidate` so that it changes no estimate until a reviewer accepts it, deduplicated against the
 * evidence the case already holds (same quote text, compared as the scorer compares quotes).
 */
import { createHash } from 'node:crypto';
import type { Case, Evidence } from '../case/schema.ts';
import { saidOnOf } from './dates.ts';
import { ArticleInputError } from './input.ts';
import { datesOfResult, type IngestResult } from './ingest.ts';
import { normaliseQuoteText } from './score.ts';

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'unattributed';

/** A quote as deduplication compares it (and as `outlets` are keyed): trailing ",;:" do not count. */
export const quoteKey = (s: string): string => normaliseQuoteText(s.replace(/\s+/g, ' ').trim().replace(/[\s,;:]+$/, '')).toLowerCase();

export interface CandidateOptions {
  /**
   * Independent outlets carrying each quote in this run, by `quoteKey` (syndicated copies counted
   * once: src/evidence/syndication.ts); sets the evidence's `outlets`.
   */
  outlets?: ReadonlyMap<string, number>;
  /**
   * For a caller that adds many articles' candidates to one case: the quote keys and evidence ids the
   * case holds, kept up to date here (each candidate's are added), instead of recomputed from the
   * case's evidence on every call.
   */
  known?: { quotes: Set<string>; ids: Set<string> };
}

/** The article's date, which its quotes' evidence needs: an ArticleInputError when it has quotes and no date. */
export function datedOrThrow(result: IngestResult): string {
  const date = result.article.date;
  if (result.quotes.length && (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date))) throw new ArticleInputError('the article has no date; give one (--date YYYY-MM-DD) so its evidence can be dated');
  return date ?? '';
}

/**
 * The quotes of `result` as candidate evidence for case `c`, minus those already in the case.
 * Throws ArticleInputError when the article has no date (evidence needs one).
 */
export function candidatesFromIngest(result: IngestResult, c: Case, options: CandidateOptions = {}): Evidence[] {
  if (!result.quotes.length) return [];
  const date = datedOrThrow(result);
  const seen = options.known?.quotes ?? new Set(c.evidence.map((e) => quoteKey(e.text)));
  const ids = options.known?.ids ?? new Set(c.evidence.map((e) => e.id));
  const actorIds = new Set(c.actors.map((a) => a.id));
  const issueIds = new Set(c.issues.map((i) => i.id));
  const url = result.article.url && /^https?:\/\/\S+$/.test(result.article.url) && result.article.url.length <= 2000 ? result.article.url : undefined;
  const out: Evidence[] = [];
  const dates = datesOfResult(result, date);
  for (const q of result.quotes) {
    const text = q.text.replace(/\s+/g, ' ').trim().replace(/[\s,;:]+$/, '').slice(0, 20000);
    const key = quoteKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const hash = createHash('sha256').update(`${date}\n${key}`).digest('hex');
    let id = `ev-${slug(q.speaker ?? 'unattributed')}-${hash.slice(0, 8)}`;
    for (let n = 2; ids.has(id); n++) id = `ev-${slug(q.speaker ?? 'unattributed')}-${hash.slice(0, 8)}-${n}`;
    ids.add(id);
    const noteParts = [q.partial ? 'partial quote' : 'full quote'];
    if (q.cue) noteParts.push(`cue: ${q.cue}`);
    if (q.speakerMention && q.speakerMention !== q.speaker) noteParts.push(`named as: ${q.speakerMention}`);
    if (result.article.title) noteParts.push(`article: ${result.article.title}`);
    const item: Evidence = {
      id,
      kind: 'quote',
      text,
      date,
      issues: q.issues.filter((i) => issueIds.has(i)),
      status: 'candidate',
      note: `ingested; ${noteParts.join('; ')}`.slice(0, 4000),
    };
    if (q.speaker) item.speaker = q.speaker.slice(0, 200);
    if (q.actor && actorIds.has(q.actor)) item.actor = q.actor;
    if (result.article.outlet) item.outlet = result.article.outlet.slice(0, 200);
    if (url) item.url = url;
    // the day (or month, or year) the attribution gives for the words, at its own granularity, where it is not the day reported
    const saidOn = saidOnOf(result.body, q, date, dates);
    if (saidOn && saidOn !== date) item.saidOn = saidOn;
    const outlets = options.outlets?.get(key);
    if (outlets !== undefined && outlets >= 1) item.outlets = Math.min(10000, Math.round(outlets));
    out.push(item);
  }
  return out;
}
