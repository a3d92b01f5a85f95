/**
 * groupSyndicated on articles written for this test (test/evidence/syndication/): a wire story, three
 * outlets' lightly edited copies of it, and a different story on the same event that quotes the same
 * sentence and must not group. Overlaps were computed by hand-checked runs and are pinned here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitHeader } from '../../src/evidence/input.ts';
import { COPY_THRESHOLD, MAX_SHINGLE_ARTICLES, MIN_SHINGLES, groupSyndicated, independentOutlets, normalisedWords, outletsByQuote, overlap, shingles } from '../../src/evidence/syndication.ts';

const dir = new URL('./syndication/', import.meta.url);
const body = (f: string) => splitHeader(readFileSync(new URL(f, dir), 'utf8')).body;
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('normalised words and shingles', () => {
  it('case, diacritics, punctuation and curly quotes do not matter', () => {
    expect(normalisedWords('“Café”  déjà-vu, ÉTÉ 2026!')).toEqual(['cafe', 'deja', 'vu', 'ete', '2026']);
    expect(shingles('The talks, “resumed” on Monday in Nova Haven.')).toEqual(shingles('the TALKS resumed on monday in nova haven'));
    expect(shingles('Zoë Brandt—the envoy—said “déjà vu” again in Malmö')).toEqual(shingles('zoe brandt the envoy said deja vu again in malmo'));
  });
  it('a text of n words has n - 4 shingles (distinct), none when shorter than five words', () => {
    expect(shingles('one two three four five six seven').length).toBe(3);
    expect(shingles('one two three four').length).toBe(0);
    expect(shingles('a b c d e a b c d e').length).toBe(5); // "a b c d e" twice counts once
  });
  it('overlap is shared shingles over the smaller set', () => {
    const a = shingles('w1 w2 w3 w4 w5 w6 w7 w8 w9 w10'); // 6 shingles
    const b = shingles('w1 w2 w3 w4 w5 w6 w7 x y z'); // 6 shingles, 3 shared
    expect(overlap(a, b)).toBe(0.5);
    expect(overlap(a, shingles('w1 w2 w3 w4 w5 w6'))).toBe(1); // a prefix is contained
    expect(overlap(a, new Uint32Array())).toBe(0);
  });
});

describe('a wire story, three outlets\' copies and a different story on the same event', () => {
  const order = ['wire-original.txt', 'copy-herald.txt', 'copy-daily.txt', 'copy-observer.txt', 'other-story.txt'];
  it('the fixture folder holds the five articles', () => expect(files).toEqual([...order].sort()));
  const result = groupSyndicated(order.map((f) => ({ id: f, text: body(f) })));
  it('groups the four copies under the first seen, and leaves the other story alone', () => {
    expect(result.groups).toEqual([
      {
        id: 'wire-original.txt',
        members: [
          { id: 'wire-original.txt', similarity: 1 },
          { id: 'copy-herald.txt', similarity: 0.823 },
          { id: 'copy-daily.txt', similarity: 0.865 },
          { id: 'copy-observer.txt', similarity: 0.847 },
        ],
      },
    ]);
    expect(Object.fromEntries(result.groupOf)).toEqual({
      'wire-original.txt': 'wire-original.txt',
      'copy-herald.txt': 'wire-original.txt',
      'copy-daily.txt': 'wire-original.txt',
      'copy-observer.txt': 'wire-original.txt',
      'other-story.txt': 'other-story.txt',
    });
  });
  it('the margins: copies at 0.63 or more of each other, the other story at 0.09 or less of each', () => {
    const sets = Object.fromEntries(order.map((f) => [f, shingles(body(f))]));
    const copies = order.slice(0, 4);
    for (const a of copies) {
      for (const b of copies) if (a < b) expect(overlap(sets[a], sets[b])).toBeGreaterThanOrEqual(0.63);
      expect(overlap(sets[a], sets['other-story.txt'])).toBeLessThanOrEqual(0.09);
      expect(overlap(sets[a], sets['other-story.txt'])).toBeGreaterThan(0.04); // it does share the quoted sentence
    }
    expect(COPY_THRESHOLD).toBeGreaterThan(0.09 * 3);
    expect(COPY_THRESHOLD).toBeLessThan(0.63);
  });
  it('the group is named by the first seen copy, whatever the order', () => {
    const reversed = groupSyndicated([...order].reverse().map((f) => ({ id: f, text: body(f) })));
    expect(reversed.groups.map((g) => [g.id, g.members.map((m) => m.id)])).toEqual([['copy-observer.txt', ['copy-observer.txt', 'copy-daily.txt', 'copy-herald.txt', 'wire-original.txt']]]);
  });
});

describe('edits and limits', () => {
  const original = body('wire-original.txt');
  const words = normalisedWords(original);
  /** The story with every k-th word replaced: each replacement breaks the five shingles through it. */
  const edited = (k: number) => words.map((w, i) => (i % k === k - 1 ? `changed${i}` : w)).join(' ');
  it('one word in 20 changed is still a copy; one in 5 changed is not', () => {
    expect(groupSyndicated([{ id: 'a', text: original }, { id: 'b', text: edited(20) }]).groups).toHaveLength(1);
    expect(groupSyndicated([{ id: 'a', text: original }, { id: 'b', text: edited(5) }]).groups).toHaveLength(0);
  });
  it('the first half of the story alone is a copy (overlap 1)', () => {
    const half = words.slice(0, Math.floor(words.length / 2)).join(' ');
    expect(groupSyndicated([{ id: 'a', text: original }, { id: 'b', text: half }]).groups[0].members[1].similarity).toBe(1);
  });
  it(`a text under ${MIN_SHINGLES} shingles is never judged a copy, even when contained`, () => {
    const short = words.slice(10, 10 + MIN_SHINGLES + 3).join(' '); // MIN_SHINGLES + 3 words: MIN_SHINGLES - 1 shingles
    expect(shingles(short).length).toBe(MIN_SHINGLES - 1);
    expect(groupSyndicated([{ id: 'a', text: original }, { id: 'b', text: short }]).groups).toEqual([]);
    const longer = words.slice(10, 10 + MIN_SHINGLES + 4).join(' ');
    expect(groupSyndicated([{ id: 'a', text: original }, { id: 'b', text: longer }]).groups).toHaveLength(1);
  });
  it('a copy of a copy joins the group (connected components)', () => {
    const a = words.slice(0, 200).join(' ');
    const b = words.slice(100, 300).join(' ');
    const c = words.slice(200).join(' ');
    const r = groupSyndicated([{ id: 'a', text: a }, { id: 'b', text: b }, { id: 'c', text: c }]);
    expect(overlap(shingles(a), shingles(c))).toBe(0);
    expect(r.groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'b', 'c']]);
  });
  it('500 articles of 400 words, 100 of them copies, group in well under a second of CPU time', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lexicon = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    const story = () => Array.from({ length: 400 }, () => lexicon[Math.floor(rand() * lexicon.length)]).join(' ');
    const stories = Array.from({ length: 400 }, story);
    const articles = stories.map((text, i) => ({ id: `s${i}`, text }));
    for (let i = 0; i < 100; i++) articles.push({ id: `copy${i}`, text: `${stories[i * 4]} and a new closing line` });
    const cpu0 = process.cpuUsage();
    const r = groupSyndicated(articles);
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000; // CPU time: the machine may be shared (about 100 ms alone)
    expect(r.groups).toHaveLength(100);
    expect(r.groups[0]).toEqual({ id: 's0', members: [{ id: 's0', similarity: 1 }, { id: 'copy0', similarity: 1 }] });
    expect(ms).toBeLessThan(1000);
  });
});

