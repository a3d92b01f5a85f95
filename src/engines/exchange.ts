/**
 * Stokman's position-exchange model: actors trade voting positions across pairs of issues, each
 * giving ground where it cares less in return for ground where it cares more.
 *
 * Stokman & Van Oosten (1994), "The exchange of voting positions: an object-oriented model of policy
 * networks", in Bueno de Mesquita & Stokman (eds.), European Community Decision Making, ch. 7;
 * Arregui, Stokman & Thomson (2006), "Compromise, exchange and challenge in the European Union",
 * in Thomson et al., The European Union Decides, ch. 5; the equal-gain solution and the restart rule
 * as coded in decide-exchange-model (github.com/foarsitter/decide-exchange-model, `model/base.py`,
 * `equalgain.py`, `calculations.py`, `helpers.py`: implemented here from the equations, with the
 * reference's order of recomputation so that its outputs are reproduced); the randomized equal gain
 * ("REX") of Dijkstra, Van Assen & Stokman (2008/2018).
 *
 * Per issue k, with positions on decide's 0-100 normalized scale, the outcome (decide calls it the
 * Nash bargaining solution) is the compromise mean `O_k = Σ c s x / W_k`, `W_k = Σ c s`. A move Δx by
 * actor a shifts it by the "exchange ratio" `ΔO_k = c_ak s_ak Δx / W_k`.
 *
 * For an issue pair (p, q) actors on opposite sides of O on both issues (`x < O` = left) can trade.
 * The actor with the higher `s_p/s_q` (i) supplies q (moves towards j on q) and demands p; j supplies p.
 * Utilities are linear in the outcome, so i gains `s_ip ΔO_p − s_iq ΔO_q` and j gains
 * `s_jq ΔO_q − s_jp ΔO_p`; equal gain gives `ΔO_q = ΔO_p (s_ip + s_jp)/(s_iq + s_jq)`. j first moves all
 * the way to i's position on p; if i's resulting move on q overshoots j's position, i moves fully and
 * j's move is derived. Neither move may push the outcome past the demanding actor's own position
 * (decide's `check_nbs`). Each round, the best exchange (highest gain) is realized, every candidate
 * sharing an actor and issue with it is recomputed from the new voting positions, and so on until
 * none is left. The round's forecast is the compromise mean of the voting positions; then every
 * actor that exchanged restarts at `x + ((1 − s)·0.4 + 0.1)(y − x)` for the next round.
 *
 * @example
 * // Two actors, two issues (0-100), c = 1 for both.
 * // A: p at 0 (s 0.9), q at 0 (s 0.1);  B: p at 100 (s 0.1), q at 100 (s 0.9).
 * // O_p = (0.9·0 + 0.1·100)/1 = 10, O_q = 90. A demands p, supplies q; B supplies p.
 * // B moving fully to 0 on p: ΔO_p = 100·0.1/1 = 10; ΔO_q = 10·(0.9+0.1)/(0.1+0.9) = 10;
 * // A's move on q = 10·1/0.1 = 100 (exactly to B's 100). Gain = 0.9·10 − 0.1·10 = 8 for both.
 * // Voting positions: A q → 100, B p → 0; outcome p = 0, q = 100.
 */
import { exchangeDecimalTrace } from './exchange-decimal.ts';
import { pythonRandom } from './python-random.ts';
import { createRng, type Rng } from './random.ts';
import { positionsOf, type EngineParams, type EngineResult, type ModelInput, type Move, type Round } from './types.ts';
import { readParams, roundsParam, seedParam, type ParamTable } from './params.ts';
import { fallbackOutcome } from './weights.ts';

/** Shares of the move kept when an actor restarts next round (decide: SALIENCE_WEIGHT, FIXED_WEIGHT). */
const SALIENCE_WEIGHT = 0.4;
const FIXED_WEIGHT = 0.1;
/** Below this an exchange is worth nothing, a move is no move (decide's thresholds). */
const MIN_GAIN = 1e-10;
const MIN_MOVE = 1e-10;
/** Slack on the 0-100 bounds for floating-point round-off (decide computes in 28-digit decimals). */
const BOUND_SLACK = 1e-9;
/**
 * Gains this close are a tie, broken at random as in decide (whose 28-digit decimals make equal gains
 * exactly equal; in doubles the round-off of a gain reached through the outcome limit is ~1e-13).
 */
const TIE_ABS = 1e-11;
const TIE_REL = 1e-9;
const sameGain = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(TIE_ABS, TIE_REL * Math.max(Math.abs(a), Math.abs(b)));

export type ExchangeVariant = 'equal-gain' | 'random';
export type TieBreak = 'random' | 'first' | 'second' | 'python';

const STOKMAN = 'Stokman & Van Oosten (1994), in Bueno de Mesquita & Stokman (eds.), European Community Decision Making, ch. 7';
const DECIDE = 'decide-exchange-model (github.com/foarsitter/decide-exchange-model)';

/** exchange's parameters (src/engines/params.ts): the engine's defaults and ranges, the CLI's flags, the API's schema. */
export const exchangeParams: ParamTable = [
  roundsParam(10, `${STOKMAN}; ${DECIDE} (restart rule)`),
  {
    name: 'variant',
    type: 'enum',
    default: 'equal-gain',
    choices: ['equal-gain', 'random'],
    help: 'equal-gain: both sides gain the same; random: REX, a randomized division of the gain (see p)',
    source: `${STOKMAN}; Dijkstra, Van Assen & Stokman (2008), REX`,
  },
  {
    name: 'p',
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    help: 'REX randomness with variant random: 0 = equal gain, 1 = any division of the gain (ignored by equal-gain, reported as 0)',
    source: 'Dijkstra, Van Assen & Stokman (2008), REX',
  },
  seedParam('the seeded coin of tieBreak random and the REX draws (src/engines/random.ts); Python’s random.seed for tieBreak python'),
  {
    name: 'tieBreak',
    type: 'enum',
    default: 'random',
    choices: ['random', 'first', 'second', 'python'],
    help: 'two best exchanges with equal gains: a seeded coin as decide (random), the first or the second listed, or python: decide’s own coin, Python’s random.random() after random.seed(seed)',
    source: `${DECIDE}, model/base.py`,
  },
  {
    name: 'tieChoices',
    type: 'bits',
    default: [],
    max: 3,
    help: 'decide’s coin flips to replay at the first ties, in order (0: the first listed realized, 1: the runner-up; +2: swap which equal gain counts as listed first); later ties follow tieBreak',
    source: `${DECIDE} (replaying a recorded run)`,
  },
  {
    name: 'arithmetic',
    type: 'enum',
    default: 'double',
    choices: ['double', 'decimal'],
    help: 'double: fast; decimal: decide’s own 28-digit decimals and list order, operation for operation (equal-gain only; with tieChoices reproduces a decide run)',
    source: `${DECIDE} (Python decimal, 28 digits)`,
  },
];

export interface ExchangeParams extends EngineParams {
  rounds?: number;
  seed?: number;
  /** 'equal-gain' (default) or 'random' (REX: randomized division of the gain). */
  variant?: ExchangeVariant;
  /** REX randomness in [0, 1]: 0 = equal gain, 1 = any division of the gain. Default 0.5 for 'random'. */
  p?: number;
  /**
   * Two best exchanges with equal gains: decide flips a coin ('random', seeded, the default); 'first'
   * realizes the earlier-listed one (decide's "keep" branch), 'second' the other; 'python' flips
   * decide's own coin, Python's `random.random()` after `random.seed(seed)` (one draw per tie), so a
   * seeded decide run is replayed exactly (with `arithmetic: 'decimal'`).
   */
  tieBreak?: TieBreak;
  /**
   * Replays recorded tie decisions (0: the first, 1: the second), in the order the ties occur, before
   * falling back to `tieBreak`; reproduces a particular run of decide, coin by coin. Adding
   * 2 (2, 3) first swaps which of the two equal gains counts as listed first: decide's 28-digit
   * decimals order gains that are equal in exact arithmetic by their last-digit round-off.
   */
  tieChoices?: readonly number[];
  /**
   * 'double' (default): this engine. 'decimal': decide's own arithmetic (28-digit decimals, rounded
   * after every operation) and list order, operation for operation (`exchange-decimal.ts`): gains
   * equal in exact arithmetic then compare by their 28th digit as in decide, and with decide's coin
   * flips replayed (`tieChoices`, bit 0 only) a decide run is reproduced exactly. Equal gain only;
   * some hundred times slower (decimal.js, objects).
   */
  arithmetic?: 'double' | 'decimal';
  /**
   * false: skip what only explains the run (per-round positions, moves with their `why`, exchange
   * records, externalities); the outcomes, per round and final, are the same numbers. Default true.
   */
  explain?: boolean;
}

