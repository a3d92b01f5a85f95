/**
 * Syndicated copies: one wire story carried by several outlets, each lightly edited (a new headline,
 * a sentence added or cut, a word changed, the end trimmed). Copies are not independent sources, so
 * they are grouped, and corroboration counts groups, not articles.
 *
 * Method (docs/evidence.md, "Syndicated copies"): each article's text is normalised (Unicode NFKD,
 * diacritics and punctuation dropped, lower case) into words; its shingles are the overlapping runs of
 * SHINGLE_WORDS words, each hashed to 32 bits. Two articles are copies when the shared shingles cover
 * at least COPY_THRESHOLD of the smaller article's shingles (the overlap coefficient: a copy cut to
 * its first half is still a copy) and the smaller has at least MIN_SHINGLES (a two-line brief is not
 * judged). Shared shingles are counted exactly: all (shingle, article) pairs are sorted by shingle,
 * and each run of one shingle adds one to every pair of articles in it, so the cost is a sort of all
 * the shingles plus the shared (article pair, shingle) counts: near-linear for news, where unrelated
 * stories share few five-word runs; a shingle in more than MAX_SHINGLE_ARTICLES articles is
 * boilerplate and not counted (so a story copied by more than 50 outlets of one run is not grouped
 * on the sentences all of them share: a limit, docs/evidence.md).
 *
 * The threshold: on the test articles (test/evidence/syndication/: a wire story and three copies
 * edited as outlets edit them, new headline and lead, sentences cut or added, words changed), copies
 * score 0.63-0.87 against each other, while a different story on the same event by another outlet,
 * quoting the same minister's same sentence, scores 0.05-0.08 against all four; 0.5 sits between them
 * with a wide margin on both sides.
 *
 * Groups are the connected components of the copy relation (a copy of a copy is in the group), and a
 * group is named by its first member in input order. Pure and deterministic: same input, same groups.
 */

/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** Overlap coefficient at and above which two articles are copies of one story. */
export const COPY_THRESHOLD = 0.5;
/** Fewest shingles the smaller article must have to be judged (about MIN_SHINGLES + 4 words). */
export const MIN_SHINGLES = 20;
/**
 * A shingle found in more articles than this is boilerplate ("Reporting by … Editing by", a
 * newsroom's stock sentence), not a sign of copying: it is not counted as shared (it stays in each
 * article's size). This also bounds the cost: no run of one shingle adds more than 1,225 pairs.
 */
export const MAX_SHINGLE_ARTICLES = 50;

export interface SyndicationInput {
  /** The article's id (its source: a file, a URL, a feed item). */
  id: string;
  text: string;
}

export interface SyndicationMember {
  id: string;
  /** Overlap coefficient with the group's first member (1 for the first member itself). */
  similarity: number;
}

export interface SyndicationGroup {
  /** The id of the first member in input order. */
  id: string;
  members: SyndicationMember[];
}

export interface Syndication {
  /** Every article's group id, in input order (an article alone is its own group). */
  groupOf: Map<string, string>;
  /** Groups of two or more articles, in order of their first member. */
  groups: SyndicationGroup[];
}

