/**
 * KTAB's spatial model of politics (SMP) with probabilistic Condorcet elections (PCE).
 *
 * Wise, Lester, Alsaggaf et al. (2015-2017), KAPSARC Toolkit for Behavioral Analysis (KTAB),
 * github.com/KAPSARC/KTAB (MIT), `examples/smp/libsrc/smp.cpp`, `smpbcn.cpp`, `kmodel.cpp`;
 * B. Wise, "Markov Voting with Incentives in KTAB"; specs/models.md §1.2. Each turn:
 *
 * 1. distances `d_ij = sqrt(Σ_k s_ik²(x_ik − x_jk)² / Σ_k s_ik²)` (i's ideal = i's position);
 * 2. risk attitudes from a risk-neutral PCE over the actors' positions (weights = capability,
 *    u = 1 − d): `R_i = (3p_i − p_max − 2p_min) / (2(p_max − p_min))` (BigRRange Mid), and h perceives
 *    i's attitude as `(2R_h + R_i)/3` (BigRAdjust OneThird); `u^h_ij = (1 − d_ij)(1 + d_ij R^h_i)`;
 * 3. each actor i picks the challenge j with the largest expected gain
 *    `(1−S_j)·2u_ii + S_j[P·2u_ii + (1−P)·2u_ij] − (u_ii + u_ij)` (> 1e-5), P from coalitions in
 *    which every third party weighs the little contest i:j (SemiCommit);
 * 4. the challenge becomes a bargain: per dimension both are asked to move to
 *    `((s_ik P)² x_ik + (s_jk (1−P))² x_jk) / (…)`, rounded to 4 decimals (S2P2), queued for i and j
 *    beside each actor's status-quo bargain;
 * 5. every actor's queue is resolved by a PCE among all actors (weights = capability) over the
 *    mean utility of the state after each bargain; the most probable bargain is adopted
 *    (Deterministic) or one is drawn (Stochastic);
 * 6. stop when `Σ_i ‖x_i(t) − x_i(t−1)‖ / (Σ_i ‖x_i(1) − x_i(0)‖ + 1e-4) < 0.02` (t ≥ 2) or t = 100.
 *
 * The per-turn "prob" row is the PCE probability of each actor's position (distinct positions
 * within 1e-3; each actor rates positions with its own risk attitude; weights = capability;
 * proportional voting). The forecast per issue is the probability-weighted position; `modal` is
 * the most probable position.
 *
 * Speed: KTAB recomputes N utility matrices per turn and logs every perspective of every challenge
 * (O(N⁴)); here the utilities come from two N×N matrices (see smp/challenges.ts), identical
 * positions are voted on once, and the O(N³) challenge loop can be spread over worker threads
 * (`threads`), with identical results whatever the thread count.
 *
 * @example
 * // dummyData_3Dim.csv (7 actors, 3 dimensions), KTAB defaults: 10 turns, and SActor-00 moves
 * // from (75.8, 6.4, 70.5) to (79.5, 44.7, 72.0) in turn 1, where its position's probability is 0.6059.
 */
import { createRng, type Rng } from './random.ts';
import { positionsOf, type EngineParams, type EngineResult, type ModelInput, type Move, type Round } from './types.ts';
import {
  BARGAIN_MODELS,
  BIG_R_ADJUSTS,
  BIG_R_RANGES,
  INTER_VEC_BARGAINS,
  PCE_MODELS,
  STATE_TRANSITIONS,
  THIRD_PARTY_COMMITS,
  VICTORY_PROB_MODELS,
  VOTING_RULES,
  VR_PROP,
  coalitionStrengths,
  coalitionStrengthsOnLine,
  evaluateChallenge,
  expandCoalitions,
  interpolateBargain,
  pceFromCoalitions,
  perceivedRisk,
  riskAdjustWeights,
  riskAttitudes,
  riskUtility,
  salienceDistance,
} from './smp/kernel.ts';
import { bestChallenges, type ChallengeTurn } from './smp/challenges.ts';
import { challengePool, type ChallengePool } from './smp/pool.ts';
import { ParamError, readParams, seedParam, type EnumParam, type ParamSpec, type ParamTable } from './params.ts';

