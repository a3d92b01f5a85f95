/**
 * `parley ingest DIR feed.xml --case C --format json`: a folder of articles (a wire story, three
 * outlets' copies, a different story: test/evidence/syndication/) and a feed file (one more copy,
 * one new story, an item whose page the URL guard refuses, one whose page is refused but that has
 * text of its own): copies grouped, per-item errors reported and not fatal, and each quote's
 * `outlets` counting independent groups, not copies.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progress, progressLine } from '../../src/cli/commands/ingest.ts';
import { splitHeader } from '../../src/evidence/input.ts';
import { runCli } from './run.ts';

const fixtures = new URL('../evidence/syndication/', import.meta.url).pathname;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p.trim())}</p>`)
    .join('');

/** One more copy of the wire story (new lead, last paragraph cut), as a feed's full content. */
const wire = splitHeader(readFileSync(join(fixtures, 'wire-original.txt'), 'utf8')).body;
const feedCopy = `Barges could move again within weeks.\n\n${wire.split('\n\n').slice(2, 6).join('\n\n')}`;
/** A new story by the feed's outlet: it quotes the negotiator's sentence, nothing else in common. */
const newStory = [
  'Pavel Dressen arrived in Nova Haven on Sunday evening with a delegation of eleven, fewer than at the last round, and went straight into a meeting with the river commission.',
  '"Nothing is agreed until the barges are moving again," Dressen told journalists waiting in the lobby of the commission building, before declining to take questions.',
  'Officials in the Ostrian capital describe him as a patient negotiator who spent two decades in the customs service before entering politics, and who knows the tariff schedules by heart.',
].join('\n\n');

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Delta Wire Digest</title>
  <link>https://digest.example/</link>
  <item>
    <title>Corridor talks: what we know</title>
    <link>https://digest.example/corridor-what-we-know</link>
    <guid>digest-1</guid>
    <pubDate>Tue, 01 Dec 2026 07:00:00 +0100</pubDate>
    <content:encoded>${esc(html(feedCopy))}</content:encoded>
  </item>
  <item>
    <title>Dressen arrives in Nova Haven</title>
    <guid isPermaLink="false">digest-2</guid>
    <pubDate>Tue, 01 Dec 2026 09:00:00 +0100</pubDate>
    <content:encoded><![CDATA[${html(newStory)}]]></content:encoded>
  </item>
  <item>
    <title>Locked out</title>
    <link>http://127.0.0.1:9/private-page</link>
    <guid>digest-3</guid>
    <pubDate>Tue, 01 Dec 2026 10:00:00 +0100</pubDate>
  </item>
  <item>
    <title>Short item</title>
    <link>http://10.0.0.1/short</link>
    <guid>digest-4</guid>
    <pubDate>Tue, 01 Dec 2026 11:00:00 +0100</pubDate>
    <description>"Talks are talks," one barge owner said.</description>
  </item>
</channel>
</rss>`;

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-many-'));
  mkdirSync(join(dir, 'news'));
  for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(dir, 'news', f));
  // recognised by its content: the name says nothing
  writeFileSync(join(dir, 'digest.txt'), FEED);
  copyFileSync(new URL('../../examples/tutorial.yaml', import.meta.url), join(dir, 'case.yaml'));
  return dir;
}

interface Out {
  source: string;
  feed?: string;
  syndicationGroup: string;
  syndicatedCopies?: Array<{ source: string; similarity: number }>;
  article: { date: string | null; outlet: string | null; title: string | null; url?: string };
  quotes: Array<{ text: string; speaker: string | null }>;
}

describe('parley ingest: a folder and a feed, syndicated copies', async () => {
  const dir = workspace();
  const n = (f: string) => join(dir, 'news', f);
  const r = await runCli('ingest', join(dir, 'news'), join(dir, 'digest.txt'), '--case', join(dir, 'case.yaml'), '--format', 'json');
  const out = JSON.parse(r.stdout) as Out[];

  it('ingests every article and every readable feed item, in order; exit 1 for the one that failed', () => {
    expect(r.code).toBe(1);
    expect(out.map((a) => a.source)).toEqual([
      n('copy-daily.txt'),
      n('copy-herald.txt'),
      n('copy-observer.txt'),
      n('other-story.txt'),
      n('wire-original.txt'),
      'https://digest.example/corridor-what-we-know',
      `${join(dir, 'digest.txt')}#digest-2`,
      'http://10.0.0.1/short',
    ]);
  });

  it('JSON shape: source, feed, syndicationGroup, the first copy lists the others; the feed fills the article fields', () => {
    expect(Object.keys(out[0])).toEqual(['source', 'syndicationGroup', 'syndicatedCopies', 'article', 'quotes', 'sources', 'actors', 'dates']);
    expect(Object.keys(out[1])).toEqual(['source', 'syndicationGroup', 'article', 'quotes', 'sources', 'actors', 'dates']);
    expect(out[5]).toMatchObject({
      feed: join(dir, 'digest.txt'),
      syndicationGroup: n('copy-daily.txt'),
      article: { date: '2026-12-01', outlet: 'Delta Wire Digest', title: 'Corridor talks: what we know', url: 'https://digest.example/corridor-what-we-know' },
    });
  });

  it('groups the five copies under the first seen (folder order), and no other article', () => {
    const group = n('copy-daily.txt');
    expect(out.filter((a) => a.syndicationGroup === group).map((a) => a.source)).toEqual([n('copy-daily.txt'), n('copy-herald.txt'), n('copy-observer.txt'), n('wire-original.txt'), 'https://digest.example/corridor-what-we-know']);
    expect(out[0].syndicatedCopies!.map((c) => c.source)).toEqual([n('copy-herald.txt'), n('copy-observer.txt'), n('wire-original.txt'), 'https://digest.example/corridor-what-we-know']);
    for (const c of out[0].syndicatedCopies!) expect(c.similarity).toBeGreaterThanOrEqual(0.5);
    for (const a of [out[3], out[6], out[7]]) expect(a.syndicationGroup).toBe(a.source);
  });

  it('reports the refused page (no text of its own) as an error, and uses the short item\'s own text', () => {
    const lines = r.stderr.split('\n');
    expect(lines).toContain('http://127.0.0.1:9/private-page: refused: 127.0.0.1 is loopback (only public addresses are fetched)');
    expect(lines).toContain("http://10.0.0.1/short: refused: 10.0.0.1 is private network (only public addresses are fetched) (the feed's own text was used)");
    expect(lines.at(-2)).toBe('1 of 9 articles could not be ingested (above)');
    expect(r.stderr).not.toContain('\x1b['); // no progress bar when stderr is not a terminal
  });

  it('with --case: each quote once, outlets counting independent groups (copies once)', () => {
    const c = readFileSync(join(dir, 'case.yaml'), 'utf8');
    const evidence = c.slice(c.indexOf('status: candidate') - 2000);
    const outletsOf = (start: string) => {
      const at = evidence.indexOf(start);
      expect(at, `no evidence "${start}"`).toBeGreaterThan(-1);
      const end = evidence.indexOf('\n  - id:', at);
      return Number(/outlets: (\d+)/.exec(evidence.slice(at, end === -1 ? undefined : end))?.[1]);
    };
    // in the wire story, its four copies (four outlets, one group) and the digest's own new story
    expect(outletsOf('Nothing is agreed until the barges')).toBe(2);
    // in the wire story, its copies, and the River Review's different story
    expect(outletsOf('We are ready to sign an inspection protocol')).toBe(2);
    // in the wire story and one copy: one group
    expect(outletsOf('Our grain is rotting')).toBe(1);
    // only in the River Review's story
    expect(outletsOf('We have heard this before')).toBe(1);
    expect(c.match(/Nothing is agreed until the barges/g)).toHaveLength(1);
  });
});

