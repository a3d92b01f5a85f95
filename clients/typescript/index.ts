/**
 * A typed client for parley's HTTP API: openapi-fetch over the types generated from the server's
 * OpenAPI document (schema.d.ts). Every path, parameter, body and answer is typed:
 *
 *   const parley = createParleyClient('http://127.0.0.1:4242', { token });
 *   const { data, error } = await parley.POST('/api/cases/{id}/outlook', { params: { path: { id: 'tutorial' } }, body: { by: '2026-06-01' } });
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

export type { paths, components } from './schema.d.ts';
export type ParleyClient = Client<paths>;

export interface ParleyClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The server's shared token or a user's API token: sent as `Authorization: Bearer <token>`. */
  token?: string;
}

export function createParleyClient(baseUrl: string, opts: ParleyClientOptions = {}): ParleyClient {
  const { token, headers, ...rest } = opts;
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), ...rest, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string> | undefined) } });
}