/** The words of a text as syndication compares them: NFKD, no diacritics, lower case, letters and digits only. */
export function normalisedWords(text: string): string[] {
  const lower = text.toLowerCase();
  // ASCII text (most English news) needs no Unicode normalisation: a plain scan is several times faster
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(lower)) {
    const out: string[] = [];
    let start = -1;
    for (let i = 0; i <= lower.length; i++) {
      const c = i < lower.length ? lower.charCodeAt(i) : 32;
      const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      if (word && start < 0) start = i;
      else if (!word && start >= 0) {
        out.push(lower.slice(start, i));
        start = -1;
      }
    }
    return out;
  }
  return lower.normalize('NFKD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a over a word's UTF-16 code units. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The FNV-1a hash of each normalised word, as `normalisedWords` gives them: ASCII letters and digits
 * are hashed as they are scanned; a run of characters with any non-ASCII one in it (curly quotes,
 * dashes, accented letters) goes through `normalisedWords`.
 */
function wordHashes(text: string): Uint32Array {
  let out = new Uint32Array(256);
  let m = 0;
  const push = (h: number) => {
    if (m === out.length) {
      const bigger = new Uint32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[m++] = h;
  };
  let h = 0x811c9dc5;
  let start = -1;
  let slow = false;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32; // lower case
    const ascii = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (ascii || c >= 128) {
      if (start < 0) start = i;
      if (c >= 128) slow = true;
      else h = Math.imul(h ^ c, 0x01000193);
    } else if (start >= 0) {
      if (slow) for (const w of normalisedWords(text.slice(start, i))) push(wordHash(w));
      else push(h >>> 0);
      h = 0x811c9dc5;
      start = -1;
      slow = false;
    }
  }
  return out.subarray(0, m);
}

/** The sorted, distinct 32-bit hashes of a text's word shingles (comparable across texts). */
export function shingles(text: string): Uint32Array {
  const ids = wordHashes(text);
  const n = Math.max(0, ids.length - SHINGLE_WORDS + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // a 32-bit mix of the word ids (murmur3's multiply-rotate steps)
    let h = 0x9747b28c;
    for (let k = 0; k < SHINGLE_WORDS; k++) {
      let w = Math.imul(ids[i + k], 0xcc9e2d51);
      w = (w << 15) | (w >>> 17);
      h ^= Math.imul(w, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    out[i] = h >>> 0;
  }
  out.sort();
  let m = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[m++] = out[i];
  return out.subarray(0, m);
}

/** Overlap coefficient of two sorted distinct shingle sets: shared / size of the smaller. */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / Math.min(a.length, b.length);
}

/**
 * Every pair of copies among shingle sets (`visit(i, j)` with j < i, in order of i): the shared-shingle
 * count described at the top. Sets before `from` are not compared with each other (they were, when they
 * were new): only pairs with at least one set at or after `from` are visited.
 */
function copyPairs(sets: ReadonlyArray<Uint32Array>, threshold: number, from: number, visit: (i: number, j: number) => void): void {
  const { docOf, runStart, perDoc, entries } = sharedRuns(sets);
  // for each article, the shingles it shares with each earlier article (the earlier ones in its runs)
  const n = sets.length;
  const shared = new Int32Array(n);
  const touched: number[] = [];
  for (let i = Math.max(0, from); i < n; i++) {
    for (let e = perDoc[i]; e < perDoc[i + 1]; e++) {
      const x = entries[e];
      for (let y = runStart[x]; y < x; y++) {
        const j = docOf[y];
        if (shared[j]++ === 0) touched.push(j);
      }
    }
    for (const j of touched) {
      const smaller = Math.min(sets[i].length, sets[j].length);
      if (smaller >= MIN_SHINGLES && shared[j] / smaller >= threshold) visit(i, j);
      shared[j] = 0;
    }
    touched.length = 0;
  }
}

/** Every (shingle, article) pair, sorted by shingle: a run of equal shingles lists the articles sharing it. */
function sortedPairs(sets: ReadonlyArray<Uint32Array>): Float64Array {
  let total = 0;
  for (const set of sets) total += set.length;
  const pairs = new Float64Array(total);
  let at = 0;
  for (let i = 0; i < sets.length; i++) for (const h of sets[i]) pairs[at++] = h * 1048576 + i; // exact: < 2^52 for n < 2^20
  return pairs.sort();
}

/**
 * The shingle runs turned article-major (CSR): `docOf[x]` is pair x's article, `runStart[x]` where its
 * run starts (-1 when the run is not counted: one article, or boilerplate), and `entries[perDoc[i]…
 * perDoc[i + 1]]` article i's pairs in counted runs. (Functions of their own, each with one hot loop:
 * V8 compiles such a loop on the fly, and one function with several made it recompile six times a run.)
 */
function sharedRuns(sets: ReadonlyArray<Uint32Array>) {
  const n = sets.length;
  const pairs = sortedPairs(sets);
  const total = pairs.length;
  const docOf = new Int32Array(total);
  const runStart = new Int32Array(total);
  const perDoc = new Int32Array(n + 1);
  for (let r = 0; r < total; ) {
    const h = Math.floor(pairs[r] / 1048576);
    let end = r + 1;
    while (end < total && Math.floor(pairs[end] / 1048576) === h) end++;
    const counted = end - r >= 2 && end - r <= MAX_SHINGLE_ARTICLES;
    for (let x = r; x < end; x++) {
      docOf[x] = pairs[x] % 1048576;
      runStart[x] = counted ? r : -1;
      if (counted) perDoc[docOf[x] + 1]++;
    }
    r = end;
  }
  for (let i = 0; i < n; i++) perDoc[i + 1] += perDoc[i];
  const entries = new Int32Array(perDoc[n]);
  const fill = perDoc.slice(0, n);
  for (let x = 0; x < total; x++) if (runStart[x] >= 0) entries[fill[docOf[x]]++] = x;
  return { docOf, runStart, perDoc, entries };
}

/** Group the copies of one story among `articles` (in input order; ids must be distinct). */
export function groupSyndicated(articles: ReadonlyArray<SyndicationInput>, threshold = COPY_THRESHOLD): Syndication {
  const sets = articles.map((a) => shingles(a.text));
  const n = articles.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    // the root is the earlier article: the group is named by its first member
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  copyPairs(sets, threshold, 0, union);
  const groupOf = new Map<string, string>();
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    groupOf.set(articles[i].id, articles[root].id);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  }
  const groups: SyndicationGroup[] = [];
  // a root is met before its members (it is the smallest index), so the map is in order of first members
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    groups.push({ id: articles[root].id, members: list.map((i) => ({ id: articles[i].id, similarity: i === root ? 1 : Math.round(overlap(sets[root], sets[i]) * 1000) / 1000 })) });
  }
  return { groupOf, groups };
}

