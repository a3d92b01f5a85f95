/**
 * Evidence from news articles: the public API the CLI and the HTTP server call.
 *
 * - `ingestArticle({text | html, date, outlet, title, url}, {case})` → quotes, speakers, sources,
 *   dates, actors and issues (pure);
 * - `fetchArticle(url, {timeoutMs, maxBytes})` → the page (HTML or text), with limits;
 * - `candidatesFromIngest(result, case)` → candidate evidence items, deduplicated against the case.
 */
export { ingestArticle, ingestJson, type ArticleInput, type IngestOptions, type IngestQuote, type IngestResult } from './ingest.ts';
export { fetchArticle, FetchArticleError, type FetchedArticle, type FetchOptions } from './fetch.ts';
export { candidatesFromIngest } from './candidates.ts';
export { ArticleInputError, MAX_ARTICLE_BYTES, articleFromPage, articleFromText, decodeArticleBytes, splitHeader, looksLikeHtml } from './input.ts';
export { appendEvidence, setEvidenceStatus, EvidenceNotFoundError, writeFileAtomic } from './case-file.ts';
export { scoreEvalDir, scoreIngest, formatScore, normaliseQuoteText, canonicalSpeaker, type IngestScore } from './score.ts';
