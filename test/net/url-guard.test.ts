import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { addressRefusal, checkUrl, guardedFetch, UrlRefusedError, type Resolver } from '../../src/net/url-guard.ts';
import { fetchArticle, FetchArticleError } from '../../src/evidence/fetch.ts';
import { createApp } from '../../src/server/app.ts';
import { createStore, type Store } from '../../src/store/index.ts';

/** A listener that records every TCP connection it accepts (so "not reached" means no connection at all). */
interface Recorder {
  server: Server;
  port: number;
  connections: number;
  requests: Array<{ url: string; host: string | undefined }>;
}

async function listen(host: string, handler: (url: string, res: import('node:http').ServerResponse, port: number) => void): Promise<Recorder> {
  const rec = { connections: 0, requests: [], port: 0 } as unknown as Recorder;
  rec.server = createServer((req, res) => {
    rec.requests.push({ url: req.url ?? '', host: req.headers.host });
    handler(req.url ?? '', res, rec.port);
  });
  rec.server.on('connection', () => rec.connections++);
  await new Promise<void>((r) => rec.server.listen(0, host, () => r()));
  rec.port = (rec.server.address() as AddressInfo).port;
  return rec;
}

const ARTICLE_HTML = '<!doctype html><html><head><title>Envoys meet</title></head><body><article><p>"We will sign," Anna Berg said on Monday in Geneva, where the border talks resumed after a long pause.</p></article></body></html>';

/** The refusal of `url` by the guard: its message (fails the test when the URL is fetched instead). */
async function refusal(url: string, options: Parameters<typeof guardedFetch>[2] = {}): Promise<string> {
  try {
    const res = await guardedFetch(url, { signal: AbortSignal.timeout(2000) }, options);
    await res.body?.cancel();
  } catch (e) {
    expect(e).toBeInstanceOf(UrlRefusedError);
    return (e as Error).message;
  }
  throw new Error(`${url} was fetched, not refused`);
}

let loop: Recorder; // 127.0.0.1: the service the attacker wants to reach
let other: Recorder; // 127.0.0.2: a second private service, target of redirects

beforeAll(async () => {
  const handler = (url: string, res: import('node:http').ServerResponse, port: number) => {
    const hops = /^\/hops\/(\d+)$/.exec(url);
    if (url === '/article.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_HTML);
    else if (url === '/gzip') res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('compressed text'));
    else if (hops) res.writeHead(302, { location: Number(hops[1]) === 0 ? '/article.html' : `/hops/${Number(hops[1]) - 1}` }).end();
    else if (url.startsWith('/to?')) res.writeHead(302, { location: decodeURIComponent(url.slice(4)) }).end();
    else if (url === '/secret') res.writeHead(200, { 'content-type': 'text/plain' }).end(`secret of ${port}`);
    else res.writeHead(404).end();
  };
  loop = await listen('127.0.0.1', handler);
  other = await listen('127.0.0.2', handler);
});
afterAll(async () => {
  await new Promise((r) => loop.server.close(r));
  await new Promise((r) => other.server.close(r));
});

