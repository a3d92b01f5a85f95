/**
 * Tables and charts out of the dashboard: CSV (RFC 4180), JSON, SVG and PNG, as file downloads.
 * Pure where it can be (toCsv is unit-tested in Node); the download helpers need a browser.
 */

export interface Column<Row> {
  /** Column header, also the CSV header and JSON key. */
  label: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * Spreadsheets execute cells that start with = + - @ (and tab/CR) as formulas: case and article
 * text is untrusted, so such text cells get a leading apostrophe (OWASP "CSV injection").
 * Numbers are written as numbers (a negative number is not a formula).
 */
function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<Row>(columns: Column<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function toJsonRecords<Row>(columns: Column<Row>[], rows: readonly Row[]): Array<Record<string, unknown>> {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c.label, c.value(r) ?? null])));
}

/** A file name safe on every OS, from a title the user can read. */
export function fileName(title: string, ext: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'parley'}.${ext}`;
}

export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart's SVG as a standalone file: namespaces set, the page's font written in. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  if (!copy.getAttribute('font-family')) copy.setAttribute('font-family', 'system-ui, sans-serif');
  return new XMLSerializer().serializeToString(copy);
}

/** Rasterise an SVG at twice its size (readable when pasted into slides). */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const w = Math.max(1, Math.round(width || Number(svg.getAttribute('width')) || 640));
  const h = Math.max(1, Math.round(height || Number(svg.getAttribute('height')) || 400));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = w;
    img.height = h;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be rasterised'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = w * scale;
    canvas.height = h * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
