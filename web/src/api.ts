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
import type { FeedList, FeedPollResult, FeedsBody } from '../../src/server/routes/feeds.ts';
import type { OutlookBody } from '../../src/server/routes/outlook.ts';
import type { Package, PackagesResult } from '../../src/deal/packages.ts';
import type { PowerReport } from '../../src/deal/power.ts';
import type { LeversResult } from '../../src/deal/levers.ts';
import type { Draft } from '../../src/case/schema.ts';
import type { AnalysisJobBody } from '../../src/server/routes/analysis-jobs.ts';

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
/** Research next (POST /api/cases/{id}/research): the estimates that move the forecast most and are least well evidenced, ranked. */
export type ResearchReport = Out<typeof S.ResearchReport>;

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
/** A case's feeds with their poll status, and what a poll now added (src/server/routes/feeds.ts). */
export type FeedStatusList = Out<typeof FeedList>;
export type FeedStatus = FeedStatusList['feeds'][number];
export type FeedPoll = Out<typeof FeedPollResult>;
export type FeedInput = z.input<typeof FeedsBody>['feeds'][number];
export type StanceInput = z.input<typeof S.Stance>;
/** GET /api/cases/{id}/packages (routes/deal.ts): the packages inside every veto holder's red lines, each also as a generated draft. */
export type DealPackages = Omit<PackagesResult, 'packages'> & { packages: Package[]; drafts: Draft[] };
/** GET /api/cases/{id}/power: the power indices under the case's decision rule, the minimal blocking coalitions, and who blocks each draft and package. */
export type DealPower = PowerReport;
/** GET /api/cases/{id}/levers: the smallest changes that reach a target, ranked. */
export type DealLevers = LeversResult;
/** GET /api/cases/{id}/scenarios/compare: the baseline and each scenario side by side. */
export type ScenarioComparison = Out<typeof S.ScenarioComparison>;

/** POST /api/cases/{id}/jobs: a long analysis as a background job (docs/jobs.md). */
export type AnalysisJobRequest = z.input<typeof AnalysisJobBody>;
export type AnalysisJobKind = AnalysisJobRequest['kind'];
/** The options of a job of kind K: the synchronous route's body or query, the same names. */
export type AnalysisJobOptions<K extends AnalysisJobKind> = AnalysisJobRequest extends infer R ? (R extends { kind: infer RK; options?: infer O } ? (K extends RK ? O : never) : never) : never;
/** What a done job of each kind holds as its result: the synchronous route's answer, the same JSON (with the `runId` the job is stored as). */
export interface AnalysisJobResults {
  sensitivity: SensitivityReport;
  research: ResearchReport;
  timeline: Timeline;
  scenarios: ScenarioComparison;
  packages: DealPackages;
  power: DealPower;
  levers: DealLevers;
}

