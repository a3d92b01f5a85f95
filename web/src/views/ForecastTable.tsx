import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { intervalOf } from '../monte-carlo.ts';
import { num, outcomeOn } from '../numbers.ts';

interface Row {
  model: string;
  issue: string;
  issueIndex: number;
  title: string;
  forecast: number | null;
  before: number | null;
  q05: number | null;
  q95: number | null;
}

/** Every model's forecast per issue, its Monte Carlo 5–95 % interval, and the change since the last edit. */
export function ForecastTable({ issueId }: { issueId?: string }) {
  const { data, forecasts, previousForecasts, forecastError, monteCarlo } = useCase();
  if (!data) return null;
  if (!forecasts) return forecastError ? <ErrorNote error={forecastError} /> : <Loading what="forecasts" />;
  const rows: Row[] = [];
  for (const f of forecasts) {
    const prev = previousForecasts?.find((p) => p.model === f.model);
    data.issues.forEach((iss, k) => {
      if (issueId && iss.id !== issueId) return;
      const mc = monteCarlo.status === 'done' ? intervalOf(monteCarlo.result, f.model, k, iss.id) : null;
      rows.push({
        model: f.model,
        issue: iss.id,
        issueIndex: k,
        title: iss.title,
        forecast: outcomeOn(f, k, iss.id),
        before: prev ? outcomeOn(prev, k, iss.id) : null,
        q05: mc?.q05 ?? null,
        q95: mc?.q95 ?? null,
      });
    });
  }
  const changed = (r: Row) => r.before !== null && r.forecast !== null && Math.abs(r.forecast - r.before) > 1e-9;
  return (
    <>
      <ErrorNote error={forecastError} />
      <p className="muted" role="status" aria-live="polite" data-testid="mc-status">
        Monte Carlo:{' '}
        {monteCarlo.status === 'running'
          ? `running (${Math.round(monteCarlo.progress * 100)} %)`
          : monteCarlo.status === 'done'
            ? 'done'
            : monteCarlo.status === 'failed'
              ? `unavailable (${monteCarlo.error ?? 'failed'})`
              : 'not started'}
      </p>
      <DataTable<Row>
        title={issueId ? 'Forecasts on this issue' : 'Forecasts by model'}
        testId="forecasts"
        rows={rows}
        rowKey={(r) => `${r.model}/${r.issue}`}
        columns={[
          { label: 'model', value: (r) => r.model },
          ...(issueId ? [] : [{ label: 'issue', value: (r: Row) => r.title }]),
          {
            label: 'forecast',
            value: (r) => r.forecast,
            numeric: true,
            render: (r) => <span data-model={r.model} data-issue={r.issue} className="forecast-value">{num(r.forecast)}</span>,
          },
          { label: 'MC 5 %', value: (r) => r.q05, numeric: true, render: (r) => num(r.q05) },
          { label: 'MC 95 %', value: (r) => r.q95, numeric: true, render: (r) => num(r.q95) },
          {
            label: 'before last edit',
            value: (r) => r.before,
            numeric: true,
            render: (r) => (changed(r) ? <strong>{num(r.before)} → {num(r.forecast)}</strong> : num(r.before)),
          },
        ]}
      />
    </>
  );
}
