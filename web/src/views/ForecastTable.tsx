import type { ModelForecast } from '../api.ts';
import { DASHBOARD_RUNS, useCase, type MonteCarloState } from '../case-data.tsx';
import { DataTable, type TableColumn } from '../components/DataTable.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { JobProgress } from '../components/JobProgress.tsx';
import { ParamPanel } from '../components/ParamPanel.tsx';
import { ApiError } from '../api.ts';
import { dealShare, intervalOf } from '../monte-carlo.ts';
import { num, outcomeOn } from '../numbers.ts';
import { anchorText } from '../../../src/case/anchors.ts';

/** A forecast's anchor words (nearest anchor where close, else the two it lies between), as a muted span. */
export function AnchorWords({ issue, value }: { issue: Parameters<typeof anchorText>[0] | undefined; value: number | null | undefined }) {
  const t = issue && value !== null && value !== undefined ? anchorText(issue, value) : '';
  return t ? <span className="anchor-text"> {t}</span> : null;
}

const mcOf = (mc: MonteCarloState, model: string, issueId: string) => (mc.status === 'done' ? intervalOf(mc.result, model, issueId) : null);

export function MonteCarloStatus({ models }: { models: string[] }) {
  const { monteCarlo, cancelMonteCarlo, rerunMonteCarlo } = useCase();
  const shares = monteCarlo.status === 'done' ? models.map((m) => [m, dealShare(monteCarlo.result, m)] as const).filter(([, s]) => s !== null) : [];
  return (
    <>
    <p className="muted" role="status" aria-live="polite" data-testid="mc-status" data-status={monteCarlo.status}>
      Monte Carlo ({DASHBOARD_RUNS} runs):{' '}
      {monteCarlo.status === 'running'
        ? `running (${Math.round(monteCarlo.progress * 100)} %)`
        : monteCarlo.status === 'done'
          ? 'done.'
          : monteCarlo.status === 'failed'
            ? `unavailable (${monteCarlo.error ?? 'failed'})`
            : 'not started'}
      {shares.length ? ` Share of runs inside every veto holder’s red line: ${shares.map(([m, s]) => `${m} ${Math.round(s! * 100)} %`).join(', ')}.` : ''}
      {monteCarlo.status === 'failed' && monteCarlo.error === 'cancelled' ? (
        <>
          {' '}
          <button type="button" className="small secondary" onClick={rerunMonteCarlo}>
            Run the Monte Carlo again
          </button>
        </>
      ) : null}
    </p>
    {monteCarlo.status === 'running' ? <JobProgress label="Monte Carlo" status={monteCarlo.phase ?? 'running'} progress={monteCarlo.progress} onCancel={cancelMonteCarlo} kind="simulate" jobId={monteCarlo.jobId} /> : null}
    </>
  );
}

/**
 * Every model's forecast with its Monte Carlo interval. On an issue: one row per model (with the
 * forecast before the last edit, so an edit's effect shows); on the overview: one row per issue.
 */
export function ForecastTable({ issueId }: { issueId?: string }) {
  const { data, forecasts, previousForecasts, forecastError, monteCarlo } = useCase();
  if (!data) return null;
  if (!forecasts) return forecastError ? <ErrorNote error={forecastError} /> : <Loading what="forecasts" />;
  const models = forecasts.map((f) => f.model);
  // A refused model parameter is shown beside the parameter panel, not twice.
  const otherError = forecastError instanceof ApiError && forecastError.path?.startsWith('params') ? undefined : forecastError;
  if (issueId) {
    const k = data.issues.findIndex((i) => i.id === issueId);
    type Row = { f: ModelForecast; value: number | null; before: number | null };
    const rows: Row[] = forecasts.map((f) => {
      const prev = previousForecasts?.find((p) => p.model === f.model);
      return { f, value: outcomeOn(f, k), before: prev ? outcomeOn(prev, k) : null };
    });
    const q = (r: Row) => mcOf(monteCarlo, r.f.model, issueId);
    const changed = (r: Row) => r.before !== null && r.value !== null && Math.abs(r.value - r.before) > 1e-9;
    return (
      <>
        <ErrorNote error={otherError} />
        <MonteCarloStatus models={models} />
        <ParamPanel models={models} />
        <DataTable<Row>
          title="Forecasts on this issue"
          testId="forecasts"
          rows={rows}
          rowKey={(r) => r.f.model}
          columns={[
            { label: 'model', value: (r) => r.f.model },
            {
              label: 'forecast',
              value: (r) => r.value,
              numeric: true,
              render: (r) => (
                <>
                  <span className="forecast-value" data-model={r.f.model}>
                    {num(r.value)}
                  </span>
                  <AnchorWords issue={data.issues[k]} value={r.value} />
                </>
              ),
            },
            { label: 'MC 5 %', value: (r) => q(r)?.p05, numeric: true, render: (r) => num(q(r)?.p05) },
            { label: 'MC 25 %', value: (r) => q(r)?.p25, numeric: true, render: (r) => num(q(r)?.p25) },
            { label: 'MC median', value: (r) => q(r)?.p50, numeric: true, render: (r) => num(q(r)?.p50) },
            { label: 'MC 75 %', value: (r) => q(r)?.p75, numeric: true, render: (r) => num(q(r)?.p75) },
            { label: 'MC 95 %', value: (r) => q(r)?.p95, numeric: true, render: (r) => num(q(r)?.p95) },
            {
              label: 'before last edit',
              value: (r) => r.before,
              numeric: true,
              render: (r) =>
                changed(r) ? (
                  <strong data-testid="forecast-change">
                    {num(r.before)} → {num(r.value)}
                  </strong>
                ) : (
                  num(r.before)
                ),
            },
          ]}
        />
      </>
    );
  }
  type IssueRow = { id: string; title: string; k: number };
  const rows: IssueRow[] = data.issues.map((i, k) => ({ id: i.id, title: i.title, k }));
  const columns: TableColumn<IssueRow>[] = [{ label: 'issue', value: (r) => r.title }];
  for (const f of forecasts) {
    columns.push({
      label: f.model,
      value: (r) => outcomeOn(f, r.k),
      numeric: true,
      render: (r) => {
        const q = mcOf(monteCarlo, f.model, r.id);
        return (
          <>
            {num(outcomeOn(f, r.k))}
            <AnchorWords issue={data.issues[r.k]} value={outcomeOn(f, r.k)} />
            {q ? (
              <span className="muted small-text">
                {' '}
                [{num(q.p05)}–{num(q.p95)}]
              </span>
            ) : null}
          </>
        );
      },
    });
    columns.push({ label: `${f.model} MC 5 %`, value: (r) => mcOf(monteCarlo, f.model, r.id)?.p05, hidden: true });
    columns.push({ label: `${f.model} MC 95 %`, value: (r) => mcOf(monteCarlo, f.model, r.id)?.p95, hidden: true });
  }
  return (
    <>
      <ErrorNote error={otherError} />
      <MonteCarloStatus models={models} />
      <ParamPanel models={models} />
      <DataTable<IssueRow> title="Forecasts by model [Monte Carlo 5–95 %]" testId="forecasts" rows={rows} rowKey={(r) => r.id} columns={columns} />
    </>
  );
}
