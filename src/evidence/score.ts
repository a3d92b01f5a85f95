/**
 * Scoring the ingester against hand-annotated gold files (schema: eval-dev/gold/README.md):
 * quote precision, recall and F1 on full quotes and on all quotes, speaker accuracy on matched
 * quotes (canonical names), and source precision and recall. Quote texts are compared after
 * normalising quotation-mark forms, whitespace and trailing `,.;:`; borderline gold quotes are
 * ignored on both sides (a prediction that matches one is neither right nor wrong). Dates: the
 * share of gold dates found and resolved right at the gold's granularity (`dateMatches`), and how
 * many gold non-dates were read as dates.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestArticle, type IngestResult } from './ingest.ts';
import { splitHeader } from './input.ts';
import { stripDiacritics, surnameKey } from './people.ts';

export interface GoldQuote {
  text: string;
  speaker: string | null;
  speakerMention?: string | null;
  cue?: string | null;
  partial: boolean;
  borderline?: boolean;
  start?: number;
  end?: number;
}

export interface GoldArticle {
  article: string;
  articleDate?: string;
  quotes: GoldQuote[];
  sources: string[];
  sourceSurfaceForms?: Record<string, string[]>;
  /** Event dates as they appear in the body, resolved against the article date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `start/end` or null). */
  dates?: Array<{ text: string; resolved: string | null }>;
  /** Date-like strings that are not event dates (a note may follow in parentheses: "a week (deadline duration)"). */
  nonDates?: string[];
}

export interface CanonicalNames {
  people?: string[];
  states_and_organisations?: string[];
  groups?: string[];
  collective_or_anonymous_speakers?: string[];
  aliases?: Record<string, string[]>;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  gold: number;
}

export interface QuoteScore extends PRF {
  /** Share of matched quotes whose speaker is right. */
  speakerAccuracy: number;
  matched: number;
  speakerCorrect: number;
}

export interface DateScore {
  /** Share of gold dates found and resolved right at the gold's granularity. */
  accuracy: number;
  gold: number;
  right: number;
  /** Gold non-dates ("for 5 hours", "24/7", "Good Friday") the ingester read as dates. */
  nonDates: number;
  nonDatesReadAsDates: number;
}

export interface IngestScore {
  articles: number;
  fullQuotes: QuoteScore;
  allQuotes: QuoteScore;
  sources: PRF;
  dates: DateScore;
  /** Per-article misses, for reading what went wrong. */
  errors: Array<{ article: string; kind: 'missed' | 'spurious' | 'speaker' | 'source-missed' | 'source-spurious' | 'date-missed' | 'date-wrong' | 'non-date'; text: string; expected?: string | null; got?: string | null }>;
}

/** Quote text for matching: one form of each quotation mark (dropped), collapsed spaces, no trailing `,.;:`. */
export function normaliseQuoteText(s: string): string {
  return s
    .replace(/[“”„«»‟"]/g, '')
    .replace(/[‘’‚‹›]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,.;:]+$/, '')
    .trim();
}

const prf = (tp: number, predicted: number, gold: number): PRF => {
  const precision = predicted ? tp / predicted : gold ? 0 : 1;
  const recall = gold ? tp / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePositives: tp, predicted, gold };
};

