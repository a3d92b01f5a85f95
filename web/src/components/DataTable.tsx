import type { ReactNode } from 'react';
import { download, fileName, toCsv, toJsonRecords, type Column } from '../table-export.ts';

export interface TableColumn<Row> extends Column<Row> {
  /** How the cell shows on screen (default: the exported value as text). */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Exported but not shown (e.g. interval bounds that the shown cell combines). */
  hidden?: boolean;
}

/** A table with its caption and CSV/JSON export of exactly what it shows. */
export function DataTable<Row>({
  title,
  columns,
  rows,
  rowKey,
  empty = 'Nothing to show.',
  testId,
}: {
  title: string;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  empty?: string;
  testId?: string;
}) {
  const shown = columns.filter((c) => !c.hidden);
  const exportCsv = () => download(fileName(title, 'csv'), new Blob([toCsv(columns, rows)], { type: 'text/csv' }));
  const exportJson = () =>
    download(fileName(title, 'json'), new Blob([JSON.stringify(toJsonRecords(columns, rows), null, 2)], { type: 'application/json' }));
  return (
    <section className="table-block" data-testid={testId}>
      <div className="block-head">
        <h3>{title}</h3>
        <ExportButtons what={title} formats={[['CSV', exportCsv], ['JSON', exportJson]]} />
      </div>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        // Focusable so a keyboard can scroll a wide table sideways (axe: scrollable-region-focusable).
        <div className="scroll-x" tabIndex={0} role="region" aria-label={title}>
          <table>
            <thead>
              <tr>
                {shown.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={rowKey(r, i)}>
                  {shown.map((c) => (
                    <td key={c.label} className={c.numeric ? 'num' : undefined}>
                      {c.render ? c.render(r) : String(c.value(r) ?? '')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ExportButtons({ what, formats }: { what: string; formats: Array<[string, () => void]> }) {
  return (
    <span className="exports">
      {formats.map(([label, run]) => (
        <button key={label} type="button" className="small" onClick={run} aria-label={`Export ${what} as ${label}`}>
          {label}
        </button>
      ))}
    </span>
  );
}
