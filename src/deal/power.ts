/**
 * Voting power under the case's decision rule (docs/deal.md): Shapley-Shubik and Banzhaf indices,
 * and the minimal coalitions that can block each draft or package. Pure.
 *
 * The rule is the one src/case/decision.ts defines, read as a simple game on the actors:
 * - unanimity: a coalition wins when it holds every veto holder (none named: every actor);
 * - qualified-majority: the members' capability in the coalition ≥ threshold × the members' total,
 *   and its member count ≥ countThreshold × the members' count; non-members are dummies;
 * - single: the decider alone wins.
 * Exact for up to 25 voters: with integer weights (after scaling by 1, 10, 100 or 1000, total at most
 * 100 000) by generating functions over (coalition size, weight); non-integer capability weights are
 * not rounded: they are enumerated exactly over all coalitions (up to 20 voters), else sampled.
 * Beyond: seeded sampling (random orders for Shapley-Shubik, random coalitions for Banzhaf).
 */
import type { Case } from '../case/schema.ts';
import { estimate } from '../case/estimate.ts';
import { currentStances, pairKey } from '../case/view.ts';
import { issueDecisions, type IssueDecision } from '../case/decision.ts';
import { createRng } from '../engines/random.ts';
import { UnknownDraftError } from '../analysis/drafts.ts';
import { DealError, findPackages, nearestEfficient, type LpSolver, type Package } from './packages.ts';
import { crossing, draftValues, redLines, utilityModel, utilityOf } from '../analysis/red-lines.ts';

export interface WeightedGame {
  /** Voter ids (the actors who can matter; the rest are dummies with index 0). */
  players: string[];
  weights: number[];
  /** Winning: Σ weights ≥ quota and the count ≥ minCount. */
  quota: number;
  minCount: number;
}

export interface PowerRow {
  actor: string;
  shapleyShubik: number;
  banzhaf: number;
}

export interface PowerResult {
  rule: IssueDecision['rule'];
  method: 'exact' | 'sampled';
  actors: PowerRow[];
}

export const EXACT_MAX_PLAYERS = 25;

/** The simple game of a decision rule over the case's actors. */
export function gameOf(c: Case, d: IssueDecision): WeightedGame {
  if (d.rule === 'single') return { players: d.decider ? [d.decider] : [], weights: d.decider ? [1] : [], quota: 1, minCount: 0 };
  if (d.rule === 'unanimity') {
    const players = d.vetoHolders.length > 0 ? d.vetoHolders : c.actors.map((a) => a.id);
    return { players, weights: players.map(() => 1), quota: players.length, minCount: 0 };
  }
  const stances = currentStances(c);
  const weights = d.members.map((m) => {
    const a = c.actors.find((x) => x.id === m)!;
    const own = stances.get(pairKey(m, d.issue))?.capability;
    return Math.max(0, estimate(own ?? a.capability).value);
  });
  const total = weights.reduce((s, w) => s + w, 0);
  return { players: d.members, weights, quota: d.threshold * total, minCount: Math.ceil(d.countThreshold * d.members.length - 1e-9) };
}

const wins = (g: WeightedGame, w: number, n: number): boolean => w >= g.quota - 1e-9 * Math.max(1, g.quota) && n >= g.minCount;

/** Integer weights for the generating functions: the weights scaled by 1, 10, 100 or 1000, if exact. */
function integerWeights(g: WeightedGame): { w: number[]; quota: number } | null {
  for (const f of [1, 10, 100, 1000]) {
    const w = g.weights.map((x) => x * f);
    if (w.every((x) => Math.abs(x - Math.round(x)) < 1e-9) && w.reduce((s, x) => s + x, 0) <= 100_000) {
      return { w: w.map(Math.round), quota: Math.ceil(g.quota * f - 1e-9) };
    }
  }
  return null;
}

function factorials(n: number): number[] {
  const f = [1];
  for (let i = 1; i <= n; i++) f.push(f[i - 1] * i);
  return f;
}

