import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { createStore } from '../../src/store/index.ts';
import { createLogger, logJobEvent, loggerFromEnv, LogConfigError, parseLogFormat, queueEventLog } from '../../src/server/log.ts';

const FIXED = new Date('2026-12-03T07:00:00.000Z');

/** An app over a fresh in-memory store whose log lines are collected. */
async function logged(format: 'json' | 'text', opts: { token?: string } = {}) {
  const store = await createStore(':memory:');
  const lines: string[] = [];
  const log = createLogger({ format, write: (l) => lines.push(l), now: () => FIXED });
  const { app } = createApp({ store, log, ...opts });
  return { app, store, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('PARLEY_LOG', () => {
  it('takes json or text (any case, spaces trimmed), treats empty as unset and refuses anything else by name', () => {
    expect(parseLogFormat(undefined)).toBeNull();
    expect(parseLogFormat('')).toBeNull();
    expect(parseLogFormat(' JSON ')).toBe('json');
    expect(parseLogFormat('text')).toBe('text');
    expect(() => parseLogFormat('yaml')).toThrow(LogConfigError);
    expect(() => parseLogFormat('yaml')).toThrow('PARLEY_LOG must be json or text (or unset: human messages, no line per request), got "yaml"');
  });

  it('unset writes messages as they were and no events; text and json write events', () => {
    const out: string[] = [];
    const quiet = loggerFromEnv({}, (l) => out.push(l));
    quiet.info('parley: imported examples/a.yaml');
    quiet.event('request', { method: 'GET', path: '/api/cases', status: 200 });
    expect(out).toEqual(['parley: imported examples/a.yaml\n']);
    expect(loggerFromEnv({ PARLEY_LOG: 'text' }).events).toBe(true);
    const json = loggerFromEnv({ PARLEY_LOG: 'json' }, (l) => out.push(l));
    expect(json.format).toBe('json');
    json.error('boom', { id: 'x' });
    expect(JSON.parse(out[1])).toMatchObject({ level: 'error', msg: 'boom', id: 'x' });
    expect(() => loggerFromEnv({ PARLEY_LOG: 'verbose' })).toThrow(LogConfigError);
  });
});

describe('request log', () => {
  it('one JSON line per request: method, path, query names without values, status, ms, the request id of the response', async () => {
    const { app, store, lines, json } = await logged('json');
    try {
      const res = await app.request('/api/cases?limit=5&q=sekrit-value&q=again');
      expect(res.status).toBe(200);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines).toHaveLength(1);
      expect(lines[0].endsWith('\n')).toBe(true);
      const [entry] = json();
      expect(Object.keys(entry)).toEqual(['time', 'level', 'event', 'method', 'path', 'query', 'status', 'ms', 'requestId']);
      expect(entry).toMatchObject({ time: '2026-12-03T07:00:00.000Z', level: 'info', event: 'request', method: 'GET', path: '/api/cases', query: ['limit', 'q'], status: 200, requestId: id });
      expect(entry.ms).toBeGreaterThanOrEqual(0);
      expect(entry.ms).toBeLessThan(5000);
      expect(lines[0]).not.toContain('sekrit');

      // A 404 and a refused foreign Host are requests too; a 5xx is an error line.
      expect((await app.request('/api/nope')).status).toBe(404);
      expect((await app.request('http://evil.example/api/cases')).status).toBe(403);
      expect(json().slice(1).map((e) => [e.path, e.status, e.level])).toEqual([
        ['/api/nope', 404, 'info'],
        ['/api/cases', 403, 'info'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('keeps a plain X-Request-Id from the client and replaces one that is not a plain token', async () => {
    const { app, store, json } = await logged('json');
    try {
      const kept = await app.request('/api/health', { headers: { 'x-request-id': 'lb-7f3a_01=' } });
      expect(kept.headers.get('x-request-id')).toBe('lb-7f3a_01=');
      const replaced = await app.request('/api/health', { headers: { 'x-request-id': 'a b"c<script>' } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(json().map((e) => e.requestId)).toEqual(['lb-7f3a_01=', replaced.headers.get('x-request-id')]);
    } finally {
      await store.close();
    }
  });

  it('never logs a token, a password, a session cookie or a query value, and names who signed in', async () => {
    const token = 'tok-9d1c4e7a55b2';
    const { app, store, lines, json } = await logged('json', { token });
    try {
      await store.users.add({ name: 'ana', role: 'analyst', password: 'correct horse battery' });
      const login = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ana', password: 'correct horse battery' }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      expect(cookie).toMatch(/^parley_session=.{16,}/);
      const sid = cookie.split('=')[1];
      expect((await app.request('/api/cases?asOf=2025-01-01', { headers: { cookie } })).status).toBe(200);
      expect((await app.request('/api/cases', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await app.request('/api/cases', { headers: { authorization: 'Bearer wrong-secret-123' } })).status).toBe(401);
      const all = lines.join('');
      for (const secret of [token, 'correct horse', sid, 'wrong-secret-123', '2025-01-01']) expect(all).not.toContain(secret);
      expect(json().map((e) => [e.method, e.path, e.status, e.user ?? null])).toEqual([
        ['POST', '/api/session', 200, null],
        ['GET', '/api/cases', 200, 'ana'],
        ['GET', '/api/cases', 200, 'api'],
        ['GET', '/api/cases', 401, null],
      ]);
    } finally {
      await store.close();
    }
  });

  it('text: one human line per request, percent-encoded, so no request can start a line of its own', async () => {
    const { app, store, lines } = await logged('text');
    try {
      const res = await app.request('/api/nope%0Afake%20line?x%0Ay=1');
      expect(res.status).toBe(404);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^GET \/api\/nope%0Afake%20line\?x\?y 404 \d+(\.\d)? ms id=[0-9a-f-]{36}\n$/);
    } finally {
      await store.close();
    }
  });

  it('an internal error goes to the log as an error line with its stack', async () => {
    const store = await createStore(':memory:');
    const lines: string[] = [];
    const broken = new Proxy(store, {
      get: (t, k) => (k === 'listCases' ? async () => { throw new TypeError('cannot read properties of undefined (a bug)'); } : Reflect.get(t, k)),
    });
    const { app } = createApp({ store: broken, log: createLogger({ format: 'json', write: (l) => lines.push(l), now: () => FIXED }) });
    try {
      expect((await app.request('/api/cases')).status).toBe(500);
      const entries = lines.map((l) => JSON.parse(l));
      expect(entries.map((e) => [e.level, e.event ?? 'msg'])).toEqual([
        ['error', 'msg'],
        ['error', 'request'],
      ]);
      expect(entries[0].msg).toMatch(/^parley serve: GET \/api\/cases: TypeError: cannot read properties of undefined \(a bug\)\n\s+at /);
      expect(entries[1].status).toBe(500);
    } finally {
      await store.close();
    }
  });
});

describe('job events', () => {
  it('one line per job event, an error line when it failed; nothing when events are off', () => {
    const lines: string[] = [];
    const log = createLogger({ format: 'json', write: (l) => lines.push(l), now: () => FIXED });
    logJobEvent(log, { id: 'j1', kind: 'simulate', status: 'done' }, { chunks: 80, ms: 5210.4 });
    logJobEvent(log, { id: 'j2', kind: 'simulate', status: 'failed' }, { error: 'no such case' });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '2026-12-03T07:00:00.000Z', level: 'info', event: 'job', id: 'j1', kind: 'simulate', status: 'done', chunks: 80, ms: 5210.4 },
      { time: '2026-12-03T07:00:00.000Z', level: 'error', event: 'job', id: 'j2', kind: 'simulate', status: 'failed', error: 'no such case' },
    ]);
    const text: string[] = [];
    logJobEvent(createLogger({ format: 'text', write: (l) => text.push(l) }), { id: 'j1', kind: 'simulate', status: 'done' }, { chunks: 80 });
    expect(text).toEqual(['job id=j1 kind=simulate status=done chunks=80\n']);
    logJobEvent(createLogger({ format: 'text', write: (l) => text.push(l) }), { id: 'j2', kind: 'simulate', status: 'failed' }, { error: 'line one\nline two' });
    expect(text[1]).toBe('job id=j2 kind=simulate status=failed error=line one line two\n');
    // A field named like the line's own keys does not replace them.
    const own: string[] = [];
    createLogger({ format: 'json', write: (l) => own.push(l), now: () => FIXED }).event('job', { event: 'x', time: 'forged', msg: 'm', id: 'j4' });
    expect(JSON.parse(own[0])).toEqual({ time: '2026-12-03T07:00:00.000Z', level: 'info', event: 'job', msg: 'm', id: 'j4' });
    // The queue's own events (src/jobs/pgboss.ts's shape) become job lines; a failure is an error line.
    const queue: string[] = [];
    const sink = queueEventLog(createLogger({ format: 'json', write: (l) => queue.push(l), now: () => FIXED }));
    sink({ event: 'submitted', at: '2026-12-03T06:59:59.000Z', job: 'j3', kind: 'simulate', chunks: 80 });
    sink({ event: 'chunk-error', job: 'j3', chunk: 7, error: 'connection reset', extra: { a: [1] }, none: undefined });
    expect(queue.map((l) => JSON.parse(l))).toEqual([
      { time: '2026-12-03T07:00:00.000Z', level: 'info', event: 'job', step: 'submitted', job: 'j3', kind: 'simulate', chunks: 80 },
      { time: '2026-12-03T07:00:00.000Z', level: 'error', event: 'job', step: 'chunk-error', job: 'j3', chunk: 7, error: 'connection reset', extra: '{"a":[1]}' },
    ]);
    const none: string[] = [];
    logJobEvent(createLogger({ format: 'json', events: false, write: (l) => none.push(l) }), { id: 'j1', kind: 'simulate', status: 'done' });
    expect(none).toEqual([]);
  });
});
