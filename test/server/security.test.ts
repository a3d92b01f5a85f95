/**
 * Browser-side attacks (issue 17): cross-site writes (Origin, Sec-Fetch-Site) refused whatever the
 * body's content type, a foreign Host (DNS rebinding) refused, reads and writes included, clients
 * without an Origin (CLI, scripts) still served; and the rate limit of the expensive routes.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { createApp, type AppOptions } from '../../src/server/app.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { clientKey, hostRefusal, hostnameOf, isExpensive } from '../../src/server/security.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';

let store: Store;
let app: ReturnType<typeof createApp>['app'];
let shutdown: () => Promise<void>;

const open = async (opts: Partial<AppOptions> = {}) => {
  store = await createStore(':memory:');
  const made = createApp({ store, logError: (line) => { throw new Error(`the server logged: ${line}`); }, ...opts });
  app = made.app;
  shutdown = () => made.jobs.shutdown();
  await store.createCase(sampleCase('talks'), { author: 't' });
  await store.modifyCase('talks', (c) => {
    c.evidence.push({ id: 'q3', kind: 'quote', text: 'Maybe.', date: '2025-03-02', status: 'candidate' } as never);
  });
};
afterEach(async () => {
  await shutdown();
  await store.close();
});

const send = async (method: string, url: string, headers: Record<string, string> = {}, body?: string, remoteAddress?: string) => {
  const res = await app.request(url, { method, headers, ...(body !== undefined ? { body } : {}) }, remoteAddress ? { incoming: { socket: { remoteAddress } } } : undefined);
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
};
const EVIL = { origin: 'http://evil.example' };
const caseYaml = toYaml({ ...sampleCase('planted'), title: 'Planted by a web page' });

describe('cross-site writes', () => {
  beforeEach(() => open());

  it('refuses an import from another origin, as text/plain, a form or multipart, and creates no case', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await send('POST', '/api/cases/import?name=planted.yaml', { ...EVIL, 'content-type': type }, caseYaml);
      expect(r.status, type).toBe(403);
      expect(r.json.error.path).toBe('Origin');
      expect(r.json.error.message).toContain('http://evil.example');
    }
    expect(await store.hasCase('planted')).toBe(false);
  });

  it('refuses the body-less accept, reject and replay from another site (Origin or Sec-Fetch-Site), changing nothing', async () => {
    const before = (await store.getCase('talks')).revision;
    const run = await send('POST', '/api/cases/talks/forecast', { 'content-type': 'application/json' }, JSON.stringify({ models: ['compromise'] }));
    expect(run.status).toBe(200);
    for (const headers of [EVIL, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }, { origin: 'http://localhost.evil.example' }]) {
      for (const path of ['/api/cases/talks/evidence/q3/accept', '/api/cases/talks/evidence/q3/reject', `/api/runs/${run.json.runId}/replay`]) {
        const r = await send('POST', path, headers);
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    const after = await store.getCase('talks');
    expect(after.revision).toBe(before);
    expect(after.case.evidence.find((e) => e.id === 'q3')?.status).toBe('candidate');
  });

  it('serves writes from its own origin, same-origin fetches and clients that send no Origin (CLI, scripts)', async () => {
    expect((await send('POST', '/api/cases/talks/evidence/q3/accept', { origin: 'http://localhost' })).status).toBe(200);
    expect((await send('POST', 'http://127.0.0.1:4242/api/cases/talks/evidence/q3/reject', { origin: 'http://127.0.0.1:4242', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await send('POST', '/api/cases/import?name=planted.yaml', { 'content-type': 'text/plain' }, caseYaml)).status).toBe(201);
    // Reads are not writes: another origin may read (the CORS rules of the browser keep the answer from its page).
    expect((await send('GET', '/api/cases/talks', EVIL)).status).toBe(200);
  });
});

describe('Host (DNS rebinding)', () => {

  it('refuses a foreign Host for reads and writes, in process', async () => {
    await open();
    const read = await send('GET', 'http://evil.example:4242/api/cases');
    expect(read.status).toBe(403);
    expect(read.json.error.path).toBe('Host');
    expect(read.json.error.message).toContain('--public-name evil.example');
    const write = await send('POST', 'http://evil.example:4242/api/cases/talks/evidence/q3/accept', { origin: 'http://evil.example:4242' });
    expect(write.status).toBe(403);
    expect((await store.getCase('talks')).case.evidence.find((e) => e.id === 'q3')?.status).toBe('candidate');
    for (const ok of ['http://localhost/api/cases', 'http://localhost:9/api/cases', 'http://127.0.0.1:4242/api/cases', 'http://127.1.2.3/api/cases', 'http://[::1]:4242/api/cases']) {
      expect((await send('GET', ok)).status, ok).toBe(200);
    }
  });

  it('answers a configured public name, and a write from its https origin behind a proxy', async () => {
    await open({ publicNames: ['parley.example.org'] });
    expect((await send('GET', 'http://parley.example.org/api/cases')).status).toBe(200);
    const viaProxy = await send('POST', 'http://127.0.0.1:4242/api/cases/talks/evidence/q3/accept', { origin: 'https://parley.example.org' });
    expect(viaProxy.status).toBe(200);
    expect((await send('GET', 'http://evil.example/api/cases')).status).toBe(403);
  });

  it('names what it accepts when listening off loopback', () => {
    expect(hostnameOf('[::1]:4242')).toBe('::1');
    expect(hostnameOf('Example.ORG.:80')).toBe('example.org');
    const all = { listenHost: '0.0.0.0' };
    expect(hostRefusal('192.168.1.20:4242', all)).toBeNull();
    expect(hostRefusal('[fe80::1]:4242', all)).toBeNull();
    expect(hostRefusal('localhost:4242', all)).toBeNull();
    expect(hostRefusal('evil.example:4242', all)).toMatch(/DNS rebinding/);
    const one = { listenHost: '10.0.0.5', publicNames: ['parley.lan'] };
    expect(hostRefusal('10.0.0.5:4242', one)).toBeNull();
    expect(hostRefusal('parley.lan:4242', one)).toBeNull();
    expect(hostRefusal('10.0.0.6:4242', one)).toMatch(/not a name of this server/);
    // On loopback (the default) an address that is not a loopback one is refused too.
    expect(hostRefusal('192.168.1.20:4242', {})).toMatch(/localhost or 127\.0\.0\.1/);
    expect(hostRefusal('[::ffff:127.0.0.1]:4242', {})).toBeNull();
  });
});

describe('Host over a real socket', () => {
  let server: RunningServer;
  afterEach(async () => server.close());

  const raw = (port: number, host: string, method = 'GET', path = '/api/cases', headers: Record<string, string> = {}, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host, ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });

  it('refuses the rebound name and serves the loopback ones', async () => {
    server = await startServer({ port: 0, db: ':memory:', webRoot: '/nonexistent' });
    expect(await raw(server.port, `attacker.example:${server.port}`)).toBe(403);
    expect(await raw(server.port, `localhost:${server.port}`)).toBe(200);
    expect(await raw(server.port, `127.0.0.1:${server.port}`)).toBe(200);
    expect(await raw(server.port, `[::1]:${server.port}`)).toBe(200);
  });

  it('off loopback: its public names and addresses are served, other names refused, and a whole-case PUT needs If-Match', async () => {
    server = await startServer({ port: 0, host: '0.0.0.0', token: 'tok', db: ':memory:', webRoot: '/nonexistent', publicNames: ['parley.lan'] });
    const auth = { authorization: 'Bearer tok', 'content-type': 'application/json' };
    expect(await raw(server.port, `parley.lan:${server.port}`, 'POST', '/api/cases', auth, JSON.stringify(sampleCase('talks')))).toBe(201);
    expect(await raw(server.port, `192.168.7.7:${server.port}`, 'GET', '/api/cases', auth)).toBe(200);
    expect(await raw(server.port, `attacker.example:${server.port}`)).toBe(403);
    expect(await raw(server.port, `parley.lan:${server.port}`, 'PUT', '/api/cases/talks', auth, JSON.stringify(sampleCase('talks')))).toBe(428);
    expect(await raw(server.port, `parley.lan:${server.port}`, 'PUT', '/api/cases/talks', { ...auth, 'if-match': '"1"' }, JSON.stringify(sampleCase('talks')))).toBe(200);
  });
});

describe('rate limit of the expensive routes', () => {
  it('counts each client apart, answers 429 with Retry-After and the error shape, and leaves cheap routes alone', async () => {
    await open({ rateLimit: 3 });
    const check = (address: string, token = 'made-up') => send('GET', '/api/cases/talks/drafts/check', { authorization: `Bearer ${token}` }, undefined, address);
    for (let i = 0; i < 3; i++) expect((await check('10.0.0.1', `fresh-${i}`)).status).toBe(200);
    // A made-up bearer token (a new one each time) does not make a new client.
    const over = await check('10.0.0.1', 'fresh-3');
    expect(over.status).toBe(429);
    const wait = Number(over.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(over.json).toEqual({ error: { message: expect.stringContaining('more than 3 expensive requests'), path: null } });
    // HEAD runs the GET handler: counted too.
    expect((await send('HEAD', '/api/cases/talks/drafts/check', {}, undefined, '10.0.0.1')).status).toBe(429);
    // Another client (another address) has its own count; cheap reads are not counted.
    expect((await check('10.0.0.2')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await send('GET', '/api/cases/talks', {}, undefined, '10.0.0.1')).status).toBe(200);
  });

  it('is off with 0 (and by default in process)', async () => {
    await open({ rateLimit: 0 });
    for (let i = 0; i < 6; i++) expect((await send('GET', '/api/cases/talks/drafts/check')).status).toBe(200);
  });

  it('knows the expensive routes and the client of a request', () => {
    expect(isExpensive('POST', '/api/cases/talks/forecast')).toBe(true);
    expect(isExpensive('GET', '/api/cases/talks/timeline')).toBe(true);
    expect(isExpensive('GET', '/api/cases/talks/scenarios/compare')).toBe(true);
    expect(isExpensive('POST', '/api/runs/r1/replay')).toBe(true);
    expect(isExpensive('POST', '/api/cases/import')).toBe(true);
    expect(isExpensive('POST', '/api/ingest')).toBe(true);
    expect(isExpensive('GET', '/api/cases/talks')).toBe(false);
    expect(isExpensive('GET', '/api/cases/talks/forecast')).toBe(false);
    const ctx = (vars: Record<string, unknown>, headers: Record<string, string>) => ({ var: vars, env: { incoming: { socket: { remoteAddress: '10.1.2.3' } } }, req: { header: (n: string) => headers[n] } }) as never;
    expect(clientKey(ctx({ user: { name: 'ana' } }, { authorization: 'Bearer x' }))).toBe('user:ana');
    expect(clientKey(ctx({}, { authorization: 'Bearer x' }))).toBe('address:10.1.2.3');
    expect(isExpensive('HEAD', '/api/cases/talks/timeline')).toBe(true);
    expect(clientKey(ctx({}, {}))).toBe('address:10.1.2.3');
  });
});
