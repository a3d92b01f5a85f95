/**
 * Event dates in article text, resolved against the article's date with chrono-node ("on Thursday"
 * is the Thursday before a Friday article, "by Thursday" the one after; "next week" is the following
 * Monday–Sunday; "the day before" counts from the last day the text gave). Each date keeps its
 * granularity: a month is `YYYY-MM`, a year `YYYY`, never padded to a day.
 */
import * as chrono from 'chrono-node';

export interface ResolvedDate {
  text: string;
  start: number;
  end: number;
  /**
   * As precise as the text: `YYYY-MM-DD` for a day, `start/end` for a range of days ("next week",
   * "last weekend"), `YYYY-MM` for a month ("in March", "last month"), `YYYY` for a year ("since
   * 2014", "next year"); null when the text gives no calendar anchor ("a day after he resigned").
   */
  resolved: string | null;
  /** How much of the calendar the text gives: a weekday or date is a day, "in March" a month, "2014" a year. */
  granularity: 'day' | 'month' | 'year';
}

/** Words that make a weekday look forward ("by Thursday", "will meet on Thursday", "due on Friday"). */
const FUTURE = /(?:\b(?:will|won't|shall|would|going to|due|deadline|scheduled|expected|plans?|next)\s*(?:\w+\s+){0,3}|\b(?:by|until|till|ahead of|before)\s+(?:(?:the\s+)?(?:end|start|middle)\s+of\s+)?(?:(?:next|this|coming)\s+)?)$/i;
/** A duration ("for 5 hours") or a quantity ("200,000 a year") that chrono reads as a date. */
const DURATION = /^(?:for\s+)?\d[\d,.]*\s*(?:a|an|per)?\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)?$|^\d+\s+a$|^24\/7$|^(?:for|within|over)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?)$|^within\s+(?:a|the)\s+(?:day|week|month|year)$/i;
/** A lower-case weekday or month abbreviation is a word ("who sat in on the call", "it may"), not a date. */
const ABBREVIATION_WORD = /^(?:sat|sun|mon|tue|tues|wed|thu|thur|thurs|fri|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)$/;
/** A weekday used as part of a name: the Good Friday Agreement, Black Friday sales. */
const NAMED = /\b(?:Good|Black|Bloody|Ash|Holy|Maundy|Palm|Easter|Cyber|Super)\s*$/;

const iso = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
const addDays = (d: Date, n: number): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
/** Monday of the ISO week containing `d`. */
const monday = (d: Date): Date => addDays(d, -((d.getUTCDay() + 6) % 7));

/**
 * What every chrono-node (en.casual) match needs, a superset: a digit, a month or weekday name or
 * abbreviation, weekend or weekday, a casual word (today, tonight, noon, end …), or a time unit (s,
 * min, hr, day, week, mo, qtr, year …) after one of the words chrono counts with or counts from (its
 * NUMBER_PATTERN: one to twelve, a/an, the, few, several, half, couple (of); and this, last, past,
 * next, after, +, -), with or without spaces between ("lastweek": chrono's patterns allow it). Every
 * chrono pattern that reads a unit has one of those before it, so a unit alone lets nothing through:
 * the "s" of "Trump's" or the "m" of "I'm" used to send their paragraph to chrono. Tested against the
 * full scan in test/evidence/dates-prefilter.test.ts.
 */
const UNITS = '(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mos?|mons?|months?|qtr|quarters?|y|yrs?|years?)';
export const DATE_LIKE = new RegExp(
  String.raw`\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|sun|mon|tue|wed|thu|thur|thurs|fri|sat|january|february|march|april|june|july|august|september|october|november|december|sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend|weekday|now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|night|morning|afternoon|evening|midnight|midday|noon|end)\b` +
    String.raw`|(?:an?\b|the|few|several|couple(?:\s*of)?|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|this|last|past|next|after|[+-])\s*${UNITS}\b`,
  'i',
);

/**
 * Times of day and clock times alone are not event dates ("this morning"; "evening" alone, as in
 * "closed the evening"); neither are bare numbers chrono reads as dates.
 */
const NOT_A_DATE = /^(?:now|tonight|(?:this )?(?:morning|afternoon|evening|night)|\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midnight|\d{1,4})$/i;

/**
 * Find and resolve the dates in `text`. `articleDate` is `YYYY-MM-DD`; without it, relative dates
 * resolve to null and absolute ones keep their calendar value (years inferred by chrono).
 */
export function findDates(text: string, articleDate?: string): ResolvedDate[] {
  const out = scan(text, articleDate);
  if (articleDate) {
    quotedAgainstSaidOn(text, articleDate, out);
    eventWeeks(text, articleDate, out);
  }
  return out;
}

