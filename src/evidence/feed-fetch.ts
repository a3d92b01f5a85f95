/**
 * Fetching a feed: through the URL guard (src/net/url-guard.ts), with its status, type and size
 * checked. Shared by `parley ingest` (a feed URL) and the server's feed polling (src/server/feeds.ts).
 */
import { guardedFetch, UrlRefusedError, type UrlGuardOptions } from '../net/url-guard.ts';
import { ArticleInputError, decodeArticleBytes } from './input.ts';

export interface FeedFetchOptions {
  /** The URL guard's options (tests: `allowPrivate` for a feed server on 127.0.0.1). */
  guard?: UrlGuardOptions;
  /** Time allowed for fetching a feed, and for fetching each item's page (ms; default 15 s). */
  timeoutMs?: number;
  /** Largest feed accepted (bytes; default 5 MB). */
  maxFeedBytes?: number;
}

export const DEFAULT_FEED_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_FEED_BYTES = 5 * 1024 * 1024;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Fetch a feed's text through the URL guard: status, type and size checked, the timeout over the whole exchange. */
export async function fetchFeedText(url: string, opts: FeedFetchOptions = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const maxBytes = opts.maxFeedBytes ?? DEFAULT_MAX_FEED_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await guardedFetch(url, { signal: controller.signal, headers: { accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' } }, opts.guard ?? {});
    } catch (e) {
      if (e instanceof UrlRefusedError) throw e;
      if (controller.signal.aborted) throw new ArticleInputError(`${url}: no response within ${timeoutMs} ms`);
      const cause = (e as { cause?: { code?: string } }).cause;
      throw new ArticleInputError(`${url}: cannot fetch (${(e as { code?: string }).code ?? cause?.code ?? message(e)})`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new ArticleInputError(`${url}: the server answered ${res.status} ${res.statusText}`.trim());
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (/^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|json)$/.test(type)) {
      await res.body?.cancel().catch(() => undefined);
      throw new ArticleInputError(`${url}: the server sent ${type}, not a feed`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body?.getReader();
    for (;;) {
      if (!reader) break;
      let part: ReadableStreamReadResult<Uint8Array>;
      try {
        part = await reader.read();
      } catch {
        throw new ArticleInputError(controller.signal.aborted ? `${url}: the feed did not arrive within ${timeoutMs} ms` : `${url}: the connection broke while reading the feed`);
      }
      if (part.done) break;
      total += part.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ArticleInputError(`${url}: the feed is larger than the limit of ${maxBytes} bytes`);
      }
      chunks.push(part.value);
    }
    return decodeArticleBytes(Buffer.concat(chunks), url);
  } finally {
    clearTimeout(timer);
  }
}
