/**
 * The URL guard: every fetch the server makes on someone else's behalf (ingest by URL, feeds) goes
 * through `guardedFetch`, so that the server cannot be made to read services on its own machine or
 * network (SSRF).
 *
 * - Only http and https, on any port.
 * - The host is read the way the connection will read it: the WHATWG URL parser turns every IPv4
 *   notation (2130706433, 0177.0.0.1, 0x7f.1, 127.1, a trailing dot) into dotted form, and ipaddr.js
 *   parses the result; `localhost` and every `*.localhost` name are refused without asking DNS.
 * - A name is resolved once (all its addresses), and EVERY address must be public unicast: no
 *   loopback, private, link-local, carrier-grade NAT, multicast, broadcast, unspecified, reserved,
 *   unique-local or other special-purpose range, and no IPv6 address that embeds such an IPv4 address
 *   (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo). IPv6 outside 2000::/3 is not allocated and is
 *   refused too.
 * - The connection goes to the address that was checked (the request's `lookup` answers with it), so
 *   a name that changes its answer between the check and the connection (DNS rebinding) cannot reach
 *   a private address.
 * - Redirects are followed here one hop at a time (at most `maxRedirects`), each target checked again;
 *   or, with `redirect: 'manual'`, returned to a caller that calls the guard for every hop.
 *
 * Refusals are `UrlRefusedError`s (a user error: 400 in the API, exit 1 in the CLI) naming the address
 * and the range. `allowPrivate` (tests only) skips the address check but keeps everything else.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import ipaddr from 'ipaddr.js';

/** A URL the guard will not fetch; the message names the address and why. */
export class UrlRefusedError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'UrlRefusedError';
  }
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (default: `dns.lookup(host, { all: true })`). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface UrlGuardOptions {
  /** Tests only: fetch loopback and private addresses too (the protocol and redirect checks stay). */
  allowPrivate?: boolean;
  /**
   * Ranges fetched even though they are not public (CIDR, e.g. "10.20.0.0/16" for an intranet the
   * operator trusts). IPv4-mapped IPv6 addresses count as their IPv4 address.
   */
  allowRanges?: ReadonlyArray<string>;
  /** Replaces the system resolver (tests inject one that answers with chosen addresses). */
  resolve?: Resolver;
}

export interface GuardedFetchInit {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** 'follow' (default): redirects are followed here, each checked; 'manual': a 3xx is returned. */
  redirect?: 'follow' | 'manual';
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
}

export const DEFAULT_MAX_REDIRECTS = 5;

const systemResolver: Resolver = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family }));

const DESCRIPTION: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT (100.64.0.0/10)',
  private: 'private network',
  reserved: 'reserved',
  as112: 'AS112 (reserved)',
  amt: 'AMT relay (reserved)',
  uniqueLocal: 'unique-local (fc00::/7)',
  deprecatedSiteLocal: 'site-local (fec0::/10)',
  discard: 'discard-only (100::/64)',
  benchmarking: 'benchmarking',
  as112v6: 'AS112 (reserved)',
  deprecatedOrchid: 'ORCHID (reserved)',
  orchid2: 'ORCHIDv2 (reserved)',
  droneRemoteIdProtocolEntityTags: 'drone remote ID tags (reserved)',
  segmentRouting: 'segment routing (reserved)',
  rfc6145: 'IPv4-translated (::ffff:0:0:0/96)',
};
const describe = (range: string) => DESCRIPTION[range] ?? range;

/** Why an IPv4 address may not be fetched, or undefined when it is public unicast. */
function v4Refusal(a: ipaddr.IPv4): string | undefined {
  const range = a.range();
  return range === 'unicast' ? undefined : `${a.toString()} is ${describe(range)}`;
}

const v4From = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);

/**
 * An IPv6 address in the WHATWG URL parser's notation, the one the connection uses (ipaddr.js reads
 * "::10.0.0.1", IPv4-compatible, as if it were "::ffff:10.0.0.1").
 */
function normalised(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!bare.includes(':')) return bare;
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return bare;
  }
}

/**
 * Why an address (any notation ipaddr.js reads) may not be fetched, or undefined when it may.
 * Exported for the tests and for callers that check an address they got elsewhere.
 */
export function addressRefusal(address: string): string | undefined {
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    a = ipaddr.parse(normalised(address));
  } catch {
    return `${address} is not an IP address`;
  }
  if (a.kind() === 'ipv4') return v4Refusal(a as ipaddr.IPv4);
  const v6 = a as ipaddr.IPv6;
  if (v6.zoneId !== undefined) return `${address} has a zone (link-local scope)`;
  const p = v6.parts;
  const range = v6.range();
  const embedded = (v4: ipaddr.IPv4, how: string): string | undefined => {
    const why = v4Refusal(v4);
    return why === undefined ? undefined : `${v6.toString()} (${how} ${v4.toString()}): ${why}`;
  };
  switch (range) {
    case 'ipv4Mapped':
      return embedded(v6.toIPv4Address(), 'IPv4-mapped') ?? undefined;
    case 'rfc6052': {
      // 64:ff9b::/96 (NAT64, the IPv4 address in the low 32 bits); 64:ff9b:1::/48 is for local use.
      if (p[2] !== 0) return `${v6.toString()} is local-use NAT64 (64:ff9b:1::/48)`;
      return embedded(v4From(p[6], p[7]), 'NAT64 of');
    }
    case '6to4':
      return embedded(v4From(p[1], p[2]), '6to4 of');
    case 'teredo': {
      // The Teredo client's IPv4 address is the low 32 bits inverted; the server's is bits 32-63.
      const client = embedded(v4From(~p[6] & 0xffff, ~p[7] & 0xffff), 'Teredo client');
      return client ?? embedded(v4From(p[2], p[3]), 'Teredo server');
    }
    case 'unicast':
      break;
    default:
      return `${v6.toString()} is ${describe(range)}`;
  }
  if (p.slice(0, 6).every((x) => x === 0)) {
    // ::/96, IPv4-compatible (deprecated by RFC 4291; :: and ::1 were matched above).
    return embedded(v4From(p[6], p[7]), 'IPv4-compatible') ?? `${v6.toString()} is IPv4-compatible (deprecated, ::/96)`;
  }
  if ((p[0] & 0xe000) !== 0x2000) return `${v6.toString()} is outside global unicast (2000::/3)`;
  return undefined;
}

