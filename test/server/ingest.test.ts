import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.ts';
import { addressRefusal } from '../../src/net/url-guard.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';

// An invented article (not third-party text): two direct quotes with speakers, one outlet cited.
const ARTICLE = `Title: Envoys meet again
Date: 2025-03-03
Outlet: Test Gazette
---
GENEVA — Negotiators from North and South met on Monday for a third round of border talks.

"We will not give up one metre of the north line," North's foreign minister Anna Berg said after the meeting.

South's envoy, Tomas Reyes, told reporters: "A fair border runs along the river, and we are ready to sign."
`;

describe('POST /api/ingest', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>['app'];
  let articleServer: Server;
  let articleUrl: string;
  const post = async (body: unknown, size?: number) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(size ?? Buffer.byteLength(text)) }, body: text });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeAll(async () => {
    store = await createStore(':memory:');
    await store.createCase(sampleCase('talks'));
    app = createApp({ store, allowPrivateFetch: true }).app;
    articleServer = createServer((req, res) => {
      if (req.url === '/article.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><title>Envoys meet</title><meta property="article:published_time" content="2025-03-03"></head><body><article><p>"We will not give up one metre of the north line," North's foreign minister Anna Berg said after the meeting on Monday in Geneva, where the talks resumed.</p><p>More talks are planned for next week, officials said.</p></article></body></html>`);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => articleServer.listen(0, '127.0.0.1', () => r()));
    articleUrl = `http://127.0.0.1:${(articleServer.address() as AddressInfo).port}/article.html`;
  });
  afterAll(async () => {
    await store.close();
    await new Promise((r) => articleServer.close(r));
  });

  it('finds the quotes and speakers of pasted text, without storing anything', async () => {
    const r = await post({ text: ARTICLE });
    expect(r.status).toBe(200);
    expect(r.json.article).toMatchObject({ date: '2025-03-03', outlet: 'Test Gazette', title: 'Envoys meet again' });
    const quotes = r.json.quotes.map((q: any) => [q.speaker, q.text.slice(0, 20)]);
    expect(quotes).toEqual([
      ['Anna Berg', 'We will not give up '],
      ['Tomas Reyes', 'A fair border runs a'],
    ]);
    expect(r.json.stored).toBeUndefined();
    // The offsets point into the body the server measured: the pasted text without its header.
    expect(r.json.body).toBe(ARTICLE.slice(ARTICLE.indexOf('---\n') + 4));
    for (const q of r.json.quotes) expect(r.json.body.slice(q.start, q.end)).toBe(q.text);
    expect(ARTICLE.slice(r.json.quotes[0].start, r.json.quotes[0].end)).not.toBe(r.json.quotes[0].text);
  });

  it('stores the quotes as candidate evidence of a case once, and they can be accepted', async () => {
    const first = await post({ text: ARTICLE, caseId: 'talks' });
    expect(first.json.stored).toHaveLength(2);
    expect(first.json.revision).toBe(2);
    const again = await post({ text: ARTICLE, caseId: 'talks' });
    expect(again.json.stored).toEqual([]);
    const c = (await store.getCase('talks')).case;
    const stored = c.evidence.filter((e) => first.json.stored.includes(e.id));
    expect(stored.map((e) => [e.status, e.speaker, e.date, e.outlet])).toEqual([
      ['candidate', 'Anna Berg', '2025-03-03', 'Test Gazette'],
      ['candidate', 'Tomas Reyes', '2025-03-03', 'Test Gazette'],
    ]);
    const accepted = await app.request(`/api/cases/talks/evidence/${first.json.stored[0]}/accept`, { method: 'POST' });
    expect(((await accepted.json()) as any).status).toBe('accepted');
  });

  it('fetches a URL (HTML page) when allowed, and refuses private addresses by default', async () => {
    const r = await post({ url: articleUrl });
    expect(r.status).toBe(200);
    expect(r.json.quotes[0].speaker).toBe('Anna Berg');
    expect(r.json.article.url).toBe(articleUrl);
    const strict = createApp({ store }).app;
    const refused = await strict.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: articleUrl }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error).toMatchObject({ path: 'url', message: expect.stringMatching(/refused: 127\.0\.0\.1 is loopback/) });
    const missing = await post({ url: articleUrl.replace('article', 'missing') });
    expect(missing.json.error).toMatchObject({ path: 'url', message: expect.stringMatching(/404/) });
  });

  it('answers bad requests with 400 and the field, and bodies over 10 MB with 413', async () => {
    expect((await post({})).json.error.path).toBe('text');
    expect((await post({ text: 'a', html: '<p>b</p>' })).json.error.path).toBe('text');
    expect((await post({ text: ARTICLE, date: '3 March' })).json.error.path).toBe('date');
    expect((await post({ url: 'file:///etc/passwd' })).json.error.path).toBe('url');
    // Dated nowhere: the quotes cannot become dated evidence.
    expect((await post({ text: '"We are ready," Anna Berg said.', caseId: 'talks' })).json.error.path).toBe('date');
    expect((await post({ text: ARTICLE, caseId: 'nope' })).status).toBe(404);
    // Larger than the 2 MB of other routes is fine here; beyond 10 MB is not.
    const long = `${ARTICLE}\n${'Talks went on. '.repeat(150_000)}`;
    expect((await post({ text: long })).status).toBe(200);
    expect((await post({ text: 'x'.repeat(10 * 1024 * 1024 + 1) })).status).toBe(413);
  });
});

it('classifies private and public addresses', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '224.0.0.1']) {
    expect(addressRefusal(ip), ip).toBeDefined();
  }
  for (const ip of ['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.4.4']) expect(addressRefusal(ip), ip).toBeUndefined();
});
