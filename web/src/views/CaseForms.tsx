import { useState } from 'react';
import type { Case } from '../../../src/case/schema.ts';
import { api, ApiError, EXPORT_FORMATS, type CollectionItems, type CollectionKey, type StanceInput } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { actorFields, draftFields, eventFields, issueFields, scenarioFields, stanceFields } from '../case-specs.ts';
import { ConflictPanel, useCaseWrite } from '../components/Conflict.tsx';
import { ItemForm } from '../components/ItemForm.tsx';
import { ErrorNote } from '../components/Status.tsx';
import { defaultDate, type FieldSpec, type Values } from '../forms.ts';
import { estimateText, redLineText } from '../numbers.ts';
import { evidenceFields, fromGradeForm, gradeText, toGradeForm } from '../evidence-grades.ts';

/**
 * Build the case in the browser: add, edit and remove actors, issues, stances, drafts, scenarios
 * and events; download it (YAML, JSON, KTAB, decide) or its report. Each save is one revision,
 * validated by the server as the case loader validates a file; a refused save changes nothing.
 */
export function CaseFormsView() {
  const { caseId, data, asOf, refresh, forecasts, forecastError } = useCase();
  if (!data) return null;
  if (asOf)
    return (
      <p className="muted" data-testid="build-past">
        You are looking at the case as of {asOf}; it is edited on its latest state (clear “As of” above).
      </p>
    );
  const date = defaultDate(data);
  const stanceKey = (s: { actor: string; issue: string; date?: string }) => `${s.actor}/${s.issue}${s.date ? ` (${s.date})` : ''}`;
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string) => data.issues.find((i) => i.id === id)?.title ?? id;
  return (
    <section aria-labelledby="build-title" data-testid="build" className="build">
      <h2 id="build-title">Build the case</h2>
      <p className="muted">
        Every save is a new revision, checked as <code>parley check</code> checks a file; a save the server refuses changes nothing. New dates default to{' '}
        {date === new Date().toISOString().slice(0, 10) ? `${date} (today)` : `${date} (the case’s latest date: it is a past case)`}.
      </p>
      <Downloads caseId={caseId} />
      <div className="form-actions">
        <button type="button" onClick={() => void refresh()} data-testid="run-forecast">
          Run the forecast
        </button>
        <span role="status" aria-live="polite" data-testid="forecast-status">
          {forecastError ? `Forecast failed: ${forecastError.message}` : forecasts ? `Forecast of ${forecasts.length} models ready (see Overview).` : 'Forecasting…'}
        </span>
      </div>
      <Collection
        title="Actors"
        noun="actor"
        collection="actors"
        fields={actorFields(data)}
        items={data.actors}
        keyOf={(a) => a.id}
        describe={(a) => `${a.name} (${a.kind}, capability ${estimateText(a.capability)})${a.speakers.length ? ` · speakers: ${a.speakers.map((s) => s.name).join(', ')}` : ''}`}
        defaults={{ kind: 'state' }}
      />
      <Collection
        title="Issues"
        noun="issue"
        collection="issues"
        fields={issueFields()}
        items={data.issues}
        keyOf={(i) => i.id}
        describe={(i) => `${i.title} (${i.scale.min}–${i.scale.max}${i.scale.unit ? ` ${i.scale.unit}` : ''}, status quo ${i.statusQuo}${i.scale.anchors.length ? `, ${i.scale.anchors.length} anchor${i.scale.anchors.length === 1 ? '' : 's'}` : ''})`}
      />
      <Section
        title="Stances"
        noun="stance"
        collection="stances"
        fields={stanceFields(data)}
        items={data.stances}
        keyOf={stanceKey}
        describe={(s) =>
          `${actorName(s.actor)} on ${issueTitle(s.issue)}${s.date ? ` (${s.date})` : ''}: position ${estimateText(s.position)}, salience ${estimateText(s.salience)}${s.redLine ? `, red line ${redLineText(s.redLine)}` : ''}`
        }
        defaults={{ date }}
        save={(item) => api.putStance(caseId, item as StanceInput)}
        remove={(s) => api.deleteStance(caseId, s)}
        stored={(c, item) => c.stances.find((s) => s.actor === item.actor && s.issue === item.issue && s.date === item.date)}
        what={(item) => `stance ${stanceKey(item as { actor: string; issue: string; date?: string })}`}
      />
      <Collection title="Drafts" noun="draft" collection="drafts" fields={draftFields(data)} items={data.drafts} keyOf={(d) => d.id} describe={(d) => `${d.title} (${d.date}, ${d.points.length} point${d.points.length === 1 ? '' : 's'})`} defaults={{ date }} />
      <Collection title="Scenarios" noun="scenario" collection="scenarios" fields={scenarioFields(data)} items={data.scenarios} keyOf={(s) => s.id} describe={(s) => `${s.title} (${s.changes.length} change${s.changes.length === 1 ? '' : 's'})`} defaults={{ changes: [{ actor: '', issue: '', field: 'position', value: '' }] }} />
      <Collection title="Events" noun="event" collection="events" fields={eventFields(data)} items={data.events} keyOf={(e) => e.id} describe={(e) => `${e.date} · ${e.title} (${e.kind})`} defaults={{ date, kind: 'meeting' }} />
      <Collection
        title="Evidence"
        noun="evidence item"
        collection="evidence"
        fields={evidenceFields(data)}
        items={data.evidence}
        keyOf={(e) => e.id}
        describe={(e) => `${e.date} · ${e.speaker ?? (e.actor ? actorName(e.actor) : 'unattributed')}: “${e.text.length > 80 ? `${e.text.slice(0, 80)}…` : e.text}” (${[gradeText(e) ?? 'not graded', e.status, ...(e.retracted ? ['retracted'] : [])].join(', ')})`}
        defaults={{ date, kind: 'quote' }}
        formItem={toGradeForm}
        toItem={fromGradeForm}
      />
    </section>
  );
}

