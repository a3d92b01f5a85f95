import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from '../../src/evidence/quotes.ts';
import { paragraphsOf, sentencesOf } from '../../src/evidence/sentences.ts';

const inner = (text: string) => findQuotedSpans(text).map((s) => text.slice(s.start, s.end));

describe('findQuotedSpans', () => {
  it('finds curly and straight double quotes with exact offsets', () => {
    const text = '“In general, we agree,” Putin said. He called it "a framework" for talks.';
    const spans = findQuotedSpans(text);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [1, 22],
      [50, 61],
    ]);
    expect(inner(text)).toEqual(['In general, we agree,', 'a framework']);
  });

  it('finds single marks in headlines and keeps apostrophes inside them', () => {
    expect(inner('Zelensky warns of ‘Ukraine’s hardest choice’ as talks open')).toEqual(['Ukraine’s hardest choice']);
    expect(inner("Varga says 'no deal' yet")).toEqual(['no deal']);
  });

  it('does not mistake apostrophes, plural possessives or elisions for quotes', () => {
    expect(inner('Ukraine’s leaders’ views differ from the ’90s, when rock ’n’ roll ruled and it was the officials’ call.')).toEqual([]);
    expect(inner("the '90s and rock 'n' roll")).toEqual([]);
  });

  it('accepts the mixed pairs real copy contains', () => {
    expect(inner('He said it would take “a very long time." Then he left.')).toEqual(['a very long time.']);
    expect(inner('Headline: ‘West backed Ukraine to the end” says envoy')).toEqual(['West backed Ukraine to the end']);
  });

  it('joins a quote that runs over paragraphs (no closing mark, next paragraph reopens)', () => {
    const text = 'She said: “We have put thirty pages on the table.\n\n“We will keep them there.”\n\nNext paragraph.';
    const spans = findQuotedSpans(text);
    expect(spans).toHaveLength(1);
    expect(spans[0].multiParagraph).toBe(true);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('We have put thirty pages on the table.\n\n“We will keep them there.');
  });

  it('drops an unbalanced quote instead of swallowing the rest of the text', () => {
    const text = 'He said “this will never work.\n\nA new paragraph with “a real quote” follows.';
    expect(inner(text)).toEqual(['a real quote']);
  });

  it('ignores single quotes nested inside a double quote', () => {
    expect(inner('“They called it ‘a trap’ from the start,” she said.')).toEqual(['They called it ‘a trap’ from the start,']);
  });
});

describe('sentencesOf', () => {
  it('does not split inside quotes or after abbreviations, and ends a sentence after a closing quote', () => {
    const text = '“We are ready. We will sign,” Mr. Molnar said on Nov. 3 in the U.S. capital. “Good.” He left.';
    const spans = findQuotedSpans(text);
    const sentences = sentencesOf(text, paragraphsOf(text), spans).map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['“We are ready. We will sign,” Mr. Molnar said on Nov. 3 in the U.S. capital.', '“Good.”', 'He left.']);
  });
});
