/**
 * Paragraphs and sentences of article text, with quoted spans treated as opaque: a full stop inside
 * `“… cease,” he said.` does not end the reporter's sentence, and a quote ending in `.”` followed by
 * a capital letter does.
 */
import type { QuotedSpan } from './quotes.ts';

export interface Segment {
  start: number;
  end: number;
  paragraph: number;
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st gen sen rep gov lt col capt sgt maj cmdr adm jan feb mar apr jun jul aug sep sept oct nov dec no vs etc jr sr inc co corp ltd u.s u.k u.n e.u a.m p.m approx dept est fig mt ft rev hon'.split(' '),
);

export function paragraphsOf(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    out.push({ start: m.index + lead, end: m.index + lead + trimmed.length, paragraph: out.length });
  }
  return out;
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  let k = dot - 1;
  while (k >= 0 && /[\p{L}.]/u.test(text[k])) k--;
  const word = text.slice(k + 1, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // initials such as "J." or "U.S." (a single capital before the dot) …
  const initial = /^(?:\p{Lu}|(?:\p{L}\.)+\p{L})$/u.test(text.slice(k + 1, dot));
  // … but a one-letter name after a preposition ("wrote on X.", "Plan B.") or before a quotation mark ends the sentence
  if (initial && /^\p{Lu}$/u.test(text.slice(k + 1, dot))) {
    if (/(?:^|\s)(?:on|via|at|from|to|in|with|of|and|or|plan|option|group|point)\s+$/i.test(text.slice(Math.max(0, k - 10), k + 1))) return false;
    if (/^\s+[“"‘«]/u.test(text.slice(dot + 1, dot + 4))) return false;
  }
  return initial;
}

/** Sentences of every paragraph; `spans` are the quoted spans (sorted by offset). */
export function sentencesOf(text: string, paragraphs: Segment[], spans: QuotedSpan[]): Segment[] {
  const out: Segment[] = [];
  let q = 0;
  for (const p of paragraphs) {
    let sentenceStart = p.start;
    let i = p.start;
    while (i < p.end) {
      while (q < spans.length && spans[q].close <= i) q++;
      const span = spans[q];
      if (span && span.open === i) {
        // a quote ends the sentence when it ends in terminal punctuation and the text goes on with a new sentence
        const inner = text.slice(span.start, span.end).trimEnd();
        i = Math.min(span.close, text.length);
        if (span.close >= p.end) break;
        if (/[.!?…]$/.test(inner)) {
          const rest = text.slice(i, Math.min(i + 4, p.end));
          if (/^\s+[\p{Lu}“"‘«]/u.test(rest)) {
            out.push({ start: sentenceStart, end: i, paragraph: p.paragraph });
            sentenceStart = i + (rest.length - rest.trimStart().length);
          }
        }
        continue;
      }
      const c = text[i];
      if ((c === '.' || c === '!' || c === '?') && i + 1 < p.end && /\s/.test(text[i + 1])) {
        let j = i + 1;
        while (j < p.end && /\s/.test(text[j])) j++;
        const next = text[j];
        if (next && /[\p{Lu}“"‘«\d]/u.test(next) && !(c === '.' && endsWithAbbreviation(text, i))) {
          out.push({ start: sentenceStart, end: i + 1, paragraph: p.paragraph });
          sentenceStart = j;
          i = j;
          continue;
        }
      }
      i++;
    }
    if (sentenceStart < p.end) out.push({ start: sentenceStart, end: p.end, paragraph: p.paragraph });
  }
  return out;
}

/** Index of the segment containing `offset` (binary search; segments sorted and disjoint). */
export function segmentAt(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
