import { useId, useState, type FormEvent } from 'react';
import { api, ApiError, type CaseInput, type CaseSummary } from '../api.ts';
import { FieldSet } from '../components/ItemForm.tsx';
import { Field } from '../components/Field.tsx';
import { errorsByField, fromValues, type FieldSpec, type Values } from '../forms.ts';
import { href } from '../router.ts';

/**
 * The first actor and issue are part of the new case: a case needs one of each (the loader
 * refuses an empty list); the rest is added in the Build view.
 */
const FIELDS: FieldSpec[] = [
  { key: 'id', label: 'Case id', kind: 'text', required: true, help: 'letters, digits, "_", "." and "-"' },
  { key: 'title', label: 'Case title', kind: 'text', required: true },
  { key: 'kind', label: 'Kind of negotiation', kind: 'select', options: ['war', 'eu-legislation', 'trade', 'climate', 'coalition', 'labour', 'other'].map((k) => [k, k]) },
  { key: 'description', label: 'Case description', kind: 'textarea' },
  { key: 'actor.id', label: 'First actor id', kind: 'text', required: true },
  { key: 'actor.name', label: 'First actor name', kind: 'text', required: true },
  { key: 'actor.kind', label: 'First actor kind', kind: 'select', required: true, options: ['state', 'organisation', 'coalition', 'person'].map((k) => [k, k]) },
  { key: 'actor.capability', label: 'First actor capability', kind: 'number', required: true },
  { key: 'issue.id', label: 'First issue id', kind: 'text', required: true },
  { key: 'issue.title', label: 'First issue title', kind: 'text', required: true },
  { key: 'issue.scale.min', label: 'First issue scale min', kind: 'number' },
  { key: 'issue.scale.max', label: 'First issue scale max', kind: 'number' },
  { key: 'issue.statusQuo', label: 'First issue status quo', kind: 'number', required: true },
];

const SKELETON: Values = {
  'actor.id': 'actor-a',
  'actor.name': 'Actor A',
  'actor.kind': 'state',
  'actor.capability': '50',
  'issue.id': 'issue-1',
  'issue.title': 'Issue 1',
  'issue.scale.min': '0',
  'issue.scale.max': '100',
  'issue.statusQuo': '50',
};

/** The server names `actors[0].name`; this form calls it "First actor name". */
const toFormPath = (p: string) => p.replace(/^actors\[0\]\.?/, 'actor.').replace(/^issues\[0\]\.?/, 'issue.').replace(/\.$/, '');

/** A new case: from scratch, from the minimal skeleton, or a copy of a stored case (an example). */
export function NewCase({ cases }: { cases: CaseSummary[] }) {
  const [from, setFrom] = useState<string>('scratch');
  const [values, setValues] = useState<Values>({ 'actor.kind': 'state' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const copying = from.startsWith('case:');
  const fields = copying ? FIELDS.slice(0, 4) : FIELDS;

  const choose = (v: string) => {
    setFrom(v);
    setErrors({});
    if (v === 'skeleton') setValues({ ...values, ...SKELETON });
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setErrors({});
    setBusy(true);
    try {
      const v = fromValues(values, fields);
      let body: CaseInput;
      if (copying) {
        const template = await api.case(from.slice(5));
        const { $schema: _drop, ...rest } = template as CaseInput;
        body = { ...rest, id: v.id as string, title: v.title as string, ...(v.description ? { description: v.description as string } : {}), ...(v.kind ? { kind: v.kind as CaseInput['kind'] } : {}) };
      } else {
        const { actor, issue, ...head } = v as { actor?: Record<string, unknown>; issue?: Record<string, unknown> } & Record<string, unknown>;
        body = { ...head, actors: [actor ?? {}], issues: [issue ?? {}] } as CaseInput;
      }
      const r = await api.createCase(body);
      window.location.hash = href({ view: 'build', caseId: r.id });
    } catch (e) {
      if (e instanceof ApiError) {
        const mapped = { ...e, message: e.message, path: e.path === null ? null : toFormPath(e.path), problems: e.problems.map((p) => ({ ...p, path: toFormPath(p.path) })) };
        setErrors(errorsByField(mapped, fields, 'case'));
      } else setErrors({ '': (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="item-form new-case" onSubmit={submit} aria-labelledby={titleId} data-testid="new-case" noValidate>
      <h2 id={titleId}>New case</h2>
      <Field label="Start from">
        {(id) => (
          <select id={id} name="from" value={from} onChange={(e) => choose(e.target.value)}>
            <option value="scratch">scratch (a first actor and issue)</option>
            <option value="skeleton">the minimal skeleton (one actor, one issue)</option>
            {cases.map((c) => (
              <option key={c.id} value={`case:${c.id}`}>
                a copy of {c.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {Object.keys(errors).length ? (
        <p className="error" role="alert" data-testid="form-error">
          Not created{errors[''] ? `: ${errors['']}` : ' — see the field marked below.'}
        </p>
      ) : null}
      <FieldSet fields={fields} values={values} errors={errors} onChange={setValues} editing={false} prefix="" />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create the case'}
        </button>
      </div>
    </form>
  );
}
