/**
 * parseFeed on feeds written for this test: RSS 2.0, RSS 1.0 (RDF), Atom (text, html and xhtml
 * constructs), malformed XML with located errors, hostile declarations (billion laughs, external
 * entities) and the limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/fast-check-seed.ts';
import { FeedError, MAX_FEED_DEPTH, MAX_FEED_ITEMS, feedDate, feedRootOf, htmlToText, looksLikeFeed, parseFeed } from '../../src/evidence/feeds.ts';
import { ArticleInputError } from '../../src/evidence/input.ts';

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <atom:link href="https://news.example/feed.xml" rel="self" type="application/rss+xml"/>
    <title>Harbour Gazette &amp; Wire</title>
    <link>https://news.example/</link>
    <description>Port news</description>
    <item>
      <title>Dock strike talks resume</title>
      <link>https://news.example/2026/12/dock-talks</link>
      <guid isPermaLink="false">hg-20261201-1</guid>
      <pubDate>Tue, 01 Dec 2026 23:30:00 -0500</pubDate>
      <description>&lt;p&gt;Talks &lt;b&gt;resumed&lt;/b&gt; on Tuesday.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Talks resumed on Tuesday.</p><p>"We are close," said Mara Quint.</p><script>alert(1)</script>]]></content:encoded>
      <media:thumbnail url="https://news.example/t.jpg"/>
      <source url="https://wire.example/rss">Wire Service</source>
    </item>
    <item>
      <title>Second item</title>
      <guid>https://news.example/2026/12/second</guid>
      <dc:date>2026-12-02T08:00:00+09:00</dc:date>
    </item>
    <item>
      <description>No title, no link</description>
    </item>
  </channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF Times</title>
    <link>https://rdf.example/</link>
  </channel>
  <item rdf:about="https://rdf.example/story-1">
    <title>Ceasefire holds</title>
    <link>https://rdf.example/story-1</link>
    <dc:date>2026-11-30</dc:date>
    <description>The ceasefire held overnight.</description>
  </item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">The &lt;i&gt;Atom&lt;/i&gt; Post</title>
  <link rel="self" href="https://atom.example/feed"/>
  <link href="https://atom.example/"/>
  <id>urn:uuid:feed</id>
  <updated>2026-12-02T10:00:00Z</updated>
  <entry>
    <id>urn:uuid:1</id>
    <title>Budget vote delayed</title>
    <link rel="alternate" type="text/html" href="https://atom.example/budget"/>
    <link rel="enclosure" href="https://atom.example/budget.mp3"/>
    <published>2026-12-01T23:59:00-08:00</published>
    <updated>2026-12-02T09:00:00Z</updated>
    <summary>The vote is delayed.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The vote is <em>delayed</em>.</p><p>"Not yet," the speaker said.</p></div></content>
    <source><title>Capital Wire</title></source>
  </entry>
  <entry>
    <id>urn:uuid:2</id>
    <title type="text">Plain &amp; simple</title>
    <updated>2026-12-03T01:00:00Z</updated>
    <content type="html">&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>urn:uuid:3</id>
    <title>Image only</title>
    <link href="javascript:alert(1)"/>
    <updated>not a date</updated>
    <content type="image/png">iVBORw0KGgo=</content>
  </entry>
</feed>`;

const errorOf = (xml: string, file = 'feed.xml'): FeedError => {
  try {
    parseFeed(xml, file);
  } catch (e) {
    if (e instanceof FeedError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('RSS 2.0', () => {
  const feed = parseFeed(RSS2, 'rss.xml');
  it('reads the channel (not the atom:link beside its link)', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Gazette & Wire');
    expect(feed.link).toBe('https://news.example/');
    expect(feed.items).toHaveLength(3);
  });
  it('reads an item: guid, link, day as written, HTML as text (no script), source', () => {
    expect(feed.items[0]).toEqual({
      id: 'hg-20261201-1',
      title: 'Dock strike talks resume',
      link: 'https://news.example/2026/12/dock-talks',
      published: '2026-12-01', // 23:30 at -05:00 is 12-02 in UTC: the writer's day is kept
      summary: 'Talks resumed on Tuesday.',
      content: 'Talks resumed on Tuesday.\n\n"We are close," said Mara Quint.',
      source: 'Wire Service',
    });
  });
  it('a permalink guid is the link; dc:date; missing fields are null', () => {
    expect(feed.items[1]).toMatchObject({ id: 'https://news.example/2026/12/second', link: 'https://news.example/2026/12/second', published: '2026-12-02', summary: null, content: null });
    expect(feed.items[2]).toEqual({ id: 'item-3', title: null, link: null, published: null, summary: 'No title, no link', content: null });
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads the channel and the items outside it, rdf:about as id', () => {
    const feed = parseFeed(RDF);
    expect(feed).toEqual({
      format: 'rdf',
      title: 'RDF Times',
      link: 'https://rdf.example/',
      items: [{ id: 'https://rdf.example/story-1', title: 'Ceasefire holds', link: 'https://rdf.example/story-1', published: '2026-11-30', summary: 'The ceasefire held overnight.', content: null }],
    });
  });
});

describe('Atom', () => {
  const feed = parseFeed(ATOM);
  it('reads the feed: html title as text, the alternate link (not self)', () => {
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('The Atom Post');
    expect(feed.link).toBe('https://atom.example/');
    expect(feed.items.map((i) => i.id)).toEqual(['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3']);
  });
  it('xhtml content as paragraphs; published before updated; the alternate html link; source title', () => {
    expect(feed.items[0]).toEqual({
      id: 'urn:uuid:1',
      title: 'Budget vote delayed',
      link: 'https://atom.example/budget',
      published: '2026-12-01',
      summary: 'The vote is delayed.',
      content: 'The vote is delayed.\n\n"Not yet," the speaker said.',
      source: 'Capital Wire',
    });
  });
  it('html content; updated as the date when there is no published; entities in text titles', () => {
    expect(feed.items[1]).toMatchObject({ title: 'Plain & simple', published: '2026-12-03', content: 'First.\n\nSecond.', link: null });
  });
  it('a javascript: link, a bad date and binary content give nulls', () => {
    expect(feed.items[2]).toMatchObject({ link: null, published: null, content: null });
  });
});

describe('recognising a feed by its root element', () => {
  it('rss, rdf:RDF and Atom feed are feeds; HTML, other XML and text are not', () => {
    expect(feedRootOf(RSS2)).toBe('rss');
    expect(feedRootOf(RDF)).toBe('rdf');
    expect(feedRootOf(`\uFEFF${ATOM}`)).toBe('atom');
    expect(looksLikeFeed('<!doctype html><html><body><p>rss</p></body></html>')).toBe(false);
    expect(looksLikeFeed('<feed><entry/></feed>')).toBe(false); // a <feed> outside the Atom namespace
    expect(looksLikeFeed('"We are ready," the minister said.')).toBe(false);
    expect(looksLikeFeed('<?xml version="1.0"?>\n<!-- a comment -->\n<rss version="2.0"><channel>')).toBe(true);
  });
});

describe('malformed XML: located errors', () => {
  it('a mismatched end tag, at the end tag, naming the open element', () => {
    const e = errorOf('<rss version="2.0">\n<channel>\n  <item><title>x</title>\n</channel></rss>');
    expect(e.message).toBe('feed.xml:4:1: </channel> closes <item> (opened at line 3)');
    expect([e.file, e.line, e.column]).toEqual(['feed.xml', 4, 1]);
    expect(e).toBeInstanceOf(ArticleInputError); // a user error to the CLI and the server
  });
  it('an element never closed, where it opens', () => {
    expect(errorOf('<rss>\n  <channel>\n    <title>x</title>').message).toBe('feed.xml:2:3: <channel> is never closed');
  });
  it('an unescaped ampersand, at the ampersand', () => {
    expect(errorOf('<rss><channel>\n<title>Fish & chips</title></channel></rss>').message).toMatch(/^feed\.xml:2:13: malformed XML/);
  });
  it('not a feed: names the root', () => {
    expect(errorOf('<html><body/></html>').message).toBe('feed.xml:1:1: the root element is <html>, not <rss>, <rdf:RDF> or an Atom <feed>');
    expect(errorOf('<rss version="2.0"></rss>').message).toBe('feed.xml:1:1: <rss> without a <channel>');
    expect(errorOf('   ').message).toMatch(/^feed\.xml:1:\d+: /);
  });
});

describe('hostile input', () => {
  it('billion laughs: the DOCTYPE with entity declarations is refused before any expansion', () => {
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n')}\n]>\n<rss><channel><title>&lol9;</title></channel></rss>`;
    const started = Date.now();
    const e = errorOf(lol);
    expect(e.message).toBe('feed.xml:2:1: a DOCTYPE with declarations (entities) is not accepted in a feed');
    expect(Date.now() - started).toBeLessThan(1000);
  });
  it('an external entity (XXE) is never resolved: an undeclared entity is an error, located', () => {
    const e = errorOf('<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "file:///etc/passwd">\n<rss><channel><title>&xxe;</title></channel></rss>');
    expect(e.message).toBe('feed.xml:3:22: undefined entity: &xxe; (a feed may use only &lt; &gt; &amp; &quot; &apos; and character references)');
  });
  it('a DOCTYPE without declarations (RSS 0.91 style) is read and its DTD never fetched', () => {
    const feed = parseFeed('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:1/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Old</title></channel></rss>');
    expect(feed.title).toBe('Old');
  });
  it('limits: items, nesting depth, size', () => {
    const many = `<rss><channel>${'<item><title>x</title></item>'.repeat(MAX_FEED_ITEMS + 1)}</channel></rss>`;
    expect(errorOf(many).message).toBe(`feed.xml:1:${15 + 29 * MAX_FEED_ITEMS}: more than ${MAX_FEED_ITEMS} items in one feed`);
    const deep = `<rss><channel><item><description>${'<b>'.repeat(MAX_FEED_DEPTH)}x${'</b>'.repeat(MAX_FEED_DEPTH)}</description></item></channel></rss>`;
    expect(errorOf(deep).message).toMatch(new RegExp(`^feed\\.xml:1:\\d+: elements nested more than ${MAX_FEED_DEPTH} deep$`));
    expect(errorOf(`<rss>${' '.repeat(10 * 1024 * 1024)}</rss>`).message).toBe('feed.xml:1:1: the feed is longer than 10 MB');
  });
  it('HTML in a feed is read as text only: scripts, styles and attributes never come through', () => {
    expect(htmlToText('<p onclick="x()">One<script>evil()</script></p><style>p{}</style><ul><li>a</li><li>b</li></ul>')).toBe('One\n\na\n\nb');
  });
});

describe('feedDate', () => {
  it('RFC 822 and ISO 8601, the day as written; impossible days are null', () => {
    expect(feedDate('Wed, 02 Dec 2026 06:00:00 GMT')).toBe('2026-12-02');
    expect(feedDate('2 Dec 26 06:00 +0100')).toBe('2026-12-02');
    expect(feedDate('2026-12-02T23:59:59-11:00')).toBe('2026-12-02');
    expect(feedDate('2026-02-30T00:00:00Z')).toBeNull();
    expect(feedDate('Mon, 31 Jun 2026 00:00:00 GMT')).toBeNull();
    expect(feedDate('yesterday')).toBeNull();
  });
});

describe('any input (property)', () => {
  /** Pieces of feeds cut and shuffled: tags, entities, CDATA, DOCTYPEs, stray text. */
  const piece = fc.constantFrom(
    '<rss version="2.0">', '</rss>', '<channel>', '</channel>', '<item>', '</item>', '<title>', '</title>', '<link>https://x.example/a</link>',
    '<description>&lt;p&gt;x&lt;/p&gt;</description>', '<![CDATA[<p>a</p>]]>', '&amp;', '&nbsp;', '&#x110000;', '&', '<', ']]>', '<!DOCTYPE rss>', '<!DOCTYPE x [<!ENTITY a "b">]>',
    '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<content type="xhtml"><div>', '</div></content>', '<pubDate>Tue, 01 Dec 2026</pubDate>',
    '<x:y>', '<?xml version="1.0"?>', '<!-- c -->', 'text "quoted," she said.', '\n', ' ',
  );
  it('parseFeed returns a feed or throws a located FeedError, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 40 }), (parts) => {
        const xml = parts.join('');
        try {
          const feed = parseFeed(xml, 'p.xml');
          expect(['rss', 'rdf', 'atom']).toContain(feed.format);
          for (const item of feed.items) expect(typeof item.id).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(FeedError);
          expect((e as FeedError).message).toMatch(/^p\.xml:\d+:\d+: /);
          expect((e as FeedError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
