/**
 * `parley ingest <file|dir|URL|->...`: read news articles (text, HTML or a URL) and print their
 * quotes with speakers, the sources they credit, their dates and actors; with `--case`, add the
 * quotes to the case as candidate evidence for review (`parley evidence`). Many articles run in one
 * process (the NLP libraries load once); a folder stands for its article files. One article that
 * cannot be read is reported and the others still run.
 */
import type { Command } from 'commander';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCaseFile } from '../../case/load.ts';
import type { Case } from '../../case/schema.ts';
import {
  appendEvidence,
  ArticleInputError,
  candidatesFromIngest,
  decodeArticleBytes,
  fetchArticle,
  ingestArticle,
  ingestJson,
  MAX_ARTICLE_BYTES,
  articleFromPage,
  articleFromText,
  type ArticleInput,
  type IngestResult,
} from '../../evidence/index.ts';
import { CliError, reportErrors } from '../errors.ts';

interface IngestCliOptions {
  date?: string;
  outlet?: string;
  title?: string;
  case?: string;
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

/** Read the article named on the command line into an ingest input. */
export async function readArticleSource(source: string, timeoutMs: number): Promise<ArticleInput> {
  if (/^https?:\/\//i.test(source)) {
    return articleFromPage(await fetchArticle(source, { timeoutMs }));
  }
  let bytes: Uint8Array;
  if (source === '-') bytes = await readStdin();
  else {
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
    bytes = await readFile(source);
  }
  const text = decodeArticleBytes(bytes, source === '-' ? 'standard input' : source);
  return articleFromText(text);
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
  if (e instanceof ArticleInputError) return new CliError(e.message.startsWith(source) ? e.message : `${source}: ${e.message}`, 1);
  throw e;
}

interface Ingested {
  source: string;
  result: IngestResult;
  /** Candidate evidence items added to the case, and quotes it already had. */
  added?: number;
  skipped?: number;
}

/** Ingest one article; with a case, append its quotes and return the case as it now is. */
async function ingestOne(source: string, opts: IngestCliOptions, timeoutMs: number, c: Case | undefined): Promise<{ done: Ingested; case?: Case }> {
  let result: IngestResult;
  try {
    const input = await readArticleSource(source, timeoutMs);
    result = ingestArticle({ ...input, date: opts.date ?? input.date, outlet: opts.outlet ?? input.outlet, title: opts.title ?? input.title }, { case: c });
  } catch (e) {
    throw articleError(source, e);
  }
  if (!c || !opts.case) return { done: { source, result } };
  let candidates;
  try {
    candidates = candidatesFromIngest(result, c);
  } catch (e) {
    throw articleError(source, e);
  }
  // The case as written is the one the next article is checked against (ids, repeated quotes).
  const updated = await appendEvidence(opts.case, candidates);
  return { done: { source, result, added: candidates.length, skipped: result.quotes.length - candidates.length }, case: updated };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'find quotes with speakers, credited sources, dates and actors in news articles (text, HTML or URL); with --case, add them as candidate evidence. ' +
        'Many articles run in one process; a folder stands for its .txt, .html, .htm and .md files (sorted); an article that cannot be read is reported and the others still run',
    )
    .argument('<source...>', 'article files (text or HTML), folders of them, http(s) URLs, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'publication date (default: the HTML metadata or the file header)')
    .option('--outlet <name>', 'the publisher (never counted as a cited source)')
    .option('--title <title>', 'article title')
    .option('--case <file>', 'case file: link speakers to actors and quotes to issues, and append the quotes as candidate evidence')
    .option('--format <format>', 'json or table (several articles: a JSON array, each with its "source")', 'table')
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', '15000')
    .action((sources: string[], opts: IngestCliOptions) =>
      reportErrors(async () => {
        if (opts.format !== 'json' && opts.format !== 'table') throw new CliError(`--format must be json or table, not "${opts.format}"`, 2);
        if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new CliError(`--date must be YYYY-MM-DD, not "${opts.date}"`, 2);
        if (opts.date && Number.isNaN(Date.parse(`${opts.date}T00:00:00Z`))) throw new CliError(`--date ${opts.date} is not a calendar date`, 2);
        const timeoutMs = Number(opts.timeout);
        if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of milliseconds`, 2);
        if (sources.filter((s) => s === '-').length > 1) throw new CliError('standard input (-) can be read only once', 2);
        let c = opts.case ? await loadCaseFile(opts.case) : undefined;
        const articles = await expandSources(sources);

        // One article: its output and its error exactly as they have always been.
        if (articles.length === 1 && !articles[0].error && articles[0].source === sources[0]) {
          const { done } = await ingestOne(articles[0].source, opts, timeoutMs, c);
          if (opts.format === 'json') process.stdout.write(`${JSON.stringify(ingestJson(done.result), null, 2)}\n`);
          else process.stdout.write(formatIngestTable(done.result));
          if (opts.case && done.added !== undefined) {
            process.stderr.write(
              `${opts.case}: added ${plural(done.added, 'candidate evidence item')}${done.skipped ? ` (${done.skipped} already in the case)` : ''}; review with: parley evidence ${opts.case} --status candidate\n`,
            );
          }
          return;
        }

        // Several: each article in turn; a failed one is reported on stderr and the rest go on.
        const json: unknown[] = [];
        let failed = 0;
        let added = 0;
        for (const { source, error } of articles) {
          let done: Ingested;
          try {
            if (error) throw new CliError(error, 1);
            const r = await ingestOne(source, opts, timeoutMs, c);
            done = r.done;
            if (r.case) c = r.case;
          } catch (e) {
            failed++;
            process.stderr.write(`${articleError(source, e).message}\n`);
            continue;
          }
          if (opts.format === 'json') json.push({ source, ...ingestJson(done.result) });
          else process.stdout.write(`== ${source}\n${formatIngestTable(done.result)}\n`);
          if (done.added !== undefined) {
            added += done.added;
            process.stderr.write(`${source}: added ${plural(done.added, 'candidate evidence item')} to ${opts.case}${done.skipped ? ` (${done.skipped} already in the case)` : ''}\n`);
          }
        }
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        if (opts.case && added) process.stderr.write(`review with: parley evidence ${opts.case} --status candidate\n`);
        if (failed) throw new CliError(`${failed} of ${plural(articles.length, 'article')} could not be ingested (above)`, 1);
      }),
    );
}
