/**
 * The analyses on the project's own example, examples/ukraine-2025.yaml: the findings the product
 * promises (the 28-point plan crosses Ukraine's territorial red line, the E3 counter-proposal
 * crosses Russia's, and no zone of agreement exists on Donbas).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDrafts, diffDrafts, forecastCase, sensitivity, zoneOfAgreement } from '../../src/analysis/index.ts';
import { loadCaseFile } from '../../src/case/load.ts';
import { projectRoot } from '../helpers/reference.ts';

const ukraine = await loadCaseFile(join(projectRoot, 'examples/ukraine-2025.yaml'));

describe('examples/ukraine-2025.yaml', () => {
  const checks = checkDrafts(ukraine, { models: ['compromise'] });
  const crossings = (draft: string) => checks.drafts.find((d) => d.draft === draft)!.crossings.filter((x) => x.veto);

  it("the 28-point draft crosses Ukraine's red line on territory", () => {
    const donbas = crossings('us-28-point').find((x) => x.issue === 'donbas' && x.actor === 'ukraine');
    // Against Kyiv's first recorded line (21 Nov, ≤ 25: the constitution bars ceding territory); its line of 23 Dec (≤ 50) is crossed too.
    expect(donbas).toMatchObject({ bound: 'max', value: 95, limit: 25, by: 70 });
    const today = checkDrafts(ukraine, { models: ['compromise'], against: 'latest', drafts: ['us-28-point'] }).drafts[0];
    expect(today.crossings.find((x) => x.issue === 'donbas' && x.actor === 'ukraine')).toMatchObject({ bound: 'max', value: 95, limit: 50, by: 45 });
    expect(crossings('us-28-point').some((x) => x.actor === 'russia' && x.issue === 'donbas')).toBe(false);
  });

  it("the E3 counter-proposal crosses Russia's", () => {
    const donbas = crossings('e3-counter-proposal').find((x) => x.issue === 'donbas' && x.actor === 'russia');
    expect(donbas).toMatchObject({ bound: 'min', value: 25, limit: 75, by: 50 });
    expect(crossings('e3-counter-proposal').some((x) => x.actor === 'ukraine' && x.issue === 'donbas')).toBe(false);
  });

  it('checks the Geneva text of 24 Nov against the lines of 24 Nov, not the guarantees line Kyiv drew on 14 Dec', () => {
    const geneva = checks.drafts.find((d) => d.draft === 'geneva-19-point')!;
    expect(geneva.linesAsOf).toBe('2025-11-24');
    expect(geneva.crossings.some((x) => x.actor === 'ukraine' && x.issue === 'security-guarantees')).toBe(false);
    const today = checkDrafts(ukraine, { models: ['compromise'], against: 'latest', drafts: ['geneva-19-point'] }).drafts[0];
    expect(today.linesAsOf).toBeNull();
    expect(today.crossings.find((x) => x.actor === 'ukraine' && x.issue === 'security-guarantees')).toMatchObject({ veto: true, bound: 'min', value: 65, limit: 75 });
  });

  it('has no zone of agreement on Donbas: one of the two veto lines must move by 25', () => {
    const donbas = zoneOfAgreement(ukraine, { forecasts: false }).issues.find((i) => i.issue === 'donbas')!;
    expect(donbas.zone).toBeNull();
    expect(donbas.vetoHolders.sort()).toEqual(['russia', 'ukraine']);
    expect(donbas.toOpen!.totalMovement).toBe(25);
    expect(donbas.toOpen!.between).toEqual({ min: 50, max: 75 });
  });

  it('aligns the rewritten territorial point 21 of the two drafts, Russia losing and Ukraine gaining on Donbas', () => {
    const diff = diffDrafts(ukraine, 'us-28-point', 'e3-counter-proposal');
    const p21 = diff.points.find((p) => p.numberA === '21')!;
    expect(p21.numberB).toBe('21');
    expect(p21.status).toBe('modified');
    const donbas = p21.valueChanges.find((c) => c.issue === 'donbas')!;
    expect([donbas.from, donbas.to]).toEqual([95, 25]);
    const gain = Object.fromEntries(donbas.gains.map((g) => [g.actor, g.change]));
    expect(gain.russia).toBeLessThan(0);
    expect(gain.ukraine).toBeGreaterThan(0);
  });

  it('swings each estimate in the shared input exactly as rebuilding the case with that estimate pinned does', () => {
    // The reference path: the whole case turned into arrays again, with one estimate at its bound
    // (toModelInput's own clamping applies), for every ranged estimate of the case.
    const models = ['compromise', 'median'];
    const r = sensitivity(ukraine, { models });
    expect(r.entries.length).toBeGreaterThan(100);
    for (const e of r.entries) {
      for (const bound of ['low', 'high'] as const) {
        const pinned = forecastCase(ukraine, { models }, (est, where) =>
          where.actor === e.actor && where.field === e.field && (where.issue ?? null) === e.issue ? e[bound] : est.value,
        ).results;
        models.forEach((m, j) => expect(e.outcomes[m][bound]).toEqual(pinned[j].outcome));
      }
    }
  });
});
