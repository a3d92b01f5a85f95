import { describe, expect, it } from 'vitest';
import { canonicalSpeaker, normaliseQuoteText, scoreIngest, type IngestResult } from '../../src/evidence/index.ts';
import { dateMatches } from '../../src/evidence/score.ts';

const names = {
  people: ['Volodymyr Zelensky', 'Yuri Ushakov'],
  states_and_organisations: ['Russia'],
  collective_or_anonymous_speakers: ['unnamed US official', 'Russian officials (unnamed)'],
  aliases: { Russia: ['Moscow', 'the Kremlin'] },
};

describe('normaliseQuoteText and canonicalSpeaker', () => {
  it('matches quote texts across mark forms, spacing and trailing punctuation', () => {
    expect(normaliseQuoteText('Ukraine’s future,  ')).toBe(normaliseQuoteText("Ukraine's future"));
    expect(normaliseQuoteText('A.\n\n“B.')).toBe('A. B');
  });
  it('maps spelling variants, aliases and anonymous forms to canonical names', () => {
    expect(canonicalSpeaker('Volodymyr Zelenskyy', names)).toBe('Volodymyr Zelensky');
    expect(canonicalSpeaker('Zelenskiy', names)).toBe('Volodymyr Zelensky');
    expect(canonicalSpeaker('Yury Ushakov', names)).toBe('Yuri Ushakov');
    expect(canonicalSpeaker('the Kremlin', names)).toBe('Russia');
    expect(canonicalSpeaker('unnamed U.S. official', names)).toBe('unnamed US official');
    expect(canonicalSpeaker('Russian officials', names)).toBe('Russian officials (unnamed)');
    expect(canonicalSpeaker('Oleksandr Zelensky', names)).not.toBe('Volodymyr Zelensky'); // another first name
  });
});

describe('scoreIngest', () => {
  const q = (text: string, speaker: string | null, partial = false) => ({ text, start: 0, end: text.length, speaker, speakerMention: null, cue: null, partial, actor: null, issues: [] });
  const result = (quotes: ReturnType<typeof q>[], sources: string[]): IngestResult => ({ article: { date: null, outlet: null, title: null }, body: '', quotes, nonQuotes: [], sources, actors: [], dates: [] });

  it('computes precision, recall, F1 and speaker accuracy as counted by hand', () => {
    const gold = {
      article: 'a.txt',
      quotes: [
        { text: 'We will fight,', speaker: 'Volodymyr Zelensky', partial: false },
        { text: 'no definitive version', speaker: 'Yuri Ushakov', partial: true },
        { text: 'close', speaker: 'Russia', partial: true },
        { text: 'serious talks', speaker: 'Russia', partial: true, borderline: true },
      ],
      sources: ['AFP', 'Suspilne'],
      sourceSurfaceForms: { Suspilne: ['Obschestvennoye. Novosti'] },
    };
    const predicted = result(
      [
        q('We will fight.', 'Zelenskyy'), // match, speaker right
        q('no definitive version', 'Vladimir Putin', true), // match, speaker wrong
        q('a label', null, true), // spurious
        q('serious talks', 'Moscow', true), // borderline: ignored
      ],
      ['AFP', 'Obschestvennoye', 'BBC'],
    );
    const s = scoreIngest([{ gold, result: predicted }], names);
    // all quotes: 3 gold (borderline out), 3 predicted (borderline out), 2 matched
    expect(s.allQuotes).toMatchObject({ gold: 3, predicted: 3, truePositives: 2, matched: 2, speakerCorrect: 1 });
    expect(s.allQuotes.precision).toBeCloseTo(2 / 3, 12);
    expect(s.allQuotes.recall).toBeCloseTo(2 / 3, 12);
    expect(s.allQuotes.f1).toBeCloseTo(2 / 3, 12);
    expect(s.allQuotes.speakerAccuracy).toBe(0.5);
    // full quotes: 1 gold, 1 predicted, matched, speaker right
    expect(s.fullQuotes).toMatchObject({ precision: 1, recall: 1, f1: 1, speakerAccuracy: 1 });
    // sources: AFP and Obschestvennoye (a surface form of Suspilne) match; BBC is spurious
    expect(s.sources).toMatchObject({ truePositives: 2, predicted: 3, gold: 2, recall: 1 });
    expect(s.sources.precision).toBeCloseTo(2 / 3, 12);
    expect(s.errors.map((e) => e.kind).sort()).toEqual(['missed', 'source-spurious', 'speaker', 'spurious']);
  });

  it('ignores only the prediction nearest a borderline gold quote; the same words elsewhere still count', () => {
    const at = (text: string, start: number, speaker: string | null) => ({ ...q(text, speaker, true), start, end: start + text.length });
    const gold = {
      article: 'b.txt',
      quotes: [
        { text: 'insulting', speaker: 'Russia', partial: true, borderline: true, start: 40 },
        { text: 'insulting', speaker: 'Russia', partial: true, start: 300 },
      ],
      sources: [],
    };
    // only the body occurrence is predicted: it is scored (1 gold, 1 predicted, matched)
    const s1 = scoreIngest([{ gold, result: result([at('insulting', 300, 'Moscow')], []) }], names);
    expect(s1.allQuotes).toMatchObject({ gold: 1, predicted: 1, truePositives: 1, speakerCorrect: 1 });
    // both predicted: the headline one is ignored, the body one scored
    const s2 = scoreIngest([{ gold, result: result([at('insulting', 41, null), at('insulting', 300, 'Moscow')], []) }], names);
    expect(s2.allQuotes).toMatchObject({ gold: 1, predicted: 1, truePositives: 1, speakerCorrect: 1 });
  });
});

