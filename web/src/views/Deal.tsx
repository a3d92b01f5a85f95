import { useState, type FormEvent } from 'react';
import { defaultHorizon } from '../../../src/analysis/horizon.ts';
import { outlookIssueChart, OUTLOOK_CHART_KEY } from '../../../src/charts/outlook.ts';
import { renderChart } from '../../../src/charts/render.ts';
import { basisSentence, intervalText as span, pct, zoneText } from '../../../src/analysis/outlook-text.ts';
import { api, type Outlook } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.ts';
import { num } from '../numbers.ts';

/** Draws the panel asks for by default: the agreement probability settles to a few per cent of itself (docs/agreement.md). */
export const DEAL_RUNS = 1000;
export const DEAL_SEED = 1;
const RUN_CHOICES = [500, 1000, 2000, 5000, 10000];

type IssueOut = Outlook['issues'][number];

/** "Will there be a deal?": the agreement probability by a date and, per issue, the terms if agreed, the expected outcome and its intervals. */
export function DealPanel() {
  const { caseId, asOf, data, version } = useCase();
  const fallback = data ? defaultHorizon(data, asOf) : null;
  const [chosenBy, setChosenBy] = useState<string>();
  const [draftBy, setDraftBy] = useState<string>();
  const [runs, setRuns] = useState(DEAL_RUNS);
  const [draftRuns, setDraftRuns] = useState(DEAL_RUNS);
  const [model, setModel] = useState('');
  const by = chosenBy ?? fallback;
  const outlook = useLoad(
    () => (by ? api.outlook(caseId, { by, runs, seed: DEAL_SEED, ...(asOf ? { asOf } : {}) }) : Promise.resolve(undefined)),
    [caseId, asOf, by, runs, version],
  );
  if (!data) return null;
  const o = outlook.data;
  const shown = o?.models.find((m) => m.model === (model || o.model)) ?? (o ? { model: o.model, agreement: o.agreement, issues: o.issues } : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Both apply together on submit: each outlook is seconds of computing on the server.
    if (draftBy) setChosenBy(draftBy);
    setRuns(draftRuns);
  };
  const issueOf = (id: string) => data.issues.find((i) => i.id === id);
  return (
    <section aria-labelledby="deal-title" data-testid="deal" className="deal">
      <h2 id="deal-title">Will there be a deal?</h2>
      <form className="form-row" onSubmit={submit} aria-label="Horizon of the agreement outlook">
        <Field label="Agreement by">
          {(id) => <input id={id} type="date" required value={draftBy ?? by ?? ''} onChange={(e) => setDraftBy(e.target.value || undefined)} data-testid="deal-by" />}
        </Field>
        <Field label="Monte Carlo draws">
          {(id) => (
            <select id={id} value={draftRuns} onChange={(e) => setDraftRuns(Number(e.target.value))}>
              {RUN_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">Show the outlook</button>
        {o ? (
          <Field label="Model for the terms">
            {(id) => (
              <select id={id} value={shown?.model} onChange={(e) => setModel(e.target.value)} data-testid="deal-model">
                {o.models.map((m) => (
                  <option key={m.model} value={m.model}>
                    {m.model === 'status-quo' ? 'status-quo (no deal: the baseline)' : m.model === o.model ? `${m.model} (default)` : m.model}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </form>
      {!by ? <p className="muted">The case has no dated stance, evidence, draft or event: choose an as-of date (above) or a date here to start the clock from.</p> : null}
      <ErrorNote error={outlook.error} />
      {outlook.loading ? <Loading what={`the agreement outlook by ${by} (${runs} draws)`} /> : null}
      {o && shown ? (
        <>
          <p className="deal-probability" aria-live="polite">
            <span className="muted">Probability of an agreement by {o.agreement.by}:</span>{' '}
            <strong data-testid="deal-probability" data-value={o.agreement.probability}>
              {pct(o.agreement.probability)}
            </strong>
          </p>
          <p className="lead" data-testid="deal-basis">
            {basisSentence(o.agreementBasis, o.runs, o.seed, (id) => data.actors.find((a) => a.id === id)?.name ?? id)}
          </p>
          <DataTable<IssueOut>
            title={`If agreed, expected and intervals: ${shown.model}${shown.model === 'status-quo' ? ' (no deal)' : ''}, by ${o.agreement.by}`}
            testId="deal-table"
            rows={shown.issues}
            rowKey={(i) => i.issue}
            columns={[
              { label: 'issue', value: (i) => issueOf(i.issue)?.title ?? i.issue },
              { label: 'zone in draws', value: (i) => zoneOf(o.agreementBasis, i.issue), render: (i) => zoneText(o.agreementBasis, i.issue) },
              { label: 'status quo', value: (i) => i.statusQuo, numeric: true, render: (i) => num(i.statusQuo) },
              { label: 'if agreed', value: (i) => i.ifAgreed, numeric: true, render: (i) => num(i.ifAgreed) },
              { label: 'expected', value: (i) => i.expected, numeric: true, render: (i) => num(i.expected) },
              { label: '50 % interval', value: (i) => span(i.interval50), numeric: true },
              { label: '90 % interval', value: (i) => span(i.interval90), numeric: true },
              { label: '25 %', value: (i) => i.interval50[0], hidden: true },
              { label: '75 %', value: (i) => i.interval50[1], hidden: true },
              { label: '5 %', value: (i) => i.interval90[0], hidden: true },
              { label: '95 %', value: (i) => i.interval90[1], hidden: true },
            ]}
          />
          <p className="muted small-text">
            Intervals are of the outcome by the date, agreement or not: when an agreement is unlikely they sit on the status quo. “If agreed”: the median terms should an
            agreement come. “Zone in draws”: the share of Monte Carlo draws in which the red lines of those who must agree leave room for a deal on the issue.
          </p>
          <h3>Each issue on its own scale</h3>
          <p className="muted small-text">{OUTLOOK_CHART_KEY}.</p>
          <div className="deal-charts" data-testid="deal-charts">
            {shown.issues.map((i) => {
              const iss = issueOf(i.issue);
              const rows = shown.model === 'status-quo' ? ['status-quo'] : [shown.model, 'status-quo'];
              return (
                <ChartFrame
                  key={i.issue}
                  title={iss?.title ?? i.issue}
                  testId={`deal-chart-${i.issue}`}
                  build={(doc, width) => renderChart({ ...outlookIssueChart(o, i.issue, { scale: iss?.scale ?? { min: 0, max: 100 }, title: iss?.title, models: rows }), title: undefined, width }, doc)}
                  deps={[o, shown.model]}
                />
              );
            })}
          </div>
        </>
      ) : null}
    </section>
  );
}

const zoneOf = (b: Outlook['agreementBasis'], issue: string) => b.issues.find((x) => x.issue === issue)?.zoneShare ?? null;
