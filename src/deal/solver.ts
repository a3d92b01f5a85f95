/** The HiGHS LP/MILP solver (package `highs`, WebAssembly), loaded once on first use. */
import type { LpSolver } from './packages.ts';

let loading: Promise<LpSolver> | undefined;

export function loadSolver(): Promise<LpSolver> {
  loading ??= import('highs').then((m) => (m.default as unknown as () => Promise<LpSolver>)());
  return loading;
}
