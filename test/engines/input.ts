/** Builds a ModelInput from rows of [capability, positions, saliences (0–1)] for hand-computed tests. */
import type { ModelInput } from '../../src/engines/types.ts';

export function modelInput(rows: Array<[cap: number, pos: number[], sal: number[]]>, statusQuo: number[] = [], names?: string[]): ModelInput {
  const n = rows.length;
  const m = rows[0][1].length;
  const grid = (g: (i: number, k: number) => number) => Float64Array.from({ length: n * m }, (_, j) => g(Math.floor(j / m), j % m));
  return {
    actors: names ?? rows.map((_, i) => `A${i}`),
    issues: Array.from({ length: m }, (_, k) => `I${k}`),
    position: grid((i, k) => rows[i][1][k]),
    salience: grid((i, k) => rows[i][2][k]),
    capability: grid((i) => rows[i][0]),
    scaleMin: new Float64Array(m),
    scaleMax: new Float64Array(m).fill(100),
    statusQuo: Float64Array.from({ length: m }, (_, k) => statusQuo[k] ?? NaN),
  };
}

/** The rows of a BDM CSV (`Actor,Capability,Position,Salience` with salience 0–1) as a one-issue input. */
export function oneIssue(actors: Array<{ name: string; c: number; x: number; s: number }>): ModelInput {
  const input = modelInput(actors.map((a) => [a.c, [a.x], [a.s]]), [], actors.map((a) => a.name));
  input.scaleMin[0] = Math.min(...actors.map((a) => a.x));
  input.scaleMax[0] = Math.max(...actors.map((a) => a.x));
  return input;
}
