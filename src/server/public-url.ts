/**
 * Ingest may fetch a URL on the user's behalf; the server must not become a way to read services on
 * its own machine or network (SSRF). Every address the host name resolves to must be public; ingest
 * checks the URL and every redirect target before requesting it. Limit: DNS that changes between
 * this check and the fetch (rebinding) is not caught — the server is meant to listen on 127.0.0.1
 * or behind a token.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ApiError } from './errors.ts';

function privateV4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** Loopback, private, link-local, carrier-grade NAT, multicast and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) return privateV4(ip);
  if (v !== 6) return true;
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return privateV4(mapped[1]);
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}

export async function assertPublicUrl(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw new ApiError(400, `${url}: cannot resolve the host name "${host}"`, 'url');
    }
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new ApiError(400, `${url}: refusing to fetch from a loopback or private network address (${addresses.join(', ') || 'none'})`, 'url');
  }
}
