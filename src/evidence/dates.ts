/**
 * Event dates in article text, resolved against the article's date with chrono-node ("on Thursday"
 * is the Thursday before a Friday article; "next week" is the following Monday–Sunday).
 */
import * as chrono from 'chrono-node';

export interface ResolvedDate {
  text: string;
  start: number;
  end: number;
  /**
   * `YYYY-MM-DD`, or `start/end` for a range; `YYYY` for a bare year; null when the text gives no
   * calendar anchor. A month ("in March", "last month") is still written as a day (the first, or the
   * article's day of that month, as chrono gives it): `granularity` says only the month is meant.
   */
  resolved: string | null;
  /** How much of the calendar the text gives: a weekday or date is a day, "in March" a month, "2014" a year. */
  granularity: 'day' | 'month' | 'year';
}

/** Words that make a weekday look forward ("by Thursday", "will meet on Thursday", "due on Friday"). */
const FUTURE = /\b(?:will|won't|shall|going to|by|until|till|due|deadline|scheduled|expected|plans?|ahead of|before|next)\s*(?:\w+\s+){0,3}$/i;
/** A duration ("for 5 hours") or a quantity ("200,000 a year") that chrono reads as a date. */
const DURATION = /^(?:for\s+)?\d[\d,.]*\s*(?:a|an|per)?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)?$|^\d+\s+a$|^24\/7$/i;
/** A weekday used as part of a name: the Good Friday Agreement, Black Friday sales. */
const NAMED = /\b(?:Good|Black|Bloody|Ash|Holy|Maundy|Palm|Easter|Cyber|Super)\s*$/;

const iso = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
const addDays = (d: Date, n: number): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
/** Monday of the ISO week containing `d`. */
const monday = (d: Date): Date => addDays(d, -((d.getUTCDay() + 6) % 7));

/** Times of day and clock times alone are not event dates; neither are bare numbers chrono reads as dates. */
const NOT_A_DATE = /^(?:now|tonight|this (?:morning|afternoon|evening)|\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midnight|\d{1,4})$/i;

/**
 * Find and resolve the dates in `text`. `articleDate` is `YYYY-MM-DD`; without it, relative dates
 * resolve to null and absolute ones keep their calendar value (years inferred by chrono).
 */
export function findDates(text: string, articleDate?: string): ResolvedDate[] {
  const reference = articleDate ? new Date(`${articleDate}T12:00:00Z`) : undefined;
  const out: ResolvedDate[] = [];
  // chrono's cost grows faster than the text it is given, so it reads one paragraph (or 4,000-character
  // piece of a longer one, cut at a sentence end or a space) at a time: linear on a 10 MB page.
  for (const [from, piece] of pieces(text)) {
    // Fixed instant in UTC so results never depend on the machine's time zone or clock.
    const results = chrono.en.casual.parse(piece, { instant: reference ?? new Date('2000-01-01T12:00:00Z'), timezone: 0 }, { forwardDate: false });
    for (const r of results) resolveOne(r, from, reference, out, piece);
    // "since 2014", "in 2019": bare years chrono does not read; granularity year.
    const yearRe = /\b(?:since|in|by|until|from|before|after|of)\s+((?:19|20)\d\d)\b(?!\d|[,./-]\d)/gi;
    let y: RegExpExecArray | null;
    while ((y = yearRe.exec(piece))) {
      const start = from + y.index + y[0].length - 4;
      if (out.some((d) => d.start <= start && d.end > start)) continue;
      out.push({ text: y[1], start, end: start + 4, resolved: y[1], granularity: 'year' });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function* pieces(text: string): Generator<[number, string]> {
  const MAX = 4000;
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let start = 0;
    const para = m[0];
    while (para.length - start > MAX) {
      const window = para.slice(start, start + MAX);
      const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf(' '));
      const end = start + (cut > MAX / 2 ? cut + 1 : MAX);
      yield [m.index + start, para.slice(start, end)];
      start = end;
    }
    yield [m.index + start, para.slice(start)];
  }
}

function resolveOne(r: chrono.ParsedResult, from: number, reference: Date | undefined, out: ResolvedDate[], piece: string): void {
  {
    const t = r.text.trim();
    if (DURATION.test(t) || NAMED.test(piece.slice(Math.max(0, r.index - 8), r.index))) return;
    if (reference && /^(?:tonight|this (?:morning|afternoon|evening)|(?:later )?in the day)$/i.test(t)) {
      out.push({ text: t, start: from + r.index, end: from + r.index + t.length, resolved: iso(reference), granularity: 'day' });
      return;
    }
    if (NOT_A_DATE.test(t)) return;
    const week = /^(this|last|next)\s+week$/i.exec(t);
    let resolved: string | null;
    if (week && reference) {
      const base = monday(reference);
      const shift = week[1].toLowerCase() === 'last' ? -7 : week[1].toLowerCase() === 'next' ? 7 : 0;
      const from = addDays(base, shift);
      const to = week[1].toLowerCase() === 'this' ? reference : addDays(from, 6);
      resolved = `${iso(from)}/${iso(to)}`;
    } else if (!reference && !r.start.isCertain('day')) {
      resolved = null;
    } else {
      let d = r.start.date();
      const weekdayOnly = r.start.isCertain('weekday') && !r.start.isCertain('day');
      const before = piece.slice(Math.max(0, r.index - 60), r.index);
      if (reference && weekdayOnly && FUTURE.test(before) && d < reference) d = addDays(d, 7);
      resolved = iso(d);
      if (r.end) resolved += `/${iso(r.end.date())}`;
    }
    const granularity: ResolvedDate['granularity'] = week || r.start.isCertain('day') || r.start.isCertain('weekday') || !reference ? 'day' : r.start.isCertain('month') ? 'month' : 'day';
    const text = r.text.replace(/[\s,.;:]+$/, '');
    out.push({ text, start: from + r.index, end: from + r.index + text.length, resolved, granularity });
  }
}
