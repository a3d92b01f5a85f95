/**
 * Who is asking (docs/security.md, "Accounts and sessions"). An identity comes from
 * `Authorization: Bearer <token>` — the server's shared `--token` (an admin; the author is
 * X-Parley-Author or "api", as before accounts) or a user's own API token (`parley user add`) —
 * or from the `parley_session` cookie of a dashboard login, whose writes must also carry the
 * session's `X-CSRF-Token`. Roles: viewer reads; analyst also writes; admin also manages users
 * and deletes cases.
 *
 * With no token and no account (the single-user default on loopback) everything stays open, as
 * before. Once either exists, every /api route needs an identity, reads included, except the
 * session routes and the health checks. Tokens are compared by their SHA-256 (constant time, and
 * the length of the secret does not show).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Store } from '../store/index.ts';
import type { Role } from '../store/users.ts';
import { ApiError } from './errors.ts';

export const SESSION_COOKIE = 'parley_session';

/** The identity the middleware sets on the context (`c.get('user')`). */
export interface Identity {
  name: string;
  role: Role;
  /** The server's shared token: the author is X-Parley-Author (or "api"), not this name. */
  shared?: boolean;
  /** Signed in by the session cookie: writes need X-CSRF-Token. */
  csrfToken?: string;
}

const OPEN_PATHS = new Set(['/api/session', '/api/health', '/api/ready']);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
/** Equal strings, in time independent of where they differ and of their lengths. */
export const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/** The role a request needs: writes an analyst, users and case deletion an admin. */
export function roleNeeded(method: string, path: string): Role {
  if (path === '/api/users' || path.startsWith('/api/users/')) return 'admin';
  if (method === 'DELETE' && /^\/api\/cases\/[^/]+$/.test(path)) return 'admin';
  return SAFE.has(method) ? 'viewer' : 'analyst';
}

/** The identity of a request, or null; a bad token or CSRF token is refused here. */
export async function identify(c: Context, store: Store, token?: string): Promise<Identity | null> {
  const auth = c.req.header('authorization');
  if (auth !== undefined) {
    const m = /^bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m) throw new ApiError(401, 'the Authorization header must be "Bearer <token>"', 'Authorization');
    if (token && sameSecret(m[1], token)) return { name: 'api', role: 'admin', shared: true };
    const user = await store.users.byToken(m[1]);
    // Unknown: refused where identities count; on an open server (no token, no account) ignored, as before accounts.
    if (!user && (await accountsRequired(store, token))) throw new ApiError(401, 'unknown token: give the server\'s token or your own (parley user add prints it)', 'Authorization');
    return user;
  }
  const sid = getCookie(c, SESSION_COOKIE);
  if (sid) {
    const s = await store.users.session(sid);
    if (s) {
      if (!SAFE.has(c.req.method)) {
        const given = c.req.header('x-csrf-token');
        if (!given || !sameSecret(given, s.csrfToken)) throw new ApiError(403, 'a write signed in by the session cookie needs its X-CSRF-Token header (from GET /api/session)', 'X-CSRF-Token');
      }
      return { ...s.user, csrfToken: s.csrfToken };
    }
  }
  return null;
}

/** Whether reads and writes need an identity: a token is set or an account exists. */
export const accountsRequired = async (store: Store, token?: string): Promise<boolean> => Boolean(token) || (await store.users.any());

export function authMiddleware(store: Store, token?: string): MiddlewareHandler {
  return async (c, next) => {
    if (OPEN_PATHS.has(c.req.path)) {
      // The session routes answer who is signed in; a bad cookie there is simply "nobody".
      c.set('user' as never, (await identify(c, store, token).catch(() => null)) as never);
      return next();
    }
    const who = await identify(c, store, token);
    if (!who) {
      if (await accountsRequired(store, token)) {
        throw new ApiError(401, token ? 'this server needs "Authorization: Bearer <token>" (the token given to parley serve, or your own) or a dashboard login' : 'this server has accounts: sign in (POST /api/session) or send "Authorization: Bearer <your API token>"');
      }
      return next();
    }
    const need = roleNeeded(c.req.method, c.req.path);
    if (RANK[who.role] < RANK[need]) throw new ApiError(403, `${who.name} is a ${who.role}; this needs an ${need === 'admin' ? 'admin' : 'analyst or admin'}`);
    c.set('user' as never, who as never);
    await next();
  };
}

/** The identity the middleware set, if any. */
export const identityOf = (c: Context): Identity | null => ((c.var as Record<string, unknown>).user as Identity | null | undefined) ?? null;
