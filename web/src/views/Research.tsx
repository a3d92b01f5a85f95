import { useState } from 'react';
import type { EffectiveRange } from '../../../src/analysis/reliability.ts';
import type { ForecastRequest, ResearchReport } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { num2, useEffectiveRanges } from '../components/EffectiveRange.tsx';
import { JobNote } from '../components/JobProgress.tsx';
import { Loading } from '../components/Status.tsx';
import { useJob } from '../components/useJob.ts';
import { num } from '../numbers.ts';
import { href } from '../router.ts';

type Item = ResearchReport['items'][number];

/** Rows shown before "Show all". */
const FIRST_ROWS = 15;


/**
 * Research next: the estimates that move the forecast most and are least well evidenced, ranked
 * as `parley research` ranks them (POST /api/cases/{id}/research, src/analysis/research.ts), with
 * names, the grades of the evidence behind each one and links to its editor and its evidence. Below,
 * the estimates Monte Carlo draws over a wider range than written (src/analysis/reliability.ts).
 */
export function ResearchView() {
  const { caseId, asOf, data, version, modelParams, monteCarlo } = useCase();
  const [all, setAll] = useState(false);
  const body: ForecastRequest = { ...(asOf ? { asOf } : {}), ...(Object.keys(modelParams).length ? { params: modelParams as ForecastRequest['params'] } : {}) };
  // A background job (POST /api/cases/{id}/jobs, kind research): its result is POST …/research's answer.
  const report = useJob(caseId, 'research', body, [caseId, asOf, version, JSON.stringify(modelParams)]);
  const effective = useEffectiveRanges();
  if (!data) return null;
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string | null) => (id === null ? 'overall' : (data.issues.find((i) => i.id === id)?.title ?? id));
  const estimateName = (x: { field: string; issue: string | null }) => (x.issue === null ? `overall ${x.field}` : `${x.field} on ${issueTitle(x.issue)}`);
  const items = report.data?.items ?? [];
  const rows = all ? items : items.slice(0, FIRST_ROWS);
  const models = report.data?.models ?? [];
  const links = (x: Item) => {
    const who = `${actorName(x.actor)}, ${estimateName(x)}`;
    const editor = x.issue === null ? href({ view: 'build', caseId }) : href({ view: 'issue', caseId, issueId: x.issue, actor: x.actor, asOf });
    const evidence = href({ view: 'evidence', caseId, actor: x.actor, ...(x.issue ? { issue: x.issue } : {}), asOf });
    return (
      <span className="row-links">
        <a href={editor} aria-label={`Edit the estimate: ${who}`}>
          edit
        </a>{' '}
        <a href={evidence} aria-label={`Evidence for ${who}`}>
          evidence
        </a>
      </span>
    );
  };
  return (
    <section aria-labelledby="research-title" data-testid="research">
      <h2 id="research-title">Research next</h2>
      <p data-testid="research-explainer">
        The estimates worth checking first: those that move the forecast most and rest on the least, or the weakest, evidence. Score = swing × gap, where swing is how far the
        forecast moves when the estimate goes from its low to its high (in % of the issue’s scale, the largest over the issues, averaged over {models.length || 'the'} models) and gap =
        widening factor ÷ (1 + the evidence items that count). The factor grows with weak Admiralty grades, a single outlet or retracted evidence (see the Evidence tab); the same
        ranking as <code>parley research</code>.
      </p>
      <JobNote job={report} label="Research list" />
      {report.data ? (
        <>
          <DataTable<Item>
            title="Estimates to research next"
            testId="research-table"
            rows={rows}
            rowKey={(x) => `${x.actor}/${x.issue ?? ''}/${x.field}`}
            empty="No estimate with a range moves the forecast: nothing to rank."
            columns={[
              { label: '#', value: (x) => x.rank, numeric: true },
              { label: 'actor', value: (x) => actorName(x.actor) },
              { label: 'issue', value: (x) => issueTitle(x.issue) },
              { label: 'field', value: (x) => x.field },
              { label: 'range', value: (x) => `${num(x.low)}–${num(x.high)}`, render: (x) => <>{num(x.low)}–{num(x.high)} <span className="muted">({num(x.value)})</span></> },
              { label: 'swing %', value: (x) => x.swingPercent, numeric: true, render: (x) => num(x.swingPercent) },
              { label: 'evidence', value: (x) => `${x.counted}/${x.cited}`, render: (x) => <span title={`${x.counted} of ${x.cited} cited items count`}>{x.counted}/{x.cited}</span> },
              { label: 'grades', value: (x) => x.grades.join(' ') || '–' },
              { label: 'outlets', value: (x) => x.outlets ?? '?' },
              { label: 'factor', value: (x) => x.factor, numeric: true, render: (x) => `×${num2(x.factor)}` },
              { label: 'score', value: (x) => x.score, numeric: true, render: (x) => num2(x.score) },
              { label: 'why', value: (x) => x.reason },
              { label: 'open', value: () => '', render: links },
            ]}
          />
          {items.length > FIRST_ROWS ? (
            <button type="button" className="small secondary" onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? `Show the first ${FIRST_ROWS}` : `Show all ${items.length}`}
            </button>
          ) : null}
        </>
      ) : null}
      <h3>Effective ranges in Monte Carlo</h3>
      <p className="muted">
        An estimate resting on weak, single-sourced or retracted evidence is drawn over a wider range than written: its distances to low and high are multiplied by its factor, within the
        scale. Estimates without cited evidence, and point estimates, are drawn as written.
      </p>
      {effective === null ? (
        monteCarlo.status === 'failed' ? (
          <p className="error">Monte Carlo failed: {monteCarlo.error}</p>
        ) : (
          <Loading what="the Monte Carlo ranges" />
        )
      ) : (
        <DataTable<EffectiveRange>
          title="Estimates drawn over a wider range"
          testId="effective-ranges"
          rows={effective}
          rowKey={(r) => `${r.actor}/${r.issue}/${r.field}`}
          empty="No estimate is widened: every cited evidence item is well graded and carried by more than one outlet."
          columns={[
            { label: 'actor', value: (r) => actorName(r.actor) },
            { label: 'estimate', value: (r) => `${r.field} on ${issueTitle(r.issue)}` },
            { label: 'stated', value: (r) => `${num(r.low)}–${num(r.high)}` },
            { label: 'effective', value: (r) => `${num2(r.effectiveLow)}–${num2(r.effectiveHigh)}` },
            { label: 'factor', value: (r) => r.factor, numeric: true, render: (r) => `×${num2(r.factor)}` },
            { label: 'why', value: (r) => r.reason },
          ]}
        />
      )}
    </section>
  );
}