/** A collection with ids of its own: each write goes to /api/cases/{id}/{collection}[/{itemId}]. */
function Collection<K extends CollectionKey, T extends { id: string }>(props: {
  title: string;
  noun: string;
  collection: K;
  fields: FieldSpec[];
  items: T[];
  keyOf: (x: T) => string;
  describe: (x: T) => string;
  defaults?: Values;
  /** The item as the form reads it, and the form's body as the item the API takes (evidence: its retraction switch). */
  formItem?: (x: T) => Record<string, unknown>;
  toItem?: (body: Record<string, unknown>) => Record<string, unknown>;
}) {
  const { caseId } = useCase();
  const toItem = props.toItem ?? ((b: Record<string, unknown>) => b);
  const [adding, setAdding] = useState(false);
  return (
    <Section
      {...props}
      adding={adding}
      setAdding={setAdding}
      save={(item, isNew) => (isNew ? api.addItem(caseId, props.collection, toItem(item) as unknown as CollectionItems[K]) : api.putItem(caseId, props.collection, toItem(item) as unknown as CollectionItems[K] & { id: string }))}
      remove={(x) => api.deleteItem(caseId, props.collection, x.id)}
      stored={(c, item) => (c[props.collection] as Array<{ id: string }>).find((x) => x.id === item.id)}
      what={(item) => `${props.noun} ${String(item.id ?? '')}`}
    />
  );
}

interface SectionProps<T> {
  title: string;
  noun: string;
  collection: string;
  fields: FieldSpec[];
  items: T[];
  keyOf: (x: T) => string;
  describe: (x: T) => string;
  defaults?: Values;
  save: (item: Record<string, unknown>, isNew: boolean) => Promise<unknown>;
  remove: (x: T) => Promise<unknown>;
  stored: (c: Case, item: Record<string, unknown>) => unknown;
  what: (item: Record<string, unknown>) => string;
  adding?: boolean;
  setAdding?: (b: boolean) => void;
  formItem?: (x: T) => Record<string, unknown>;
}

