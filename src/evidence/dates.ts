/**
 * Event dates in article text, resolved against the article's date with chrono-node ("on Thursday"
 * is the Thursday before a Friday article; "next week" is the following Monday–Sunday).
 */
import * as chrono from 'chrono-node';

export interface ResolvedDate {
  text: string;
  start: number;
  end: number;
  /** `YYYY-MM-DD`, or `start/end` for a range; null when the text gives no calendar anchor. */
  resolved: string | null;
}

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
    for (const r of results) resolveOne(r, from, reference, out);
  }
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

function resolveOne(r: chrono.ParsedResult, from: number, reference: Date | undefined, out: ResolvedDate[]): void {
  {
    const t = r.text.trim();
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
      resolved = iso(r.start.date());
      if (r.end) resolved += `/${iso(r.end.date())}`;
    }
    const text = r.text.replace(/[\s,.;:]+$/, '');
    out.push({ text, start: from + r.index, end: from + r.index + text.length, resolved });
  }
}