/** One realized exchange, as decide's exchange list prints it (names, voting positions, gain). */
export interface RealizedExchange {
  /** Actor i, the issue i supplies (moves on), actor j, the issue j supplies. */
  i: string;
  supplyI: string;
  j: string;
  supplyJ: string;
  /** The equal gain (utility on decide's 0-100 scale; the order of realization). */
  gain: number;
  /** Each side's own gain (equal to `gain` unless REX divided it unequally). */
  gainI: number;
  gainJ: number;
  /** Positions on the supply issue before and after (voting position), on the issue's own scale. */
  fromI: number;
  toI: number;
  fromJ: number;
  toJ: number;
  moveI: number;
  moveJ: number;
  /** Outcome on each supply issue before and after the exchange (decide's nbs_0/nbs_1), own scale. */
  outcomeBeforeI: number;
  outcomeAfterI: number;
  outcomeBeforeJ: number;
  outcomeAfterJ: number;
  /** Utility effects on third actors, by inner (same or opposite group) and outer groups. */
  innerPositive: number;
  innerNegative: number;
  outerPositive: number;
  outerNegative: number;
}

/** Each actor's externalities summed over a round's exchanges (decide `observers/externalities.py`). */
export interface ActorExternalities {
  actor: string;
  /** Gains from its own exchanges. */
  own: number;
  innerPositive: number;
  innerNegative: number;
  outerPositive: number;
  outerNegative: number;
}

/** A pool of linked "move history" stacks: decide checks each candidate's moves for one direction. */
class MoveStacks {
  value = new Float64Array(1024);
  prev = new Int32Array(1024);
  sum = new Float64Array(1024);
  min = new Float64Array(1024);
  max = new Float64Array(1024);
  size = 0;
  reset(): void {
    this.size = 0;
  }
  /** Push `v` on the stack whose top is `top`; returns the new top. */
  push(top: number, v: number): number {
    if (this.size === this.value.length) this.grow();
    const n = this.size++;
    this.value[n] = v;
    this.prev[n] = top;
    if (top < 0) {
      this.sum[n] = v;
      this.min[n] = v;
      this.max[n] = v;
    } else {
      this.sum[n] = this.sum[top] + v;
      this.min[n] = Math.min(this.min[top], v);
      this.max[n] = Math.max(this.max[top], v);
    }
    return n;
  }
  pop(top: number): number {
    return top < 0 ? -1 : this.prev[top];
  }
  private grow(): void {
    const len = this.value.length * 2;
    const f = (a: Float64Array) => {
      const b = new Float64Array(len);
      b.set(a);
      return b;
    };
    this.value = f(this.value);
    this.sum = f(this.sum);
    this.min = f(this.min);
    this.max = f(this.max);
    const p = new Int32Array(len);
    p.set(this.prev);
    this.prev = p;
  }
}

/**
 * The candidates on decide's list that can be realized, as an unordered set (swap removal), and the
 * best two by gain; equal gains (up to round-off): earlier in decide's list first. A round realizes
 * some 25 of some 90 candidates and recomputes some 190 in between, so one pass for the best two per
 * realized exchange costs less than keeping a heap ordered through every recomputation (the heap's
 * sifts, each comparison a branch the processor cannot predict, were a seventh of a lean run).
 * The order `above` is that of the heap it replaces, so the best is the same candidate whenever
 * "above" is transitive over the candidates listed, i.e. unless gains sit at 1 to 2 tolerances
 * (1e-9 relative) from each other in a chain, where the heap's pick depended on its history.
 */
class CandidateSet {
  items = new Int32Array(256);
  /** Each candidate's slot in `items`, −1 when not in the set. */
  slot = new Int32Array(256).fill(-1);
  size = 0;
  /** The runner-up of the last `best()` call, −1 if none. */
  second = -1;
  /** The candidates' current gains and positions in decide's list (set by the run). */
  gain = new Float64Array(0);
  listPos = new Int32Array(0);
  clear(): void {
    for (let t = 0; t < this.size; t++) this.slot[this.items[t]] = -1;
    this.size = 0;
  }
  /** The best candidate (−1 when none); the runner-up is left in `second`. */
  best(): number {
    const { items, gain, listPos } = this;
    const len = this.size;
    if (len === 0) {
      this.second = -1;
      return -1;
    }
    let b = items[0];
    let bg = gain[b];
    let bp = listPos[b];
    let s = -1;
    let sg = 0;
    let sp = 0;
    // Most candidates are clearly below the best two: `above` with the larger gain known, i.e. the
    // tolerance of the best (resp. runner-up) itself, is the one comparison `bg − g > tb` (same bits).
    let tb = tolerance(bg);
    let ts = Infinity;
    for (let t = 1; t < len; t++) {
      const e = items[t];
      const g = gain[e];
      if (bg - g > tb && sg - g > ts) continue;
      const lp = listPos[e];
      if (above(g, lp, bg, bp)) {
        s = b;
        sg = bg;
        sp = bp;
        ts = tb;
        b = e;
        bg = g;
        bp = lp;
        tb = tolerance(g);
      } else if (s < 0 || above(g, lp, sg, sp)) {
        s = e;
        sg = g;
        sp = lp;
        ts = tolerance(g);
      }
    }
    this.second = s;
    return b;
  }
  /** Put candidate e in the set (nothing if it is there: its order is read when the best is sought). */
  push(e: number): void {
    if (e >= this.slot.length) {
      const slot = new Int32Array(Math.max(e + 1, this.slot.length * 2)).fill(-1);
      slot.set(this.slot);
      this.slot = slot;
    }
    if (this.slot[e] >= 0) return;
    if (this.size === this.items.length) {
      const items = new Int32Array(this.size * 2);
      items.set(this.items);
      this.items = items;
    }
    this.items[this.size] = e;
    this.slot[e] = this.size++;
  }
  /** Remove candidate e if it is in the set. */
  remove(e: number): void {
    const t = e < this.slot.length ? this.slot[e] : -1;
    if (t < 0) return;
    this.slot[e] = -1;
    const last = this.items[--this.size];
    if (t === this.size) return;
    this.items[t] = last;
    this.slot[last] = t;
  }
}

/**
 * Whether a candidate with gain ga at list position pa goes above one with gb at pb. Gains equal up
 * to round-off (decide's 28-digit decimals make them exactly equal) keep list order: `sameGain`
 * spelled out for gains ≥ 0 (this is the innermost comparison of the run).
 */
/** The tie tolerance of `above` when `hi` is the larger of the two gains. */
const tolerance = (hi: number): number => (hi * TIE_REL > TIE_ABS ? hi * TIE_REL : TIE_ABS);

function above(ga: number, pa: number, gb: number, pb: number): boolean {
  const hi = ga > gb ? ga : gb;
  const tol = hi * TIE_REL > TIE_ABS ? hi * TIE_REL : TIE_ABS;
  if (ga - gb > tol) return true;
  if (gb - ga > tol) return false;
  return pa < pb;
}

/**
 * The candidate exchanges of one round as parallel typed arrays. Side 0 is decide's `i` (supplies q,
 * demands p), side 1 is `j` (supplies p, demands q). Index `2e + side`.
 */
