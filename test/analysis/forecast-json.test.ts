import { describe, expect, it } from 'vitest';
import { forecastToJson } from '../../src/analysis/forecast-json.ts';
import type { EngineResult } from '../../src/engines/types.ts';
import { modelInput } from '../engines/input.ts';

describe('forecastToJson', () => {
  const input = modelInput([[1, [10, 20], [1, 1]], [2, [30, 40], [1, 1]]], [], ['Ann', 'Ann']);
  const result: EngineResult = {
    model: 'toy',
    outcome: [20, NaN],
    params: { rounds: 1 },
    rounds: [
      {
        positions: [[10, 20], [30, 40]],
        outcome: [20, 30],
        moves: [{ actor: 1, issue: 0, from: 30, to: 25, why: 'because' }],
        probabilities: [0.25, 0.75],
        modal: Float64Array.from([30, 40]),
        median: [30, 40],
        exchanges: [{ i: 'Ann', gain: Infinity }],
      },
    ],
  };
  const json = forecastToJson(input, result);

  it('names actors and issues, keeping repeated names apart', () => {
    expect(json.actors).toEqual(['Ann', 'Ann (2)']);
    expect(json.rounds[0].positions).toEqual({ Ann: { I0: 10, I1: 20 }, 'Ann (2)': { I0: 30, I1: 40 } });
    expect(json.rounds[0].moves).toEqual([{ actor: 'Ann (2)', issue: 'I0', from: 30, to: 25, why: 'because' }]);
  });

  it('maps per-actor and per-issue extras to objects, non-finite numbers to null', () => {
    expect(json.outcome).toEqual({ I0: 20, I1: null });
    expect(json.rounds[0].probabilities).toEqual({ Ann: 0.25, 'Ann (2)': 0.75 });
    expect(json.rounds[0].modal).toEqual({ I0: 30, I1: 40 });
    expect(json.rounds[0].median).toEqual({ I0: 30, I1: 40 });
    expect(json.rounds[0].exchanges).toEqual([{ i: 'Ann', gain: null }]);
  });
});
