/**
 * The position map of one issue: each actor's position on the issue's scale (dot size: capability ×
 * salience, the weight the compromise model gives it), the ranges each actor's red line rules out
 * (darker for veto holders), the zone of agreement, the status quo, each draft's value and each
 * model's forecast with its Monte Carlo 5–95 % (thin) and 25–75 % (thick) intervals.
 */
import * as Plot from '@observablehq/plot';
import type { Case } from '../case/schema.ts';
import { estimate } from '../case/estimate.ts';
import { currentStances, pairKey } from '../case/view.ts';
import type { ZoneOfAgreement } from '../analysis/zopa.ts';
import type { SimulationResult } from '../analysis/montecarlo.ts';
import { draftValues } from '../analysis/red-lines.ts';
import { CHART_WIDTH, clip, type PlotOptions } from './render.ts';

export interface PositionMapInputs {
  zone?: ZoneOfAgreement;
  /** Point forecasts per model (one value per issue, in the case's issue order). */
  forecasts?: Record<string, number[]>;
  simulation?: SimulationResult;
}

export function positionMap(c: Case, issueId: string, inputs: PositionMapInputs = {}): PlotOptions {
  const k = c.issues.findIndex((i) => i.id === issueId);
  if (k < 0) throw new RangeError(`unknown issue "${issueId}"`);
  const iss = c.issues[k];
  const { min, max } = iss.scale;
  const current = currentStances(c);
  const actorRows: Array<{ row: string; position: number; low: number; high: number; weight: number }> = [];
  const forbidden: Array<{ row: string; x1: number; x2: number; veto: boolean }> = [];
  for (const a of c.actors) {
    const s = current.get(pairKey(a.id, iss.id));
    if (!s) continue;
    const row = clip(a.name, 28);
    const p = estimate(s.position);
    const cap = s.capability !== undefined ? estimate(s.capability).value : estimate(a.capability).value;
    actorRows.push({ row, position: p.value, low: p.low ?? p.value, high: p.high ?? p.value, weight: Math.max(0, cap) * Math.max(0, estimate(s.salience).value) });
    if (s.redLine) {
      const lo = s.redLine.min ?? min;
      const hi = s.redLine.max ?? max;
      if (lo > min) forbidden.push({ row, x1: min, x2: lo, veto: s.redLine.veto });
      if (hi < max) forbidden.push({ row, x1: hi, x2: max, veto: s.redLine.veto });
    }
  }
  const draftRows = c.drafts.flatMap((d) => {
    const v = draftValues(d).get(iss.id);
    return v ? [{ row: clip(`draft: ${d.title}`, 28), value: v.value }] : [];
  });
  const models = Object.keys(inputs.forecasts ?? {});
  const simModels = inputs.simulation?.models ?? [];
  const modelNames = [...new Set([...models, ...simModels])];
  const forecastRows = modelNames.map((m) => {
    const q = inputs.simulation?.quantiles[m]?.[iss.id];
    return { row: `model: ${m}`, value: inputs.forecasts?.[m]?.[k] ?? q?.p50 ?? NaN, q };
  });
  const intervals = forecastRows.filter((f) => f.q);
  const rows = [...actorRows.map((r) => r.row), ...draftRows.map((r) => r.row), ...forecastRows.map((r) => r.row)];
  const zone = inputs.zone?.issues.find((z) => z.issue === iss.id)?.zone;
  const marks: Plot.Markish[] = [
    zone ? Plot.rectX([zone], { x1: 'min', x2: 'max', fill: '#2ca02c', fillOpacity: 0.15 }) : null,
    Plot.rectX(forbidden, { x1: 'x1', x2: 'x2', y: 'row', fill: '#d62728', fillOpacity: (d: { veto: boolean }) => (d.veto ? 0.45 : 0.15), inset: 2 }),
    Plot.ruleX([iss.statusQuo], { stroke: '#555', strokeDasharray: '4,3' }),
    Plot.link(actorRows, { x1: 'low', x2: 'high', y1: 'row', y2: 'row', stroke: '#1f77b4', strokeOpacity: 0.5 }),
    Plot.dot(actorRows, { x: 'position', y: 'row', r: 'weight', fill: '#1f77b4', fillOpacity: 0.8 }),
    Plot.tickX(draftRows, { x: 'value', y: 'row', stroke: '#9467bd', strokeWidth: 3 }),
    Plot.link(intervals, { x1: (d: (typeof intervals)[number]) => d.q!.p05, x2: (d: (typeof intervals)[number]) => d.q!.p95, y1: 'row', y2: 'row', stroke: '#ff7f0e', strokeWidth: 1.5 }),
    Plot.link(intervals, { x1: (d: (typeof intervals)[number]) => d.q!.p25, x2: (d: (typeof intervals)[number]) => d.q!.p75, y1: 'row', y2: 'row', stroke: '#ff7f0e', strokeWidth: 6 }),
    Plot.dot(forecastRows.filter((f) => Number.isFinite(f.value)), { x: 'value', y: 'row', fill: '#ff7f0e', stroke: 'white', r: 4, symbol: 'diamond' }),
  ];
  return {
    title: clip(iss.title, 80),
    subtitle: 'dots: actors (size: capability × salience); red: ruled out by a red line (dark: veto); green: zone of agreement; dashed: status quo; purple: drafts; orange: forecasts (5–95 %, 25–75 %)',
    width: CHART_WIDTH,
    height: 40 + 22 * rows.length,
    marginLeft: 190,
    x: { domain: [min, max], label: iss.scale.unit ? `${clip(iss.title, 40)} (${iss.scale.unit})` : clip(iss.title, 50), grid: true },
    y: { domain: rows, label: null },
    r: { range: [2, 10] },
    marks,
  };
}
