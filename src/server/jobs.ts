/**
 * Background jobs (Monte Carlo runs): started by a request, polled for progress, cancellable.
 * One job computes at a time (each already uses every core through worker threads); the others
 * wait as `queued`. Finished jobs are kept for polling, the oldest dropped beyond `keep`.
 */
import { randomUUID } from 'node:crypto';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  kind: string;
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

interface Job extends JobView {
  work: JobWork;
  controller: AbortController;
  /** Resolves when the work has stopped, whatever the outcome. */
  settled?: Promise<void>;
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(['done', 'failed', 'cancelled']);

export class JobManager {
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
  ) {}

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
        }
      } finally {
        this.running = null;
        this.next();
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