describe('every notation of a loopback address is refused and the listener is not reached', () => {
  let before: number;
  beforeEach(() => {
    before = loop.connections;
  });
  const cases: Array<[string, (port: number) => string, RegExp]> = [
    ['dotted', (p) => `http://127.0.0.1:${p}/secret`, /127\.0\.0\.1 is loopback/],
    ['one number (2130706433)', (p) => `http://2130706433:${p}/secret`, /127\.0\.0\.1 is loopback/],
    ['octal (0177.0.0.1)', (p) => `http://0177.0.0.1:${p}/secret`, /127\.0\.0\.1 is loopback/],
    ['hexadecimal (0x7f.1)', (p) => `http://0x7f.1:${p}/secret`, /127\.0\.0\.1 is loopback/],
    ['hexadecimal octets (0x7f.0x0.0x0.0x1)', (p) => `http://0x7f.0x0.0x0.0x1:${p}/secret`, /127\.0\.0\.1 is loopback/],
    ['shortened (127.1)', (p) => `http://127.1:${p}/secret`, /127\.0\.0\.1 is loopback/],
    ['trailing dot (127.0.0.1.)', (p) => `http://127.0.0.1.:${p}/secret`, /127\.0\.0\.1 is loopback/],
    ['elsewhere in 127/8 (127.255.0.9)', (p) => `http://127.255.0.9:${p}/secret`, /127\.255\.0\.9 is loopback/],
    ['unspecified 0.0.0.0 (Linux connects it to this host)', (p) => `http://0.0.0.0:${p}/secret`, /0\.0\.0\.0 is unspecified/],
    ['unspecified as one number (0)', (p) => `http://0:${p}/secret`, /0\.0\.0\.0 is unspecified/],
    ['IPv4-mapped IPv6, dotted ([::ffff:127.0.0.1])', (p) => `http://[::ffff:127.0.0.1]:${p}/secret`, /::ffff:7f00:1 \(IPv4-mapped 127\.0\.0\.1\): 127\.0\.0\.1 is loopback/],
    ['IPv4-mapped IPv6, hex ([::ffff:7f00:1])', (p) => `http://[::ffff:7f00:1]:${p}/secret`, /IPv4-mapped 127\.0\.0\.1/],
    ['IPv4-mapped IPv6, long form', (p) => `http://[0:0:0:0:0:FFFF:7F00:0001]:${p}/secret`, /IPv4-mapped 127\.0\.0\.1/],
    ['IPv4-compatible IPv6 ([::127.0.0.1])', (p) => `http://[::127.0.0.1]:${p}/secret`, /IPv4-compatible 127\.0\.0\.1/],
    ['IPv6 loopback ([::1])', (p) => `http://[::1]:${p}/secret`, /::1 is loopback/],
    ['IPv6 unspecified ([::])', (p) => `http://[::]:${p}/secret`, /:: is unspecified/],
    ['NAT64 of loopback ([64:ff9b::127.0.0.1])', (p) => `http://[64:ff9b::127.0.0.1]:${p}/secret`, /NAT64 of 127\.0\.0\.1/],
    ['6to4 of loopback ([2002:7f00:1::1])', (p) => `http://[2002:7f00:1::1]:${p}/secret`, /6to4 of 127\.0\.0\.1/],
    ['Teredo with a loopback client ([2001:0:4136:e378:8000:63bf:80ff:fffe])', (p) => `http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:${p}/secret`, /Teredo client 127\.0\.0\.1/],
    ['localhost', (p) => `http://localhost:${p}/secret`, /"localhost" is a localhost name/],
    ['LOCALHOST with a trailing dot', (p) => `http://LOCALHOST.:${p}/secret`, /localhost name/],
    ['a *.localhost name', (p) => `http://api.localhost:${p}/secret`, /"api\.localhost" is a localhost name/],
    ['a *.localhost name with trailing dots', (p) => `http://a.b.localhost..:${p}/secret`, /localhost name/],
  ];
  for (const [name, url, message] of cases) {
    it(name, async () => {
      const u = url(loop.port);
      const why = await refusal(u);
      expect(why).toMatch(message);
      expect(why).toContain('refused');
      expect(loop.connections).toBe(before);
    });
  }

  it('the same URLs are reached with allowPrivate (so the refusals above are the guard, not a dead address)', async () => {
    for (const u of [`http://2130706433:${loop.port}/secret`, `http://0x7f.1:${loop.port}/secret`, `http://127.1:${loop.port}/secret`, `http://[::ffff:127.0.0.1]:${loop.port}/secret`, `http://0.0.0.0:${loop.port}/secret`]) {
      const res = await guardedFetch(u, {}, { allowPrivate: true });
      expect(await res.text(), u).toBe(`secret of ${loop.port}`);
    }
    expect(loop.requests.slice(-5).map((r) => r.url)).toEqual(Array(5).fill('/secret'));
  });
});

