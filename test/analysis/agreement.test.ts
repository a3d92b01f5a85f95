import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_FLOOR,
  PRIORS,
  RULE_QMV,
  RULE_SINGLE,
  RULE_UNANIMITY,
  drawEvidence,
  mixtureQuantiles,
  packAgreementPlan,
  priorProbability,
  slackEvidence,
  zoneKernel,
  type PlanLine,
} from '../../src/analysis/agreement.ts';
import { createRng } from '../../src/engines/random.ts';
import type { ModelInput } from '../../src/engines/types.ts';

const line = (actor: number, min: number, max: number, r: Partial<PlanLine> = {}): PlanLine => ({ actor, minValue: min, minLow: min, minHigh: min, maxValue: max, maxLow: max, maxHigh: max, ...r });
const input = (capability: number[]): ModelInput =>
  ({ actors: [], issues: [], position: new Float64Array(capability.length), salience: new Float64Array(capability.length), capability: Float64Array.from(capability), scaleMin: new Float64Array(1), scaleMax: Float64Array.of(100), statusQuo: new Float64Array(1) }) as ModelInput;

describe('prior', () => {
  it('is c·(1 − 2^(−t/h)): half the ceiling at one half-life, the ceiling in the long run, 0 at t ≤ 0', () => {
    const p = { ceiling: 0.4, halfLifeYears: 2 };
    expect(priorProbability(p, 2)).toBeCloseTo(0.2, 12);
    expect(priorProbability(p, 200)).toBeCloseTo(0.4, 12);
    expect(priorProbability(p, 0)).toBe(0);
    expect(priorProbability(p, -1)).toBe(0);
  });
  it('the EU-legislation base rate is the one derived from DEU III dates', () => {
    expect(PRIORS['eu-legislation']).toMatchObject({ ceiling: 0.915, halfLifeYears: 1.22, derived: true });
    expect(PRIORS.war.derived).toBe(false);
  });
});

describe('evidence', () => {
  it('f(s): 1 for the whole scale, about one half for a zero-width zone, falling by e per τ of gap', () => {
    expect(slackEvidence(1)).toBe(1);
    expect(slackEvidence(0)).toBeCloseTo(0.5, 4);
    // σ(−2)/σ(−1) ≈ e⁻¹ for a far gap: here compare two gaps τ apart.
    expect(slackEvidence(-0.5) / slackEvidence(-0.4)).toBeCloseTo(Math.exp(-1), 2);
  });
  it('the tightest joint issue decides, never below the floor; NaN (decided alone) is skipped', () => {
    expect(drawEvidence([1, 0, NaN])).toBeCloseTo(slackEvidence(0), 12);
    expect(drawEvidence([1, -1])).toBe(EVIDENCE_FLOOR);
    expect(drawEvidence([NaN, NaN])).toBe(1);
  });
});

