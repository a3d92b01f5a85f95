import { useState } from 'react';
import type { TornadoBar } from '../../../src/analysis/sensitivity.ts';
import { renderChart } from '../../../src/charts/render.ts';
import { quantileChart } from '../../../src/charts/quantiles.ts';
import { timelineChart } from '../../../src/charts/timeline.ts';
import { tornadoChart } from '../../../src/charts/tornado.ts';
import { useCase } from '../case-data.tsx';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { JobNote } from '../components/JobProgress.tsx';
import { useJob } from '../components/useJob.ts';
import { num } from '../numbers.ts';
import { AnchorWords, MonteCarloStatus } from './ForecastTable.tsx';
import { DealPanel } from './Deal.tsx';

/**
 * How sure and how settled the forecasts are: the Monte Carlo intervals of every model on every
 * issue, the outlook re-run as of each dated change, and which estimates move a model's forecast
 * most (one-at-a-time swings: the estimates most worth researching next). The charts are the
 * report's (src/charts), drawn here with the browser's document.
 */
export function OutlookView() {
  const { caseId, asOf, data, forecasts, monteCarlo, version } = useCase();
  const [model, setModel] = useState('');
  const chosen = model || forecasts?.[0]?.model || 'compromise';
  // Background jobs (POST /api/cases/{id}/jobs): their results are GET …/timeline's and POST …/sensitivity's answers.
  const timeline = useJob(caseId, 'timeline', {}, [caseId, version]);
  const sensitivity = useJob(caseId, 'sensitivity', { models: [chosen], ...(asOf ? { asOf } : {}) }, [caseId, asOf, chosen, version]);
  if (!data) return null;
  const scales = Object.fromEntries(data.issues.map((i) => [i.id, { min: i.scale.min, max: i.scale.max, unit: i.scale.unit }]));
  const titles = Object.fromEntries(data.issues.map((i) => [i.id, i.title]));
  const sim = monteCarlo.status === 'done' ? (monteCarlo.result as Parameters<typeof quantileChart>[0]) : null;
  const bars = sensitivity.data?.tornado[chosen] ?? [];
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const issueOf = (id: string | null) => (id ? data.issues.find((i) => i.id === id) : undefined);
  const issueTitle = (id: string | null) => (id ? (data.issues.find((i) => i.id === id)?.title ?? id) : 'overall');
  return (
    <section aria-labelledby="outlook-title" data-testid="outlook">
      <DealPanel />
      <h2 id="outlook-title">Outlook and sensitivity</h2>
      <MonteCarloStatus models={(forecasts ?? []).map((f) => f.model)} />
      {sim ? (
        <ChartFrame title="Monte Carlo forecast intervals" testId="quantile-chart" build={(doc, width) => renderChart({ ...quantileChart(sim), width }, doc)} deps={[sim]} />
      ) : null}
      <div className="form-row">
        <Field label="Model">
          {(id) => (
            <select id={id} value={chosen} onChange={(e) => setModel(e.target.value)}>
              {(forecasts ?? []).map((f) => (
                <option key={f.model} value={f.model}>
                  {f.model}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <JobNote job={timeline} label="Outlook over time" />
      {timeline.data && timeline.data.points.length ? (
        <ChartFrame
          title={`How the ${chosen} forecast moved`}
          testId="timeline-chart"
          build={(doc, width) => renderChart(timelineChart(timeline.data!, chosen, scales, { events: data.events, titles, width }), doc)}
          deps={[timeline.data, chosen, data.events]}
          description="The forecasts re-run as of each date on which a stance or a piece of evidence is dated (the whole history, whatever the as-of date)."
        />
      ) : null}
      <JobNote job={sensitivity} label="Sensitivity" />
      {bars.length ? (
        <ChartFrame
          title={`Sensitivity of ${chosen}`}
          testId="tornado-chart"
          build={(doc, width) => renderChart({ ...tornadoChart(sensitivity.data!, chosen), width }, doc)}
          deps={[sensitivity.data, chosen]}
        />
      ) : null}
      {sensitivity.data ? (
        <DataTable<TornadoBar>
          title={`Estimates that move ${chosen} most`}
          testId="sensitivity-table"
          rows={bars.slice(0, 50)}
          rowKey={(b, i) => `${b.actor}/${b.issue}/${b.field}/${b.forecastIssue}/${i}`}
          empty="No estimate with a range moves this model's forecast."
          columns={[
            { label: 'actor', value: (b) => actorName(b.actor) },
            { label: 'estimate', value: (b) => `${b.field} on ${issueTitle(b.issue)}` },
            { label: 'forecast on', value: (b) => issueTitle(b.forecastIssue) },
            { label: 'forecast at low', value: (b) => b.outcomeLow, numeric: true, render: (b) => <>{num(b.outcomeLow)}<AnchorWords issue={issueOf(b.forecastIssue)} value={b.outcomeLow} /></> },
            { label: 'forecast at high', value: (b) => b.outcomeHigh, numeric: true, render: (b) => <>{num(b.outcomeHigh)}<AnchorWords issue={issueOf(b.forecastIssue)} value={b.outcomeHigh} /></> },
            { label: 'swing (% of scale)', value: (b) => b.swingPercent, numeric: true, render: (b) => num(b.swingPercent) },
          ]}
        />
      ) : null}
    </section>
  );
}
