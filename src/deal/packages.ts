/**
 * Packages (docs/deal.md): across all issues at once, inside every binding red line, the package
 * maximising the minimum gain over the status quo, the Nash-product package, the Kalai-Smorodinsky
 * package and the Pareto frontier. Pure over a case and a loaded HiGHS solver (I/O at the edges).
 *
 * Utility (src/analysis/red-lines.ts, the models' linear loss): u_i(x) = − Σ_k w_ik |x_k − p_ik| / r_k,
 * w_ik = s_ik / Σ_j s_ij, r_k the width of issue k's scale. Gain g_i(x) = u_i(x) − u_i(status quo).
 * |x_k − p_ik| is linearised by d_ik ≥ ±(x_k − p_ik); every problem maximises gains, so d_ik is tight
 * wherever it matters.
 */
import type { Case, Draft } from '../case/schema.ts';
import { redLines, utilityModel, utilityOf, draftPackage, type UtilityModel } from '../analysis/red-lines.ts';
import { createRng } from '../engines/random.ts';

/** The part of a HiGHS instance (package `highs`) used here. */
export interface LpSolver {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}

export class DealError extends Error {}

export interface Package {
  kind: 'maxmin' | 'nash' | 'ks' | 'nearest';
  values: Record<string, number>;
  gains: Record<string, number>;
  /** For `nearest`: the draft it improves on. */
  from?: string;
}

export interface PackagesResult {
  feasible: boolean;
  /** Issues on which the binding red lines leave no common value. */
  emptyIssues: string[];
  /** The actors whose gains are balanced (the veto holders; every actor with a stance when none binds). */
  actors: string[];
  packages: Package[];
  frontier: Array<{ values: Record<string, number>; gains: Record<string, number> }>;
}

interface Problem {
  um: UtilityModel;
  lo: number[];
  hi: number[];
  /** Allowed values of a discrete issue (null: continuous). */
  grid: Array<number[] | null>;
  actors: number[];
  sqU: number[];
}

const num = (v: number): string => {
  if (!Number.isFinite(v)) throw new DealError(`not a finite number: ${v}`);
  const s = Math.abs(v) < 1e-12 ? '0' : v.toPrecision(15);
  return s.includes('e') ? Number(s).toFixed(12) : s;
};
const term = (c: number, v: string): string => (c >= 0 ? ` + ${num(c)} ${v}` : ` - ${num(-c)} ${v}`);

/** The feasible box of every issue under the binding red lines, and the actors to balance. */
export function dealProblem(c: Case): Problem & { emptyIssues: string[] } {
  const um = utilityModel(c);
  const lo = c.issues.map((i) => i.scale.min);
  const hi = c.issues.map((i) => i.scale.max);
  const binding = new Set<string>();
  for (const line of redLines(c)) {
    if (!line.veto) continue;
    const k = um.issues.indexOf(line.issue);
    lo[k] = Math.max(lo[k], line.min);
    hi[k] = Math.min(hi[k], line.max);
    binding.add(line.actor);
  }
  const grid = c.issues.map((iss, k) => discreteGrid(iss)?.filter((v) => v >= lo[k] - 1e-9 && v <= hi[k] + 1e-9) ?? null);
  const emptyIssues = c.issues.filter((_, k) => lo[k] > hi[k] + 1e-12 || grid[k]?.length === 0).map((i) => i.id);
  const withStance = um.actors.map((_, i) => i).filter((i) => um.weight[i].some((w) => w > 0));
  const actors = binding.size > 0 ? withStance.filter((i) => binding.has(um.actors[i])) : withStance;
  const sqU = um.actors.map((_, i) => utilityOf(um, i, um.statusQuo));
  return { um, lo, hi, grid, actors, sqU, emptyIssues };
}

/** The possible outcomes of an issue whose scale is discrete (its anchors, else the whole numbers of the scale), ascending; null for a continuous scale. */
export function discreteGrid(iss: Pick<Case['issues'][number], 'scale'>): number[] | null {
  if (!iss.scale.discrete) return null;
  const pts = iss.scale.anchors.length > 0 ? iss.scale.anchors.map((a) => a.at) : range(Math.ceil(iss.scale.min), Math.floor(iss.scale.max));
  return [...new Set(pts)].filter((v) => v >= iss.scale.min && v <= iss.scale.max).sort((a, b) => a - b);
}

