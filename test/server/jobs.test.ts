import { describe, expect, it } from 'vitest';
import { JobManager, type JobContext } from '../../src/server/jobs.ts';

/** A job that reports progress in steps and waits for the test to release each step. */
function steppedJob(steps: number) {
  const gates: Array<() => void> = [];
  let ctx: JobContext | undefined;
  const started = new Promise<void>((r) => gates.push(r));
  const work = async (c: JobContext) => {
    ctx = c;
    gates.shift()?.();
    for (let i = 1; i <= steps; i++) {
      await new Promise<void>((r) => gates.push(r));
      if (c.signal.aborted) throw new Error('aborted');
      c.progress(i / steps);
    }
    return { steps };
  };
  const step = async () => {
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { work, started, step, signal: () => ctx?.signal };
}

describe('JobManager', () => {
  it('runs a job to done with progress, one at a time; the next waits as queued', async () => {
    const jobs = new JobManager();
    const a = steppedJob(2);
    const b = steppedJob(1);
    const ja = jobs.start('test', a.work);
    const jb = jobs.start('test', b.work);
    await a.started;
    expect(jobs.get(ja.id)).toMatchObject({ status: 'running', progress: 0 });
    expect(jobs.get(jb.id)).toMatchObject({ status: 'queued', progress: 0 });
    await a.step();
    expect(jobs.get(ja.id)!.progress).toBe(0.5);
    await a.step();
    expect(jobs.get(ja.id)).toMatchObject({ status: 'done', progress: 1, result: { steps: 2 } });
    await b.started;
    expect(jobs.get(jb.id)!.status).toBe('running');
    await b.step();
    expect(jobs.get(jb.id)).toMatchObject({ status: 'done', result: { steps: 1 } });
  });

  it('cancels a running job (its signal aborts) and a queued one (it never starts)', async () => {
    const jobs = new JobManager();
    const a = steppedJob(3);
    let bStarted = false;
    const ja = jobs.start('test', a.work);
    const jb = jobs.start('test', async () => {
      bStarted = true;
    });
    await a.started;
    await a.step();
    expect(jobs.cancel(jb.id)!.status).toBe('cancelled');
    const cancelled = jobs.cancel(ja.id)!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.progress).toBeCloseTo(1 / 3, 12);
    expect(a.signal()!.aborted).toBe(true);
    await a.step();
    // The aborted work's late error does not turn the job into "failed".
    expect(jobs.get(ja.id)!.status).toBe('cancelled');
    expect(bStarted).toBe(false);
    expect(jobs.cancel('no-such-job')).toBeUndefined();
  });

  it('records a failure with its message, keeps finished jobs up to the limit, and ignores cancel after done', async () => {
    const jobs = new JobManager(2);
    const failed = jobs.start('test', async () => {
      throw new RangeError('runs must be positive');
    });
    await new Promise((r) => setImmediate(r));
    expect(jobs.get(failed.id)).toMatchObject({ status: 'failed', error: 'runs must be positive' });
    const done = jobs.start('test', async () => 42);
    await new Promise((r) => setImmediate(r));
    expect(jobs.cancel(done.id)).toMatchObject({ status: 'done', result: 42 });
    jobs.start('test', async () => 1);
    await new Promise((r) => setImmediate(r));
    // Three jobs, room for two: the oldest finished one is gone.
    expect(jobs.get(failed.id)).toBeUndefined();
    expect(jobs.get(done.id)).toBeDefined();
  });
});