/** KTAB's model parameters, by KTAB's names, with KTAB's defaults. */
export interface SmpParameters {
  VictoryProbModel: (typeof VICTORY_PROB_MODELS)[number];
  VotingRule: (typeof VOTING_RULES)[number];
  PCEModel: (typeof PCE_MODELS)[number];
  StateTransitions: (typeof STATE_TRANSITIONS)[number];
  BigRRange: (typeof BIG_R_RANGES)[number];
  BigRAdjust: (typeof BIG_R_ADJUSTS)[number];
  ThirdPartyCommit: (typeof THIRD_PARTY_COMMITS)[number];
  InterVecBrgn: (typeof INTER_VEC_BARGAINS)[number];
  BargnModel: (typeof BARGAIN_MODELS)[number];
}

export const SMP_DEFAULTS: SmpParameters = {
  VictoryProbModel: 'Linear',
  VotingRule: 'Proportional',
  PCEModel: 'Conditional',
  StateTransitions: 'Deterministic',
  BigRRange: 'Mid',
  BigRAdjust: 'OneThird',
  ThirdPartyCommit: 'SemiCommit',
  InterVecBrgn: 'S2P2',
  BargnModel: 'InitOnlyInterp',
};

const CHOICES: { [K in keyof SmpParameters]: readonly string[] } = {
  VictoryProbModel: VICTORY_PROB_MODELS,
  VotingRule: VOTING_RULES,
  PCEModel: PCE_MODELS,
  StateTransitions: STATE_TRANSITIONS,
  BigRRange: BIG_R_RANGES,
  BigRAdjust: BIG_R_ADJUSTS,
  ThirdPartyCommit: THIRD_PARTY_COMMITS,
  InterVecBrgn: INTER_VEC_BARGAINS,
  BargnModel: BARGAIN_MODELS,
};

const KTAB = 'KTAB (github.com/KAPSARC/KTAB), Wise et al. (2015-2017)';

/** One of KTAB's ModelParameters, by KTAB's name; also accepted in lower camel case (`votingRule`). */
const ktabParam = (name: keyof SmpParameters, help: string, source: string, valueAliases?: Record<string, string>): EnumParam => ({
  name,
  type: 'enum',
  default: SMP_DEFAULTS[name],
  choices: CHOICES[name],
  help,
  source: `${KTAB}, ${source}`,
  aliases: [name.charAt(0).toLowerCase() + name.slice(1)],
  ...(valueAliases ? { valueAliases } : {}),
});

/**
 * smp's parameters (src/engines/params.ts): KTAB's nine ModelParameters (as in a KTAB XML scenario,
 * whose values the `ktab` importer passes here) and the run's options; the engine's defaults and
 * ranges, the CLI's flags, the API's schema.
 */
