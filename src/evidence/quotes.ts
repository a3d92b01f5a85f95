/**
 * Quoted spans in article text: the characters between an opening and a closing quotation mark,
 * with their offsets. Handles straight and curly double marks, single marks (headline style), the
 * mixed pairs real copy contains (`“…"`, `‘…”`), guillemets, and quotes that run over several
 * paragraphs (a paragraph that opens a quote without closing it, continued by a paragraph that
 * starts with a new opening mark — the typographic convention of English news prose).
 */

export interface QuotedSpan {
  /** Offset of the first character inside the marks. */
  start: number;
  /** Offset just after the last character inside the marks (the closing mark sits here). */
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark. */
  close: number;
  marks: 'double' | 'single';
  /** The quote runs over more than one paragraph. */
  multiParagraph: boolean;
}

const DOUBLE_OPENERS = new Set(['“', '„', '«', '‟']);
const DOUBLE_CLOSERS = new Set(['”', '»']);
const SINGLE_OPENERS = new Set(['‘', '‹', '‚']);
const SINGLE_CLOSERS = new Set(['’', '›']);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Characters after which a straight mark opens rather than closes a quote. */
const isOpeningContext = (c: string | undefined): boolean => c === undefined || /[\s([{\u2014\u2013/-]/.test(c);

function opensDouble(text: string, i: number): boolean {
  const c = text[i];
  // French « mots » has a (no-break) space inside the marks
  if (c === '«') return !isSpace(text[i + 1]) || (isSpace(text[i + 1]) && isWordChar(text[i + 2]));
  if (DOUBLE_OPENERS.has(c)) return !isSpace(text[i + 1]);
  // German »Wörter«, Swedish and Finnish ”ord”: a closing-shaped mark opening a word
  if (c === '»' || c === '”') return isOpeningContext(text[i - 1]) && isWordChar(text[i + 1]);
  if (c === '"') return isOpeningContext(text[i - 1]) && !isSpace(text[i + 1]);
  return false;
}
function closesDouble(text: string, i: number): boolean {
  const c = text[i];
  if (DOUBLE_CLOSERS.has(c)) return true;
  if (c === '"') return !isSpace(text[i - 1]) || !isWordChar(text[i + 1]);
  return false;
}
function opensSingle(text: string, i: number): boolean {
  const c = text[i];
  if (!(SINGLE_OPENERS.has(c) || c === "'")) return false;
  if (!isOpeningContext(text[i - 1]) || !isWordChar(text[i + 1])) return false;
  // '90s, 'tis, rock 'n' roll: elisions, not quotes
  if (/^.\d\ds\b/.test(text.slice(i, i + 5)) || /^.(?:(?:tis|twas|em)\b|n['’])/i.test(text.slice(i, i + 5))) return false;
  return true;
}
/** A closing single mark is followed by a non-letter; `’` before a letter is an apostrophe (Ukraine’s). */
function closesSingle(text: string, i: number): boolean {
  const c = text[i];
  if (!(SINGLE_CLOSERS.has(c) || c === "'")) return false;
  return !isSpace(text[i - 1]) && !isWordChar(text[i + 1]);
}

/**
 * Offset of the paragraph end (next line break) at or after `from`. The last answer is cached: the
 * scanner asks with increasing offsets, so a long paragraph is searched once, not once per mark.
 */
let cachedText = '';
let cachedFrom = -1;
let cachedEnd = -1;
function paragraphEnd(text: string, from: number): number {
  if (text === cachedText && from >= cachedFrom && from <= cachedEnd) return cachedEnd;
  const nl = text.indexOf('\n', from);
  cachedText = text;
  cachedFrom = from;
  cachedEnd = nl < 0 ? text.length : nl;
  return cachedEnd;
}

/** Where the next paragraph starts, if it starts (after indentation) with an opening double mark. */
function continuationOpening(text: string, paraEnd: number): number | undefined {
  let j = paraEnd;
  while (j < text.length && /\s/.test(text[j])) j++;
  if (j >= text.length || j === paraEnd) return undefined;
  // the reopening mark starts the next paragraph's words, and the unclosed one ended a sentence
  const lastChar = text.slice(0, paraEnd).trimEnd().slice(-1);
  return opensDouble(text, j) && isWordChar(text[j + 1]) && /[.!?…:;,\p{L}\p{N}—–-]/u.test(lastChar) ? j : undefined;
}

/**
 * Find every quoted span. Linear in the text length (each paragraph is scanned once per opening
 * mark at most up to its own end), so a 10 MB input cannot blow up.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '"' && c !== "'" && c !== '»' && c !== '”' && !DOUBLE_OPENERS.has(c) && !SINGLE_OPENERS.has(c)) {
      i++;
      continue;
    }
    if (opensDouble(text, i)) {
      const span = closeDouble(text, i);
      if (span) {
        spans.push(span);
        i = span.close;
      } else i++;
      continue;
    }
    if (opensSingle(text, i)) {
      const end = paragraphEnd(text, i);
      let j = i + 1;
      let closeAt = -1;
      for (; j < end; j++) {
        // German ‚Wort‘ closes on the mark English uses to open
        if (closesSingle(text, j) || (text[i] === '‚' && text[j] === '‘' && !isSpace(text[j - 1]))) {
          closeAt = j;
          break;
        }
        // a mixed pair such as ‘West backed Ukraine…” closes on the double mark
        if (DOUBLE_CLOSERS.has(text[j])) {
          closeAt = j;
          break;
        }
        if (opensDouble(text, j)) break;
      }
      if (closeAt > i + 1) {
        spans.push({ open: i, start: i + 1, end: closeAt, close: closeAt + 1, marks: 'single', multiParagraph: false });
        i = closeAt + 1;
      } else i++;
      continue;
    }
    i++;
  }
  return spans;
}

/** The closing mark for the opener at `openAt`: German „…“ and »…«, Nordic ”…”, else the usual closers. */
function closesFor(text: string, openAt: number, j: number): boolean {
  const o = text[openAt];
  if (o === '»') return text[j] === '«';
  if (o === '”') return text[j] === '”';
  if (o === '„' && text[j] === '“') return !isSpace(text[j - 1]);
  return closesDouble(text, j);
}
/** The span's inner bounds without the spaces French typography puts inside the marks. */
function innerSpan(text: string, openAt: number, closeAt: number, multiParagraph: boolean): QuotedSpan {
  let start = openAt + 1;
  let end = closeAt;
  while (start < end && /[ \u00a0\u202f]/.test(text[start])) start++;
  while (end > start && /[ \u00a0\u202f]/.test(text[end - 1])) end--;
  return { open: openAt, start, end, close: closeAt + 1, marks: 'double', multiParagraph };
}

function closeDouble(text: string, openAt: number): QuotedSpan | undefined {
  let paraEnd = paragraphEnd(text, openAt);
  let j = openAt + 1;
  let multiParagraph = false;
  for (;;) {
    for (; j < paraEnd; j++) {
      if (j > openAt + 1 && closesFor(text, openAt, j)) return innerSpan(text, openAt, j, multiParagraph);
      // an unambiguous opening mark before any closing one: the first quote was never closed
      if (DOUBLE_OPENERS.has(text[j])) return undefined;
    }
    // the paragraph ended inside the quote: it continues only if the next paragraph reopens it
    const reopen = continuationOpening(text, paraEnd);
    if (reopen === undefined) return undefined;
    multiParagraph = true;
    j = reopen + 1;
    paraEnd = paragraphEnd(text, reopen);
  }
}
