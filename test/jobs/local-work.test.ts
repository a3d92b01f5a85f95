/**
 * SQLite's chunked jobs (src/jobs/kinds.ts localWork): a simulate job's chunks computed on a thread of
 * the job's own (so the server's event loop answers polls meanwhile), with the bytes of the same chunks
 * computed in this thread; the thread gone when the job ends, also when it is cancelled; a kind run
 * without the thread is given no thread to compute on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { planChunks, runChunk } from '../../src/analysis/montecarlo-chunks.ts';
import { importFile } from '../../src/formats/index.ts';
import { localWork } from '../../src/jobs/kinds.ts';
import type { ChunkedKind } from '../../src/jobs/queue.ts';
import { simulateChunked, type SimulateJobParams } from '../../src/server/durable-simulate.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { JobStore } from '../../src/store/jobs.ts';
import { projectRoot } from '../helpers/reference.ts';

let dir: string;
let store: Store;
let jobs: JobStore;
let revision: number;
let threadedChunks: string[] = [];
const CASE = 'millbrook-budget-2026';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-local-work-'));
  store = await createStore(join(dir, 'jobs.db'));
  jobs = new JobStore(store.db);
  const cs = await importFile(`${projectRoot}/examples/tutorial.yaml`);
  revision = (await store.createCase(cs)).revision;
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Worker threads alive in this process (each holds a MessagePort while it runs). */
const threads = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

/** The simulate kind, its runs recorded: whether each chunk was given a thread, and its bytes. */
function recorded() {
  const kind = simulateChunked(store);
  const seen: Array<{ chunk: number; threaded: boolean; bytes: Buffer; threadsDuring: number }> = [];
  const spy: ChunkedKind<any> = {
    ...kind,
    async run(prepared, chunk, compute) {
      const bytes = Buffer.from(await kind.run(prepared, chunk, compute));
      seen.push({ chunk, threaded: compute !== undefined, bytes, threadsDuring: threads() });
      return bytes;
    },
  };
  return { spy, seen };
}

const params = (): SimulateJobParams => ({ caseId: CASE, revision, models: ['compromise', 'bdm'], params: { runs: 600, seed: 11 }, chunkRuns: 200 });
const ctx = (signal = new AbortController().signal) => ({ signal, progress: () => undefined });

it('computes a simulate job\'s chunks on a thread of its own, the same bytes as in this thread, and stops the thread after', async () => {
  const before = threads();
  const { spy, seen } = recorded();
  await jobs.create({ id: 'threaded', kind: 'simulate', params: params(), chunks: 3, createdAt: new Date().toISOString() });
  const result = (await localWork(jobs, spy, { thread: true })({ id: 'threaded', params: params() }, ctx())) as { runs: number; runId: string };
  expect(result.runs).toBe(600);
  expect(seen.map((s) => [s.chunk, s.threaded])).toEqual([
    [0, true],
    [1, true],
    [2, true],
  ]);
  expect(Math.min(...seen.map((s) => s.threadsDuring))).toBeGreaterThan(before);
  // The bytes of the chunks computed here, from the same plan.
  const { case: view } = await store.getCase(CASE, { revision });
  const sim = planChunks(view, { runs: 600, seed: 11, models: ['compromise', 'bdm'] }, 200);
  expect(seen.map((s) => s.bytes.equals(runChunk(sim, s.chunk)))).toEqual([true, true, true]);
  threadedChunks = seen.map((s) => s.bytes.toString('base64'));
  await expect.poll(threads).toBe(before);
});

it('stops the thread when the job is cancelled between chunks; without `thread` no chunk is given one', async () => {
  const before = threads();
  const { spy, seen } = recorded();
  const abort = new AbortController();
  const cancelling: ChunkedKind<any> = {
    ...spy,
    async run(prepared, chunk, compute) {
      const out = await spy.run(prepared, chunk, compute);
      abort.abort();
      return out;
    },
  };
  await jobs.create({ id: 'cancelled', kind: 'simulate', params: params(), chunks: 3, createdAt: new Date().toISOString() });
  await expect(localWork(jobs, cancelling, { thread: true })({ id: 'cancelled', params: params() }, ctx(abort.signal))).rejects.toThrow(/cancel/i);
  expect(seen.map((s) => s.chunk)).toEqual([0]);
  await expect.poll(threads).toBe(before);

  const plain = recorded();
  await jobs.create({ id: 'plain', kind: 'simulate', params: params(), chunks: 3, createdAt: new Date().toISOString() });
  await localWork(jobs, plain.spy)({ id: 'plain', params: params() }, ctx());
  expect(plain.seen.map((s) => s.threaded)).toEqual([false, false, false]);
  // Either way, the same chunks.
  expect(plain.seen.map((s) => s.bytes.toString('base64'))).toEqual(threadedChunks);
});