export const smpParams: ParamTable = [
  ktabParam('VictoryProbModel', 'how coalition strengths become the probability of winning: Linear C_ab/(C_ab+C_ba); Square, Quartic, Octic the same with C², C⁴, C⁸; Binary the stronger wins (a ramp inside a 10% band)', 'Model::vProb (specs/models.md §1.2 step 4)'),
  // KTAB's logs print "Prop" for Proportional.
  ktabParam('VotingRule', 'an actor’s vote for a over b from its utility difference Δu: Proportional wΔu; Binary all or nothing; PropBin, PropCbc mixtures; Cubic wΔu³; ASymProsp a loss counts fully, a gain by 2/3', 'Model::vote (specs/models.md §1.2 step 3)', { prop: 'Proportional' }),
  ktabParam('PCEModel', 'the probabilistic Condorcet election: Conditional p_a ∝ Π_b P(a>b), or the fixed point of a Markov chain over the options (MarkovIncentive, MarkovUniform)', 'condPCE, markovIncentivePCE, markovUniformPCE; Wise, “Markov Voting with Incentives in KTAB” (specs/models.md §1.2 step 5)'),
  ktabParam('StateTransitions', 'each actor’s queue of bargains: the most probable one is adopted (Deterministic) or one is drawn by its probability (Stochastic, seeded)', 'updateBestBrgnPositions (specs/models.md §1.2 step 10)'),
  ktabParam('BigRRange', 'the range of the risk attitudes inferred from the risk-neutral PCE: Min, Mid (R = (3p − p_max − 2p_min)/(2(p_max − p_min))) or Max', 'setAllAUtil, bigRfromProb (specs/models.md §1.2 step 6)'),
  // KTAB's enum names end in "RA" (NoRA, HalfRA, …).
  ktabParam('BigRAdjust', 'how much of another actor’s risk attitude an actor perceives: Full, TwoThirds, Half, OneThird ((2R_h + R_i)/3) or No', 'setAllAUtil (specs/models.md §1.2 step 6)', { nora: 'No', none: 'No', fullra: 'Full', halfra: 'Half', onethirdra: 'OneThird', twothirdsra: 'TwoThirds' }),
  ktabParam('ThirdPartyCommit', 'what a third party joining a contest values: NoCommit, SemiCommit (π(2u_ni + u_nn) + (1−π)3u_nj) or FullCommit', 'probEduChlg, Actor::thirdPartyVoteSU (specs/models.md §1.2 step 7)'),
  ktabParam('InterVecBrgn', 'how a bargain interpolates the two positions per dimension: S1P1 (weights s·P), S2P2 ((s·P)²) or S2PMax (only the weaker side moves)', 'interpolateBrgn, interpBrgnSnPm, interpBrgnS2PMax (specs/models.md §1.2 step 9)'),
  ktabParam('BargnModel', 'whose interpolation goes into the queues: the initiator’s (InitOnlyInterp), the initiator’s and the receiver’s (InitRcvrInterp), or their capability × salience weighted average (PWCompInterp)', 'interpolateBrgn (specs/models.md §1.2 step 9)'),
  {
    name: 'maxTurns',
    type: 'integer',
    default: 100,
    min: 1,
    max: 100_000,
    help: 'the largest number of turns (the run stops earlier when the positions settle); `rounds` is accepted for it',
    source: `${KTAB}, smpStopFn, configExec (maxIter 100; specs/models.md §1.2 step 11)`,
    aliases: ['rounds'],
  },
  {
    name: 'minTurns',
    type: 'integer',
    default: 2,
    min: 1,
    max: 100_000,
    help: 'turns always run before the stopping rule (relative change < 0.02) applies',
    source: `${KTAB}, smpStopFn (minIter 2; specs/models.md §1.2 step 11)`,
  },
  seedParam(`the draws of StateTransitions Stochastic (src/engines/random.ts; a KTAB XML’s prngSeed modulo 2^53)`),
  {
    name: 'threads',
    type: 'integer',
    default: 1,
    min: 1,
    max: 256,
    help: 'worker threads for the challenge loop from 64 actors on (the result is the same whatever the count)',
    source: 'parley (src/engines/smp/pool.ts)',
  },
  {
    name: 'lineShortcut',
    type: 'boolean',
    default: true,
    help: 'on one dimension with proportional votes, the O(N² log N) form of the coalition sums (the same result; false: the general O(N³) sums)',
    source: 'parley (src/engines/smp/kernel.ts coalitionStrengthsOnLine)',
  },
];

const KTAB_KEYS = Object.keys(SMP_DEFAULTS) as (keyof SmpParameters)[];
/** KTAB's parameter names, in the table's order. */
export const smpKtabParams: readonly ParamSpec[] = smpParams.filter((s) => (KTAB_KEYS as string[]).includes(s.name));

/** Thrown for a parameter value KTAB does not know; the message lists the allowed values. */
export class SmpParameterError extends ParamError {}

/** Distinct positions: KTAB's SMPState::equivNdx (Euclidean distance < posTol = 1e-3 on 0–1). */
export const POSITION_TOLERANCE = 1e-3;

/** Options of one run besides KTAB's parameters. */
export interface SmpRunOptions {
  /** Largest number of turns (KTAB: 100). */
  maxTurns: number;
  /** Turns always run before the stopping rule applies (KTAB: 2). */
  minTurns: number;
  seed: number;
  /** Threads for the challenge loop (1: none). */
  threads: number;
}

interface Bargain {
  initiator: number;
  receiver: number;
  /** Positions (0–1 scale, length M) the initiator and the receiver are asked to adopt. */
  initiatorPosition: Float64Array;
  receiverPosition: Float64Array;
  /** Whose interpolation it is: the initiator's (KTAB's brgnIIJ), the receiver's, or their compromise. */
  perspective: 'initiator' | 'receiver' | 'compromise' | 'status quo';
}

interface TurnAnalysis {
  /** Distances, row-major `d[i*n + j]`. */
  distance: Float64Array;
  risk: Float64Array;
  /** PCE probability of each actor's position (the "prob" row). */
  probability: Float64Array;
  /** Forecast per dimension (0–1) and the modal position. */
  expected: Float64Array;
  modal: Float64Array;
}

