/**
 * Word-level text comparison for draft diffs: token Jaccard similarity to align points, and a
 * longest-common-subsequence diff (Hunt & McIlroy 1976; the classic dynamic programme) to show
 * what changed inside an aligned point.
 */

/** Lower-cased word tokens (letters and digits, any script). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| of the two texts' word sets (1 for two empty texts). */
export function jaccard(a: string, b: string): number {
  const A = new Set(wordTokens(a));
  const B = new Set(wordTokens(b));
  if (A.size === 0 && B.size === 0) return 1;
  let common = 0;
  for (const t of A) if (B.has(t)) common++;
  return common / (A.size + B.size - common);
}

export interface TextOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** The longest diff table computed in full (words × words); beyond it, the texts are shown as replaced. */
const MAX_LCS_CELLS = 4_000_000;

/**
 * Word-level diff of two texts: runs of equal, deleted (only in `a`) and inserted (only in `b`)
 * words, each run's words joined by single spaces.
 *
 * @example
 * wordDiff('Ukraine keeps its army', 'Ukraine caps its army')
 * // [{op:'equal',text:'Ukraine'},{op:'delete',text:'keeps'},{op:'insert',text:'caps'},{op:'equal',text:'its army'}]
 */
export function wordDiff(a: string, b: string): TextOp[] {
  const x = a.split(/\s+/).filter(Boolean);
  const y = b.split(/\s+/).filter(Boolean);
  const ops: Array<{ op: TextOp['op']; word: string }> = [];
  if ((x.length + 1) * (y.length + 1) > MAX_LCS_CELLS) {
    for (const w of x) ops.push({ op: 'delete', word: w });
    for (const w of y) ops.push({ op: 'insert', word: w });
  } else {
    const n = x.length;
    const m = y.length;
    // L[i][j]: length of the LCS of x[i..] and y[j..], stored row-major in one typed array.
    const L = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        L[i * (m + 1) + j] = x[i] === y[j] ? L[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) {
        ops.push({ op: 'equal', word: x[i] });
        i++;
        j++;
      } else if (L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]) ops.push({ op: 'delete', word: x[i++] });
      else ops.push({ op: 'insert', word: y[j++] });
    }
    while (i < n) ops.push({ op: 'delete', word: x[i++] });
    while (j < m) ops.push({ op: 'insert', word: y[j++] });
  }
  const out: TextOp[] = [];
  for (const o of ops) {
    const last = out[out.length - 1];
    if (last && last.op === o.op) last.text += ` ${o.word}`;
    else out.push({ op: o.op, text: o.word });
  }
  return out;
}

/** How a rendering marks text: escaping for its format, and the wrappers of deleted and inserted runs. */
export interface DiffMarkup {
  escape: (text: string) => string;
  deleted: (escaped: string) => string;
  inserted: (escaped: string) => string;
}

/**
 * A word diff as one line of text in some markup: plain wdiff `[-old-] {+new+}` in tables,
 * `~~old~~ **new**` in Markdown, `<del>`/`<ins>` in HTML; every run escaped first.
 */
export function renderWordDiff(ops: TextOp[], markup: DiffMarkup): string {
  return ops.map((o) => (o.op === 'equal' ? markup.escape(o.text) : o.op === 'delete' ? markup.deleted(markup.escape(o.text)) : markup.inserted(markup.escape(o.text)))).join(' ');
}