function inRanges(address: string, ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>): boolean {
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    a = ipaddr.process(address);
  } catch {
    return false;
  }
  return ranges.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits));
}

/** The host of a URL as the connection sees it: brackets and trailing dots removed, lower case. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '').toLowerCase();
}

/**
 * Check a URL and answer the address to connect to: the literal address, or the first of the
 * name's addresses once all have passed. Throws UrlRefusedError.
 */
export async function checkUrl(input: string | URL, options: UrlGuardOptions = {}): Promise<{ url: URL; host: string; address: ResolvedAddress }> {
  const href = String(input);
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    throw new UrlRefusedError(`${href}: not a valid URL`, href);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlRefusedError(`${href}: only http and https URLs are fetched, not ${url.protocol}`, href);
  if (url.username || url.password) throw new UrlRefusedError(`${href}: URLs with a user name or password are not fetched`, href);
  const host = bareHost(url);
  if (host === '') throw new UrlRefusedError(`${href}: no host`, href);
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    const parsed = ipaddr.parse(host);
    addresses = [{ address: parsed.toString(), family: parsed.kind() === 'ipv4' ? 4 : 6 }];
  } else {
    if (!options.allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) {
      throw new UrlRefusedError(`${href}: refused: "${url.hostname}" is a localhost name (loopback)`, href);
    }
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch (e) {
      throw new UrlRefusedError(`${href}: cannot resolve the host name "${host}" (${(e as { code?: string }).code ?? (e as Error).message})`, href);
    }
    if (addresses.length === 0) throw new UrlRefusedError(`${href}: the host name "${host}" has no addresses`, href);
  }
  if (!options.allowPrivate) {
    const allowed = (options.allowRanges ?? []).map((r) => ipaddr.parseCIDR(r));
    for (const a of addresses) {
      const why = allowed.length && inRanges(a.address, allowed) ? undefined : addressRefusal(a.address);
      if (why !== undefined) {
        const via = ipaddr.isValid(host) ? '' : `"${host}" resolves to ${a.address}; `;
        throw new UrlRefusedError(`${href}: refused: ${via}${why} (only public addresses are fetched)`, href);
      }
    }
  }
  return { url, host, address: addresses[0] };
}

/** A lookup that answers every query with the one address that was checked. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function decoded(res: IncomingMessage): Readable {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (!decoder) return res;
  res.on('error', (e) => decoder.destroy(e));
  return res.pipe(decoder);
}

/** One request to the checked address; the answer as a web Response (redirects not followed). */
async function requestOnce(url: URL, pinned: ResolvedAddress, init: GuardedFetchInit): Promise<Response> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...init.headers };
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, lookup: pinnedLookup(pinned), ...(init.signal ? { signal: init.signal } : {}) }, resolve);
    req.on('error', reject);
    req.end();
  });
  const h = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      h.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
    } catch {
      // A header the web Headers class refuses is left out.
    }
  }
  const status = res.statusCode ?? 502;
  if (NULL_BODY.has(status) || status < 200 || status > 599) {
    res.resume();
    return new Response(null, { status: status < 200 || status > 599 ? 502 : status, statusText: res.statusMessage ?? '', headers: h });
  }
  const body = Readable.toWeb(decoded(res)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status, statusText: res.statusMessage ?? '', headers: h });
}

/**
 * `fetch` for URLs given by someone else: GET only, each URL (and each redirect target) checked
 * by `checkUrl` and the connection made to the address that was checked.
 */
export async function guardedFetch(input: string | URL, init: GuardedFetchInit = {}, options: UrlGuardOptions = {}): Promise<Response> {
  const maxRedirects = init.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const first = String(input);
  let target: string | URL = input;
  for (let hops = 0; ; hops++) {
    const { url, address } = await checkUrl(target, options);
    const response = await requestOnce(url, address, init);
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location === null || init.redirect === 'manual') return response;
    await response.body?.cancel().catch(() => undefined);
    if (hops >= maxRedirects) throw new UrlRefusedError(`${first}: more than ${maxRedirects} redirects`, first);
    try {
      target = new URL(location, url);
    } catch {
      throw new UrlRefusedError(`${first}: redirected to an invalid URL (${location})`, first);
    }
  }
}
