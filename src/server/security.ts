/**
 * What a browser may not make the server do (docs/security.md):
 *
 * - **Host** (DNS rebinding): a page whose name is made to resolve to this machine sends its own
 *   name as `Host`. Only the names the server is reached by are answered: on loopback, `localhost`
 *   and loopback addresses (any port); beyond loopback, also the address it listens on (any address
 *   literal when it listens on all interfaces: an address cannot be rebound); and every configured
 *   public name (`parley serve --public-name`). Anything else is a 403, reads included.
 * - **Cross-site writes** (CSRF): a write (any method but GET, HEAD, OPTIONS) with
 *   `Sec-Fetch-Site: cross-site` or `same-site`, or with an `Origin` that is neither the request's
 *   own host nor a public name (`Origin: null` included), is a 403, whatever its content type or
 *   body (a form's `text/plain` import, the body-less accept, reject and replay). A client that sends
 *   no `Origin` (the CLI, scripts, curl) is not a browser page and is let through.
 * - **Rate limit**: the expensive routes (forecasts, simulations, analysis, research, outlook, record,
 *   report, packages, levers, ingest, import, replay, feed polls) count per client per minute (hono-rate-limiter); over the limit, 429 with
 *   `Retry-After`. The client is the identity the auth middleware checked, else the remote address.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import ipaddr from 'ipaddr.js';
import { ApiError, type ErrorBody } from './errors.ts';

export interface SecurityOptions {
  /** The interface the server listens on (default 127.0.0.1: in-process apps count as loopback). */
  listenHost?: string;
  /** Host names (or name:port) the server is also reached by: a reverse proxy's, a LAN name. */
  publicNames?: string[];
  /** Expensive requests per client per minute (absent or 0: no limit; `parley serve` gives DEFAULT_RATE_LIMIT). */
  rateLimit?: number;
  /** Refuse a whole-case PUT without If-Match (428): set by `parley serve` off loopback. */
  requireIfMatch?: boolean;
}

/**
 * Expensive requests per client per minute by default (`parley serve --rate-limit`): four a second, sustained for a minute. Opening
 * a case in the dashboard makes about ten (forecasts, Monte Carlo, timeline, scenarios, drafts), and a
 * change in the parameter panel two, so no one working in the dashboard comes near it.
 */
export const DEFAULT_RATE_LIMIT = 240;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The expensive routes, by method and path. */
const EXPENSIVE: Array<[string, RegExp]> = [
  ['POST', /^\/api\/cases\/[^/]+\/(forecast|simulate|sensitivity|research|outlook|record|jobs)$/],
  ['GET', /^\/api\/cases\/[^/]+\/(timeline|scenarios\/compare|drafts\/check|report|packages|levers|power)$/],
  ['POST', /^\/api\/(ingest|cases\/import)$/],
  ['POST', /^\/api\/runs\/[^/]+\/replay$/],
  ['POST', /^\/api\/cases\/[^/]+\/feeds\/poll$/],
];
/** HEAD runs the GET handler (Hono drops the body), so it costs what the GET costs. */
export const isExpensive = (method: string, path: string): boolean => {
  const m0 = method === 'HEAD' ? 'GET' : method;
  return EXPENSIVE.some(([m, re]) => m === m0 && re.test(path));
};

/** `host[:port]` → the host name, lower case, without brackets or a trailing dot. */
export function hostnameOf(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']')) : h.split(':').length === 2 ? h.split(':')[0] : h;
  return name.replace(/\.$/, '');
}

const parsedAddress = (name: string): ipaddr.IPv4 | ipaddr.IPv6 | null => {
  if (!ipaddr.isValid(name)) return null;
  const a = ipaddr.parse(name);
  return a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;
};

/** `localhost` or a loopback address (127.0.0.0/8, ::1, ::ffff:127.x), as a host name. */
export const isLoopbackName = (name: string): boolean => name === 'localhost' || parsedAddress(name)?.range() === 'loopback';
const isWildcard = (host: string): boolean => ['', '0.0.0.0', '::', '[::]'].includes(host);

