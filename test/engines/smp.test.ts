import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smp, SmpParameterError } from '../../src/engines/smp.ts';
import { interpolateBargain, riskAttitudes, round4, victoryProbability, vote, VR_PROP, VR_BINARY, VR_ASYMPROSP, VPM_LINEAR, VPM_SQUARE, VPM_BINARY, conditionalPce, victoryMatrix, coalitionStrengths, coalitionStrengthsOnLine } from '../../src/engines/smp/kernel.ts';
import { parseKtabCsv } from '../../src/formats/ktab.ts';
import { toModelInput } from '../../src/case/model-input.ts';
import type { EngineResult, ModelInput } from '../../src/engines/types.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { loadCaseFile } from '../../src/case/load.ts';

/** KTAB's printed histories: "Actor, Dim: v v v" and "Actor, prob : p p p" (read in place). */
function parseKtabHistory(text: string): { positions: Map<string, number[][]>; prob: Map<string, number[]>; turns: number } {
  const positions = new Map<string, number[][]>();
  const prob = new Map<string, number[]>();
  let section: 'none' | 'pos' | 'prob' = 'none';
  let states = -1;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const there = /^There were (\d+) states/.exec(line);
    if (there) states = Number(there[1]);
    if (line.startsWith('History of actor positions')) section = 'pos';
    else if (line.startsWith("History of actors' winning probabilities")) section = 'prob';
    else if (section !== 'none') {
      const m = /^([^,]+),\s*(.+?)\s*:\s+([-\d.\s]+)$/.exec(line);
      if (!m) {
        section = 'none';
        continue;
      }
      const values = m[3].trim().split(/\s+/).map(Number);
      if (section === 'pos') {
        if (!positions.has(m[1])) positions.set(m[1], []);
        positions.get(m[1])!.push(values);
      } else prob.set(m[1], values);
    }
  }
  return { positions, prob, turns: states - 1 };
}

function runKtabCsv(name: string, params: Record<string, unknown> = {}): { input: ModelInput; result: EngineResult } {
  const file = referencePath('ktab', name);
  const input = toModelInput(parseKtabCsv(readFileSync(file, 'utf8'), file));
  return { input, result: smp(input, params) };
}

function expectConformance(csv: string, expectedFile: string): void {
  const expected = parseKtabHistory(readFileSync(referencePath('ktab', 'expected', expectedFile), 'utf8'));
  const { input, result } = runKtabCsv(csv);
  expect(result.rounds.length - 1).toBe(expected.turns);
  expect(expected.positions.size).toBe(input.actors.length);
  let worstPosition = 0;
  let worstProbability = 0;
  input.actors.forEach((actor, i) => {
    const dims = expected.positions.get(actor)!;
    expect(dims).toHaveLength(input.issues.length);
    const probs = expected.prob.get(actor)!;
    expect(probs).toHaveLength(result.rounds.length);
    result.rounds.forEach((round, t) => {
      for (let k = 0; k < input.issues.length; k++) worstPosition = Math.max(worstPosition, Math.abs(round.positions[i][k] - dims[k][t]));
      worstProbability = Math.max(worstProbability, Math.abs((round.probabilities as number[])[i] - probs[t]));
    });
  });
  // Printed with one decimal and four decimals: half a unit of the last digit (plus float slack).
  expect(worstPosition).toBeLessThanOrEqual(0.05 + 1e-9);
  expect(worstProbability).toBeLessThanOrEqual(5e-5 + 1e-12);
}

