import { useState } from 'react';
import type { Evidence } from '../../../src/case/schema.ts';
import { useCase } from '../case-data.tsx';
import { evidenceTimelineChart } from '../charts/evidence-timeline.ts';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';

/** Only http(s) links are made clickable (the schema allows no other, this guards old data too). */
export const safeUrl = (u: string | undefined): string | null => (u && /^https?:\/\//i.test(u) ? u : null);

/** Quotes and reports by date, with speaker, outlet and link; filter by actor, issue and status. */
export function EvidenceView() {
  const { data } = useCase();
  const [actor, setActor] = useState('');
  const [issue, setIssue] = useState('');
  const [status, setStatus] = useState('');
  if (!data) return null;
  const actorName = (id: string | undefined) => (id ? (data.actors.find((a) => a.id === id)?.name ?? id) : '');
  const shown = data.evidence
    .filter((e) => (!actor || e.actor === actor) && (!issue || e.issues.includes(issue)) && (!status || e.status === status))
    .sort((a, b) => a.date.localeCompare(b.date));
  const filter = (label: string, value: string, set: (v: string) => void, options: Array<[string, string]>) => (
    <Field label={label}>
      {(id) => (
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">all</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      )}
    </Field>
  );
  return (
    <section aria-labelledby="evidence-title" data-testid="evidence">
      <h2 id="evidence-title">Evidence</h2>
      <div className="form-row" role="group" aria-label="Filters">
        {filter('Actor', actor, setActor, data.actors.map((a) => [a.id, a.name]))}
        {filter('Issue', issue, setIssue, data.issues.map((i) => [i.id, i.title]))}
        {filter('Status', status, setStatus, [
          ['accepted', 'accepted'],
          ['candidate', 'candidate'],
          ['rejected', 'rejected'],
        ])}
        <span className="muted" role="status" aria-live="polite">
          {shown.length} of {data.evidence.length}
        </span>
      </div>
      {shown.length ? (
        <ChartFrame
          title="Evidence timeline"
          build={(doc) =>
            evidenceTimelineChart(
              shown.map((e) => ({
                date: e.date,
                actor: actorName(e.actor) || e.speaker || 'unattributed',
                status: e.status,
                label: `${e.date} ${e.speaker ?? ''}${e.outlet ? ` (${e.outlet})` : ''}\n${e.text.slice(0, 200)}`,
              })),
              doc,
              Math.min(1100, Math.max(560, window.innerWidth - 80)),
            )
          }
          deps={[shown]}
        />
      ) : null}
      <ol className="timeline" data-testid="evidence-list">
        {shown.map((e) => (
          <li key={e.id} className={`evidence status-${e.status}`}>
            <div className="meta">
              <time dateTime={e.date}>{e.date}</time> · <strong>{e.speaker ?? actorName(e.actor) ?? 'unattributed'}</strong>
              {e.actor ? ` (${actorName(e.actor)})` : ''}
              {e.outlet ? ` · ${e.outlet}` : ''}
              {safeUrl(e.url) ? (
                <>
                  {' · '}
                  <a href={safeUrl(e.url)!} target="_blank" rel="noopener noreferrer nofollow">
                    source
                  </a>
                </>
              ) : null}
              {e.status !== 'accepted' ? <span className="badge">{e.status}</span> : null}
              {e.issues.length ? <span className="muted"> · {e.issues.map((i) => data.issues.find((x) => x.id === i)?.title ?? i).join(', ')}</span> : null}
            </div>
            <blockquote>{e.text}</blockquote>
          </li>
        ))}
      </ol>
      <DataTable<Evidence>
        title="Evidence table"
        rows={shown}
        rowKey={(e) => e.id}
        columns={[
          { label: 'id', value: (e) => e.id },
          { label: 'date', value: (e) => e.date },
          { label: 'kind', value: (e) => e.kind },
          { label: 'speaker', value: (e) => e.speaker },
          { label: 'actor', value: (e) => actorName(e.actor) },
          { label: 'outlet', value: (e) => e.outlet },
          { label: 'url', value: (e) => e.url },
          { label: 'issues', value: (e) => e.issues.join(' ') },
          { label: 'status', value: (e) => e.status },
          { label: 'text', value: (e) => e.text },
        ]}
      />
    </section>
  );
}
