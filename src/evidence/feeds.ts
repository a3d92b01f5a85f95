/**
 * News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, read with saxes (a maintained, strict, non-validating
 * XML parser) into `{ title, link, items }`. Pure: text in, plain data out.
 *
 * Safety: the text is size-limited (MAX_FEED_CHARS) and so are the items (MAX_FEED_ITEMS) and the
 * element nesting (MAX_FEED_DEPTH). saxes reads no DTD: no external entity is ever fetched and no
 * declared entity expanded, so "billion laughs" cannot happen; a DOCTYPE with an internal subset (the
 * only place entities can be declared) is refused outright, and an entity other than the five XML
 * ones and character references is a well-formedness error. Every error names the feed, the line
 * and the column (`FeedError`, an ArticleInputError: a user error to the CLI and the server).
 *
 * HTML in a feed (RSS descriptions, `content:encoded`, Atom `type="html"`/`"xhtml"`) is never
 * rendered: it is parsed by linkedom and only its text nodes are read, one paragraph per block.
 */
import { SaxesParser } from 'saxes';
import { parseHTML } from 'linkedom';
import { ArticleInputError, MAX_ARTICLE_BYTES } from './input.ts';

export interface FeedItem {
  /** guid (RSS 2.0), rdf:about (RSS 1.0), id (Atom); else the link; else the title. */
  id: string;
  title: string | null;
  link: string | null;
  /** Publication date `YYYY-MM-DD` as the feed writes it (its own time zone), or null. */
  published: string | null;
  /** The short description (RSS description, Atom summary), as plain text. */
  summary: string | null;
  /** The full content (content:encoded, Atom content), as plain text. */
  content: string | null;
  /** The originating outlet an aggregating feed names (RSS `<source>`, Atom `<source><title>`). */
  source?: string;
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom';
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

/** Content of at least this many characters is the full article; shorter, the item's page is fetched (as the server's feed poller does). */
export const FULL_CONTENT_CHARS = 400;

/** Whether a feed item carries its whole article (content:encoded / Atom content of FULL_CONTENT_CHARS or more). */
export const isFullContent = (item: FeedItem): boolean => (item.content?.trim().length ?? 0) >= FULL_CONTENT_CHARS;

/** Largest feed text accepted (characters): the article limit. */
export const MAX_FEED_CHARS = MAX_ARTICLE_BYTES;
/** Most items in one feed. */
export const MAX_FEED_ITEMS = 2000;
/** Deepest element nesting accepted (XHTML content included). */
export const MAX_FEED_DEPTH = 100;

/** A feed that cannot be read, located: `file:line:column: message`. */
export class FeedError extends ArticleInputError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    what: string,
  ) {
    super(`${file}:${line}:${column}: ${what}`);
    this.name = 'FeedError';
  }
}

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};

interface El {
  /** Namespace URI ('' for none). */
  uri: string;
  local: string;
  attrs: Record<string, string>;
  children: El[];
  /** Direct text and CDATA. */
  text: string;
  line: number;
  column: number;
  /** Offsets of the element's content in the source (for XHTML content, read as markup). */
  innerStart: number;
  innerEnd: number;
}

/** The root element name of an XML text, if the text is XML at all: a cheap test of "is this a feed?". */
export function feedRootOf(text: string): 'rss' | 'rdf' | 'atom' | undefined {
  // the root is the first element after the prolog: the parser reads the first 64 KB and stops there
  let root: { local: string; uri: string } | undefined;
  const found = new Error('root found');
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('opentag', (node) => {
    root = { local: node.local, uri: node.uri ?? '' };
    throw found;
  });
  parser.on('error', (e) => {
    if (!/unbound namespace prefix/.test(e.message)) throw e;
  });
  try {
    parser.write(text.slice(0, 65536).replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e !== found) return undefined;
  }
  if (root?.local === 'rss' && root.uri === '') return 'rss';
  if (root?.local === 'RDF' && root.uri === NS.rdf) return 'rdf';
  if (root?.local === 'feed' && root.uri === NS.atom) return 'atom';
  return undefined;
}

