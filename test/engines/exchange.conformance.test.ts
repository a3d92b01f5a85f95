/**
 * The exchange engine against decide-exchange-model's own outputs (../shared/reference/decide):
 * the legacy CoP21 compare file and the round-by-round JSON dumps in `expected/`.
 *
 * decide breaks exact ties between the two best exchanges with Python's `random.random()`
 * (`EqualGainModel.highest_gain`); the dumps' runs seeded it with 1. In decide's own arithmetic
 * (`arithmetic: 'decimal'`) with that coin (`tieBreak: 'python', seed: 1`) every dump is reproduced
 * in full. The fast doubles engine is held to what doubles can follow: round 1 with the tie
 * decisions replayed (`tieChoices`, 0 = the first listed, 1 = the second) and the counts of rounds 1-4.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { toModelInput } from '../../src/case/model-input.ts';
import { exchange, type RealizedExchange } from '../../src/engines/exchange.ts';
import type { ModelInput } from '../../src/engines/types.ts';
import { parseDecide } from '../../src/formats/decide.ts';
import { referencePath } from '../helpers/reference.ts';
import { describeWithReferenceFiles } from '../helpers/reference-files.ts';

interface Dump {
  exchanges_per_round: number[];
  nbs_start: Record<string, number>;
  nbs_after_last_round: Record<string, number>;
  /** [i, supply_i "name [lo - hi]", j, supply_j, gain, x_i, y_i, x_j, y_j] on decide's 0-100 scale. */
  round1_exchanges: [string, string, string, string, number, number, number, number, number][];
}

const load = (file: string): ModelInput => {
  const path = referencePath('decide', file);
  return toModelInput(parseDecide(readFileSync(path, 'utf8'), path));
};
const dump = (file: string): Dump => JSON.parse(readFileSync(referencePath('decide', 'expected', file), 'utf8')) as Dump;
/** decide prints every value on its 0-100 normalized scale. */
const normalized = (mi: ModelInput, k: number, v: number) => ((v - mi.scaleMin[k]) * 100) / (mi.scaleMax[k] - mi.scaleMin[k]);
/** decide labels issues "name [lo - hi]". */
const issueName = (label: string) => label.replace(/ \[[^\]]*\]$/, '');

function expectRound1(mi: ModelInput, got: RealizedExchange[], want: Dump['round1_exchanges']): void {
  expect(got).toHaveLength(want.length);
  got.forEach((ex, n) => {
    const [i, supplyI, j, supplyJ, gain, xi, yi, xj, yj] = want[n];
    expect([ex.i, ex.supplyI, ex.j, ex.supplyJ], `exchange ${n + 1}`).toEqual([i, issueName(supplyI), j, issueName(supplyJ)]);
    expect(Math.abs(ex.gain - gain), `gain of exchange ${n + 1}`).toBeLessThan(1e-9);
    const q = mi.issues.indexOf(ex.supplyI);
    const p = mi.issues.indexOf(ex.supplyJ);
    const pos = [normalized(mi, q, ex.fromI), normalized(mi, q, ex.toI), normalized(mi, p, ex.fromJ), normalized(mi, p, ex.toJ)];
    pos.forEach((v, c) => expect(Math.abs(v - [xi, yi, xj, yj][c]), `positions of exchange ${n + 1}`).toBeLessThan(1e-6));
  });
}

function expectOutcome(mi: ModelInput, outcome: number[], want: Record<string, number>): void {
  const values = Object.values(want);
  expect(values).toHaveLength(mi.issues.length);
  outcome.forEach((v, k) => expect(Math.abs(normalized(mi, k, v) - values[k]), mi.issues[k]).toBeLessThan(1e-6));
}

const FILES = ['legacy/CoP21_2016-08.csv', 'CoP21.compare.csv', 'sample_data.txt', 'copenhagen.csv', 'expected/cop21_2016_r1.json', 'expected/sample_data_r10.json', 'expected/copenhagen_r10.json'].map((f) => `decide/${f}`);

