import { useState } from 'react';
import type { OverviewCell } from '../../../src/case/overview.ts';
import { api, type Revision } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { estimateText, num, redLineText } from '../numbers.ts';
import { href } from '../router.ts';
import { ForecastTable } from './ForecastTable.tsx';

/** The actors × issues matrix: position, salience, red line and evidence count per pair. */
export function CaseOverviewView() {
  const { caseId, data, overview: o, error } = useCase();
  if (!o) return error ? <ErrorNote error={error} /> : <Loading what="the overview" />;
  const cellOf = new Map(o.cells.map((c) => [`${c.actor}\u0000${c.issue}`, c]));
  const actorName = new Map(o.actors.map((a) => [a.id, a.name]));
  const issueTitle = new Map(o.issues.map((i) => [i.id, i.title]));
  return (
    <section aria-labelledby="overview-title" data-testid="overview">
      <h2 id="overview-title">Overview</h2>
      {data?.description ? <p className="lead">{data.description}</p> : null}
      <p className="muted">
        {o.counts.actors} actors · {o.counts.issues} issues · {o.counts.stances} stances · {o.counts.evidence} evidence · {o.counts.drafts} drafts ·{' '}
        {o.counts.scenarios} scenarios · {o.counts.events} events
      </p>
      <div className="scroll-x" tabIndex={0} role="region" aria-label="Stances: actors by issues">
        <table className="matrix" data-testid="matrix">
          <caption>
            Each cell: position (range) · salience · red line · evidence count. Positions are on each issue’s own scale.
          </caption>
          <thead>
            <tr>
              <th scope="col">Actor (capability)</th>
              {o.issues.map((i) => (
                <th key={i.id} scope="col">
                  <a href={href({ view: 'issue', caseId, issueId: i.id })}>{i.title}</a>
                  <div className="muted small-text">
                    {num(i.scale.min)}–{num(i.scale.max)}
                    {i.scale.unit ? ` ${i.scale.unit}` : ''}, status quo {num(i.statusQuo)}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {o.actors.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.name} <span className="muted">({estimateText(a.capability)})</span>
                </th>
                {o.issues.map((i) => {
                  const c = cellOf.get(`${a.id}\u0000${i.id}`);
                  return <td key={i.id}>{c ? <Cell c={c} /> : <span className="muted">—</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ForecastTable />
      <details className="more">
        <summary>All stances as a table (for export)</summary>
        <DataTable<OverviewCell>
        title="Stances"
        rows={o.cells}
        rowKey={(c) => `${c.actor}/${c.issue}`}
        columns={[
          { label: 'actor', value: (c) => actorName.get(c.actor) ?? c.actor },
          { label: 'issue', value: (c) => issueTitle.get(c.issue) ?? c.issue },
          { label: 'position', value: (c) => c.position.value, numeric: true },
          { label: 'position low', value: (c) => c.position.low, numeric: true },
          { label: 'position high', value: (c) => c.position.high, numeric: true },
          { label: 'salience', value: (c) => c.salience.value, numeric: true },
          { label: 'red line min', value: (c) => c.redLine?.min, numeric: true },
          { label: 'red line max', value: (c) => c.redLine?.max, numeric: true },
          { label: 'veto', value: (c) => c.redLine?.veto ?? false },
          { label: 'evidence', value: (c) => c.evidenceCount, numeric: true },
          { label: 'date', value: (c) => c.date },
        ]}
        />
      </details>
      <RevisionHistory />
    </section>
  );
}

function Cell({ c }: { c: OverviewCell }) {
  return (
    <div className={c.uncertain ? 'cell uncertain' : 'cell'}>
      <div>
        <span className="label">pos</span> {estimateText(c.position)}
      </div>
      <div>
        <span className="label">sal</span> {estimateText(c.salience)}
      </div>
      {c.redLine ? (
        <div>
          <span className="label">red</span> {redLineText(c.redLine)}
        </div>
      ) : null}
      <div className="muted">
        {c.evidenceCount} evidence{c.uncertain ? ' · uncertain' : ''}
      </div>
    </div>
  );
}

/** Every change to the case is a revision (who, when, what); loaded when the reader opens it. */
function RevisionHistory() {
  const { caseId, version } = useCase();
  const [open, setOpen] = useState(false);
  const revisions = useLoad(() => (open ? api.revisions(caseId) : Promise.resolve(undefined)), [caseId, version, open]);
  return (
    <details className="more" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Revision history</summary>
      <ErrorNote error={revisions.error} />
      {revisions.data ? (
        <DataTable<Revision>
          title="Revisions"
          testId="revisions"
          rows={[...revisions.data].reverse()}
          rowKey={(r) => String(r.revision)}
          columns={[
            { label: 'revision', value: (r) => r.revision, numeric: true },
            { label: 'when', value: (r) => r.createdAt, render: (r) => new Date(r.createdAt).toLocaleString() },
            { label: 'who', value: (r) => r.author },
            { label: 'what', value: (r) => r.message },
          ]}
        />
      ) : open ? (
        <Loading what="revisions" />
      ) : null}
    </details>
  );
}