/** The Host a request names (the header; an in-process request's URL when it has none). */
export const requestHost = (c: Context): string => c.req.header('host') ?? new URL(c.req.url).host;

/** Why a Host is refused, or null when it names this server. */
export function hostRefusal(host: string, opts: SecurityOptions): string | null {
  const name = hostnameOf(host);
  const publicNames = (opts.publicNames ?? []).map((n) => n.trim().toLowerCase());
  if (publicNames.includes(name) || publicNames.includes(host.trim().toLowerCase())) return null;
  if (isLoopbackName(name)) return null;
  const listen = (opts.listenHost ?? '127.0.0.1').toLowerCase();
  if (!isLoopbackName(hostnameOf(listen))) {
    if (name === hostnameOf(listen)) return null;
    if (isWildcard(listen) && parsedAddress(name) !== null) return null;
  }
  return `Host "${host.slice(0, 100)}" is not a name of this server (a page may have pointed its own name at it: DNS rebinding); reach it by ${isLoopbackName(hostnameOf(listen)) ? 'localhost or 127.0.0.1' : 'its address'}, or start it with --public-name ${name || 'NAME'}`;
}

/** Why a write is refused as cross-site, or null. */
export function crossSiteRefusal(c: Context, opts: SecurityOptions): string | null {
  if (SAFE_METHODS.has(c.req.method)) return null;
  const site = c.req.header('sec-fetch-site')?.trim().toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return `a write from another site (Sec-Fetch-Site: ${site}) is refused: the dashboard, the CLI and scripts write from this origin or without one`;
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  let host: string | null = null;
  try {
    const u = new URL(origin);
    if (u.protocol === 'http:' || u.protocol === 'https:') host = u.host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a file:// page) and anything unreadable: not an origin of ours.
  }
  if (host !== null) {
    const publicNames = (opts.publicNames ?? []).map((n) => n.trim().toLowerCase());
    if (host === requestHost(c).trim().toLowerCase() || publicNames.includes(host) || publicNames.includes(hostnameOf(host))) return null;
  }
  return `a write from the origin ${JSON.stringify(origin.slice(0, 100))} is refused: it is not this server's (${requestHost(c).slice(0, 100)}); writes from web pages must come from the dashboard itself`;
}

/** The Host and Origin checks, before any route reads the request. */
export function requestGuard(opts: SecurityOptions): MiddlewareHandler {
  return async (c, next) => {
    const refusal = hostRefusal(requestHost(c), opts) ?? crossSiteRefusal(c, opts);
    if (refusal) throw new ApiError(403, refusal, refusal.startsWith('Host') ? 'Host' : 'Origin');
    await next();
  };
}


/**
 * Who a request counts against: the identity the auth middleware set (a checked token, a user, a
 * session), else the remote address. Never an unchecked bearer token: a client could send a fresh
 * made-up one with every request and never be counted.
 */
export function clientKey(c: Context): string {
  const user = (c.var as Record<string, unknown>).user as { name?: unknown } | null | undefined;
  if (user && typeof user.name === 'string') return `user:${user.name}`;
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  return `address:${socket?.remoteAddress ?? 'in-process'}`;
}

/** The rate limit of the expensive routes, or null when it is off (0). */
export function expensiveRateLimit(opts: SecurityOptions): MiddlewareHandler | null {
  const limit = opts.rateLimit ?? 0;
  if (limit === 0) return null;
  return rateLimiter({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    skip: (c) => !isExpensive(c.req.method, c.req.path),
    handler: (c) => {
      const reset = (c.get('rateLimit' as never) as { resetTime?: Date } | undefined)?.resetTime;
      const wait = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      c.header('Retry-After', String(wait));
      const body: ErrorBody = { error: { message: `more than ${limit} expensive requests (forecasts, analysis, ingest, import, replay) in a minute from this client: try again in ${wait} s`, path: null } };
      return c.json(body, 429);
    },
  });
}