/** Exact indices by generating functions: f[s][w] = number of coalitions of the others with size s, weight w. */
function byGeneratingFunctions(g: WeightedGame, iw: { w: number[]; quota: number }): { ss: number[]; bz: number[] } {
  const n = g.players.length;
  const W = iw.w.reduce((s, x) => s + x, 0);
  const fact = factorials(n);
  const ss: number[] = [];
  const swings: number[] = [];
  for (let i = 0; i < n; i++) {
    const f: Float64Array[] = Array.from({ length: n }, () => new Float64Array(W + 1));
    f[0][0] = 1;
    let m = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const wj = iw.w[j];
      for (let s = m; s >= 0; s--) {
        const row = f[s];
        const up = f[s + 1];
        for (let w = W - wj; w >= 0; w--) if (row[w] !== 0) up[w + wj] += row[w];
      }
      m++;
    }
    let sh = 0;
    let sw = 0;
    const q = iw.quota;
    for (let s = 0; s < n; s++) {
      for (let w = 0; w <= W; w++) {
        const cnt = f[s][w];
        if (cnt === 0) continue;
        const before = w >= q && s >= g.minCount;
        const after = w + iw.w[i] >= q && s + 1 >= g.minCount;
        if (!before && after) {
          sw += cnt;
          sh += (cnt * fact[s] * fact[n - s - 1]) / fact[n];
        }
      }
    }
    ss.push(sh);
    swings.push(sw);
  }
  return { ss, bz: swings };
}

function byEnumeration(g: WeightedGame): { ss: number[]; bz: number[] } {
  const n = g.players.length;
  const fact = factorials(n);
  const ss = new Array(n).fill(0);
  const bz = new Array(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let w = 0;
    let s = 0;
    for (let j = 0; j < n; j++) if (mask & (1 << j)) (w += g.weights[j]), s++;
    if (wins(g, w, s)) continue;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) continue;
      if (wins(g, w + g.weights[i], s + 1)) {
        bz[i]++;
        ss[i] += (fact[s] * fact[n - s - 1]) / fact[n];
      }
    }
  }
  return { ss, bz };
}

function bySampling(g: WeightedGame, samples: number, seed: number): { ss: number[]; bz: number[] } {
  const n = g.players.length;
  const rnd = createRng(seed);
  const ss = new Array(n).fill(0);
  const bz = new Array(n).fill(0);
  const order = g.players.map((_, i) => i);
  for (let t = 0; t < samples; t++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let w = 0;
    for (let s = 0; s < n; s++) {
      const p = order[s];
      if (!wins(g, w, s) && wins(g, w + g.weights[p], s + 1)) {
        ss[p]++;
        break;
      }
      w += g.weights[p];
    }
    let cw = 0;
    let cs = 0;
    const inS: boolean[] = order.map(() => rnd() < 0.5);
    for (let j = 0; j < n; j++) if (inS[j]) (cw += g.weights[j]), cs++;
    for (let i = 0; i < n; i++) {
      const without = inS[i] ? [cw - g.weights[i], cs - 1] : [cw, cs];
      if (!wins(g, without[0], without[1]) && wins(g, without[0] + g.weights[i], without[1] + 1)) bz[i]++;
    }
  }
  return { ss: ss.map((x) => x / samples), bz };
}

export interface PowerOptions {
  samples?: number;
  seed?: number;
  /** Force sampling even where the exact method applies (to check the sampler against it). */
  sample?: boolean;
  /** Allow the generating functions beyond EXACT_MAX_PLAYERS (integer weights only). */
  exactUpTo?: number;
}

/** Shapley-Shubik and normalised Banzhaf indices of a game; players outside it get 0. */
export function powerIndices(g: WeightedGame, opts: PowerOptions = {}): { method: PowerResult['method']; ss: number[]; banzhaf: number[] } {
  const n = g.players.length;
  if (n === 0) return { method: 'exact', ss: [], banzhaf: [] };
  let r: { ss: number[]; bz: number[] };
  let method: PowerResult['method'] = 'exact';
  const iw = !opts.sample && n <= (opts.exactUpTo ?? EXACT_MAX_PLAYERS) ? integerWeights(g) : null;
  if (iw) r = byGeneratingFunctions(g, iw);
  else if (!opts.sample && n <= 20) r = byEnumeration(g);
  else {
    r = bySampling(g, opts.samples ?? 20_000, opts.seed ?? 1);
    method = 'sampled';
  }
  const tb = r.bz.reduce((s, x) => s + x, 0);
  return { method, ss: r.ss, banzhaf: r.bz.map((x) => (tb > 0 ? x / tb : 0)) };
}

