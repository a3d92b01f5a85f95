/**
 * Scenarios side by side: per issue (one panel each) and model, the forecast under the baseline
 * and under each scenario, so a shift shows as dots pulling apart. Pure, `document` injected.
 */
import * as Plot from '@observablehq/plot';

export interface ScenarioPoint {
  issue: string;
  model: string;
  scenario: string;
  value: number;
}

export function scenarioCompareChart(points: ScenarioPoint[], doc: Document, width = 900): SVGSVGElement | HTMLElement {
  const models = [...new Set(points.map((p) => p.model))];
  const issues = [...new Set(points.map((p) => p.issue))];
  return Plot.plot({
    document: doc,
    width,
    height: 40 + issues.length * (20 + models.length * 22),
    marginLeft: 120,
    marginRight: 140,
    x: { label: 'forecast', grid: true },
    y: { domain: models, label: null },
    fy: { domain: issues, label: null },
    color: { type: 'categorical', legend: true },
    marks: [
      Plot.dot(points, {
        x: 'value',
        y: 'model',
        fy: 'issue',
        stroke: 'scenario',
        r: 5,
        strokeWidth: 2,
        className: 'scenario-dot',
        title: (p: ScenarioPoint) => `${p.scenario}\n${p.model} on ${p.issue}: ${Math.round(p.value * 10) / 10}`,
        tip: true,
      }),
    ],
  }) as SVGSVGElement | HTMLElement;
}
