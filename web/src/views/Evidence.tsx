import { useEffect, useState } from 'react';
import type { Case, Evidence } from '../../../src/case/schema.ts';
import { currentStances } from '../../../src/case/view.ts';
import { api, type CollectionItems, type StanceInput } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { evidenceReviewFields } from '../case-specs.ts';
import { ItemForm } from '../components/ItemForm.tsx';
import { useCaseWrite, ConflictPanel } from '../components/Conflict.tsx';
import { ErrorNote } from '../components/Status.tsx';
import type { FieldSpec } from '../forms.ts';
import { evidenceTimelineChart } from '../charts/evidence-timeline.ts';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { EvidenceGradeEditor, EvidenceGradeLine } from '../components/EvidenceGrade.tsx';
import { evidenceGradeFields, fromGradeForm, gradeText, retractionText, toGradeForm } from '../evidence-grades.ts';
import { useRoute } from '../router.ts';

/** Only http(s) links are made clickable (the schema allows no other, this guards old data too). */
export const safeUrl = (u: string | undefined): string | null => (u && /^https?:\/\//i.test(u) ? u : null);

/** Quotes and reports by date, with speaker, outlet and link; filter by actor, issue and status. */
export function EvidenceView() {
  const { data, asOf } = useCase();
  // A link (Research next) may start the view filtered to one actor and issue.
  const route = useRoute();
  const linked = route.view === 'evidence' ? route : undefined;
  const [actor, setActor] = useState(linked?.actor ?? '');
  const [issue, setIssue] = useState(linked?.issue ?? '');
  useEffect(() => {
    setActor(linked?.actor ?? '');
    setIssue(linked?.issue ?? '');
  }, [linked?.actor, linked?.issue]);
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
            <EvidenceGradeLine evidence={e} />
            {/* A retracted quote is struck through and labelled (EvidenceGradeLine): not colour alone. */}
            <blockquote className={e.retracted ? 'retracted' : undefined}>{e.retracted ? <s>{e.text}</s> : e.text}</blockquote>
            {e.status === 'candidate' && !asOf ? <Review evidence={e} data={data} /> : null}
            {e.status !== 'candidate' && !asOf ? <EvidenceGradeEditor evidence={e} /> : null}
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
          { label: 'grade', value: (e) => gradeText(e) ?? '' },
          { label: 'said on', value: (e) => e.saidOn },
          { label: 'outlets', value: (e) => e.outlets },
          { label: 'retracted', value: (e) => retractionText(e.retracted) ?? '' },
          { label: 'text', value: (e) => e.text },
        ]}
      />
    </section>
  );
}

/** The stance a quote is linked to: `actor\u0000issue\u0000date` (date empty for an undated stance). */
const stanceRef = (x: { actor: string; issue: string; date?: string }) => `${x.actor}\u0000${x.issue}\u0000${x.date ?? ''}`;

/**
 * Review a candidate quote: correct who said it (speaker, actor), what it is about (issues) and the
 * day the words were said (not only the article's date), optionally link it to a stance, then
 * accept it. Each step is a write with If-Match: the evidence item (collection PUT), the stance,
 * the accept; a conflict at any step shows both versions.
 */
function Review({ evidence, data }: { evidence: Evidence; data: Case }) {
  const { caseId } = useCase();
  const [open, setOpen] = useState(false);
  const [rejectError, setRejectError] = useState<Error>();
  const { run, conflict, keepTheirs } = useCaseWrite();
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string) => data.issues.find((i) => i.id === id)?.title ?? id;
  const stances = [...currentStances(data).values()].sort((a, b) => Number(b.actor === evidence.actor) - Number(a.actor === evidence.actor));
  const fields: FieldSpec[] = [
    ...evidenceReviewFields(data),
    ...evidenceGradeFields(),
    {
      key: 'linkStance',
      label: 'Link to the stance',
      kind: 'select',
      options: stances.map((s) => [stanceRef(s), `${actorName(s.actor)} on ${issueTitle(s.issue)}${s.date ? ` (${s.date})` : ''}`]),
      help: 'the estimate this quote supports (optional)',
    },
  ];
  const save = async (body: Record<string, unknown>) => {
    const { linkStance, ...form } = body as Record<string, unknown> & { linkStance?: string };
    const item = fromGradeForm(form);
    await api.putItem(caseId, 'evidence', item as unknown as CollectionItems['evidence'] & { id: string });
    if (linkStance) {
      const stance = data.stances.find((s) => stanceRef(s) === linkStance);
      if (stance && !stance.evidence.includes(evidence.id)) await api.putStance(caseId, { ...stance, evidence: [...stance.evidence, evidence.id] } as StanceInput);
    }
    await api.settleEvidence(caseId, evidence.id, 'accept');
  };
  const reject = async () => {
    setRejectError(undefined);
    try {
      await run(() => api.settleEvidence(caseId, evidence.id, 'reject'), { what: `rejecting evidence ${evidence.id}`, mine: { ...evidence, status: 'rejected' }, theirs: (c) => c.evidence.find((x) => x.id === evidence.id) });
    } catch (e) {
      setRejectError(e as Error);
    }
  };
  if (!open)
    return (
      <div className="form-actions">
        <button type="button" className="small" onClick={() => setOpen(true)} aria-label={`Review and accept evidence ${evidence.id}`}>
          Review and accept
        </button>{' '}
        <button type="button" className="small secondary" onClick={() => void reject()} aria-label={`Reject evidence ${evidence.id}`}>
          Reject
        </button>
        <ErrorNote error={rejectError} />
        {conflict ? <ConflictPanel conflict={conflict} onKeepTheirs={keepTheirs} /> : null}
      </div>
    );
  return (
    <ItemForm
      title={`Review evidence ${evidence.id}`}
      fields={fields}
      item={toGradeForm(evidence)}
      collection="evidence"
      submitLabel="Save corrections and accept"
      save={save}
      what={() => `evidence ${evidence.id}`}
      stored={(c) => c.evidence.find((x) => x.id === evidence.id)}
      onCancel={() => setOpen(false)}
      onDone={() => setOpen(false)}
      testId={`review-${evidence.id}`}
    />
  );
}
