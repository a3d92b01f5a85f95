/**
 * A generated case for the chunk-splitting tests and timings: `actors` actors on `issues` issues,
 * every estimate with a range, stances dated over `dates` days, three scenarios and some evidence.
 * Deterministic (a seeded generator), so the same arguments give the same case.
 */
import { createRng } from '../../src/engines/random.ts';
import { Case, type CaseInput } from '../../src/case/schema.ts';

export function generatedCase(actors: number, issues: number, dates = 4, seed = 16): Case {
  const rng = createRng(seed, 0);
  const r = (lo: number, hi: number) => Math.round(lo + (hi - lo) * rng());
  const ranged = (lo: number, hi: number) => {
    const value = r(lo + 10, hi - 10);
    return { value, low: value - r(1, 10), high: value + r(1, 10) };
  };
  const day = (d: number) => `2025-0${1 + Math.floor(d / 28)}-${String(1 + (d % 28)).padStart(2, '0')}`;
  const input: CaseInput = {
    id: `gen-${actors}x${issues}`,
    title: `Generated, ${actors} actors on ${issues} issues`,
    actors: Array.from({ length: actors }, (_, a) => ({ id: `a${a}`, name: `Actor ${a}`, kind: 'state' as const, capability: ranged(10, 100) })),
    issues: Array.from({ length: issues }, (_, k) => ({ id: `i${k}`, title: `Issue ${k}`, statusQuo: r(0, 100) })),
    stances: Array.from({ length: actors * issues }, (_, n) => {
      const a = Math.floor(n / issues);
      const k = n % issues;
      return { actor: `a${a}`, issue: `i${k}`, date: day(n % dates), position: ranged(0, 100), salience: ranged(10, 100), ...(n % 7 === 0 ? { redLine: { min: 5, veto: n % 14 === 0 } } : {}) };
    }),
    evidence: Array.from({ length: dates }, (_, d) => ({ id: `ev${d}`, kind: 'report' as const, text: `Report ${d}`, date: day(dates + d), status: d % 3 === 2 ? ('rejected' as const) : ('accepted' as const) })),
    scenarios: [
      { id: 's-weaker', title: 'a0 weakens', changes: [{ actor: 'a0', field: 'capability' as const, value: 5 }] },
      { id: 's-moves', title: 'a1 moves', changes: [{ actor: `a${Math.min(1, actors - 1)}`, issue: 'i0', field: 'position' as const, value: 90 }] },
      { id: 's-cares', title: 'a0 cares', description: 'salience up', changes: [{ actor: 'a0', issue: 'i0', field: 'salience' as const, value: 100 }] },
    ],
  };
  return Case.parse(input);
}
