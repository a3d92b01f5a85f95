/**
 * Background jobs (Monte Carlo runs): started by a request, polled for progress, cancellable.
 * One job computes at a time (each already uses every core through worker threads); the others
 * wait as `queued`. Finished jobs are kept for polling, the oldest dropped beyond `keep`.
 *
 * `LocalQueue` is the SQLite backend of the job queue (src/jobs/queue.ts): durable jobs are rows of
 * the store's database, run by this process. On PostgreSQL the server uses `PgBossQueue` instead,
 * behind the same `JobQueue` interface (`JobManager`, the name the routes know it by).
 */
import { randomUUID } from 'node:crypto';
import { caseIdOf, type JobStore, type StoredJob } from '../store/jobs.ts';
import type { JobQueue } from '../jobs/queue.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  kind: string;
  /** The case the job is of (none for a backtest of many cases, or a job of this process only). */
  caseId?: string;
  status: JobStatus;
  /** Share of the work done, 0..1. */
  progress: number;
  result?: unknown;
  error?: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobContext {
  signal: AbortSignal;
  /** Report the share done (0..1); values are clamped and never go backwards. */
  progress(share: number): void;
}

export type JobWork = (ctx: JobContext) => Promise<unknown>;

/**
 * A durable job's work: from its stored parameters and id (to read and write its chunks), resumable
 * from whatever it stored before a restart. One per job kind, given to the JobManager.
 */
export type DurableWork = (job: { id: string; params: unknown }, ctx: JobContext) => Promise<unknown>;

export interface DurableJobs {
  store: JobStore;
  kinds: Record<string, DurableWork>;
  /** false: this process only stores jobs (a server with `--no-worker`); `parley worker` processes run them. */
  execute?: boolean;
}

interface Job extends JobView {
  work: JobWork;
  controller: AbortController;
  /** Stored in the database (survives a restart). */
  durable?: boolean;
  /** Resolves when the work has stopped, whatever the outcome. */
  settled?: Promise<void>;
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(['done', 'failed', 'cancelled']);

export class LocalQueue implements JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running: Job | null = null;

  /**
   * @param keep finished jobs kept for polling
   * @param onFailure called with a job whose work threw (not when cancelled), e.g. to log the stack
   */
  constructor(
    private readonly keep = 200,
    private readonly onFailure?: (job: JobView, error: unknown) => void,
    private readonly durable?: DurableJobs,
  ) {}

  private stopping = false;

  /** Whether this process runs jobs (false: a server with no job execution of its own). */
  get runsJobs(): boolean {
    return this.durable?.execute !== false;
  }

  /** Whether jobs are kept in the database. */
  get isDurable(): boolean {
    return this.durable !== undefined;
  }

  /** Store a new job of a durable kind and queue it; its id. */
  async submit(kind: string, params: unknown, chunks: number): Promise<JobView> {
    const d = this.requireDurable(kind);
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    await d.store.create({ id, kind, params, chunks, createdAt });
    if (d.execute === false) return storedView((await d.store.get(id))!);
    return this.enqueue({ id, kind, params, status: 'queued', progress: 0, chunks, result: undefined, error: null, createdAt, startedAt: null, finishedAt: null });
  }

  /** Queue again, under their ids, the stored jobs that were queued or running when the last process stopped. */
  async resume(): Promise<string[]> {
    const d = this.durable;
    if (!d || d.execute === false) return [];
    const ids: string[] = [];
    for (const stored of await d.store.unfinished()) {
      if (this.jobs.has(stored.id)) continue;
      if (!d.kinds[stored.kind]) {
        await d.store.finish(stored.id, 'failed', new Date().toISOString(), { error: `unknown job kind "${stored.kind}"` });
        continue;
      }
      this.enqueue(stored);
      ids.push(stored.id);
    }
    return ids;
  }

  /** A job by id: this process's, else the stored one (a job of an earlier process). */
  async find(id: string): Promise<JobView | undefined> {
    const job = this.get(id);
    if (job || !this.durable) return job;
    const stored = await this.durable.store.get(id);
    return stored && storedView(stored);
  }

  /** Cancel a job by id, this process's or a stored one. */
  async stop(id: string): Promise<JobView | undefined> {
    const job = this.jobs.get(id);
    if (job) {
      this.cancel(id);
      if (job.durable) await this.durable!.store.finish(id, 'cancelled', job.finishedAt ?? new Date().toISOString());
      return view(job);
    }
    if (!this.durable) return undefined;
    await this.durable.store.finish(id, 'cancelled', new Date().toISOString());
    const stored = await this.durable.store.get(id);
    return stored && storedView(stored);
  }