/** The SMP engine (registered as `smp`). */
export function smp(input: ModelInput, params: EngineParams = {}): EngineResult {
  // Defaults and range checks from the table; KTAB's choices by name, then by their index (the kernel's codes).
  const read = readParams(smpParams, params, 'smp', SmpParameterError);
  const chosen = Object.fromEntries(KTAB_KEYS.map((k) => [k, read[k]])) as unknown as SmpParameters;
  const at = <K extends keyof SmpParameters>(key: K) => ({ name: chosen[key], index: CHOICES[key].indexOf(chosen[key]) });
  const p = {
    vpm: at('VictoryProbModel'),
    rule: at('VotingRule'),
    pcem: at('PCEModel'),
    stm: at('StateTransitions'),
    rRange: at('BigRRange'),
    rAdjust: at('BigRAdjust'),
    commit: at('ThirdPartyCommit'),
    ivb: at('InterVecBrgn'),
    bModel: at('BargnModel'),
  };
  const run: SmpRunOptions = {
    maxTurns: read.maxTurns as number,
    minTurns: read.minTurns as number,
    seed: read.seed as number,
    threads: read.threads as number,
  };
  const n = input.actors.length;
  const m = input.issues.length;
  if (n < 2) {
    // Nobody to bargain with: the lone actor's position (or the status quo) is the forecast.
    const outcome = Array.from({ length: m }, (_, k) => (n === 1 ? input.position[k] : input.statusQuo[k]));
    return {
      model: 'smp',
      outcome,
      rounds: [{ positions: positionsOf(input), outcome: outcome.slice(), moves: [], modal: outcome.slice(), probabilities: n === 1 ? [1] : [], riskAttitudes: n === 1 ? [0] : [] }],
      params: { ...chosen, turns: 0, modal: outcome.slice() },
    };
  }

  // KTAB's internal scale: positions 0–1 on each dimension; capability = the actor's (issue 0).
  const span = new Float64Array(m);
  for (let k = 0; k < m; k++) span[k] = input.scaleMax[k] - input.scaleMin[k] || 1;
  let x: Float64Array = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) x[i * m + k] = Math.min(1, Math.max(0, (input.position[i * m + k] - input.scaleMin[k]) / span[k]));
  }
  // Loops, not Float64Array.from/Array.from with a mapping function (their iteration is the slow path).
  const sal = new Float64Array(input.salience.length);
  for (let idx = 0; idx < sal.length; idx++) sal[idx] = Math.max(0, input.salience[idx]);
  const cap = new Float64Array(n);
  const totalSal = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    cap[i] = Math.max(0, input.capability[i * m]);
    let s = 0;
    for (let k = 0; k < m; k++) s += sal[i * m + k];
    totalSal[i] = s;
    weight[i] = s * cap[i];
  }

  const cfg = { lineShortcut: read.lineShortcut as boolean, vpm: p.vpm.index, rule: p.rule.index, pcem: p.pcem.index, rRange: p.rRange.index, rAdjust: p.rAdjust.index, commit: p.commit.index, ivb: p.ivb.index, bModel: p.bModel.index, stochastic: p.stm.index === 1 };
  const toScale = (v: number, k: number) => input.scaleMin[k] + v * span[k];
  const scaledPositions = (pos: Float64Array) => {
    const out = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let k = 0; k < m; k++) out[i * m + k] = toScale(pos[i * m + k], k);
    return positionsOf(input, out);
  };
  const round = (pos: Float64Array, a: TurnAnalysis, moves: Move[]): Round => ({
    positions: scaledPositions(pos),
    outcome: Array.from(a.expected, (v, k) => toScale(v, k)),
    moves,
    modal: Array.from(a.modal, (v, k) => toScale(v, k)),
    probabilities: Array.from(a.probability),
    riskAttitudes: Array.from(a.risk),
  });

  const pool = run.threads > 1 && n >= 64 ? challengePool(run.threads) : undefined;
  // explain: false (Monte Carlo): no rounds, moves or sentences, and the "prob" row (pDist) only for
  // the final state, which is all the forecast reads; every turn's arithmetic is the same, so the
  // outcome is the same bit for bit.
  const explain = params.explain !== false;
  try {
    let analysis = analyseState(x, n, m, sal, cap, cfg, pool, explain);
    const rounds: Round[] = explain ? [round(x, analysis, [])] : [];
    let firstStep = 0;
    let turns = 0;
    for (let t = 1; t <= run.maxTurns; t++) {
      const rng = cfg.stochastic ? createRng(run.seed, t) : undefined;
      const step = bargainingTurn(x, analysis, n, m, sal, cap, weight, totalSal, cfg, rng, pool, input, toScale, explain);
      const previous = x;
      x = step.next;
      turns = t;
      const change = stateDistance(x, previous, n, m);
      if (t === 1) firstStep = change + 1e-4;
      const ratio = change / firstStep;
      const stop = (t >= run.minTurns && ratio < 0.02) || t === run.maxTurns;
      analysis = analyseState(x, n, m, sal, cap, cfg, pool, explain || stop);
      if (explain) {
        rounds.push(round(x, analysis, step.moves));
        rounds[t].changeRatio = ratio;
      }
      if (stop) break;
    }
    const outcome: number[] = new Array(m);
    const modal: number[] = new Array(m);
    for (let k = 0; k < m; k++) {
      outcome[k] = toScale(analysis.expected[k], k);
      modal[k] = toScale(analysis.modal[k], k);
    }
    return {
      model: 'smp',
      outcome,
      rounds,
      params: {
        ...chosen,
        maxTurns: run.maxTurns,
        minTurns: run.minTurns,
        seed: run.seed,
        threads: run.threads,
        turns,
        modal,
      },
    };
  } finally {
    pool?.close();
  }
}