/** The case-level rule: the rule of the first issue without its own (else the first issue's). */
export function caseDecision(c: Case): IssueDecision | null {
  const ds = issueDecisions(c);
  return ds.find((d) => d.from !== 'issue') ?? ds[0] ?? null;
}

/** An issue named that the case does not have. */
export class UnknownIssueError extends Error {}

/** The decision rule `power` reads: the case's rule, or that of the issue named. */
function decisionOf(c: Case, issue: string | undefined): IssueDecision | null {
  if (issue === undefined) return caseDecision(c);
  const d = issueDecisions(c).find((x) => x.issue === issue);
  if (!d) throw new UnknownIssueError(`unknown issue "${issue}" (the case has: ${c.issues.map((i) => i.id).join(', ')})`);
  return d;
}

export function casePower(c: Case, opts: PowerOptions & { issue?: string } = {}): PowerResult & { issue: string | null; blocking: string[][] } {
  const d = decisionOf(c, opts.issue);
  if (!d) return { issue: null, rule: 'unanimity', method: 'exact', actors: c.actors.map((a) => ({ actor: a.id, shapleyShubik: 0, banzhaf: 0 })), blocking: [] };
  const g = gameOf(c, d);
  const r = powerIndices(g, opts);
  return {
    issue: d.issue,
    rule: d.rule,
    method: r.method,
    blocking: minimalBlocking(g, g.players),
    actors: c.actors.map((a) => {
      const i = g.players.indexOf(a.id);
      return { actor: a.id, shapleyShubik: i < 0 ? 0 : r.ss[i], banzhaf: i < 0 ? 0 : r.banzhaf[i] };
    }),
  };
}

/**
 * Minimal blocking coalitions among `rejecters`: sets B whose refusal leaves the rest losing, with no
 * proper subset doing so. Smallest first, at most `limit` of them, over at most 20 rejecters.
 */
export function minimalBlocking(g: WeightedGame, rejecters: string[], limit = 50): string[][] {
  const R = rejecters.filter((r) => g.players.includes(r)).slice(0, 20);
  const idx = R.map((r) => g.players.indexOf(r));
  const totalW = g.weights.reduce((s, x) => s + x, 0);
  const n = g.players.length;
  const blocks = (mask: number): boolean => {
    let w = totalW;
    let s = n;
    for (let j = 0; j < R.length; j++) if (mask & (1 << j)) (w -= g.weights[idx[j]]), s--;
    return !wins(g, w, s);
  };
  const full = (1 << R.length) - 1;
  // Refusal is monotone: if all of them together cannot block, no subset can.
  if (R.length === 0 || !blocks(full)) return [];
  const found: number[] = [];
  // Subsets by size, each size in increasing mask order (Gosper's hack), so no list of 2^n masks is built or sorted.
  for (let k = 1; k <= R.length && found.length < limit; k++) {
    for (let m = (1 << k) - 1; m <= full; ) {
      if (!found.some((f) => (f & m) === f) && blocks(m)) {
        found.push(m);
        if (found.length >= limit) break;
      }
      const low = m & -m;
      const up = m + low;
      m = (((up ^ m) >>> 2) / low) | up;
    }
  }
  return found.map((m) => R.filter((_, j) => m & (1 << j)));
}

/** Why one actor would vote against a set of issue values. */
export interface Objection {
  actor: string;
  /** Issues whose value lies outside the actor's red line. */
  crosses: string[];
  /** The values (the status quo on the issues they leave open) leave the actor worse off than the status quo. */
  worseThanStatusQuo: boolean;
}

export interface BlockingResult {
  /** The actors who would vote against, in case order. */
  opponents: string[];
  objections: Objection[];
  /** Whether the opponents together can stop it under the decision rule (the supporters alone do not win). */
  blocked: boolean;
  /** The issues whose decision rule the opponents can stop it on (the issue asked for, or those the values settle). */
  blockedOn: string[];
  /** Minimal blocking coalitions among the opponents, over every rule (smallest first; empty when not blocked). */
  coalitions: string[][];
}