describeWithReferenceFiles('exchange conformance: decide-exchange-model', FILES, () => {
  // Read when the tests run, not while Vitest collects them: without ../shared the suite is
  // skipped (describeWithReferenceFiles) and nothing here may touch the missing files.
  let cop21: ModelInput;
  beforeAll(() => {
    cop21 = load('legacy/CoP21_2016-08.csv');
  });
  const cop21Ties = [0, 1, 0, 0, 0, 0, 1, 1, 0];

  it('CoP21: the first 36 realized exchanges of round 1 match CoP21.compare.csv in order, gains within 1e-5', () => {
    const rows = readFileSync(referencePath('decide', 'CoP21.compare.csv'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => l.split(';'));
    const got = exchange(cop21, { rounds: 1, tieChoices: cop21Ties, tieBreak: 'first' }).rounds[1].exchanges as RealizedExchange[];
    expect(got.length).toBeGreaterThanOrEqual(36);
    for (let n = 0; n < 36; n++) {
      const [a, supplyA, b, supplyB, gain] = rows[n];
      const ex = got[n];
      // The legacy file lists the pair in either order.
      const pair = [`${ex.i}/${ex.supplyI}`, `${ex.j}/${ex.supplyJ}`].sort();
      expect(pair, `exchange ${n + 1}`).toEqual([`${a}/${supplyA}`, `${b}/${supplyB}`].sort());
      expect(Math.abs(ex.gain - Number(gain)), `gain of exchange ${n + 1}`).toBeLessThan(1e-5);
    }
  });

  it('CoP21 (2016): all 126 exchanges of round 1 and the outcome after it (cop21_2016_r1.json)', () => {
    const want = dump('cop21_2016_r1.json');
    const r = exchange(cop21, { rounds: 1, tieChoices: cop21Ties, tieBreak: 'first' });
    expectOutcome(cop21, r.rounds[0].outcome, want.nbs_start);
    expect((r.rounds[1].exchanges as unknown[]).length).toBe(want.exchanges_per_round[0]);
    expectRound1(cop21, r.rounds[1].exchanges as RealizedExchange[], want.round1_exchanges);
    expectOutcome(cop21, r.outcome, want.nbs_after_last_round);
  });

  it('CoP21 (2016) in decimals: all 126 exchanges of round 1 and the outcome after it (cop21_2016_r1.json)', () => {
    const want = dump('cop21_2016_r1.json');
    // In decimals the ties fall where decide's own arithmetic puts them: 9, flipped by decide's coin
    // seeded with 1 as in the other dumps (the doubles' replay above needs one coin the other way).
    const r = exchange(cop21, { rounds: 1, arithmetic: 'decimal', tieBreak: 'python', seed: 1 });
    expect(r.rounds[1].ties).toBe(9);
    expectOutcome(cop21, r.rounds[0].outcome, want.nbs_start);
    expectRound1(cop21, r.rounds[1].exchanges as RealizedExchange[], want.round1_exchanges);
    expectOutcome(cop21, r.outcome, want.nbs_after_last_round);
  });

  it('sample_data.txt: start outcome and all 39 exchanges of round 1 (sample_data_r10.json)', () => {
    const mi = load('sample_data.txt');
    const want = dump('sample_data_r10.json');
    const r = exchange(mi, { rounds: 1, tieChoices: [0], tieBreak: 'first' });
    expectOutcome(mi, r.rounds[0].outcome, want.nbs_start);
    expectRound1(mi, r.rounds[1].exchanges as RealizedExchange[], want.round1_exchanges);
  });

  it('copenhagen.csv: start outcome and all 48 exchanges of round 1 (copenhagen_r10.json)', () => {
    const mi = load('copenhagen.csv');
    const want = dump('copenhagen_r10.json');
    const r = exchange(mi, { rounds: 1, tieChoices: [0, 1, 1, 0, 0, 0, 1, 1], tieBreak: 'first' });
    expectOutcome(mi, r.rounds[0].outcome, want.nbs_start);
    expectRound1(mi, r.rounds[1].exchanges as RealizedExchange[], want.round1_exchanges);
    // The second exchange is a tie between two identical actors: the other coin gives the other one.
    const other = exchange(mi, { rounds: 1, tieChoices: [1], tieBreak: 'first' }).rounds[1].exchanges as RealizedExchange[];
    expect([other[1].j, want.round1_exchanges[1][2]]).toEqual(['Alliance of Small Island States', 'Least Developed Countries']);
  });

  // decide computes in 28-digit decimals: gains equal in exact arithmetic tie or not by their last
  // digit, and its list is re-sorted in place before every pick. `arithmetic: 'decimal'` does the
  // same, operation for operation. The dumps' runs flipped decide's coin with Python's `random`
  // seeded with 1 (the coins a search recovered for sample_data are exactly that stream's first 17);
  // `tieBreak: 'python'` draws the same coins, so the whole runs are reproduced.
  const decideRun = { arithmetic: 'decimal', tieBreak: 'python', seed: 1 } as const;
  for (const [file, fixture, ties] of [
    ['sample_data.txt', 'sample_data_r10.json', [1, 2, 4, 1, 5, 1, 1, 2, 0, 0]],
    ['copenhagen.csv', 'copenhagen_r10.json', [8, 6, 6, 5, 7, 7, 4, 1, 0, 1]],
  ] as const) {
    it(`${file} in decimals, decide's coin seeded with 1: all 10 rounds of ${fixture} (counts, round 1, outcome within 1e-6)`, () => {
      const mi = load(file);
      const want = dump(fixture);
      const r = exchange(mi, { rounds: 10, ...decideRun });
      expect(r.rounds.slice(1).map((rd) => (rd.exchanges as unknown[]).length)).toEqual(want.exchanges_per_round);
      expect(r.rounds.slice(1).map((rd) => rd.ties)).toEqual(ties);
      expectOutcome(mi, r.rounds[0].outcome, want.nbs_start);
      expectRound1(mi, r.rounds[1].exchanges as RealizedExchange[], want.round1_exchanges);
      expectOutcome(mi, r.outcome, want.nbs_after_last_round);
    });
  }

  it('sample_data.txt: the coins replayed one by one give the same run; another coin, another run', () => {
    const mi = load('sample_data.txt');
    const seeded = exchange(mi, { rounds: 10, ...decideRun });
    const replayed = exchange(mi, { rounds: 10, arithmetic: 'decimal', tieChoices: [0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0], tieBreak: 'first' });
    expect(replayed.outcome).toEqual(seeded.outcome);
    const other = exchange(mi, { rounds: 10, arithmetic: 'decimal', tieChoices: [0, 1, 1, 0, 1], tieBreak: 'first' });
    expect(Math.max(...other.outcome.map((v, k) => Math.abs(v - seeded.outcome[k])))).toBeGreaterThan(1e-3);
  });

  // The doubles engine beyond round 1: with replayed tie decisions the exchange counts of rounds 1-4
  // match both 10-round dumps; later, gains equal in exact arithmetic are ordered by decide's 28th
  // digit, which doubles cannot follow (the README's exchange-model "Conformance" section). The
  // decimal engine above reproduces the full runs.
  it('sample_data.txt: exchange counts of rounds 1-4 of the 10-round run (sample_data_r10.json)', () => {
    const mi = load('sample_data.txt');
    const want = dump('sample_data_r10.json');
    const r = exchange(mi, { rounds: 4, tieChoices: [0, 0, 0, 1, 0, 1, 0], tieBreak: 'first' });
    expect(r.rounds.slice(1).map((rd) => (rd.exchanges as unknown[]).length)).toEqual(want.exchanges_per_round.slice(0, 4));
  });

  it('copenhagen.csv: exchange counts of rounds 1-4 of the 10-round run (copenhagen_r10.json)', () => {
    const mi = load('copenhagen.csv');
    const want = dump('copenhagen_r10.json');
    const ties = [0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
    const r = exchange(mi, { rounds: 4, tieChoices: ties, tieBreak: 'first' });
    expect(r.rounds.slice(1).map((rd) => (rd.exchanges as unknown[]).length)).toEqual(want.exchanges_per_round.slice(0, 4));
  });
});
