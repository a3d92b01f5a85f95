/**
 * The server's log (docs/deploy.md, "Logs"): one line per request and per job event, and the
 * server's own messages, on standard error. `PARLEY_LOG` chooses:
 *
 * - unset: the human messages of `parley serve` as before, and no line per request or job event
 *   (a terminal is not flooded, and in-process tests stay quiet);
 * - `text`: the same plus one human line per request and job event;
 * - `json`: every line one JSON object (`time`, `level`, `event` or `msg`, and the event's fields),
 *   for a log collector; what the container image sets.
 *
 * A request line has the method, the path (percent-encoded as sent), the names of the query
 * parameters but never their values, the status, the time in ms, the request id (`X-Request-Id`,
 * taken from the request when it is a plain token, else generated: hono's requestId middleware) and
 * the signed-in name. Headers and bodies are never logged: no token, password or cookie reaches the log.
 */
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';

export type LogFormat = 'json' | 'text';
export const LOG_FORMATS: readonly LogFormat[] = ['json', 'text'];

/** A bad PARLEY_LOG (a user error: the message names the variable and the values it takes). */
export class LogConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogConfigError';
  }
}

type Fields = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export interface Logger {
  readonly format: LogFormat;
  /** Whether a line is written per request and per job event (PARLEY_LOG is set). */
  readonly events: boolean;
  info(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** One request or job event (nothing when `events` is false). */
  event(event: string, fields: Fields): void;
}

export interface LoggerOptions {
  format?: LogFormat;
  events?: boolean;
  /** Where a finished line (with its newline) goes: default standard error. */
  write?: (line: string) => void;
  /** The clock of the `time` field (tests). */
  now?: () => Date;
}

/** PARLEY_LOG as a format, or null when unset (empty counts as unset). */
export function parseLogFormat(value: string | undefined): LogFormat | null {
  if (value === undefined || value.trim() === '') return null;
  const v = value.trim().toLowerCase();
  if ((LOG_FORMATS as readonly string[]).includes(v)) return v as LogFormat;
  throw new LogConfigError(`PARLEY_LOG must be ${LOG_FORMATS.join(' or ')} (or unset: human messages, no line per request), got ${JSON.stringify(value.slice(0, 40))}`);
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const format = opts.format ?? 'text';
  const write = opts.write ?? ((line: string) => void process.stderr.write(line));
  const now = opts.now ?? (() => new Date());
  const events = opts.events ?? true;
  const emit = (level: 'info' | 'error', head: Record<string, string>, fields: Fields = {}, human: string) => {
    if (format === 'json') {
      const entry: Record<string, unknown> = { time: now().toISOString(), level, ...head };
      // An event's fields never replace the line's own time, level, event or msg.
      for (const [k, v] of Object.entries(fields)) if (v !== undefined && !(k in entry)) entry[k] = v;
      write(`${JSON.stringify(entry)}\n`);
    } else {
      write(`${human}\n`);
    }
  };
  return {
    format,
    events,
    info: (msg, fields) => emit('info', { msg }, fields, msg),
    error: (msg, fields) => emit('error', { msg }, fields, msg),
    event(event, { level: asked, ...fields }) {
      if (!events) return;
      const level = asked === 'error' || (typeof fields.status === 'number' && fields.status >= 500) ? 'error' : 'info';
      emit(level, { event }, fields, textLine(event, fields));
    },
  };
}

/** The logger PARLEY_LOG asks for (see the header). */
export function loggerFromEnv(env: NodeJS.ProcessEnv = process.env, write?: (line: string) => void): Logger {
  const format = parseLogFormat(env.PARLEY_LOG);
  return createLogger({ format: format ?? 'text', events: format !== null, ...(write ? { write } : {}) });
}

/** A human line of an event: `GET /api/cases?asOf 200 3.1 ms id=… user=ana`, `job id=3f… kind=simulate status=done`. */
function textLine(event: string, f: Fields): string {
  if (event === 'request') {
    const query = Array.isArray(f.query) && f.query.length ? `?${f.query.join('&')}` : '';
    return [`${f.method} ${f.path}${query} ${f.status} ${f.ms} ms`, `id=${f.requestId}`, f.user ? `user=${f.user}` : ''].filter(Boolean).join(' ');
  }
  const rest = Object.entries(f)
    .filter(([, v]) => v !== undefined && v !== null)
    // One event, one line: a value's line breaks (an error message's) become spaces.
    .map(([k, v]) => `${k}=${(Array.isArray(v) ? v.join(',') : String(v)).replace(/[\x00-\x1f\x7f]+/g, ' ')}`);
  return [event, ...rest].join(' ');
}

/** Longest path logged (longer ones are cut, with "…"). */
const MAX_LOGGED_PATH = 300;

/**
 * The request id (always: the `X-Request-Id` response header) and, when the logger writes events,
 * one line per request once it is answered.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  const withId = requestId({ limitLength: 100 });
  return (c, next) =>
    withId(c, async () => {
      const start = performance.now();
      try {
        await next();
      } finally {
        if (log.events) {
          const url = new URL(c.req.url);
          const path = url.pathname.length > MAX_LOGGED_PATH ? `${url.pathname.slice(0, MAX_LOGGED_PATH)}…` : url.pathname;
          const user = (c.get('user' as never) as { name?: string } | null | undefined)?.name;
          log.event('request', {
            method: c.req.method,
            path,
            query: [...new Set(url.searchParams.keys())].map((k) => k.slice(0, 40).replace(/[^\x21-\x7e]/g, '?')),
            status: c.res.status,
            ms: Math.round((performance.now() - start) * 10) / 10,
            requestId: c.get('requestId' as never) as string,
            user,
          });
        }
      }
    });
}

/** One job event (`queued`, `running`, `done`, `failed`, `cancelled`, …): for the job code and workers. */
export function logJobEvent(log: Logger, job: { id: string; kind: string; status: string }, fields: Fields = {}): void {
  log.event('job', { id: job.id, kind: job.kind, status: job.status, ...fields, ...(job.status === 'failed' ? { level: 'error' } : {}) });
}

/**
 * The job queue's own events (src/jobs: `{ event: 'submitted', job, kind, chunks }`, `chunk-done`,
 * `failed`, …) as job lines of this log: `{"event":"job","step":"submitted","job":…}`. Values that are
 * not strings, numbers or booleans are written as JSON text.
 */
export function queueEventLog(log: Logger): (event: Record<string, unknown>) => void {
  // `at` (the queue's own timestamp) is dropped: the line has its `time`.
  return ({ event, at: _at, ...rest }) => {
    const fields: Fields = { step: String(event) };
    for (const [k, v] of Object.entries(rest)) {
      fields[k] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === undefined ? undefined : JSON.stringify(v);
    }
    if (/fail|error/.test(String(event))) fields.level = 'error';
    log.event('job', fields);
  };
}
