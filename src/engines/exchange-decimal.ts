/**
 * The exchange model in decide's own arithmetic: Python `decimal` with 28 significant digits, rounded
 * half-even after every operation, and decide's list semantics (a stable in-place sort by gain before
 * every pick; on a tie a coin either realizes the runner-up and moves the best to the end, or keeps
 * the best and lists the runner-up twice). It follows decide-exchange-model (`model/base.py`,
 * `equalgain.py`, `calculations.py`, `helpers.py`) operation for operation, in the order decide
 * evaluates them, so that gains equal in exact arithmetic compare the way they do in decide (by their
 * 28th digit) and a run with decide's coin (`tieBreak: 'python'` with decide's seed) or its coin
 * flips replayed (`tieChoices`) reproduces decide's run.
 *
 * It exists for conformance and for reproducing published decide runs; `exchange.ts` is the fast
 * engine (doubles, an indexed heap) and agrees with it until an exact equality of decimals decides
 * (equal gains, an outcome left exactly on a position). Equal gain only (decide's REX path is broken
 * upstream; see the README). Slow by design: objects and decimals.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { pythonRandom } from './python-random.ts';
import { createRng } from './random.ts';
import type { ExchangeSide } from './exchange.ts';
import type { ModelInput } from './types.ts';

const Dec = DecimalJs.clone({ precision: 28, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -1000, toExpPos: 1000 });
type Dec = InstanceType<typeof Dec>;

/** The exact value of a double as a decimal (Python's `Decimal(float)` and float comparisons are exact). */
export function exactDouble(x: number): Dec {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (x === 0 || Number.isInteger(x)) return new Dec(x);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e2 = exponent - 1075;
  if (exponent === 0) e2 = -1074;
  else mantissa |= 1n << 52n;
  // x = mantissa · 2^e2 with e2 < 0 here: mantissa · 5^−e2 / 10^−e2.
  const digits = (mantissa * 5n ** BigInt(-e2)).toString().padStart(-e2 + 1, '0');
  const point = digits.length + e2;
  return new Dec(`${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`);
}

const ZERO = new Dec(0);
const ONE = new Dec(1);
const HUNDRED = new Dec(100);
const MIN_MOVE = exactDouble(1e-10);
const MIN_GAIN = exactDouble(1e-10);
const TIE = exactDouble(1e-20);
const SALIENCE_WEIGHT = exactDouble(0.4);
const FIXED_WEIGHT = exactDouble(0.1);

/** Decimal from an input double via its shortest round-trip text (the number as the file wrote it). */
const fromInput = (x: number): Dec => new Dec(Number(x.toPrecision(15)).toString());

interface ActorIssue {
  actor: number;
  position: Dec;
  salience: Dec;
  power: Dec;
}

/** Per issue, its actors in input order (decide's dict of ActorIssue by actor). */
type IssueTable = Map<number, ActorIssue>;

class Side {
  supply: ActorIssue;
  demand: ActorIssue;
  y: Dec = ZERO;
  readonly start: Dec;
  move: Dec = ZERO;
  moves: Dec[] = [];
  nbs0: Dec = ZERO;
  nbs1: Dec = ZERO;
  opposite!: Side;
  constructor(
    readonly model: DecimalModel,
    readonly exchange: Exchange,
    readonly actor: number,
    readonly supplyIssue: number,
    readonly demandIssue: number,
  ) {
    const s = model.ai[supplyIssue].get(actor)!;
    const d = model.ai[demandIssue].get(actor)!;
    this.supply = { ...s };
    this.demand = { ...d };
    this.start = this.supply.position;
  }

  table(): IssueTable {
    return this.model.ai[this.supplyIssue];
  }

  moveValid(move: Dec): boolean {
    const a = move.abs();
    if (a.gt(HUNDRED) || a.lte(MIN_MOVE)) return false;
    const to = this.supply.position.plus(move);
    if (to.lt(ZERO) || to.gt(HUNDRED)) return false;
    if (pySum(this.moves).gt(HUNDRED)) return false;
    let min = this.moves[0];
    let max = this.moves[0];
    for (const v of this.moves) {
      if (v.lt(min)) min = v;
      if (v.gt(max)) max = v;
    }
    return (min.lt(ZERO) && max.lt(ZERO)) || (min.gt(ZERO) && max.gt(ZERO));
  }

