/**
 * Long analyses as background jobs (docs/jobs.md, docs/dashboard.md): submit the job
 * (POST /api/cases/{id}/jobs), poll GET /api/jobs/{id} every 250 ms, slowing to every 2 s, and
 * expose its status and progress for <JobProgress>. A change of the hook's dependencies, or the view
 * going away, cancels the job it started (DELETE /api/jobs/{id}) and ignores answers that come late;
 * Cancel does the same and says so. A done job's result is the synchronous route's answer, the
 * same JSON, typed as it (AnalysisJobResults in api.ts).
 *
 * `followJob` is the part without React (tested in test/web/use-job.test.ts with a fake server).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type AnalysisJobKind, type AnalysisJobOptions, type AnalysisJobResults, type Job } from '../api.ts';
import type { Loaded } from './useLoad.ts';

/** Where a followed job is: before it has an id (`submitting`), the server's statuses, and `cancelling` (a Cancel sent, no answer yet). */
export type JobPhase = 'idle' | 'submitting' | 'queued' | 'running' | 'cancelling' | 'done' | 'failed' | 'cancelled';

/** The phases in which the job is still under way (a progress bar and Cancel are shown). */
export const isUnderWay = (p: JobPhase): boolean => p === 'submitting' || p === 'queued' || p === 'running' || p === 'cancelling';

export const POLL_FIRST_MS = 250;
export const POLL_MAX_MS = 2000;
/** The wait before poll n + 1 (n from 0): 250 ms, then 1.5 times longer each time, at most 2 s. */
export function pollDelay(n: number): number {
  return Math.min(POLL_MAX_MS, Math.round(POLL_FIRST_MS * 1.5 ** Math.max(0, n)));
}

