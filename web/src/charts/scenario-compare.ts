/**
 * Scenarios side by side: one small chart per issue, each on that issue's OWN scale (an army cap
 * of 0–1000 beside a 0–100 issue would squash the second to a corner), one row per model. The
 * baseline is a black hollow diamond with a thin rule to each scenario's dot, so how far a scenario
 * pulls the forecast is the length of that rule. Pure, `document` injected.
 */
import * as Plot from '@observablehq/plot';

export interface ScenarioPoint {
  issue: string;
  model: string;
  scenario: string;
  value: number;
}

export interface ScenarioScale {
  min: number;
  max: number;
  unit?: string;
}

export const BASELINE = 'baseline';
/** Scenario colours (Tableau 10 without its near-black and grey: the baseline is black). */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#17becf'];

/**
 * `scales` per issue (by the same name as `ScenarioPoint.issue`); an issue without one is drawn
 * on the range of its values. Returns a `<div>`: a legend, then one chart per issue.
 */
export function scenarioCompareChart(points: ScenarioPoint[], doc: Document, width = 900, scales: Record<string, ScenarioScale> = {}): HTMLElement {
  const models = [...new Set(points.map((p) => p.model))];
  const issues = [...new Set(points.map((p) => p.issue))];
  const scenarios = [...new Set(points.map((p) => p.scenario).filter((s) => s !== BASELINE))];
  const colour = Plot.scale({ color: { type: 'categorical', domain: scenarios, range: PALETTE } });
  const root = doc.createElement('div');
  root.className = 'scenario-compare';
  const legend = doc.createElement('ul');
  legend.className = 'chart-legend';
  for (const [name, fill, symbol] of [[BASELINE, '#000', '◇'] as const, ...scenarios.map((s) => [s, colour.apply(s) as string, '●'] as const)]) {
    const li = doc.createElement('li');
    const sw = doc.createElement('span');
    sw.className = 'swatch';
    sw.style.color = fill;
    sw.textContent = symbol;
    li.append(sw, doc.createTextNode(` ${name}`));
    legend.append(li);
  }
  root.append(legend);
  const narrow = width < 520;
  for (const issue of issues) {
    const mine = points.filter((p) => p.issue === issue);
    const base = new Map(mine.filter((p) => p.scenario === BASELINE).map((p) => [p.model, p.value]));
    const moved = mine.filter((p) => p.scenario !== BASELINE);
    const sc = scales[issue];
    const values = mine.map((p) => p.value);
    const domain = sc ? [sc.min, sc.max] : [Math.min(...values), Math.max(...values)];
    const plot = Plot.plot({
      document: doc,
      width,
      height: 46 + models.length * 24,
      marginLeft: narrow ? 90 : 130,
      marginRight: 20,
      x: { domain, label: sc?.unit ? `${issue} (${sc.unit})` : issue, grid: true, ticks: narrow ? 4 : 8 },
      y: { domain: models, label: null, tickFormat: (m: string) => (narrow && m.length > 13 ? `${m.slice(0, 12)}…` : m) },
      marks: [
        Plot.link(
          moved.filter((p) => base.has(p.model)),
          { x1: (p: ScenarioPoint) => base.get(p.model)!, x2: 'value', y1: 'model', y2: 'model', stroke: (p: ScenarioPoint) => colour.apply(p.scenario) as string, strokeOpacity: 0.6 },
        ),
        Plot.dot(moved, {
          x: 'value',
          y: 'model',
          fill: (p: ScenarioPoint) => colour.apply(p.scenario) as string,
          r: 4.5,
          className: 'scenario-dot',
          title: (p: ScenarioPoint) => `${p.scenario}\n${p.model} on ${p.issue}: ${Math.round(p.value * 10) / 10}`,
          tip: true,
        }),
        Plot.dot(
          mine.filter((p) => p.scenario === BASELINE),
          { x: 'value', y: 'model', symbol: 'diamond', r: 6, stroke: '#000', strokeWidth: 2, fill: 'none', className: 'scenario-baseline', title: (p: ScenarioPoint) => `baseline\n${p.model}: ${Math.round(p.value * 10) / 10}` },
        ),
      ],
    });
    const head = doc.createElement('p');
    head.className = 'chart-sub';
    head.textContent = sc ? `${issue} (scale ${sc.min}–${sc.max}${sc.unit ? ` ${sc.unit}` : ''})` : issue;
    root.append(head, plot);
  }
  return root;
}