  adjustNbs(position: Dec): Dec {
    const positions = new Map<number, Dec>();
    for (const [a, v] of this.table()) positions.set(a, v.position);
    for (const [a, v] of this.exchange.updatesOf(this.supplyIssue)) if (positions.has(a)) positions.set(a, v);
    positions.set(this.actor, position);
    return nbsOf(this.table(), this.model.den[this.supplyIssue], (a) => positions.get(a)!);
  }

  /** decide `check_nbs`. */
  checkNbs(): void {
    const ex = this.exchange;
    const o = this.opposite;
    this.nbs0 = this.adjustNbs(this.supply.position);
    this.nbs1 = this.adjustNbs(this.y);
    const x = o.demand.position;
    const d0 = x.minus(this.nbs0);
    const d1 = x.minus(this.nbs1);
    if ((d0.gte(ZERO) && d1.gte(ZERO)) || (d0.lte(ZERO) && d1.lte(ZERO))) return;
    const den = this.model.den[this.supplyIssue];
    const delta = this.moveFor(o.demand.position).abs();
    ex.dp = delta.times(this.supply.salience).times(this.supply.power).div(den);
    ex.dq = byExchangeRatio(this, ex.dp);
    o.move = reverseMove(o, ex.dq).abs();
    this.move = delta;
    if (o.supply.position.gt(this.demand.position)) o.move = o.move.neg();
    if (this.supply.position.gt(o.demand.position)) this.move = this.move.neg();
    o.moves.pop();
    this.moves.pop();
    o.moves.push(o.move);
    this.moves.push(this.move);
    o.y = o.supply.position.plus(o.move);
    this.y = this.supply.position.plus(this.move);
    ex.gain = expectedUtility(o, ex.dq, ex.dp).abs();
    const b1 = o.moveValid(o.move);
    const b2 = this.moveValid(this.move);
    this.nbs1 = this.adjustNbs(this.y);
    ex.valid = b1 && b2;
  }

  /**
   * decide `adjusted_nbs_by_position`: how far this actor must move from its supply position to put
   * the outcome at `target`. decide means to leave the actor out of the sum of the others (`key is
   * not actor`), but the sum runs over a deep copy whose keys are copies, so the actor is always in
   * it and the result is the move, not the position; reproduced as it behaves.
   */
  moveFor(target: Dec): Dec {
    const positions = new Map<number, Dec>();
    for (const [a, v] of this.table()) positions.set(a, v.position);
    positions.set(this.actor, this.supply.position);
    for (const [a, v] of this.exchange.updatesOf(this.supplyIssue)) positions.set(a, v);
    const own = this.table().get(this.actor)!;
    const left = target.times(this.model.den[this.supplyIssue]).minus(numerator(this.table(), (a) => positions.get(a)!));
    return left.div(own.salience.times(own.power));
  }
}

/** Python's `sum()` of decimals (starts at the integer 0). */
function pySum(values: Dec[]): Dec {
  let s: Dec = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** Σ position · salience · power over an issue's actors, in their order (decide's NBS numerator). */
function numerator(table: IssueTable, position: (a: number) => Dec): Dec {
  let num: Dec = ZERO;
  for (const [a, v] of table) num = num.plus(position(a).times(v.salience).times(v.power));
  return num;
}

function nbsOf(table: IssueTable, den: Dec, position: (a: number) => Dec): Dec {
  return den.isZero() ? ZERO : numerator(table, position).div(den);
}

// decide's `sum_salience_power` recomputes Σ power · salience of the supply issue on every call: the
// same products in the same order as the outcome's denominator, so the same decimal; read from there.
function reverseMove(side: Side, ratio: Dec): Dec {
  return ratio.times(side.model.den[side.supplyIssue]).div(side.supply.power.times(side.supply.salience));
}

function byExchangeRatio(side: Side, ratio: Dec): Dec {
  const d = side.opposite;
  return side.supply.salience.plus(d.demand.salience).div(side.demand.salience.plus(d.supply.salience)).times(ratio);
}

