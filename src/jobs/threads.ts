/**
 * A worker thread that computes chunks of a Monte Carlo simulation for `parley worker
 * --concurrency N` (N > 1): the same thread module as `simulate`'s pool
 * (src/analysis/montecarlo-worker.ts: a plan, then run ranges; the outcomes come back transferred).
 * Which thread computes a run never changes its numbers (every run has its own random stream).
 */
import { Worker } from 'node:worker_threads';

// Compiled (dist/): the compiled worker; from the TypeScript sources: the .mjs bootstrap that loads it through tsx.
const WORKER_URL = new URL(import.meta.url.endsWith('.js') ? '../analysis/montecarlo-worker.js' : '../analysis/montecarlo-worker.mjs', import.meta.url);

type Reply = { type: 'ready' } | { type: 'done'; outcomes: Float64Array[] } | { type: 'error'; message: string };

export class ChunkThread {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private pending: { resolve: (o: Float64Array[]) => void; reject: (e: Error) => void } | null = null;
  private lastPlan: unknown = null;
  private dead: Error | null = null;

  constructor() {
    this.worker = new Worker(WORKER_URL);
    let markReady!: () => void;
    let failReady!: (e: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // A thread that never starts must not leave an unhandled rejection behind if nothing waits on it yet.
    this.ready.catch(() => {});
    const fail = (e: Error) => {
      this.dead = e;
      failReady(e);
      this.pending?.reject(e);
      this.pending = null;
    };
    this.worker.on('message', (msg: Reply) => {
      if (msg.type === 'ready') return markReady();
      const p = this.pending;
      this.pending = null;
      if (msg.type === 'done') p?.resolve(msg.outcomes);
      else p?.reject(new Error(msg.message));
    });
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a chunk thread stopped (exit code ${code})`)));
  }

  /** Whether the thread stopped or failed to start (a new one is needed). */
  get isDead(): boolean {
    return this.dead !== null;
  }

  /** The outcomes of runs [from, to) of `plan` (a MonteCarloPlan), as `runBatch` returns them. */
  async run(plan: unknown, from: number, to: number): Promise<Float64Array[]> {
    await this.ready;
    if (this.dead) throw this.dead;
    if (this.pending) throw new Error('a chunk thread runs one chunk at a time');
    return new Promise<Float64Array[]>((resolve, reject) => {
      this.pending = { resolve, reject };
      if (plan !== this.lastPlan) {
        this.worker.postMessage({ type: 'plan', plan });
        this.lastPlan = plan;
      }
      this.worker.postMessage({ type: 'batch', from, to });
    });
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
