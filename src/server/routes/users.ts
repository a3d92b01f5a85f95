/**
 * Signing in and the accounts (src/server/auth.ts, docs/security.md): the dashboard's session
 * (a cookie, HttpOnly and SameSite=Strict, with a CSRF token for writes) and the admin's user list.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ROLES } from '../../store/users.ts';
import { accountsRequired, identityOf, SESSION_COOKIE, type Identity } from '../auth.ts';
import { ApiError } from '../errors.ts';
import { route, router, type RouteContext } from './common.ts';

const User = z.object({ name: z.string(), role: z.enum(ROLES) }).openapi('User');
const Session = z.object({ user: User.nullable(), accountsRequired: z.boolean(), csrfToken: z.string().nullable() }).openapi('Session');
const Login = z.object({ name: z.string().max(32), password: z.string().max(256) }).strict().openapi('LoginRequest');
const NewUser = z.object({ name: z.string().max(32), role: z.enum(ROLES), password: z.string().max(256).optional() }).strict().openapi('NewUserRequest');
const CreatedUser = z.object({ name: z.string(), role: z.enum(ROLES), token: z.string() }).openapi('CreatedUser');
const UserList = z.object({ items: z.array(z.object({ name: z.string(), role: z.enum(ROLES), createdAt: z.string(), hasPassword: z.boolean() })) }).openapi('UserList');

export function userRoutes({ store, token }: RouteContext) {
  const app = router();
  const session = async (c: Context, override?: Identity) => {
    const who = override ?? identityOf(c);
    return {
      user: who ? { name: who.name, role: who.role } : null,
      accountsRequired: await accountsRequired(store, token),
      csrfToken: who?.csrfToken ?? null,
    };
  };
  route(app, {
    method: 'get',
    path: '/api/session',
    tag: 'users',
    summary: 'Who is signed in, whether the server needs it, and the CSRF token of the session',
    ok: { status: 200, schema: Session, description: 'the session (user null when nobody is)' },
    handler: ({ c }) => session(c),
  });
  route(app, {
    method: 'post',
    path: '/api/session',
    tag: 'users',
    summary: 'Sign in with a name and password: sets the session cookie',
    body: Login,
    ok: { status: 200, schema: Session, description: 'signed in' },
    handler: async ({ c, body }) => {
      const user = await store.users.verifyPassword(body.name, body.password);
      if (!user) throw new ApiError(401, 'wrong name or password', 'password');
      const s = await store.users.createSession(user.name);
      setCookie(c, SESSION_COOKIE, s.id, { httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:', expires: new Date(s.expiresAt) });
      return session(c, { ...user, csrfToken: s.csrfToken });
    },
  });
  route(app, {
    method: 'delete',
    path: '/api/session',
    tag: 'users',
    summary: 'Sign out: ends the session and clears its cookie',
    ok: { status: 204, description: 'signed out' },
    handler: async ({ c }) => {
      const sid = getCookie(c, SESSION_COOKIE);
      if (sid) await store.users.endSession(sid);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  });
  route(app, {
    method: 'get',
    path: '/api/users',
    tag: 'users',
    summary: 'The accounts (admin)',
    ok: { status: 200, schema: UserList, description: 'every account, never a hash' },
    handler: async () => ({ items: await store.users.list() }),
  });
  route(app, {
    method: 'post',
    path: '/api/users',
    tag: 'users',
    summary: 'Add an account (admin); its API token is in the answer, once',
    body: NewUser,
    ok: { status: 201, schema: CreatedUser, description: 'the account and its API token' },
    handler: async ({ body }) => store.users.add(body),
  });
  route(app, {
    method: 'delete',
    path: '/api/users/{name}',
    tag: 'users',
    summary: 'Remove an account, its tokens and sessions (admin; not the last admin)',
    params: z.object({ name: z.string().max(32) }),
    ok: { status: 204, description: 'removed' },
    handler: async ({ c, params }) => {
      await store.users.remove(params.name);
      return c.body(null, 204);
    },
  });
  return app;
}
