/**
 * findDates skips chrono on a paragraph with no date-like token (DATE_LIKE in src/evidence/dates.ts):
 * the pre-filter must never drop a paragraph in which the full chrono scan finds a date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { DATE_LIKE, findDates } from '../../src/evidence/dates.ts';
import { describeWithEvalDev, evalDevPath, projectRoot } from '../helpers/reference.ts';

const instant = new Date('2026-03-04T12:00:00Z');
const chronoFinds = (p: string) => chrono.en.casual.parse(p, { instant, timezone: 0 }, { forwardDate: false }).length > 0;

/** Paragraphs the filter rejects, and those of them in which chrono finds something (must be none). */
function check(dir: string) {
  let paragraphs = 0;
  const rejected: string[] = [];
  for (const f of readdirSync(dir)) {
    for (const p of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!p.trim()) continue;
      paragraphs++;
      if (!DATE_LIKE.test(p)) rejected.push(p);
    }
  }
  return { paragraphs, rejected, missed: rejected.filter(chronoFinds) };
}

describe('the date pre-filter', () => {
  it('lets through every form chrono reads', () => {
    const forms = ['on Thursday', 'Thurs.', 'last Mon', 'in Sept', 'by March', 'today', 'tonight', 'tmrw', 'overmorrow', 'last night', 'this morning', 'at noon', 'end of the month', 'a few hours ago', 'two weeks later', 'within a couple of days', 'lastweek', 'next quarter', 'past yr', '3/2025', '2026-11-30', 'the y before', 'one mo from now', 'after this week', 'at the weekend', 'every weekday', 'half an hour later', 'several months ago', 'a couple of weeks later', 'couple days ago', 'last day of the month', 'within a day', '+2 w', 'the day before'];
    for (const f of forms) expect(DATE_LIKE.test(`Officials said ${f} that talks go on.`), f).toBe(true);
    // and chrono reads every one of them (even 'the y before': one-letter units), so the list tests the filter, not itself
    expect(forms.filter((f) => !chronoFinds(`Officials said ${f} that talks go on.`))).toEqual([]);
  });

  it('rejects prose without a date-like token, where chrono finds nothing', () => {
    const prose = [
      'Diplomats described the atmosphere in the conference hall as tense but businesslike.',
      'Opposition lawmakers have accused the government of conceding too much too early.',
      '"We will not accept a freeze on these terms," Pavel Quint said.',
      // a one-letter unit alone ("s", "m", "d") is a possessive or a contraction, not a time
      "Varga's aides said the minister's office would reply; I'm sure we'd hear, she said.",
      'The delegation of Corvia, its mo and its d, signed nothing.',
    ];
    for (const p of prose) {
      expect(DATE_LIKE.test(p), p).toBe(false);
      expect(chronoFinds(p), p).toBe(false);
    }
  });

  it('drops no date on the own articles (test/evidence/articles) and findDates still finds theirs', () => {
    const r = check(join(projectRoot, 'test/evidence/articles'));
    expect(r.paragraphs).toBeGreaterThan(200);
    expect(r.rejected.length).toBeGreaterThan(r.paragraphs / 10); // the filter does skip work
    expect(r.missed).toEqual([]);
    const text = readFileSync(join(projectRoot, 'test/evidence/articles/border-talks.txt'), 'utf8');
    expect(findDates(text, '2026-03-04').length).toBeGreaterThan(0);
  });
});

describeWithEvalDev('the date pre-filter on eval-dev', () => {
  it('drops no paragraph in which chrono finds a date', () => {
    const r = check(evalDevPath('articles'));
    expect(r.paragraphs).toBeGreaterThan(20);
    expect(r.missed).toEqual([]);
  });
});
