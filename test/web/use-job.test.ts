/**
 * The dashboard's job follower (web/src/components/useJob.ts) without a browser: against a fake
 * server whose answers the test releases one by one, it reports queued → running with the server's
 * progress → done with the result; polls 250 ms, then 1.5× longer, at most 2 s; a failed or
 * cancelled job is a JobError with a sentence; Cancel sends DELETE and reports how the job ended;
 * abandoning (dependencies changed, view gone) sends DELETE and reports nothing more, even when the
 * start or a poll answers late; a refused start keeps the server's error (and its field).
 */
import { describe, expect, it } from 'vitest';
import { ApiError, type AnalysisJobOptions, type Job } from '../../web/src/api.ts';
import { followJob, JobError, jobErrorMessage, pollDelay, type JobClient, type JobUpdate } from '../../web/src/components/useJob.ts';
import { jobStatusWords, progressPercent } from '../../web/src/components/JobProgress.tsx';

type R = { answer: number };

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const job = (status: Job['status'], progress: number, extra: Partial<Job<R>> = {}): Job<R> => ({
  id: 'j1',
  kind: 'research',
  status,
  progress,
  createdAt: '2026-12-03T00:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...extra,
});

/** A fake server: every call waits until the test answers it; the calls are recorded in order. */
function fakeServer() {
  const calls: string[] = [];
  const pending: Array<{ call: string; d: ReturnType<typeof deferred<unknown>> }> = [];
  const waitFor = <T>(call: string) => {
    calls.push(call);
    const d = deferred<unknown>();
    pending.push({ call, d });
    return d.promise as Promise<T>;
  };
  const client: JobClient<R> = {
    start: () => waitFor('POST'),
    get: (id) => waitFor(`GET ${id}`),
    cancel: (id) => waitFor(`DELETE ${id}`),
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  /** Answer the oldest pending call (it must be `call`). */
  const answer = async (call: string, value: unknown, fail = false) => {
    await flush();
    const next = pending.shift();
    expect(next?.call, `expected a pending ${call}`).toBe(call);
    if (fail) next!.d.reject(value);
    else next!.d.resolve(value);
    await flush();
  };
  return { calls, client, answer, pending, flush };
}

function follow(server: ReturnType<typeof fakeServer>) {
  const updates: Array<JobUpdate<R>> = [];
  const sleeps: number[] = [];
  const handle = followJob<R>(server.client, 'the research list', (u) => updates.push(u), async (ms) => void sleeps.push(ms));
  return { updates, sleeps, handle };
}

describe('following a dashboard job', () => {
  it('polls 250 ms, then 1.5 times longer each time, never more than 2 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(pollDelay)).toEqual([250, 375, 563, 844, 1266, 1898, 2000, 2000, 2000]);
  });

  it('reports queued, running with the server’s progress, then done with the result', async () => {
    const server = fakeServer();
    const { updates, sleeps } = follow(server);
    await server.answer('POST', { jobId: 'j1' });
    await server.answer('GET j1', job('queued', 0));
    await server.answer('GET j1', job('running', 0.5));
    await server.answer('GET j1', job('done', 1, { result: { answer: 42 } }));
    expect(updates.map((u) => [u.status, u.progress])).toEqual([
      ['submitting', 0],
      ['queued', 0],
      ['queued', 0],
      ['running', 0.5],
      ['done', 1],
    ]);
    expect(updates.at(-1)!.result).toEqual({ answer: 42 });
    expect(sleeps).toEqual([250, 375]);
    expect(server.calls).toEqual(['POST', 'GET j1', 'GET j1', 'GET j1']);
    await server.flush();
    expect(server.pending).toHaveLength(0);
  });

  it('a failed job is an error with the server’s reason; a cancelled one says so', async () => {
    const server = fakeServer();
    const { updates } = follow(server);
    await server.answer('POST', { jobId: 'j1' });
    await server.answer('GET j1', job('failed', 0.25, { error: 'case "x" has no issue' }));
    const last = updates.at(-1)!;
    expect(last.status).toBe('failed');
    expect(last.error).toBeInstanceOf(JobError);
    expect(last.error!.message).toBe('The research list failed: case "x" has no issue.');
    expect(jobErrorMessage('the sensitivity analysis', { status: 'cancelled' })).toBe('The sensitivity analysis was cancelled before it finished: nothing is shown. Run it again to see it.');
    expect(jobErrorMessage('the package search', { status: 'failed' })).toBe('The package search failed (the server gave no reason).');
  });

  it('Cancel sends DELETE, stops polling and reports the job cancelled (a late poll answer is ignored)', async () => {
    const server = fakeServer();
    const { updates, handle } = follow(server);
    await server.answer('POST', { jobId: 'j1' });
    await server.answer('GET j1', job('running', 0.4));
    // A poll is in flight when the reader presses Cancel.
    handle.cancel();
    expect(updates.at(-1)).toEqual({ status: 'cancelling', progress: 0.4, jobId: 'j1' });
    await server.answer('GET j1', job('running', 0.6));
    await server.answer('DELETE j1', job('cancelled', 0.6));
    expect(updates.map((u) => u.status)).toEqual(['submitting', 'queued', 'running', 'cancelling', 'cancelled']);
    expect((updates.at(-1)!.error as JobError).status).toBe('cancelled');
    expect(server.calls).toEqual(['POST', 'GET j1', 'GET j1', 'DELETE j1']);
    await server.flush();
    expect(server.pending).toHaveLength(0);
  });

  it('Cancel of a job that finished just before shows its result', async () => {
    const server = fakeServer();
    const { updates, handle } = follow(server);
    await server.answer('POST', { jobId: 'j1' });
    await server.answer('GET j1', job('running', 0.9));
    handle.cancel();
    await server.answer('GET j1', job('running', 0.9));
    await server.answer('DELETE j1', job('done', 1, { result: { answer: 7 } }));
    expect(updates.at(-1)).toMatchObject({ status: 'done', result: { answer: 7 } });
  });

  it('abandoned while submitting: the job is cancelled as soon as it has an id, and nothing more is reported', async () => {
    const server = fakeServer();
    const { updates, handle } = follow(server);
    handle.abandon();
    await server.answer('POST', { jobId: 'j1' });
    await server.answer('DELETE j1', job('cancelled', 0));
    expect(updates.map((u) => u.status)).toEqual(['submitting']);
    expect(server.calls).toEqual(['POST', 'DELETE j1']);
  });

  it('abandoned while polling: DELETE, and a late done answer changes nothing', async () => {
    const server = fakeServer();
    const { updates, handle } = follow(server);
    await server.answer('POST', { jobId: 'j1' });
    handle.abandon();
    await server.answer('GET j1', job('done', 1, { result: { answer: 1 } }));
    await server.answer('DELETE j1', job('done', 1, { result: { answer: 1 } }));
    expect(updates.map((u) => u.status)).toEqual(['submitting', 'queued']);
    expect(server.calls).toEqual(['POST', 'GET j1', 'DELETE j1']);
  });

  it('a finished job is not cancelled when the view goes away', async () => {
    const server = fakeServer();
    const { handle } = follow(server);
    await server.answer('POST', { jobId: 'j1' });
    await server.answer('GET j1', job('done', 1, { result: { answer: 3 } }));
    handle.abandon();
    handle.cancel();
    await server.flush();
    expect(server.calls).toEqual(['POST', 'GET j1']);
  });

  it('a refused start keeps the server’s message and field; nothing is polled', async () => {
    const server = fakeServer();
    const { updates } = follow(server);
    await server.answer('POST', new ApiError('options: unknown model "nope"', 400, 'options.models.0'), true);
    expect(updates.at(-1)!.status).toBe('failed');
    expect(updates.at(-1)!.error).toBeInstanceOf(ApiError);
    expect((updates.at(-1)!.error as ApiError).path).toBe('options.models.0');
    expect(server.calls).toEqual(['POST']);
  });

  it('says the status in words and never 100 % before the end', () => {
    expect(jobStatusWords('queued')).toBe('queued — waiting for a worker');
    expect(jobStatusWords('running')).toBe('running');
    expect(progressPercent(0.4, 'running')).toBe(40);
    expect(progressPercent(0.998, 'running')).toBe(99);
    expect(progressPercent(1, 'done')).toBe(100);
    expect(progressPercent(Number.NaN, 'running')).toBe(0);
  });

  it('types a job’s options as the synchronous route’s', () => {
    const ok: AnalysisJobOptions<'levers'> = { target: 'zone', asOf: '2025-12-01' };
    const sens: AnalysisJobOptions<'sensitivity'> = { models: ['bdm'] };
    // @ts-expect-error packages take no `models`
    const bad: AnalysisJobOptions<'packages'> = { models: ['bdm'] };
    expect([ok.target, sens?.models, bad]).toBeTruthy();
  });
});
