import { useEffect, useRef, type ReactNode } from 'react';
import { download, fileName, svgText, svgToPng } from '../table-export.ts';
import { ExportButtons } from './DataTable.tsx';

/**
 * Mounts a chart built with DOM APIs (Observable Plot returns an SVG element: its text goes in
 * through text nodes, so untrusted labels stay text) and offers it as SVG and PNG.
 */
export function ChartFrame({
  title,
  build,
  deps,
  description,
  testId,
}: {
  title: string;
  build: (doc: Document) => Element;
  deps: unknown[];
  description?: ReactNode;
  testId?: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const chart = build(document);
    el.replaceChildren(chart);
    return () => el.replaceChildren();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
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
      <div ref={holder} className="chart-body" role="img" aria-label={title} />
    </figure>
  );
}
