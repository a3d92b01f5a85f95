/**
 * Finding the deal on a generated case: time of `findPackages` (max-min, Nash, Kalai-Smorodinsky and
 * the frontier, HiGHS), of `casePower` and of `findLevers` (a forecast value by the closed forms of
 * compromise and median; by bisection on bdm; a zone once one veto holder's lines are pushed apart from
 * the others'; each with 100 Monte Carlo draws per lever, and bdm without) on a seeded 30-actor, 20-issue case.
 * Options: `--actors N` (30), `--issues M` (20), `--repeat K` (5), `--seed S` (1).
 * Run: `npm run bench -- deal`.
 */
import { performance } from 'node:perf_hooks';
import { Case, type CaseInput } from '../src/case/schema.ts';
import { createRng } from '../src/engines/random.ts';
import { findPackages } from '../src/deal/packages.ts';
import { casePower } from '../src/deal/power.ts';
import { loadSolver } from '../src/deal/solver.ts';
import { findLevers, type LeversResult } from '../src/deal/levers.ts';

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
const time = async (f: () => unknown) => {
  const t: number[] = [];
  let out: unknown;
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    out = await f();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], min: t[0], out };
};
const p = await time(() => findPackages(c, solver));
const pk = p.out as ReturnType<typeof findPackages>;
const w = await time(() => casePower(c));
// Closed zones: actor 0's veto lines on the first five issues moved to the top of the scale, away from the others'.
const closed: Case = {
  ...c,
  stances: c.stances.map((s) => (s.actor === 'a0' && ['i0', 'i1', 'i2', 'i3', 'i4'].includes(s.issue) ? { ...s, redLine: { min: 99, max: 100, veto: true } } : s)),
};
const levers = async (cc: Case, target: string, models?: string[], runs = 100) => time(() => findLevers(cc, { target, runs, ...(models ? { models } : {}) }));
const lv = await levers(c, 'value:i0=70', ['compromise', 'median']);
const lb0 = await levers(c, 'value:i0=70', ['bdm'], 0);
const lb = await levers(c, 'value:i0=70', ['bdm']);
const lz = await levers(closed, 'zone');
const n = (x: { out: unknown }) => (x.out as LeversResult).levers.length;
console.log(`deal bench: ${N} actors × ${M} issues, ${repeat} runs each (HiGHS WebAssembly)`);
console.log(`packages: median ${p.median.toFixed(0)} ms, min ${p.min.toFixed(0)} ms (feasible ${pk.feasible}, ${pk.packages.length} packages, ${pk.frontier.length} frontier points, ${pk.actors.length} actors balanced)`);
console.log(`levers value (compromise, median): median ${lv.median.toFixed(0)} ms, min ${lv.min.toFixed(0)} ms (${n(lv)} levers)`);
console.log(`levers value (bdm, bisection, no MC): median ${lb0.median.toFixed(0)} ms, min ${lb0.min.toFixed(0)} ms (${n(lb0)} levers)`);
console.log(`levers value (bdm, bisection):     median ${lb.median.toFixed(0)} ms, min ${lb.min.toFixed(0)} ms (${n(lb)} levers)`);
console.log(`levers zone (5 closed issues):     median ${lz.median.toFixed(0)} ms, min ${lz.min.toFixed(0)} ms (${n(lz)} levers)`);
console.log(`power:    median ${w.median.toFixed(1)} ms, min ${w.min.toFixed(1)} ms (${(w.out as ReturnType<typeof casePower>).method})`);
