import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/evidence/dates.ts';

// Article date: Friday 2024-03-15.
const D = '2024-03-15';
const one = (s: string) => findDates(s, D).map((d) => [d.resolved, d.granularity]);

describe('findDates: tense and granularity', () => {
  it('a deadline or "will" looks forward; a past report looks back', () => {
    expect(one('They must agree a text by Thursday.')).toEqual([['2024-03-21', 'day']]);
    expect(one('The envoys will meet on Tuesday in Geneva.')).toEqual([['2024-03-19', 'day']]);
    expect(one('The minister said on Tuesday that talks had stalled.')).toEqual([['2024-03-12', 'day']]);
  });
  it('same-day expressions give the article day', () => {
    expect(one('Officials met this morning.')).toEqual([['2024-03-15', 'day']]);
    expect(one('A vote is due tonight.')).toEqual([['2024-03-15', 'day']]);
  });
  it('bare years and months keep their granularity', () => {
    expect(one('The region has been occupied since 2014.')).toEqual([['2014', 'year']]);
    expect(one('The ceasefire collapsed in 2019 after weeks of shelling.')).toEqual([['2019', 'year']]);
    expect(one('Talks began in January.')).toEqual([['2024-01-01', 'month']]);
  });
  it('durations, quantities, 24/7 and names are not dates', () => {
    expect(one('The delegates argued for 5 hours without a break.')).toEqual([]);
    expect(one('The pipeline carries 200,000 a year of crude.')).toEqual([]);
    expect(one('Monitors now watch the border 24/7.')).toEqual([]);
    expect(one('The Good Friday Agreement ended decades of conflict.')).toEqual([]);
  });
});