const norm = (s: string): string =>
  stripDiacritics(s.toLowerCase())
    .replace(/u\.s\.?/g, 'us')
    .replace(/u\.k\.?/g, 'uk')
    .replace(/['’]/g, "'")
    .replace(/\([^)]*\)/g, '')
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\bunnamed\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Map a speaker name to its canonical form using the canonical-names file (aliases, surname variants). */
export function canonicalSpeaker(name: string | null | undefined, names: CanonicalNames): string | null {
  if (!name) return null;
  const n = norm(name);
  const all = [...(names.people ?? []), ...(names.states_and_organisations ?? []), ...(names.groups ?? []), ...(names.collective_or_anonymous_speakers ?? [])];
  for (const c of all) if (norm(c) === n) return c;
  for (const [c, aliases] of Object.entries(names.aliases ?? {})) if (aliases.some((a) => norm(a) === n)) return c;
  const tokens = n.split(' ');
  const key = surnameKey(tokens[tokens.length - 1]);
  for (const p of names.people ?? []) {
    const pt = norm(p).split(' ');
    if (surnameKey(pt[pt.length - 1]) !== key) continue;
    if (tokens.length >= 2 && pt.length >= 2 && tokens[0][0] !== pt[0][0]) continue;
    return p;
  }
  return n;
}

function matchQuotes(gold: GoldQuote[], predicted: IngestResult['quotes']) {
  const pairs: Array<{ gold: GoldQuote; predicted: IngestResult['quotes'][number] }> = [];
  const used = new Set<number>();
  for (const g of gold) {
    const gt = normaliseQuoteText(g.text);
    let best = -1;
    let bestDistance = Infinity;
    predicted.forEach((p, i) => {
      if (used.has(i) || normaliseQuoteText(p.text) !== gt) return;
      const d = g.start === undefined ? 0 : Math.abs(p.start - g.start);
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push({ gold: g, predicted: predicted[best] });
    }
  }
  return { pairs, unmatched: predicted.filter((_, i) => !used.has(i)) };
}

const dateText = (s: string): string => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
const dayOf = (s: string): number => Date.parse(`${s}T00:00:00Z`);

/**
 * Is a resolved date right for a gold one, at the gold's granularity? A gold year or month is
 * matched by a prediction at least that precise in that year or month; a gold day or range by the
 * same value. A gold day also accepts a range of at most three days that contains it: the text
 * said "the weekend" or "Friday night", the annotator wrote the day the event fell on.
 */
export function dateMatches(gold: string | null, predicted: string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  if (gold === predicted) return true;
  if (/^\d{4}(?:-\d\d)?$/.test(gold)) return /^\d{4}(?:-\d\d(?:-\d\d)?)?$/.test(predicted) && predicted.length >= gold.length && predicted.startsWith(gold);
  if (/^\d{4}-\d\d-\d\d$/.test(gold)) {
    const range = /^(\d{4}-\d\d-\d\d)\/(\d{4}-\d\d-\d\d)$/.exec(predicted);
    if (!range) return false;
    const [from, to, day] = [dayOf(range[1]), dayOf(range[2]), dayOf(gold)];
    return to - from <= 2 * 86400000 && from <= day && day <= to;
  }
  return false;
}

/** Score one article's dates: each gold date pairs with the first unused prediction whose text overlaps it. */
function scoreDates(gold: GoldArticle, result: IngestResult, errors: IngestScore['errors']): { gold: number; right: number; nonDates: number; readAsDates: number } {
  const used = new Set<number>();
  let right = 0;
  for (const g of gold.dates ?? []) {
    const gt = dateText(g.text);
    const i = result.dates.findIndex((d, k) => !used.has(k) && (gt.includes(dateText(d.text)) || dateText(d.text).includes(gt)));
    if (i < 0) {
      errors.push({ article: gold.article, kind: 'date-missed', text: g.text, expected: g.resolved });
      continue;
    }
    used.add(i);
    if (dateMatches(g.resolved, result.dates[i].resolved)) right++;
    else errors.push({ article: gold.article, kind: 'date-wrong', text: g.text, expected: g.resolved, got: result.dates[i].resolved });
  }
  let readAsDates = 0;
  for (const n of gold.nonDates ?? []) {
    const nt = dateText(String(n).replace(/\s*\([^)]*\)\s*$/, ''));
    const hit = result.dates.find((d) => nt.includes(dateText(d.text)) && dateText(d.text).length >= 3);
    if (hit) {
      readAsDates++;
      errors.push({ article: gold.article, kind: 'non-date', text: String(n), got: hit.resolved });
    }
  }
  return { gold: gold.dates?.length ?? 0, right, nonDates: gold.nonDates?.length ?? 0, readAsDates };
}

export interface ScoredArticle {
  gold: GoldArticle;
  result: IngestResult;
}

/** Score ingest results against their gold annotations. */
export function scoreIngest(items: ScoredArticle[], names: CanonicalNames): IngestScore {
  const errors: IngestScore['errors'] = [];
  const tally = { full: { tp: 0, p: 0, g: 0, m: 0, s: 0 }, all: { tp: 0, p: 0, g: 0, m: 0, s: 0 }, src: { tp: 0, p: 0, g: 0 }, dates: { gold: 0, right: 0, nonDates: 0, readAsDates: 0 } };
  for (const { gold, result } of items) {
    // a prediction that matches a borderline gold quote (same text, nearest offset) is ignored; the
    // same words quoted elsewhere in the article still count
    const nearestGold = (p: IngestResult['quotes'][number]): GoldQuote | undefined => {
      const t = normaliseQuoteText(p.text);
      let best: GoldQuote | undefined;
      for (const g of gold.quotes) {
        if (normaliseQuoteText(g.text) !== t) continue;
        if (!best || (g.start !== undefined && best.start !== undefined && Math.abs(g.start - p.start) < Math.abs(best.start - p.start))) best = g;
      }
      return best;
    };
    const predictedAll = result.quotes.filter((q) => !nearestGold(q)?.borderline);
    const goldAll = gold.quotes.filter((q) => !q.borderline);
    for (const [scope, goldSet, predSet] of [
      ['all', goldAll, predictedAll],
      ['full', goldAll.filter((q) => !q.partial), predictedAll.filter((q) => !q.partial)],
    ] as const) {
      const t = tally[scope];
      const { pairs, unmatched } = matchQuotes([...goldSet], [...predSet]);
      t.tp += pairs.length;
      t.p += predSet.length;
      t.g += goldSet.length;
      for (const { gold: g, predicted: p } of pairs) {
        t.m++;
        const right = canonicalSpeaker(g.speaker, names) === canonicalSpeaker(p.speaker, names);
        if (right) t.s++;
        else if (scope === 'all') errors.push({ article: gold.article, kind: 'speaker', text: g.text, expected: g.speaker, got: p.speaker });
      }
      if (scope === 'all') {
        for (const p of unmatched) errors.push({ article: gold.article, kind: 'spurious', text: p.text });
        const matchedGold = new Set(pairs.map((x) => x.gold));
        for (const g of goldSet) if (!matchedGold.has(g)) errors.push({ article: gold.article, kind: 'missed', text: g.text, expected: g.speaker });
      }
    }
    // sources: a prediction matches a gold outlet by name or by one of its surface forms in the text
    const goldSources = gold.sources.map((s) => ({ name: s, forms: [s, ...(gold.sourceSurfaceForms && Object.hasOwn(gold.sourceSurfaceForms, s) ? gold.sourceSurfaceForms[s] : [])].map(norm) }));
    const matchedGold = new Set<string>();
    for (const p of result.sources) {
      const pn = norm(p);
      const hit = goldSources.find((g) => !matchedGold.has(g.name) && g.forms.some((f) => f === pn || new RegExp(`(?:^|\\W)${pn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\W|$)`).test(f)));
      if (hit) matchedGold.add(hit.name);
      else errors.push({ article: gold.article, kind: 'source-spurious', text: p });
    }
    for (const g of goldSources) if (!matchedGold.has(g.name)) errors.push({ article: gold.article, kind: 'source-missed', text: g.name });
    tally.src.tp += matchedGold.size;
    tally.src.p += result.sources.length;
    tally.src.g += goldSources.length;
    const d = scoreDates(gold, result, errors);
    tally.dates.gold += d.gold;
    tally.dates.right += d.right;
    tally.dates.nonDates += d.nonDates;
    tally.dates.readAsDates += d.readAsDates;
  }
  const dates: DateScore = { accuracy: tally.dates.gold ? tally.dates.right / tally.dates.gold : 1, gold: tally.dates.gold, right: tally.dates.right, nonDates: tally.dates.nonDates, nonDatesReadAsDates: tally.dates.readAsDates };
  const quoteScore = (t: { tp: number; p: number; g: number; m: number; s: number }): QuoteScore => ({ ...prf(t.tp, t.p, t.g), speakerAccuracy: t.m ? t.s / t.m : 1, matched: t.m, speakerCorrect: t.s });
  return { articles: items.length, fullQuotes: quoteScore(tally.full), allQuotes: quoteScore(tally.all), sources: prf(tally.src.tp, tally.src.p, tally.src.g), dates, errors };
}

/**
 * Run the ingester over an evaluation folder (`<dir>/gold/*.json` with `<dir>/articles/<article>`)
 * and score it. Each article's header gives its date and publisher, as `--date`/`--outlet` would.
 * `folders` points at gold and article folders laid out differently (the project's own set keeps
 * its gold in test/evidence/gold-own next to the test articles).
 */
export async function scoreEvalDir(dir: string, folders: { gold?: string; articles?: string } = {}): Promise<IngestScore> {
  const goldDir = folders.gold ?? join(dir, 'gold');
  const articlesDir = folders.articles ?? join(dir, 'articles');
  const files = (await readdir(goldDir)).filter((f) => f.endsWith('.json') && f !== 'canonical_names.json').sort();
  let names: CanonicalNames = {};
  try {
    names = JSON.parse(await readFile(join(goldDir, 'canonical_names.json'), 'utf8')) as CanonicalNames;
  } catch {
    names = {};
  }
  const items: ScoredArticle[] = [];
  for (const f of files) {
    const gold = JSON.parse(await readFile(join(goldDir, f), 'utf8')) as GoldArticle;
    const raw = await readFile(join(articlesDir, gold.article ?? f.replace(/\.json$/, '.txt')), 'utf8');
    const { header, body } = splitHeader(raw);
    const result = ingestArticle({ text: body, date: gold.articleDate ?? header.date, outlet: header.outlet, title: header.title });
    items.push({ gold, result });
  }
  return scoreIngest(items, names);
}

const pct = (x: number): string => x.toFixed(3);

/** The score as the table `parley score-ingest` prints. */
export function formatScore(s: IngestScore): string {
  const row = (label: string, q: QuoteScore) =>
    `${label.padEnd(12)} ${pct(q.precision)}     ${pct(q.recall)}  ${pct(q.f1)}  ${pct(q.speakerAccuracy)}         ${q.gold} gold, ${q.predicted} found, ${q.truePositives} matched, ${q.speakerCorrect} speakers right`;
  return [
    `${s.articles} articles`,
    `             precision recall F1     speaker accuracy`,
    row('full quotes', s.fullQuotes),
    row('all quotes', s.allQuotes),
    `${'sources'.padEnd(12)} ${pct(s.sources.precision)}     ${pct(s.sources.recall)}  ${pct(s.sources.f1)}  -             ${s.sources.gold} gold, ${s.sources.predicted} found, ${s.sources.truePositives} matched`,
    `${'dates'.padEnd(12)} -         -      -      ${pct(s.dates.accuracy)}         ${s.dates.gold} gold, ${s.dates.right} right at the gold's granularity; ${s.dates.nonDatesReadAsDates} of ${s.dates.nonDates} non-dates read as dates`,
  ].join('\n');
}
