/**
 * The project's own annotated set: twelve articles we wrote in the house styles of different outlets
 * (test/evidence/articles/own-*.txt) with gold in the eval-dev schema (test/evidence/gold-own);
 * own-11 and own-12 carry one or more sentences for each failure class of issue 15 (titles, a
 * colon's speaking clause, possessive quotes, roles by state, outlets' initials and variants, dates).
 * The ingester's rules were not written against these articles' gold; the test holds the issue's
 * acceptance targets on them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestArticle, scoreEvalDir, splitHeader } from '../../src/evidence/index.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const goldDir = here('./gold-own');
const articlesDir = here('./articles');

describe('own annotated set', () => {
  it('gold offsets point at the quoted text in each article body', () => {
    const files = readdirSync(goldDir).filter((f) => f.endsWith('.json') && f !== 'canonical_names.json');
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const gold = JSON.parse(readFileSync(`${goldDir}/${f}`, 'utf8')) as { article: string; quotes: Array<{ text: string; start: number; end: number }> };
      const { body } = splitHeader(readFileSync(`${articlesDir}/${gold.article}`, 'utf8'));
      for (const q of gold.quotes) expect(body.slice(q.start, q.end), `${f}: ${q.text}`).toBe(q.text);
    }
  });

  it('meets the issue targets on the own set', async () => {
    const s = await scoreEvalDir('', { gold: goldDir, articles: articlesDir });
    const misses = s.errors.map((e) => `${e.article} ${e.kind}: ${e.text} (expected ${e.expected}, got ${e.got})`).join('\n');
    expect(s.articles).toBeGreaterThanOrEqual(12);
    expect(s.fullQuotes.f1, misses).toBeGreaterThanOrEqual(0.98);
    expect(s.fullQuotes.speakerAccuracy, misses).toBeGreaterThanOrEqual(0.95);
    expect(s.allQuotes.f1, misses).toBeGreaterThanOrEqual(0.97);
    expect(s.allQuotes.speakerAccuracy, misses).toBeGreaterThanOrEqual(0.92);
    expect(s.sources.f1, misses).toBeGreaterThanOrEqual(0.95);
    // dates, measured by the product's scorer: right at the gold's granularity, no non-date read as one
    expect(s.dates.gold).toBeGreaterThanOrEqual(51);
    expect(s.dates.nonDates).toBeGreaterThanOrEqual(20);
    expect(s.dates.accuracy, misses).toBeGreaterThanOrEqual(0.95);
    expect(s.dates.nonDatesReadAsDates, misses).toBe(0);
  });
});

describe('attribution rules found on the own set (one sentence each, invented)', () => {
  const cases: Array<[string, string, string | null]> = [
    ['Starmer: \'This is a critical moment\'', 'This is a critical moment', 'Starmer'],
    ['Andriy Yermak told reporters it reflected "most priorities," and Marco Rubio spoke of "tremendous progress".', 'most priorities,', 'Andriy Yermak'],
    ['Karoline Leavitt said the mood was "very optimistic," hours after Donald Trump told reporters there was "no deadline" at all.', 'very optimistic,', 'Karoline Leavitt'],
    ['Karoline Leavitt said the mood was "very optimistic," hours after Donald Trump told reporters there was "no deadline" at all.', 'no deadline', 'Donald Trump'],
    ['The pact is, in the words of one Ukrainian official, "a line we cannot cross."', 'a line we cannot cross.', 'unnamed Ukrainian official'],
    ['It means the talks have moved on, which is, as one diplomat put it, "not nothing."', 'not nothing.', 'unnamed diplomat'],
    ['Yuri Ushakov, Vladimir Putin\'s foreign policy adviser, said the draft was "acceptable".', 'acceptable', 'Yuri Ushakov'],
    ['Kyiv had to accept a document that one European diplomat called "a list of wishes."', 'a list of wishes.', 'unnamed European diplomat'],
    ['Kyiv must reply "within days, not weeks," according to a person familiar with the matter.', 'within days, not weeks,', 'unnamed person familiar with the matter'],
    ['"We cannot accept this text," a spokesperson for the Commission told Politico.', 'We cannot accept this text,', 'unnamed spokesperson for the Commission'],
    ['A senior European diplomat spoke to us. "The cap is gone," the diplomat said.', 'The cap is gone,', 'unnamed senior European diplomat'],
    ['"My grandmother used to say, \'war is worse,\'" Mariana Betsa said.', "My grandmother used to say, 'war is worse,'", 'Mariana Betsa'],
  ];
  it.each(cases)('%s → %s', (text, quote, speaker) => {
    const r = ingestArticle({ text, date: '2025-11-26' });
    const q = r.quotes.find((x) => x.text === quote);
    expect(q, JSON.stringify(r.quotes.map((x) => x.text))).toBeDefined();
    expect(q!.speaker).toBe(speaker);
  });

  it('titles of works and operations, and the topic of a question, are not quotes', () => {
    const r = ingestArticle({ text: 'Readers will recall Operation "Allied Force" and the memoir "To End a War". Betsa smiled when asked about the "Anchorage spirit" that Moscow invokes.', date: '2025-11-26' });
    expect(r.quotes).toEqual([]);
    expect(r.nonQuotes.map((n) => n.text)).toEqual(['Allied Force', 'To End a War', 'Anchorage spirit']);
  });

  it('"Sir Keir" is Keir Starmer; a role in apposition marks an unknown name as a person', () => {
    const r = ingestArticle({ text: 'Zelensky met Sir Keir Starmer. "We stand with Ukraine," Sir Keir said.\n\nKaja Kallas, the EU\'s foreign policy chief, went further. Any deal, she wrote in a post on X, must "punish the aggressor."', date: '2025-11-26' });
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Keir Starmer', 'Kaja Kallas']);
  });
});