/**
 * Between two pieces given to chrono in one call: a line with a control character that none of
 * chrono's English patterns matches, reads across or merges over (to them it is as the end of the
 * text), so each piece gives what it gives alone. Checked on every paragraph of the own articles,
 * eval-dev and the benchmark's (test/evidence/dates-prefilter.test.ts).
 */
const JOIN = '\n\u0001\n';
/** Characters per chrono call: its cost grows faster than its text. */
const CHRONO_CHARS = 4000;
/**
 * A piece chrono reads alone: one that is nothing but "may" or ends in "the second" (its unlikely-format
 * filter keeps such a result only when it is the whole text).
 */
const ALONE = /^may$|the second$/i;

/** chrono's results for each piece (by index; none for a piece without a date-like token), several pieces a call. */
export function chronoResults(all: ReadonlyArray<readonly [number, string]>, instant: Date): chrono.ParsedResult[][] {
  const results: chrono.ParsedResult[][] = all.map(() => []);
  const parse = (piece: string) => chrono.en.casual.parse(piece, { instant, timezone: 0 }, { forwardDate: false });
  let batch: number[] = [];
  let length = 0;
  const flush = () => {
    if (batch.length === 1) results[batch[0]] = parse(all[batch[0]][1]);
    else if (batch.length) {
      const starts: number[] = [];
      let at = 0;
      for (const i of batch) {
        starts.push(at);
        at += all[i][1].length + JOIN.length;
      }
      const found: chrono.ParsedResult[][] = batch.map(() => []);
      let straddles = false;
      for (const r of parse(batch.map((i) => all[i][1]).join(JOIN))) {
        let k = starts.length - 1;
        while (k > 0 && starts[k] > r.index) k--;
        (r as { index: number }).index -= starts[k]; // an offset into its own piece, as when read alone
        if (r.index < 0 || r.index + r.text.length > all[batch[k]][1].length) straddles = true;
        found[k].push(r);
      }
      // never seen; should a match ever run across the separator, the pieces are read one by one
      batch.forEach((i, k) => (results[i] = straddles ? parse(all[i][1]) : found[k]));
    }
    batch = [];
    length = 0;
  };
  all.forEach(([, piece], i) => {
    if (!DATE_LIKE.test(piece)) return;
    if (ALONE.test(piece.trim())) {
      results[i] = parse(piece);
      return;
    }
    if (batch.length && length + JOIN.length + piece.length > CHRONO_CHARS) flush();
    length += (batch.length ? JOIN.length : 0) + piece.length;
    batch.push(i);
  });
  flush();
  return results;
}

function scan(text: string, articleDate?: string): ResolvedDate[] {
  const reference = articleDate ? new Date(`${articleDate}T12:00:00Z`) : undefined;
  const out: ResolvedDate[] = [];
  // chrono's cost grows faster than the text it is given, so it reads one paragraph (or 4,000-character
  // piece of a longer one, cut at a sentence end or a space) at a time: linear on a 10 MB page; the
  // pieces are given to it several at a time, about 4,000 characters a call (a call has its own cost).
  // Fixed instant in UTC so results never depend on the machine's time zone or clock. A piece
  // without a date-like token (DATE_LIKE) cannot give chrono a match: skipped (~40 % of paragraphs).
  const all = [...pieces(text)];
  const found = chronoResults(all, reference ?? new Date('2000-01-01T12:00:00Z'));
  for (const [p, [from, piece]] of all.entries()) {
    for (const r of found[p]) resolveOne(r, from, reference, out, piece, () => lastDay(out, from + r.index));
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

/** Quotations: “…” or "…" on one line (the words between the marks). */
const QUOTATION = /“([^”\n]{1,4000})”|"([^"\n]{1,4000})"/g;

/**
 * A relative date inside a quotation counts from the day the words were said, not the day they were
 * reported: in `“The text is ready today,” she said on Sunday` (a Tuesday article) "today" is the
 * Sunday. The said-on day is the attribution's own date (saidOnOf: the nearest day-precise date
 * outside the quotation in its sentence); without one, or when it is the article's day, nothing
 * changes. The quotation's dates are read again against that day and replace those that differ.
 */
