/**
 * `parley ingest <file|dir|feed|URL|->...`: read news articles (text, HTML, an RSS/Atom feed's items
 * or a URL) and print their quotes with speakers, the sources they credit, their dates and actors;
 * with `--case`, add the quotes to the case as candidate evidence for review (`parley evidence`).
 * Many articles run in one process (the NLP libraries load once); a folder stands for its article
 * files; a feed (recognised by its root element, whatever the file is called) for its items, each
 * ingested from its full content or else from its page, fetched through the URL guard a few at a
 * time. One article that cannot be read is reported and the others still run. Syndicated copies of
 * one story are grouped (src/evidence/syndication.ts) and, with --case, a quote's `outlets` counts
 * the independent groups that carry it. On a terminal, stderr shows a progress bar.
 */
import type { Command } from 'commander';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Case } from '../../case/schema.ts';
import { ingestArticle, ingestJson, type ArticleInput, type IngestResult } from '../../evidence/ingest.ts';
import { ArticleInputError, articleFromPage, articleFromText, decodeArticleBytes, MAX_ARTICLE_BYTES } from '../../evidence/input.ts';
import { isFullContent, looksLikeFeed, parseFeed, type Feed, type FeedItem } from '../../evidence/feeds.ts';
import { groupSyndicated, outletsByQuote, type Syndication } from '../../evidence/syndication.ts';
import { CliError, reportErrors } from '../errors.ts';
import { redact } from '../options.ts';

/**
 * Loaded on first use (start-up, docs/benchmarks.md): the network (node:http, node:https, the URL
 * guard) only for a URL, and the case file's reading and writing (yaml, zod) only with --case, so that
 * ingesting files does not compile and run them at every start.
 */
let UrlRefused: (abstract new (...args: never[]) => Error) | undefined;
async function network() {
  const [fetch, feedFetch, guard] = await Promise.all([import('../../evidence/fetch.ts'), import('../../evidence/feed-fetch.ts'), import('../../net/url-guard.ts')]);
  UrlRefused = guard.UrlRefusedError;
  return { ...fetch, ...feedFetch };
}
/** With --db: the store, its ingest step (src/store/case-ingest.ts) and the candidates' checks. */
const storeModules = async () => {
  const [store, caseIngest, candidates] = await Promise.all([import('../../store/index.ts'), import('../../store/case-ingest.ts'), import('../../evidence/candidates.ts')]);
  return { ...store, ...caseIngest, ...candidates };
};
const caseModules = async () => {
  const [load, candidates, caseFile] = await Promise.all([import('../../case/load.ts'), import('../../evidence/candidates.ts'), import('../../evidence/case-file.ts')]);
  return { ...load, ...candidates, ...caseFile };
};

