/** src/evidence/lexicon-data.ts is compromise's lexicon, packed (regenerate when compromise changes). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_PATH, compromiseLexicon, compromiseVersion, renderLexiconData } from '../../scripts/compromise-lexicon.ts';
import { COMPROMISE_VERSION } from '../../src/evidence/lexicon-data.ts';
import { genderOfFirstName, isKnownFirstName, lexiconTags } from '../../src/evidence/lexicon.ts';

describe('src/evidence/lexicon-data.ts', () => {
  it('is what scripts/compromise-lexicon.ts renders from the installed compromise (node --import tsx scripts/compromise-lexicon.ts rewrites it)', () => {
    expect(COMPROMISE_VERSION).toBe(compromiseVersion());
    expect(readFileSync(DATA_PATH, 'utf8')).toBe(renderLexiconData());
  });

  it('gives lexiconTags exactly compromise’s tags for every word it knows', () => {
    const lexicon = compromiseLexicon();
    const words = Object.keys(lexicon);
    expect(words.length).toBeGreaterThan(20000);
    let mismatches = 0;
    for (const w of words) {
      const value = lexicon[w];
      const expected = Array.isArray(value) ? value : [value];
      // lexiconTags lower-cases its argument: the few keys with capitals are unreachable through it
      const got = w === w.toLowerCase() ? lexiconTags(w) : expected;
      if (got.length !== expected.length || got.some((t, i) => t !== expected[i])) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('answers words of each kind the ingester asks about, and nothing for unknown or prototype words', () => {
    expect(lexiconTags('France')).toContain('Country');
    expect(lexiconTags('russian')).toContain('Demonym');
    expect(isKnownFirstName('Maria')).toBe(true);
    expect(genderOfFirstName('john')).toBe('male');
    expect(lexiconTags('Qwzxvbnm')).toEqual([]);
    // an object's prototype names are words like any other: compromise's own entry, or none
    const lexicon = compromiseLexicon();
    for (const w of ['constructor', '__proto__', 'tostring', 'hasownproperty', 'valueof']) {
      const own = Object.hasOwn(lexicon, w) ? lexicon[w] : undefined;
      expect(lexiconTags(w)).toEqual(own === undefined ? [] : Array.isArray(own) ? own : [own]);
    }
  });
});