type Config = { lineShortcut: boolean; vpm: number; rule: number; pcem: number; rRange: number; rAdjust: number; commit: number; ivb: number; bModel: number; stochastic: boolean };

/** SMPModel::stateDist: Σ_i ‖x_i − y_i‖₂. */
function stateDistance(a: Float64Array, b: Float64Array, n: number, m: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) {
      const d = a[i * m + k] - b[i * m + k];
      s += d * d;
    }
    total += Math.sqrt(s);
  }
  return total;
}

/** Below this many voter × pair terms a PCE's coalitions are summed on the calling thread. */
const PARALLEL_COALITION_WORK = 2e6;

/** coalitionStrengths, on the pool's threads when there is one and the work pays for it (same bits). */
function coalitionsWith(pool: ChallengePool | undefined) {
  return (nVoters: number, nOpt: number, weight: ArrayLike<number>, util: Float64Array, rule: number): Float64Array =>
    pool && (nOpt * nOpt * nVoters) / 2 > PARALLEL_COALITION_WORK ? pool.coalitions(nVoters, nOpt, weight, util, rule) : coalitionStrengths(nVoters, nOpt, weight, util, rule);
}

const EMPTY = new Float64Array(0);

/**
 * Groups of identical positions (every coordinate equal): `group[i]` and one representative per
 * group. Candidates are found by their first coordinate (a Map lookup, no string keys: this runs on
 * every state, thousands of times per Monte Carlo study), then compared coordinate by coordinate.
 */
function identicalPositions(x: Float64Array, n: number, m: number): { group: Int32Array; reps: number[] } {
  const group = new Int32Array(n);
  const reps: number[] = [];
  const byFirst = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const io = i * m;
    const candidates = byFirst.get(x[io]);
    let g = -1;
    if (candidates) {
      for (let c = 0; c < candidates.length && g < 0; c++) {
        const ro = reps[candidates[c]] * m;
        let same = true;
        for (let k = 1; k < m && same; k++) same = x[io + k] === x[ro + k];
        if (same) g = candidates[c];
      }
    }
    if (g < 0) {
      g = reps.length;
      reps.push(i);
      if (candidates) candidates.push(g);
      else byFirst.set(x[io], [g]);
    }
    group[i] = g;
  }
  return { group, reps };
}

/**
 * What KTAB computes on entering a state (setAllAUtil and pDist(-1)): distances, risk attitudes and
 * the PCE probability of each actor's position, and the forecast from them.
 */