function quotedAgainstSaidOn(text: string, articleDate: string, out: ResolvedDate[]): void {
  if (!out.length) return;
  QUOTATION.lastIndex = 0;
  for (let m; (m = QUOTATION.exec(text)); ) {
    const start = m.index + 1;
    const end = m.index + m[0].length - 1;
    if (!out.some((d) => d.start >= start && d.end <= end)) continue;
    const saidOn = saidOnOf(text, { start, end }, articleDate, out);
    if (!saidOn || !/^\d{4}-\d\d-\d\d$/.test(saidOn) || saidOn === articleDate) continue;
    const again = scan(text.slice(start, end), saidOn);
    for (let i = 0; i < out.length; i++) {
      const d = out[i];
      if (d.start < start || d.end > end) continue;
      const r = again.find((a) => a.start + start === d.start && a.text === d.text);
      if (r) out[i] = { ...d, resolved: r.resolved, granularity: r.granularity };
    }
  }
}

/** Nouns of a meeting: what "last week's talks" and "held consultations on November 23" both name. */
const MEETING = String.raw`(?:talks|meetings?|summit|consultations?|negotiations?|round|session|conference|call|visit)`;
const WEEK_EVENT = new RegExp(String.raw`^['’]s\s+(?:[\p{L}-]+\s+){0,2}?${MEETING}\b`, 'iu');
const MEETING_WORD = new RegExp(String.raw`\b${MEETING}\b`, 'i');

/**
 * "Last week's talks" names one meeting, not a week: when the article gives exactly one day-precise
 * date in that week for a meeting (a sentence with talks, a meeting, consultations … and the date),
 * the week resolves to that day. The week is taken a day wider at its start: English news writes
 * weeks both Monday–Sunday and Sunday–Saturday, so the Sunday before is in "last week" for half of it.
 * A past week ("last week", "the past week") only takes days before the article's; two meeting days
 * in the week, or none, leave the range as it is.
 */
function eventWeeks(text: string, articleDate: string, out: ResolvedDate[]): void {
  for (const d of out) {
    if (!/^(?:last|this|(?:the\s+)?past)\s+week$/i.test(d.text) || !d.resolved) continue;
    const range = /^(\d{4}-\d\d-\d\d)\/(\d{4}-\d\d-\d\d)$/.exec(d.resolved);
    if (!range || !WEEK_EVENT.test(text.slice(d.end, d.end + 60))) continue;
    const from = iso(addDays(new Date(`${range[1]}T12:00:00Z`), -1));
    const to = /^this/i.test(d.text) ? range[2] : range[2] < articleDate ? range[2] : iso(addDays(new Date(`${articleDate}T12:00:00Z`), -1));
    const days = new Set<string>();
    for (const c of out) {
      if (c === d || c.granularity !== 'day' || !c.resolved || !/^\d{4}-\d\d-\d\d$/.test(c.resolved) || c.resolved < from || c.resolved > to) continue;
      if (MEETING_WORD.test(sentenceAround(text, c.start, c.end))) days.add(c.resolved);
    }
    if (days.size === 1) d.resolved = [...days][0];
  }
}

/** The sentence (within its line) around `start`…`end`. */
function sentenceAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  let from = lineStart;
  const stop = /[.!?]["”’]?\s+/g;
  const head = text.slice(lineStart, start);
  for (let m; (m = stop.exec(head)); ) from = lineStart + m.index + m[0].length;
  const tail = /[.!?](?:\s|$)/.exec(text.slice(end, lineEnd));
  return text.slice(from, tail ? end + tail.index + 1 : lineEnd);
}

/**
 * The last day-precise date before `offset` anywhere earlier in the text (the anchor of "the day
 * before", "a day earlier"): an interview "on Friday" anchors "had told the same journalists a day
 * earlier" paragraphs later. With no day before it, the article's day is the anchor.
 */
function lastDay(out: ResolvedDate[], offset: number): Date | undefined {
  for (let i = out.length - 1; i >= 0; i--) {
    const d = out[i];
    if (d.start >= offset) continue;
    if (d.granularity === 'day' && d.resolved && /^\d{4}-\d\d-\d\d$/.test(d.resolved)) return new Date(`${d.resolved}T12:00:00Z`);
  }
  return undefined;
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

/** A past-tense clause before a date: "talks began in March", "had met last weekend". */
const PAST = /\b(?:was|were|had|did|said|told|began|met|came|went|took|held|made|gave|left|signed|spoke|wrote|sent|saw|flew|rang|won|lost|fell|rose|broke|\w+ed)\s+(?:\w+\s+){0,4}$/i;
/** Relative days anchored on another date in the text, not on the article's date. */
const ANCHORED = /^(?:the\s+day\s+(?:before|after)|a\s+day\s+(?:earlier|later|before|after)|the\s+(?:next|following|previous)\s+day)$/i;
/** A time of day or clock time with a zone: "14:52 GMT", "at 13:20" (live-page stamps, not event dates). */
const CLOCK = /^(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|local(?:\s+time)?|am|pm|a\.m\.|p\.m\.|h))?$/i;
const DAY_MS = 86400000;
const ym = (d: Date): string => iso(d).slice(0, 7);