/** Whether a text is an RSS, RDF or Atom feed, by its root element. */
export const looksLikeFeed = (text: string): boolean => text.replace(/^\uFEFF/, '').trimStart().startsWith('<') && feedRootOf(text) !== undefined;

function parseTree(xml: string, file: string): El {
  if (xml.length > MAX_FEED_CHARS) throw new FeedError(file, 1, 1, `the feed is longer than ${MAX_FEED_CHARS / 1048576} MB`);
  const lineStarts = [0];
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 10 || (c === 13 && xml.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  const locate = (offset: number): [number, number] => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - lineStarts[lo] + 1];
  };
  const fail = (offset: number, what: string): never => {
    const [line, column] = locate(Math.max(0, Math.min(offset, xml.length)));
    throw new FeedError(file, line, column, what);
  };
  const doc: El = { uri: '', local: '#document', attrs: {}, children: [], text: '', line: 1, column: 1, innerStart: 0, innerEnd: xml.length };
  const stack: El[] = [doc];
  let items = 0;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('doctype', (dt) => {
    if (dt.includes('[')) fail(xml.lastIndexOf('<!DOCTYPE', parser.position - 1), 'a DOCTYPE with declarations (entities) is not accepted in a feed');
  });
  parser.on('opentag', (node) => {
    const start = xml.lastIndexOf('<', parser.position - 1);
    if (stack.length > MAX_FEED_DEPTH) fail(start, `elements nested more than ${MAX_FEED_DEPTH} deep`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(node.attributes)) attrs[a.uri ? `${a.uri} ${a.local}` : a.local] = a.value;
    const el: El = { uri: node.uri ?? '', local: node.local, attrs, children: [], text: '', line: locate(start)[0], column: locate(start)[1], innerStart: parser.position, innerEnd: parser.position };
    if ((node.local === 'item' || node.local === 'entry') && ++items > MAX_FEED_ITEMS) fail(start, `more than ${MAX_FEED_ITEMS} items in one feed`);
    stack[stack.length - 1].children.push(el);
    if (node.isSelfClosing) return;
    stack.push(el);
  });
  parser.on('closetag', (node) => {
    if (node.isSelfClosing || stack.length <= 1) return;
    // saxes closes the open elements up to a mismatched end tag before it reports it: compare here
    const at = xml.lastIndexOf('</', parser.position - 1);
    const open = stack[stack.length - 1];
    const name = xml.slice(at + 2, parser.position - 1).trim();
    if (name !== node.name) fail(at, `</${name.slice(0, 100)}> closes <${node.name}> (opened at line ${open.line})`);
    stack.pop();
    open.innerEnd = at;
  });
  const append = (t: string) => {
    stack[stack.length - 1].text += t;
  };
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('error', (err) => {
    const what = err.message.replace(/^[^:]*:\d+:\d+: /, '').replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    // a feed that uses a prefix it never declares ("media:thumbnail") is common and harmless
    if (/^unbound namespace prefix/.test(what)) return;
    let at = parser.position;
    if (/entity/.test(what)) {
      at = xml.lastIndexOf('&', at - 1);
      const ref = xml.slice(at, at + 40).split(';')[0];
      fail(at, `${what}: ${ref.slice(0, 30)};${what === 'undefined entity' ? ' (a feed may use only &lt; &gt; &amp; &quot; &apos; and character references)' : ''}`);
    }
    else if (what === 'unexpected close tag' || /^unmatched closing tag/.test(what)) at = xml.lastIndexOf('</', at - 1);
    if (/^unclosed tag/.test(what)) {
      const open = stack[stack.length - 1];
      // saxes reads a bare "&" as the start of an entity up to the next ";" (or the end): find it
      for (let amp = xml.indexOf('&', open.innerStart); amp !== -1; amp = xml.indexOf('&', amp + 1)) {
        if (!/^&(?:#\d+|#x[\da-fA-F]+|[\p{L}_][\p{L}\p{N}_.-]*);/u.test(xml.slice(amp, amp + 64))) fail(amp, 'malformed XML: an "&" that starts no entity reference (write &amp;)');
      }
      throw new FeedError(file, open.line, open.column, `<${open.local}> is never closed`);
    }
    fail(at, `malformed XML: ${what}`);
  });
  parser.write(xml).close();
  return doc;
}

const kids = (el: El, local: string, uri?: string): El[] => el.children.filter((c) => c.local === local && (uri === undefined || c.uri === uri));
const kid = (el: El, local: string, uri?: string): El | undefined => el.children.find((c) => c.local === local && (uri === undefined || c.uri === uri));

/** All the text under an element (iterative: no recursion to overflow). */
function textContent(el: El): string {
  let out = '';
  const walk: El[] = [el];
  // text of an element comes before its children's here; feeds' own fields carry no mixed content
  while (walk.length) {
    const e = walk.pop()!;
    out += e.text;
    for (let i = e.children.length - 1; i >= 0; i--) walk.push(e.children[i]);
  }
  return out;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'DT', 'DD', 'DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TR']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'OBJECT']);

