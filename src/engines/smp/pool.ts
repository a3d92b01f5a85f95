/**
 * Worker threads for the O(N³) challenge loop, driven synchronously (the engine contract is a plain
 * function): the turn's arrays live in SharedArrayBuffers, the main thread bumps a generation
 * counter, and every thread — the main one included — claims chunks of actors with a
 * compare-and-swap on a word that packs (generation, next chunk). A thread that wakes late for a
 * finished generation finds a stale generation and claims nothing, so no chunk is lost or done
 * twice. Each actor's challenges are computed by the same function on the same numbers whichever
 * thread claims it: results are identical for any thread count. If the workers have not started
 * yet (loading TypeScript takes a moment), the main thread simply does all the chunks itself.
 */
import { Worker } from 'node:worker_threads';
import { bestChallenges, type ChallengeTurn } from './challenges.ts';
import { coalitionRows } from './kernel.ts';

/** Slots of the control word array. */
export const GEN = 0;
export const CLAIM = 1;
export const DONE = 2;
export const CLOSE = 3;
export const RULE = 4;
export const COMMIT = 5;
export const CHUNKS = 6;
export const CHUNK_SIZE = 7;
/** Which task the generation runs: challenges, or rows of a coalition matrix. */
export const TASK = 8;
export const N_VOTERS = 9;
export const N_OPTIONS = 10;
const CONTROL_SLOTS = 12;
const TASK_CHALLENGES = 0;
const TASK_COALITIONS = 1;
/** Most chunks a generation is cut into (their first rows live in `rowStarts`). */
const MAX_CHUNKS = 1024;

export interface SharedTurn {
  n: number;
  control: Int32Array;
  base: Float64Array;
  slope: Float64Array;
  alphaRisk: Float64Array;
  weight: Float64Array;
  totalSalience: Float64Array;
  target: Int32Array;
  probability: Float64Array;
  gain: Float64Array;
  /** Coalition task: voter weights, utilities (option-major), the result, and each chunk's first row. */
  voterWeight: Float64Array;
  util: Float64Array;
  coalition: Float64Array;
  rowStarts: Int32Array;
}

function sharedF64(len: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(len * 8));
}

export function allocateShared(n: number): SharedTurn {
  return {
    n,
    control: new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4)),
    base: sharedF64(n * n),
    slope: sharedF64(n * n),
    alphaRisk: sharedF64(n),
    weight: sharedF64(n),
    totalSalience: sharedF64(n),
    target: new Int32Array(new SharedArrayBuffer(n * 4)),
    probability: sharedF64(n),
    gain: sharedF64(n),
    // A PCE has at most n + 1 options (a queue: status quo, own challenge, n − 1 challengers).
    voterWeight: sharedF64(n),
    util: sharedF64((n + 1) * n),
    coalition: sharedF64((n + 1) * (n + 1)),
    rowStarts: new Int32Array(new SharedArrayBuffer((MAX_CHUNKS + 1) * 4)),
  };
}

/** Claim the next chunk of generation `gen`, or −1 when none is left (or the generation is over). */
export function claimChunk(control: Int32Array, gen: number): number {
  for (;;) {
    const v = Atomics.load(control, CLAIM);
    if (v >>> 16 !== (gen & 0xffff)) return -1;
    const c = v & 0xffff;
    if (c >= Atomics.load(control, CHUNKS)) return -1;
    if (Atomics.compareExchange(control, CLAIM, v, v + 1) === v) return c;
  }
}