function byAbsoluteMove(side: Side): Dec {
  const d = side.opposite;
  return d.demand.position.minus(side.supply.position).abs().times(side.supply.salience).times(side.supply.power).div(side.model.den[side.supplyIssue]);
}

function expectedUtility(side: Side, demandRatio: Dec, supplyRatio: Dec): Dec {
  return demandRatio.times(side.supply.salience).minus(supplyRatio.times(side.demand.salience)).abs();
}

class Exchange {
  gain: Dec = ZERO;
  valid = true;
  dp: Dec = ZERO;
  dq: Dec = ZERO;
  readonly updates = new Map<number, Map<number, Dec>>();
  readonly i: Side;
  readonly j: Side;
  constructor(model: DecimalModel, a: number, b: number, p: number, q: number) {
    const s = (actor: number, issue: number) => model.ai[issue].get(actor)!.salience;
    if (s(a, p).div(s(a, q)).lt(s(b, p).div(s(b, q)))) {
      this.i = new Side(model, this, b, q, p);
      this.j = new Side(model, this, a, p, q);
    } else {
      this.i = new Side(model, this, a, q, p);
      this.j = new Side(model, this, b, p, q);
    }
    this.i.opposite = this.j;
    this.j.opposite = this.i;
  }

  updatesOf(issue: number): Map<number, Dec> {
    let u = this.updates.get(issue);
    if (!u) this.updates.set(issue, (u = new Map()));
    return u;
  }

  /** decide `EqualGainExchange.calculate`. */
  calculate(): void {
    const { i, j } = this;
    this.dp = byAbsoluteMove(j);
    this.dq = byExchangeRatio(j, this.dp);
    i.move = reverseMove(i, this.dq);
    j.move = i.demand.position.minus(j.supply.position).abs();
    if (i.move.abs().gt(j.demand.position.minus(i.supply.position).abs())) {
      this.dq = byAbsoluteMove(i);
      this.dp = byExchangeRatio(i, this.dq);
      i.move = j.demand.position.minus(i.supply.position).abs();
      j.move = reverseMove(j, this.dp);
    }
    if (i.supply.position.gt(j.demand.position)) i.move = i.move.neg();
    if (j.supply.position.gt(i.demand.position)) j.move = j.move.neg();
    i.moves.push(i.move);
    j.moves.push(j.move);
    i.y = i.supply.position.plus(i.move);
    j.y = j.supply.position.plus(j.move);
    this.gain = expectedUtility(i, this.dq, this.dp).abs();
    this.valid = i.moveValid(i.move) && j.moveValid(j.move);
    if (this.gain.lt(MIN_GAIN)) this.valid = false;
    if (!this.valid) return;
    i.checkNbs();
    j.checkNbs();
    this.valid = i.moveValid(i.move) && j.moveValid(j.move);
  }

  private invalidateMove(): void {
    this.i.moves.pop();
    this.j.moves.pop();
  }

  /** decide `invalidate_exchange_by_supply`. */
  private bySupply(r: Exchange): boolean {
    let hit = false;
    for (const own of [this.i, this.j]) {
      for (const other of [r.i, r.j]) {
        if (own.actor === other.actor && own.supplyIssue === other.supplyIssue) {
          own.supply.position = other.y;
          own.moves.push(other.moves[other.moves.length - 1]);
          hit = true;
          break;
        }
      }
    }
    if (hit) this.invalidateMove();
    return hit;
  }

  /** decide `update_updates`. */
  private updateUpdates(side: Side, issue: number, existing: Dec): void {
    const u = this.updatesOf(issue);
    if (side.start.lte(existing)) u.set(side.actor, existing.lt(side.y) ? existing : side.y);
    else u.set(side.actor, existing.gt(side.y) ? existing : side.y);
  }

