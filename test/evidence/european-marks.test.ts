import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from '../../src/evidence/quotes.ts';
import { ingestArticle } from '../../src/evidence/index.ts';

const inner = (t: string) => findQuotedSpans(t).map((s) => t.slice(s.start, s.end));

describe('quotation marks of European languages', () => {
  it.each([
    ['French « guillemets » with spaces inside', 'Il a dit « nous signerons demain » hier.', 'nous signerons demain'],
    ['French with no-break spaces', 'Elle a dit «\u00a0pas encore\u00a0» puis est partie.', 'pas encore'],
    ['German „…“', 'Er sagte „wir sind bereit“ am Montag.', 'wir sind bereit'],
    ['German »…«', 'Sie sagte »das reicht nicht« danach.', 'das reicht nicht'],
    ['German single ‚…‘', 'Er nannte es ‚einen Anfang‘ und ging.', 'einen Anfang'],
    ['Swiss single ‹…›', 'Sie sagte ‹genug› und ging.', 'genug'],
    ['Swedish ”…”', 'Han sa ”vi är redo” i går.', 'vi är redo'],
    ['Polish „…”', 'Powiedział „jesteśmy gotowi” wczoraj.', 'jesteśmy gotowi'],
  ])('%s', (_name, text, want) => {
    expect(inner(text)).toEqual([want]);
  });

  it('English curly quotes and apostrophes are unchanged', () => {
    expect(inner('“We’re ready,” she said, and ‘soon’ was the word.')).toEqual(['We’re ready,', 'soon']);
  });

  it('a French quote gets its English-cued speaker', () => {
    const r = ingestArticle({ text: '« We are ready to sign », Marie Roux said.', date: '2025-11-27' }, {});
    expect(r.quotes.map((q) => [q.text, q.speaker])).toEqual([['We are ready to sign', 'Marie Roux']]);
  });
});