function range(a: number, b: number): number[] {
  if (b - a > 10_000) throw new DealError(`a discrete scale without anchors has too many points (${a}..${b})`);
  const out: number[] = [];
  for (let v = a; v <= b; v++) out.push(v);
  return out;
}

/** LP text: the feasible set, gain rows g_i (as `g<i>` free columns), plus extra rows, with objective. */
function lp(p: Problem, objective: string, extraRows: string[], extraBounds: string[] = [], extraFree: string[] = []): string {
  const { um } = p;
  const rows: string[] = [];
  const bounds: string[] = [];
  const ints: string[] = [];
  const K = um.issues.length;
  const used = new Set<string>();
  for (const i of p.actors) {
    let g = ` g${i}`;
    for (let k = 0; k < K; k++) {
      const w = um.weight[i][k];
      if (!(w > 0)) continue;
      g += term(w / um.range[k], `d${i}_${k}`);
      rows.push(`x${k} - d${i}_${k} <= ${num(um.position[i][k])}`, `x${k} + d${i}_${k} >= ${num(um.position[i][k])}`);
      used.add(`d${i}_${k}`);
    }
    rows.push(`${g} = ${num(-p.sqU[i])}`);
  }
  for (let k = 0; k < K; k++) {
    bounds.push(`${num(p.lo[k])} <= x${k} <= ${num(p.hi[k])}`);
    const gr = p.grid[k];
    if (gr) {
      let row = `x${k}`;
      let one = '';
      gr.forEach((v, j) => {
        row += term(-v, `z${k}_${j}`);
        one += ` + z${k}_${j}`;
        ints.push(`z${k}_${j}`);
        bounds.push(`0 <= z${k}_${j} <= 1`);
      });
      rows.push(`${row} = 0`, `${one} = 1`);
    }
  }
  const free = [...p.actors.map((i) => `g${i}`), ...extraFree];
  const all = [...rows, ...extraRows].map((r, n) => ` c${n}: ${r}`).join('\n');
  return `Maximize\n obj: ${objective}\nSubject To\n${all}\nBounds\n${[...bounds, ...extraBounds, ...free.map((f) => `${f} free`)].map((b) => ` ${b}`).join('\n')}\n${ints.length ? `General\n ${ints.join(' ')}\n` : ''}End\n`;
}

interface Solved {
  x: number[];
  gains: number[];
  cols: Record<string, { Primal: number }>;
}

function run(solver: LpSolver, p: Problem, text: string): Solved | null {
  const r = solver.solve(text, { output_flag: false });
  if (r.Status !== 'Optimal') {
    if (r.Status === 'Infeasible' || r.Status === 'Primal infeasible or unbounded') return null;
    throw new DealError(`the solver stopped with status ${r.Status}`);
  }
  const x = p.um.issues.map((_, k) => {
    const v = r.Columns[`x${k}`]?.Primal ?? p.lo[k];
    const gr = p.grid[k];
    return gr ? gr.reduce((b, g) => (Math.abs(g - v) < Math.abs(b - v) ? g : b), gr[0]) : Math.min(p.hi[k], Math.max(p.lo[k], v));
  });
  return { x, gains: p.um.actors.map((_, i) => utilityOf(p.um, i, x) - p.sqU[i]), cols: r.Columns };
}

function asPackage(p: Problem, kind: Package['kind'], s: Solved): Package {
  const values: Record<string, number> = {};
  p.um.issues.forEach((id, k) => (values[id] = round(s.x[k])));
  const gains: Record<string, number> = {};
  for (const i of p.actors) gains[p.um.actors[i]] = round(s.gains[i]);
  return { kind, values, gains };
}
const round = (v: number): number => Math.round(v * 1e9) / 1e9 + 0;

/** The max-min package: max t subject to g_i ≥ t for every balanced actor. */
function maxmin(solver: LpSolver, p: Problem): Solved | null {
  return run(solver, p, lp(p, 't', p.actors.map((i) => `g${i} - t >= 0`), [], ['t']));
}

