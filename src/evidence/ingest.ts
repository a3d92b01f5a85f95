/**
 * `ingestArticle`: one news article in, its evidence out — quotes with speakers, credited sources,
 * event dates, actors, and (given a case) the actors speakers speak for and the issues quotes touch.
 * Pure: no I/O, no clock; offsets are into the body text (`result.body`).
 */
import type { Case } from '../case/schema.ts';
import { Attributor, type AttributedQuote } from './attribution.ts';
import { actorOfSpeaker, caseActorsIn, issueMatcher } from './case-link.ts';
import { findDates, type ResolvedDate } from './dates.ts';
import { extractFromHtml, isoDay } from './html.ts';
import { checkArticleText, looksLikeHtml } from './input.ts';
import { DEMONYM_STATES, METONYMS, STATE_NAMES, lexiconTags } from './lexicon.ts';
import { findPeople, type KnownSpeaker } from './people.ts';
import { findQuotedSpans } from './quotes.ts';
import { paragraphsOf, segmentAt, sentencesOf } from './sentences.ts';
import { findSources } from './sources.ts';

export interface ArticleInput {
  /** Plain article text (the body). */
  text?: string;
  /** An HTML page; the article is extracted from it. */
  html?: string;
  /** Publication date `YYYY-MM-DD` (overrides the page's metadata). */
  date?: string;
  outlet?: string;
  title?: string;
  url?: string;
}

export interface IngestOptions {
  case?: Case;
}

/** A quote as the ingest JSON gives it: the attributed span, and with a case its actor and issues. */
export interface IngestQuote extends Pick<AttributedQuote, 'text' | 'start' | 'end' | 'speaker' | 'speakerMention' | 'cue' | 'partial'> {
  /** With a case: the id of the actor the speaker speaks for. */
  actor: string | null;
  /** With a case: ids of the issues the quote touches. */
  issues: string[];
}

export interface IngestResult {
  article: { date: string | null; outlet: string | null; title: string | null; url?: string };
  /** The body text all offsets refer to. */
  body: string;
  quotes: IngestQuote[];
  /** Quoted spans that are labels or scare quotes, not speech. */
  nonQuotes: Array<{ text: string; start: number; end: number; reason: string }>;
  sources: string[];
  actors: string[];
  /** Event dates; `granularity` says whether the text gives a day, a month (`resolved` is `YYYY-MM`) or a year (`YYYY`). */
  dates: Array<{ text: string; resolved: string | null; granularity: 'day' | 'month' | 'year' }>;
}

const COUNTRY_WORD = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})(?![\p{L}\p{N}])/gu;

/** A name in a byline or photo credit: "By Tom Alder", "Photo: Maria Lindqvist / Reuters", "(Reuters: Sarah Meyssonnier)". */
function inCredit(body: string, start: number, end: number): boolean {
  const lineStart = body.lastIndexOf('\n', start) + 1;
  const before = body.slice(lineStart, start);
  const after = body.slice(end, end + 4);
  return /^(?:By|Photo(?:graph)?|Image|Picture|Credit|Video|Illustration)\b[^.]*$/i.test(before.trimStart()) || /\(\s*[\p{L} .&-]+:\s*$/u.test(before) || /^\s*\//.test(after) || /\/\s*$/.test(before);
}

/** States, organisations and people the article names, canonicalised (Moscow → Russia). */
function namedActors(body: string, people: ReturnType<typeof findPeople>, speakers: string[], inQuote: (o: number) => boolean): string[] {
  const out = new Set<string>();
  for (const s of speakers) out.add(s);
  for (const e of people.entities) if (e.mentions.some((m) => !m.possessive && !inCredit(body, m.start, m.end))) out.add(e.canonical);
  COUNTRY_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COUNTRY_WORD.exec(body))) {
    if (inQuote(m.index)) continue;
    // all-capital words are photo file names and captions ("UKRAINE-CRISIS-FRANCE"), except state acronyms
    if (/^\p{Lu}{4,}$/u.test(m[1]) && !STATE_NAMES.has(m[1].toLowerCase())) continue;
    const r = runState(m[1]);
    if (r.state) out.add(r.state);
    else if (r.demonym && /^\s+(?:officials?|side|delegation|government|leaders?|forces|troops|president|authorities)\b/.test(body.slice(m.index + r.demonym.length, m.index + r.demonym.length + 20))) out.add(r.demonym.state);
  }
  return [...out];
}