  /** decide `recalculate`: exchange r was realized. */
  recalculate(r: Exchange): void {
    let recalc = this.bySupply(r);
    const demands = (s: Side, o: Side) => s.actor === o.actor && s.demandIssue === o.demandIssue;
    for (const [demander, mover] of [
      [r.j, r.i],
      [r.i, r.j],
    ] as const) {
      if (!demands(demander, this.j) && !demands(demander, this.i)) continue;
      const u = this.updatesOf(demander.demandIssue);
      const existing = u.get(mover.actor);
      if (existing !== undefined) this.updateUpdates(mover, demander.demandIssue, existing);
      else u.set(mover.actor, mover.y);
      if (!recalc) {
        this.invalidateMove();
        recalc = true;
      }
    }
    if (recalc) this.calculate();
  }
}

class DecimalModel {
  readonly ai: IssueTable[];
  readonly den: Dec[];
  readonly nbs: Dec[];
  exchanges: Exchange[] = [];
  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    this.ai = Array.from({ length: m }, () => new Map());
    this.den = new Array(m).fill(ZERO);
    this.nbs = new Array(m).fill(ZERO);
  }

  calcNbs(): void {
    for (let k = 0; k < this.m; k++) {
      let den: Dec = ZERO;
      for (const v of this.ai[k].values()) den = den.plus(v.salience.times(v.power));
      this.den[k] = den;
      this.nbs[k] = nbsOf(this.ai[k], den, (a) => this.ai[k].get(a)!.position);
    }
  }

  /** decide `determine_groups`: candidates for each issue pair, groups a×d then b×c, in actor order. */
  buildExchanges(): void {
    const left = this.ai.map((t, k) => new Map([...t].map(([a, v]) => [a, v.position.lt(this.nbs[k])])));
    this.exchanges = [];
    for (let p = 0; p < this.m; p++) {
      for (let q = p + 1; q < this.m; q++) {
        const groups: number[][] = [[], [], [], []];
        for (let a = 0; a < this.n; a++) {
          const lp = left[p].get(a);
          const lq = left[q].get(a);
          if (lp === undefined || lq === undefined) continue;
          groups[(lp ? 1 : 0) | (lq ? 2 : 0)].push(a);
        }
        for (const [g, h] of [
          [0, 3],
          [1, 2],
        ]) {
          for (const a of groups[g]) {
            for (const b of groups[h]) {
              const e = new Exchange(this, a, b, p, q);
              e.calculate();
              this.exchanges.push(e);
            }
          }
        }
      }
    }
  }

  /** decide `EqualGainModel.highest_gain`. */
  highestGain(coin: () => boolean): Exchange {
    const list = this.exchanges;
    list.sort((a, b) => b.gain.cmp(a.gain));
    let realize = list.shift()!;
    if (list.length > 0) {
      const next = list[0];
      if (realize.gain.minus(next.gain).abs().lt(TIE)) {
        if (coin()) {
          list.push(realize);
          realize = list.shift()!;
        } else list.push(next);
      }
    }
    return realize;
  }

  removeInvalid(r: Exchange): void {
    const kept: Exchange[] = [];
    for (const e of this.exchanges) {
      if (!e.valid) continue;
      e.recalculate(r);
      if (e.valid) kept.push(e);
    }
    this.exchanges = kept;
  }
}

/** One side of a realized exchange, in doubles on decide's 0-100 scale (its gain is the exchange's). */
export type DecimalSide = Omit<ExchangeSide, 'eu'>;

export interface DecimalExchange {
  i: DecimalSide;
  j: DecimalSide;
  gain: number;
  /** The gain as decide's 28-digit decimal prints it. */
  gainText: string;
}

export interface DecimalRound {
  /** Positions (0-100) at the start of the round, N×M (NaN where the actor takes no part). */
  start: Float64Array;
  /** Outcome per issue (0-100) at the start of the round (who is left of it forms the groups). */
  startOutcome: number[];
  /** Voting positions (0-100) at the end of the round, before the restart rule. */
  voting: Float64Array;
  exchanges: DecimalExchange[];
  /** Outcome per issue (0-100) at the voting positions. */
  outcome: number[];
  ties: number;
}

export interface DecimalTrace {
  /** Outcome per issue (0-100) of the input. */
  start: number[];
  rounds: DecimalRound[];
}

export interface DecimalOptions {
  rounds: number;
  seed: number;
  tieBreak: 'random' | 'first' | 'second' | 'python';
  tieChoices: readonly number[];
}

