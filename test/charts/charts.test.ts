/**
 * Snapshot tests of the charts: each rendered to SVG in Node (linkedom) and compared with the
 * checked-in file under __snapshots__ (TZ is pinned to UTC by the test runner). A new chart writes
 * its snapshot on the first run outside CI; under CI a missing snapshot fails.
 */
import { describe, expect, it } from 'vitest';
import { sensitivity, simulate, timeline, zoneOfAgreement, forecastCase } from '../../src/analysis/index.ts';
import { positionMap, quantileChart, renderSvg, timelineChart, tornadoChart } from '../../src/charts/index.ts';
import { nodeDocument } from '../../src/charts/node-document.ts';
import { parse, threeActors, twoActors } from '../analysis/cases.ts';

const c = parse(threeActors);
const doc = nodeDocument();

describe('charts', () => {
  it('position map: actors, red-line bands, drafts, forecasts with Monte Carlo intervals', async () => {
    const sim = await simulate(c, { runs: 300, seed: 1, workers: 1, models: ['compromise'] });
    const forecasts = Object.fromEntries(forecastCase(c, { models: ['compromise'] }).results.map((r) => [r.model, r.outcome]));
    const svg = renderSvg(positionMap(c, 'y', { zone: zoneOfAgreement(c, { forecasts: false }), forecasts, simulation: sim }), doc);
    expect(svg).toContain('draft: First draft');
    expect(svg).toContain('model: compromise');
    await expect(svg).toMatchFileSnapshot('./__snapshots__/position-map.svg');
  });

  it('tornado', async () => {
    const two = parse(twoActors);
    const svg = renderSvg(tornadoChart(sensitivity({ ...two, stances: two.stances.filter((s) => s.date === '2025-01-01') }, { models: ['compromise'] }), 'compromise'), doc);
    // Three bars: b's position, a's capability, b's salience.
    expect(svg.match(/<rect /g)?.length).toBe(3);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/tornado.svg');
  });

  it('timeline', async () => {
    const two = parse(twoActors);
    const svg = renderSvg(timelineChart(timeline(two, { models: ['compromise'] }), 'compromise', { x: { min: 0, max: 100 } }), doc);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/timeline.svg');
  });

  it('timeline: one panel per issue named by title, events inside the span as rules in every panel', () => {
    const two = parse(twoActors);
    const t = timeline(two, { models: ['compromise'] });
    const events = [
      { date: '2025-01-20', title: 'Talks in Geneva' },
      { date: '2024-06-01', title: 'Before the first estimate' },
    ];
    const svg = renderSvg(timelineChart(t, 'compromise', { x: { min: 0, max: 100, unit: 'km' } }, { events, titles: { x: 'Territory' }, width: 400 }), doc);
    expect(svg).toContain('Territory');
    expect(svg).toContain('0–100 km');
    // One issue, one panel: the in-span event is one rule (the 2024 one is outside the dates), titled with its date.
    expect(svg.match(/<title>2025-01-20: Talks in Geneva<\/title>/g)?.length).toBe(1);
    expect(svg).not.toContain('Before the first estimate');
    expect(svg).toContain("the case's 1 event");
  });

  it('Monte Carlo quantile intervals', async () => {
    const svg = renderSvg(quantileChart(await simulate(c, { runs: 300, seed: 2, workers: 1, models: ['compromise'] })), doc);
    await expect(svg).toMatchFileSnapshot('./__snapshots__/quantiles.svg');
  });

  it('escapes case text: an actor named like markup stays text', () => {
    const evil = parse({ ...threeActors, actors: threeActors.actors!.map((a) => (a.id === 'a' ? { ...a, name: '<script>alert(1)</script>' } : a)) });
    const svg = renderSvg(positionMap(evil, 'x'), doc);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('rejects an unknown issue', () => {
    expect(() => positionMap(c, 'nope')).toThrow(/unknown issue "nope"/);
  });
});