interface IngestCliOptions {
  date?: string;
  outlet?: string;
  title?: string;
  case?: string;
  db?: string;
  author: string;
  format: string;
  timeout: string;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).byteLength;
    if (total > MAX_ARTICLE_BYTES) throw new ArticleInputError(`standard input: the article is larger than ${MAX_ARTICLE_BYTES / 1048576} MB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The bytes of a file named on the command line (`-`: standard input), size-checked. */
async function readSourceBytes(source: string): Promise<Uint8Array> {
  if (source === '-') return readStdin();
  let size: number;
  try {
    const s = await stat(source);
    if (!s.isFile()) throw new CliError(`${source}: not a file`, 1);
    size = s.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${source}: ${code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})`}`, 1);
  }
  if (size > MAX_ARTICLE_BYTES) throw new CliError(`${source}: the article is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB`, 1);
  return readFile(source);
}

/** src/server/feeds.ts, or its compiled dist/server/feeds.js when this runs from dist/. */
/** A feed's content types, which fetchArticle (HTML and text only) refuses. */
const FEED_TYPE_REFUSED = /the page is (?:application\/(?:rss|atom|rdf)\+xml|application\/xml|text\/xml),/;

/** What a source holds: one article, or a feed (recognised by its root element, not by its name). */
export type SourceContent = { article: ArticleInput } | { feed: Feed };

export async function readSource(source: string, timeoutMs: number): Promise<SourceContent> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const { fetchArticle, FetchArticleError, fetchFeedText } = await network();
    let page;
    try {
      page = await fetchArticle(source, { timeoutMs });
    } catch (e) {
      if (!(e instanceof FetchArticleError && FEED_TYPE_REFUSED.test(e.message))) throw e;
      // an XML feed: fetched through the URL guard, as the server fetches a case's feeds
      return { feed: parseFeed(await fetchFeedText(source, { timeoutMs, guard: {} }), source) };
    }
    const body = page.html ?? page.text ?? '';
    return looksLikeFeed(body) ? { feed: parseFeed(body, source) } : { article: articleFromPage(page) };
  }
  text = decodeArticleBytes(await readSourceBytes(source), source === '-' ? 'standard input' : source);
  return looksLikeFeed(text) ? { feed: parseFeed(text, source === '-' ? 'standard input' : source) } : { article: articleFromText(text) };
}

/** Read the article named on the command line into an ingest input (a feed is an error here). */
export async function readArticleSource(source: string, timeoutMs: number): Promise<ArticleInput> {
  const content = await readSource(source, timeoutMs);
  if ('feed' in content) throw new ArticleInputError(`${source}: this is a feed, not an article`);
  return content.article;
}

const dash = (s: string | null | undefined): string => s ?? '-';

export function formatIngestTable(r: IngestResult): string {
  const lines: string[] = [];
  lines.push(`article: ${dash(r.article.title)} | ${dash(r.article.outlet)} | ${dash(r.article.date)}${r.article.url ? ` | ${r.article.url}` : ''}`);
  lines.push(`quotes (${r.quotes.length}):`);
  for (const q of r.quotes) {
    const who = q.speaker ? `${q.speaker}${q.speakerMention && q.speakerMention !== q.speaker ? ` ("${q.speakerMention}")` : ''}` : '(speaker unknown)';
    const extra = [q.cue ? `cue: ${q.cue}` : '', q.actor ? `actor: ${q.actor}` : '', q.issues.length ? `issues: ${q.issues.join(', ')}` : ''].filter(Boolean).join('; ');
    lines.push(`  ${q.partial ? 'part' : 'full'} ${q.start}-${q.end} ${who}: "${q.text.replace(/\s+/g, ' ')}"${extra ? `  [${extra}]` : ''}`);
  }
  lines.push(`sources: ${r.sources.join(', ') || '-'}`);
  lines.push(`actors: ${r.actors.join(', ') || '-'}`);
  lines.push(`dates: ${r.dates.map((d) => `${d.text} = ${dash(d.resolved)}`).join('; ') || '-'}`);
  return `${lines.join('\n')}\n`;
}

/** The file names a folder stands for: its article files (not its subfolders), sorted by name. */
const ARTICLE_FILE = /\.(txt|html?|md)$/i;

/**
 * The articles the command line names, in order: a folder becomes its article files (sorted), every
 * other argument (a file, a URL, `-`) stays itself. A folder without article files is an error of
 * its own, so that a mistyped folder is not silently nothing.
 */
export async function expandSources(sources: string[]): Promise<Array<{ source: string; error?: string }>> {
  const out: Array<{ source: string; error?: string }> = [];
  for (const source of sources) {
    if (source === '-' || /^https?:\/\//i.test(source)) {
      out.push({ source });
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(source)).isDirectory();
    } catch {
      // a missing file is reported when it is read, with the same message as for one article
    }
    if (!isDir) {
      out.push({ source });
      continue;
    }
    const names = (await readdir(source, { withFileTypes: true }))
      .filter((d) => d.isFile() && ARTICLE_FILE.test(d.name))
      .map((d) => d.name)
      .sort();
    if (!names.length) out.push({ source, error: `${source}: a folder without article files (.txt, .html, .htm, .md)` });
    for (const name of names) out.push({ source: join(source, name) });
  }
  return out;
}

/** The user-facing message of an error from one article, or the error itself when it is a bug. */
function articleError(source: string, e: unknown): CliError {
  if (e instanceof CliError) return e;
  if (e instanceof ArticleInputError || (UrlRefused && e instanceof UrlRefused)) return new CliError(e.message.startsWith(source) ? e.message : `${source}: ${e.message}`, 1);
  throw e;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One article of the run: a file, a URL, or an item of a feed. */
interface Job {
  /** The article's name in the output: its file or URL; a feed item's link (else `feed#id`). */
  source: string;
  /** The feed it came from. */
  feed?: string;
  input?: ArticleInput;
  /** A feed item without full content: its page is fetched (through the URL guard). */
  fetch?: { url: string; fallback: ArticleInput | undefined };
  result?: IngestResult;
  error?: string;
}

