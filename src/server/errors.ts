/**
 * Errors and their statuses. Only the project's own error types (and the framework's refusal of a
 * malformed request) are the user's fault: each maps to 400/401/404/409/413/415 with the field at
 * fault. Anything else — a TypeError, a RangeError thrown deep inside an engine, a database driver's
 * error — is a bug or an outage: a 500 with a generic body, and the stack goes to the server's log.
 */
import { HTTPException } from 'hono/http-exception';
import { CaseFileError } from '../case/load.ts';
import { UnknownScenarioError } from '../case/view.ts';
import { SimulationCancelled, UnknownDraftError, UnknownModelError } from '../analysis/index.ts';
import { ArticleInputError } from '../evidence/input.ts';
import { SmpParameterError } from '../engines/smp.ts';
import { ConflictError, InvalidCaseError, NotFoundError } from '../store/index.ts';
import { InvalidUserError } from '../store/users.ts';
import { UrlRefusedError } from '../net/url-guard.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429 | 500;

/** A request the API refuses: its status and the field at fault (`error.path` in the response). */
export class ApiError extends Error {
  constructor(
    readonly status: Exclude<ErrorStatus, 500>,
    message: string,
    readonly path: string | null = null,
    /** More fields of the error body (a stale If-Match's `currentRevision`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A model parameter the chosen engine refuses (400, path `params` or the field). */
export class ParameterError extends ApiError {
  constructor(message: string, path = 'params') {
    super(400, message, path);
    this.name = 'ParameterError';
  }
}

export interface ErrorBody {
  error: { message: string; path: string | null; problems?: Array<{ path: string; message: string }>; currentRevision?: number };
}

/** The body of every 500: what went wrong is in the server's log, not in the response. */
export const INTERNAL_ERROR_MESSAGE = 'internal error (logged on the server)';

/** Each error the layers below raise, as a status and the contract's error body. */
export function errorResponse(err: unknown): { status: ErrorStatus; body: ErrorBody } {
  const body = (message: string, path: string | null = null, problems?: Array<{ path: string; message: string }>): ErrorBody => ({ error: { message, path, ...(problems ? { problems } : {}) } });
  if (err instanceof ApiError) return { status: err.status, body: { error: { ...body(err.message, err.path).error, ...err.extra } } };
  if (err instanceof InvalidCaseError) return { status: 400, body: body(err.message, err.problems[0]?.path ?? null, err.problems) };
  if (err instanceof CaseFileError) {
    const problems = err.problems.map((p) => ({ path: p.path, message: `line ${p.line}, column ${p.column}: ${p.message}` }));
    return { status: 400, body: body(err.message, err.problems[0]?.path || null, problems) };
  }
  if (err instanceof NotFoundError) return { status: 404, body: body(err.message) };
  if (err instanceof InvalidUserError) return { status: 400, body: body(err.message, err.field) };
  if (err instanceof ConflictError) return { status: 409, body: body(err.message) };
  if (err instanceof UnknownModelError) return { status: 400, body: body(err.message, 'models') };
  if (err instanceof UnknownScenarioError) return { status: 400, body: body(err.message, 'scenario') };
  if (err instanceof UnknownDraftError) return { status: 400, body: body(err.message, 'draft') };
  if (err instanceof SmpParameterError) return { status: 400, body: body(err.message, 'params') };
  if (err instanceof ArticleInputError) return { status: 400, body: body(err.message) };
  if (err instanceof UrlRefusedError) return { status: 400, body: body(err.message, 'url') };
  if (err instanceof SimulationCancelled) return { status: 409, body: body(err.message) };
  // Hono's own refusals of a request it could not read (malformed JSON, a bad content type).
  if (err instanceof HTTPException && err.status < 500) {
    const status = ([400, 401, 404, 413, 415] as const).find((s) => s === err.status) ?? 400;
    return { status, body: body(err.message || 'bad request') };
  }
  return { status: 500, body: body(INTERNAL_ERROR_MESSAGE) };
}

/** Whether an error is the user's (a status below 500), as opposed to a bug to log. */
export const isUserError = (err: unknown): boolean => errorResponse(err).status < 500;