class Candidates {
  n = 0;
  actor = new Int32Array(0);
  supplyIssue = new Int32Array(0);
  demandIssue = new Int32Array(0);
  /** Current position on the supply issue (replaced by realized voting positions). */
  supplyPos = new Float64Array(0);
  /** Round-start position on the demand issue. */
  demandPos = new Float64Array(0);
  /** Round-start position on the supply issue. */
  startPos = new Float64Array(0);
  move = new Float64Array(0);
  y = new Float64Array(0);
  nbs0 = new Float64Array(0);
  nbs1 = new Float64Array(0);
  eu = new Float64Array(0);
  movesTop = new Int32Array(0);
  /** Per exchange. */
  gain = new Float64Array(0);
  valid = new Uint8Array(0);
  alive = new Uint8Array(0);
  /** How many times decide's list holds the candidate (a tie can list it twice). */
  copies = new Int32Array(0);
  /** Position in decide's list (stable sort by gain: equal gains keep this order; appends go last). */
  listPos = new Int32Array(0);
  /**
   * Positions of partners' realized moves on the exchange's issues (decide's `updates`), held by the
   * side that demands the issue, as flat [actor, position, actor, position, …].
   */
  updHead = new Int32Array(0);
  updTail = new Int32Array(0);
  /** The update entries of all candidates: linked lists in insertion order, in a pool reset per round. */
  updActor = new Int32Array(256);
  updValue = new Float64Array(256);
  updNext = new Int32Array(256);
  updSize = 0;
  /** A new entry (actor b at v) at the end of side h's list. */
  addUpdate(h: number, b: number, v: number): void {
    if (this.updSize === this.updActor.length) {
      const len = this.updSize * 2;
      const a = new Int32Array(len);
      a.set(this.updActor);
      this.updActor = a;
      const f = new Float64Array(len);
      f.set(this.updValue);
      this.updValue = f;
      const nx = new Int32Array(len);
      nx.set(this.updNext);
      this.updNext = nx;
    }
    const u = this.updSize++;
    this.updActor[u] = b;
    this.updValue[u] = v;
    this.updNext[u] = -1;
    if (this.updHead[h] < 0) this.updHead[h] = u;
    else this.updNext[this.updTail[h]] = u;
    this.updTail[h] = u;
  }

  ensure(cap: number): void {
    if (this.gain.length >= cap) return;
    const c = Math.max(cap, this.gain.length * 2, 64);
    const i32 = (a: Int32Array, k: number) => {
      const b = new Int32Array(c * k);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array, k: number) => {
      const b = new Float64Array(c * k);
      b.set(a);
      return b;
    };
    this.actor = i32(this.actor, 2);
    this.supplyIssue = i32(this.supplyIssue, 2);
    this.demandIssue = i32(this.demandIssue, 2);
    this.supplyPos = f64(this.supplyPos, 2);
    this.demandPos = f64(this.demandPos, 2);
    this.startPos = f64(this.startPos, 2);
    this.move = f64(this.move, 2);
    this.y = f64(this.y, 2);
    this.nbs0 = f64(this.nbs0, 2);
    this.nbs1 = f64(this.nbs1, 2);
    this.eu = f64(this.eu, 2);
    this.movesTop = i32(this.movesTop, 2);
    this.updHead = i32(this.updHead, 2);
    this.updTail = i32(this.updTail, 2);
    this.gain = f64(this.gain, 1);
    const v = new Uint8Array(c);
    v.set(this.valid);
    this.valid = v;
    const a = new Uint8Array(c);
    a.set(this.alive);
    this.alive = a;
    this.copies = i32(this.copies, 1);
    this.listPos = i32(this.listPos, 1);
  }
}

/** Stokman's exchange model (equal gain, or REX with `variant: 'random'`). */
export function exchange(input: ModelInput, params: ExchangeParams = {}): EngineResult {
  // Defaults and range checks from the table (ParamError, a RangeError, names the parameter); the
  // seed is an integer ≥ 0 there, as tieBreak 'python' (random.seed) needs.
  const read = readParams(exchangeParams, params, 'exchange') as {
    rounds: number;
    variant: ExchangeVariant;
    p: number;
    seed: number;
    tieBreak: TieBreak;
    tieChoices: readonly number[];
    arithmetic: 'double' | 'decimal';
  };
  const { rounds, variant, seed, tieBreak, tieChoices, arithmetic } = read;
  // Equal gain is REX with p = 0.
  const p = variant === 'random' ? read.p : 0;
  if (arithmetic === 'decimal') {
    if (variant !== 'equal-gain') throw new RangeError('arithmetic "decimal" reproduces decide\'s equal-gain model only; use variant "equal-gain"');
    return exchangeInDecimals(input, rounds, seed, tieBreak, tieChoices, params.explain !== false);
  }
  // The working arrays of a finished run are reused by the next (Monte Carlo runs thousands): every
  // field is re-initialized per candidate and per round, so nothing carries over but capacity.
  const scratch = spareScratch ?? new Scratch();
  spareScratch = undefined;
  try {
    const run = new ExchangeRun(input, rounds, variant, p, seed, tieBreak, tieChoices, params.explain !== false, scratch);
    try {
      return run.run();
    } finally {
      run.keepIndex(scratch);
    }
  } finally {
    spareScratch = scratch;
  }
}

/** The growable working arrays of a run. */
class Scratch {
  readonly cand = new Candidates();
  readonly stacks = new MoveStacks();
  readonly heap = new CandidateSet();
  /**
   * The N×M state arrays of the last run (x, c·s, active, W, numerator, outcome, left, round-start
   * x) and the index arrays (`ExchangeRun.buildIndex`), reused when the next run has the same size:
   * some twenty typed arrays a run, each over V8's 64 bytes held in the heap and so with a backing
   * store of its own to allocate and later free. Every element is written before it is read.
   */
  state: { n: number; m: number; x: Float64Array; cs: Float64Array; active: Uint8Array; W: Float64Array; num: Float64Array; nbs: Float64Array; left: Uint8Array; startX: Float64Array } | undefined;
  supplyStart: Int32Array = new Int32Array(0);
  supplyEnd: Int32Array = new Int32Array(0);
  demandEnd: Int32Array = new Int32Array(0);
  supplyList: Int32Array = new Int32Array(0);
  demandStart: Int32Array = new Int32Array(0);
  demandList: Int32Array = new Int32Array(0);
  groupMembers: Int32Array[] = [];
  stamp: Int32Array = new Int32Array(0);
}
let spareScratch: Scratch | undefined;

class ExchangeRun {
  readonly n: number;
  readonly m: number;
  /** Positions on decide's 0-100 scale, N×M; the current (round-start) positions. */
  readonly x: Float64Array;
  readonly s: Float64Array;
  readonly c: Float64Array;
  /** c·s, and whether the actor takes part (s > 0 and c > 0). */
  readonly cs: Float64Array;
  readonly active: Uint8Array;
  readonly W: Float64Array;
  readonly num: Float64Array;
  readonly nbs: Float64Array;
  readonly left: Uint8Array;
  readonly cand: Candidates;
  readonly stacks: MoveStacks;
  readonly heap: CandidateSet;
  /** The next position at the end of decide's exchange list. */
  listEnd = 0;
  /** Index: actor×issue → candidate sides that supply (resp. demand) it (from the scratch, kept back there). */
  supplyStart: Int32Array;
  supplyEnd: Int32Array;
  demandEnd: Int32Array;
  supplyList: Int32Array;
  demandStart: Int32Array;
  demandList: Int32Array;
  /** Members of the four groups of an issue pair (decide `determine_groups`), reused. */
  groupMembers: Int32Array[];
  groupSize = new Int32Array(4);
  stamp: Int32Array;
  /** Round-start positions (the restart rule's x0). */
  readonly startX: Float64Array;
  stampNow = 0;
  /** Candidates still on decide's list: the round ends at 0 without draining the heap's stale entries. */
  aliveCount = 0;
  readonly rng: Rng;
  readonly tieRng: Rng;
  /** decide's coin (`tieBreak: 'python'`): one draw per tie, whether or not a replayed choice overrides it. */
  readonly pythonCoin: (() => number) | undefined;
  tiesSeen = 0;
  roundTies = 0;