type RunState = { state?: string; demonym?: { length: number; state: string } };
const runStates = new Map<string, RunState>();
/**
 * A capitalised run's state: the state or metonym its longest leading run names, else the state of a
 * demonym first word ("Russian", kept when an officials/side/... word follows it in the text). Pure in
 * the run, so memoised (the same runs recur across articles; cleared past 50,000 entries).
 */
function runState(run: string): RunState {
  const known = runStates.get(run);
  if (known) return known;
  const r: RunState = {};
  const words = run.replace(/['’]s$/, '').split(/\s+/);
  // the longest leading run that names a state or a metonym
  for (let n = words.length; n >= 1; n--) {
    const phrase = words.slice(0, n).join(' ');
    const lower = phrase.toLowerCase();
    const state = METONYMS.get(lower) ?? STATE_NAMES.get(lower) ?? (lexiconTags(lower).includes('Country') ? phrase : undefined);
    if (state) {
      r.state = state;
      break;
    }
    if (n === 1 && DEMONYM_STATES.has(lower)) r.demonym = { length: phrase.length, state: DEMONYM_STATES.get(lower)! };
  }
  if (runStates.size >= 50000) runStates.clear();
  runStates.set(run, r);
  return r;
}

/** "Russian officials", "a U.S. official": a group named by nationality speaks for that state's actor. */
function actorOfGroup(speaker: string, c: Case): string | undefined {
  // the affiliation of an unnamed speaker: "unnamed senior U.S. official", "unnamed Hamas official",
  // "Russian officials", "the Kremlin": its capitalised words name a state, a metonym or a case actor
  const words = speaker.replace(/^(?:unnamed\s+)?(?:(?:senior|top|other|former|the|a|an)\s+)*/i, '').split(/\s+/);
  const actorOf = (from: number) => {
    for (let i = from; i < words.length && /^\p{Lu}/u.test(words[i]); i++) {
      const w = words[i].replace(/['’]s$/, '');
      const lower = w.toLowerCase();
      const state = DEMONYM_STATES.get(lower) ?? STATE_NAMES.get(lower) ?? METONYMS.get(lower);
      const actor = actorOfSpeaker(state ?? w, c);
      if (actor) return actor;
    }
    return undefined;
  };
  // the person's affiliation, else whom the person works for: "aide to the Ostrian president",
  // "spokesman for the Corvian government", "adviser to Varga"
  const complement = words.findIndex((w, i) => i > 0 && /^(?:to|for|of)$/.test(w));
  return actorOf(0) ?? (complement > 0 ? actorOf(complement + 1 + (/^the$/i.test(words[complement + 1] ?? '') ? 1 : 0)) : undefined);
}

const knownSpeakers = new WeakMap<Case, KnownSpeaker[]>();
/** The case's speakers (and person actors) with their aliases; computed once per case. */
function knownSpeakersOf(c: Case): KnownSpeaker[] {
  let known = knownSpeakers.get(c);
  if (!known) {
    known = c.actors.flatMap((a) => [
      ...a.speakers.map((s) => ({ name: s.name, aliases: s.aliases, actor: a.id, role: s.role })),
      ...(a.kind === 'person' ? [{ name: a.name, aliases: a.aliases.filter((x) => /^\p{Lu}/u.test(x)), actor: a.id }] : []),
    ]);
    knownSpeakers.set(c, known);
  }
  return known;
}

export function ingestArticle(input: ArticleInput, options: IngestOptions = {}): IngestResult {
  let body = input.text ?? '';
  let date = input.date ? isoDay(input.date) : undefined;
  let title = input.title;
  let outlet = input.outlet;
  if (input.html !== undefined || (input.text !== undefined && looksLikeHtml(input.text))) {
    const html = input.html ?? input.text ?? '';
    checkArticleText(html, 'the page');
    const page = extractFromHtml(html);
    body = page.text;
    date ??= page.date;
    title ??= page.title;
    outlet ??= page.outlet;
  }
  checkArticleText(body, 'the article');
  const spans = findQuotedSpans(body);
  const insideQuote = (offset: number): boolean => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < spans[mid].open) hi = mid - 1;
      else if (offset >= spans[mid].close) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const c = options.case;
  const known = c ? knownSpeakersOf(c) : [];
  const people = findPeople(body, insideQuote, known);
  const paragraphs = paragraphsOf(body);
  const sentences = sentencesOf(body, paragraphs, spans);
  const { quotes, nonQuotes } = new Attributor(body, spans, sentences, people).run();
  const matcher = c ? issueMatcher(c) : undefined;
  const outQuotes: IngestQuote[] = quotes.map((q) => {
    let actor: string | null = null;
    if (c && q.speaker) actor = q.entity?.actor ?? actorOfSpeaker(q.speaker, c) ?? actorOfGroup(q.speaker, c) ?? null;
    // the reporter's paraphrase often comes right before a full quote: the previous sentence of the paragraph, or the previous paragraph's last
    const si = segmentAt(sentences, q.sentence.start);
    const previous = !q.partial && si > 0 && sentences[si - 1].paragraph >= q.sentence.paragraph - 1 ? body.slice(sentences[si - 1].start, sentences[si - 1].end) : '';
    const issues = matcher ? matcher.issuesOf(`${body.slice(q.sentence.start, q.sentence.end)} ${previous}`) : [];
    return { text: q.text, start: q.start, end: q.end, speaker: q.speaker, speakerMention: q.speakerMention, cue: q.cue, partial: q.partial, actor, issues };
  });
  const speakers = [...new Set(outQuotes.map((q) => q.speaker).filter((s): s is string => !!s && !/^unnamed\b/.test(s)))];
  let actors = namedActors(body, people, speakers, insideQuote);
  if (c) {
    const linked = caseActorsIn(body, c).map((a) => a.name);
    actors = [...new Set([...linked, ...actors])];
  }
  // outlets are sources, not actors ("the news outlet Obschestvennoye. Novosti published …")
  const sources = findSources(body, { publisher: outlet, excluded: insideQuote });
  const squash = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const sourceKeys = new Set(sources.map(squash));
  actors = actors.filter((a) => !sourceKeys.has(squash(a)));
  const dates = findDates(body, date);
  const result: IngestResult = {
    article: { date: date ?? null, outlet: outlet ?? null, title: title ?? null, ...(input.url ? { url: input.url } : {}) },
    body,
    quotes: outQuotes,
    nonQuotes,
    sources,
    actors,
    dates: dates.map((d) => ({ text: d.text, resolved: d.resolved, granularity: d.granularity })),
  };
  datesFound.set(result, { body, date, dates });
  return result;
}

/** The dates (with offsets) each result's article gave, as ingestArticle found them: see `datesOfResult`. */
const datesFound = new WeakMap<IngestResult, { body: string; date: string | undefined; dates: ResolvedDate[] }>();

/**
 * `findDates(result.body, date)`, without running it again when `result` came from ingestArticle with
 * that body and article date (candidates.ts needs the offsets the JSON result leaves out).
 */
export function datesOfResult(result: IngestResult, date: string | undefined): ResolvedDate[] {
  const found = datesFound.get(result);
  return found && found.body === result.body && found.date === date ? found.dates : findDates(result.body, date);
}

/** The JSON contract of `parley ingest --format json` and `POST /api/ingest`: everything but the body text. */
export const ingestJson = (r: IngestResult) => ({ article: r.article, quotes: r.quotes, sources: r.sources, actors: r.actors, dates: r.dates });
