/**
 * The dashboard's client for the HTTP API (docs/api-contract.md). Types come from src/ so the
 * dashboard and the server share one case model; nothing here parses HTML.
 */
import type { Case, Evidence, Stance } from '../../src/case/schema.ts';
import type { CaseOverview } from '../../src/case/overview.ts';
import type { DraftChecks, DraftDiff } from '../../src/analysis/drafts.ts';
import type { ForecastJson } from '../../src/analysis/forecast-json.ts';
import type { SensitivityReport } from '../../src/analysis/sensitivity.ts';
import type { Timeline } from '../../src/analysis/timeline.ts';
import type { ZoneOfAgreement } from '../../src/analysis/zopa.ts';

export type { CaseSummary } from '../../src/store/index.ts';
import type { CaseSummary } from '../../src/store/index.ts';

export interface Revision {
  revision: number;
  author: string;
  message: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** One model's forecast as `parley forecast --format json` prints it: actors and issues by name, in case order. */
export type ModelForecast = ForecastJson;

export interface ForecastResponse {
  results: ModelForecast[];
  runId?: string;
}

export interface Job<R = unknown> {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  result?: R;
  error?: string | { message: string };
}

export interface IngestQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerMention?: string | null;
  cue?: string | null;
  partial?: boolean;
  actor?: string | null;
  issues?: string[];
}

export interface IngestResult {
  article: { date?: string | null; outlet?: string | null; title?: string | null };
  quotes: IngestQuote[];
  sources: unknown[];
  actors: unknown[];
  dates: Array<{ text: string; resolved: string | null }>;
  /** The body text the offsets point into, when the server returns it. */
  text?: string;
  stored?: string[];
}

export interface IngestRequest {
  text?: string;
  url?: string;
  date?: string;
  outlet?: string;
  title?: string;
  caseId?: string;
}

/** An error the API reported: its message and, for validation errors, the field path. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'parley.token';
export const apiToken = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (t: string): void => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

/** A view never waits forever: long work (Monte Carlo) runs as a job that is polled instead. */
const REQUEST_TIMEOUT_MS = 120_000;

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = apiToken.get();
  if (token && method !== 'GET') headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    throw new ApiError(timedOut ? `the server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `the server did not answer (${(e as Error).message})`, 0);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    if (!res.ok) throw new ApiError(`${res.status} ${res.statusText}`, res.status);
    return text as T;
  }
  if (!res.ok) {
    const err = (json as { error?: { message?: string; path?: string | null } } | undefined)?.error;
    throw new ApiError(err?.message ?? `${res.status} ${res.statusText}`, res.status, err?.path ?? null);
  }
  return json as T;
}

const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined | null>): string => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export const api = {
  cases: () => request<Page<CaseSummary>>('GET', '/api/cases?limit=200'),
  case: (id: string, asOf?: string) => request<Case>('GET', `/api/cases/${enc(id)}${query({ asOf })}`),
  revisions: (id: string) => request<Revision[]>('GET', `/api/cases/${enc(id)}/revisions`),
  overview: (id: string, asOf?: string) => request<CaseOverview>('GET', `/api/cases/${enc(id)}/overview${query({ asOf })}`),
  forecast: (id: string, body: { models?: string[]; rounds?: number; seed?: number; asOf?: string; scenario?: string } = {}) =>
    request<ForecastResponse>('POST', `/api/cases/${enc(id)}/forecast`, body),
  putStance: (id: string, stance: Stance) => request<{ id: string; revision: number }>('PUT', `/api/cases/${enc(id)}/stances`, stance),
  simulate: (id: string, body: { runs: number; seed: number; models?: string[]; asOf?: string }) =>
    request<{ jobId: string }>('POST', `/api/cases/${enc(id)}/simulate`, body),
  job: <R>(jobId: string) => request<Job<R>>('GET', `/api/jobs/${enc(jobId)}`),
  cancelJob: (jobId: string) => request<void>('DELETE', `/api/jobs/${enc(jobId)}`),
  zopa: (id: string, asOf?: string) => request<ZoneOfAgreement>('GET', `/api/cases/${enc(id)}/zopa${query({ asOf })}`),
  draftsCheck: (id: string, asOf?: string) => request<DraftChecks>('GET', `/api/cases/${enc(id)}/drafts/check${query({ asOf })}`),
  draftsDiff: (id: string, a: string, b: string, asOf?: string) =>
    request<DraftDiff>('GET', `/api/cases/${enc(id)}/drafts/diff${query({ a, b, asOf })}`),
  timeline: (id: string) => request<Timeline>('GET', `/api/cases/${enc(id)}/timeline`),
  sensitivity: (id: string, body: { models?: string[]; asOf?: string }) => request<SensitivityReport>('POST', `/api/cases/${enc(id)}/sensitivity`, body),
  ingest: (body: IngestRequest) => request<IngestResult>('POST', '/api/ingest', body),
  settleEvidence: (id: string, evidenceId: string, verdict: 'accept' | 'reject') =>
    request<Evidence>('POST', `/api/cases/${enc(id)}/evidence/${enc(evidenceId)}/${verdict}`),
};