/**
 * Independent outlets among the articles that carry one item (in input order): copies of one story
 * count once, as the outlet of the group's first carrier; and two stories whose first carriers are
 * the same outlet count once too (an outlet does not corroborate itself). An outlet that also ran
 * the wire copy still counts for a story of its own.
 */
export function independentOutlets(carriers: ReadonlyArray<Carrier>): number {
  const origin = new Map<string, string>();
  for (const c of carriers) if (!origin.has(c.group)) origin.set(c.group, c.outlet?.trim() ? `outlet:${c.outlet.trim().toLowerCase()}` : `group:${c.group}`);
  return new Set(origin.values()).size;
}

/**
 * One run's articles grouped, and for each quote (by `key`, e.g. candidates.ts's quoteKey) the
 * independent outlets carrying it: the `outlets` of candidate evidence. Articles in input order.
 */
export function outletsByQuote(
  articles: ReadonlyArray<{ text: string; outlet: string | null; quotes: ReadonlyArray<{ text: string }> }>,
  key: (quote: string) => string,
): { syndication: Syndication; outlets: Map<string, number> } {
  const syndication = groupSyndicated(articles.map((a, i) => ({ id: String(i), text: a.text })));
  const carriers = new Map<string, Array<{ group: string; outlet: string | null }>>();
  articles.forEach((a, i) => {
    const group = syndication.groupOf.get(String(i)) ?? String(i);
    for (const k of new Set(a.quotes.map((q) => key(q.text)))) {
      const list = carriers.get(k);
      if (list) list.push({ group, outlet: a.outlet });
      else carriers.set(k, [{ group, outlet: a.outlet }]);
    }
  });
  return { syndication, outlets: new Map([...carriers].map(([k, list]) => [k, independentOutlets(list)])) };
}

// ---- Articles over time (the server's feed polls: docs/evidence.md, "Feeds polled by the server")

/**
 * An article's print, what is kept of it to compare later articles with: its shingles (`shingles`)
 * as bytes, 4 per shingle, little-endian, in ascending order; about 4 bytes per word of the text.
 */
export function articlePrint(text: string): Uint8Array {
  const set = shingles(text);
  const out = new Uint8Array(set.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < set.length; i++) view.setUint32(i * 4, set[i], true);
  return out;
}

