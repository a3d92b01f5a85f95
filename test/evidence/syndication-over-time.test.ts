/**
 * Syndication over time (src/evidence/syndication.ts: articlePrint, printShingles, groupOverTime,
 * outletsAdded): articles seen before are kept as prints and later articles grouped with them. On the
 * fixture articles of test/evidence/syndication/ (a wire story, three edited copies, another story).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import '../helpers/fast-check-seed.ts';
import { splitHeader } from '../../src/evidence/input.ts';
import { articlePrint, groupOverTime, groupSyndicated, independentOutlets, outletsAdded, printShingles, shingles, type PrintedArticle } from '../../src/evidence/syndication.ts';

const body = (f: string) => splitHeader(readFileSync(new URL(`./syndication/${f}`, import.meta.url), 'utf8')).body;
const wire = body('wire-original.txt');
const herald = body('copy-herald.txt');
const daily = body('copy-daily.txt');
const observer = body('copy-observer.txt');
const other = body('other-story.txt');

describe('article prints', () => {
  it('are the shingles as 4 little-endian bytes each, ascending, and read back exactly', () => {
    const set = shingles(wire);
    const print = articlePrint(wire);
    expect(print.length).toBe(set.length * 4);
    expect(Array.from(printShingles(print))).toEqual(Array.from(set));
    // a text of 7 words: 3 shingles, 12 bytes
    expect(articlePrint('one two three four five six seven').length).toBe(12);
    expect(Array.from(printShingles(new Uint8Array([1, 0, 0, 0, 0, 1, 0, 0])))).toEqual([1, 256]);
  });
  it('refuses bytes that are not a print', () => {
    expect(() => printShingles(new Uint8Array(6))).toThrow('an article print has a multiple of 4 bytes, not 6');
    expect(() => printShingles(new Uint8Array([2, 0, 0, 0, 1, 0, 0, 0]))).toThrow('not in ascending order');
  });
});

const stored = (id: string, text: string, outlet: string, quotes: string[], group = id): PrintedArticle => ({ id, group, outlet, shingles: printShingles(articlePrint(text)), quotes });

describe('groupOverTime', () => {
  it('a later copy joins the stored story\'s group and adds no outlet; a later own story adds one', () => {
    const before = [stored('wire', wire, 'Wire', ['q-minister', 'q-envoy'])];
    const r = groupOverTime(before, [
      { id: 'herald', outlet: 'Herald', shingles: shingles(herald), quotes: ['q-minister', 'q-envoy'] },
      { id: 'review', outlet: 'River Review', shingles: shingles(other), quotes: ['q-minister'] },
    ]);
    expect(r.groups).toEqual(['wire', 'review']);
    expect(r.copyOf).toEqual(['wire', null]);
    const minister = r.carriers.get('q-minister')!;
    expect(minister).toEqual({ stored: [{ group: 'wire', outlet: 'Wire' }], fresh: [{ group: 'wire', outlet: 'Herald' }, { group: 'review', outlet: 'River Review' }] });
    // counted: Wire and River Review, not Herald (a copy): 2 now, 1 added
    expect(independentOutlets([...minister.stored, ...minister.fresh])).toBe(2);
    expect(outletsAdded(minister.stored, minister.fresh, 'Wire')).toBe(1);
    const envoy = r.carriers.get('q-envoy')!;
    expect(outletsAdded(envoy.stored, envoy.fresh, 'Wire')).toBe(0);
  });

  it('new copies of one another form one group, joining the earliest stored group any of them copies', () => {
    // stored: the other story, then the wire; new: the daily copy and the observer copy
    const before = [stored('review', other, 'River Review', ['q']), stored('wire', wire, 'Wire', ['q'])];
    const r = groupOverTime(before, [
      { id: 'daily', outlet: 'Daily', shingles: shingles(daily), quotes: ['q'] },
      { id: 'observer', outlet: 'Observer', shingles: shingles(observer), quotes: ['q'] },
    ]);
    expect(r.groups).toEqual(['wire', 'wire']);
    expect(r.copyOf).toEqual(['wire', 'wire']);
    expect(outletsAdded(r.carriers.get('q')!.stored, r.carriers.get('q')!.fresh, 'River Review')).toBe(0);
    // without stored prints, the same two group as groupSyndicated groups them
    const alone = groupOverTime([], [
      { id: 'daily', outlet: 'Daily', shingles: shingles(daily), quotes: ['q'] },
      { id: 'observer', outlet: 'Observer', shingles: shingles(observer), quotes: ['q'] },
      { id: 'review', outlet: 'River Review', shingles: shingles(other), quotes: ['q'] },
    ]);
    expect(alone.groups).toEqual(['daily', 'daily', 'review']);
    expect(groupSyndicated([{ id: 'daily', text: daily }, { id: 'observer', text: observer }, { id: 'review', text: other }]).groupOf.get('observer')).toBe('daily');
  });

  it('stored articles are not compared again: two stored groups stay apart, a stored group keeps its name', () => {
    // two stored copies of the wire that were (wrongly, say) stored in groups of their own
    const before = [stored('a', wire, 'A', ['q']), stored('b', herald, 'B', ['q'])];
    const r = groupOverTime(before, [{ id: 'c', outlet: 'C', shingles: shingles(daily), quotes: ['q'] }]);
    expect(r.groups).toEqual(['a']);
    expect(r.carriers.get('q')!.stored).toEqual([
      { group: 'a', outlet: 'A' },
      { group: 'b', outlet: 'B' },
    ]);
    // the count never goes down: A and B stay 2, C (a copy of a) adds none
    expect(outletsAdded(r.carriers.get('q')!.stored, r.carriers.get('q')!.fresh, 'A')).toBe(0);
  });
});

describe('outletsAdded', () => {
  it('with no stored carrier, the evidence\'s own outlet counts first', () => {
    const fresh = [{ group: 'g1', outlet: 'Coast Courier' }];
    expect(outletsAdded([], fresh, 'Coast Courier')).toBe(0);
    expect(outletsAdded([], fresh, 'coast courier ')).toBe(0);
    expect(outletsAdded([], fresh, 'Harbour Gazette')).toBe(1);
    expect(outletsAdded([], [...fresh, { group: 'g2', outlet: 'Fjord Post' }, { group: 'g1', outlet: 'Delta Daily' }], 'Harbour Gazette')).toBe(2);
  });
  it('an outlet already counted adds none, even with a story of its own', () => {
    const stored = [
      { group: 's1', outlet: 'Harbour Gazette' },
      { group: 's2', outlet: 'Coast Courier' },
    ];
    expect(outletsAdded(stored, [{ group: 'n1', outlet: 'Coast Courier' }], null)).toBe(0);
    expect(outletsAdded(stored, [{ group: 's2', outlet: 'Valley Herald' }], null)).toBe(0);
    expect(outletsAdded(stored, [{ group: 'n1', outlet: 'Valley Herald' }, { group: 'n2', outlet: null }], null)).toBe(2);
  });
});

describe('counts over time (properties)', () => {
  const carrier = fc.record({ group: fc.constantFrom('g1', 'g2', 'g3', 'g4'), outlet: fc.option(fc.constantFrom('A', 'B', 'C', 'a'), { nil: null }) });
  it('new carriers never lower a count; what they add is the count after minus the count before', () => {
    fc.assert(
      fc.property(fc.array(carrier, { minLength: 1, maxLength: 8 }), fc.array(carrier, { maxLength: 8 }), (stored, fresh) => {
        const added = outletsAdded(stored, fresh, 'ignored when stored carriers exist');
        expect(added).toBeGreaterThanOrEqual(0);
        expect(added).toBe(independentOutlets([...stored, ...fresh]) - independentOutlets(stored));
        // in one poll or carrier by carrier over many polls: the same total
        let total = independentOutlets(stored);
        for (let i = 0; i < fresh.length; i++) total += outletsAdded([...stored, ...fresh.slice(0, i)], [fresh[i]], null);
        expect(total).toBe(independentOutlets([...stored, ...fresh]));
      }),
    );
  });
  it('articles given in two polls group as in one run when no new one bridges stored groups', () => {
    const texts = [wire, herald, daily, observer, other];
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 2 }), fc.nat(), (order, cut) => {
        const k = 1 + (cut % (order.length - 1));
        const ids = order.map((i) => `t${i}`);
        const once = groupSyndicated(order.map((i, n) => ({ id: ids[n], text: texts[i] })));
        // the first k as stored (their groups as one run of them gives), the rest new
        const first = groupSyndicated(order.slice(0, k).map((i, n) => ({ id: ids[n], text: texts[i] })));
        const stored = order.slice(0, k).map((i, n) => ({ id: ids[n], group: first.groupOf.get(ids[n])!, outlet: null, shingles: shingles(texts[i]), quotes: [] }));
        const later = groupOverTime(stored, order.slice(k).map((i, n) => ({ id: ids[k + n], outlet: null, shingles: shingles(texts[i]), quotes: [] })));
        // the four copies are one story and the other story is alone, whatever the order and the cut
        later.groups.forEach((g, n) => expect(g).toBe(once.groupOf.get(ids[k + n])));
      }),
    );
  });
});
