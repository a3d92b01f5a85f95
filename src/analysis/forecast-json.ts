/**
 * A model's result as the JSON the CLI (`parley forecast --format json`) and the HTTP API return:
 * actors and issues by name, every value on the input's own scale, round 0 the input.
 *
 *   {"model", "actors": [names], "issues": [names], "outcome": {issue: value},
 *    "rounds": [{"positions": {actor: {issue: value}}, "outcome": {issue: value},
 *                "moves": [{"actor", "issue", "from", "to", "why", ...detail}], ...extras}],
 *    "params"}
 *
 * Extras an engine puts on a round (bdm's median and mean, exchange's exchanges, smp's
 * probabilities, nash's bargains) are kept; per-issue arrays listed in `perIssueExtras` become
 * {issue: value} like the outcome, per-actor arrays in `perActorExtras` {actor: value} (KTAB's
 * "prob" rows as `"probabilities": {actor: p}`). Non-finite numbers become null (JSON has no NaN).
 */
import type { EngineResult, ModelInput, Move } from '../engines/types.ts';

export interface MoveJson {
  actor: string;
  issue: string;
  from: number | null;
  to: number | null;
  why: string;
  detail?: Record<string, unknown>;
}

export interface RoundJson {
  positions: Record<string, Record<string, number | null>>;
  outcome: Record<string, number | null>;
  moves: MoveJson[];
  [extra: string]: unknown;
}

export interface ForecastJson {
  model: string;
  actors: string[];
  issues: string[];
  outcome: Record<string, number | null>;
  rounds: RoundJson[];
  params: Record<string, unknown>;
}

/** Round extras that are one number per issue (bdm's median and mean, smp's most probable position). */
export const perIssueExtras = ['median', 'mean', 'modal'] as const;

/** Round extras that are one number per actor (smp's PCE probabilities and risk attitudes). */
export const perActorExtras = ['probabilities', 'riskAttitudes'] as const;

/** Names made unique for use as JSON keys: a repeated name gets " (2)", " (3)", … */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n} (${count})`;
  });
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** JSON-safe copy: NaN and ±Infinity become null, typed arrays plain arrays. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return finite(v);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, finite);
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  return v;
}

export function forecastToJson(input: ModelInput, result: EngineResult): ForecastJson {
  const actors = uniqueNames(input.actors);
  const issues = uniqueNames(input.issues);
  const byIssue = (values: ArrayLike<number>): Record<string, number | null> => Object.fromEntries(issues.map((name, k) => [name, finite(values[k])]));
  const byActor = (values: ArrayLike<number>): Record<string, number | null> => Object.fromEntries(actors.map((name, i) => [name, finite(values[i])]));
  const move = (mv: Move): MoveJson => ({
    actor: actors[mv.actor] ?? String(mv.actor),
    issue: issues[mv.issue] ?? String(mv.issue),
    from: finite(mv.from),
    to: finite(mv.to),
    why: mv.why,
    ...(mv.detail ? { detail: jsonSafe(mv.detail) as Record<string, unknown> } : {}),
  });
  return {
    model: result.model,
    actors,
    issues,
    outcome: byIssue(result.outcome),
    rounds: result.rounds.map((round) => {
      const { positions, outcome, moves, ...extras } = round;
      const out: RoundJson = {
        positions: Object.fromEntries(actors.map((a, i) => [a, byIssue(positions[i])])),
        outcome: byIssue(outcome),
        moves: moves.map(move),
      };
      for (const [key, value] of Object.entries(extras)) {
        const list = Array.isArray(value) || ArrayBuffer.isView(value) ? (value as ArrayLike<number>) : undefined;
        if (list && list.length === issues.length && (perIssueExtras as readonly string[]).includes(key)) out[key] = byIssue(list);
        else if (list && list.length === actors.length && (perActorExtras as readonly string[]).includes(key)) out[key] = byActor(list);
        else out[key] = jsonSafe(value);
      }
      return out;
    }),
    params: jsonSafe(result.params) as Record<string, unknown>,
  };
}