describe('zone kernel', () => {
  it('unanimity: the intersection of the veto holders’ lines; slack = width or −gap; clamp into it', () => {
    const plan = packAgreementPlan([{ rule: RULE_UNANIMITY, threshold: 1, countThreshold: 0, entries: [line(0, 0, 40), line(1, 30, 100)] }]);
    const z = zoneKernel(plan, [0], [100]);
    const slack = new Float64Array(1);
    z.draw(input([1, 1]), createRng(1, 0), 'triangular', slack, 0);
    expect(slack[0]).toBeCloseTo(0.1, 12);
    expect(z.clamp(0, 80)).toBe(40);
    expect(z.clamp(0, 35)).toBe(35);
    const apart = zoneKernel(packAgreementPlan([{ rule: RULE_UNANIMITY, threshold: 1, countThreshold: 0, entries: [line(0, 0, 25), line(1, 75, 100)] }]), [0], [100]);
    apart.draw(input([1, 1]), createRng(1, 0), 'triangular', slack, 0);
    expect(slack[0]).toBeCloseTo(-0.5, 12);
    expect(apart.clamp(0, 60)).toBe(60); // no zone: the terms stay as forecast
  });

  it('single decider: not joint (NaN)', () => {
    const z = zoneKernel(packAgreementPlan([{ rule: RULE_SINGLE, threshold: 0, countThreshold: 0, entries: [] }]), [0], [100]);
    const slack = new Float64Array(1);
    z.draw(input([1]), createRng(1, 0), 'triangular', slack, 0);
    expect(slack[0]).toBeNaN();
  });

  it('qualified majority: the values a coalition with 65 % of capability and 55 % of members accepts', () => {
    // Four members, capabilities 40, 30, 20, 10. a accepts [0, 50], b [40, 100], c [60, 100], d anything.
    const entries = [line(0, 0, 50), line(1, 40, 100), line(2, 60, 100), line(3, 0, 100)];
    const z = zoneKernel(packAgreementPlan([{ rule: RULE_QMV, threshold: 0.65, countThreshold: 0.55, entries }]), [0], [100]);
    const slack = new Float64Array(1);
    // [40, 50]: a+b+d = 80 % and 3 of 4; [60, 100]: b+c+d = 60 % < 65 %; [0, 40): a+d = 50 %.
    z.draw(input([40, 30, 20, 10]), createRng(1, 0), 'triangular', slack, 0);
    expect(slack[0]).toBeCloseTo(0.1, 12);
    expect(z.clamp(0, 90)).toBe(50);
    // Raise the threshold to 85 %: no coalition; the least uniform movement r joins a, b, c at 55 (r = 5): slack −0.1.
    const strict = zoneKernel(packAgreementPlan([{ rule: RULE_QMV, threshold: 0.85, countThreshold: 0, entries }]), [0], [100]);
    strict.draw(input([40, 30, 20, 10]), createRng(1, 0), 'triangular', slack, 0);
    expect(slack[0]).toBeCloseTo(-0.1, 12);
  });

  it('uncertain red lines are drawn: a range reaching across the gap opens a zone in some draws, never outside the range', () => {
    const plan = packAgreementPlan([{ rule: RULE_UNANIMITY, threshold: 1, countThreshold: 0, entries: [line(0, 0, 40, { maxLow: 20, maxHigh: 70 }), line(1, 50, 100)] }]);
    const z = zoneKernel(plan, [0], [100]);
    const slack = new Float64Array(1);
    let open = 0;
    for (let r = 0; r < 2000; r++) {
      z.draw(input([1, 1]), createRng(7, r), 'triangular', slack, 0);
      expect(slack[0]).toBeGreaterThanOrEqual(-0.3 - 1e-12);
      expect(slack[0]).toBeLessThanOrEqual(0.2 + 1e-12);
      if (slack[0] >= 0) open++;
    }
    // P(max > 50) for triangular(20, 40, 70) = (70 − 50)² / ((70 − 20)(70 − 40)) = 400/1500.
    expect(open / 2000).toBeGreaterThan(0.22);
    expect(open / 2000).toBeLessThan(0.31);
  });
});

describe('mixture quantiles', () => {
  it('a large point mass at the status quo takes the central quantiles; the mean mixes both', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => 50 + i / 10);
    const weights = new Float64Array(100).fill(0.1 / 100);
    const { quantiles, mean } = mixtureQuantiles(values, weights, 0, 0.9, [0.05, 0.5, 0.95, 0.975]);
    expect(quantiles.slice(0, 2)).toEqual([0, 0]);
    expect(quantiles[2]).toBeCloseTo(50 + 49 / 10, 9); // F jumps 0.9 → at the 50th value 0.95
    expect(mean).toBeCloseTo(0.1 * (50 + 4.95), 9);
  });
  it('without the point mass: weighted empirical quantiles', () => {
    const { quantiles } = mixtureQuantiles([3, 1, 2], [1, 1, 2], 99, 0, [0.25, 0.5, 0.75, 1]);
    expect(quantiles).toEqual([1, 2, 2, 3]);
  });
});
