/**
 * Fetching an article by URL for ingestion: http(s) only, a timeout over the whole exchange, a size
 * limit enforced while streaming (not trusted from Content-Length alone), and a content-type check,
 * each failing with a message that says what went wrong. Redirects are followed one hop at a time so
 * that every target can be checked (`checkUrl`) before it is requested.
 */
import { ArticleInputError, decodeArticleBytes, MAX_ARTICLE_BYTES } from './input.ts';
import { guardedFetch, UrlRefusedError, type UrlGuardOptions } from '../net/url-guard.ts';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Called with the URL and with every redirect target before it is requested; throws to refuse one
   * (the server refuses loopback and private addresses, so a public page cannot redirect it inward).
   */
  checkUrl?: (url: string) => Promise<void>;
  /**
   * Fetch through the URL guard (src/net/url-guard.ts): every hop's address checked and the
   * connection pinned to it. The server always sets it; the CLI fetches on its user's own behalf.
   */
  guard?: UrlGuardOptions;
}

/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;

export interface FetchedArticle {
  url: string;
  contentType: string;
  /** Set for HTML pages. */
  html?: string;
  /** Set for plain-text pages. */
  text?: string;
}

export class FetchArticleError extends ArticleInputError {}

const ACCEPTED = /^(?:text\/html|application\/xhtml\+xml|text\/plain)$/i;

export async function fetchArticle(url: string, options: FetchOptions = {}): Promise<FetchedArticle> {
  const timeoutMs = options.timeoutMs ?? 15000;
  const maxBytes = Math.min(options.maxBytes ?? 5 * 1024 * 1024, MAX_ARTICLE_BYTES);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchArticleError(`${url}: not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchArticleError(`${url}: only http and https URLs can be fetched`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    let target = parsed;
    for (let hops = 0; ; hops++) {
      await options.checkUrl?.(target.href);
      try {
        const headers = { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9' };
        response = options.guard ? await guardedFetch(target, { signal: controller.signal, redirect: 'manual', headers }, options.guard) : await fetch(target, { signal: controller.signal, redirect: 'manual', headers });
      } catch (e) {
        if (e instanceof UrlRefusedError) throw new FetchArticleError(e.message);
        if (controller.signal.aborted) throw new FetchArticleError(`${url}: no response within ${timeoutMs} ms`);
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new FetchArticleError(`${url}: cannot fetch (${cause?.code ?? cause?.message ?? (e as Error).message})`);
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) break;
      await response.body?.cancel().catch(() => undefined);
      if (hops === MAX_REDIRECTS) throw new FetchArticleError(`${url}: more than ${MAX_REDIRECTS} redirects`);
      let next: URL;
      try {
        next = new URL(location, target);
      } catch {
        throw new FetchArticleError(`${url}: redirected to an invalid URL (${location})`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FetchArticleError(`${url}: redirected to ${next.protocol} (only http and https are fetched)`);
      target = next;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchArticleError(`${url}: the server answered ${response.status} ${response.statusText}`.trim());
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    if (!ACCEPTED.test(contentType)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchArticleError(`${url}: the page is ${contentType || 'of no stated type'}, not HTML or plain text`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchArticleError(`${url}: the page is ${declared} bytes; the limit is ${maxBytes}`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        let part: ReadableStreamReadResult<Uint8Array>;
        try {
          part = await reader.read();
        } catch {
          throw new FetchArticleError(controller.signal.aborted ? `${url}: the page did not arrive within ${timeoutMs} ms` : `${url}: the connection broke while reading the page`);
        }
        if (part.done) break;
        total += part.value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FetchArticleError(`${url}: the page is larger than the limit of ${maxBytes} bytes`);
        }
        chunks.push(part.value);
      }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    const body = decodeArticleBytes(bytes, url);
    const finalUrl = target.href;
    return /plain/i.test(contentType) ? { url: finalUrl, contentType, text: body } : { url: finalUrl, contentType, html: body };
  } finally {
    clearTimeout(timer);
  }
}
