/** Workbench accounts in the store (src/store/users.ts), on SQLite and PostgreSQL. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, ConflictError, NotFoundError, type Store } from '../../src/store/index.ts';
import { checkNewUser, InvalidUserError, sha256 } from '../../src/store/users.ts';
import { describeEachBackend } from './backends.ts';

describe('checkNewUser', () => {
  it('names the field at fault', () => {
    const field = (u: Parameters<typeof checkNewUser>[0]) => {
      try {
        checkNewUser(u);
        return 'ok';
      } catch (e) {
        return e instanceof InvalidUserError ? `${e.field}: ${e.message}` : 'other';
      }
    };
    expect(field({ name: 'ana', role: 'analyst' })).toBe('ok');
    expect(field({ name: 'a.b_c-9', role: 'viewer', password: 'longenough' })).toBe('ok');
    expect(field({ name: 'Ana', role: 'analyst' })).toMatch(/^name: user name "Ana" is not allowed/);
    expect(field({ name: '-ana', role: 'analyst' })).toMatch(/^name:/);
    expect(field({ name: 'a'.repeat(33), role: 'analyst' })).toMatch(/^name:/);
    expect(field({ name: 'a'.repeat(32), role: 'analyst' })).toBe('ok');
    expect(field({ name: 'ana<script>', role: 'analyst' })).toMatch(/^name:/);
    expect(field({ name: 'api', role: 'admin' })).toMatch(/^name: user name "api" is reserved/);
    expect(field({ name: 'ana', role: 'root' })).toBe('role: unknown role "root" (known: viewer, analyst, admin)');
    expect(field({ name: 'ana', role: 'analyst', password: 'short77' })).toBe('password: the password must have at least 8 characters');
    expect(field({ name: 'ana', role: 'analyst', password: 'x'.repeat(257) })).toBe('password: the password must have at most 256 characters');
  });
});

describeEachBackend('store users', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await createStore(await backend.create());
  });
  afterAll(async () => {
    await store?.close();
    await backend.destroy();
  });

  it('adds users with a token and an Argon2id password hash; stores only hashes', async () => {
    expect(await store.users.any()).toBe(false);
    expect(await store.users.hasAdmin()).toBe(false);
    const ana = await store.users.add({ name: 'ana', role: 'admin', password: 'correct horse' });
    expect(ana).toMatchObject({ name: 'ana', role: 'admin' });
    expect(ana.token).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
    const ben = await store.users.add({ name: 'ben', role: 'viewer' });
    expect(ben.token).not.toBe(ana.token);
    expect(await store.users.any()).toBe(true);
    expect(await store.users.hasAdmin()).toBe(true);

    const users = await sql<{ name: string; password_hash: string | null }>`select name, password_hash from users order by name`.execute(store.db);
    expect(users.rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(users.rows[0].password_hash).not.toContain('correct horse');
    expect(users.rows[1].password_hash).toBeNull();
    const tokens = await sql<{ token_hash: string; user_name: string }>`select token_hash, user_name from user_tokens order by user_name`.execute(store.db);
    expect(tokens.rows).toEqual([
      { token_hash: sha256(ana.token), user_name: 'ana' },
      { token_hash: sha256(ben.token), user_name: 'ben' },
    ]);

    expect(await store.users.list()).toEqual([
      { name: 'ana', role: 'admin', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), hasPassword: true },
      { name: 'ben', role: 'viewer', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), hasPassword: false },
    ]);
  });

  it('refuses a duplicate name and writes nothing', async () => {
    await expect(store.users.add({ name: 'ana', role: 'viewer', password: 'another one' })).rejects.toThrow(ConflictError);
    await expect(store.users.add({ name: 'ana', role: 'viewer' })).rejects.toThrow('a user named "ana" exists already');
    expect((await store.users.list()).map((u) => [u.name, u.role])).toEqual([
      ['ana', 'admin'],
      ['ben', 'viewer'],
    ]);
    const count = await sql<{ n: number | string }>`select count(*) as n from user_tokens`.execute(store.db);
    expect(Number(count.rows[0].n)).toBe(2);
  });

  it('verifies passwords and tokens', async () => {
    expect(await store.users.verifyPassword('ana', 'correct horse')).toEqual({ name: 'ana', role: 'admin' });
    expect(await store.users.verifyPassword('ana', 'correct horsE')).toBeNull();
    expect(await store.users.verifyPassword('nobody', 'correct horse')).toBeNull();
    // A token-only user cannot log in with any password.
    expect(await store.users.verifyPassword('ben', '')).toBeNull();
    expect(await store.users.verifyPassword('ben', 'anything at all')).toBeNull();
    const extra = await store.users.addToken('ben');
    expect(await store.users.byToken(extra)).toEqual({ name: 'ben', role: 'viewer' });
    expect(await store.users.byToken(`${extra}x`)).toBeNull();
    expect(await store.users.byToken('not-a-token')).toBeNull();
    await expect(store.users.addToken('nobody')).rejects.toThrow(NotFoundError);
  });

  it('sessions: hashed id, CSRF token, expiry', async () => {
    const s = await store.users.createSession('ana');
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrfToken).not.toBe(s.id);
    const hours = (Date.parse(s.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(11.99);
    expect(hours).toBeLessThanOrEqual(12);
    expect(await store.users.session(s.id)).toEqual({ user: { name: 'ana', role: 'admin' }, csrfToken: s.csrfToken, expiresAt: s.expiresAt });
    const rows = await sql<{ id_hash: string }>`select id_hash from sessions`.execute(store.db);
    expect(rows.rows.map((r) => r.id_hash)).toEqual([sha256(s.id)]);
    // An expired session is not a session, and the next login clears it out.
    const old = await store.users.createSession('ana', -1);
    expect(await store.users.session(old.id)).toBeNull();
    await store.users.createSession('ben');
    const left = await sql<{ id_hash: string }>`select id_hash from sessions`.execute(store.db);
    expect(left.rows.map((r) => r.id_hash)).not.toContain(sha256(old.id));
    expect(left.rows).toHaveLength(2);
    await store.users.endSession(s.id);
    expect(await store.users.session(s.id)).toBeNull();
  });

  it('removes users with their tokens and sessions, but never the last admin', async () => {
    await expect(store.users.remove('ana')).rejects.toThrow(/"ana" is the last admin: add another admin first/);
    await expect(store.users.remove('nobody')).rejects.toThrow(NotFoundError);
    const benToken = await store.users.addToken('ben');
    const benSession = await store.users.createSession('ben');
    await store.users.remove('ben');
    expect(await store.users.byToken(benToken)).toBeNull();
    expect(await store.users.session(benSession.id)).toBeNull();
    const orphans = await sql<{ n: number | string }>`select count(*) as n from user_tokens where user_name = 'ben'`.execute(store.db);
    expect(Number(orphans.rows[0].n)).toBe(0);
    await store.users.add({ name: 'cleo', role: 'admin' });
    await store.users.remove('ana');
    expect((await store.users.list()).map((u) => u.name)).toEqual(['cleo']);
    await expect(store.users.remove('cleo')).rejects.toThrow(/last admin/);
  });
});
