/**
 * The dashboard's client for the HTTP API (docs/api.md). Every request and response type is the
 * server's own schema (src/server/schemas.ts, src/server/routes/), as `z.output` (what the server
 * sends) or `z.input` (what it accepts): a change of a response shape there fails the type check
 * here and in the views. Type-only imports: nothing of the server is bundled. Nothing here parses HTML.
 */
import type { z } from '@hono/zod-openapi';
import type * as S from '../../src/server/schemas.ts';
import type { ForecastBody, SimulateBody } from '../../src/server/routes/model-params.ts';
import type { IngestBody } from '../../src/server/routes/ingest.ts';
import type { OutlookBody } from '../../src/server/routes/outlook.ts';

type Out<T extends z.ZodType> = z.output<T>;

export type Case = Out<typeof S.Case>;
export type Evidence = Out<typeof S.Evidence>;
export type CaseSummary = Out<typeof S.CaseSummary>;
export type Revision = Out<typeof S.Revision>;
export type CaseOverview = Out<typeof S.CaseOverview>;
export type ZoneOfAgreement = Out<typeof S.ZoneOfAgreement>;
export type DraftChecks = Out<typeof S.DraftChecks>;
export type DraftDiff = Out<typeof S.DraftDiff>;
export type SensitivityReport = Out<typeof S.SensitivityReport>;
export type Timeline = Out<typeof S.Timeline>;

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** One model's forecast as `parley forecast --format json` prints it: actors and issues by name, in case order. */
export type ModelForecast = Out<typeof S.ForecastJson>;
export type ForecastResponse = Out<typeof S.ForecastResponse>;
export type ForecastRequest = z.input<typeof ForecastBody>;
export type SimulateRequest = z.input<typeof SimulateBody>;
/** A finished simulation job's result (kind "simulate"). */
export type SimulationJobResult = Out<typeof S.SimulationJobResult>;
/** Will there be a deal by a date: the agreement probability, per model and issue the terms if agreed, expected outcome and intervals. */
export type Outlook = Out<typeof S.Outlook>;
export type OutlookRequest = z.input<typeof OutlookBody>;
/** Every model and its parameter table (GET /api/models): what the parameter panel builds its inputs from. */
export type ModelList = Out<typeof S.ModelList>;
export type ModelParam = Out<typeof S.ModelParam>;

/** A background job; `R` is what its `result` holds when done (the server sends it untyped). */
export type Job<R = unknown> = Omit<Out<typeof S.Job>, 'result'> & { result?: R };

export type IngestQuote = Out<typeof S.IngestQuote>;
/** The ingest answer: offsets of the quotes point into `body`, the text the server measured. */
export type IngestResult = Out<typeof S.IngestResponse>;
export type IngestRequest = z.input<typeof IngestBody>;
export type StanceInput = z.input<typeof S.Stance>;

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
  cases: () => request<Out<typeof S.CaseList>>('GET', '/api/cases?limit=200'),
  case: (id: string, asOf?: string) => request<Case>('GET', `/api/cases/${enc(id)}${query({ asOf })}`),
  revisions: (id: string) => request<Out<typeof S.RevisionList>>('GET', `/api/cases/${enc(id)}/revisions`),
  overview: (id: string, asOf?: string) => request<CaseOverview>('GET', `/api/cases/${enc(id)}/overview${query({ asOf })}`),
  forecast: (id: string, body: ForecastRequest = {}) =>
    request<ForecastResponse>('POST', `/api/cases/${enc(id)}/forecast`, body),
  putStance: (id: string, stance: StanceInput) => request<Out<typeof S.StanceWrite>>('PUT', `/api/cases/${enc(id)}/stances`, stance),
  simulate: (id: string, body: SimulateRequest) =>
    request<Out<typeof S.JobStarted>>('POST', `/api/cases/${enc(id)}/simulate`, body),
  models: () => request<ModelList>('GET', '/api/models'),
  outlook: (id: string, body: OutlookRequest) => request<Outlook>('POST', `/api/cases/${enc(id)}/outlook`, body),
  job: <R>(jobId: string) => request<Job<R>>('GET', `/api/jobs/${enc(jobId)}`),
  cancelJob: (jobId: string) => request<Job>('DELETE', `/api/jobs/${enc(jobId)}`),
  zopa: (id: string, asOf?: string) => request<ZoneOfAgreement>('GET', `/api/cases/${enc(id)}/zopa${query({ asOf })}`),
  draftsCheck: (id: string, asOf?: string) => request<DraftChecks>('GET', `/api/cases/${enc(id)}/drafts/check${query({ asOf })}`),
  draftsDiff: (id: string, a: string, b: string, asOf?: string) =>
    request<DraftDiff>('GET', `/api/cases/${enc(id)}/drafts/diff${query({ a, b, asOf })}`),
  timeline: (id: string) => request<Timeline>('GET', `/api/cases/${enc(id)}/timeline`),
  sensitivity: (id: string, body: ForecastRequest) => request<SensitivityReport>('POST', `/api/cases/${enc(id)}/sensitivity`, body),
  ingest: (body: IngestRequest) => request<IngestResult>('POST', '/api/ingest', body),
  settleEvidence: (id: string, evidenceId: string, verdict: 'accept' | 'reject') =>
    request<Evidence>('POST', `/api/cases/${enc(id)}/evidence/${enc(evidenceId)}/${verdict}`),
};
