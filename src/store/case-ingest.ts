/**
 * Ingested articles into a stored case, over time (docs/evidence.md, "Feeds polled by the server"):
 * what a feed poll and `POST /api/ingest` with a caseId both do with the articles they read.
 *
 * - The articles that carry quotes are grouped with the case's stored article prints
 *   (src/store/prints.ts; syndication.ts groupOverTime): a copy of a stored article joins its group.
 * - A new candidate's `outlets` counts the independent outlets among the stored and the new carriers
 *   of its quote; a quote already a `candidate` of the case gets the outlets the new articles add (a
 *   copy of a stored carrier, or an outlet counted already, adds none). Accepted and rejected evidence
 *   is never changed.
 * - One call writes at most one revision; one that adds nothing and raises no count writes none.
 * - The case's prints are held (a lease: in one process or across processes, one writer at a time)
 *   from reading them to storing these articles', which happens in the transaction that writes the
 *   case's revision: a crash or a refused write (a stale revision) stores neither.
 */
import { createHash } from 'node:crypto';
import type { Case, Evidence } from '../case/schema.ts';
import { candidatesFromIngest, type IngestResult } from '../evidence/index.ts';
import { quoteKey } from '../evidence/candidates.ts';
import { articlePrint, groupOverTime, independentOutlets, outletsAdded, printShingles, type NewArticle, type OverTime } from '../evidence/syndication.ts';
import type { ChangeInfo, Store } from './index.ts';
import { PrintStore, quoteHash } from './prints.ts';

/** An article read for a case. */
export interface IngestedArticle {
  /** Its print's id: the same article read again has the same one (a feed item's, a URL's, a text's). */
  id: string;
  result: IngestResult;
  /** The feed that brought it (null: posted). */
  feedUrl: string | null;
  /** Added to the note of each candidate it yields (which feed brought it). */
  note?: string;
}

export interface CaseIngestResult {
  /** The case's revision after the call; `changed` when the call wrote it. */
  revision: number;
  changed: boolean;
  /** Per article (in input order), the candidates it added, as stored. */
  added: Evidence[][];
  /** Candidates already in the case whose independent outlets these articles raised, with the new count. */
  raised: Array<{ id: string; outlets: number }>;
}

/** A print id from parts (a feed and an item key; a URL; a text). */
export const printId = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/** A posted article's print id: its URL's when it has one, else its text's. */
export const postedPrintId = (result: IngestResult): string => (result.article.url ? printId('url', result.article.url) : printId('text', result.body));

/**
 * Add the articles' quotes to case `caseId` as candidates (against the case as it is when written, so a
 * quote in it already is not added twice), raise the outlets of candidates they carry from new outlets,
 * and store the articles' prints; in one revision written with `change` (its `expectedRevision`: a stale
 * one is a ConflictError and nothing is written). The revision's message is `change.message`, followed by
 * what the call did when it raised outlets or `describe` asks. Errors of `candidatesFromIngest` (an
 * undated article) propagate, with nothing written.
 */
