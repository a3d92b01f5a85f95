/**
 * Words that are names of Object.prototype members ("constructor", "toString", "__proto__") are
 * ordinary words to the ingester: every word list and lookup table is a Map, so none of them is
 * answered from a prototype (issue 17: such an article used to crash ingest).
 */
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/case/load.ts';
import { ingestArticle } from '../../src/evidence/index.ts';
import { lexiconTags } from '../../src/evidence/lexicon.ts';
import { scoreIngest } from '../../src/evidence/score.ts';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
const cap = (w: string): string => w[0].toUpperCase() + w.slice(1);

/** One paragraph that puts the word everywhere a lookup happens: name, role, title, pronoun slot, place, outlet, date, quote. */
const paragraph = (w: string): string =>
  `"We are ready," ${cap(w)} said on ${cap(w)}. ${cap(w)} told Reuters that "${w} is fine". The ${w} minister ${cap(w)} ${cap(w)} said in a statement. ` +
  `${cap(w)} and ${cap(w)} said "yes". "${cap(w)}," the ${w} said. According to ${cap(w)} News, ${w} ${w} ${w}. In ${cap(w)}, the ${cap(w)} ministry said "no ${w}".`;

describe('an article full of Object.prototype names', () => {
  it('ingests without error, with and without a case, and its quotes are found', async () => {
    const text = NAMES.map(paragraph).join('\n\n');
    const r = ingestArticle({ text, date: '2025-03-12' });
    // the words are ordinary words: every paragraph's first quote is found, and a paragraph on a
    // word that reads as a name ("Constructor said") gives its five quotes; "__proto__" is not a
    // name, so its partial quotes have no speaker and are not kept (but "the __proto__ ministry said" is a collective speaker)
    expect(r.quotes.filter((q) => q.text === 'We are ready,').length).toBe(NAMES.length);
    expect(r.quotes.filter((q) => q.text === 'yes').length).toBe(NAMES.filter((w) => /^[a-z]/.test(w)).length);
    for (const w of NAMES) expect(ingestArticle({ text: paragraph(w) }).quotes.length, w).toBe(/^[a-z]/.test(w) ? 5 : 3);
    const c = await loadCaseFile(new URL('../../examples/ukraine-2025.yaml', import.meta.url).pathname);
    const withCase = ingestArticle({ text, date: '2025-03-12' }, { case: c });
    expect(withCase.quotes.length).toBe(r.quotes.length);
    for (const q of withCase.quotes) expect(q.actor === null || typeof q.actor === 'string').toBe(true);
  });

  it('treats each name as a word the lexicon does not know', () => {
    for (const w of NAMES) {
      expect(lexiconTags(w)).toEqual([]);
      expect(lexiconTags(cap(w))).toEqual([]);
    }
  });

  it('scores a gold file whose source is called "constructor"', () => {
    const r = ingestArticle({ text: '"Fine," Varga told constructor.' });
    const s = scoreIngest([{ gold: { article: 'a.txt', quotes: [{ text: 'Fine,', speaker: 'Varga', partial: false }], sources: ['constructor'], sourceSurfaceForms: {} }, result: r }], {});
    expect(s.fullQuotes.speakerAccuracy).toBe(1);
    expect(s.sources.gold).toBe(1);
  });
});