/** The shingles of a print (`articlePrint`); throws on bytes that are not one (a length not a multiple of 4, not ascending). */
export function printShingles(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4) throw new Error(`an article print has a multiple of 4 bytes, not ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) {
    out[i] = view.getUint32(i * 4, true);
    if (i && out[i] <= out[i - 1]) throw new Error('an article print is not in ascending order');
  }
  return out;
}

/** An article seen before (a stored print), in the order they were seen. */
export interface PrintedArticle {
  id: string;
  /** Its syndication group (the id of the group's first article). */
  group: string;
  outlet: string | null;
  shingles: Uint32Array;
  /** The keys of the quotes it carried. */
  quotes: ReadonlyArray<string>;
}

/** A new article, as it is compared with the articles seen before. */
export interface NewArticle {
  id: string;
  outlet: string | null;
  shingles: Uint32Array;
  quotes: ReadonlyArray<string>;
}

/** An article carrying a quote, as `independentOutlets` counts it. */
export interface Carrier {
  group: string;
  outlet: string | null;
}

export interface OverTime {
  /** Each new article's group (in input order): a stored group it copies, else the first new article of its own group. */
  groups: string[];
  /** Each new article's stored copy, the earliest stored article it copies (null: a copy of none). */
  copyOf: Array<string | null>;
  /**
   * For each quote key a new article carries, its carriers (group and outlet), stored ones and new
   * ones, each in order: `independentOutlets` of both together is the quote's count now, and
   * `outletsAdded` what the new ones add to it.
   */
  carriers: Map<string, { stored: Carrier[]; fresh: Carrier[] }>;
}

/**
 * New articles grouped with the ones seen before, and each quote's independent outlets before and
 * after them. A new article that copies stored articles joins the group of the earliest one it copies
 * (stored groups are never merged, so a count once made is never lowered); new articles copying each
 * other form one group (copies of copies), which joins the earliest stored group any of them copies.
 * Stored articles are not compared with each other again. Pure: same input, same output.
 */
export function groupOverTime(stored: ReadonlyArray<PrintedArticle>, fresh: ReadonlyArray<NewArticle>, threshold = COPY_THRESHOLD): OverTime {
  const s = stored.length;
  const n = fresh.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // the earliest stored article each new one copies (-1: none)
  const stor = new Int32Array(n).fill(-1);
  copyPairs([...stored.map((a) => a.shingles), ...fresh.map((a) => a.shingles)], threshold, s, (i, j) => {
    const a = i - s;
    if (j < s) {
      if (stor[a] < 0 || j < stor[a]) stor[a] = j;
      return;
    }
    const ra = find(a);
    const rb = find(j - s);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  });
  // a new group's stored group: the earliest stored article any member copies
  const rootStored = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    const r = find(a);
    if (stor[a] >= 0 && (rootStored[r] < 0 || stor[a] < rootStored[r])) rootStored[r] = stor[a];
  }
  const groups = fresh.map((_, a) => {
    const r = find(a);
    return rootStored[r] >= 0 ? stored[rootStored[r]].group : fresh[r].id;
  });
  const copyOf = fresh.map((_, a) => (stor[a] >= 0 ? stored[stor[a]].id : null));
  const carriers = new Map<string, { stored: Carrier[]; fresh: Carrier[] }>();
  fresh.forEach((a, i) => {
    for (const k of new Set(a.quotes)) {
      const c = carriers.get(k);
      if (c) c.fresh.push({ group: groups[i], outlet: a.outlet });
      else carriers.set(k, { stored: [], fresh: [{ group: groups[i], outlet: a.outlet }] });
    }
  });
  for (const a of stored) for (const k of new Set(a.quotes)) carriers.get(k)?.stored.push({ group: a.group, outlet: a.outlet });
  return { groups, copyOf, carriers };
}

/**
 * How many independent outlets new articles add to a quote already in a case: the independent outlets of
 * stored and new carriers together minus those of the stored ones, where a quote no stored article carries (its evidence came from elsewhere: parley
 * ingest, an older article) is counted as carried first by its evidence's own outlet, so that a new
 * article from that same outlet adds none.
 */
export function outletsAdded(stored: ReadonlyArray<Carrier>, fresh: ReadonlyArray<Carrier>, evidenceOutlet: string | null): number {
  const before = stored.length ? [...stored] : [{ group: '\u0000evidence', outlet: evidenceOutlet }];
  return independentOutlets([...before, ...fresh]) - independentOutlets(before);
}
