/**
 * findDates gives chrono several paragraphs per call, joined by a separator line (chronoResults in
 * src/evidence/dates.ts): every paragraph must get exactly the results it gets when read alone, with
 * offsets into itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/fast-check-seed.ts';
import { chronoResults } from '../../src/evidence/dates.ts';
import { describeWithEvalDev, evalDevPath, projectRoot } from '../helpers/reference.ts';

const instant = new Date('2026-03-04T12:00:00Z');
const show = (r: chrono.ParsedResult) => `${r.index} ${r.text} ${String(r.start)} ${r.end ? String(r.end) : '-'}`;
const alone = (p: string) => chrono.en.casual.parse(p, { instant, timezone: 0 }, { forwardDate: false }).map(show);
const pieces = (ps: string[]) => ps.map((p, i) => [i * 1000, p] as const);

/** Each piece's results, batched and alone (pieces without a date-like token get none either way). */
function both(ps: string[]) {
  const batched = chronoResults(pieces(ps), instant).map((rs) => rs.map(show));
  return { batched, alone: ps.map((p, i) => (batched[i].length || alone(p).length ? alone(p) : [])) };
}

function paragraphsOf(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((p) => p.trim()));
}

describe('chrono over several paragraphs at once', () => {
  it('does not merge, extend or filter across the separator', () => {
    // each pair would read differently as one text: a range, a date and time, a year suffix, "end of", a time zone
    const pairs = [
      ['Talks ran from Monday', 'to Friday, officials said.'],
      ['The ceasefire began on 5 May', '2026 was a hard year.'],
      ['They met on Tuesday at 5', 'pm, the ministry said.'],
      ['The deadline is the end of', 'next month, he said.'],
      ['The call was on Thursday', 'GMT offices were closed.'],
      ['It was May', '5 of them left.'],
      ['Thursday,', '12 June'],
    ];
    for (const pair of pairs) {
      const r = both(pair);
      expect(r.batched, pair.join(' | ')).toEqual(r.alone);
      // the pair is a real test: read as one text with a plain line break, it gives something else
      const joined = chrono.en.casual.parse(pair.join('\n'), { instant, timezone: 0 }, { forwardDate: false }).map((x) => `${x.text} ${String(x.start)} ${x.end ? String(x.end) : '-'}`);
      const separately = pair.flatMap((p) => chrono.en.casual.parse(p, { instant, timezone: 0 }, { forwardDate: false }).map((x) => `${x.text} ${String(x.start)} ${x.end ? String(x.end) : '-'}`));
      expect(joined, pair.join(' | ')).not.toEqual(separately);
    }
  });

  it('keeps what chrono keeps only for a whole text ("May", "the second" alone)', () => {
    const r = both(['Talks resume in spring.', 'May', 'Officials met on Monday.', 'on the second', 'He left on Friday.']);
    expect(r.batched).toEqual(r.alone);
    expect(r.batched[1].length).toBe(1); // "May" alone is a month to chrono
  });

  it('cuts the calls at about 4,000 characters and gives every piece its own offsets', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: the envoys met on Monday and will meet again on ${(i % 28) + 1} June.`);
    const r = both(long);
    expect(r.batched).toEqual(r.alone);
    expect(r.batched.every((rs, i) => rs.length === 2 && rs[0].startsWith(`${long[i].indexOf('on Monday')} on Monday`))).toBe(true);
  });

  it('equals reading alone on random paragraphs of date fragments', () => {
    const words = ['on Monday', 'to Friday', 'at 5', 'pm', 'May', '2026', 'the end of', 'next month', 'last week', 'the second', 'GMT', '12 June', 'Thursday,', 'since 2014', 'by March', 'a day later', 'tonight', '-', 'and', 'talks', 'said', '.', '3/4', '10:30', 'ago', 'two weeks', 'noon'];
    const paragraph = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 12 }), (ps) => {
        const r = both(ps);
        expect(r.batched).toEqual(r.alone);
      }),
      { numRuns: 300 },
    );
  });

  it('equals reading alone on every paragraph of the own articles', () => {
    const ps = paragraphsOf(join(projectRoot, 'test/evidence/articles'));
    expect(ps.length).toBeGreaterThan(200);
    const r = both(ps);
    expect(r.batched.flat().length).toBeGreaterThan(100);
    expect(r.batched).toEqual(r.alone);
  });
});

describeWithEvalDev('chrono over several paragraphs at once on eval-dev', () => {
  it('equals reading alone on every paragraph', () => {
    const r = both(paragraphsOf(evalDevPath('articles')));
    expect(r.batched.flat().length).toBeGreaterThan(20);
    expect(r.batched).toEqual(r.alone);
  });
});
