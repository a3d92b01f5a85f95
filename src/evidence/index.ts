/**
 * Evidence from news articles: the public API the CLI and the HTTP server call.
 *
 * - `ingestArticle({text | html, date, outlet, title, url}, {case})` → quotes, speakers, sources,
 *   dates, actors and issues (pure);
 * - `fetchArticle(url, {timeoutMs, maxBytes})` → the page (HTML or text), with limits;
 * - `candidatesFromIngest(result, case)` → candidate evidence items, deduplicated against the case;
 * - `parseFeed(xml, source)` → an RSS 2.0, RSS 1.0 or Atom feed's items (safe XML, located errors).
 */
export { ingestArticle, ingestJson, type ArticleInput, type IngestOptions, type IngestQuote, type IngestResult } from './ingest.ts';
export { fetchArticle, FetchArticleError, type FetchedArticle, type FetchOptions } from './fetch.ts';
export { candidatesFromIngest, quoteKey, type CandidateOptions } from './candidates.ts';
export { parseFeed, looksLikeFeed, feedRootOf, feedDate, htmlToText, isFullContent, FULL_CONTENT_CHARS, FeedError, MAX_FEED_CHARS, MAX_FEED_ITEMS, type Feed, type FeedItem } from './feeds.ts';
export { groupSyndicated, independentOutlets, outletsByQuote, COPY_THRESHOLD, type Syndication, type SyndicationGroup } from './syndication.ts';
export { ArticleInputError, MAX_ARTICLE_BYTES, articleFromPage, articleFromText, decodeArticleBytes, splitHeader, looksLikeHtml } from './input.ts';
export { appendEvidence, setEvidenceStatus, EvidenceNotFoundError, writeFileAtomic } from './case-file.ts';
export { scoreEvalDir, scoreIngest, formatScore, normaliseQuoteText, canonicalSpeaker, type IngestScore } from './score.ts';