describeWithReference('smp conformance with KTAB (reference/ktab/expected)', () => {
  it('dummyData_3Dim: 10 turns, positions and probabilities as our run of KTAB printed them', () => {
    expectConformance('dummyData_3Dim.csv', 'dummyData_3Dim.summary.txt');
  });
  it("dummyData_3Dim: as KTAB's own 2017 reference log", () => {
    expectConformance('dummyData_3Dim.csv', '20170530_ref-dummyData_3Dim.txt');
  });
  it('SOE-Pol-Comp: 27 turns, positions and probabilities as KTAB printed them', () => {
    expectConformance('SOE-Pol-Comp.csv', 'SOE-Pol-Comp.summary.txt');
  });
  it("SOE-Pol-Comp: as KTAB's own 2017 reference log", () => {
    expectConformance('SOE-Pol-Comp.csv', '20170530_ref-SOE-Pol-Comp.txt');
  });

  it("reproduces KTAB's turn-1 log: risk attitudes and actor 0's challenge of actor 6", () => {
    const { result } = runKtabCsv('dummyData_3Dim.csv');
    // "Inferred risk attitudes: -0.500 -0.459 -0.499 -0.274 +1.000 -0.232 -0.430"
    const r = result.rounds[0].riskAttitudes as number[];
    [-0.5, -0.459, -0.499, -0.274, 1.0, -0.232, -0.43].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 3));
    // "Est by 0 of prob 0.7643 that [ 0> 6], with expected gain to 0 of +0.0947"
    const move = result.rounds[1].moves.find((mv) => mv.actor === 0 && mv.issue === 0)!;
    expect(move.detail?.target).toBe('SActor-06');
    expect(move.detail?.probabilityOfWinning as number).toBeCloseTo(0.7643, 4);
    expect(move.detail?.expectedGain as number).toBeCloseTo(0.0947, 4);
    // "Chosen bargain: 1022" — the bargain 4 offered 0: 0 adopts (79.54, 44.71, 72.05).
    expect(result.rounds[1].positions[0]).toEqual([79.54, 44.71, 72.05].map((v) => expect.closeTo(v, 9)));
    expect(move.why).toMatch(/SActor-00 challenged SActor-06 .*adopted the bargain offered by SActor-04/);
    // Actor 2 (most extreme) targets actor 6 with P 0.8334, gain 0.4711; nobody's bargain beats staying put.
    const m2 = result.rounds[1].moves.find((mv) => mv.actor === 2)!;
    expect(m2.detail?.target).toBe('SActor-06');
    expect(m2.detail?.probabilityOfWinning as number).toBeCloseTo(0.8334, 4);
    expect(m2.detail?.expectedGain as number).toBeCloseTo(0.4711, 4);
  });

  it('the forecast is the probability-weighted position; modal is the most probable one', () => {
    const { result } = runKtabCsv('dummyData_3Dim.csv');
    const last = result.rounds[result.rounds.length - 1];
    const probs = last.probabilities as number[];
    // Final state: SActor-05 holds the most probable position (0.4009).
    expect(last.modal).toEqual(last.positions[5]);
    expect(result.params.modal).toEqual(last.modal);
    // Distinct positions' probabilities sum to 1, so the expectation lies inside the positions' range.
    for (let k = 0; k < 3; k++) {
      const col = last.positions.map((p) => p[k]);
      expect(result.outcome[k]).toBeGreaterThanOrEqual(Math.min(...col) - 1e-9);
      expect(result.outcome[k]).toBeLessThanOrEqual(Math.max(...col) + 1e-9);
    }
    expect(Math.max(...probs)).toBeCloseTo(0.4009, 4);
  });

  it('one-dimensional shortcut: same turns and positions as the direct sums, probabilities within 1e-11 (a080)', () => {
    const fast = runKtabCsv('dummyData-a080.csv').result;
    const direct = runKtabCsv('dummyData-a080.csv', { lineShortcut: false }).result;
    expect(fast.rounds.length).toBe(direct.rounds.length);
    fast.rounds.forEach((r, t) => {
      expect(r.positions).toEqual(direct.rounds[t].positions);
      (r.probabilities as number[]).forEach((p, i) => expect(Math.abs(p - (direct.rounds[t].probabilities as number[])[i])).toBeLessThan(1e-11));
    });
  }, 60_000);

  it('gives identical results for any number of worker threads (a080)', () => {
    const one = runKtabCsv('dummyData-a080.csv', { threads: 1 }).result;
    const three = runKtabCsv('dummyData-a080.csv', { threads: 3 }).result;
    expect(three.rounds.length).toBe(one.rounds.length);
    expect(three.rounds.map((r) => [r.positions, r.probabilities])).toEqual(one.rounds.map((r) => [r.positions, r.probabilities]));
  }, 60_000);
});