function analyseState(x: Float64Array, n: number, m: number, sal: Float64Array, cap: Float64Array, cfg: Config, pool: ChallengePool | undefined, withProbabilities: boolean): TurnAnalysis {
  const coalitions = coalitionsWith(pool);
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) distance[i * n + j] = i === j ? 0 : salienceDistance(x, i * m, x, j * m, sal, i * m, m);

  // Risk-neutral PCE over all N positions (duplicates included, as KTAB does), voted once per
  // distinct position and expanded: identical positions give identical utility columns.
  const { group, reps } = identicalPositions(x, n, m);
  const g = reps.length;
  const neutral = new Float64Array(g * n);
  for (let a = 0; a < g; a++) for (let k = 0; k < n; k++) neutral[a * n + k] = 1 - distance[k * n + reps[a]];
  // On one dimension with proportional votes the O(N³) sums have an O(N² log N) form.
  const line = m === 1 && cfg.lineShortcut;
  const voterWeight = line ? Float64Array.from(cap, (c, k) => (sal[k] > 0 ? c : 0)) : cap;
  const cg =
    line && cfg.rule === VR_PROP
      ? coalitionStrengthsOnLine(x, voterWeight, undefined, Float64Array.from(reps, (r) => x[r]))
      : coalitions(n, g, cap, neutral, cfg.rule);
  const pNeutral = pceFromCoalitions(expandCoalitions(cg, g, group), n, cfg.vpm, cfg.pcem);
  const risk = riskAttitudes(pNeutral, cfg.rRange);

  // The next turn needs only distances and risk attitudes; the "prob" row and the forecast are
  // for the record (and for the final state).
  if (!withProbabilities) return { distance, risk, probability: EMPTY, expected: EMPTY, modal: EMPTY };

  // pDist(-1): distinct positions (first of each within 1e-3), each actor with its own attitude,
  // proportional voting, weights = capability.
  const unique: number[] = [];
  const which = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let found = -1;
    for (let u = 0; u < unique.length && found < 0; u++) {
      const r = unique[u];
      let s = 0;
      for (let k = 0; k < m; k++) {
        const d = x[i * m + k] - x[r * m + k];
        s += d * d;
      }
      if (Math.sqrt(s) < 1e-3) found = u;
    }
    if (found < 0) {
      which[i] = unique.length;
      unique.push(i);
    } else which[i] = found;
  }
  const nu = unique.length;
  let pUnique: Float64Array;
  if (line) {
    pUnique = pceFromCoalitions(coalitionStrengthsOnLine(x, voterWeight, risk, Float64Array.from(unique, (r) => x[r])), nu, cfg.vpm, cfg.pcem);
  } else {
    const own = new Float64Array(nu * n);
    for (let u = 0; u < nu; u++) for (let k = 0; k < n; k++) own[u * n + k] = riskUtility(distance[k * n + unique[u]], risk[k]);
    pUnique = pceFromCoalitions(coalitions(n, nu, cap, own, VR_PROP), nu, cfg.vpm, cfg.pcem);
  }
  const probability = new Float64Array(n);
  for (let i = 0; i < n; i++) probability[i] = pUnique[lastEquivalent(i, unique, x, m, which[i])];

  const expected = new Float64Array(m);
  let modalU = 0;
  for (let u = 0; u < nu; u++) {
    for (let k = 0; k < m; k++) expected[k] += pUnique[u] * x[unique[u] * m + k];
    if (pUnique[u] > pUnique[modalU]) modalU = u;
  }
  const modal = x.slice(unique[modalU] * m, unique[modalU] * m + m);
  return { distance, risk, probability, expected, modal };
}

/** State::posProb takes the last distinct position within tolerance of actor i's (usually its own). */
function lastEquivalent(i: number, unique: number[], x: Float64Array, m: number, first: number): number {
  let k = first;
  for (let u = first + 1; u < unique.length; u++) {
    const r = unique[u];
    let s = 0;
    for (let d = 0; d < m; d++) {
      const diff = x[i * m + d] - x[r * m + d];
      s += diff * diff;
    }
    if (Math.sqrt(s) < 1e-3) k = u;
  }
  return k;
}

interface StepResult {
  next: Float64Array;
  moves: Move[];
}