  constructor(
    readonly input: ModelInput,
    readonly rounds: number,
    readonly variant: ExchangeVariant,
    readonly p: number,
    readonly seed: number,
    readonly tieBreak: TieBreak,
    readonly tieChoices: readonly number[],
    readonly explain: boolean,
    scratch: Scratch,
  ) {
    this.cand = scratch.cand;
    this.stacks = scratch.stacks;
    this.heap = scratch.heap;
    const n = (this.n = input.actors.length);
    const m = (this.m = input.issues.length);
    let state = scratch.state;
    if (!state || state.n !== n || state.m !== m) {
      const nm = n * m;
      state = scratch.state = { n, m, x: new Float64Array(nm), cs: new Float64Array(nm), active: new Uint8Array(nm), W: new Float64Array(m), num: new Float64Array(m), nbs: new Float64Array(m), left: new Uint8Array(nm), startX: new Float64Array(nm) };
    }
    this.supplyStart = scratch.supplyStart;
    this.supplyEnd = scratch.supplyEnd;
    this.demandEnd = scratch.demandEnd;
    this.supplyList = scratch.supplyList;
    this.demandStart = scratch.demandStart;
    this.demandList = scratch.demandList;
    this.groupMembers = scratch.groupMembers;
    this.stamp = scratch.stamp;
    this.x = state.x;
    this.s = input.salience;
    this.c = input.capability;
    this.cs = state.cs;
    this.active = state.active;
    this.startX = state.startX;
    for (let a = 0; a < n; a++) {
      for (let k = 0; k < m; k++) {
        const idx = a * m + k;
        this.x[idx] = this.normalize(k, input.position[idx]);
        this.cs[idx] = this.c[idx] * this.s[idx];
        this.active[idx] = this.s[idx] > 0 && this.c[idx] > 0 ? 1 : 0;
      }
    }
    this.W = state.W;
    this.num = state.num;
    this.nbs = state.nbs;
    this.left = state.left;
    // Stream 0 draws REX's (u, v, z); stream 1 breaks exact ties between gains.
    this.rng = createRng(seed, 0);
    this.tieRng = createRng(seed, 1);
    this.pythonCoin = tieBreak === 'python' ? pythonRandom(seed) : undefined;
  }

  /** Hands the (possibly grown) index arrays back to the scratch for the next run. */
  keepIndex(scratch: Scratch): void {
    scratch.supplyStart = this.supplyStart;
    scratch.supplyEnd = this.supplyEnd;
    scratch.demandEnd = this.demandEnd;
    scratch.supplyList = this.supplyList;
    scratch.demandStart = this.demandStart;
    scratch.demandList = this.demandList;
    scratch.groupMembers = this.groupMembers;
    scratch.stamp = this.stamp;
  }

  /** decide normalizes every issue to 0-100 (`Issue.normalize`). */
  normalize(k: number, v: number): number {
    const lo = this.input.scaleMin[k];
    const span = this.input.scaleMax[k] - lo;
    return span > 0 ? ((v - lo) * 100) / span : 0;
  }
  denormalize(k: number, v: number): number {
    const lo = this.input.scaleMin[k];
    return lo + (v * (this.input.scaleMax[k] - lo)) / 100;
  }

  computeOutcomes(): void {
    const { n, m } = this;
    this.W.fill(0);
    this.num.fill(0);
    for (let a = 0; a < n; a++) {
      for (let k = 0; k < m; k++) {
        const idx = a * m + k;
        if (this.s[idx] <= 0) continue;
        this.W[k] += this.cs[idx];
        this.num[k] += this.cs[idx] * this.x[idx];
      }
    }
    for (let k = 0; k < m; k++) this.nbs[k] = this.W[k] > 0 ? this.num[k] / this.W[k] : NaN;
  }

  outcomeOnScale(): number[] {
    const out: number[] = new Array(this.m);
    for (let k = 0; k < this.m; k++) out[k] = this.W[k] > 0 ? this.denormalize(k, this.nbs[k]) : fallbackOutcome(this.input, k);
    return out;
  }

  positionsOnScale(): number[][] {
    const { n, m } = this;
    const pos = new Float64Array(n * m);
    for (let a = 0; a < n; a++) {
      for (let k = 0; k < m; k++) {
        const idx = a * m + k;
        // Non-participants keep the input value exactly (no round trip through the 0-100 scale).
        pos[idx] = this.active[idx] ? this.denormalize(k, this.x[idx]) : this.input.position[idx];
      }
    }
    return positionsOf(this.input, pos);
  }

  run(): EngineResult {
    const { n, m, input } = this;
    this.computeOutcomes();
    const result: Round[] = [{ positions: this.explain ? positionsOf(input) : [], outcome: this.outcomeOnScale(), moves: [], exchanges: [], externalities: [], ties: 0 }];
    const startX = this.startX;
    for (let r = 1; r <= this.rounds; r++) {
      this.roundTies = 0;
      const realized = this.playRound();
      const moves: Move[] = [];
      const records: RealizedExchange[] = [];
      const ext = this.explain ? new Float64Array(n * 5) : undefined;
      const cd = this.cand;
      // Voting positions: realized exchanges in order (a later exchange's y already includes earlier ones).
      if (ext) {
        const view: RoundView = { input, x: this.x, left: this.left, active: this.active };
        for (const e of realized) {
          const si = this.side(2 * e);
          const sj = this.side(2 * e + 1);
          records.push(exchangeRecord(view, si, sj, cd.gain[e], ext));
          moves.push(exchangeMove(view, si, sj, cd.gain[e]), exchangeMove(view, sj, si, cd.gain[e]));
        }
      }
      startX.set(this.x);
      for (const e of realized) {
        for (let side = 0; side < 2; side++) {
          const h = 2 * e + side;
          this.x[cd.actor[h] * m + cd.supplyIssue[h]] = cd.y[h];
        }
      }
      this.computeOutcomes();
      const round: Round = {
        positions: ext ? this.positionsOnScale() : [],
        outcome: this.outcomeOnScale(),
        moves,
        exchanges: records,
        externalities: ext ? externalityRows(input, ext) : [],
        ties: this.roundTies,
      };
      result.push(round);
      // Restart rule (decide `new_start_position`): keep part of the move, more for less salient issues.
      for (const e of realized) {
        for (let side = 0; side < 2; side++) {
          const h = 2 * e + side;
          const idx = cd.actor[h] * m + cd.supplyIssue[h];
          const x0 = startX[idx];
          this.x[idx] = x0 + ((1 - this.s[idx]) * SALIENCE_WEIGHT + FIXED_WEIGHT) * (cd.y[h] - x0);
        }
      }
      this.computeOutcomes();
    }
    const last = result[result.length - 1];
    return {
      model: 'exchange',
      outcome: last.outcome.slice(),
      rounds: result,
      params: { rounds: this.rounds, variant: this.variant, p: this.p, seed: this.seed, tieBreak: this.tieBreak, arithmetic: 'double' },
    };
  }

  /** Side h of a candidate, for the records. */
  side(h: number): ExchangeSide {
    const cd = this.cand;
    return { actor: cd.actor[h], supplyIssue: cd.supplyIssue[h], demandIssue: cd.demandIssue[h], from: cd.supplyPos[h], y: cd.y[h], move: cd.move[h], nbs0: cd.nbs0[h], nbs1: cd.nbs1[h], eu: cd.eu[h] };
  }