describe('independent outlets', () => {
  it('copies in one group count once (as their first carrier); stories first carried by one outlet count once; the rest add up', () => {
    expect(independentOutlets([{ group: 'g1', outlet: 'A' }, { group: 'g1', outlet: 'B' }, { group: 'g1', outlet: 'C' }])).toBe(1);
    expect(independentOutlets([{ group: 'g1', outlet: 'A' }, { group: 'g2', outlet: 'B' }])).toBe(2);
    expect(independentOutlets([{ group: 'g1', outlet: 'A' }, { group: 'g2', outlet: 'a ' }])).toBe(1); // same outlet, two stories
    expect(independentOutlets([{ group: 'g1', outlet: null }, { group: 'g2', outlet: null }, { group: 'g3', outlet: 'A' }])).toBe(3);
    expect(independentOutlets([])).toBe(0);
    // an aggregator that ran the wire copy (g1) and a story of its own (g2): its own story counts
    expect(independentOutlets([{ group: 'g1', outlet: 'Wire' }, { group: 'g1', outlet: 'Digest' }, { group: 'g2', outlet: 'Digest' }])).toBe(2);
  });
});

describe('boilerplate', () => {
  // a stock paragraph of 30 words after a story of 20 of its own: 46 shingles, 26 of them the stock's
  const stock = 'Reporting by the newsroom staff in the capital and editing by the night desk of the agency with contributions from regional bureaus and correspondents who asked not to be named';
  let seed = 3;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const story = () => Array.from({ length: 20 }, () => `v${Math.floor(rand() * 100000).toString(36)}`).join(' ');
  const articles = Array.from({ length: MAX_SHINGLE_ARTICLES + 1 }, (_, i) => ({ id: `a${i}`, text: `${story()} ${stock}` }));
  it('the articles share 26 of their 46 shingles: over the threshold', () => {
    expect(normalisedWords(stock)).toHaveLength(30);
    expect(shingles(articles[0].text).length).toBe(46);
    expect(overlap(shingles(articles[0].text), shingles(articles[1].text))).toBeCloseTo(26 / 46, 10);
  });
  it(`in ${MAX_SHINGLE_ARTICLES} articles the shared paragraph groups them; in ${MAX_SHINGLE_ARTICLES + 1} it is boilerplate and groups none`, () => {
    expect(groupSyndicated(articles.slice(0, MAX_SHINGLE_ARTICLES)).groups.map((g) => g.members.length)).toEqual([MAX_SHINGLE_ARTICLES]);
    expect(groupSyndicated(articles).groups).toEqual([]);
  });
});

describe('outletsByQuote', () => {
  it('a run\'s quotes with their independent outlets, keyed as asked', () => {
    const wire = body('wire-original.txt');
    const r = outletsByQuote(
      [
        { text: wire, outlet: 'Wire', quotes: [{ text: 'Nothing is agreed,' }, { text: 'Our grain' }] },
        { text: body('copy-herald.txt'), outlet: 'Herald', quotes: [{ text: 'nothing is agreed' }] },
        { text: body('other-story.txt'), outlet: 'Review', quotes: [{ text: 'Our grain' }] },
        { text: body('other-story.txt'), outlet: 'Review', quotes: [{ text: 'Our grain' }] },
      ],
      (q) => q.toLowerCase().replace(/[,.]$/, ''),
    );
    expect(Object.fromEntries(r.outlets)).toEqual({ 'nothing is agreed': 1, 'our grain': 2 });
    expect(r.syndication.groups.map((g) => g.members.map((m) => m.id))).toEqual([['0', '1'], ['2', '3']]);
  });
});
