import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { errorsByField, fromValues, toValues, type FieldSpec, type Row, type Scalar, type Values } from '../forms.ts';
import { ConflictPanel, useCaseWrite } from './Conflict.tsx';

interface ItemFormProps {
  title: string;
  fields: FieldSpec[];
  /** The item edited (undefined: a new one). */
  item?: Record<string, unknown>;
  /** Values a new item starts with (dates: the case's latest). */
  defaults?: Values;
  /** The case's collection the item lives in: the server's `stances[3].…` paths map to this form's fields. */
  collection: string;
  submitLabel: string;
  /** The write (If-Match is added by api.ts); what is written and the stored version, for a conflict. */
  save: (item: Record<string, unknown>) => Promise<unknown>;
  what: (item: Record<string, unknown>) => string;
  stored: (c: import('../../../src/case/schema.ts').Case, item: Record<string, unknown>) => unknown;
  onDone?: () => void;
  onCancel?: () => void;
  testId?: string;
  extra?: ReactNode;
}

/**
 * A form built from field specs: each input labelled, the server's errors shown beside the field
 * they name (`stances[85].position` → "Position"), a conflict shown as both versions.
 */
export function ItemForm(props: ItemFormProps) {
  const { fields, item } = props;
  const [values, setValues] = useState<Values>(() => ({ ...toValues(item, fields), ...(item ? {} : props.defaults) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const { run, conflict, keepTheirs } = useCaseWrite();
  const titleId = useId();

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setErrors({});
    setSaved(undefined);
    const body = fromValues(values, fields, item);
    setBusy(true);
    try {
      const r = await run(() => props.save(body), { what: props.what(body), mine: body, theirs: (c) => props.stored(c, body), fields });
      if (r === 'saved') {
        setSaved(`Saved: ${props.what(body)}.`);
        if (!item) setValues({ ...toValues(undefined, fields), ...props.defaults });
        props.onDone?.();
      }
    } catch (e) {
      if (e instanceof ApiError) setErrors(errorsByField(e, fields, props.collection));
      else setErrors({ '': (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const general = errors[''];
  const errorCount = Object.keys(errors).length;
  return (
    <form className="item-form" onSubmit={submit} aria-labelledby={titleId} data-testid={props.testId} noValidate>
      <h4 id={titleId}>{props.title}</h4>
      {errorCount ? (
        <p className="error" role="alert" data-testid="form-error">
          Not saved{general ? `: ${general}` : ' — see the field marked below.'} Nothing stored was changed.
        </p>
      ) : null}
      <FieldSet fields={fields} values={values} errors={errors} onChange={setValues} editing={!!item} prefix="" />
      {props.extra}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {saved ? (
        <p role="status" className="ok">
          {saved}
        </p>
      ) : null}
      {conflict ? <ConflictPanel conflict={conflict} onKeepTheirs={keepTheirs} onDone={props.onDone} /> : null}
    </form>
  );
}

interface FieldSetProps {
  fields: FieldSpec[];
  values: Values | Row;
  errors: Record<string, string>;
  onChange: (v: Values) => void;
  editing: boolean;
  /** `speakers[0].` inside a row: the key errors are filed under. */
  prefix: string;
}

export function FieldSet({ fields, values, errors, onChange, editing, prefix }: FieldSetProps) {
  const set = (k: string, v: Scalar | Row[]) => onChange({ ...values, [k]: v });
  return (
    <div className="form-grid">
      {fields.map((f) => (
        <FormField key={f.key} f={f} value={values[f.key]} error={errors[prefix + f.key]} errors={errors} set={(v) => set(f.key, v)} editing={editing} prefix={prefix} />
      ))}
    </div>
  );
}

function FormField({ f, value, error, errors, set, editing, prefix }: { f: FieldSpec; value: Scalar | Row[] | undefined; error?: string; errors: Record<string, string>; set: (v: Scalar | Row[]) => void; editing: boolean; prefix: string }) {
  const id = useId();
  const errId = `${id}-err`;
  const helpId = `${id}-help`;
  const describedBy = [error ? errId : '', 'help' in f && f.help ? helpId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: prefix + f.key, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  const note = (
    <>
      {'help' in f && f.help ? (
        <span id={helpId} className="help">
          {f.help}
        </span>
      ) : null}
      {error ? (
        <span id={errId} className="field-error" data-testid={`error-${prefix + f.key}`}>
          {error}
        </span>
      ) : null}
    </>
  );
  if (f.kind === 'rows') {
    const rows = (value as Row[] | undefined) ?? [];
    return (
      <fieldset className={error ? 'rows invalid' : 'rows'}>
        <legend>{f.label}</legend>
        {note}
        {rows.map((r, i) => (
          <div key={i} className="row-item" role="group" aria-label={`${f.label}, row ${i + 1}`}>
            <FieldSet fields={f.fields} values={r} errors={errors} onChange={(v) => set(rows.map((x, j) => (j === i ? (v as Row) : x)))} editing={false} prefix={`${prefix}${f.key}[${i}].`} />
            <button type="button" className="small secondary" onClick={() => set(rows.filter((_, j) => j !== i))}>
              Remove row {i + 1}
            </button>
          </div>
        ))}
        <button type="button" className="small" onClick={() => set([...rows, emptyRow(f.fields)])}>
          {f.addLabel}
        </button>
      </fieldset>
    );
  }
  if (f.kind === 'multi') {
    const chosen = (value as string[] | undefined) ?? [];
    return (
      <fieldset className={error ? 'multi invalid' : 'multi'} aria-describedby={describedBy}>
        <legend>{f.label}</legend>
        {f.options.length === 0 ? <span className="muted">none in the case yet</span> : null}
        {f.options.map(([v, l]) => (
          <label key={v} className="check">
            <input type="checkbox" name={prefix + f.key} value={v} checked={chosen.includes(v)} onChange={(e) => set(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))} /> {l}
          </label>
        ))}
        {note}
      </fieldset>
    );
  }
  if (f.kind === 'checkbox') {
    return (
      <div className="field check-field">
        <label className="check" htmlFor={id}>
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} /> {f.label}
        </label>
        {note}
      </div>
    );
  }
  const str = typeof value === 'string' ? value : Array.isArray(value) ? (value as string[]).join('\n') : '';
  const fixed = editing && 'fixedOnEdit' in f && f.fixedOnEdit;
  const required = 'required' in f && f.required;
  let input: ReactNode;
  if (f.kind === 'select') {
    input = (
      <select {...common} value={str} disabled={fixed} onChange={(e) => set(e.target.value)} aria-required={required || undefined}>
        {required ? null : <option value="">(none)</option>}
        {required && !f.options.some(([v]) => v === str) ? <option value="">choose…</option> : null}
        {f.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    );
  } else if (f.kind === 'textarea' || f.kind === 'lines') {
    input = <textarea {...common} rows={f.kind === 'lines' ? 2 : 3} value={str} onChange={(e) => set(f.kind === 'lines' ? e.target.value.split('\n') : e.target.value)} />;
  } else {
    const type = f.kind === 'number' ? 'text' : f.kind === 'date' ? 'date' : f.kind === 'url' ? 'url' : 'text';
    input = (
      <input
        {...common}
        type={type}
        inputMode={f.kind === 'number' ? 'decimal' : undefined}
        value={str}
        readOnly={fixed || undefined}
        aria-required={required || undefined}
        onChange={(e) => set(e.target.value)}
      />
    );
  }
  return (
    <div className={`field${f.kind === 'textarea' ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {f.label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {input}
      {note}
    </div>
  );
}

const emptyRow = (fields: FieldSpec[]): Row => toValues(undefined, fields) as Row;