/**
 * Who would vote against a draft or package given as issue values, and whether they can block it.
 * An actor opposes it when, as `parley drafts` reads a draft (src/analysis/drafts.ts), one of its
 * values lies outside the actor's red line, or when the package (the status quo on the issues the
 * values leave open) gives the actor less utility than the status quo (vsStatusQuo < 0). The rules:
 * with `opts.issue`, that issue's; else the rule of each issue the values settle (a deal passes only
 * where each of its issues passes, so the opponents block it when they can stop any one of them: the
 * EU, deciding sanctions alone, blocks a draft that lifts them). The case is read as given (pass the
 * as-of view): the red lines in force now, not on a draft's own date. Under unanimity only the veto
 * holders can block (as in the draft checks and the packages): an issue without any is blocked by nobody.
 */
export function blockingFor(c: Case, values: Record<string, number>, opts: { issue?: string } = {}): BlockingResult {
  for (const id of Object.keys(values)) {
    if (!c.issues.some((i) => i.id === id)) throw new UnknownIssueError(`unknown issue "${id}" in the values (the case has: ${c.issues.map((i) => i.id).join(', ')})`);
  }
  const d = decisionOf(c, opts.issue);
  const lines = redLines(c);
  const um = utilityModel(c);
  const pkg = c.issues.map((iss) => values[iss.id] ?? iss.statusQuo);
  const objections: Objection[] = [];
  c.actors.forEach((a, i) => {
    const crosses = [...new Set(lines.filter((l) => l.actor === a.id && l.issue in values && crossing(l, values[l.issue]).side !== null).map((l) => l.issue))];
    const worseThanStatusQuo = utilityOf(um, i, pkg) - utilityOf(um, i, um.statusQuo) < -1e-9;
    if (crosses.length || worseThanStatusQuo) objections.push({ actor: a.id, crosses, worseThanStatusQuo });
  });
  const opponents = objections.map((o) => o.actor);
  // The rules that decide the values: the one asked for, else each issue's own (a deal passes only
  // where every issue it settles passes); a draft that settles nothing is read under the case's rule.
  const set = c.issues.filter((iss) => iss.id in values).map((iss) => iss.id);
  const rules = opts.issue !== undefined || set.length === 0 ? (d ? [d] : []) : issueDecisions(c).filter((x) => set.includes(x.issue));
  const seen = new Map<string, { g: WeightedGame; issues: string[] }>();
  for (const r of rules) {
    // As the draft checks and the packages read a rule (bindsDeal): under unanimity only a veto holder
    // blocks, so an issue with none is one nobody blocks (gameOf would give every actor a veto there).
    if (r.rule === 'unanimity' && r.vetoHolders.length === 0) continue;
    const g = gameOf(c, r);
    const key = JSON.stringify(g);
    const had = seen.get(key);
    if (had) had.issues.push(r.issue);
    else seen.set(key, { g, issues: [r.issue] });
  }
  const blockedOn: string[] = [];
  const found: string[][] = [];
  for (const { g, issues } of seen.values()) {
    const total = g.weights.reduce((x, y) => x + y, 0);
    if (!wins(g, total, g.players.length)) continue; // a rule nobody can satisfy (no decider): nothing to block
    let w = 0;
    let n = 0;
    g.players.forEach((p, j) => {
      if (!opponents.includes(p)) (w += g.weights[j]), n++;
    });
    if (wins(g, w, n)) continue;
    blockedOn.push(...issues);
    found.push(...minimalBlocking(g, opponents));
  }
  // Minimal over every rule: a coalition that blocks under one rule is dropped when a smaller one blocks under any.
  const order = new Map(c.actors.map((a, i) => [a.id, i]));
  const canon = [...new Map(found.map((k) => [...k].sort((a, b) => order.get(a)! - order.get(b)!)).map((k) => [k.join('\u0000'), k])).values()];
  const coalitions = canon
    .filter((k) => !canon.some((o) => o.length < k.length && o.every((x) => k.includes(x))))
    .sort((a, b) => a.length - b.length || order.get(a[0])! - order.get(b[0])!);
  return { opponents, objections, blocked: blockedOn.length > 0, blockedOn: c.issues.map((i) => i.id).filter((i) => blockedOn.includes(i)), coalitions };
}

/** A draft of the case as issue values (the last point naming each issue). */
export const draftIssueValues = (d: Case['drafts'][number]): Record<string, number> => Object.fromEntries([...draftValues(d)].map(([k, v]) => [k, v.value]));

