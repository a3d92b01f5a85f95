/**
 * The common shape of every forecasting engine: plain numeric arrays in, forecast, round-by-round
 * positions and the records that explain each move out. Nothing here knows about case files,
 * YAML, HTTP or the database.
 *
 * Layout: N actors × M issues, row-major (`position[i * m + k]` is actor i on issue k).
 */
export interface ModelInput {
  /** Actor names, length N (for explanations and output only). */
  actors: string[];
  /** Issue names, length M. */
  issues: string[];
  /** Positions on each issue's own scale, N×M. */
  position: Float64Array;
  /** Salience in [0, 1], N×M (0: the actor takes no part in that issue). */
  salience: Float64Array;
  /** Capability ≥ 0, N×M (most inputs repeat one value per actor across issues). */
  capability: Float64Array;
  /** Each issue's scale bounds and status quo, length M (status quo NaN when unknown). */
  scaleMin: Float64Array;
  scaleMax: Float64Array;
  statusQuo: Float64Array;
}

/** One actor's move on one issue in one round, with the reason in words and the numbers behind it. */
export interface Move {
  actor: number;
  issue: number;
  from: number;
  to: number;
  /** A sentence a reader understands: why the actor moved (or did not). */
  why: string;
  /** The utilities, probabilities and partners involved. */
  detail?: Record<string, number | string | boolean | null>;
}

export interface Round {
  /** Positions at the end of the round, N×M, as nested arrays (round 0 = the input). */
  positions: number[][];
  /** The model's forecast after the round, per issue. */
  outcome: number[];
  /** What moved and why (empty in round 0 and for one-shot models). */
  moves: Move[];
  /** Model-specific records (exchanges, median and mean, PCE probabilities, …). */
  [extra: string]: unknown;
}

export interface EngineResult {
  model: string;
  /** The forecast per issue, on each issue's own scale. */
  outcome: number[];
  /** rounds[0] is the input (its outcome: the model applied to the input); one-shot models have only round 0. */
  rounds: Round[];
  /** Parameters actually used, defaults filled in. */
  params: Record<string, unknown>;
}

export interface EngineParams {
  /** Number of rounds for iterative models. */
  rounds?: number;
  /** Seed for models with random elements. */
  seed?: number;
  /**
   * Whether to explain the forecast (default true). When false, the engine need return only what
   * Monte Carlo reads: `outcome` (bit for bit the same as with `explain: true`) and `params`;
   * `rounds` may be empty (`[]`), and the per-round positions, moves, `why` sentences and `detail`
   * records are not built. Monte Carlo passes false; every other caller leaves it unset.
   */
  explain?: boolean;
  [key: string]: unknown;
}

export type Engine = (input: ModelInput, params?: EngineParams) => EngineResult;

/** Positions of an input as nested arrays (round 0). */
export function positionsOf(input: ModelInput, position: ArrayLike<number> = input.position): number[][] {
  const n = input.actors.length;
  const m = input.issues.length;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = new Array(m);
    for (let k = 0; k < m; k++) row[k] = position[i * m + k];
    out.push(row);
  }
  return out;
}