export async function ingestIntoCase(store: Store, caseId: string, articles: ReadonlyArray<IngestedArticle>, change: ChangeInfo, opts: { describe?: boolean } = {}): Promise<CaseIngestResult> {
  const withQuotes = articles.filter((a) => a.result.quotes.length);
  if (!withQuotes.length) return { revision: (await store.getCaseJson(caseId)).revision, changed: false, added: articles.map(() => []), raised: [] };
  const prints = new PrintStore(store.db);
  const printed = withQuotes.map((a) => {
    const print = articlePrint(a.result.body);
    const quotes = [...new Set(a.result.quotes.map((q) => quoteKey(q.text)).filter(Boolean))].map(quoteHash);
    const article: NewArticle = { id: a.id, outlet: a.result.article.outlet ?? null, shingles: printShingles(print), quotes };
    return { a, article, print };
  });
  return withCaseLock(store, caseId, async () => {
    const unhold = await prints.hold(caseId);
    try {
      const over = groupOverTime(await prints.recent(caseId), printed.map((p) => p.article));
      const base = change.message;
      // The message says what the change did; it is set inside the change, which modifyCase runs before it writes the revision.
      const info: ChangeInfo = { ...change };
      // These articles are compared with the next ones (their groups as found now): their prints are
      // stored in the revision's own transaction (both or neither), or alone when no revision is written.
      const rows = printed.map((p, i) => ({
        id: p.article.id,
        group: over.groups[i],
        feedUrl: p.a.feedUrl,
        url: p.a.result.article.url ?? null,
        outlet: p.article.outlet,
        date: p.a.result.article.date ?? null,
        print: p.print,
        quotes: [...p.article.quotes],
      }));
      let out: CaseIngestResult;
      try {
        const written = await store.modifyCase(
          caseId,
          (cs) => {
            const raised = raiseOutlets(cs, over);
            const added = addCandidates(cs, articles, over);
            const n = added.reduce((s, x) => s + x.length, 0);
            // Every quote is in the case already and no count rose: no revision is written.
            if (!n && !raised.length) throw new NothingNew();
            if (raised.length || opts.describe) info.message = `${base ? `${base}: ` : ''}${n ? `${n} new candidate${n === 1 ? '' : 's'}` : 'no new candidates'}${raised.length ? `; independent outlets raised for ${raised.length}` : ''}`;
            return { added, raised };
          },
          info,
          { alsoWrite: (trx) => PrintStore.saveIn(trx, caseId, rows) },
        );
        out = { revision: written.revision, changed: true, ...written.value };
      } catch (e) {
        if (!(e instanceof NothingNew)) throw e;
        await prints.save(caseId, rows);
        out = { revision: (await store.getCaseJson(caseId)).revision, changed: false, added: articles.map(() => []), raised: [] };
      }
      return out;
    } finally {
      await unhold().catch(() => undefined);
    }
  });
}

/** Thrown inside a case change to write nothing. */
class NothingNew extends Error {}

/**
 * Raise the `outlets` of the case's candidate quotes that the new articles carry from outlets not
 * counted for them yet (syndication.ts outletsAdded). Returns the raised candidates with their new counts.
 */
function raiseOutlets(cs: Case, over: OverTime): Array<{ id: string; outlets: number }> {
  const up: Array<{ id: string; outlets: number }> = [];
  for (const e of cs.evidence) {
    if (e.status !== 'candidate' || e.kind !== 'quote') continue;
    const key = quoteKey(e.text);
    const c = key ? over.carriers.get(quoteHash(key)) : undefined;
    if (!c) continue;
    const more = outletsAdded(c.stored, c.fresh, e.outlet ?? null);
    if (more <= 0) continue;
    e.outlets = Math.min(10000, (e.outlets ?? 1) + more);
    up.push({ id: e.id, outlets: e.outlets });
  }
  return up;
}

/** The case's candidates from each article, added against the case as it is now. */
function addCandidates(cs: Case, articles: ReadonlyArray<IngestedArticle>, over: OverTime): Evidence[][] {
  // A new quote's count: the independent outlets among the stored and the new articles carrying it.
  const outlets = new Map<string, number>();
  for (const a of articles)
    for (const q of a.result.quotes) {
      const key = quoteKey(q.text);
      const c = key ? over.carriers.get(quoteHash(key)) : undefined;
      if (c && !outlets.has(key)) outlets.set(key, independentOutlets([...c.stored, ...c.fresh]));
    }
  return articles.map((a) => {
    if (!a.result.quotes.length) return [];
    const candidates = candidatesFromIngest(a.result, cs, { outlets });
    if (a.note) for (const x of candidates) x.note = `${x.note ? `${x.note}; ` : ''}${a.note}`.slice(0, 4000);
    cs.evidence.push(...candidates);
    return candidates;
  });
}

/** The writes of one case that touch its prints, one at a time in this process (the lease orders processes). */
const printLocks = new WeakMap<Store, Map<string, Promise<unknown>>>();
async function withCaseLock<T>(store: Store, caseId: string, work: () => Promise<T>): Promise<T> {
  let m = printLocks.get(store);
  if (!m) printLocks.set(store, (m = new Map()));
  const before = m.get(caseId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(work);
  const tail = run.catch(() => undefined);
  m.set(caseId, tail);
  try {
    return await run;
  } finally {
    if (m.get(caseId) === tail) m.delete(caseId);
  }
}
