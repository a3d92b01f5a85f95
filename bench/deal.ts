/**
 * Finding the deal on a generated case: time of `findPackages` (max-min, Nash, Kalai-Smorodinsky and
 * the frontier, HiGHS) and of `casePower` on a seeded 30-actor, 20-issue case.
 * Options: `--actors N` (30), `--issues M` (20), `--repeat K` (5), `--seed S` (1).
 * Run: `npm run bench -- deal`.
 */
import { performance } from 'node:perf_hooks';
import { Case, type CaseInput } from '../src/case/schema.ts';
import { createRng } from '../src/engines/random.ts';
import { findPackages } from '../src/deal/packages.ts';
import { casePower } from '../src/deal/power.ts';
import { loadSolver } from '../src/deal/solver.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('actors', 30);
const M = arg('issues', 20);
const repeat = arg('repeat', 5);
const rnd = createRng(arg('seed', 1));

/** Positions around the middle; every fifth actor holds a veto red line wide enough to leave a zone. */
function generated(): Case {
  const actors = Array.from({ length: N }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: 'state' as const, capability: 1 + Math.floor(rnd() * 9) }));
  const issues = Array.from({ length: M }, (_, k) => ({ id: `i${k}`, title: `Issue ${k}`, statusQuo: Math.round(rnd() * 100) }));
  const stances = actors.flatMap((a, i) =>
    issues.map((iss) => {
      const position = Math.round(20 + rnd() * 60);
      const veto = i % 5 === 0;
      return { actor: a.id, issue: iss.id, position, salience: Math.round(10 + rnd() * 90), ...(veto ? { redLine: { min: Math.max(0, position - 45), max: Math.min(100, position + 45), veto: true } } : {}) };
    }),
  );
  return Case.parse({ id: 'bench', title: 'generated', actors, issues, stances } satisfies CaseInput);
}

const c = generated();
const solver = await loadSolver();
const time = (f: () => unknown) => {
  const t: number[] = [];
  let out: unknown;
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    out = f();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], min: t[0], out };
};
const p = time(() => findPackages(c, solver));
const pk = p.out as ReturnType<typeof findPackages>;
const w = time(() => casePower(c));
console.log(`deal bench: ${N} actors × ${M} issues, ${repeat} runs each (HiGHS WebAssembly)`);
console.log(`packages: median ${p.median.toFixed(0)} ms, min ${p.min.toFixed(0)} ms (feasible ${pk.feasible}, ${pk.packages.length} packages, ${pk.frontier.length} frontier points, ${pk.actors.length} actors balanced)`);
console.log(`power:    median ${w.median.toFixed(1)} ms, min ${w.min.toFixed(1)} ms (${(w.out as ReturnType<typeof casePower>).method})`);
