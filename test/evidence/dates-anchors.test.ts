import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/evidence/dates.ts';

// Article date: Tuesday 2026-03-17 (Sunday before: 2026-03-15; last week: Monday 03-09 to Sunday 03-15).
const D = '2026-03-17';
const at = (s: string, word: string) => findDates(s, D).find((d) => d.text.toLowerCase().includes(word))?.resolved;

describe('findDates: relative dates inside a quotation count from the day the words were said', () => {
  it('applies: the attribution dates the words (said on Sunday), so "today" and "yesterday" inside are that Sunday and the Saturday', () => {
    expect(at('“The draft is on the table today,” the envoy said on Sunday.', 'today')).toBe('2026-03-15');
    expect(at('“We spoke to Oslo yesterday,” the minister told reporters on Sunday.', 'yesterday')).toBe('2026-03-14');
  });
  it('does not apply: no said-on date, a said-on that is the article day, or "today" outside the quotation', () => {
    expect(at('“The draft is on the table today,” the envoy said.', 'today')).toBe('2026-03-17');
    expect(at('“The draft is on the table today,” the envoy said on Tuesday.', 'today')).toBe('2026-03-17');
    expect(at('Delegates meet again today after the envoy said on Sunday: “We are close.”', 'today')).toBe('2026-03-17');
    // a deadline is not a said-on day
    expect(at('“The draft is on the table today,” the envoy said, before a vote by Friday.', 'today')).toBe('2026-03-17');
  });
});

describe('findDates: "last week\'s talks" is the one meeting day the article gives in that week', () => {
  it('applies: one meeting day in the week, including the Sunday before it (Sunday-start weeks)', () => {
    expect(at('The mediator praised last week’s talks. On March 11, the two delegations held talks in Oslo.', 'last week')).toBe('2026-03-11');
    expect(at('The mediator praised last week’s talks. On March 8, the delegations held consultations in Oslo.', 'last week')).toBe('2026-03-08');
  });
  it('does not apply: a day outside the week, two meeting days, no meeting in the dated sentence, or no meeting noun after the week', () => {
    const week = '2026-03-09/2026-03-15';
    expect(at('The mediator praised last week’s talks. On March 4, the delegations held talks in Oslo.', 'last week')).toBe(week);
    expect(at('The mediator praised last week’s talks. The delegations met for talks on March 10 and held a second session on March 12.', 'last week')).toBe(week);
    expect(at('The mediator praised last week’s talks. On March 11, a storm closed the airport.', 'last week')).toBe(week);
    expect(at('Last week’s storm closed the airport. On March 11, the delegations held talks in Oslo.', 'last week')).toBe(week);
  });
});

describe('findDates: "a day earlier" counts from the last day the text named, however far back', () => {
  it('applies: a day named paragraphs earlier anchors it; with none, the article day does', () => {
    const text = 'We interviewed the envoy on Friday in Geneva.\n\nShe spoke about the maps.\n\nHer deputy had told the same reporters a day earlier that the maps were old.';
    expect(at(text, 'a day earlier')).toBe('2026-03-12');
    expect(at('Her deputy had told the same reporters a day earlier that the maps were old.', 'a day earlier')).toBe('2026-03-16');
  });
});

describe('findDates: a weekday in a past-tense clause is the one before the article, never the coming one', () => {
  it('"we spoke to her on Friday" in a Tuesday article is the Friday before; "will meet on Friday" the one after', () => {
    expect(at('We spoke to the envoy on Friday in Geneva.', 'friday')).toBe('2026-03-13');
    expect(at('The envoys will meet on Friday in Geneva.', 'friday')).toBe('2026-03-20');
    expect(at('The envoy is expected to travel to Oslo on Friday, her office said.', 'friday')).toBe('2026-03-20');
  });
});