  /** One round: build the candidates, realize the best until none is left; returns them in order. */
  playRound(): number[] {
    const { n, m } = this;
    const cd = this.cand;
    for (let a = 0; a < n; a++) for (let k = 0; k < m; k++) this.left[a * m + k] = this.x[a * m + k] < this.nbs[k] ? 1 : 0;
    cd.n = 0;
    cd.updSize = 0;
    this.aliveCount = 0;
    this.listEnd = 0;
    this.stacks.reset();
    this.heap.clear();
    // Groups per issue pair (decide `determine_groups`): 0 = right on both, 1 = left on p only,
    // 2 = left on q only, 3 = left on both; candidates are 0×3 and 1×2, in actor order.
    if (this.groupMembers.length === 0 || this.groupMembers[0].length < n) this.groupMembers = [0, 1, 2, 3].map(() => new Int32Array(n));
    const groups = this.groupMembers;
    const size = this.groupSize;
    const active = this.active;
    const left = this.left;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        // Four stores, not `fill` (a builtin call per issue pair: 2 % of a Monte Carlo run).
        size[0] = size[1] = size[2] = size[3] = 0;
        for (let a = 0; a < n; a++) {
          const ap = a * m + p;
          const aq = a * m + q;
          if (!active[ap] || !active[aq]) continue;
          const g = left[ap] | (left[aq] << 1);
          groups[g][size[g]++] = a;
        }
        for (let u = 0; u < size[0]; u++) for (let v = 0; v < size[3]; v++) this.addCandidate(groups[0][u], groups[3][v], p, q);
        for (let u = 0; u < size[1]; u++) for (let v = 0; v < size[2]; v++) this.addCandidate(groups[1][u], groups[2][v], p, q);
      }
    }
    this.buildIndex();
    this.heap.listPos = cd.listPos;
    this.heap.gain = cd.gain;
    if (this.stamp.length < cd.n) this.stamp = new Int32Array(cd.gain.length);
    else this.stamp.fill(0, 0, cd.n);
    this.stampNow = 0;
    const realized: number[] = [];
    const heap = this.heap;
    // A tie decision: bit 0 is decide's coin (1: realize the runner-up); bit 1 (replay only) swaps
    // which of two equal gains decide's sort put first (see the README, exchange model, Conformance: its 28-digit decimals
    // order gains that are equal in exact arithmetic by their last-digit round-off).
    const decision = (): number => {
      const t = this.tiesSeen++;
      this.roundTies++;
      const coin = this.pythonCoin?.();
      if (t < this.tieChoices.length) return this.tieChoices[t];
      if (coin !== undefined) return coin >= 0.5 ? 1 : 0;
      return (this.tieBreak === 'random' ? this.tieRng() >= 0.5 : this.tieBreak === 'second') ? 1 : 0;
    };
    for (;;) {
      let e = heap.best();
      if (e < 0) break;
      heap.remove(e);
      // decide (`EqualGainModel.highest_gain`) compares the best with the runner-up in its sorted
      // list; on a tie a coin either realizes the runner-up (the best goes to the end of the list)
      // or the best, appending the runner-up a second time (then it is recomputed twice after each
      // exchange, and its move history grows twice as fast).
      let selfFirst = false;
      if (cd.copies[e] >= 2) {
        // The runner-up is another copy of the best itself.
        if (decision() & 1) cd.copies[e]--;
        else selfFirst = true;
      } else {
        const next = heap.second;
        if (next >= 0 && sameGain(cd.gain[e], cd.gain[next])) {
          const d = decision();
          if (d & 2) {
            // The runner-up was listed first: `next` is the best, `e` the runner-up.
            heap.remove(next);
            if (d & 1) {
              cd.listPos[next] = this.listEnd++;
              heap.push(next);
              cd.copies[e] = 0;
            } else {
              cd.copies[e]++;
              heap.push(e);
              e = next;
              if (cd.copies[e] >= 2) cd.copies[e]--;
              else cd.copies[e] = 0;
            }
          } else if (d & 1) {
            heap.remove(next);
            cd.listPos[e] = this.listEnd++;
            heap.push(e);
            e = next;
            if (cd.copies[e] >= 2) cd.copies[e]--;
            else cd.copies[e] = 0;
          } else {
            cd.copies[next]++;
            cd.copies[e] = 0;
          }
        } else cd.copies[e] = 0;
      }
      realized.push(e);
      if (cd.copies[e] <= 0) this.kill(e);
      this.recalculateAffected(e, selfFirst);
    }
    return realized;
  }

  addCandidate(a: number, b: number, p: number, q: number): void {
    const { m } = this;
    const cd = this.cand;
    const e = cd.n++;
    cd.ensure(cd.n);
    // Roles (decide `AbstractExchange.__init__`): i has the higher salience ratio s_p/s_q: i supplies q.
    const swap = this.s[a * m + p] / this.s[a * m + q] < this.s[b * m + p] / this.s[b * m + q];
    const ai = swap ? b : a;
    const aj = swap ? a : b;
    const hi = 2 * e;
    const hj = hi + 1;
    cd.actor[hi] = ai;
    cd.supplyIssue[hi] = q;
    cd.demandIssue[hi] = p;
    cd.actor[hj] = aj;
    cd.supplyIssue[hj] = p;
    cd.demandIssue[hj] = q;
    cd.supplyPos[hi] = cd.startPos[hi] = this.x[ai * m + q];
    cd.demandPos[hi] = this.x[ai * m + p];
    cd.supplyPos[hj] = cd.startPos[hj] = this.x[aj * m + p];
    cd.demandPos[hj] = this.x[aj * m + q];
    cd.movesTop[hi] = -1;
    cd.movesTop[hj] = -1;
    cd.eu[hi] = cd.eu[hj] = 0;
    cd.nbs0[hi] = cd.nbs1[hi] = cd.nbs0[hj] = cd.nbs1[hj] = 0;
    cd.gain[e] = 0;
    cd.updHead[hi] = -1;
    cd.updHead[hj] = -1;
    this.calculate(e);
    cd.alive[e] = cd.valid[e];
    this.aliveCount += cd.valid[e];
    cd.copies[e] = 1;
    cd.listPos[e] = this.listEnd++;
    this.heap.listPos = cd.listPos; // `ensure` may have reallocated them
    this.heap.gain = cd.gain;
    if (cd.valid[e]) this.heap.push(e);
  }

  /** Takes candidate e off decide's list. */
  kill(e: number): void {
    if (this.cand.alive[e]) {
      this.cand.alive[e] = 0;
      this.aliveCount--;
    }
    this.heap.remove(e);
  }

  /**
   * Index (actor × issue) → candidate sides that supply (resp. demand) it, in side order, as
   * compressed rows (counting sort): rebuilt each round into reused typed arrays.
   */
  buildIndex(): void {
    const { n, m } = this;
    const cd = this.cand;
    const sides = 2 * cd.n;
    if (this.supplyStart.length !== n * m + 1) {
      this.supplyEnd = new Int32Array(n * m);
      this.demandEnd = new Int32Array(n * m);
      this.supplyStart = new Int32Array(n * m + 1);
      this.demandStart = new Int32Array(n * m + 1);
    }
    if (this.supplyList.length < sides) {
      this.supplyList = new Int32Array(cd.actor.length);
      this.demandList = new Int32Array(cd.actor.length);
    }
    // Only candidates on decide's list are indexed; `end` is each row's end, moved down as
    // recomputations drop candidates (the order of the rest is kept). Both indexes in one pass over
    // the candidates for the counts and one for the rows (two passes each cost 4 % of a lean run).
    const nm = n * m;
    const { supplyStart, demandStart, supplyEnd, demandEnd, supplyList, demandList } = this;
    const { alive, actor, supplyIssue, demandIssue } = cd;
    supplyStart.fill(0);
    demandStart.fill(0);
    for (let h = 0; h < sides; h++) {
      if (!alive[h >> 1]) continue;
      const row = actor[h] * m + 1;
      supplyStart[row + supplyIssue[h]]++;
      demandStart[row + demandIssue[h]]++;
    }
    for (let k = 0; k < nm; k++) {
      supplyStart[k + 1] += supplyStart[k];
      supplyEnd[k] = supplyStart[k];
      demandStart[k + 1] += demandStart[k];
      demandEnd[k] = demandStart[k];
    }
    for (let h = 0; h < sides; h++) {
      if (!alive[h >> 1]) continue;
      const row = actor[h] * m;
      supplyList[supplyEnd[row + supplyIssue[h]]++] = h;
      demandList[demandEnd[row + demandIssue[h]]++] = h;
    }
  }

  /**
   * After exchange R is realized, recompute the candidates it touches (decide `recalculate`): those
   * where an actor supplies the same issue as one of R's actors (its position becomes R's voting
   * position), and those where an actor demands the same issue as one of R's actors (R's partner's
   * move is recorded in `updates` and counts in the outcome that limits the moves).
   */
  recalculateAffected(r: number, selfFirst = false): void {
    const { m } = this;
    const cd = this.cand;
    const stamp = ++this.stampNow;
    let selfLeft = cd.alive[r] ? cd.copies[r] : 0;
    if (selfFirst && selfLeft > 0) {
      // The copy at the head of decide's list is recomputed before the others (which then see it).
      this.recalculate(r, r);
      selfLeft--;
      if (!cd.valid[r]) {
        this.kill(r);
        selfLeft = 0;
      }
    }
    for (let l = 0; l < 4; l++) {
      const h0 = 2 * r + (l & 1);
      const key = cd.actor[h0] * m + (l < 2 ? cd.supplyIssue[h0] : cd.demandIssue[h0]);
      const start = l < 2 ? this.supplyStart : this.demandStart;
      const ends = l < 2 ? this.supplyEnd : this.demandEnd;
      const list = l < 2 ? this.supplyList : this.demandList;
      let w = start[key];
      for (let t = start[key], end = ends[key]; t < end; t++) {
        const e = list[t] >> 1;
        if (!cd.alive[e]) continue; // off the list for good: dropped from the row
        list[w++] = list[t];
        if (e === r || this.stamp[e] === stamp) continue;
        this.stamp[e] = stamp;
        for (let c = 0; c < cd.copies[e] && cd.valid[e]; c++) this.recalculate(e, r);
        if (cd.valid[e]) {
          this.heap.push(e);
        } else {
          this.kill(e);
        }
      }
      ends[key] = w;
    }
    // A realized candidate still listed (a tie listed it twice) is recomputed from its own voting
    // positions, as decide's list does; if still valid it can be realized again.
    if (cd.alive[r]) {
      for (let c = 0; c < selfLeft && cd.valid[r]; c++) this.recalculate(r, r);
      if (cd.valid[r]) {
        this.heap.push(r);
      } else this.kill(r);
    }
  }

  recalculate(e: number, r: number): void {
    const cd = this.cand;
    const st = this.stacks;
    const ei = 2 * e;
    const ej = ei + 1;
    const ri = 2 * r;
    const rj = ri + 1;
    const actor = cd.actor;
    const supply = cd.supplyIssue;
    let matchedI = false;
    let matchedJ = false;
    if (actor[ei] === actor[ri] && supply[ei] === supply[ri]) {
      cd.supplyPos[ei] = cd.y[ri];
      matchedI = true;
    } else if (actor[ei] === actor[rj] && supply[ei] === supply[rj]) {
      cd.supplyPos[ei] = cd.y[rj];
      matchedI = true;
    }
    if (actor[ej] === actor[ri] && supply[ej] === supply[ri]) {
      cd.supplyPos[ej] = cd.y[ri];
      matchedJ = true;
    } else if (actor[ej] === actor[rj] && supply[ej] === supply[rj]) {
      cd.supplyPos[ej] = cd.y[rj];
      matchedJ = true;
    }
    let recalc = matchedI || matchedJ;
    // decide appends R's move to the matched side's history and then pops the last move of both
    // sides: the matched side keeps its own previous move, the other loses its last one.
    if (matchedI && !matchedJ) cd.movesTop[ej] = st.pop(cd.movesTop[ej]);
    if (matchedJ && !matchedI) cd.movesTop[ei] = st.pop(cd.movesTop[ei]);
    // R's j demanded the issue R's i moved on: record i's voting position there, and vice versa.
    if (this.noteUpdate(e, rj, ri) && !recalc) {
      cd.movesTop[ei] = st.pop(cd.movesTop[ei]);
      cd.movesTop[ej] = st.pop(cd.movesTop[ej]);
      recalc = true;
    }
    if (this.noteUpdate(e, ri, rj) && !recalc) {
      cd.movesTop[ei] = st.pop(cd.movesTop[ei]);
      cd.movesTop[ej] = st.pop(cd.movesTop[ej]);
      recalc = true;
    }
    if (recalc) this.calculate(e);
  }

  /**
   * If realized side `rd` demands what one side of candidate e demands (same actor, same issue), the
   * position its partner `rs` moved to on that issue is recorded for e (decide `update_updates`:
   * an existing entry keeps the value nearer the mover's start). Returns whether it applied.
   */
  noteUpdate(e: number, rd: number, rs: number): boolean {
    const cd = this.cand;
    const ei = 2 * e;
    const ej = ei + 1;
    const a = cd.actor[rd];
    const issue = cd.demandIssue[rd];
    let holder: number;
    if (cd.actor[ej] === a && cd.demandIssue[ej] === issue) holder = ej;
    else if (cd.actor[ei] === a && cd.demandIssue[ei] === issue) holder = ei;
    else return false;
    const mover = cd.actor[rs];
    const y = cd.y[rs];
    for (let u = cd.updHead[holder]; u >= 0; u = cd.updNext[u]) {
      if (cd.updActor[u] !== mover) continue;
      const existing = cd.updValue[u];
      if (cd.startPos[rs] <= existing) cd.updValue[u] = existing < y ? existing : y;
      else cd.updValue[u] = existing > y ? existing : y;
      return true;
    }
    cd.addUpdate(holder, mover, y);
    return true;
  }

  /** The first update entry that applies to the outcome of issue `k` for candidate e (held by the side demanding k), or −1. */
  updatesFor(e: number, k: number): number {
    const cd = this.cand;
    return cd.demandIssue[2 * e] === k ? cd.updHead[2 * e] : cd.updHead[2 * e + 1];
  }

  /** Outcome on side h's supply issue with the candidate's updates and h's actor at `pos` (decide `adjusted_nbs`). */
  adjustedOutcome(h: number, pos: number): number {
    const k = this.cand.supplyIssue[h];
    const num = this.othersNumerator(h);
    return (num + this.cs[this.cand.actor[h] * this.m + k] * (pos - this.adjustedCurrent)) / this.W[k];
  }

  /** The actor's own position in the last `othersNumerator` (an `updates` entry can override it). */
  adjustedCurrent = 0;

  /**
   * The numerator of the outcome on side h's supply issue with the candidate's updates applied, the
   * actor still at its current position (`adjustedCurrent`): shared by the outcome before and after
   * the move, which then differ only in the actor's last term (same operations, same bits).
   */
  othersNumerator(h: number): number {
    const { m } = this;
    const cd = this.cand;
    const k = cd.supplyIssue[h];
    const a = cd.actor[h];
    let num = this.num[k];
    let current = this.x[a * m + k];
    for (let u = this.updatesFor(h >> 1, k); u >= 0; u = cd.updNext[u]) {
      const b = cd.updActor[u];
      const v = cd.updValue[u];
      const idx = b * m + k;
      if (this.s[idx] <= 0) continue;
      num += this.cs[idx] * (v - this.x[idx]);
      if (b === a) current = v;
    }
    this.adjustedCurrent = current;
    return num;
  }

  /**
   * The move from `from` that puts the outcome exactly at `target` (decide `adjusted_nbs_by_position`).
   * Deviation: decide lets a stale `updates` entry for the moving actor itself override `from`, which
   * can push a voting position past the partner's position and the outcome outside the actors'
   * range; here the actor always stands at `from` (the round-1 fixtures are reproduced either way).
   */
  moveToOutcome(h: number, from: number, target: number): number {
    const { m } = this;
    const cd = this.cand;
    const k = cd.supplyIssue[h];
    const a = cd.actor[h];
    const csA = this.cs[a * m + k];
    let num = this.num[k] + csA * (from - this.x[a * m + k]);
    for (let u = this.updatesFor(h >> 1, k); u >= 0; u = cd.updNext[u]) {
      const b = cd.updActor[u];
      const idx = b * m + k;
      if (b === a || this.s[idx] <= 0) continue;
      num += this.cs[idx] * (cd.updValue[u] - this.x[idx]);
    }
    return (target * this.W[k] - num) / csA;
  }

  /** decide `is_move_valid`: within the scale, not nothing, and every move of this side in one direction. */
  moveValid(h: number): boolean {
    const cd = this.cand;
    const st = this.stacks;
    const mv = cd.move[h];
    const abs = Math.abs(mv);
    if (abs > 100 || abs <= MIN_MOVE) return false;
    const to = cd.supplyPos[h] + mv;
    if (to < -BOUND_SLACK || to > 100 + BOUND_SLACK) return false;
    const top = cd.movesTop[h];
    if (st.sum[top] > 100) return false;
    return (st.min[top] < 0 && st.max[top] < 0) || (st.min[top] > 0 && st.max[top] > 0);
  }

  /** Set side h's move, replacing the last entry of its move history when `replace`. */
  setMove(h: number, mv: number, replace: boolean): void {
    const cd = this.cand;
    if (replace) cd.movesTop[h] = this.stacks.pop(cd.movesTop[h]);
    cd.movesTop[h] = this.stacks.push(cd.movesTop[h], mv);
    cd.move[h] = mv;
    cd.y[h] = cd.supplyPos[h] + mv;
  }

  /** decide `EqualGainExchange.calculate`. */
  calculate(e: number): void {
    const { m, s, cs, W } = this;
    const cd = this.cand;
    const supplyPos = cd.supplyPos;
    const demandPos = cd.demandPos;
    const hi = 2 * e;
    const hj = hi + 1;
    const ai = cd.actor[hi];
    const aj = cd.actor[hj];
    const p = cd.supplyIssue[hj];
    const q = cd.supplyIssue[hi];
    const sip = s[ai * m + p];
    const siq = s[ai * m + q];
    const sjp = s[aj * m + p];
    const sjq = s[aj * m + q];
    // The distances each side may move (to the partner's position), read once.
    const gapJ = Math.abs(demandPos[hi] - supplyPos[hj]);
    const gapI = Math.abs(demandPos[hj] - supplyPos[hi]);
    // Exchange ratios dp = ΔO_p (j's move), dq = ΔO_q (i's move), equal gain: dq(s_iq+s_jq) = dp(s_ip+s_jp).
    let dp = (gapJ * cs[aj * m + p]) / W[p];
    let dq = (dp * (sip + sjp)) / (siq + sjq);
    let moveI = (dq * W[q]) / cs[ai * m + q];
    let moveJ = gapJ;
    if (Math.abs(moveI) > gapI) {
      dq = (gapI * cs[ai * m + q]) / W[q];
      dp = (dq * (siq + sjq)) / (sip + sjp);
      moveI = gapI;
      moveJ = (dp * W[p]) / cs[aj * m + p];
    }
    if (supplyPos[hi] > demandPos[hj]) moveI = -moveI;
    if (supplyPos[hj] > demandPos[hi]) moveJ = -moveJ;
    this.setMove(hi, moveI, false);
    this.setMove(hj, moveJ, false);
    const gain = Math.abs(dq * siq - dp * sip);
    cd.gain[e] = gain;
    cd.eu[hi] = cd.eu[hj] = gain;
    let valid = gain >= MIN_GAIN && this.moveValid(hi) && this.moveValid(hj);
    if (!valid) {
      cd.valid[e] = 0;
      return;
    }
    // The moves were valid; only a limit that changed them needs the check again.
    const limitedI = this.limitByOutcome(hi);
    const limitedJ = this.limitByOutcome(hj);
    if (limitedI || limitedJ) valid = this.moveValid(hi) && this.moveValid(hj);
    if (this.p > 0) {
      this.randomizeGain(e);
      valid = this.moveValid(hi) && this.moveValid(hj);
    }
    cd.valid[e] = valid ? 1 : 0;
  }

  /**
   * decide `check_nbs`: side h's move may not push the outcome of its supply issue past the position
   * of the partner who demands that issue; if it would, h moves just far enough to put the outcome
   * there and the partner's move is re-derived for equal gain. Returns whether it did.
   */
  limitByOutcome(h: number): boolean {
    const { m } = this;
    const cd = this.cand;
    const o = h ^ 1;
    const e = h >> 1;
    {
      const k = cd.supplyIssue[h];
      const num = this.othersNumerator(h);
      const csA = this.cs[cd.actor[h] * m + k];
      cd.nbs0[h] = (num + csA * (cd.supplyPos[h] - this.adjustedCurrent)) / this.W[k];
      cd.nbs1[h] = (num + csA * (cd.y[h] - this.adjustedCurrent)) / this.W[k];
    }
    const target = cd.demandPos[o];
    const d0 = target - cd.nbs0[h];
    const d1 = target - cd.nbs1[h];
    if ((d0 >= 0 && d1 >= 0) || (d0 <= 0 && d1 <= 0)) return false;
    const a = cd.actor[h];
    const b = cd.actor[o];
    const X = cd.supplyIssue[h];
    const Y = cd.supplyIssue[o];
    const delta = Math.abs(this.moveToOutcome(h, cd.supplyPos[h], target));
    const rA = (delta * this.cs[a * m + X]) / this.W[X];
    const rB = (rA * (this.s[a * m + X] + this.s[b * m + X])) / (this.s[a * m + Y] + this.s[b * m + Y]);
    let moveB = Math.abs((rB * this.W[Y]) / this.cs[b * m + Y]);
    let moveA = delta;
    if (cd.supplyPos[o] > cd.demandPos[h]) moveB = -moveB;
    if (cd.supplyPos[h] > cd.demandPos[o]) moveA = -moveA;
    this.setMove(o, moveB, true);
    this.setMove(h, moveA, true);
    const gain = Math.abs(rB * this.s[b * m + Y] - rA * this.s[b * m + X]);
    cd.gain[e] = gain;
    cd.eu[h] = cd.eu[o] = gain;
    cd.nbs1[h] = this.adjustedOutcome(h, cd.y[h]);
    return true;
  }

  /**
   * REX (Dijkstra et al.): the equal division of the gain is replaced by a random one. With u, v, z
   * ~ U(0,1), side A (i when u < 0.5, else j) is to get `eu + p·z·(eu_max − eu)` when v < 0.5, else
   * `eu − p·z·eu`. A keeps its equal-gain supply; its partner B supplies more or less: at most until
   * B gains nothing, B reaches A's position, or the outcome reaches A's position (whichever comes
   * first; eu_max is A's gain there). Both gains therefore stay ≥ 0. The order of realization stays
   * by the equal gain, as in decide (whose randomized code path is broken at HEAD, see specs §2.2.8).
   */
  randomizeGain(e: number): void {
    const { m } = this;
    const cd = this.cand;
    const u = this.rng();
    const v = this.rng();
    const z = this.rng();
    const hA = u < 0.5 ? 2 * e : 2 * e + 1;
    const hB = hA ^ 1;
    const a = cd.actor[hA];
    const b = cd.actor[hB];
    const X = cd.supplyIssue[hA]; // A supplies X, B demands X
    const Y = cd.supplyIssue[hB]; // B supplies Y, A demands Y
    const sAX = this.s[a * m + X];
    const sAY = this.s[a * m + Y];
    const sBX = this.s[b * m + X];
    const sBY = this.s[b * m + Y];
    const eu = cd.gain[e];
    // Exchange ratios (shifts of the outcome) of the equal-gain solution.
    const rA = (Math.abs(cd.move[hA]) * this.cs[a * m + X]) / this.W[X];
    const rBEqual = (Math.abs(cd.move[hB]) * this.cs[b * m + Y]) / this.W[Y];
    let maxMoveB = Math.abs(cd.demandPos[hA] - cd.supplyPos[hB]);
    const toOutcome = Math.abs(this.moveToOutcome(hB, cd.supplyPos[hB], cd.demandPos[hA]));
    if (toOutcome < maxMoveB) maxMoveB = toOutcome;
    const rBcap = Math.max(rBEqual, (maxMoveB * this.cs[b * m + Y]) / this.W[Y]);
    const rBhigh = Math.min(rBcap, (rA * sBX) / sBY);
    const euMax = Math.max(eu, sAY * rBhigh - sAX * rA);
    const euA = v < 0.5 ? eu + this.p * z * (euMax - eu) : eu - this.p * z * eu;
    const rB = Math.min(rBhigh, (euA + sAX * rA) / sAY);
    let moveB = (rB * this.W[Y]) / this.cs[b * m + Y];
    if (cd.supplyPos[hB] > cd.demandPos[hA]) moveB = -moveB;
    this.setMove(hB, moveB, true);
    cd.eu[hA] = sAY * rB - sAX * rA;
    cd.eu[hB] = sBX * rA - sBY * rB;
    cd.nbs0[hB] = this.adjustedOutcome(hB, cd.supplyPos[hB]);
    cd.nbs1[hB] = this.adjustedOutcome(hB, cd.y[hB]);
  }
}