function randomInput(n: number, m: number, seed: number): ModelInput {
  let s = seed >>> 0 || 1;
  const rnd = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
  const f = (g: () => number) => Float64Array.from({ length: n * m }, g);
  const caps = Array.from({ length: n }, () => 1 + 99 * rnd());
  return {
    actors: Array.from({ length: n }, (_, i) => `A${i}`),
    issues: Array.from({ length: m }, (_, k) => `I${k}`),
    position: f(() => Math.round(1000 * rnd()) / 10),
    salience: f(() => (0.1 + 0.8 * rnd()) / m),
    capability: Float64Array.from({ length: n * m }, (_, j) => caps[Math.floor(j / m)]),
    scaleMin: new Float64Array(m),
    scaleMax: new Float64Array(m).fill(100),
    statusQuo: new Float64Array(m).fill(NaN),
  };
}

describe('smp kernel (hand-computed values)', () => {
  it('votes: proportional, binary, asymmetric prospect', () => {
    expect(vote(VR_PROP, 2, 0.9, 0.6)).toBeCloseTo(0.6, 15);
    expect(vote(VR_BINARY, 2, 0.9, 0.6)).toBe(2);
    expect(vote(VR_ASYMPROSP, 3, 0.9, 0.6)).toBeCloseTo(0.6, 15); // gains count two thirds
    expect(vote(VR_ASYMPROSP, 3, 0.6, 0.9)).toBeCloseTo(-0.9, 15);
  });
  it('victory probabilities: linear, square, binary band', () => {
    expect(victoryProbability(VPM_LINEAR, 3, 1)).toBe(0.75);
    expect(victoryProbability(VPM_SQUARE, 3, 1)).toBe(0.9);
    expect(victoryProbability(VPM_BINARY, 1.2, 1)).toBeCloseTo(1 / (1 + 1e-6), 12);
    // inside the 10% band: r = 1.05/2.05, p = (r·2.1 − 1)/0.1
    expect(victoryProbability(VPM_BINARY, 1.05, 1)).toBeCloseTo(((1.05 / 2.05) * 2.1 - 1) / 0.1, 12);
  });
  it('conditional PCE: three voters, three options', () => {
    // Utilities (voter × option): voter 0 likes A, voter 1 likes B, voter 2 splits A/B over C.
    const util = Float64Array.from([
      /* A */ 1, 0, 0.5,
      /* B */ 0, 1, 0.5,
      /* C */ 0.5, 0.5, 0,
    ]);
    const c = coalitionStrengths(3, 3, [1, 1, 2], util, VR_PROP);
    // c(A,C) = 1e-8 + 1·0.5 + 2·0.5 = 1.5 + 1e-8; c(C,A) = 1e-8 + 1·0.5 = 0.5 + 1e-8
    expect(c[0 * 3 + 2]).toBeCloseTo(1.5, 7);
    expect(c[2 * 3 + 0]).toBeCloseTo(0.5, 7);
    const p = conditionalPce(victoryMatrix(c, 3, VPM_LINEAR), 3);
    // P(A>B) = 0.5, P(A>C) = 0.75: p_A ∝ 0.5·0.5·0.75, p_B the same, p_C ∝ 0.5·0.25·0.25
    const raw = [0.1875, 0.1875, 0.03125];
    const total = raw.reduce((a, b) => a + b);
    raw.forEach((v, i) => expect(p[i]).toBeCloseTo(v / total, 6));
  });
  it('risk attitudes span [−0.5, 1] with BigRRange Mid', () => {
    const r = riskAttitudes(Float64Array.from([0.1, 0.2, 0.7]), 1);
    expect(r[0]).toBeCloseTo(-0.5, 15);
    expect(r[2]).toBeCloseTo(1, 15);
    expect(r[1]).toBeCloseTo((0.6 - 0.7 - 0.2) / 1.2, 15);
  });
  it('S2P2 bargain: squared salience × probability weights, rounded to 4 decimals', () => {
    // w_i = (0.5·0.8)² = 0.16, w_j = (0.5·0.2)² = 0.01: (0.16·0.2 + 0.01·0.8)/0.17 = 0.23529…
    const [bi, bj] = interpolateBargain(1, 0.2, 0.5, 0.8, 0.8, 0.5, 0.2);
    expect(bi).toBe(0.2353);
    expect(bj).toBe(0.2353);
    expect(round4(0.12345)).toBe(0.1235);
  });
});

