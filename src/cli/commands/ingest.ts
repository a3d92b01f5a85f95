/**
 * `parley ingest <file|URL|->`: read a news article (text, HTML or a URL) and print its quotes with
 * speakers, the sources it credits, its dates and actors; with `--case`, add its quotes to the case
 * as candidate evidence for review (`parley evidence`).
 */
import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { loadCaseFile } from '../../case/load.ts';
import {
  appendEvidence,
  ArticleInputError,
  candidatesFromIngest,
  decodeArticleBytes,
  fetchArticle,
  ingestArticle,
  ingestJson,
  MAX_ARTICLE_BYTES,
  splitHeader,
  looksLikeHtml,
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
    const page = await fetchArticle(source, { timeoutMs });
    return page.html !== undefined ? { html: page.html, url: page.url } : { ...textInput(page.text ?? ''), url: page.url };
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
  return looksLikeHtml(text) ? { html: text } : textInput(text);
}

function textInput(text: string): ArticleInput {
  const { header, body } = splitHeader(text);
  return { text: body, date: header.date, outlet: header.outlet, title: header.title, url: header.url && /^https?:\/\//.test(header.url) ? header.url : undefined };
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

export function register(program: Command): void {
  program
    .command('ingest')
    .description('find quotes with speakers, credited sources, dates and actors in a news article (text, HTML or URL); with --case, add them as candidate evidence')
    .argument('<source>', 'article file (text or HTML), an http(s) URL, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'publication date (default: the HTML metadata or the file header)')
    .option('--outlet <name>', 'the publisher (never counted as a cited source)')
    .option('--title <title>', 'article title')
    .option('--case <file>', 'case file: link speakers to actors and quotes to issues, and append the quotes as candidate evidence')
    .option('--format <format>', 'json or table', 'table')
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', '15000')
    .action((source: string, opts: IngestCliOptions) =>
      reportErrors(async () => {
        if (opts.format !== 'json' && opts.format !== 'table') throw new CliError(`--format must be json or table, not "${opts.format}"`, 2);
        if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new CliError(`--date must be YYYY-MM-DD, not "${opts.date}"`, 2);
        if (opts.date && Number.isNaN(Date.parse(`${opts.date}T00:00:00Z`))) throw new CliError(`--date ${opts.date} is not a calendar date`, 2);
        const timeoutMs = Number(opts.timeout);
        if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of milliseconds`, 2);
        const c = opts.case ? await loadCaseFile(opts.case) : undefined;
        let input: ArticleInput;
        let result: IngestResult;
        try {
          input = await readArticleSource(source, timeoutMs);
          result = ingestArticle({ ...input, date: opts.date ?? input.date, outlet: opts.outlet ?? input.outlet, title: opts.title ?? input.title }, { case: c });
        } catch (e) {
          if (e instanceof ArticleInputError) throw new CliError(e.message, 1);
          throw e;
        }
        let summary = '';
        if (c && opts.case) {
          let candidates;
          try {
            candidates = candidatesFromIngest(result, c);
          } catch (e) {
            if (e instanceof ArticleInputError) throw new CliError(`${source}: ${e.message}`, 1);
            throw e;
          }
          await appendEvidence(opts.case, candidates);
          const skipped = result.quotes.length - candidates.length;
          summary = `${opts.case}: added ${candidates.length} candidate evidence item${candidates.length === 1 ? '' : 's'}${skipped ? ` (${skipped} already in the case)` : ''}; review with: parley evidence ${opts.case} --status candidate\n`;
        }
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(ingestJson(result), null, 2)}\n`);
        else process.stdout.write(formatIngestTable(result));
        if (summary) process.stderr.write(summary);
      }),
    );
}