/** The exchange model in decide's decimals (`exchange-decimal.ts`), reported as this engine reports a run. */
function exchangeInDecimals(input: ModelInput, rounds: number, seed: number, tieBreak: TieBreak, tieChoices: readonly number[], explain: boolean): EngineResult {
  const n = input.actors.length;
  const m = input.issues.length;
  const trace = exchangeDecimalTrace(input, { rounds, seed, tieBreak, tieChoices });
  const active = new Uint8Array(n * m);
  const weighted = new Uint8Array(m);
  for (let idx = 0; idx < n * m; idx++) {
    active[idx] = input.salience[idx] > 0 && input.capability[idx] > 0 ? 1 : 0;
    if (active[idx]) weighted[idx % m] = 1;
  }
  const onScale = (outcome: number[]) => outcome.map((v, k) => (weighted[k] ? denormalize(input, k, v) : fallbackOutcome(input, k)));
  const result: Round[] = [{ positions: explain ? positionsOf(input) : [], outcome: onScale(trace.start), moves: [], exchanges: [], externalities: [], ties: 0 }];
  for (const round of trace.rounds) {
    const moves: Move[] = [];
    const records: RealizedExchange[] = [];
    let positions: number[][] = [];
    let externalities: ActorExternalities[] = [];
    if (explain) {
      const left = new Uint8Array(n * m);
      for (let idx = 0; idx < n * m; idx++) left[idx] = round.start[idx] < round.startOutcome[idx % m] ? 1 : 0;
      const view: RoundView = { input, x: round.start, left, active };
      const ext = new Float64Array(n * 5);
      for (const e of round.exchanges) {
        const si: ExchangeSide = { ...e.i, eu: e.gain };
        const sj: ExchangeSide = { ...e.j, eu: e.gain };
        records.push(exchangeRecord(view, si, sj, e.gain, ext));
        moves.push(exchangeMove(view, si, sj, e.gain), exchangeMove(view, sj, si, e.gain));
      }
      const pos = new Float64Array(n * m);
      for (let idx = 0; idx < n * m; idx++) pos[idx] = Number.isNaN(round.voting[idx]) ? input.position[idx] : denormalize(input, idx % m, round.voting[idx]);
      positions = positionsOf(input, pos);
      externalities = externalityRows(input, ext);
    }
    result.push({ positions, outcome: onScale(round.outcome), moves, exchanges: records, externalities, ties: round.ties });
  }
  return {
    model: 'exchange',
    outcome: result[result.length - 1].outcome.slice(),
    rounds: result,
    params: { rounds, variant: 'equal-gain', p: 0, seed, tieBreak, arithmetic: 'decimal' },
  };
}

