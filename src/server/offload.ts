/**
 * CPU-heavy request work (article ingestion, the timeline, scenario comparison) run in a small pool
 * of worker threads, so one long request does not hold up every other request on the event loop.
 *
 * A task is a function name and its arguments (plain data, structured-cloned); the result comes back
 * the same way. A user error thrown in a worker (an article error, an unknown scenario...) is rebuilt
 * here as an instance of the same class with the same message and fields, so the server reports it as
 * the same 400. A worker that dies (a crash, out of memory) fails only the tasks it was running, and is
 * replaced on the next task.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ArticleInputError } from '../evidence/input.ts';
import { FetchArticleError } from '../evidence/fetch.ts';
import { UnknownScenarioError } from '../case/view.ts';
import { UnknownModelError } from '../analysis/forecast.ts';
import { UnknownDraftError } from '../analysis/drafts.ts';
import { ParamError } from '../engines/params.ts';
import { SmpParameterError } from '../engines/smp.ts';
import type { OffloadTasks } from './offload-worker.ts';

export type TaskName = keyof OffloadTasks;

/** The error classes a task may throw that the server reports as user errors (src/server/errors.ts). */
const USER_ERRORS: Record<string, new (...args: never[]) => Error> = {
  ArticleInputError,
  FetchArticleError,
  UnknownScenarioError,
  UnknownModelError,
  UnknownDraftError,
  ParamError,
  SmpParameterError,
};

// Compiled (dist/, this module is .js): the compiled offload-worker.js. From the sources (Vitest,
// tsx): the .mjs bootstrap that loads offload-worker.ts through tsx (as src/analysis/montecarlo.ts does).
const WORKER_URL = new URL(import.meta.url.endsWith('.js') ? './offload-worker.js' : './offload-worker.mjs', import.meta.url);

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}
export interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  props: Record<string, unknown>;
}

/** Rebuild an error sent from a worker: the same user-error class when it is one, else a plain Error (a 500). */
export function rebuildError(e: WorkerError): Error {
  const Class = USER_ERRORS[e.name];
  const err: Error = Class ? (Object.create(Class.prototype) as Error) : new Error(e.message);
  Object.defineProperty(err, 'message', { value: e.message, writable: true, configurable: true });
  Object.assign(err, e.props);
  if (e.stack) Object.defineProperty(err, 'stack', { value: e.stack, writable: true, configurable: true });
  return err;
}

/** A task running longer than this is taken as hung: its worker is stopped (its tasks fail, a new worker takes the next). */
export const TASK_TIMEOUT_MS = 120_000;
/** Heap of one request worker (MB): a runaway input fails that worker, not the server. */
export const WORKER_HEAP_MB = 1024;

export class OffloadPool {
  private readonly slots: Array<Slot | null>;
  private next = 0;
  private seq = 0;
  private closed = false;

  constructor(
    readonly size = Math.max(1, Math.min(2, availableParallelism() - 1)),
    private readonly timeoutMs = TASK_TIMEOUT_MS,
  ) {
    this.slots = Array.from({ length: size }, () => null);
  }

  /** Run `name(...args)` in a worker; resolves with its result or rejects with its (rebuilt) error. */
  run<K extends TaskName>(name: K, ...args: Parameters<OffloadTasks[K]>): Promise<Awaited<ReturnType<OffloadTasks[K]>>> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    // The least busy slot (ties: round robin), so that a long task does not hold up the next ones.
    const start = this.next++ % this.size;
    let i = start;
    for (let k = 0; k < this.size; k++) {
      const j = (start + k) % this.size;
      if ((this.slots[j]?.pending.size ?? 0) < (this.slots[i]?.pending.size ?? 0)) i = j;
    }
    const slot = this.slots[i] ?? (this.slots[i] = this.start(i));
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => void slot.worker.terminate(), this.timeoutMs);
      timer.unref();
      const done = <T>(f: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        f(v);
      };
      slot.pending.set(id, { resolve: done(resolve as (v: unknown) => void), reject: done(reject) });
      slot.worker.postMessage({ id, name, args });
    });
  }

  private start(i: number): Slot {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker, pending: new Map() };
    // Idle workers do not keep the process alive.
    worker.unref();
    worker.on('message', (msg: { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerError }) => {
      const p = slot.pending.get(msg.id);
      if (!p) return;
      slot.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(rebuildError(msg.error));
    });
    const fail = (why: string) => {
      if (this.slots[i] === slot) this.slots[i] = null;
      for (const p of slot.pending.values()) p.reject(new Error(`a request worker stopped (${why})`));
      slot.pending.clear();
    };
    worker.on('error', (e) => fail(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.on('online', () => undefined);
    return slot;
  }

  /** The worker of slot `i`, for tests (undefined before its first task). */
  workerAt(i: number): Worker | undefined {
    return this.slots[i]?.worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s?.worker.terminate()));
  }
}

let shared: OffloadPool | undefined;
/** The process's pool, started on first use. */
export const offloadPool = (): OffloadPool => (shared ??= new OffloadPool());