describe('parley ingest: the table output of a folder', () => {
  it('marks each copy and ends with the groups', async () => {
    const dir = workspace();
    const n = (f: string) => join(dir, 'news', f);
    const r = await runCli('ingest', join(dir, 'news'));
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^== .*$/gm)).toEqual(['copy-daily.txt', 'copy-herald.txt', 'copy-observer.txt', 'other-story.txt', 'wire-original.txt'].map((f) => `== ${n(f)}`));
    expect(r.stdout.match(/^syndicated copy of: .*$/gm)).toEqual(Array(3).fill(`syndicated copy of: ${n('copy-daily.txt')}`));
    expect(r.stdout.endsWith(`syndicated copies (1 group):\n  ${n('copy-daily.txt')}, ${n('copy-herald.txt')} (0.801), ${n('copy-observer.txt')} (0.776), ${n('wire-original.txt')} (0.865)\n`)).toBe(true);
  });
});

describe('progress', () => {
  it('the line: done/total, rate, errors', () => {
    expect(progressLine(250, 500, 3, 2000)).toBe('[############------------] 250/500 articles, 125/s, 3 errors');
    expect(progressLine(1, 4, 1, 400, 8)).toBe('[##------] 1/4 articles, 2.5/s, 1 error');
    expect(progressLine(0, 0, 0, 0, 4)).toBe('[----] 0/0 articles, 0.0/s, 0 errors');
  });
  it('drawn on a terminal, with messages above the bar; nothing but the messages elsewhere', () => {
    let tty = '';
    const bar = progress({ isTTY: true, write: (s: string) => ((tty += s), true) } as never);
    bar.update({ done: 2, total: 2, errors: 0 });
    bar.say('x: no such file');
    bar.end();
    expect(tty).toMatch(/^\r\x1b\[K\[#+\] 2\/2 articles, [\d.]+\/s, 0 errors\r\x1b\[Kx: no such file\n\r\x1b\[K\[#+\] 2\/2 articles, [\d.]+\/s, 0 errors\r\x1b\[K\[#+\] 2\/2 articles, [\d.]+\/s, 0 errors\n$/);
    let piped = '';
    const quiet = progress({ isTTY: false, write: (s: string) => ((piped += s), true) } as never);
    quiet.update({ done: 1, total: 2 });
    quiet.say('x: no such file');
    quiet.end();
    expect(piped).toBe('x: no such file\n');
  });
});

describe('a feed by URL', async () => {
  // a local server: the user's own URL is fetched as today (no guard), and a feed served as XML
  // through the URL guard, which refuses loopback: the feed's items are never read from 127.0.0.1
  const server = createServer((req, res) => {
    const type = req.url === '/feed.xml' ? 'application/rss+xml; charset=utf-8' : 'text/plain; charset=utf-8';
    res.writeHead(200, { 'content-type': type });
    res.end(FEED);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('a feed served as XML is fetched through the URL guard (refused here: loopback)', async () => {
    const r = await runCli('ingest', `${base}/feed.xml`, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${base}/feed.xml: refused: 127.0.0.1 is loopback (only public addresses are fetched)\n`);
  });
  it('a URL that answers with a feed as text is read as a feed, by its root element', async () => {
    const r = await runCli('ingest', `${base}/feed.txt`, '--format', 'json');
    const out = JSON.parse(r.stdout) as Out[];
    expect(out.map((a) => a.source)).toEqual(['https://digest.example/corridor-what-we-know', `${base}/feed.txt#digest-2`, 'http://10.0.0.1/short']);
    expect(out.every((a) => a.feed === `${base}/feed.txt`)).toBe(true);
    expect(r.code).toBe(1); // the loopback item page
  });
});