/** The largest gain each actor can reach inside the red lines (the Kalai-Smorodinsky ideal point). */
function ideals(solver: LpSolver, p: Problem): number[] {
  return p.actors.map((i) => run(solver, p, lp(p, `g${i}`, []))!.gains[i]);
}

/**
 * Kalai-Smorodinsky: the largest λ with g_i ≥ λ·G_i for every actor (G_i its ideal gain); with the
 * status quo as disagreement point this is an LP in (x, λ), found directly rather than by bisection.
 */
function ks(solver: LpSolver, p: Problem, G: number[]): Solved | null {
  if (G.some((g) => !(g > 1e-12))) return null;
  return run(solver, p, lp(p, 'lam', p.actors.map((i, n) => `g${i}${term(-G[n], 'lam')} >= 0`), [], ['lam']));
}

/**
 * Nash product: max Σ log g_i, solved by Kelley's cutting planes on HiGHS. y_i ≤ log g_i is replaced
 * by its tangents y_i ≤ log a + (g_i − a)/a at a growing set of points a; log is concave, so every
 * tangent is a valid outer cut and the LP optimum converges to the true optimum from above. Stops when
 * the LP bound and the true Σ log g_i at its solution differ by less than 1e-10.
 */
function nash(solver: LpSolver, p: Problem, start: Solved, G: number[]): Solved | null {
  if (!p.actors.every((i) => start.gains[i] > 1e-12)) return null;
  const cuts: string[][] = p.actors.map((i, n) => [start.gains[i], G[n]].map((a) => `y${i}${term(-1 / a, `g${i}`)} <= ${num(Math.log(a) - 1)}`));
  let best = start;
  let bestVal = p.actors.reduce((s, i) => s + Math.log(start.gains[i]), 0);
  for (let it = 0; it < 400; it++) {
    const rows = cuts.flat().concat(p.actors.map((i) => `g${i} >= 1e-9`));
    const text = lp(p, p.actors.map((i) => `y${i}`).join(' + '), rows, [], p.actors.map((i) => `y${i}`));
    const r = solver.solve(text, { output_flag: false });
    if (r.Status !== 'Optimal') throw new DealError(`the Nash cutting-plane LP stopped with status ${r.Status}`);
    const s = run(solver, p, text)!;
    const gs = p.actors.map((i) => r.Columns[`g${i}`].Primal);
    const val = gs.reduce((a, g) => a + Math.log(Math.max(g, 1e-300)), 0);
    const sv = p.actors.reduce((a, i) => a + Math.log(Math.max(s.gains[i], 1e-300)), 0);
    if (sv > bestVal) {
      best = s;
      bestVal = sv;
    }
    if (r.ObjectiveValue - val < 1e-10) break;
    p.actors.forEach((i, n) => cuts[n].push(`y${i}${term(-1 / gs[n], `g${i}`)} <= ${num(Math.log(gs[n]) - 1)}`));
  }
  return best;
}

/** Pareto frontier: two actors, max g_a subject to g_b ≥ τ over a grid of τ; more, seeded weighted sums. */
function frontier(solver: LpSolver, p: Problem, G: number[], points: number, seed: number): Solved[] {
  const out: Solved[] = [];
  if (p.actors.length === 2) {
    const [a, b] = p.actors;
    const lowB = run(solver, p, lp(p, `g${a}`, []))!.gains[b];
    for (let n = 0; n < points; n++) {
      const tau = lowB + ((G[1] - lowB) * n) / (points - 1);
      const s = run(solver, p, lp(p, `g${a} + 0.000001 g${b}`, [`g${b} >= ${num(tau - 1e-12)}`]));
      if (s) out.push(s);
    }
    return out;
  }
  const rnd = createRng(seed);
  for (let n = 0; n < points; n++) {
    const w = p.actors.map(() => -Math.log(1 - rnd()) + 1e-6);
    const s = run(solver, p, lp(p, p.actors.map((i, j) => `${num(w[j])} g${i}`).join(' + '), []));
    if (s) out.push(s);
  }
  return out;
}

