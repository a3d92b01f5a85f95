/** Plain-text tables and CSV for the CLI's `--format table|csv`. */

/** Columns padded to their widest cell; numbers right-aligned. */
export function renderTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === 'number' || r[j] === ''));
  const widths = header.map((_, j) => Math.max(...cells.map((r) => [...(r[j] ?? '')].length)));
  const line = (r: string[]) =>
    r.map((c, j) => (numeric[j] ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted. */
export function renderCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const esc = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\n') + '\n';
}