/** The stored case `id` in database `url` (with the store modules), or a CliError saying why not. */
async function openStoredCase(url: string, id: string) {
  const modules = await storeModules();
  let store: import('../../store/index.ts').Store;
  try {
    store = await modules.createStore(url);
  } catch (e) {
    throw new CliError(`cannot open the database ${redact(url)}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  try {
    return { store, modules, case: (await store.getCase(id)).case };
  } catch (e) {
    await store.close();
    if (e instanceof modules.NotFoundError) throw new CliError(`${redact(url)} has no case "${id}" (with --db, --case names a stored case: parley db list --db ${redact(url)})`, 1);
    throw e;
  }
}

/** Feed items' pages fetched at once. */
export const FETCH_CONCURRENCY = 4;

/** The progress line: articles done of the total, the rate, the errors (`elapsedMs` since the start). */
export function progressLine(done: number, total: number, errors: number, elapsedMs: number, width = 24): string {
  const filled = total ? Math.round((width * done) / total) : 0;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} articles, ${rate.toFixed(rate < 10 ? 1 : 0)}/s, ${plural(errors, 'error')}`;
}

/**
 * Progress on a terminal's stderr (nothing at all when stderr is not a terminal, so piped and JSON
 * output stay clean): redrawn at most every 100 ms; a message is written above the bar.
 */
export function progress(stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr, active = true) {
  let tty = active && stream.isTTY === true;
  const start = performance.now();
  let last = 0;
  let state = { done: 0, total: 0, errors: 0 };
  const draw = (force = false) => {
    const now = performance.now();
    if (!tty || (!force && now - last < 100)) return;
    last = now;
    stream.write(`\r\x1b[K${progressLine(state.done, state.total, state.errors, now - start)}`);
  };
  return {
    update(next: Partial<typeof state>) {
      state = { ...state, ...next };
      draw(state.done === state.total);
    },
    /** A message (an error, a note) on its own line. */
    say(line: string) {
      stream.write(tty ? `\r\x1b[K${line}\n` : `${line}\n`);
      draw(true);
    },
    end() {
      if (tty) stream.write(`\r\x1b[K${progressLine(state.done, state.total, state.errors, performance.now() - start)}\n`);
      tty = false;
    },
    /** Turn the bar on (a run that turned out to be more than one article). */
    activate() {
      tty = stream.isTTY === true;
    },
  };
}

/** A feed item as an ingest input, or the page to fetch for it; the feed's fields fill in the article's. */
function itemJob(feedSource: string, feed: Feed, item: FeedItem): Job {
  const source = item.link ?? `${feedSource}#${item.id}`;
  const meta: ArticleInput = {};
  if (item.published) meta.date = item.published;
  if (item.title) meta.title = item.title;
  const outlet = item.source ?? feed.title;
  if (outlet) meta.outlet = outlet;
  if (item.link) meta.url = item.link;
  const text = item.content ?? item.summary ?? '';
  const own: ArticleInput | undefined = text ? { ...meta, text } : undefined;
  if (isFullContent(item) || !item.link) return own ? { source, feed: feedSource, input: own } : { source, feed: feedSource, error: `${source}: the feed item has no text and no link` };
  return { source, feed: feedSource, fetch: { url: item.link, fallback: own }, input: meta };
}

/** Run `work` over `items` with at most `limit` at once, in order of start. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

/** How the JSON output names syndicated copies: each article's group, the first copy's list of the others. */
function syndicationFields(job: Job, syndication: Syndication, led: Map<string, Syndication['groups'][number]>, index: number, jobs: Job[]) {
  const group = syndication.groupOf.get(String(index));
  const groupSource = group === undefined ? job.source : jobs[Number(group)].source;
  const own = led.get(String(index));
  return { syndicationGroup: groupSource, ...(own ? { syndicatedCopies: own.members.slice(1).map((m) => ({ source: jobs[Number(m.id)].source, similarity: m.similarity })) } : {}) };
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'find quotes with speakers, credited sources, dates and actors in news articles (text, HTML, RSS/Atom feeds or URLs); with --case, add them as candidate evidence. ' +
        'Many articles run in one process; a folder stands for its .txt, .html, .htm and .md files (sorted); a feed for its items; an article that cannot be read is reported and the others still run; ' +
        'syndicated copies of one story are grouped, and counted once as outlets',
    )
    .argument('<source...>', 'article files (text or HTML), folders of them, RSS/Atom feed files, http(s) URLs of articles or feeds, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'publication date (default: the HTML metadata, the file header or the feed item)')
    .option('--outlet <name>', 'the publisher (never counted as a cited source)')
    .option('--title <title>', 'article title')
    .option('--case <file>', 'case file (with --db: a stored case\'s id): link speakers to actors and quotes to issues, and append the quotes as candidate evidence')
    .option('--db <url>', 'add to the stored case --case names in this database (a SQLite file or postgres://…), as the server does: the articles are kept as prints, so a later run\'s copy adds no outlet and another outlet\'s own report raises the count')
    .option('--author <name>', 'with --db: who made the change', process.env.USER ?? 'cli')
    .option('--format <format>', 'json or table (several articles: a JSON array, each with its "source" and "syndicationGroup")', 'table')
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', '15000')
    .action((sources: string[], opts: IngestCliOptions) =>
      reportErrors(async () => {
        if (opts.format !== 'json' && opts.format !== 'table') throw new CliError(`--format must be json or table, not "${opts.format}"`, 2);
        if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new CliError(`--date must be YYYY-MM-DD, not "${opts.date}"`, 2);
        if (opts.date && Number.isNaN(Date.parse(`${opts.date}T00:00:00Z`))) throw new CliError(`--date ${opts.date} is not a calendar date`, 2);
        const timeoutMs = Number(opts.timeout);
        if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of milliseconds`, 2);
        if (sources.filter((s) => s === '-').length > 1) throw new CliError('standard input (-) can be read only once', 2);
        if (opts.db !== undefined && !opts.case) throw new CliError('--db needs --case <id>: the stored case to add the quotes to (parley db list --db URL lists them)', 2);
        const stored = opts.db !== undefined ? await openStoredCase(opts.db, opts.case!) : undefined;
        try {
          const withCase = opts.case && !stored ? await caseModules() : undefined;
          const c = stored ? stored.case : opts.case && withCase ? await withCase.loadCaseFile(opts.case) : undefined;
          const expanded = await expandSources(sources);
          const withOptions = (input: ArticleInput): ArticleInput => ({ ...input, date: opts.date ?? input.date, outlet: opts.outlet ?? input.outlet, title: opts.title ?? input.title });

          // One article (not a feed): its output and its error exactly as they have always been.
          const oneSource = sources.length === 1 && expanded.length === 1 && expanded[0].source === sources[0] && !expanded[0].error;
          // one article needs no bar; a feed given alone turns it on when it is read
          const bar = progress(process.stderr, !oneSource);
          const report = (job: Job) => {
            if (!single) bar.say(job.error!);
          };
          const status = () => bar.update({ done, total: jobs.length, errors: jobs.filter((j) => j.error).length });

          // 1. Every source read: an article, or a feed's items.
          const jobs: Job[] = [];
          let single = oneSource;
          let done = 0;
          for (const { source, error } of expanded) {
            let added: Job[];
            try {
              if (error) throw new CliError(error, 1);
              const content = await readSource(source, timeoutMs);
              if ('article' in content) added = [{ source, input: content.article }];
              else {
                single = false;
                bar.activate();
                added = content.feed.items.length ? content.feed.items.map((item) => itemJob(source, content.feed, item)) : [{ source, error: `${source}: the feed has no items` }];
              }
            } catch (e) {
              const message = articleError(source, e).message;
              if (oneSource) throw new CliError(message, 1);
              added = [{ source, error: message }];
            }
            for (const job of added) {
              jobs.push(job);
              if (job.error) {
                done++;
                report(job);
              }
            }
            status();
          }

          // 2. Feed items without their full text: their pages, a few at a time, through the URL guard.
          const toFetch = jobs.filter((j) => j.fetch);
          const { fetchArticle } = toFetch.length ? await network() : { fetchArticle: undefined };
          await inPool(toFetch, FETCH_CONCURRENCY, async (job) => {
            const { url, fallback } = job.fetch!;
            try {
              const page = articleFromPage(await fetchArticle!(url, { timeoutMs, guard: {} }));
              // the feed's date, title and outlet are the item's; the page's own fill in what it lacks
              job.input = { ...page, date: job.input?.date ?? page.date, title: job.input?.title ?? page.title, outlet: job.input?.outlet ?? page.outlet };
            } catch (e) {
              const why = articleError(job.source, e).message;
              if (fallback) {
                job.input = fallback;
                bar.say(`${why} (the feed's own text was used)`);
              } else {
                job.error = why;
                done++;
                report(job);
                status();
              }
            }
          });

          // 3. Every article ingested, in order.
          for (const job of jobs) {
            if (job.error) continue;
            try {
              job.result = ingestArticle(withOptions(job.input!), { case: c });
            } catch (e) {
              job.error = articleError(job.source, e).message;
              if (single) throw new CliError(job.error, 1);
              report(job);
            }
            done++;
            status();
          }
          bar.end();

          // 4. Syndicated copies grouped; a quote's outlets are the independent groups carrying it.
          const ok = jobs.map((j, i) => [j, i] as const).filter(([j]) => j.result);
          // (the outlets per quote only matter for a case's candidates: without one, the groups alone)
          const { syndication: grouped, outlets } = withCase
            ? outletsByQuote(
                ok.map(([j]) => ({ text: j.result!.body, outlet: j.result!.article.outlet, quotes: j.result!.quotes })),
                withCase.quoteKey,
              )
            : { syndication: groupSyndicated(ok.map(([j], i) => ({ id: String(i), text: j.result!.body }))), outlets: undefined };
          // the groups by job index (outletsByQuote numbers the successful articles alone)
          const jobIndex = (id: string) => String(ok[Number(id)][1]);
          const syndication: Syndication = {
            groupOf: new Map([...grouped.groupOf].map(([k, v]) => [jobIndex(k), jobIndex(v)])),
            groups: grouped.groups.map((g) => ({ id: jobIndex(g.id), members: g.members.map((m) => ({ id: jobIndex(m.id), similarity: m.similarity })) })),
          };

          // 5. With a case: the candidates of every article, each checked against the case and the candidates before it; one write.
          const counts = new Map<Job, { added: number; skipped: number }>();
          if (c && opts.case && withCase) {
            const { quoteKey, candidatesFromIngest, appendEvidence } = withCase;
            const known = { quotes: new Set(c.evidence.map((e) => quoteKey(e.text))), ids: new Set(c.evidence.map((e) => e.id)) };
            const all = [];
            for (const [job] of ok) {
              let candidates;
              try {
                candidates = candidatesFromIngest(job.result!, c, { outlets, known });
              } catch (e) {
                job.error = articleError(job.source, e).message;
                if (single) throw new CliError(job.error, 1);
                report(job);
                continue;
              }
              all.push(...candidates);
              counts.set(job, { added: candidates.length, skipped: job.result!.quotes.length - candidates.length });
            }
            await appendEvidence(opts.case, all);
          }
          // 5'. With --db: the articles into the stored case, grouped with its prints (one revision).
          let raised: Array<{ id: string; outlets: number }> = [];
          if (stored) {
            const { ingestIntoCase, postedPrintId, datedOrThrow } = stored.modules;
            const articles = [];
            const from: Job[] = [];
            for (const [job] of ok) {
              try {
                datedOrThrow(job.result!); // the article's own error (no date), before anything is written
              } catch (e) {
                job.error = articleError(job.source, e).message;
                if (single) throw new CliError(job.error, 1);
                report(job);
                continue;
              }
              articles.push({ id: postedPrintId(job.result!), result: job.result!, feedUrl: job.feed ?? null });
              from.push(job);
            }
            const n = articles.length;
            const r = await ingestIntoCase(stored.store, opts.case!, articles, { author: opts.author, message: `parley ingest: ${plural(n, 'article')}` }, { describe: true });
            r.added.forEach((list, k) => counts.set(from[k], { added: list.length, skipped: from[k].result!.quotes.length - list.length }));
            raised = r.raised;
          }
          const where = stored ? `${opts.case} (${redact(opts.db!)})` : opts.case;
          const review = stored ? `parley evidence ${opts.case} --db ${redact(opts.db!)} --status candidate` : `parley evidence ${opts.case} --status candidate`;
          if (raised.length) process.stderr.write(`${where}: independent outlets raised for ${plural(raised.length, 'candidate')} (${raised.map((x) => `${x.id}: ${x.outlets}`).join(', ')})\n`);

          if (single) {
            const result = jobs[0].result!;
            if (opts.format === 'json') process.stdout.write(`${JSON.stringify(ingestJson(result), null, 2)}\n`);
            else process.stdout.write(formatIngestTable(result));
            const n = counts.get(jobs[0]);
            if (opts.case && n) {
              process.stderr.write(`${where}: added ${plural(n.added, 'candidate evidence item')}${n.skipped ? ` (${n.skipped} already in the case)` : ''}; review with: ${review}\n`);
            }
            return;
          }
          // 6. Output: each article with its source and syndication group.
          const json: unknown[] = [];
          const led = new Map(syndication.groups.map((g) => [g.id, g]));
          let added = 0;
          for (const [job, i] of ok) {
            if (job.error) continue;
            const syn = syndicationFields(job, syndication, led, i, jobs);
            if (opts.format === 'json') json.push({ source: job.source, ...(job.feed ? { feed: job.feed } : {}), ...syn, ...ingestJson(job.result!) });
            else {
              const copyOf = syn.syndicationGroup !== job.source ? `syndicated copy of: ${syn.syndicationGroup}\n` : '';
              process.stdout.write(`== ${job.source}\n${copyOf}${formatIngestTable(job.result!)}\n`);
            }
            const n = counts.get(job);
            if (n) {
              added += n.added;
              process.stderr.write(`${job.source}: added ${plural(n.added, 'candidate evidence item')} to ${where}${n.skipped ? ` (${n.skipped} already in the case)` : ''}\n`);
            }
          }
          if (opts.format === 'json') process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
          else if (syndication.groups.length) {
            process.stdout.write(`syndicated copies (${plural(syndication.groups.length, 'group')}):\n`);
            for (const g of syndication.groups) process.stdout.write(`  ${g.members.map((m) => `${jobs[Number(m.id)].source}${m.similarity < 1 ? ` (${m.similarity})` : ''}`).join(', ')}\n`);
          }
          if (opts.case && added) process.stderr.write(`review with: ${review}\n`);
          const failed = jobs.filter((j) => j.error).length;
          if (failed) throw new CliError(`${failed} of ${plural(jobs.length, 'article')} could not be ingested (above)`, 1);
        } finally {
          await stored?.store.close();
        }
      }),
    );
}