/** One side of a realized exchange, positions and outcomes on decide's 0-100 scale. */
export interface ExchangeSide {
  actor: number;
  supplyIssue: number;
  demandIssue: number;
  /** Position on the supply issue before the exchange, and the voting position after it. */
  from: number;
  y: number;
  move: number;
  /** Outcome on the supply issue before and after (decide's nbs_0, nbs_1). */
  nbs0: number;
  nbs1: number;
  /** This side's own gain. */
  eu: number;
}

/** What the records of a round read: round-start positions (0-100), who was left of the outcome, who takes part. */
export interface RoundView {
  input: ModelInput;
  x: Float64Array;
  left: Uint8Array;
  active: Uint8Array;
}

const denormalize = (input: ModelInput, k: number, v: number): number => input.scaleMin[k] + (v * (input.scaleMax[k] - input.scaleMin[k])) / 100;

/** A side of a realized exchange as a move with its reason in words. */
export function exchangeMove(view: RoundView, side: ExchangeSide, partnerSide: ExchangeSide, exchangeGain: number): Move {
  const { input } = view;
  const m = input.issues.length;
  const a = side.actor;
  const k = side.supplyIssue;
  const partner = partnerSide.actor;
  const demanded = side.demandIssue;
  const sSupplied = input.salience[a * m + k];
  const sDemanded = input.salience[a * m + demanded];
  const gain = side.eu;
  const move: Move = {
    actor: a,
    issue: k,
    from: denormalize(input, k, side.from),
    to: denormalize(input, k, side.y),
    why: '',
    detail: {
      partner: input.actors[partner],
      supplied: input.issues[k],
      demanded: input.issues[demanded],
      gain,
      exchangeGain,
    },
  };
  // The sentence is built when first read (formatting numbers for every move of every round was
  // half the run time); it stays an ordinary enumerable property for JSON and structured clone.
  let why: string | undefined;
  Object.defineProperty(move, 'why', {
    enumerable: true,
    configurable: true,
    get: () =>
      (why ??= `exchanged with ${input.actors[partner]}: gave ground on ${input.issues[k]} (salience ${fmt(sSupplied)}) for ${input.actors[partner]}'s move on ${input.issues[demanded]} (salience ${fmt(sDemanded)}), gaining ${fmt(gain)}`),
  });
  return move;
}