/**
 * Runs decide's equal-gain model in 28-digit decimals. Positions are normalized to 0-100 as decide
 * does (`(x − lo) · (100 / (hi − lo))` in decimals); an actor takes part in an issue when its salience
 * is above 0 (decide drops `#D` rows with salience 0).
 */
export function exchangeDecimalTrace(input: ModelInput, opts: DecimalOptions): DecimalTrace {
  const n = input.actors.length;
  const m = input.issues.length;
  const model = new DecimalModel(n, m);
  for (let k = 0; k < m; k++) {
    const lo = fromInput(input.scaleMin[k]);
    const span = fromInput(input.scaleMax[k]).minus(lo);
    const step = span.isZero() ? ZERO : HUNDRED.div(span);
    for (let a = 0; a < n; a++) {
      const idx = a * m + k;
      if (!(input.salience[idx] > 0)) continue;
      model.ai[k].set(a, {
        actor: a,
        position: fromInput(input.position[idx]).minus(lo).times(step),
        salience: fromInput(input.salience[idx]),
        power: fromInput(input.capability[idx]),
      });
    }
  }
  const tieRng = createRng(opts.seed, 1);
  const pythonCoin = opts.tieBreak === 'python' ? pythonRandom(opts.seed) : undefined;
  let tiesSeen = 0;
  let roundTies = 0;
  const coin = (): boolean => {
    const t = tiesSeen++;
    roundTies++;
    const drawn = pythonCoin?.();
    if (t < opts.tieChoices.length) return (opts.tieChoices[t] & 1) === 1;
    if (drawn !== undefined) return drawn >= 0.5;
    return opts.tieBreak === 'random' ? tieRng() >= 0.5 : opts.tieBreak === 'second';
  };
  model.calcNbs();
  const trace: DecimalTrace = { start: model.nbs.map(Number), rounds: [] };
  for (let r = 0; r < opts.rounds; r++) {
    roundTies = 0;
    const start = new Float64Array(n * m).fill(NaN);
    for (let k = 0; k < m; k++) for (const [a, v] of model.ai[k]) start[a * m + k] = v.position.toNumber();
    model.calcNbs();
    const startOutcome = model.nbs.map(Number);
    model.buildExchanges();
    const realized: Exchange[] = [];
    const records: DecimalExchange[] = [];
    while (model.exchanges.length > 0) {
      const e = model.highestGain(coin);
      if (!e.valid) continue;
      model.removeInvalid(e);
      realized.push(e);
      // Recorded now: a later recomputation of a listed-twice exchange changes its fields.
      const side = (s: Side): DecimalSide => ({
        actor: s.actor,
        supplyIssue: s.supplyIssue,
        demandIssue: s.demandIssue,
        from: s.supply.position.toNumber(),
        y: s.y.toNumber(),
        move: s.move.toNumber(),
        nbs0: s.nbs0.toNumber(),
        nbs1: s.nbs1.toNumber(),
      });
      records.push({ i: side(e.i), j: side(e.j), gain: e.gain.toNumber(), gainText: e.gain.toString() });
    }
    for (const e of realized) {
      model.ai[e.i.supplyIssue].get(e.i.actor)!.position = e.i.y;
      model.ai[e.j.supplyIssue].get(e.j.actor)!.position = e.j.y;
    }
    model.calcNbs();
    const voting = new Float64Array(n * m).fill(NaN);
    for (let k = 0; k < m; k++) for (const [a, v] of model.ai[k]) voting[a * m + k] = v.position.toNumber();
    trace.rounds.push({ start, startOutcome, voting, exchanges: records, outcome: model.nbs.map(Number), ties: roundTies });
    // decide `new_start_position`.
    for (const e of realized) {
      for (const s of [e.i, e.j]) {
        const ai = model.ai[s.supplyIssue].get(s.actor)!;
        const sal = s.supply.salience;
        const kept = ONE.minus(sal).times(SALIENCE_WEIGHT);
        ai.position = kept.times(s.y).plus(FIXED_WEIGHT.times(s.y)).plus(ONE.minus(kept).minus(FIXED_WEIGHT).times(s.start));
      }
    }
  }
  return trace;
}
