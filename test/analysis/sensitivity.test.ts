import { describe, expect, it } from 'vitest';
import { compareScenarios, sensitivity, timeline } from '../../src/analysis/index.ts';
import { parse, twoActors } from './cases.ts';
import type { Case } from '../../src/case/schema.ts';
import { toModelInput } from '../../src/case/model-input.ts';
import { engines } from '../../src/engines/index.ts';
import type { ModelInput } from '../../src/engines/types.ts';

/** twoActors as of January: b at {60, 40–100}, salience {100, 50–100}; a at 0 with capability {1, 1–3}. */
const january = (): Case => {
  const c = parse(twoActors);
  return { ...c, stances: c.stances.filter((s) => s.date === '2025-01-01') };
};

describe('sensitivity', () => {
  const r = sensitivity(january(), { models: ['compromise'] });

  it('swings each ranged estimate and ranks the swings', () => {
    expect(r.baseline.compromise).toEqual([30]);
    const bars = r.tornado.compromise.map((b) => [b.actor, b.issue, b.field, b.outcomeLow, b.outcomeHigh, b.swing]);
    // b's position 40 → 100: (0 + 40)/2 = 20 to (0 + 100)/2 = 50, swing 30.
    // a's capability 1 → 3: 60/2 = 30 to 60/4 = 15, swing 15.
    // b's salience 50 → 100: 30/1.5 = 20 to 30, swing 10.
    expect(bars).toEqual([
      ['b', 'x', 'position', 20, 50, 30],
      ['a', null, 'capability', 30, 15, 15],
      ['b', 'x', 'salience', 20, 30, 10],
    ]);
    expect(r.tornado.compromise[0].swingPercent).toBe(30);
    // Fixed: b's capability, a's position and a's salience.
    expect(r.fixedEstimates).toBe(3);
  });
});

describe('compareScenarios', () => {
  it('puts each scenario beside the baseline with the difference', () => {
    const r = compareScenarios(january(), { models: ['compromise'] });
    expect(r.scenarios.map((s) => s.scenario)).toEqual([null, 'b-weaker']);
    // Beta's capability 1 → 0.5: (0.5·60)/1.5 = 20, 10 below the baseline 30.
    expect(r.scenarios[1].outcome.compromise[0]).toBeCloseTo(20, 12);
    expect(r.scenarios[1].difference.compromise[0]).toBeCloseTo(-10, 12);
    expect(r.scenarios[1].largestShiftPercent.compromise).toBeCloseTo(10, 12);
    expect(r.scenarios[0].difference.compromise).toEqual([0]);
  });

  it('names the known scenarios for an unknown one', () => {
    expect(() => compareScenarios(january(), { scenarios: ['nope'] })).toThrow(/unknown scenario "nope" \(the case has: b-weaker\)/);
  });
});

describe('timeline', () => {
  it('re-runs the forecast on each date a stance or evidence is dated', () => {
    const r = timeline(parse(twoActors), { models: ['compromise'] });
    expect(r.points.map((p) => [p.date, p.outcome.compromise[0]])).toEqual([
      ['2025-01-01', 30],
      ['2025-01-15', 30],
      // b moves to 80: (0 + 80)/2.
      ['2025-02-01', 40],
    ]);
    expect(r.points[1].changes).toEqual({ stances: [], evidence: ['ev1'] });
    expect(r.points[2].changes.stances).toEqual([{ actor: 'b', issue: 'x' }]);
  });

  it('applies a scenario on every date', () => {
    const r = timeline(parse(twoActors), { models: ['compromise'], scenario: 'b-weaker' });
    expect(r.points.at(-1)!.outcome.compromise[0]).toBeCloseTo(40 / 1.5, 12);
  });
});

describe('sensitivity: one shared ModelInput, one slot swung at a time', () => {
  it('runs the models once for the baseline and once per bound that changes an input slot', () => {
    // A counting engine beside the real ones: it records each input it is given (a copy of the
    // arrays, since the swing happens in place) and returns the compromise forecast.
    const seen: Array<{ input: ModelInput; position: number[]; salience: number[]; capability: number[] }> = [];
    engines.counting = (input, params) => {
      seen.push({ input, position: [...input.position], salience: [...input.salience], capability: [...input.capability] });
      return { ...engines.compromise(input, params), model: 'counting' };
    };
    try {
      const r = sensitivity(january(), { models: ['counting'] });
      // a's capability {1, 1–3}: the low bound is the value (no run); b's position 40–100: two runs;
      // b's salience {100, 50–100}: the high bound is the value (no run). 1 + 0 + 1 + 2 + 1 = 5.
      expect(seen.length).toBe(5);
      expect(new Set(seen.map((s) => s.input)).size).toBe(1);
      // Each run differs from the baseline in one slot only, with the value toModelInput gives.
      const base = toModelInput(january());
      expect(seen[0]).toMatchObject({ position: [...base.position], salience: [...base.salience], capability: [...base.capability] });
      expect(seen.slice(1).map((s) => [s.capability, s.position, s.salience])).toEqual([
        [[3, 1], [0, 60], [1, 1]],
        [[1, 1], [0, 40], [1, 1]],
        [[1, 1], [0, 100], [1, 1]],
        [[1, 1], [0, 60], [1, 0.5]],
      ]);
      // The shared input is restored after the swings.
      expect([...seen[0].input.position]).toEqual([...base.position]);
      expect(r.tornado.counting.map((b) => b.swing)).toEqual([30, 15, 10]);
    } finally {
      delete engines.counting;
    }
  });
});
