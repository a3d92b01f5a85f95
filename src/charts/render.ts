/**
 * Rendering chart options to SVG. The charts in this folder are pure functions from analysis
 * reports to Observable Plot options; the DOM `document` is injected here, so the same options
 * render in Node (reports, tests: see node-document.ts) and in the browser (the dashboard).
 * Plot writes every label through the DOM as text, so case text is escaped, never parsed as markup.
 */
import * as Plot from '@observablehq/plot';

export type PlotOptions = Plot.PlotOptions;

/** The chart as an SVG element (a figure when Plot adds a legend) of `document`. */
export function renderChart(options: PlotOptions, document: Document): SVGSVGElement | HTMLElement {
  return Plot.plot({ ...options, document });
}

/** The chart as SVG markup. */
export function renderSvg(options: PlotOptions, document: Document): string {
  return renderChart(options, document).outerHTML;
}

/** Charts are drawn at a fixed width so the same report gives the same bytes. */
export const CHART_WIDTH = 720;

/** Shorten a label for an axis (case text can be long); the full text stays in the report tables. */
export function clip(label: string, max = 40): string {
  return [...label].length > max ? `${[...label].slice(0, max - 1).join('')}…` : label;
}
