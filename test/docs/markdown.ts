/**
 * Just enough Markdown reading for the documentation tests: the prose outside code, its links, its
 * headings with the anchors GitHub gives them, and the rows of a table. Not a Markdown parser: the
 * docs are written by us, in CommonMark's plain subset (ATX headings, ``` fences, pipe tables).
 */

/** The lines of `text` outside fenced code blocks (``` or ~~~), with their 1-based line numbers. */
export function proseLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let fence: string | null = null;
  text.split('\n').forEach((raw, i) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (m) {
      if (fence === null) fence = m[1][0];
      else if (m[1][0] === fence) fence = null;
      return;
    }
    if (fence === null) out.push({ line: i + 1, text: raw });
  });
  return out;
}

/** A line with its inline code spans (`…`, ``…``) blanked, so that code is never read as a link. */
const withoutCodeSpans = (line: string): string => line.replace(/(`+)[^`]*?\1/g, (s) => ' '.repeat(s.length));

export interface Link {
  line: number;
  target: string;
}

/**
 * Inline links and images `[text](target "title")`, `![alt](target)`, autolinks `<https://…>` and
 * reference definitions `[id]: target`, outside code.
 */
export function links(text: string): Link[] {
  const out: Link[] = [];
  for (const { line, text: raw } of proseLines(text)) {
    const s = withoutCodeSpans(raw);
    // The link text may hold one level of brackets (e.g. an image inside a link).
    for (const m of s.matchAll(/!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ line, target: m[1] });
    for (const m of s.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)) out.push({ line, target: m[1] });
    const def = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(s);
    if (def) out.push({ line, target: def[1] });
  }
  return out;
}

/** Whether a link leaves the repository (a scheme such as https: or mailto:). */
export const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);

/**
 * GitHub's anchor for a heading (github-slugger): lower case, inline markup dropped, every character
 * that is not a letter, a digit, a mark, a space, `-` or `_` removed, spaces turned into `-`; a
 * repeated heading gets `-1`, `-2`, … in order.
 */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text: raw } of proseLines(text)) {
    const m = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (!m) continue;
    // Code spans keep their text literally (`<input...>` is not HTML); outside them links keep
    // their text and inline HTML tags go.
    const plain = m[1]
      .split(/(`+[^`]*?`+)/)
      .map((part, i) => (i % 2 === 1 ? part.replace(/`/g, '') : part.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '')))
      .join('')
      .toLowerCase();
    const base = plain.replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/**
 * The body rows of the first pipe table after the heading whose text is `heading`, as arrays of
 * trimmed cells (escaped pipes `\|` stay inside their cell).
 */
export function tableAfterHeading(text: string, heading: string): string[][] {
  const lines = proseLines(text);
  const start = lines.findIndex((l) => new RegExp(`^#{1,6}\\s+${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`).test(l.text));
  if (start < 0) return [];
  const rows: string[][] = [];
  let inTable = false;
  for (const { text: raw } of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(raw)) break;
    if (/^\s*\|/.test(raw)) {
      inTable = true;
      const cells = raw
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue; // the delimiter row
      rows.push(cells);
    } else if (inTable) break;
  }
  return rows.slice(1); // without the header row
}
