/**
 * Scoring the ingester against hand-annotated gold files (schema: eval-dev/gold/README.md):
 * quote precision, recall and F1 on full quotes and on all quotes, speaker accuracy on matched
 * quotes (canonical names), and source precision and recall. Quote texts are compared after
 * normalising quotation-mark forms, whitespace and trailing `,.;:`; borderline gold quotes are
 * ignored on both sides (a prediction that matches one is neither right nor wrong).
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

export interface IngestScore {
  articles: number;
  fullQuotes: QuoteScore;
  allQuotes: QuoteScore;
  sources: PRF;
  /** Per-article misses, for reading what went wrong. */
  errors: Array<{ article: string; kind: 'missed' | 'spurious' | 'speaker' | 'source-missed' | 'source-spurious'; text: string; expected?: string | null; got?: string | null }>;
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

export interface ScoredArticle {
  gold: GoldArticle;
  result: IngestResult;
}

/** Score ingest results against their gold annotations. */
export function scoreIngest(items: ScoredArticle[], names: CanonicalNames): IngestScore {
  const errors: IngestScore['errors'] = [];
  const tally = { full: { tp: 0, p: 0, g: 0, m: 0, s: 0 }, all: { tp: 0, p: 0, g: 0, m: 0, s: 0 }, src: { tp: 0, p: 0, g: 0 } };
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
  }
  const quoteScore = (t: { tp: number; p: number; g: number; m: number; s: number }): QuoteScore => ({ ...prf(t.tp, t.p, t.g), speakerAccuracy: t.m ? t.s / t.m : 1, matched: t.m, speakerCorrect: t.s });
  return { articles: items.length, fullQuotes: quoteScore(tally.full), allQuotes: quoteScore(tally.all), sources: prf(tally.src.tp, tally.src.p, tally.src.g), errors };
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
  ].join('\n');
}