  private requireDurable(kind: string): DurableJobs {
    if (!this.durable?.kinds[kind]) throw new Error(`no durable job kind "${kind}"`);
    return this.durable;
  }

  private enqueue(stored: StoredJob): JobView {
    const d = this.requireDurable(stored.kind);
    const run = d.kinds[stored.kind];
    const id = stored.id;
    const job: Job = {
      id,
      kind: stored.kind,
      status: 'queued',
      progress: stored.progress,
      createdAt: stored.createdAt,
      startedAt: null,
      finishedAt: null,
      durable: true,
      controller: new AbortController(),
      work: async (ctx) => {
        await d.store.markRunning(id, job.startedAt ?? new Date().toISOString());
        let last = job.progress;
        const result = await run({ id, params: stored.params }, {
          signal: ctx.signal,
          progress: (share) => {
            ctx.progress(share);
            if (job.progress > last) {
              last = job.progress;
              void d.store.setProgress(id, last).catch(() => {});
            }
          },
        });
        if (!ctx.signal.aborted) await d.store.finish(id, 'done', new Date().toISOString(), { result });
        return result;
      },
    };
    this.jobs.set(id, job);
    this.waiting.push(job);
    this.evict();
    this.next();
    return view(job);
  }

  start(kind: string, work: JobWork): JobView {
    const job: Job = {
      id: randomUUID(),
      kind,
      status: 'queued',
      progress: 0,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      work,
      controller: new AbortController(),
    };
    this.jobs.set(job.id, job);
    this.waiting.push(job);
    this.evict();
    this.next();
    return view(job);
  }

  get(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    return job && view(job);
  }

  /** Cancel a queued or running job; a finished job is left as it is. Undefined: unknown id. */
  cancel(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.status === 'queued') {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      this.finish(job, 'cancelled');
    } else if (job.status === 'running') {
      // The work sees the abort and stops; the status is set now so a poll right after the DELETE sees it.
      job.controller.abort();
      this.finish(job, 'cancelled');
    }
    return view(job);
  }

  /** Cancel everything (server shutdown) and wait for the running job to stop. */
  async shutdown(): Promise<void> {
    // Durable jobs stop here but stay queued or running in the database: the next process resumes them.
    this.stopping = true;
    for (const job of [...this.waiting]) this.cancel(job.id);
    const current = this.running;
    if (current) {
      this.cancel(current.id);
      await current.settled;
    }
  }

  private next(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = job;
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    const ctx: JobContext = {
      signal: job.controller.signal,
      progress: (share) => {
        if (job.status !== 'running') return;
        const p = Math.min(1, Math.max(0, share));
        if (p > job.progress) job.progress = p;
      },
    };
    job.settled = (async () => {
      try {
        const result = await job.work(ctx);
        if (job.status === 'running') {
          job.result = result;
          job.progress = 1;
          this.finish(job, 'done');
        }
      } catch (e) {
        if (job.status === 'running') {
          job.error = e instanceof Error ? e.message : String(e);
          const aborted = job.controller.signal.aborted;
          this.finish(job, aborted ? 'cancelled' : 'failed');
          if (!aborted) this.onFailure?.(view(job), e);
          if (job.durable && !aborted) await this.durable!.store.finish(job.id, 'failed', job.finishedAt!, { error: job.error }).catch(() => {});
        }
      } finally {
        this.running = null;
        if (!this.stopping) this.next();
      }
    })();
  }

  private finish(job: Job, status: JobStatus): void {
    job.status = status;
    job.finishedAt = new Date().toISOString();
  }

  private evict(): void {
    if (this.jobs.size <= this.keep) return;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.keep) break;
      if (TERMINAL.has(job.status)) this.jobs.delete(id);
    }
  }
}

/** The server's job queue, whichever backend (the type), and the local one (the constructor). */
export type JobManager = JobQueue;
export const JobManager = LocalQueue;

export function storedView(s: StoredJob): JobView {
  const caseId = caseIdOf(s.params);
  return {
    id: s.id,
    kind: s.kind,
    ...(caseId !== undefined ? { caseId } : {}),
    status: s.status,
    progress: s.progress,
    ...(s.result !== undefined ? { result: s.result } : {}),
    ...(s.error !== null ? { error: s.error } : {}),
    createdAt: s.createdAt,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
  };
}

function view(job: Job): JobView {
  const { id, kind, status, progress, result, error, createdAt, startedAt, finishedAt } = job;
  return {
    id,
    kind,
    status,
    progress,
    ...(result !== undefined ? { result } : {}),
    ...(error !== undefined ? { error } : {}),
    createdAt,
    startedAt,
    finishedAt,
  };
}