/** The efficient package nearest a draft that leaves every balanced actor at least as well off. */
export function nearestEfficient(c: Case, solver: LpSolver, draftId: string): Package | null {
  const pr = dealProblem(c);
  const d = c.drafts.find((x) => x.id === draftId);
  if (!d) throw new DealError(`no draft "${draftId}" (drafts: ${c.drafts.map((x) => x.id).join(', ') || 'none'})`);
  if (pr.emptyIssues.length) return null;
  const x0 = draftPackage(c, d);
  const g0 = pr.um.actors.map((_, i) => utilityOf(pr.um, i, x0) - pr.sqU[i]);
  const s = run(solver, pr, lp(pr, pr.actors.map((i) => `g${i}`).join(' + '), pr.actors.map((i) => `g${i} >= ${num(g0[i] - 1e-9)}`)));
  return s ? { ...asPackage(pr, 'nearest', s), from: draftId } : null;
}

export interface PackagesOptions {
  /** Frontier points (default 21). */
  points?: number;
  seed?: number;
}

export function findPackages(c: Case, solver: LpSolver, opts: PackagesOptions = {}): PackagesResult {
  const p = dealProblem(c);
  const actors = p.actors.map((i) => p.um.actors[i]);
  if (p.emptyIssues.length > 0 || p.actors.length === 0) return { feasible: p.emptyIssues.length === 0 && p.actors.length > 0, emptyIssues: p.emptyIssues, actors, packages: [], frontier: [] };
  const mm = maxmin(solver, p);
  if (!mm) return { feasible: false, emptyIssues: [], actors, packages: [], frontier: [] };
  const G = ideals(solver, p);
  const packages: Package[] = [asPackage(p, 'maxmin', mm)];
  const nb = nash(solver, p, mm, G);
  if (nb) packages.push(asPackage(p, 'nash', nb));
  const k = ks(solver, p, G);
  if (k) packages.push(asPackage(p, 'ks', k));
  const fr = frontier(solver, p, G, Math.max(2, opts.points ?? 21), opts.seed ?? 1).map((s) => asPackage(p, 'maxmin', s));
  return { feasible: true, emptyIssues: [], actors, packages, frontier: fr.map(({ values, gains }) => ({ values, gains })) };
}

/** The latest date in a case: a generated draft is dated there (the case's own time), not today. */
export function latestCaseDate(c: Case): string {
  const dates = [...c.stances.map((s) => s.date), ...c.drafts.map((d) => d.date), ...c.events.map((e) => e.date), ...c.evidence.map((e) => e.date)].filter((d): d is string => !!d);
  return dates.sort().at(-1) ?? '2000-01-01';
}

/** A package as a generated draft (the case's Draft shape), one point per issue. */
export function packageDraft(c: Case, pk: Package, date: string): Draft {
  return {
    id: `package-${pk.kind}${pk.from ? `-${pk.from}` : ''}`,
    title: `Generated package (${pk.kind === 'maxmin' ? 'max-min gain' : pk.kind === 'nash' ? 'Nash product' : pk.kind === 'ks' ? 'Kalai-Smorodinsky' : `nearest efficient to ${pk.from}`})`,
    date,
    description: 'generated by parley packages',
    points: c.issues.map((iss, n) => ({ number: n + 1, text: `${iss.title}: ${pk.values[iss.id]}`, values: { [iss.id]: pk.values[iss.id] } })),
    evidence: [],
    uncertain: true,
  };
}

export interface PackagesReportOptions extends PackagesOptions {
  /** Also the efficient package nearest this draft. */
  draft?: string;
  /** The date of the generated drafts (the as-of date, else the case's latest date: `latestCaseDate`). */
  date: string;
}

/** What `parley packages` and GET /api/cases/{id}/packages answer: the packages (with the nearest efficient one to a draft) and each as a generated draft. */
export function packagesReport(c: Case, solver: LpSolver, opts: PackagesReportOptions): PackagesResult & { drafts: Draft[] } {
  const result = findPackages(c, solver, { ...(opts.points !== undefined ? { points: opts.points } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const nearest = opts.draft ? nearestEfficient(c, solver, opts.draft) : null;
  const packages = nearest ? [...result.packages, nearest] : result.packages;
  return { ...result, packages, drafts: packages.map((p) => packageDraft(c, p, opts.date)) };
}