/** Plain text of an HTML fragment: only text nodes are read, one paragraph per block element. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return squashParagraphs(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  type N = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> };
  // an explicit stack: a marker (null) after a block's children flushes its paragraph
  const stack: Array<N | null> = [...Array.from(document.body.childNodes as ArrayLike<N>)].reverse();
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) current += node.textContent ?? '';
    if (node.nodeType !== 1 || SKIPPED.has(node.nodeName)) continue;
    if (node.nodeName === 'BR') {
      flush();
      continue;
    }
    const block = BLOCKS.has(node.nodeName);
    if (block) {
      flush();
      stack.push(null);
    }
    const children = Array.from(node.childNodes as ArrayLike<N>);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Plain text kept as it is, its paragraphs (blank-line separated) with their spaces squashed. */
function squashParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t\r\n\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const nonEmpty = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

/** An Atom text construct (title, summary, content) as plain text, by its `type`. */
function atomText(xml: string, el: El | undefined): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') return nonEmpty(htmlToText(xml.slice(el.innerStart, el.innerEnd)));
  if (type === 'html' || type === 'text/html') return nonEmpty(htmlToText(el.text));
  if (type === 'text' || type === 'text/plain') return nonEmpty(squashParagraphs(el.text));
  // other media types (base64 images, …) carry no article text
  return el.attrs.src ? null : /^text\//.test(type) ? nonEmpty(squashParagraphs(el.text)) : null;
}

/** An RSS field, which may hold escaped HTML (descriptions do; titles should not but sometimes do). */
const rssText = (el: El | undefined): string | null => (el ? nonEmpty(htmlToText(textContent(el))) : null);

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