function resolveOne(r: chrono.ParsedResult, from: number, reference: Date | undefined, out: ResolvedDate[], piece: string, anchor: () => Date | undefined): void {
  let t = r.text.trim().replace(/[\s,.;:]+$/, '');
  let index = r.index;
  // "night" alone ("through the night", "every night") is a time of day; "night on Thursday" is Thursday
  const night = /^(?:the\s+)?night(?:\s+(?:of|on)\s+|\s+|$)/i.exec(t);
  if (night) {
    if (night[0].length >= t.length) return;
    const at = index + night[0].length;
    for (const inner of chrono.en.casual.parse(piece.slice(at, index + t.length), { instant: reference ?? new Date('2000-01-01T12:00:00Z'), timezone: 0 }, { forwardDate: false })) {
      resolveOne(inner, from + at, reference, out, piece.slice(at), anchor);
    }
    return;
  }
  if (ABBREVIATION_WORD.test(t)) return;
  if (DURATION.test(t) || CLOCK.test(t) || NAMED.test(piece.slice(Math.max(0, index - 8), index))) return;
  // a capitalised time word inside a name: "the South China Morning Post", "BBC Radio 4's Today programme"
  if (/^(?:Today|Tonight|Tomorrow|Yesterday|Morning|Evening|Night|Afternoon)$/.test(t)) {
    const lead = piece.slice(Math.max(0, index - 30), index);
    if (!/(?:^|[.!?:;“"‘'(\n—–-]\s*)$/.test(lead) || /^\s+\p{Lu}/u.test(piece.slice(index + t.length)) || /^\s+(?:programme|program|show|newspaper)\b/i.test(piece.slice(index + t.length))) return;
  }
  const before = piece.slice(Math.max(0, index - 60), index);
  const after = piece.slice(index + t.length, index + t.length + 40);
  const push = (resolved: string | null, granularity: ResolvedDate['granularity'], text = t): void => {
    text = text.replace(/[\s,.;:]+$/, '');
    out.push({ text, start: from + index, end: from + index + text.length, resolved, granularity });
  };
  if (reference && /^(?:tonight|this (?:morning|afternoon|evening)|(?:later )?in the day|today)$/i.test(t)) return push(iso(reference), 'day');
  if (NOT_A_DATE.test(t)) return;
  // a week, weekend or month also looks forward from a modal or "expected to" earlier in its clause ("is expected to hold talks with the envoys this week")
  const future = FUTURE.test(before) || (!/^(?:on|last|past)\b/i.test(t) && /\b(?:will|won't|shall|going to|due to|scheduled to|expected to|plans? to|set to|waiting for|ahead of)\s+(?:[^\s.;:!?]+\s+){0,8}$/i.test(before));
  const lower = t.toLowerCase();
  const week = /^(this|last|next|past)\s+week$/.exec(lower);
  if (week && reference) {
    // a week is Monday–Sunday; "this week" runs to the article's day, or to Sunday when it looks forward
    if (week[1] === 'past') return push(`${iso(addDays(reference, -7))}/${iso(reference)}`, 'day');
    const base = addDays(monday(reference), week[1] === 'last' ? -7 : week[1] === 'next' ? 7 : 0);
    // on a Monday, "this week" up to the article's day would be "today": the writer means the week ahead
    const toDate = week[1] === 'this' && !future && reference.getUTCDay() !== 1 && !/^\s+(?:will|is\s+(?:due|expected))\b/.test(after);
    const to = toDate ? reference : addDays(base, 6);
    return push(`${iso(base)}/${iso(to)}`, 'day');
  }
  const weekend = /^(?:(this|last|next|the|past)\s+)?weekend$/.exec(lower);
  if (weekend && reference) {
    // Saturday–Sunday: the one before the article unless the text looks forward ("next weekend", "will … this weekend")
    const sat = addDays(monday(reference), 5);
    const forward = weekend[1] === 'next' || ((weekend[1] === 'this' || !weekend[1] || weekend[1] === 'the') && (future || /^\s+(?:will|is\s+(?:due|expected))\b/.test(after)));
    let start = forward ? (sat.getTime() < reference.getTime() - DAY_MS ? addDays(sat, 7) : sat) : sat.getTime() > reference.getTime() - DAY_MS ? addDays(sat, -7) : sat;
    if (weekend[1] === 'next' && start.getTime() - reference.getTime() < 2 * DAY_MS) start = addDays(start, 7);
    return push(`${iso(start)}/${iso(addDays(start, 1))}`, 'day');
  }
  // "a day after Yermak resigned": anchored on an event the calendar does not give
  if (/^an?\s+(?:day|week)\s+(?:after|before)$/i.test(t) && /^\s+[\p{L}\p{N}]/u.test(after)) return push(null, 'day');
  if (ANCHORED.test(t)) {
    // "the day before" counts from the last day the text gave (“on Wednesday … the day before”), else the article's day
    const base = anchor() ?? reference;
    if (!base) return push(null, 'day');
    return push(iso(addDays(base, /before|earlier|previous/i.test(t) ? -1 : 1)), 'day');
  }
  if (!reference && !r.start.isCertain('day')) return push(null, r.start.isCertain('month') ? 'month' : r.start.isCertain('year') ? 'year' : 'day');
  const certainDay = r.start.isCertain('day') || r.start.isCertain('weekday');
  if (reference && !certainDay && !r.start.isCertain('month') && r.start.isCertain('year')) {
    // "next year", "last year", "this year": a year
    return push(String(r.start.get('year')), 'year');
  }
  if (reference && !certainDay && r.start.isCertain('month')) {
    let d = r.start.date();
    if (!r.start.isCertain('year')) {
      // a month without a year: forward after a deadline or "will", back after a past-tense verb
      const month = d.getUTCMonth();
      const refMonth = reference.getUTCMonth();
      const year = reference.getUTCFullYear();
      if (future) d = new Date(Date.UTC(month < refMonth ? year + 1 : year, month, 1));
      else if (PAST.test(before) || /\b(?:since|last|earlier|ago)\s+$/i.test(before)) d = new Date(Date.UTC(month > refMonth ? year - 1 : year, month, 1));
    }
    return push(ym(d), 'month');
  }
  let d = r.start.date();
  const weekdayOnly = r.start.isCertain('weekday') && !r.start.isCertain('day');
  if (reference && weekdayOnly && future && d < reference) d = addDays(d, 7);
  // chrono takes the nearest weekday, which can be the coming one: a past-tense clause ("we spoke to her on Friday" in a Tuesday article) means the one before
  else if (reference && weekdayOnly && !future && iso(d) > iso(reference) && PAST.test(before) && !/\b(?:will|won't|shall|going to|due to|scheduled to|expected to|plans? to|set to|ahead of)\b/i.test(before)) d = addDays(d, -7);
  let resolved = iso(d);
  if (r.end) resolved += `/${iso(r.end.date())}`;
  push(resolved, 'day');
}

/**
 * When a quote's words were said, as its attribution dates them ("“…,” Ushakov said on Wednesday",
 * "Speaking on Nov. 20, she said “…”"): the day, month or year of the nearest date outside the
 * quotation in the quote's sentence, at the granularity the text gives (`YYYY-MM-DD`, `YYYY-MM`,
 * `YYYY`). None for a range, an unanchored date, a date after the article (words are not said in
 * the future) or a deadline ("by Friday").
 */
export function saidOnOf(body: string, quote: { start: number; end: number }, articleDate?: string, dates: ResolvedDate[] = findDates(body, articleDate)): string | undefined {
  const lineStart = body.lastIndexOf('\n', quote.start) + 1;
  const lineEndAt = body.indexOf('\n', quote.end);
  const lineEnd = lineEndAt < 0 ? body.length : lineEndAt;
  // the sentence around the quote: from the last sentence end before it to the first one after it (outside the quotation)
  const head = body.slice(lineStart, quote.start);
  const stop = /[.!?]["”’]?\s+(?=\S)/g;
  let from = lineStart;
  for (let m; (m = stop.exec(head)); ) from = lineStart + m.index + m[0].length;
  const tail = /[.!?](?:\s|$)/.exec(body.slice(quote.end + 1, lineEnd));
  const to = tail ? quote.end + 1 + tail.index + 1 : lineEnd;
  let best: ResolvedDate | undefined;
  let bestGap = Infinity;
  for (const d of dates) {
    if (d.start < from || d.end > to || (d.end > quote.start - 1 && d.start < quote.end + 1)) continue;
    if (!d.resolved || d.resolved.includes('/') || (articleDate && d.resolved > articleDate)) continue;
    if (/\b(?:by|until|till|before|after)\s+$/i.test(body.slice(Math.max(from, d.start - 8), d.start))) continue;
    const gap = d.start >= quote.end ? d.start - quote.end : quote.start - d.end;
    if (gap < bestGap) {
      best = d;
      bestGap = gap;
    }
  }
  return best?.resolved ?? undefined;
}