function Section<T>(props: SectionProps<T>) {
  const [editing, setEditing] = useState<string | null>(null);
  const [localAdding, setLocalAdding] = useState(false);
  const adding = props.adding ?? localAdding;
  const setAdding = props.setAdding ?? setLocalAdding;
  const [removeError, setRemoveError] = useState<Error>();
  const [note, setNote] = useState<string>();
  const { run, conflict, keepTheirs } = useCaseWrite();
  const slug = props.collection;
  const remove = async (x: T) => {
    setRemoveError(undefined);
    try {
      await run(() => props.remove(x), { what: `removing ${props.noun} ${props.keyOf(x)}`, mine: { removed: props.keyOf(x) }, theirs: (c) => props.stored(c, x as Record<string, unknown>) });
    } catch (e) {
      setRemoveError(e instanceof ApiError ? new ApiError(`Not removed: ${e.message}`, e.status) : (e as Error));
    }
  };
  return (
    <section className="collection" aria-labelledby={`${slug}-title`} data-testid={`build-${slug}`}>
      <h3 id={`${slug}-title`}>
        {props.title} <span className="muted">({props.items.length})</span>
      </h3>
      {props.items.length ? (
        <ul className="items">
          {props.items.map((x) => {
            const key = props.keyOf(x);
            return (
              <li key={key}>
                {editing === key ? (
                  <ItemForm
                    title={`Edit ${props.noun} ${key}`}
                    fields={props.fields}
                    item={props.formItem ? props.formItem(x) : (x as Record<string, unknown>)}
                    collection={props.collection}
                    submitLabel={`Save ${props.noun}`}
                    save={(item) => props.save(item, false)}
                    stored={props.stored}
                    what={props.what}
                    onDone={() => setEditing(null)}
                    onCancel={() => setEditing(null)}
                    testId={`edit-${slug}`}
                  />
                ) : (
                  <>
                    <span className="item-text">{props.describe(x)}</span>{' '}
                    <button type="button" className="small" onClick={() => setEditing(key)} aria-label={`Edit ${props.noun} ${key}`}>
                      Edit
                    </button>{' '}
                    <button type="button" className="small secondary" onClick={() => void remove(x)} aria-label={`Remove ${props.noun} ${key}`}>
                      Remove
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No {props.title.toLowerCase()} yet.</p>
      )}
      <ErrorNote error={removeError} />
      {note ? (
        <p role="status" className="ok">
          {note}
        </p>
      ) : null}
      {conflict ? <ConflictPanel conflict={conflict} onKeepTheirs={keepTheirs} /> : null}
      {adding ? (
        <ItemForm
          title={`New ${props.noun}`}
          fields={props.fields}
          defaults={props.defaults}
          collection={props.collection}
          submitLabel={`Add ${props.noun}`}
          save={(item) => props.save(item, true)}
          stored={props.stored}
          what={props.what}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setNote(`Added the ${props.noun}.`);
          }}
          testId={`add-${slug}`}
        />
      ) : (
        <button
          type="button"
          onClick={() => {
            setNote(undefined);
            setAdding(true);
          }}
        >
          Add {/^[aeiou]/.test(props.noun) ? 'an' : 'a'} {props.noun}
        </button>
      )}
    </section>
  );
}

/** Downloads of the case (every export format) and of its report; fetched with the session's credentials. */
export function Downloads({ caseId }: { caseId: string }) {
  const [error, setError] = useState<Error>();
  const download = async (what: 'export' | 'report', format: string, filename: string, type: string) => {
    setError(undefined);
    try {
      const text = what === 'export' ? await api.exportText(caseId, format) : await api.reportText(caseId, format as 'html' | 'md');
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="downloads" role="group" aria-label="Download the case" data-testid="downloads">
      <span>Download:</span>
      {EXPORT_FORMATS.map((f) => (
        <button key={f.format} type="button" className="small secondary" onClick={() => void download('export', f.format, `${caseId}.${f.ext}`, 'text/plain')}>
          {f.label}
        </button>
      ))}
      <button type="button" className="small secondary" onClick={() => void download('report', 'html', `${caseId}-report.html`, 'text/html')}>
        Report (HTML)
      </button>
      <button type="button" className="small secondary" onClick={() => void download('report', 'md', `${caseId}-report.md`, 'text/markdown')}>
        Report (Markdown)
      </button>
      <ErrorNote error={error} />
    </div>
  );
}