/** SMPState::doBCN: challenges, bargains, and the resolution of every actor's queue. */
function bargainingTurn(
  x: Float64Array,
  a: TurnAnalysis,
  n: number,
  m: number,
  sal: Float64Array,
  cap: Float64Array,
  weight: Float64Array,
  totalSal: Float64Array,
  cfg: Config,
  rng: Rng | undefined,
  pool: ChallengePool | undefined,
  input: ModelInput,
  toScale: (v: number, k: number) => number,
  explain: boolean,
): StepResult {
  const { distance, risk } = a;
  const coalitions = coalitionsWith(pool);
  const [alpha, beta] = riskAdjustWeights(cfg.rAdjust);
  // h's utility for b's position as seen by a: base + α R_h · slope (smp/challenges.ts).
  const base = new Float64Array(n * n);
  const slope = new Float64Array(n * n);
  for (let aa = 0; aa < n; aa++) {
    const br = beta * risk[aa];
    for (let b = 0; b < n; b++) {
      const d = distance[aa * n + b];
      base[b * n + aa] = (1 - d) * (1 + d * br);
      slope[b * n + aa] = (1 - d) * d;
    }
  }
  const alphaRisk = new Float64Array(n);
  for (let i = 0; i < n; i++) alphaRisk[i] = alpha * risk[i];
  const turn: ChallengeTurn = { n, base, slope, alphaRisk, weight, totalSalience: totalSal, rule: cfg.rule, commit: cfg.commit };
  const target = new Int32Array(n);
  const probability = new Float64Array(n);
  const gain = new Float64Array(n);
  if (pool) pool.run(turn, target, probability, gain);
  else bestChallenges(turn, 0, n, target, probability, gain);

  // h's perspective with KTAB's own arithmetic, for the receiver's view (other BargnModels).
  const utilityAsSeenBy = (h: number) => (p: number, q: number) => riskUtility(distance[p * n + q], perceivedRisk(cfg.rAdjust, risk[h], risk[p]));

  // The bargains' positions: views into one buffer per turn (at most three bargains per initiator,
  // two positions each), not a typed array of their own each: an array over 64 bytes gets its own
  // backing store, and allocating them was a third of a lean run. The values are the same.
  const store = new Float64Array(6 * n * m);
  let stored = 0;
  const slot = (): Float64Array => store.subarray(stored, (stored += m));
  // Queues: each actor's status-quo bargain first, then the bargains in initiator order. The status
  // quo is a view of x (the turn writes only to `next`, so x stays as it was).
  const queues: Bargain[][] = [];
  for (let i = 0; i < n; i++) {
    const here = x.subarray(i * m, i * m + m);
    queues.push([{ initiator: i, receiver: i, initiatorPosition: here, receiverPosition: here, perspective: 'status quo' }]);
  }
  const interpolate = (i: number, j: number, pi: number, pj: number, perspective: Bargain['perspective']): Bargain => {
    const bi = slot();
    const bj = slot();
    for (let k = 0; k < m; k++) {
      const [u, v] = interpolateBargain(cfg.ivb, x[i * m + k], sal[i * m + k], pi, x[j * m + k], sal[j * m + k], pj);
      bi[k] = u;
      bj[k] = v;
    }
    return { initiator: i, receiver: j, initiatorPosition: bi, receiverPosition: bj, perspective };
  };
  for (let i = 0; i < n; i++) {
    const j = target[i];
    if (j < 0) continue;
    const piiJ = probability[i];
    const own = interpolate(i, j, piiJ, 1 - piiJ, 'initiator');
    if (cfg.bModel === 0) {
      queues[i].push(own);
      queues[j].push(own);
      continue;
    }
    // KTAB (smpbcn.cpp) reads the receiver's estimate with get<1> of probEduChlg(j, i, i, j), i.e.
    // j's estimate of i's expected gain, not of the probability; kept as coded, for identical results.
    const pjiJ = evaluateChallenge(n, utilityAsSeenBy(j), weight, totalSal, i, i, j, cfg.rule, cfg.commit).gain;
    const theirs = interpolate(i, j, pjiJ, 1 - pjiJ, 'receiver');
    if (cfg.bModel === 1) {
      queues[i].push(own, theirs);
      queues[j].push(own, theirs);
      continue;
    }
    // PWCompInterp: weights capability × total salience; KTAB takes the initiator's capability for
    // both sides (brgnJIJ->actInit is i); kept as coded.
    const wi = cap[i] * totalSal[i];
    const wj = cap[i] * totalSal[j];
    const bi = slot();
    const bj = slot();
    for (let k = 0; k < m; k++) {
      bi[k] = (wi * own.initiatorPosition[k] + wj * theirs.initiatorPosition[k]) / (wi + wj);
      bj[k] = (wi * own.receiverPosition[k] + wj * theirs.receiverPosition[k]) / (wi + wj);
    }
    const comp: Bargain = { initiator: i, receiver: j, initiatorPosition: bi, receiverPosition: bj, perspective: 'compromise' };
    queues[i].push(comp);
    queues[j].push(comp);
  }

  // Each actor's mean utility over all positions, for the value of a state after a bargain.
  const ownUtil = new Float64Array(n * n);
  const rowSum = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let q = 0; q < n; q++) {
      const u = riskUtility(distance[v * n + q], risk[v]);
      ownUtil[v * n + q] = u;
      s += u;
    }
    rowSum[v] = s;
  }
  const values = new Map<Bargain, Float64Array>();
  const bargainValue = (br: Bargain): Float64Array => {
    let u = values.get(br);
    if (u) return u;
    u = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      if (br.initiator === br.receiver) u[v] = rowSum[v] / n;
      else {
        const ui = riskUtility(salienceDistance(x, v * m, br.initiatorPosition, 0, sal, v * m, m), risk[v]);
        const ur = riskUtility(salienceDistance(x, v * m, br.receiverPosition, 0, sal, v * m, m), risk[v]);
        u[v] = (rowSum[v] - ownUtil[v * n + br.initiator] - ownUtil[v * n + br.receiver] + ui + ur) / n;
      }
    }
    values.set(br, u);
    return u;
  };
  const next = new Float64Array(n * m);
  const moves: Move[] = [];
  let longest = 0;
  for (const q of queues) longest = Math.max(longest, q.length);
  const utilStore = new Float64Array(longest * n);
  for (let k = 0; k < n; k++) {
    const queue = queues[k];
    const nb = queue.length;
    // brgnUtil: voter v's mean utility over all N positions once bargain b is implemented. A
    // bargain sits in two queues (initiator's and receiver's) with the same values: computed once.
    // (Every entry is written before it is read: one buffer serves every queue of the turn.)
    const util = nb * n === utilStore.length ? utilStore : utilStore.subarray(0, nb * n);
    for (let b = 0; b < nb; b++) util.set(bargainValue(queue[b]), b * n);
    const pb = nb === 1 ? Float64Array.of(1) : pceFromCoalitions(coalitions(n, nb, cap, util, cfg.rule), nb, cfg.vpm, cfg.pcem);
    let chosen = 0;
    if (rng) {
      // PRNG::probSel: the first bargain whose cumulative probability exceeds a uniform draw.
      const r = rng();
      let acc = 0;
      chosen = nb - 1;
      for (let b = 0; b < nb; b++) {
        acc += pb[b];
        if (r < acc) {
          chosen = b;
          break;
        }
      }
    } else {
      for (let b = 1; b < nb; b++) if (pb[b] > pb[chosen]) chosen = b;
    }
    const adopted = queue[chosen];
    const pos = adopted.initiator === adopted.receiver ? x.subarray(k * m, k * m + m) : adopted.initiator === k ? adopted.initiatorPosition : adopted.receiverPosition;
    next.set(pos, k * m);
    if (explain) moves.push(...explainActor(k, queue, pb, chosen, rng !== undefined, target, probability, gain, x, next, m, input, toScale));
  }
  return { next, moves };
}

