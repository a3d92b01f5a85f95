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
    expect(one('Talks began in January.')).toEqual([['2024-01', 'month']]);
    // a month without a year: back after a past-tense verb, forward after a deadline (article: March 2024)
    expect(one('The envoys met in November to draft the text.')).toEqual([['2023-11', 'month']]);
    expect(one('They must ratify the treaty by November.')).toEqual([['2024-11', 'month']]);
    expect(one('The fund runs dry next year.')).toEqual([['2025', 'year']]);
    expect(one('Exports fell last month.')).toEqual([['2024-02', 'month']]);
  });
  it('durations, quantities, 24/7 and names are not dates', () => {
    expect(one('The delegates argued for 5 hours without a break.')).toEqual([]);
    expect(one('The pipeline carries 200,000 a year of crude.')).toEqual([]);
    expect(one('Monitors now watch the border 24/7.')).toEqual([]);
    expect(one('The Good Friday Agreement ended decades of conflict.')).toEqual([]);
  });
  it('the weekend is Saturday-Sunday: the one before unless the text looks forward', () => {
    expect(one('The ministers met at the weekend in Oslo.')).toEqual([['2024-03-09/2024-03-10', 'day']]);
    expect(one('It followed weekend talks in Oslo.')).toEqual([['2024-03-09/2024-03-10', 'day']]);
    expect(one('The ministers will meet this weekend in Oslo.')).toEqual([['2024-03-16/2024-03-17', 'day']]);
    expect(one('A vote is expected next weekend.')).toEqual([['2024-03-23/2024-03-24', 'day']]);
  });
  it('weeks: "this week" runs to the article day, or to Sunday when it looks forward; "the past week" is the seven days before', () => {
    expect(one('The talks stalled this week.')).toEqual([['2024-03-11/2024-03-15', 'day']]);
    expect(one('The envoys will meet again this week.')).toEqual([['2024-03-11/2024-03-17', 'day']]);
    expect(one('She has spent the past week in Geneva.')).toEqual([['2024-03-08/2024-03-15', 'day']]);
    // a modal or "expected to" earlier in the clause looks forward too
    expect(one('The fund is expected to hold further talks with the envoys this week.')).toEqual([['2024-03-11/2024-03-17', 'day']]);
    // on a Monday, "this week" is the week ahead (up to the article's day it would be "today")
    expect(findDates('Officials said the visit was set for this week.', '2024-03-11').map((d) => d.resolved)).toEqual(['2024-03-11/2024-03-17']);
  });
  it('"the day before" counts from the last day the text gave; "a day after <event>" has no calendar anchor', () => {
    // Wednesday 13 March named first: the day before is Tuesday the 12th, not the article's Thursday
    expect(one('The aide spoke on Wednesday. The envoys had met the day before.')).toEqual([
      ['2024-03-13', 'day'],
      ['2024-03-12', 'day'],
    ]);
    expect(one('The envoys had met the day before.')).toEqual([['2024-03-14', 'day']]);
    expect(one('The talks came a day after the minister resigned.')).toEqual([[null, 'day']]);
  });
  it('times of day, clock stamps and names with time words are not dates', () => {
    expect(one('The delegates worked through the night.')).toEqual([]);
    // a part of the day alone is a noun, not a time ("closed the evening", "opened the afternoon session")
    expect(one('The host closed the evening with a song.')).toEqual([]);
    expect(one('She opened the afternoon session with the figures.')).toEqual([]);
    expect(one('The talks ran on Thursday evening.')).toEqual([['2024-03-14', 'day']]);
    expect(one('"We are shelled every night."')).toEqual([]);
    expect(one('14:52 GMT Ministers arrive')).toEqual([]);
    expect(one('The update was posted at 13:20.')).toEqual([]);
    expect(one('He told the South China Morning Post that talks would go on.')).toEqual([]);
    expect(one('She told the BBC Today programme that talks would go on.')).toEqual([]);
    // "the night of Thursday" is the Thursday: the night before a Friday article
    expect(one('The delegates worked through the night on Thursday.')).toEqual([['2024-03-14', 'day']]);
  });
  it('"by" means a deadline only right before the date, not "by phone on Wednesday"', () => {
    expect(one('The leaders spoke by phone on Wednesday.')).toEqual([['2024-03-13', 'day']]);
    expect(one('They must sign by Wednesday.')).toEqual([['2024-03-20', 'day']]);
    expect(one('He said he would return to the table on Monday.')).toEqual([['2024-03-18', 'day']]);
  });
  it('durations in words and lower-case abbreviations are not dates', () => {
    expect(one('The row ran for five weeks.')).toEqual([]);
    expect(one('The last round collapsed within a day.')).toEqual([]);
    expect(one('Koval, who sat in on the call, took notes.')).toEqual([]);
    expect(one('Talks will resume in two weeks.')).toEqual([['2024-03-29', 'day']]);
  });
});
