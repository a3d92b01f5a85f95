import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Stance } from '../../../src/case/schema.ts';
import { currentStances, pairKey } from '../../../src/case/view.ts';
import { api, ApiError } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { ErrorNote } from '../components/Status.tsx';
import { valueOf } from '../numbers.ts';
import { Field } from '../components/Field.tsx';
import { ConflictPanel, useCaseWrite } from '../components/Conflict.tsx';
import { defaultDate, errorsByField, type FieldSpec } from '../forms.ts';
import { EffectiveRangeNote } from '../components/EffectiveRange.tsx';
import { useRoute } from '../router.ts';
import { gradeText, gradeWords } from '../evidence-grades.ts';

interface Form {
  position: string;
  low: string;
  high: string;
  salience: string;
  redMin: string;
  redMinLow: string;
  redMinHigh: string;
  redMax: string;
  redMaxLow: string;
  redMaxHigh: string;
  veto: boolean;
  date: string;
  rationale: string;
  evidence: string[];
}

/** The server's error paths (`stances[85].redLine.minRange.low`) mapped to this form's inputs, by their names. */
const ERROR_FIELDS: FieldSpec[] = [
  { key: 'position.value', label: 'Position', kind: 'number' },
  { key: 'position.low', label: 'Position low', kind: 'number' },
  { key: 'position.high', label: 'Position high', kind: 'number' },
  { key: 'salience', label: 'Salience', kind: 'number' },
  { key: 'redLine.minRange.low', label: 'Red line min, range low', kind: 'number' },
  { key: 'redLine.minRange.high', label: 'Red line min, range high', kind: 'number' },
  { key: 'redLine.maxRange.low', label: 'Red line max, range low', kind: 'number' },
  { key: 'redLine.maxRange.high', label: 'Red line max, range high', kind: 'number' },
  { key: 'redLine.min', label: 'Red line min', kind: 'number' },
  { key: 'redLine.max', label: 'Red line max', kind: 'number' },
  { key: 'date', label: 'As of', kind: 'date' },
  { key: 'rationale', label: 'Rationale', kind: 'text' },
  { key: 'evidence', label: 'Evidence', kind: 'multi', options: [] },
];
const INPUT_OF: Record<string, keyof Form> = {
  'position.value': 'position',
  'position.low': 'low',
  'position.high': 'high',
  salience: 'salience',
  'redLine.min': 'redMin',
  'redLine.minRange.low': 'redMinLow',
  'redLine.minRange.high': 'redMinHigh',
  'redLine.max': 'redMax',
  'redLine.maxRange.low': 'redMaxLow',
  'redLine.maxRange.high': 'redMaxHigh',
  date: 'date',
  rationale: 'rationale',
  evidence: 'evidence',
};
const str = (x: number | undefined) => (x === undefined ? '' : String(x));

/**
 * Record a new estimate of one actor on the issue, with the evidence behind it. It is written as a
 * new dated stance (the old one stays in the history, so as-of views still see it); the forecasts
 * and Monte Carlo intervals are then recomputed and the forecast table shows old → new.
 */