/** An error the API reported: its message and, for validation errors, the field path. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly path: string | null = null,
    /** A refused write's other problems (the case loader reports them all), each with its path. */
    readonly problems: Array<{ path: string; message: string }> = [],
    /** 412 (or 409): the revision the server holds now, when it said. */
    readonly currentRevision: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Whether a refused write was refused because the case changed since it was read (412 of a stale
 * If-Match, or 409 of a write that raced another), not because of what it said (a 409 naming the
 * `id` is a duplicate id: the user's to fix, not a conflict between versions).
 */
export const isConflict = (e: unknown): e is ApiError => e instanceof ApiError && (e.status === 412 || (e.status === 409 && e.path !== 'id'));

const TOKEN_KEY = 'parley.token';
export const apiToken = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (t: string): void => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

/** A view never waits forever: long work (Monte Carlo) runs as a job that is polled instead. */
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * The revision of each case as the dashboard last read or wrote it (from the `ETag` or
 * `X-Parley-Revision` of a read, the `revision` of a write's answer). Every write to the case sends
 * it as `If-Match`, so a change someone else made meanwhile is refused (412) instead of overwritten.
 */
const caseRevisions = new Map<string, number>();
export const caseRevision = {
  get: (caseId: string): number | undefined => caseRevisions.get(caseId),
  set: (caseId: string, revision: number): void => void caseRevisions.set(caseId, revision),
};
/** The revision a response names: `ETag: "7"` (or `W/"7"`), else `X-Parley-Revision: 7`. */
export function revisionOf(headers: Headers): number | undefined {
  const raw = headers.get('etag') ?? headers.get('x-parley-revision');
  const m = raw ? /^(?:W\/)?"?(\d+)"?$/.exec(raw.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** Dispatched on window when the server answers 401: the login form shows again if accounts are required. */
export const UNAUTHORIZED_EVENT = 'parley:unauthorized';

/** The signed-in user's CSRF token (GET /api/session), sent as X-CSRF-Token on every write made with the session cookie. */
let csrfToken: string | null = null;

interface RequestOptions {
  /** The case a write changes: its revision as read goes as If-Match, and the answer's revision is kept. */
  caseId?: string;
  /** Override the If-Match revision (keep mine after a conflict: the revision just read). */
  ifMatch?: number;
  /** A raw text body (imports) instead of JSON. */
  text?: string;
  /** Answer with the raw text (exports, reports) instead of parsing JSON. */
  raw?: boolean;
}

async function request<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.raw ? '*/*' : 'application/json' };
  if (opts.text !== undefined) headers['content-type'] = 'text/plain; charset=utf-8';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  const token = apiToken.get();
  // Once the server has accounts or a token, reads need an identity too (docs/security.md).
  if (token) headers.authorization = `Bearer ${token}`;
  const write = method !== 'GET' && method !== 'HEAD';
  if (write && csrfToken) headers['x-csrf-token'] = csrfToken;
  const ifMatch = opts.ifMatch ?? (opts.caseId !== undefined ? caseRevisions.get(opts.caseId) : undefined);
  if (write && ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: opts.text ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    throw new ApiError(timedOut ? `the server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `the server did not answer (${(e as Error).message})`, 0);
  }
  // The revision read is the case document's (not an analysis read later, which could already see someone else's change).
  const caseOfUrl = /^\/api\/cases\/([^/?]+)(?:\?|$)/.exec(url)?.[1];
  if (!write && res.ok && caseOfUrl) {
    const rev = revisionOf(res.headers);
    if (rev !== undefined) caseRevisions.set(decodeURIComponent(caseOfUrl), rev);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (opts.raw && res.ok) return text as T;
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    if (!res.ok) throw new ApiError(`${res.status} ${res.statusText}`, res.status);
    return text as T;
  }
  // A session that expired (or was logged out elsewhere): the session gate asks again who is signed in.
  if (res.status === 401 && url !== '/api/session') window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  if (!res.ok) {
    const err = (json as { error?: { message?: string; path?: string | null; problems?: Array<{ path: string; message: string }>; currentRevision?: number } } | undefined)?.error;
    throw new ApiError(err?.message ?? `${res.status} ${res.statusText}`, res.status, err?.path ?? null, err?.problems ?? [], err?.currentRevision ?? null);
  }
  // A write's answer names the new revision (in its body, or its ETag): the next write builds on it.
  const written = (json as { revision?: unknown } | undefined)?.revision ?? (write ? revisionOf(res.headers) : undefined);
  if (write && opts.caseId !== undefined && typeof written === 'number') caseRevisions.set(opts.caseId, written);
  return json as T;
}

const enc = encodeURIComponent;

/** The sub-resources of a case with ids of their own (src/server/routes/collections.ts). */
export type CollectionKey = 'actors' | 'issues' | 'evidence' | 'drafts' | 'scenarios' | 'events';
export interface CollectionItems {
  actors: z.input<typeof S.Actor>;
  issues: z.input<typeof S.Issue>;
  evidence: z.input<typeof S.Evidence>;
  drafts: z.input<typeof S.Draft>;
  scenarios: z.input<typeof S.Scenario>;
  events: z.input<typeof S.Event>;
}
export type CaseInput = z.input<typeof S.Case>;
/** A revision of the history, with the list of changes the server writes for it (contract: `changes`). */
export type HistoryEntry = Revision & { changes?: string[] };
export type WriteResult = Out<typeof S.WriteResult>;
/** Who is signed in (GET /api/session): null when nobody is, or the server has no accounts. */
export interface Session {
  user: { name: string; role: 'viewer' | 'analyst' | 'admin' } | null;
  accountsRequired: boolean;
  csrfToken: string | null;
}
/** Formats the case downloads as (GET /api/cases/{id}/export?format=). */
export const EXPORT_FORMATS = [
  { format: 'yaml', label: 'YAML (case file)', ext: 'yaml' },
  { format: 'json', label: 'JSON (case file)', ext: 'json' },
  { format: 'ktab-csv', label: 'KTAB CSV', ext: 'csv' },
  { format: 'decide', label: 'decide', ext: 'csv' },
] as const;

/** Session, creating and importing cases, every collection write and the history: each write sends If-Match. */
const caseWrites = {
  session: async (): Promise<Session> => {
    let s: Session;
    try {
      s = await request<Session>('GET', '/api/session');
    } catch (e) {
      // A server without accounts (older, or before the route exists): open, as on loopback.
      if (e instanceof ApiError && e.status === 404) s = { user: null, accountsRequired: false, csrfToken: null };
      else throw e;
    }
    csrfToken = s.csrfToken;
    return s;
  },
  login: async (name: string, password: string): Promise<Session> => {
    const s = await request<Session>('POST', '/api/session', { name, password });
    csrfToken = s.csrfToken;
    return s;
  },
  logout: async (): Promise<void> => {
    await request<unknown>('DELETE', '/api/session');
    csrfToken = null;
  },
  createCase: async (c: CaseInput): Promise<WriteResult> => {
    const r = await request<WriteResult>('POST', '/api/cases', c);
    caseRevisions.set(r.id, r.revision);
    return r;
  },
  importCase: async (text: string, name: string, format?: string, id?: string): Promise<WriteResult> => {
    const r = await request<WriteResult>('POST', `/api/cases/import${query({ name, format, id })}`, undefined, { text });
    caseRevisions.set(r.id, r.revision);
    return r;
  },
  /** The case and the revision it is (for a conflict: the stored version to show beside mine). */
  caseAt: (id: string) => request<Case>('GET', `/api/cases/${enc(id)}`).then((c) => ({ case: c, revision: caseRevisions.get(id) })),
  addItem: <K extends CollectionKey>(id: string, key: K, item: CollectionItems[K], ifMatch?: number) =>
    request<{ revision: number }>('POST', `/api/cases/${enc(id)}/${key}`, item, { caseId: id, ifMatch }),
  putItem: <K extends CollectionKey>(id: string, key: K, item: CollectionItems[K] & { id: string }, ifMatch?: number) =>
    request<{ revision: number }>('PUT', `/api/cases/${enc(id)}/${key}/${enc(item.id)}`, item, { caseId: id, ifMatch }),
  deleteItem: (id: string, key: CollectionKey, itemId: string, ifMatch?: number) =>
    request<{ revision: number }>('DELETE', `/api/cases/${enc(id)}/${key}/${enc(itemId)}`, undefined, { caseId: id, ifMatch }),
  deleteStance: (id: string, s: { actor: string; issue: string; date?: string }, ifMatch?: number) =>
    request<{ revision: number }>('DELETE', `/api/cases/${enc(id)}/stances${query({ actor: s.actor, issue: s.issue, date: s.date })}`, undefined, { caseId: id, ifMatch }),
  history: (id: string) => request<HistoryEntry[] | Page<HistoryEntry>>('GET', `/api/cases/${enc(id)}/revisions`).then((r) => (Array.isArray(r) ? r : r.items)),
  restore: (id: string, revision: number, ifMatch?: number) =>
    request<{ revision: number }>('POST', `/api/cases/${enc(id)}/restore`, { revision }, { caseId: id, ifMatch }),
  /** A download's text: an export (yaml, json, ktab-csv, decide) or the report (html, md). */
  exportText: (id: string, format: string) => request<string>('GET', `/api/cases/${enc(id)}/export${query({ format })}`, undefined, { raw: true }),
  reportText: (id: string, format: 'html' | 'md', asOf?: string) => request<string>('GET', `/api/cases/${enc(id)}/report${query({ format, asOf })}`, undefined, { raw: true }),
};
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
  putStance: (id: string, stance: StanceInput, ifMatch?: number) =>
    request<Out<typeof S.StanceWrite>>('PUT', `/api/cases/${enc(id)}/stances`, stance, { caseId: id, ifMatch }),
  simulate: (id: string, body: SimulateRequest) =>
    request<Out<typeof S.JobStarted>>('POST', `/api/cases/${enc(id)}/simulate`, body),
  models: () => request<ModelList>('GET', '/api/models'),
  outlook: (id: string, body: OutlookRequest) => request<Outlook>('POST', `/api/cases/${enc(id)}/outlook`, body),
  job: <R>(jobId: string) => request<Job<R>>('GET', `/api/jobs/${enc(jobId)}`),
  /** Start a long analysis as a job; poll it with `job` (web/src/components/useJob.ts). */
  startJob: <K extends AnalysisJobKind>(id: string, kind: K, options?: AnalysisJobOptions<K>) =>
    request<Out<typeof S.JobStarted>>('POST', `/api/cases/${enc(id)}/jobs`, { kind, ...(options === undefined ? {} : { options }) }),
  cancelJob: (jobId: string) => request<Job>('DELETE', `/api/jobs/${enc(jobId)}`),
  zopa: (id: string, asOf?: string) => request<ZoneOfAgreement>('GET', `/api/cases/${enc(id)}/zopa${query({ asOf })}`),
  draftsCheck: (id: string, asOf?: string) => request<DraftChecks>('GET', `/api/cases/${enc(id)}/drafts/check${query({ asOf })}`),
  draftsDiff: (id: string, a: string, b: string, asOf?: string) =>
    request<DraftDiff>('GET', `/api/cases/${enc(id)}/drafts/diff${query({ a, b, asOf })}`),
  timeline: (id: string) => request<Timeline>('GET', `/api/cases/${enc(id)}/timeline`),
  sensitivity: (id: string, body: ForecastRequest) => request<SensitivityReport>('POST', `/api/cases/${enc(id)}/sensitivity`, body),
  research: (id: string, body: ForecastRequest = {}) => request<ResearchReport>('POST', `/api/cases/${enc(id)}/research`, body),
  ingest: (body: IngestRequest) => request<IngestResult>('POST', '/api/ingest', body),
  feeds: (id: string) => request<FeedStatusList>('GET', `/api/cases/${enc(id)}/feeds`),
  pollFeeds: (id: string) => request<FeedPoll>('POST', `/api/cases/${enc(id)}/feeds/poll`, undefined, { caseId: id }),
  putFeeds: (id: string, feeds: FeedInput[]) => request<FeedStatusList>('PUT', `/api/cases/${enc(id)}/feeds`, { feeds }, { caseId: id }),
  packages: (id: string, q: { asOf?: string; draft?: string } = {}) => request<DealPackages>('GET', `/api/cases/${enc(id)}/packages${query(q)}`),
  power: (id: string, asOf?: string) => request<DealPower>('GET', `/api/cases/${enc(id)}/power${query({ asOf })}`),
  levers: (id: string, target: string, q: { asOf?: string; runs?: number; seed?: number } = {}) =>
    request<DealLevers>('GET', `/api/cases/${enc(id)}/levers${query({ target, ...q })}`),
  settleEvidence: (id: string, evidenceId: string, verdict: 'accept' | 'reject') =>
    request<Evidence>('POST', `/api/cases/${enc(id)}/evidence/${enc(evidenceId)}/${verdict}`, undefined, { caseId: id }),
  ...caseWrites,
};
