/** fetchArticle against a local HTTP server on 127.0.0.1 (never the internet). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchArticleError, fetchArticle, ingestArticle } from '../../src/evidence/index.ts';

let server: Server;
let base = '';
const page = '<html><head><meta property="article:published_time" content="2025-03-12T08:00:00Z"></head><body><article><p>“We are ready,” Varga said on Tuesday, according to Reuters. The talks went on late into the night in Geneva, with both delegations still at the table.</p><p>Molnar said the offer was “final” and would not change.</p></article></body></html>';

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/article':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return;
      case '/plain':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('"No," Varga said.');
        return;
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        return;
      case '/huge': {
        // no content-length: the limit must hold while streaming
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const push = () => {
          while (sent < 64 && res.write(chunk)) sent++;
          if (sent < 64) res.once('drain', push);
          else res.end();
        };
        push();
        return;
      }
      case '/slow':
        return; // never answers
      case '/redirect':
        res.writeHead(302, { location: '/article' });
        res.end();
        return;
      case '/redirect-inward':
        res.writeHead(301, { location: '/internal/admin' });
        res.end();
        return;
      case '/loop':
        res.writeHead(307, { location: '/loop' });
        res.end();
        return;
      case '/to-file':
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchArticle', () => {
  it('fetches an HTML page, which ingests with its metadata date', async () => {
    const fetched = await fetchArticle(`${base}/article`);
    expect(fetched.contentType).toBe('text/html');
    const r = ingestArticle({ html: fetched.html, url: fetched.url });
    expect(r.article).toMatchObject({ date: '2025-03-12', url: `${base}/article` });
    expect(r.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We are ready,', 'Varga'],
      ['final', 'Molnar'],
    ]);
    expect(r.sources).toEqual(['Reuters']);
  });

  it('follows redirects and reads plain text', async () => {
    expect((await fetchArticle(`${base}/redirect`)).url).toBe(`${base}/article`);
    expect((await fetchArticle(`${base}/plain`)).text).toBe('"No," Varga said.');
  });

  it('checks every redirect target before requesting it, and stops loops', async () => {
    const seen: string[] = [];
    const checkUrl = async (u: string) => {
      seen.push(new URL(u).pathname);
      if (new URL(u).pathname.startsWith('/internal')) throw new FetchArticleError(`${u}: refused`);
    };
    expect((await fetchArticle(`${base}/redirect`, { checkUrl })).url).toBe(`${base}/article`);
    expect(seen).toEqual(['/redirect', '/article']);
    await expect(fetchArticle(`${base}/redirect-inward`, { checkUrl })).rejects.toThrow(`${base}/internal/admin: refused`);
    await expect(fetchArticle(`${base}/loop`)).rejects.toThrow(`${base}/loop: more than 5 redirects`);
    await expect(fetchArticle(`${base}/to-file`)).rejects.toThrow('redirected to file: (only http and https are fetched)');
  });

  it('fails clearly on errors, wrong types, oversized pages, timeouts and bad URLs', async () => {
    await expect(fetchArticle(`${base}/missing`)).rejects.toThrow(`${base}/missing: the server answered 404 Not Found`);
    await expect(fetchArticle(`${base}/image`)).rejects.toThrow('is image/png, not HTML or plain text');
    await expect(fetchArticle(`${base}/huge`, { maxBytes: 1024 * 1024 })).rejects.toThrow('larger than the limit of 1048576 bytes');
    await expect(fetchArticle(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow('no response within 300 ms');
    await expect(fetchArticle('ftp://example.org/x')).rejects.toThrow('only http and https URLs');
    await expect(fetchArticle('not a url')).rejects.toThrow(FetchArticleError);
    await expect(fetchArticle('http://127.0.0.1:1/')).rejects.toThrow(/cannot fetch/);
  });
});