export function EditEstimate({ issueId }: { issueId: string }) {
  const { caseId, asOf, data } = useCase();
  // A link (Research next) names the actor to open on: `#/case/c/issue/i?actor=a`.
  const route = useRoute();
  const linkedActor = route.view === 'issue' && data?.actors.some((a) => a.id === route.actor) ? route.actor : undefined;
  const [actor, setActor] = useState(linkedActor ?? data?.actors[0]?.id ?? '');
  useEffect(() => {
    if (linkedActor) setActor(linkedActor);
  }, [linkedActor]);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<Error>();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const { run, conflict, keepTheirs } = useCaseWrite();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const uid = useId();

  const current = data ? currentStances(data).get(pairKey(actor, issueId)) : undefined;
  useEffect(() => {
    const p = current ? valueOf(current.position) : undefined;
    setForm({
      position: str(p?.value),
      low: str(p?.low),
      high: str(p?.high),
      salience: current ? str(valueOf(current.salience).value) : '',
      redMin: str(current?.redLine?.min),
      redMinLow: str(current?.redLine?.minRange?.low),
      redMinHigh: str(current?.redLine?.minRange?.high),
      redMax: str(current?.redLine?.max),
      redMaxLow: str(current?.redLine?.maxRange?.low),
      redMaxHigh: str(current?.redLine?.maxRange?.high),
      veto: current?.redLine?.veto ?? false,
      // A closed case's estimates are dated on its last day, not today (forms.ts defaultDate).
      date: data ? defaultDate(data) : new Date().toISOString().slice(0, 10),
      rationale: '',
      evidence: current?.evidence ?? [],
    });
    setError(undefined);
    // Re-initialise when the actor changes or the case is reloaded, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actor, issueId, data]);

  if (!data || !form) return null;
  if (asOf)
    return (
      <p className="muted" data-testid="edit-estimate-past">
        You are looking at the case as of {asOf}; estimates are edited on its latest state (clear “As of” above).
      </p>
    );
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });
  const evidence = [...data.evidence]
    .filter((e) => e.status !== 'rejected')
    .sort((a, b) => Number(b.issues.includes(issueId)) - Number(a.issues.includes(issueId)) || b.date.localeCompare(a.date));

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(undefined);
    setFieldErrors({});
    setSaved(undefined);
    const n = (s: string) => (s.trim() === '' ? undefined : Number(s));
    const position = n(form.position);
    const salience = n(form.salience);
    if (position === undefined || salience === undefined || Number.isNaN(position) || Number.isNaN(salience)) {
      setError(new Error('position and salience need numbers'));
      return;
    }
    const low = n(form.low);
    const high = n(form.high);
    const redMin = n(form.redMin);
    const redMax = n(form.redMax);
    const range = (lo: string, hi: string) => {
      const low = n(lo);
      const high = n(hi);
      // Both ends or none: a half-given range is sent as it is, and the server names the missing end.
      return low === undefined && high === undefined ? undefined : { low, high };
    };
    const minRange = range(form.redMinLow, form.redMinHigh);
    const maxRange = range(form.redMaxLow, form.redMaxHigh);
    const redLine = {
      ...(redMin !== undefined ? { min: redMin } : {}),
      ...(minRange ? { minRange } : {}),
      ...(redMax !== undefined ? { max: redMax } : {}),
      ...(maxRange ? { maxRange } : {}),
      veto: form.veto,
      ...(current?.redLine?.note ? { note: current.redLine.note } : {}),
    };
    const stance: Stance = {
      actor,
      issue: issueId,
      date: form.date,
      position: low === undefined && high === undefined ? position : { value: position, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) },
      salience,
      ...(current?.capability !== undefined ? { capability: current.capability } : {}),
      ...(Object.keys(redLine).length > 1 || form.veto ? { redLine: redLine as Stance['redLine'] } : {}),
      ...(form.rationale.trim() ? { rationale: form.rationale.trim() } : {}),
      evidence: form.evidence,
    };
    setBusy(true);
    try {
      const r = await run(() => api.putStance(caseId, stance), {
        what: `stance ${actor}/${issueId} (${stance.date})`,
        mine: stance,
        theirs: (c) => c.stances.find((s) => s.actor === actor && s.issue === issueId && s.date === stance.date),
      });
      if (r === 'saved') setSaved('Saved; forecasts recomputed.');
    } catch (e) {
      if (e instanceof ApiError) {
        const byField = errorsByField(e, ERROR_FIELDS, 'stances');
        const mapped: Partial<Record<keyof Form, string>> = {};
        for (const [k, m] of Object.entries(byField)) if (INPUT_OF[k]) mapped[INPUT_OF[k]] = m;
        setFieldErrors(mapped);
        if (byField['']) setError(new Error(byField['']));
        else setError(new Error('Not saved — see the field marked above. Nothing stored was changed.'));
      } else setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const field = (k: 'position' | 'low' | 'high' | 'salience' | 'redMin' | 'redMinLow' | 'redMinHigh' | 'redMax' | 'redMaxLow' | 'redMaxHigh', label: string) => (
    <Field label={label}>
      {(id) => (
        <>
          <input id={id} name={k} type="number" step="any" inputMode="decimal" value={form[k]} aria-invalid={fieldErrors[k] ? true : undefined} aria-describedby={fieldErrors[k] ? `${id}-err` : undefined} onChange={(e) => set(k, e.target.value)} />
          {fieldErrors[k] ? (
            <span id={`${id}-err`} className="field-error" data-testid={`error-${k}`}>
              {fieldErrors[k]}
            </span>
          ) : null}
        </>
      )}
    </Field>
  );

  return (
    <form className="edit-estimate" onSubmit={submit} aria-labelledby={`${uid}-title`} data-testid="edit-estimate">
      <h3 id={`${uid}-title`}>Edit an estimate</h3>
      <div className="form-row">
        <Field label="Actor">
          {(id) => (
          <select id={id} name="actor" value={actor} onChange={(e) => setActor(e.target.value)}>
            {data.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          )}
        </Field>
        {field('position', 'Position')}
        {field('low', 'Position low')}
        {field('high', 'Position high')}
        {field('salience', 'Salience (0–100)')}
      </div>
      <EffectiveRangeNote actor={actor} issue={issueId} />
      <div className="form-row">
        {field('redMin', 'Red line min')}
        {field('redMinLow', 'Red line min, range low')}
        {field('redMinHigh', 'Red line min, range high')}
      </div>
      <div className="form-row">
        {field('redMax', 'Red line max')}
        {field('redMaxLow', 'Red line max, range low')}
        {field('redMaxHigh', 'Red line max, range high')}
        <label className="check">
          <input name="veto" type="checkbox" checked={form.veto} onChange={(e) => set('veto', e.target.checked)} /> Veto
        </label>
        <Field label="As of">
          {(id) => (
          <input id={id} name="date" type="date" value={form.date} required onChange={(e) => set('date', e.target.value)} />
          )}
        </Field>
      </div>
      <Field label="Rationale" wide>
        {(id) => (
        <textarea id={id} name="rationale" rows={2} value={form.rationale} maxLength={4000} onChange={(e) => set('rationale', e.target.value)} />
        )}
      </Field>
      <fieldset className="evidence-picker">
        <legend>Evidence behind the estimate</legend>
        {evidence.length === 0 ? <p className="muted">The case has no evidence yet: ingest an article first.</p> : null}
        {evidence.map((e) => (
          <label key={e.id} className="check">
            <input
              type="checkbox"
              checked={form.evidence.includes(e.id)}
              onChange={(ev) => set('evidence', ev.target.checked ? [...form.evidence, e.id] : form.evidence.filter((x) => x !== e.id))}
            />{' '}
            <span className="muted">{e.date}</span> {e.speaker ? `${e.speaker}: ` : ''}“{e.text.length > 140 ? `${e.text.slice(0, 140)}…` : e.text}”
            {gradeText(e) ? <span className="grade" title={gradeWords(e)}>{gradeText(e)}</span> : null}
            {e.retracted ? <span className="badge">retracted</span> : null}
            {e.status === 'candidate' ? <span className="badge">candidate</span> : null}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save estimate and re-forecast'}
      </button>
      <ErrorNote error={error} />
      {conflict ? <ConflictPanel conflict={conflict} onKeepTheirs={keepTheirs} /> : null}
      {saved ? (
        <p role="status" className="ok">
          {saved}
        </p>
      ) : null}
    </form>
  );
}
