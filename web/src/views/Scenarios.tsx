import { api, type ModelForecast } from '../api.ts';
import { DASHBOARD_SEED, useCase } from '../case-data.tsx';
import { scenarioCompareChart, type ScenarioPoint } from '../charts/scenario-compare.ts';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.ts';
import { num, outcomeOn } from '../numbers.ts';
import { anchorText } from '../../../src/case/anchors.ts';

/** Every scenario's forecasts next to the baseline's: the same models, the same seed. */
export function ScenariosView() {
  const { caseId, asOf, data, forecasts, version } = useCase();
  const scenarios = data?.scenarios ?? [];
  const runs = useLoad(
    () => Promise.all(scenarios.map((s) => api.forecast(caseId, { scenario: s.id, seed: DASHBOARD_SEED, ...(asOf ? { asOf } : {}) }).then((r) => [s.id, r.results] as const))),
    [caseId, asOf, version, scenarios.map((s) => s.id).join('\u0000')],
  );
  if (!data) return null;
  if (scenarios.length === 0) return <p className="muted">The case has no scenarios.</p>;
  if (!forecasts || !runs.data) return runs.error ? <ErrorNote error={runs.error} /> : <Loading what="scenario forecasts" />;
  const byScenario = new Map<string, ModelForecast[]>(runs.data);
  const rows = forecasts.flatMap((f) =>
    data.issues.map((iss, k) => ({
      model: f.model,
      issue: iss.title,
      iss,
      baseline: outcomeOn(f, k),
      values: scenarios.map((s) => {
        const sf = byScenario.get(s.id)?.find((x) => x.model === f.model);
        return sf ? outcomeOn(sf, k) : null;
      }),
    })),
  );
  const points: ScenarioPoint[] = rows.flatMap((r) => [
    ...(r.baseline !== null ? [{ issue: r.issue, model: r.model, scenario: 'baseline', value: r.baseline }] : []),
    ...scenarios.flatMap((s, j) => (r.values[j] !== null ? [{ issue: r.issue, model: r.model, scenario: s.title, value: r.values[j]! }] : [])),
  ]);
  const scales = Object.fromEntries(data.issues.map((i) => [i.title, { min: i.scale.min, max: i.scale.max, unit: i.scale.unit }]));
  type Row = (typeof rows)[number];
  const words = (r: Row, v: number | null) => {
    const t = v === null ? '' : anchorText(r.iss, v);
    return t ? <span className="anchor-text"> {t}</span> : null;
  };
  return (
    <section aria-labelledby="scen-title" data-testid="scenarios">
      <h2 id="scen-title">Scenarios</h2>
      <ul className="scenario-list">
        {scenarios.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>
            {s.description ? ` — ${s.description}` : ''}{' '}
            <span className="muted">
              ({s.changes.map((c) => [c.actor, c.issue, c.field].filter(Boolean).join(' ') + ` = ${num(c.value)}`).join('; ')})
            </span>
          </li>
        ))}
      </ul>
      <ChartFrame
        title="Forecasts by scenario"
        build={(doc, width) => scenarioCompareChart(points, doc, width, scales)}
        description="One chart per issue, each on its own scale; black diamond: the baseline forecast, dots: each scenario's (a line joins a scenario to the baseline it moved from)."
        deps={[JSON.stringify(points)]}
      />
      <DataTable<Row>
        title="Forecasts: baseline and scenarios"
        testId="scenario-table"
        rows={rows}
        rowKey={(r) => `${r.model}/${r.issue}`}
        columns={[
          { label: 'model', value: (r) => r.model },
          { label: 'issue', value: (r) => r.issue },
          { label: 'baseline', value: (r) => r.baseline, numeric: true, render: (r) => (
              <>
                {num(r.baseline)}
                {words(r, r.baseline)}
              </>
            ) },
          ...scenarios.map((s, j) => ({
            label: s.title,
            value: (r: Row) => r.values[j],
            numeric: true,
            render: (r: Row) => {
              const v = r.values[j];
              const d = v !== null && r.baseline !== null ? v - r.baseline : 0;
              return (
                <>
                  {num(v)}
                  {words(r, v)}
                  {Math.abs(d) > 0.05 ? <span className="muted"> ({d > 0 ? '+' : ''}{num(d)})</span> : null}
                </>
              );
            },
          })),
        ]}
      />
    </section>
  );
}
