/**
 * Checks on untrusted article input: size, binary content, encoding; and the optional header block
 * (`title: …`, `date: …`, `publisher: …` lines closed by a line `---`) that article files may carry.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { FetchedArticle } from './fetch.ts';
import type { ArticleInput } from './ingest.ts';

/** Largest article accepted, in bytes: far above any news article, small enough to process safely. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/** An article that cannot be read: too large, binary, or not text. The message names the input. */
export class ArticleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArticleInputError';
  }
}

/** Decode article bytes as UTF-8 text, refusing oversized and binary input with a clear message. */
export function decodeArticleBytes(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    throw new ArticleInputError(`${name}: the article is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB`);
  }
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bom, { stripBOM: true });
    const head = text.slice(0, 65536);
    const texty = (head.match(/[\p{L}\p{N}\p{P}\p{S}\s]/gu) ?? []).length - (head.match(/[\uFEFF\uFFFD]/g) ?? []).length;
    if (head.length && texty / head.length < 0.9) {
      throw new ArticleInputError(`${name}: the file starts with a ${bom.toUpperCase()} byte-order mark but is not ${bom.toUpperCase()} text (${head.length - texty} of the first ${head.length} characters are not text); this is not UTF-8 text either`);
    }
    return text;
  }
  const sample = bytes.subarray(0, Math.min(bytes.byteLength, 65536));
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new ArticleInputError(`${name}: this is a binary file, not article text or HTML`);
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (sample.length && control / sample.length > 0.05) throw new ArticleInputError(`${name}: this is a binary file, not article text or HTML`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: a single-byte legacy encoding, detected below, or refused
  }
  const guess = chardet.analyse(sample).find((m) => LEGACY_ENCODINGS.test(m.name));
  if (!guess || guess.confidence < 10) {
    const firstBad = firstInvalidUtf8(bytes);
    throw new ArticleInputError(`${name}: the file is not UTF-8 text and its encoding could not be told (first undecodable byte at offset ${firstBad}); save it as UTF-8`);
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), guess.name);
  if (text.includes('\uFFFD')) {
    throw new ArticleInputError(`${name}: the file is not UTF-8 text and its encoding could not be told (first undecodable byte at offset ${firstInvalidUtf8(bytes)}; as ${guess.name} it has bytes that mean nothing); save it as UTF-8`);
  }
  return text;
}

/** Single-byte encodings accepted when chardet names them: Windows code pages and ISO-8859 parts. */
const LEGACY_ENCODINGS = /^(?:windows-125[0-8]|ISO-8859-(?:[1-9]|1[0-6]))$/i;

/** The encoding a byte-order mark names (UTF-8, UTF-16LE, UTF-16BE), or undefined without one. */
function bomEncoding(b: Uint8Array): string | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Offset of the first byte that breaks UTF-8 (for the located error). */
function firstInvalidUtf8(b: Uint8Array): number {
  let lo = 0;
  let hi = b.length;
  const dec = (n: number): boolean => { try { new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, n)); return true; } catch { return false; } };
  // the longest valid prefix, by bisection (a prefix cut inside a character counts as invalid: off by at most 3)
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (dec(mid)) lo = mid; else hi = mid; }
  return lo;
}

export function checkArticleText(text: string, name: string): void {
  if (text.length > MAX_ARTICLE_BYTES) throw new ArticleInputError(`${name}: the article is longer than ${MAX_ARTICLE_BYTES / 1048576} MB`);
  if (text.includes('\u0000')) throw new ArticleInputError(`${name}: the article contains NUL characters (binary data?)`);
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<\?xml[^>]*>\s*<html)/i.test(text.slice(0, 2048)) || /<(?:p|div|article)[\s>][\s\S]*<\/(?:p|div|article)>/i.test(text.slice(0, 20000));
}

export interface ArticleHeader {
  title?: string;
  date?: string;
  outlet?: string;
  url?: string;
}

/**
 * Split a `key: value` header closed by a line that is exactly `---` from the body. Without such a
 * header the whole text is the body. Values in parentheses ("(none given)") count as absent.
 */
export function splitHeader(text: string): { header: ArticleHeader; body: string } {
  const m = /^((?:[A-Za-z_][\w-]*:[^\n]*\n){1,40})---\r?\n/.exec(text);
  if (!m) return { header: {}, body: text };
  const header: ArticleHeader = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([\w-]+):\s*(.*)$/.exec(line);
    if (!kv) continue;
    const value = kv[2].trim();
    if (!value || /^\(.*\)$/.test(value)) continue;
    const key = kv[1].toLowerCase();
    if (key === 'title' || key === 'headline') header.title = value;
    else if (key === 'date' || key === 'published') header.date = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
    else if (key === 'publisher' || key === 'outlet' || key === 'source') header.outlet = value;
    else if (key === 'url') header.url = value;
  }
  return { header, body: text.slice(m[0].length) };
}

/**
 * The one article-input path of the CLI (`parley ingest`) and the API (`POST /api/ingest`): the text
 * of a file, of standard input or pasted into the dashboard becomes an ingest input here. An HTML
 * page is passed on as a page (the article is extracted from it); anything else is a header block
 * and the body, the header's fields filling in the date, outlet, title and (http/https only) URL.
 */
export function articleFromText(text: string): ArticleInput {
  return looksLikeHtml(text) ? { html: text } : textWithHeader(text);
}

/** A fetched page as an ingest input, with the URL it was read from (after redirects). */
export function articleFromPage(page: FetchedArticle): ArticleInput {
  return page.html !== undefined ? { html: page.html, url: page.url } : { ...textWithHeader(page.text ?? ''), url: page.url };
}

function textWithHeader(text: string): ArticleInput {
  const { header, body } = splitHeader(text);
  const input: ArticleInput = { text: body };
  if (header.date !== undefined) input.date = header.date;
  if (header.outlet !== undefined) input.outlet = header.outlet;
  if (header.title !== undefined) input.title = header.title;
  if (header.url && /^https?:\/\//.test(header.url)) input.url = header.url;
  return input;
}