/** Each actor's externalities of a round, from the sums `exchangeRecord` keeps (5 per actor). */
export function externalityRows(input: ModelInput, ext: Float64Array): ActorExternalities[] {
  return input.actors.map((actor, a) => ({
    actor,
    own: ext[a * 5],
    innerPositive: ext[a * 5 + 1],
    innerNegative: ext[a * 5 + 2],
    outerPositive: ext[a * 5 + 3],
    outerNegative: ext[a * 5 + 4],
  }));
}

/**
 * The record of a realized exchange, with its externalities (decide `actor_externalities`): third
 * actor k gains `s_kp(|O_p⁰−x_kp|−|O_p¹−x_kp|) + s_kq(|O_q⁰−x_kq|−|O_q¹−x_kq|)`; "inner" when k is in the
 * same or the opposite group as the exchanging pair on (p, q), "outer" otherwise. Adds to `ext`.
 */
export function exchangeRecord(view: RoundView, si: ExchangeSide, sj: ExchangeSide, gain: number, ext: Float64Array): RealizedExchange {
  const { input, x, left, active } = view;
  const m = input.issues.length;
  const p = sj.supplyIssue;
  const q = si.supplyIssue;
  const ai = si.actor;
  const aj = sj.actor;
  const gi = left[ai * m + p] | (left[ai * m + q] << 1);
  const innerAD = gi === 0 || gi === 3;
  const sums = [0, 0, 0, 0];
  for (let k = 0; k < input.actors.length; k++) {
    if (!active[k * m + p] || !active[k * m + q]) continue;
    if (k === ai || k === aj) {
      ext[k * 5] += gain;
      continue;
    }
    const xp = x[k * m + p];
    const xq = x[k * m + q];
    const v = (Math.abs(sj.nbs0 - xp) - Math.abs(sj.nbs1 - xp)) * input.salience[k * m + p] + (Math.abs(si.nbs0 - xq) - Math.abs(si.nbs1 - xq)) * input.salience[k * m + q];
    const g = left[k * m + p] | (left[k * m + q] << 1);
    const inner = innerAD ? g === 0 || g === 3 : g === 1 || g === 2;
    const slot = v > 0 ? (inner ? 0 : 2) : inner ? 1 : 3;
    sums[slot] += v;
    ext[k * 5 + 1 + slot] += v;
  }
  return {
    i: input.actors[ai],
    supplyI: input.issues[q],
    j: input.actors[aj],
    supplyJ: input.issues[p],
    gain,
    gainI: si.eu,
    gainJ: sj.eu,
    fromI: denormalize(input, q, si.from),
    toI: denormalize(input, q, si.y),
    fromJ: denormalize(input, p, sj.from),
    toJ: denormalize(input, p, sj.y),
    moveI: denormalize(input, q, si.move) - denormalize(input, q, 0),
    moveJ: denormalize(input, p, sj.move) - denormalize(input, p, 0),
    outcomeBeforeI: denormalize(input, q, si.nbs0),
    outcomeAfterI: denormalize(input, q, si.nbs1),
    outcomeBeforeJ: denormalize(input, p, sj.nbs0),
    outcomeAfterJ: denormalize(input, p, sj.nbs1),
    innerPositive: sums[0],
    innerNegative: sums[1],
    outerPositive: sums[2],
    outerNegative: sums[3],
  };
}

function fmt(v: number): string {
  return Number(v.toPrecision(3)).toString();
}