/** `blockingFor` for each draft of the case (or the one named), in case order. */
export function draftsBlocking(c: Case, opts: { issue?: string; draft?: string } = {}): Array<BlockingResult & { draft: string; title: string }> {
  const ds = opts.draft === undefined ? c.drafts : c.drafts.filter((d) => d.id === opts.draft);
  if (opts.draft !== undefined && ds.length === 0) throw new UnknownDraftError(`unknown draft "${opts.draft}" (the case has: ${c.drafts.map((d) => d.id).join(', ') || 'none'})`);
  return ds.map((d) => ({ draft: d.id, title: d.title, ...blockingFor(c, draftIssueValues(d), { issue: opts.issue }) }));
}

/** `blockingFor` for each package of `parley packages` (src/deal/packages.ts), in its order. */
export function packagesBlocking(c: Case, pks: ReadonlyArray<{ kind: string; values: Record<string, number>; from?: string }>, opts: { issue?: string } = {}): Array<BlockingResult & { package: string }> {
  return pks.map((p) => ({ package: p.from ? `${p.kind}-${p.from}` : p.kind, ...blockingFor(c, p.values, opts) }));
}

export interface PowerReport extends PowerResult {
  issue: string | null;
  blocking: string[][];
  /** Who would vote against each draft of the case (or the one asked for), and whether they can block it. */
  drafts: Array<BlockingResult & { draft: string; title: string }>;
  /**
   * The same for each package of `parley packages` (max-min, Nash, Kalai-Smorodinsky; with a draft
   * asked for, also the efficient package nearest it). None when no package satisfies every veto holder.
   */
  packages: Array<BlockingResult & { package: string }>;
  /** Why the packages could not be computed (a case the deal cannot read), else null. */
  packagesError: string | null;
}

/**
 * What `parley power` and GET /api/cases/{id}/power answer: the indices, and who blocks each draft and
 * package. Pure over the case and a loaded solver (src/deal/solver.ts).
 */
export function powerReport(c: Case, solver: LpSolver, opts: PowerOptions & { issue?: string; draft?: string } = {}): PowerReport {
  const { draft, ...rest } = opts;
  const on = rest.issue === undefined ? {} : { issue: rest.issue };
  const power = casePower(c, rest);
  const drafts = draftsBlocking(c, { ...on, ...(draft === undefined ? {} : { draft }) });
  let pks: Package[] = [];
  let packagesError: string | null = null;
  try {
    // The packages only, not the frontier: the fewest frontier points findPackages takes (2) keep its cost down.
    pks = findPackages(c, solver, { points: 2 }).packages;
    const near = draft === undefined ? null : nearestEfficient(c, solver, draft);
    if (near) pks.push(near);
  } catch (e) {
    if (!(e instanceof DealError)) throw e;
    packagesError = e.message;
  }
  return { ...power, drafts, packages: packagesBlocking(c, pks, on), packagesError };
}

/**
 * One sentence on who blocks a draft or package, for the report: "blocked by Russia (veto)", "blocked
 * by the European Union (decides Sanctions alone) or Ukraine (veto)", "blocked by Gamma + Delta
 * (together)"; else who is against it and cannot block it, or that nobody is.
 */
export function blockingText(c: Case, b: BlockingResult, names: { actor(id: string): string; issue(id: string): string }): string {
  const rules = issueDecisions(c).filter((d) => b.blockedOn.includes(d.issue));
  const list = (xs: string[], last: string) => (xs.length <= 2 ? xs.join(` ${last} `) : `${xs.slice(0, -1).join(', ')} ${last} ${xs[xs.length - 1]}`);
  if (b.blocked) {
    const one = (k: string[]): string => {
      if (k.length > 1) return `${k.map(names.actor).join(' + ')} (together)`;
      const [a] = k;
      if (rules.some((d) => d.rule === 'unanimity' && d.vetoHolders.includes(a))) return `${names.actor(a)} (veto)`;
      const decides = rules.filter((d) => d.rule === 'single' && d.decider === a).map((d) => names.issue(d.issue));
      if (decides.length) return `${names.actor(a)} (decides ${list(decides, 'and')} alone)`;
      return `${names.actor(a)} (alone)`;
    };
    return `blocked by ${list(b.coalitions.map(one), 'or')}`;
  }
  if (b.opponents.length) return `not blocked: ${list(b.opponents.map(names.actor), 'and')} ${b.opponents.length === 1 ? 'is' : 'are'} against it but cannot block it`;
  return 'nobody is against it';
}