describe('dates: right at the gold granularity', () => {
  it('a year or month is matched by anything at least as precise inside it; a day by the same day or a short range holding it', () => {
    expect(dateMatches('2014', '2014')).toBe(true);
    expect(dateMatches('2026', '2026-01')).toBe(true);
    expect(dateMatches('2026-01', '2026')).toBe(false); // less precise than the text
    expect(dateMatches('2026-01', '2026-01-01')).toBe(true);
    expect(dateMatches('2025-11-23', '2025-11-22/2025-11-23')).toBe(true); // "the weekend"
    expect(dateMatches('2025-11-23', '2025-11-17/2025-11-23')).toBe(false); // a week is not that day
    expect(dateMatches('2025-12-01/2025-12-07', '2025-12-01/2025-12-07')).toBe(true);
    expect(dateMatches('2025-12-01/2025-12-07', '2025-12-01')).toBe(false);
    expect(dateMatches(null, null)).toBe(true);
    expect(dateMatches(null, '2025-12-01')).toBe(false);
  });

  it('counts gold dates right, wrong and missed, and non-dates read as dates, by hand', () => {
    const gold = {
      article: 'd.txt',
      quotes: [],
      sources: [],
      dates: [
        { text: 'on Friday', resolved: '2025-11-21' },
        { text: 'last weekend', resolved: '2025-11-16' },
        { text: 'since 2014', resolved: '2014' },
        { text: 'in March', resolved: '2025-03' },
      ],
      nonDates: ['for 5 hours (a duration)', 'Good Friday (an agreement)'],
    };
    const result: IngestResult = {
      article: { date: '2025-11-22', outlet: null, title: null },
      body: '',
      quotes: [],
      nonQuotes: [],
      sources: [],
      actors: [],
      dates: [
        { text: 'on Friday', resolved: '2025-11-21', granularity: 'day' },
        { text: 'last weekend', resolved: '2025-11-15/2025-11-16', granularity: 'day' },
        { text: '2014', resolved: '2014', granularity: 'year' },
        { text: 'Friday', resolved: '2025-11-21', granularity: 'day' },
      ],
    };
    const s = scoreIngest([{ gold, result }], {});
    // right: Friday, the weekend (holds the 16th), 2014; "in March" not found; "Good Friday" read as a date
    expect(s.dates).toEqual({ accuracy: 0.75, gold: 4, right: 3, nonDates: 2, nonDatesReadAsDates: 1 });
    expect(s.errors.filter((e) => e.kind.startsWith('date') || e.kind === 'non-date').map((e) => e.kind)).toEqual(['date-missed', 'non-date']);
  });
});
