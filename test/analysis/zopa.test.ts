import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cheapestMeetingPoint, zoneOfAgreement } from '../../src/analysis/index.ts';
import { parse, threeActors } from './cases.ts';

describe('zoneOfAgreement', () => {
  const z = zoneOfAgreement(parse(threeActors), { models: ['compromise'] });

  it('finds no zone on x, where the two veto lines (≤ 40, ≥ 60) do not meet, and the cheapest move', () => {
    const x = z.issues.find((i) => i.issue === 'x')!;
    expect(x.zone).toBeNull();
    expect(x.vetoHolders).toEqual(['a', 'b']);
    // Meeting at 40 or at 60 costs 20 either way with one line moved; the lower value is chosen.
    expect(x.toOpen).toEqual({ at: 40, between: { min: 40, max: 60 }, totalMovement: 20, moves: [{ actor: 'b', bound: 'min', from: 60, to: 40, by: 20 }] });
  });

  it('bounds y by the veto line only, and reports the non-veto line in the every-actor zone', () => {
    const y = z.issues.find((i) => i.issue === 'y')!;
    expect(y.zone).toEqual({ min: 4, max: 10 });
    expect(y.zoneAllActors).toEqual({ min: 4, max: 9 });
    expect(y.redLines.map((l) => [l.actor, l.veto])).toEqual([['b', false], ['c', true]]);
    expect(y.toOpen).toBeNull();
  });

  it('says no package exists and how much must move in all', () => {
    expect(z.packagesExist).toBe(false);
    expect(z.box).toBeNull();
    expect(z.totalMovement).toBe(20);
  });

  it('places drafts and forecasts against the veto lines', () => {
    const d1 = z.drafts.find((d) => d.id === 'd1')!;
    // x = 70 crosses a's ≤ 40 by 30; y = 3 crosses c's ≥ 4 by 1.
    expect(d1.outside).toEqual([
      { issue: 'x', value: 70, by: 30, point: '1' },
      { issue: 'y', value: 3, by: 1, point: '2' },
    ]);
    const f = z.forecasts[0];
    expect(f.id).toBe('compromise');
    // Compromise on x: (1.6·20 + 0.5·80 + 1·50) / 3.1 = 39.354…, inside a's line but 20.6 below b's.
    expect(f.outside[0].issue).toBe('x');
    expect(f.outside[0].value).toBeCloseTo(122 / 3.1, 12);
    expect(f.outside[0].by).toBeCloseTo(60 - 122 / 3.1, 12);
  });

  it('finds the box when every zone is open', () => {
    const open = parse({ ...threeActors, stances: threeActors.stances!.map((s) => (s.actor === 'b' && s.issue === 'x' ? { ...s, redLine: { min: 30, veto: true } } : s)) });
    const zo = zoneOfAgreement(open, { forecasts: false });
    expect(zo.packagesExist).toBe(true);
    expect(zo.box).toEqual({ x: { min: 30, max: 40 }, y: { min: 4, max: 10 } });
    expect(zo.totalMovement).toBe(0);
  });
});

describe('zone properties', () => {
  const interval = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([p, q]) => ({ min: Math.min(p, q), max: Math.max(p, q) }));

  it('the zone lies inside every veto holder red line, and an empty zone opens at the cheapest point', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ line: interval, veto: fc.boolean() }), { minLength: 1, maxLength: 5 }), (lines) => {
        const c = parse({
          id: 'p',
          title: 'p',
          actors: lines.map((_, i) => ({ id: `a${i}`, name: `A${i}`, kind: 'state' as const, capability: 1 })),
          issues: [{ id: 'x', title: 'X', statusQuo: 0 }],
          stances: lines.map((l, i) => ({ actor: `a${i}`, issue: 'x', position: 50, salience: 50, redLine: { ...l.line, veto: l.veto } })),
        });
        const iz = zoneOfAgreement(c, { forecasts: false }).issues[0];
        const veto = lines.filter((l) => l.veto).map((l) => l.line);
        if (iz.zone) {
          for (const l of veto) {
            expect(iz.zone.min).toBeGreaterThanOrEqual(l.min);
            expect(iz.zone.max).toBeLessThanOrEqual(l.max);
          }
        } else {
          const cost = (x: number) => veto.reduce((s, l) => s + Math.max(0, l.min - x, x - l.max), 0);
          expect(iz.toOpen!.totalMovement).toBeCloseTo(cost(iz.toOpen!.at), 9);
          for (let x = 0; x <= 100; x += 0.5) expect(iz.toOpen!.totalMovement).toBeLessThanOrEqual(cost(x) + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('cheapestMeetingPoint moves two of three lines when the middle one is between them', () => {
    // [0,10], [45,55], [90,100]: meeting at 45 costs 35 (a) + 45 (c) = 80, as does 55; 10 or 90 cost 115; the lower of the ties wins.
    const r = cheapestMeetingPoint([{ actor: 'a', min: 0, max: 10 }, { actor: 'b', min: 45, max: 55 }, { actor: 'c', min: 90, max: 100 }]);
    expect(r.totalMovement).toBe(80);
    expect(r.at).toBe(45);
    expect(r.between).toEqual({ min: 45, max: 55 });
  });
});
