/**
 * A challenge-loop worker (see pool.ts): waits for a new generation, claims chunks of actors until
 * none is left, and sleeps again; stops when the pool closes.
 */
import { workerData } from 'node:worker_threads';
import { CLOSE, GEN, workOnGeneration, type SharedTurn } from './pool.ts';

const shared = workerData as SharedTurn;
const { control } = shared;
let seen = 0;
for (;;) {
  Atomics.wait(control, GEN, seen);
  if (Atomics.load(control, CLOSE) === 1) break;
  seen = Atomics.load(control, GEN);
  workOnGeneration(shared, seen);
}