/** One Move per issue for actor k: the challenge it chose, its queue, and the bargain it adopted. */
function explainActor(
  k: number,
  queue: Bargain[],
  pb: Float64Array,
  chosen: number,
  stochastic: boolean,
  target: Int32Array,
  probability: Float64Array,
  gain: Float64Array,
  x: Float64Array,
  next: Float64Array,
  m: number,
  input: ModelInput,
  toScale: (v: number, k: number) => number,
): Move[] {
  const name = (i: number) => input.actors[i];
  const j = target[k];
  const challenge = j >= 0 ? `${name(k)} challenged ${name(j)} (probability of winning ${probability[k].toFixed(3)}, expected gain ${gain[k].toFixed(4)})` : `${name(k)} saw no challenge worth making`;
  const terms = (b: Bargain) => (b.perspective === 'initiator' ? `on ${name(b.initiator)}'s terms` : b.perspective === 'receiver' ? `on ${name(b.receiver)}'s terms` : 'a capability-weighted compromise');
  const describe = (b: Bargain) => (b.initiator === b.receiver ? 'stay put' : b.initiator === k ? `bargain with ${name(b.receiver)} (${terms(b)})` : `bargain offered by ${name(b.initiator)} (${terms(b)})`);
  const adopted = queue[chosen];
  const queueText = queue.map((b, q) => `${describe(b)} p=${pb[q].toFixed(3)}`).join('; ');
  const how = stochastic ? `drawn with probability ${pb[chosen].toFixed(3)} among its ${queue.length} options` : queue.length === 1 ? 'its only option' : `the most likely of its ${queue.length} options`;
  const outcome = adopted.initiator === adopted.receiver ? `kept its position (${how})` : `adopted the ${describe(adopted)}, ${how}`;
  const moves: Move[] = [];
  for (let d = 0; d < m; d++) {
    const from = toScale(x[k * m + d], d);
    const to = toScale(next[k * m + d], d);
    moves.push({
      actor: k,
      issue: d,
      from,
      to,
      why: `${name(k)} ${from === to ? `stayed at ${from.toFixed(1)}` : `moved from ${from.toFixed(1)} to ${to.toFixed(1)}`}: ${challenge}; it ${outcome} (queue: ${queueText}).`,
      detail: {
        target: j >= 0 ? name(j) : null,
        probabilityOfWinning: j >= 0 ? probability[k] : null,
        expectedGain: j >= 0 ? gain[k] : null,
        queueLength: queue.length,
        adoptedInitiator: name(adopted.initiator),
        adoptedReceiver: name(adopted.receiver),
        adoptedProbability: pb[chosen],
        statusQuo: adopted.initiator === adopted.receiver,
      },
    });
  }
  return moves;
}