describe('names', () => {
  it('a public-looking name that resolves to loopback is refused, without connecting', async () => {
    const before = loop.connections;
    const calls: string[] = [];
    const resolve: Resolver = async (host) => {
      calls.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    expect(await refusal(`http://news.example.com:${loop.port}/secret`, { resolve })).toBe(
      `http://news.example.com:${loop.port}/secret: refused: "news.example.com" resolves to 127.0.0.1; 127.0.0.1 is loopback (only public addresses are fetched)`,
    );
    expect(calls).toEqual(['news.example.com']);
    expect(loop.connections).toBe(before);
  });

  it('every address of a name is checked, not only the first', async () => {
    const resolve: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:10.0.0.7', family: 6 },
    ];
    expect(await refusal('https://mixed.example.org/', { resolve })).toMatch(/resolves to ::ffff:10\.0\.0\.7; ::ffff:a00:7 \(IPv4-mapped 10\.0\.0\.7\): 10\.0\.0\.7 is private network/);
  });

  it('a name that does not resolve, or resolves to nothing, is refused with a message', async () => {
    expect(await refusal('http://nothing.invalid/', { resolve: async () => [] })).toBe('http://nothing.invalid/: the host name "nothing.invalid" has no addresses');
    const failing: Resolver = async () => {
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    expect(await refusal('http://nothing.invalid/', { resolve: failing })).toBe('http://nothing.invalid/: cannot resolve the host name "nothing.invalid" (ENOTFOUND)');
  });

  it('connects to the address that was checked: the name is resolved once and the system resolver is never asked (no rebinding window)', async () => {
    const before = loop.requests.length;
    const calls: string[] = [];
    // "article.test" exists in no DNS: if the connection looked the name up again, it would fail.
    const resolve: Resolver = async (host) => {
      calls.push(host);
      return calls.length === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.9.9.9', family: 4 }];
    };
    const res = await guardedFetch(`http://article.test:${loop.port}/secret`, {}, { allowPrivate: true, resolve });
    expect(await res.text()).toBe(`secret of ${loop.port}`);
    expect(calls).toEqual(['article.test']);
    expect(loop.requests.slice(before)).toEqual([{ url: '/secret', host: `article.test:${loop.port}` }]);
  });

  it('allowRanges admits an operator-trusted range and nothing outside it', async () => {
    const res = await guardedFetch(`http://127.0.0.1:${loop.port}/secret`, {}, { allowRanges: ['127.0.0.1/32'] });
    expect(await res.text()).toBe(`secret of ${loop.port}`);
    const before = other.connections;
    expect(await refusal(`http://127.0.0.2:${other.port}/secret`, { allowRanges: ['127.0.0.1/32'] })).toMatch(/127\.0\.0\.2 is loopback/);
    expect(other.connections).toBe(before);
  });
});

describe('redirects', () => {
  const trusted = { allowRanges: ['127.0.0.1/32'] };

  for (const [name, target] of [
    ['to another private address', (p: number) => `http://127.0.0.2:${p}/secret`],
    ['to the numeric notation', (p: number) => `http://2130706434:${p}/secret`],
    ['to IPv4-mapped IPv6', (p: number) => `http://[::ffff:127.0.0.2]:${p}/secret`],
  ] as const) {
    it(`a redirect from an allowed server ${name} is refused, and the target is not reached`, async () => {
      const before = other.connections;
      const why = await refusal(`http://127.0.0.1:${loop.port}/to?${encodeURIComponent(target(other.port))}`, trusted);
      expect(why).toMatch(/127\.0\.0\.2 is loopback/);
      expect(other.connections).toBe(before);
    });
  }

  it('fetchArticle (redirect by redirect) refuses the private hop too, as a FetchArticleError', async () => {
    const before = other.connections;
    const url = `http://127.0.0.1:${loop.port}/to?${encodeURIComponent(`http://127.0.0.2:${other.port}/secret`)}`;
    const error = await fetchArticle(url, { guard: trusted }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchArticleError);
    expect((error as Error).message).toBe(`http://127.0.0.2:${other.port}/secret: refused: 127.0.0.2 is loopback (only public addresses are fetched)`);
    expect(other.connections).toBe(before);
  });

  it('follows allowed redirects up to the limit, and refuses one more', async () => {
    const res = await guardedFetch(`http://127.0.0.1:${loop.port}/hops/4`, {}, { allowPrivate: true });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(ARTICLE_HTML);
    // /hops/5 → 4 → … → 0 → /article.html: 6 redirects.
    expect(await refusal(`http://127.0.0.1:${loop.port}/hops/5`, { allowPrivate: true })).toBe(`http://127.0.0.1:${loop.port}/hops/5: more than 5 redirects`);
    const manual = await guardedFetch(`http://127.0.0.1:${loop.port}/hops/0`, { redirect: 'manual' }, { allowPrivate: true });
    expect([manual.status, manual.headers.get('location')]).toEqual([302, '/article.html']);
  });

  it('refuses a redirect to another scheme', async () => {
    expect(await refusal(`http://127.0.0.1:${loop.port}/to?${encodeURIComponent('file:///etc/passwd')}`, { allowPrivate: true })).toBe('file:///etc/passwd: only http and https URLs are fetched, not file:');
  });
});

describe('through the guard, fetchArticle keeps its limits', () => {
  let slow: Recorder;
  beforeAll(async () => {
    slow = await listen('127.0.0.1', (url, res) => {
      if (url === '/never') return; // answers nothing
      if (url === '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: the size is counted while streaming
        const chunk = 'x'.repeat(64 * 1024);
        for (let i = 0; i < 40; i++) res.write(chunk);
        return void res.end();
      }
      res.writeHead(500).end();
    });
  });
  afterAll(async () => {
    slow.server.closeAllConnections();
    await new Promise((r) => slow.server.close(r));
  });
  const open = { guard: { allowPrivate: true } };
  const failure = (p: Promise<unknown>) => p.then(() => 'fetched', (e: Error) => `${e.constructor.name}: ${e.message}`);

  it('a timeout, a size limit counted while streaming, the content type and the status', async () => {
    const base = `http://127.0.0.1:${slow.port}`;
    expect(await failure(fetchArticle(`${base}/never`, { ...open, timeoutMs: 300 }))).toBe(`FetchArticleError: ${base}/never: no response within 300 ms`);
    expect(await failure(fetchArticle(`${base}/big`, { ...open, maxBytes: 1024 * 1024 }))).toBe(`FetchArticleError: ${base}/big: the page is larger than the limit of 1048576 bytes`);
    expect(await failure(fetchArticle(`${base}/json`, open))).toBe(`FetchArticleError: ${base}/json: the page is application/json, not HTML or plain text`);
    expect(await failure(fetchArticle(`${base}/other`, open))).toBe(`FetchArticleError: ${base}/other: the server answered 500 Internal Server Error`);
  });
});

describe('allowed fetches', () => {
  it('reads a page through fetchArticle with allowPrivate (tests only), gzip decoded', async () => {
    const page = await fetchArticle(`http://127.0.0.1:${loop.port}/article.html`, { guard: { allowPrivate: true } });
    expect([page.contentType, page.html]).toEqual(['text/html', ARTICLE_HTML]);
    const text = await fetchArticle(`http://127.0.0.1:${loop.port}/gzip`, { guard: { allowPrivate: true } });
    expect(text.text).toBe('compressed text');
  });

  it('checkUrl passes public addresses and names whose every address is public', async () => {
    expect((await checkUrl('http://93.184.216.34/a')).address).toEqual({ address: '93.184.216.34', family: 4 });
    expect((await checkUrl('https://[2606:4700::1111]/')).address).toEqual({ address: '2606:4700::1111', family: 6 });
    const resolve: Resolver = async () => [
      { address: '2606:4700::6810:84e5', family: 6 },
      { address: '104.16.132.229', family: 4 },
    ];
    expect((await checkUrl('https://news.example.com/x', { resolve })).address.address).toBe('2606:4700::6810:84e5');
  });

  it('refuses user names in URLs and non-http schemes', async () => {
    expect(await refusal('http://user:pw@93.184.216.34/')).toBe('http://user:pw@93.184.216.34/: URLs with a user name or password are not fetched');
    expect(await refusal('ftp://93.184.216.34/')).toBe('ftp://93.184.216.34/: only http and https URLs are fetched, not ftp:');
  });
});

describe('addressRefusal names each range', () => {
  const refused: Array<[string, string]> = [
    ['10.1.2.3', '10.1.2.3 is private network'],
    ['172.16.0.1', '172.16.0.1 is private network'],
    ['172.31.255.255', '172.31.255.255 is private network'],
    ['192.168.1.1', '192.168.1.1 is private network'],
    ['169.254.169.254', '169.254.169.254 is link-local'],
    ['100.64.0.1', '100.64.0.1 is carrier-grade NAT (100.64.0.0/10)'],
    ['224.0.0.1', '224.0.0.1 is multicast'],
    ['255.255.255.255', '255.255.255.255 is broadcast'],
    ['240.0.0.1', '240.0.0.1 is reserved'],
    ['192.0.2.10', '192.0.2.10 is reserved'],
    ['198.18.0.1', '198.18.0.1 is reserved'],
    ['fd00::1', 'fd00::1 is unique-local (fc00::/7)'],
    ['fe80::1', 'fe80::1 is link-local'],
    ['fec0::1', 'fec0::1 is site-local (fec0::/10)'],
    ['ff02::1', 'ff02::1 is multicast'],
    ['2001:db8::1', '2001:db8::1 is reserved'],
    ['::ffff:169.254.169.254', '::ffff:a9fe:a9fe (IPv4-mapped 169.254.169.254): 169.254.169.254 is link-local'],
    ['::ffff:192.168.0.1', '::ffff:c0a8:1 (IPv4-mapped 192.168.0.1): 192.168.0.1 is private network'],
    ['::10.0.0.1', '::a00:1 (IPv4-compatible 10.0.0.1): 10.0.0.1 is private network'],
    ['::8.8.8.8', '::808:808 is IPv4-compatible (deprecated, ::/96)'],
    ['64:ff9b::10.0.0.1', '64:ff9b::a00:1 (NAT64 of 10.0.0.1): 10.0.0.1 is private network'],
    ['64:ff9b:1::1', '64:ff9b:1::1 is local-use NAT64 (64:ff9b:1::/48)'],
    ['2002:c0a8:101::1', '2002:c0a8:101::1 (6to4 of 192.168.1.1): 192.168.1.1 is private network'],
    ['4000::1', '4000::1 is outside global unicast (2000::/3)'],
    ['not-an-ip', 'not-an-ip is not an IP address'],
  ];
  for (const [ip, why] of refused) it(`refuses ${ip}`, () => expect(addressRefusal(ip)).toBe(why));
  it('passes public unicast, and embeddings of public IPv4', () => {
    for (const ip of ['8.8.8.8', '172.32.0.1', '93.184.216.34', '100.128.0.1', '2606:4700::1111', '2a00:1450:4001:82b::200e', '::ffff:8.8.4.4', '64:ff9b::8.8.8.8', '2002:808:808::1']) expect(addressRefusal(ip), ip).toBeUndefined();
  });
});

describe('the exploit of issue 17 through the API', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createStore(':memory:');
  });
  afterAll(() => store.close());

  it('POST /api/ingest {"url":"http://[::ffff:127.0.0.1]:PORT/..."} answers 400 and the listener is not reached', async () => {
    const { app } = createApp({ store });
    const before = loop.connections;
    for (const url of [`http://[::ffff:127.0.0.1]:${loop.port}/article.html`, `http://2130706433:${loop.port}/article.html`, `http://localhost:${loop.port}/article.html`, `http://[::ffff:7f00:1]:${loop.port}/article.html`]) {
      const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
      const body = (await res.json()) as { error: { message: string; path: string } };
      expect(res.status, url).toBe(400);
      expect(body.error.path).toBe('url');
      expect(body.error.message).toMatch(/refused: .*(loopback|localhost)/);
    }
    expect(loop.connections).toBe(before);
  });

  it('with allowPrivateFetch (tests only) the same request reads the page', async () => {
    const { app } = createApp({ store, allowPrivateFetch: true });
    const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `http://[::ffff:127.0.0.1]:${loop.port}/article.html` }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { quotes: Array<{ speaker: string }> };
    expect(body.quotes.map((q) => q.speaker)).toEqual(['Anna Berg']);
  });
});