/** Do chunks of the current generation until none is left (used by the workers and the main thread). */
export function workOnGeneration(s: SharedTurn, gen: number): void {
  const { control, n } = s;
  if (Atomics.load(control, TASK) === TASK_COALITIONS) {
    const nVoters = Atomics.load(control, N_VOTERS);
    const nOpt = Atomics.load(control, N_OPTIONS);
    const rule = Atomics.load(control, RULE);
    for (let c = claimChunk(control, gen); c >= 0; c = claimChunk(control, gen)) {
      coalitionRows(nVoters, nOpt, s.voterWeight, s.util, rule, s.coalition, s.rowStarts[c], s.rowStarts[c + 1]);
      Atomics.add(control, DONE, 1);
      Atomics.notify(control, DONE);
    }
    return;
  }
  const turn: ChallengeTurn = { n, base: s.base, slope: s.slope, alphaRisk: s.alphaRisk, weight: s.weight, totalSalience: s.totalSalience, rule: Atomics.load(control, RULE), commit: Atomics.load(control, COMMIT) };
  const size = Atomics.load(control, CHUNK_SIZE);
  for (let c = claimChunk(control, gen); c >= 0; c = claimChunk(control, gen)) {
    const from = c * size;
    bestChallenges(turn, from, Math.min(n, from + size), s.target, s.probability, s.gain);
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

export interface ChallengePool {
  run(turn: ChallengeTurn, target: Int32Array, probability: Float64Array, gain: Float64Array): void;
  /** coalitionStrengths(nVoters, nOpt, weight, util, rule), rows shared among the threads. */
  coalitions(nVoters: number, nOpt: number, weight: ArrayLike<number>, util: Float64Array, rule: number): Float64Array;
  close(): void;
}

/** A pool of `threads − 1` workers plus the calling thread. */
export function challengePool(threads: number): ChallengePool {
  let shared: SharedTurn | undefined;
  let workers: Worker[] = [];
  let gen = 0;
  /** Open a new generation of `chunks` chunks, work on it here too, and wait until all are done. */
  const dispatch = (s: SharedTurn, chunks: number) => {
    const { control } = s;
    gen = (gen + 1) & 0x7fff;
    Atomics.store(control, CHUNKS, chunks);
    Atomics.store(control, DONE, 0);
    Atomics.store(control, CLAIM, gen << 16);
    Atomics.store(control, GEN, gen);
    Atomics.notify(control, GEN);
    workOnGeneration(s, gen);
    const deadline = Date.now() + 600_000;
    for (let done = Atomics.load(control, DONE); done < chunks; done = Atomics.load(control, DONE)) {
      if (Date.now() > deadline) throw new Error('SMP worker threads stopped responding');
      Atomics.wait(control, DONE, done, 1000);
    }
  };
  const start = (n: number) => {
    shared = allocateShared(n);
    for (let w = 0; w < threads - 1; w++) {
      // Compiled (dist/): the compiled worker.js; from the TypeScript sources: the tsx bootstrap worker.mjs.
      const worker = new Worker(new URL(import.meta.url.endsWith('.js') ? './worker.js' : './worker.mjs', import.meta.url), { workerData: shared });
      worker.unref();
      // A worker that fails to start leaves its chunks to the others; nothing waits on it.
      worker.on('error', () => {});
      workers.push(worker);
    }
  };
  return {
    run(turn, target, probability, gain) {
      const n = turn.n;
      if (!shared || shared.n !== n) {
        this.close();
        start(n);
      }
      const s = shared!;
      s.base.set(turn.base);
      s.slope.set(turn.slope);
      s.alphaRisk.set(turn.alphaRisk);
      s.weight.set(turn.weight);
      s.totalSalience.set(turn.totalSalience);
      const chunkSize = Math.max(1, Math.ceil(n / (threads * 8)));
      const chunks = Math.ceil(n / chunkSize);
      const { control } = s;
      Atomics.store(control, TASK, TASK_CHALLENGES);
      Atomics.store(control, RULE, turn.rule);
      Atomics.store(control, COMMIT, turn.commit);
      Atomics.store(control, CHUNK_SIZE, chunkSize);
      dispatch(s, chunks);
      target.set(s.target);
      probability.set(s.probability);
      gain.set(s.gain);
    },
    coalitions(nVoters, nOpt, weight, util, rule) {
      if (!shared) start(nVoters);
      if (!shared || shared.n !== nVoters || nOpt > nVoters + 1) {
        const c = new Float64Array(nOpt * nOpt);
        coalitionRows(nVoters, nOpt, weight, util, rule, c, 0, nOpt);
        return c;
      }
      const s = shared;
      s.voterWeight.set(weight);
      s.util.set(util.subarray(0, nOpt * nVoters));
      // Row a holds a pairs: cut the rows so that chunks hold about equal numbers of pairs.
      const chunks = Math.min(nOpt, threads * 8, MAX_CHUNKS);
      for (let c = 0; c <= chunks; c++) s.rowStarts[c] = Math.min(nOpt, Math.round(nOpt * Math.sqrt(c / chunks)));
      s.rowStarts[chunks] = nOpt;
      const { control } = s;
      Atomics.store(control, TASK, TASK_COALITIONS);
      Atomics.store(control, RULE, rule);
      Atomics.store(control, N_VOTERS, nVoters);
      Atomics.store(control, N_OPTIONS, nOpt);
      dispatch(s, chunks);
      return s.coalition.slice(0, nOpt * nOpt);
    },
    close() {
      if (shared) {
        Atomics.store(shared.control, CLOSE, 1);
        Atomics.add(shared.control, GEN, 1);
        Atomics.notify(shared.control, GEN);
      }
      for (const w of workers) void w.terminate();
      workers = [];
      shared = undefined;
    },
  };
}