describe('coalitions on a line (prefix sums) equal the direct sums', () => {
  it('for random voters, weights, risk attitudes and options, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ y: fc.integer({ min: 0, max: 20 }), w: fc.double({ min: 0, max: 5, noNaN: true }), r: fc.double({ min: -1, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 8 }),
        (voters, opts) => {
          const y = voters.map((v) => v.y / 20);
          const x = opts.map((o) => o / 20);
          const util = new Float64Array(x.length * voters.length);
          x.forEach((xa, a) => voters.forEach((v, k) => (util[a * voters.length + k] = (1 - Math.abs(y[k] - xa)) * (1 + Math.abs(y[k] - xa) * v.r))));
          const w = voters.map((v) => v.w);
          const direct = coalitionStrengths(voters.length, x.length, w, util, VR_PROP);
          const line = coalitionStrengthsOnLine(y, w, voters.map((v) => v.r), x);
          direct.forEach((c, q) => expect(Math.abs(line[q] - c)).toBeLessThan(1e-12 * (1 + c) * 100));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('smp engine properties', () => {
  it('same input, same numbers bit for bit', () => {
    const inp = randomInput(12, 2, 7);
    expect(smp(inp)).toEqual(smp(inp));
  });
  it('stochastic transitions: seeded and reproducible', () => {
    const inp = randomInput(10, 2, 11);
    const a = smp(inp, { StateTransitions: 'Stochastic', seed: 5 });
    const b = smp(inp, { StateTransitions: 'Stochastic', seed: 5 });
    expect(a).toEqual(b);
    expect(a.params.StateTransitions).toBe('Stochastic');
  });
  it('rejects unknown parameter values with the allowed ones', () => {
    expect(() => smp(randomInput(4, 1, 1), { VotingRule: 'Plurality' })).toThrow(SmpParameterError);
    expect(() => smp(randomInput(4, 1, 1), { VotingRule: 'Plurality' })).toThrow(/allowed: Binary, PropBin, Proportional/);
    expect(() => smp(randomInput(4, 1, 1), { maxTurns: 0 })).toThrow(/maxTurns/);
  });
  it('every parameter combination keeps positions on the scale and probabilities in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 3, max: 8 }),
          m: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer({ min: 1, max: 1e6 }),
          VictoryProbModel: fc.constantFrom('Linear', 'Square', 'Quartic', 'Octic', 'Binary'),
          VotingRule: fc.constantFrom('Binary', 'PropBin', 'Proportional', 'PropCbc', 'Cubic', 'ASymProsp'),
          PCEModel: fc.constantFrom('Conditional', 'MarkovIncentive', 'MarkovUniform'),
          StateTransitions: fc.constantFrom('Deterministic', 'Stochastic'),
          BigRRange: fc.constantFrom('Min', 'Mid', 'Max'),
          BigRAdjust: fc.constantFrom('Full', 'TwoThirds', 'Half', 'OneThird', 'No'),
          ThirdPartyCommit: fc.constantFrom('NoCommit', 'SemiCommit', 'FullCommit'),
          InterVecBrgn: fc.constantFrom('S1P1', 'S2P2', 'S2PMax'),
          BargnModel: fc.constantFrom('InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'),
        }),
        ({ n, m, seed, ...params }) => {
          const r = smp(randomInput(n, m, seed), { ...params, maxTurns: 8, seed });
          expect(r.rounds.length).toBeLessThanOrEqual(9);
          for (const round of r.rounds) {
            for (const row of round.positions) for (const v of row) expect(v >= 0 && v <= 100).toBe(true);
            for (const p of round.probabilities as number[]) expect(p >= 0 && p <= 1 + 1e-12).toBe(true);
          }
          for (const v of r.outcome) expect(Number.isFinite(v)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('three dimensions, 200 actors: identical with 1 and 3 threads (challenges and coalition sums shared out)', () => {
    const inp = randomInput(200, 3, 17);
    const one = smp(inp, { maxTurns: 3 });
    const three = smp(inp, { maxTurns: 3, threads: 3 });
    expect(three.rounds.map((r) => [r.positions, r.probabilities, r.moves.map((mv) => mv.why)])).toEqual(one.rounds.map((r) => [r.positions, r.probabilities, r.moves.map((mv) => mv.why)]));
  }, 60_000);
  it('a lone actor is its own forecast', () => {
    const r = smp(randomInput(1, 2, 9));
    expect(r.outcome).toEqual(r.rounds[0].positions[0]);
    expect(r.rounds).toHaveLength(1);
    expect(r.rounds[0].probabilities).toEqual([1]);
  });
  it('positions on other scales are converted to 0–1 and back', () => {
    const inp = randomInput(6, 2, 3);
    const shifted: ModelInput = { ...inp, position: inp.position.map((v) => -50 + v * 2), scaleMin: Float64Array.of(-50, -50), scaleMax: Float64Array.of(150, 150) };
    const a = smp(inp);
    const b = smp(shifted);
    expect(b.rounds.length).toBe(a.rounds.length);
    b.outcome.forEach((v, k) => expect(v).toBeCloseTo(-50 + 2 * a.outcome[k], 9));
  });
});

describe('smp with explain: false (Monte Carlo)', () => {
  /** Same outcome bit for bit (Object.is: equal doubles, −0 apart from +0) and the same params. */
  const expectSameOutcome = (lean: EngineResult, full: EngineResult) => {
    expect(lean.outcome).toHaveLength(full.outcome.length);
    lean.outcome.forEach((o, k) => expect(Object.is(o, full.outcome[k]), `issue ${k}: ${o} vs ${full.outcome[k]}`).toBe(true));
    expect(lean.params).toEqual(full.params);
    expect(lean.rounds).toEqual([]);
  };
  it('examples/ukraine-2025.yaml: the same outcome and params, no rounds', async () => {
    const input = toModelInput(await loadCaseFile(new URL('../../examples/ukraine-2025.yaml', import.meta.url).pathname));
    expect([input.actors.length, input.issues.length]).toEqual([6, 13]);
    const full = smp(input);
    expect(full.rounds.length).toBeGreaterThan(2);
    expect(full.rounds.slice(1).some((r) => r.moves.some((mv) => mv.from !== mv.to))).toBe(true);
    expectSameOutcome(smp(input, { explain: false }), full);
    expect(full.outcome).toEqual(full.rounds[full.rounds.length - 1].outcome);
    expect(JSON.stringify(smp(input, { explain: true }))).toBe(JSON.stringify(full));
  });
  it('every parameter combination: the same outcome bit for bit (positions on a coarse grid, so ties are common)', () => {
    fc.assert(
      fc.property(
        fc.record({
          n: fc.integer({ min: 2, max: 9 }),
          m: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer({ min: 1, max: 1e6 }),
          maxTurns: fc.integer({ min: 1, max: 12 }),
          VictoryProbModel: fc.constantFrom('Linear', 'Square', 'Binary'),
          VotingRule: fc.constantFrom('Binary', 'Proportional', 'PropCbc', 'ASymProsp'),
          PCEModel: fc.constantFrom('Conditional', 'MarkovIncentive', 'MarkovUniform'),
          StateTransitions: fc.constantFrom('Deterministic', 'Stochastic'),
          BargnModel: fc.constantFrom('InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'),
        }),
        ({ n, m, seed, ...params }) => {
          const inp = randomInput(n, m, seed);
          const coarse: ModelInput = { ...inp, position: inp.position.map((v) => Math.round(v / 25) * 25) };
          for (const input of [inp, coarse]) expectSameOutcome(smp(input, { ...params, seed, explain: false }), smp(input, { ...params, seed }));
        },
      ),
      { numRuns: 80 },
    );
  });
  it('80 actors on worker threads: the same outcome as one thread with explanations', () => {
    const inp = randomInput(80, 2, 23);
    expectSameOutcome(smp(inp, { maxTurns: 4, threads: 2, explain: false }), { ...smp(inp, { maxTurns: 4 }), params: smp(inp, { maxTurns: 4, threads: 2 }).params });
  }, 60_000);
});

