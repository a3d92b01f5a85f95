/**
 * Article text from HTML: @mozilla/readability (the Firefox Reader View extractor) over a linkedom
 * DOM drops navigation, adverts and boilerplate; the body is rebuilt from its block elements with
 * one blank line between paragraphs, so quotes that run over paragraphs stay recognisable. Scripts
 * are never run and nothing is rendered: only text nodes are read. The publication date, title and
 * outlet come from the page's metadata (Open Graph / article:published_time, JSON-LD, <time>).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedArticle {
  text: string;
  title?: string;
  date?: string;
  outlet?: string;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'DT', 'DD']);

/** `YYYY-MM-DD` of an ISO-ish timestamp, or undefined. */
export function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? /(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

type Doc = ReturnType<typeof parseHTML>['document'];

function metaContent(doc: Doc, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const v = doc.querySelector(sel)?.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

function jsonLdValue(doc: Doc, key: 'datePublished' | 'headline'): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    let guard = 0;
    while (stack.length && guard++ < 1000) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const v = (node as Record<string, unknown>)[key];
        if (typeof v === 'string' && v.trim()) return v.trim();
        stack.push(...Object.values(node as Record<string, unknown>));
      }
    }
  }
  return undefined;
}

/** Text of a DOM subtree, one paragraph per block element. */
function blockText(root: { childNodes: ArrayLike<unknown> }): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  const walk = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG'].includes(node.nodeName)) return;
    const block = BLOCKS.has(node.nodeName) || node.nodeName === 'DIV' || node.nodeName === 'SECTION' || node.nodeName === 'ARTICLE';
    if (node.nodeName === 'BR') {
      flush();
      return;
    }
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
    if (block) flush();
  };
  for (const child of Array.from(root.childNodes)) walk(child as Parameters<typeof walk>[0]);
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Element nesting beyond which Readability is not run: its scoring walks ancestors for every node,
 * so its time grows with the cube of the depth (400 nested divs, a 4 KB page: 1.5 s). Real article
 * pages nest a few dozen levels; deeper ones are read as their whole body.
 */
export const MAX_READABILITY_DEPTH = 150;

/** Whether any element of the tree nests deeper than `limit` (iterative: no recursion to overflow). */
function nestsDeeperThan(root: { children: ArrayLike<unknown> }, limit: number): boolean {
  const stack: Array<[{ children: ArrayLike<unknown> }, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const kids = node.children; // linkedom builds this list afresh on every read: read it once
    for (let i = 0; i < kids.length; i++) stack.push([kids[i] as { children: ArrayLike<unknown> }, depth + 1]);
  }
  return false;
}

export function extractFromHtml(rawHtml: string): ExtractedArticle {
  // linkedom needs a document element; fragments and empty input are wrapped in one
  const html = /<html[\s>]/i.test(rawHtml) ? rawHtml : `<!doctype html><html><head></head><body>${rawHtml}</body></html>`;
  const { document } = parseHTML(html);
  if (!document.documentElement) return { text: '' };
  const date =
    isoDay(metaContent(document, ['meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[property="og:published_time"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]'])) ??
    isoDay(jsonLdValue(document, 'datePublished')) ??
    isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const metaTitle = metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? jsonLdValue(document, 'headline');
  const outlet = metaContent(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  let text = '';
  let title = metaTitle ?? document.querySelector('title')?.textContent?.trim() ?? undefined;
  // Readability mutates the document it is given: it is given this one, its metadata read already,
  // and the fallback below reads a fresh parse when Readability has been at it (one parse fewer per page)
  let mutated = false;
  try {
    if (nestsDeeperThan(document.documentElement as never, MAX_READABILITY_DEPTH)) throw new RangeError('nested too deep for Readability');
    mutated = true;
    // the article's element itself, not its HTML to be parsed again (what that HTML would be is
    // empty exactly when every child is an empty text node)
    const article = new Readability<Element>(document as unknown as Document, { charThreshold: 200, serializer: (el: Node) => el as Element }).parse();
    const content = article?.content;
    if (content && Array.from(content.childNodes).some((n) => !(n.nodeType === 3 && n.textContent === ''))) {
      text = blockText(content as never);
      title = metaTitle ?? article.title ?? title;
    }
  } catch {
    text = '';
  }
  // pages too short for Readability's heuristics (or without an article) fall back to the whole body
  if (!text.trim()) {
    const body = mutated ? parseHTML(html).document.body : document.body;
    if (body) text = blockText(body as never);
  }
  return { text, title: title || undefined, date, outlet: outlet || undefined };
}