/** A job that ended without a result: failed (with the server's reason) or cancelled. */
export class JobError extends Error {
  constructor(
    message: string,
    readonly status: 'failed' | 'cancelled',
    readonly jobId: string | undefined,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

/** The sentence for a job that ended without a result; `what` names the analysis ("the sensitivity analysis"). */
export function jobErrorMessage(what: string, job: Pick<Job, 'status' | 'error'>): string {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  if (job.status === 'cancelled') return `${What} was cancelled before it finished: nothing is shown. Run it again to see it.`;
  return `${What} failed${job.error ? `: ${job.error}` : ' (the server gave no reason)'}.`;
}

export interface JobUpdate<R> {
  status: JobPhase;
  progress: number;
  jobId?: string;
  result?: R;
  error?: Error;
}

/** What `followJob` needs of the server (api.ts in the dashboard, a fake in tests). */
export interface JobClient<R> {
  start(): Promise<{ jobId: string }>;
  get(jobId: string): Promise<Job<R>>;
  cancel(jobId: string): Promise<Job<R>>;
}

export interface FollowedJob {
  readonly jobId: string | undefined;
  /** Cancel the job and report how it ended (cancelled, or done if it finished first). */
  cancel(): void;
  /** Stop following: cancel the job if it is not over, and report nothing more (dependencies changed, view gone). */
  abandon(): void;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Start a job and poll it until it ends, reporting every state to `onUpdate`. Returns at once; the
 * handle cancels or abandons it. `what` names the job in error messages.
 */
export function followJob<R>(client: JobClient<R>, what: string, onUpdate: (u: JobUpdate<R>) => void, sleep: (ms: number) => Promise<void> = wait): FollowedJob {
  let jobId: string | undefined;
  /** No more polling (it ended, was cancelled or abandoned). */
  let over = false;
  /** Abandoned: no more updates either. */
  let silent = false;
  /** Its end was seen (done, failed or cancelled): nothing to cancel. */
  let ended = false;
  let cancelSent = false;
  let lastProgress = 0;
  const report = (u: JobUpdate<R>) => {
    lastProgress = u.progress;
    if (!silent) onUpdate(u);
  };
  const endWith = (job: Job<R>) => {
    ended = true;
    over = true;
    if (job.status === 'done') report({ status: 'done', progress: 1, jobId, result: job.result });
    else {
      const status = job.status === 'failed' ? 'failed' : 'cancelled';
      report({ status, progress: job.progress, jobId, error: new JobError(jobErrorMessage(what, { status, error: job.error }), status, jobId) });
    }
  };
  const sendCancel = async () => {
    if (cancelSent || ended || jobId === undefined) return;
    cancelSent = true;
    try {
      // The answer is the job cancelled, or finished already (done or failed just before).
      const job = await client.cancel(jobId);
      if (!ended) endWith(job);
    } catch (e) {
      if (!ended) {
        ended = true;
        report({ status: 'failed', progress: 0, jobId, error: new Error(`${what} could not be cancelled: ${(e as Error).message}`) });
      }
    }
  };
  void (async () => {
    report({ status: 'submitting', progress: 0 });
    try {
      jobId = (await client.start()).jobId;
    } catch (e) {
      // Refused (a 400 naming its field) or no answer: the error as the server gave it.
      over = true;
      ended = true;
      report({ status: 'failed', progress: 0, error: e as Error });
      return;
    }
    // Cancelled or abandoned while it was being submitted: cancel it now that it has an id.
    if (over) return void sendCancel();
    report({ status: 'queued', progress: 0, jobId });
    for (let n = 0; !over; n++) {
      let job: Job<R>;
      try {
        job = await client.get(jobId);
      } catch (e) {
        if (over) return;
        over = true;
        ended = true;
        report({ status: 'failed', progress: 0, jobId, error: new Error(`${what}: the job could not be read (${(e as Error).message})`) });
        return;
      }
      if (over) return;
      if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return endWith(job);
      report({ status: job.status, progress: job.progress, jobId });
      await sleep(pollDelay(n));
    }
  })();
  return {
    get jobId() {
      return jobId;
    },
    cancel() {
      if (over) return;
      over = true;
      report({ status: 'cancelling', progress: lastProgress, jobId });
      void sendCancel();
    },
    abandon() {
      if (silent) return;
      silent = true;
      over = true;
      void sendCancel();
    },
  };
}

/** Each kind in words, for labels and error messages. */
export const JOB_WORDS: Record<AnalysisJobKind, string> = {
  sensitivity: 'the sensitivity analysis',
  research: 'the research list',
  timeline: 'the outlook over time',
  scenarios: 'the scenario comparison',
  packages: 'the package search',
  power: 'the power indices',
  levers: 'the levers search',
};

export interface JobRun<T> extends Loaded<T> {
  kind: string;
  status: JobPhase;
  /** 0..1: the share of the job's chunks done. */
  progress: number;
  jobId: string | undefined;
  /** Cancel the job (its view then says it was cancelled; `reload` runs it again). */
  cancel: () => void;
}

interface State<T> {
  data?: T;
  error?: Error;
  status: JobPhase;
  progress: number;
  jobId?: string;
}

/**
 * Run an analysis of the case as a job whenever `deps` change (`options` null: not yet). The last
 * result stays in `data` while the next job runs, as with useLoad.
 */
export function useJob<K extends AnalysisJobKind>(caseId: string, kind: K, options: AnalysisJobOptions<K> | null, deps: unknown[]): JobRun<AnalysisJobResults[K] & { runId?: string }> {
  type R = AnalysisJobResults[K] & { runId?: string };
  const [state, setState] = useState<State<R>>({ status: options === null ? 'idle' : 'submitting', progress: 0 });
  const [tick, setTick] = useState(0);
  const current = useRef<FollowedJob | null>(null);
  useEffect(() => {
    if (options === null) {
      setState((s) => ({ data: s.data, status: 'idle', progress: 0 }));
      return;
    }
    const client: JobClient<R> = { start: () => api.startJob(caseId, kind, options), get: (id) => api.job<R>(id), cancel: (id) => api.cancelJob(id) as Promise<Job<R>> };
    const followed = followJob<R>(client, JOB_WORDS[kind], (u) =>
      setState((s) => ({ data: u.status === 'done' ? u.result : s.data, error: u.error, status: u.status, progress: u.progress, jobId: u.jobId })),
    );
    current.current = followed;
    return () => {
      followed.abandon();
      if (current.current === followed) current.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const cancel = useCallback(() => current.current?.cancel(), []);
  return { kind, data: state.data, error: state.error, loading: isUnderWay(state.status), status: state.status, progress: state.progress, jobId: state.jobId, cancel, reload };
}
