/**
 * Accounts and sessions (src/server/auth.ts, routes/users.ts): the open single-user default; once an
 * account or a token exists every request needs an identity; sessions with CSRF tokens; roles; the
 * author of a revision; restore with If-Match.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { roleNeeded, sameSecret } from '../../src/server/auth.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';

let store: Store;
let close: () => Promise<void>;
afterEach(async () => {
  await close?.();
  await store?.close();
});

async function open(token?: string) {
  store = await createStore(':memory:');
  const made = createApp({ store, ...(token ? { token } : {}), logError: (l) => expect.fail(l) });
  close = () => made.jobs.shutdown();
  await store.createCase(sampleCase('talks'), { author: 'setup' });
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const res = await made.app.request(path, { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  };
  return call;
}

describe('accounts and sessions', () => {
  it('with no token and no account, everything is open as before (author from X-Parley-Author)', async () => {
    const call = await open();
    expect((await call('GET', '/api/session')).json).toEqual({ user: null, accountsRequired: false, csrfToken: null });
    expect((await call('GET', '/api/cases/talks')).status).toBe(200);
    const c = (await call('GET', '/api/cases/talks')).json;
    expect((await call('PUT', '/api/cases/talks', { 'x-parley-author': 'kim' }, { ...c, title: 'Renamed' })).status).toBe(200);
    expect((await store.listRevisions('talks')).at(-1)!.author).toBe('kim');
  });

  it('once an account exists, reads need an identity; a user token writes under its name; a viewer cannot write', async () => {
    const call = await open();
    const ana = await store.users.add({ name: 'ana', role: 'analyst', password: 'correct horse' });
    const vic = await store.users.add({ name: 'vic', role: 'viewer' });
    expect((await call('GET', '/api/cases/talks')).status).toBe(401);
    expect((await call('GET', '/api/cases/talks', { authorization: 'Bearer parley_made_up' })).status).toBe(401);
    expect((await call('GET', '/api/session')).json).toEqual({ user: null, accountsRequired: true, csrfToken: null });
    expect((await call('GET', '/api/health')).status).toBe(200);
    const c = (await call('GET', '/api/cases/talks', { authorization: `Bearer ${vic.token}` })).json;
    expect(c.id).toBe('talks');
    const viewerWrite = await call('PUT', '/api/cases/talks', { authorization: `Bearer ${vic.token}` }, { ...c, title: 'By a viewer' });
    expect(viewerWrite.status).toBe(403);
    const w = await call('PUT', '/api/cases/talks', { authorization: `Bearer ${ana.token}`, 'x-parley-author': 'someone else' }, { ...c, title: 'By ana' });
    expect(w.status).toBe(200);
    expect((await store.listRevisions('talks')).at(-1)!.author).toBe('ana');
    // Users and deleting cases: admins only.
    expect((await call('GET', '/api/users', { authorization: `Bearer ${ana.token}` })).status).toBe(403);
    expect((await call('DELETE', '/api/cases/talks', { authorization: `Bearer ${ana.token}` })).status).toBe(403);
  });

  it('a dashboard login sets an HttpOnly SameSite=Strict cookie; cookie writes need the CSRF token; logout ends it', async () => {
    const call = await open();
    await store.users.add({ name: 'ana', role: 'analyst', password: 'correct horse' });
    expect((await call('POST', '/api/session', {}, { name: 'ana', password: 'wrong horse' })).json.error.message).toBe('wrong name or password');
    expect((await call('POST', '/api/session', {}, { name: 'nobody', password: 'correct horse' })).status).toBe(401);
    const login = await call('POST', '/api/session', {}, { name: 'ana', password: 'correct horse' });
    expect(login.status).toBe(200);
    expect(login.json.user).toEqual({ name: 'ana', role: 'analyst' });
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^parley_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const jar = { cookie: cookie.split(';')[0] };
    expect((await call('GET', '/api/session', jar)).json).toEqual({ user: { name: 'ana', role: 'analyst' }, accountsRequired: true, csrfToken: login.json.csrfToken });
    const c = (await call('GET', '/api/cases/talks', jar)).json;
    expect((await call('PUT', '/api/cases/talks', jar, { ...c, title: 'No CSRF' })).status).toBe(403);
    expect((await call('PUT', '/api/cases/talks', { ...jar, 'x-csrf-token': 'guess' }, { ...c, title: 'Wrong CSRF' })).status).toBe(403);
    expect((await call('PUT', '/api/cases/talks', { ...jar, 'x-csrf-token': login.json.csrfToken }, { ...c, title: 'With CSRF' })).status).toBe(200);
    expect((await store.getCase('talks')).case.title).toBe('With CSRF');
    expect((await call('DELETE', '/api/session', jar)).status).toBe(204);
    expect((await call('GET', '/api/cases/talks', jar)).status).toBe(401);
  });

  it("with the server's token: reads need it too; a wrong one of any length is refused", async () => {
    const call = await open('s3cret-token');
    expect((await call('GET', '/api/cases/talks')).status).toBe(401);
    expect((await call('GET', '/api/cases/talks', { authorization: 'Bearer s3cret-token' })).status).toBe(200);
    expect((await call('GET', '/api/cases/talks', { authorization: 'Bearer s' })).status).toBe(401);
    expect((await call('GET', '/api/cases/talks', { authorization: `Bearer ${'x'.repeat(500)}` })).status).toBe(401);
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(roleNeeded('GET', '/api/cases/x')).toBe('viewer');
    expect(roleNeeded('POST', '/api/cases/x/forecast')).toBe('analyst');
    expect(roleNeeded('DELETE', '/api/cases/x')).toBe('admin');
    expect(roleNeeded('DELETE', '/api/cases/x/events/e1')).toBe('analyst');
  });

  it('an admin manages accounts; restore writes an earlier content as a new revision and honours If-Match', async () => {
    const call = await open();
    const adm = await store.users.add({ name: 'root', role: 'admin', password: 'correct horse' });
    const auth = { authorization: `Bearer ${adm.token}` };
    const made = await call('POST', '/api/users', auth, { name: 'ben', role: 'viewer', password: 'battery staple' });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ name: 'ben', role: 'viewer', token: expect.stringMatching(/^parley_/) });
    expect((await call('POST', '/api/users', auth, { name: 'Bad Name!', role: 'viewer' })).json.error.path).toBe('name');
    expect((await call('GET', '/api/users', auth)).json.items.map((u: { name: string }) => u.name).sort()).toEqual(['ben', 'root']);
    expect((await call('DELETE', '/api/users/ben', auth)).status).toBe(204);
    expect((await call('DELETE', '/api/users/root', auth)).status).toBe(409);
    const c = (await call('GET', '/api/cases/talks', auth)).json;
    expect((await call('PUT', '/api/cases/talks', { ...auth, 'if-match': '"1"' }, { ...c, title: 'Second' })).status).toBe(200);
    expect((await call('POST', '/api/cases/talks/restore', { ...auth, 'if-match': '"1"' }, { revision: 1 })).status).toBe(412);
    const r = await call('POST', '/api/cases/talks/restore', { ...auth, 'if-match': '"2"' }, { revision: 1 });
    expect(r.json).toEqual({ id: 'talks', revision: 3 });
    expect((await store.getCase('talks')).case.title).toBe(sampleCase('talks').title);
    const last = (await store.listRevisions('talks')).at(-1)!;
    expect(last.author).toBe('root');
  });
});