const validDay = (y: string, m: string, d: string): string | null => {
  const day = `${y}-${m}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : day;
};

/**
 * The day of a feed timestamp as its writer gives it (RFC 822 `Tue, 03 Dec 2026 06:00:00 +0000`, or
 * W3C/ISO `2026-12-03T06:00:00+05:00`): the calendar day in the stated time zone, not converted to UTC.
 */
export function feedDate(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(v);
  if (iso) return validDay(iso[1], iso[2], iso[3]);
  const rfc = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4}|\d{2})(?:\s|$)/.exec(v);
  if (rfc && MONTHS[rfc[2].toLowerCase()]) {
    const year = rfc[3].length === 2 ? `${Number(rfc[3]) < 50 ? 20 : 19}${rfc[3]}` : rfc[3];
    return validDay(year, MONTHS[rfc[2].toLowerCase()], rfc[1]);
  }
  return null;
}

const safeLink = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  if (!t) return null;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
};

/** Atom's alternate link: `rel="alternate"` or no rel. */
const atomLink = (el: El): string | null => {
  const links = kids(el, 'link', NS.atom);
  const alt = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate' && (!l.attrs.type || /html/i.test(l.attrs.type))) ?? links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
  return safeLink(alt?.attrs.href);
};

const fallbackId = (link: string | null, title: string | null, index: number): string => link ?? (title ? `title:${title}` : `item-${index + 1}`);

const fieldText = (el: El, local: string, uri: string): string | null => {
  const f = kid(el, local, uri);
  return f ? textContent(f) : null;
};

/** An RSS 2.0 item (its fields in no namespace) or an RSS 1.0 item (in the RSS 1.0 namespace). */
function rssItem(el: El, index: number, ns: string): FeedItem {
  const title = rssText(kid(el, 'title', ns));
  const guidEl = kid(el, 'guid', ns);
  const guid = nonEmpty(guidEl ? textContent(guidEl) : el.attrs[`${NS.rdf} about`]);
  const link = safeLink(fieldText(el, 'link', ns)) ?? (guid && guidEl && guidEl.attrs.isPermaLink !== 'false' ? safeLink(guid) : null);
  const published = feedDate(fieldText(el, 'pubDate', ns)) ?? feedDate(fieldText(el, 'date', NS.dc));
  const encoded = kid(el, 'encoded', NS.content);
  const item: FeedItem = {
    id: guid ?? fallbackId(link, title, index),
    title,
    link,
    published,
    summary: rssText(kid(el, 'description', ns)),
    content: encoded ? nonEmpty(htmlToText(textContent(encoded))) : null,
  };
  const source = nonEmpty(fieldText(el, 'source', ns)) ?? nonEmpty(fieldText(el, 'source', NS.dc)) ?? nonEmpty(fieldText(el, 'publisher', NS.dc));
  if (source) item.source = source.slice(0, 200);
  return item;
}

function atomEntry(xml: string, el: El, index: number): FeedItem {
  const title = atomText(xml, kid(el, 'title', NS.atom));
  const link = atomLink(el);
  const date = kid(el, 'published', NS.atom) ?? kid(el, 'updated', NS.atom);
  const item: FeedItem = {
    id: nonEmpty(kid(el, 'id', NS.atom)?.text) ?? fallbackId(link, title, index),
    title,
    link,
    published: feedDate(date?.text),
    summary: atomText(xml, kid(el, 'summary', NS.atom)),
    content: atomText(xml, kid(el, 'content', NS.atom)),
  };
  const sourceEl = kid(el, 'source', NS.atom);
  const source = sourceEl ? atomText(xml, kid(sourceEl, 'title', NS.atom)) : null;
  if (source) item.source = source.slice(0, 200);
  return item;
}

/**
 * Read an RSS 2.0, RSS 1.0 (RDF) or Atom feed. `source` names the feed in errors (a file or URL).
 * Throws FeedError on malformed XML, hostile declarations, limits exceeded, or a document that is
 * not a feed.
 */
export function parseFeed(xml: string, source = 'the feed'): Feed {
  const doc = parseTree(xml.replace(/^\uFEFF/, ''), source);
  const root = doc.children[0];
  if (!root) throw new FeedError(source, 1, 1, 'no root element: this is not a feed');
  if (root.local === 'rss' && root.uri === '') {
    const channel = kid(root, 'channel', '');
    if (!channel) throw new FeedError(source, root.line, 1, '<rss> without a <channel>');
    return { format: 'rss', title: rssText(kid(channel, 'title', '')), link: safeLink(fieldText(channel, 'link', '')), items: kids(channel, 'item', '').map((e, i) => rssItem(e, i, '')) };
  }
  if (root.local === 'RDF' && root.uri === NS.rdf) {
    const channel = kid(root, 'channel', NS.rss1);
    return {
      format: 'rdf',
      title: channel ? rssText(kid(channel, 'title', NS.rss1)) : null,
      link: channel ? safeLink(fieldText(channel, 'link', NS.rss1)) : null,
      items: kids(root, 'item', NS.rss1).map((e, i) => rssItem(e, i, NS.rss1)),
    };
  }
  if (root.local === 'feed' && root.uri === NS.atom) {
    return { format: 'atom', title: atomText(xml, kid(root, 'title', NS.atom)), link: atomLink(root), items: kids(root, 'entry', NS.atom).map((e, i) => atomEntry(xml, e, i)) };
  }
  throw new FeedError(source, root.line, 1, `the root element is <${root.local}>${root.uri ? ` (${root.uri})` : ''}, not <rss>, <rdf:RDF> or an Atom <feed>`);
}
