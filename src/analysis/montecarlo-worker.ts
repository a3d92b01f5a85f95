/**
 * Worker thread of the Monte Carlo simulation: receives a plan, then batches of run ranges, and
 * posts each batch's outcomes back (transferring the buffers, not copying them).
 */
import { parentPort } from 'node:worker_threads';
import { runBatch, type MonteCarloPlan } from './montecarlo-core.ts';

type Message = { type: 'plan'; plan: MonteCarloPlan } | { type: 'batch'; from: number; to: number };

let plan: MonteCarloPlan | null = null;
parentPort!.on('message', (msg: Message) => {
  try {
    if (msg.type === 'plan') {
      plan = msg.plan;
      return;
    }
    const outcomes = runBatch(plan!, msg.from, msg.to);
    parentPort!.postMessage({ type: 'done', from: msg.from, to: msg.to, outcomes }, outcomes.map((o) => o.buffer as ArrayBuffer));
  } catch (e) {
    parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});
parentPort!.postMessage({ type: 'ready' });
