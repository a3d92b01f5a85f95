import { useEffect, useRef, useState, type ReactNode } from 'react';
import { download, fileName, svgText, svgToPng } from '../table-export.ts';
import { ExportButtons } from './DataTable.tsx';

/** The widest a chart is drawn, and the narrowest (below it the chart body scrolls, and takes focus to do so). */
export const CHART_MAX_WIDTH = 1100;
export const CHART_MIN_WIDTH = 300;

/**
 * Plot labels its mark groups (`<g aria-label="dot">`): aria-label is not allowed on an element
 * without a role (axe: aria-prohibited-attr), and inside the figure's role="img" the parts are not
 * read anyway. The chart is named by the frame; its numbers are in the tables beside it.
 */
export function quietChartParts(chart: Element): void {
  for (const el of [chart, ...chart.querySelectorAll('[aria-label], [aria-description]')]) {
    if (el.getAttribute('role')) continue;
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
}

/**
 * Mounts a chart built with DOM APIs (Observable Plot returns an SVG element: its text goes in
 * through text nodes, so untrusted labels stay text) and offers it as SVG and PNG. `build` gets
 * the width the chart has on the page (the frame's own width, so a phone gets a narrow chart).
 */
export function ChartFrame({
  title,
  build,
  deps,
  description,
  testId,
}: {
  title: string;
  build: (doc: Document, width: number) => Element;
  deps: unknown[];
  description?: ReactNode;
  testId?: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(CHART_MIN_WIDTH, Math.min(CHART_MAX_WIDTH, Math.floor(el.clientWidth))));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    const el = holder.current;
    if (!el || !width) return;
    const chart = build(document, width);
    for (const s of chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll('svg')]) quietChartParts(s);
    el.replaceChildren(chart);
    setScrolls(el.scrollWidth > el.clientWidth + 1);
    return () => el.replaceChildren();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, width]);
  // A chart with a legend or title is a <figure> whose swatches are small SVGs too: export the plot,
  // the largest one.
  const svg = () => {
    let best: SVGSVGElement | null = null;
    let bestArea = -1;
    for (const s of holder.current?.querySelectorAll('svg') ?? []) {
      const r = s.getBoundingClientRect();
      if (r.width * r.height > bestArea) [best, bestArea] = [s, r.width * r.height];
    }
    return best;
  };
  const exportSvg = () => {
    const s = svg();
    if (s) download(fileName(title, 'svg'), new Blob([svgText(s)], { type: 'image/svg+xml' }));
  };
  const exportPng = async () => {
    const s = svg();
    if (s) download(fileName(title, 'png'), await svgToPng(s));
  };
  return (
    <figure className="chart" data-testid={testId}>
      <div className="block-head">
        <figcaption>
          <h3>{title}</h3>
        </figcaption>
        <ExportButtons what={title} formats={[['SVG', exportSvg], ['PNG', () => void exportPng()]]} />
      </div>
      {description ? <div className="muted small-text">{description}</div> : null}
      <div ref={holder} className="chart-body" role="img" aria-label={title} tabIndex={scrolls ? 0 : undefined} />
    </figure>
  );
}
