import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { href } from '../router.ts';

/** The import route's formats (POST /api/cases/import?format=); "detect" lets the server tell from the name and text. */
const FORMATS: Array<[string, string]> = [
  ['', 'detect from the file'],
  ['yaml', 'parley case file (YAML)'],
  ['json', 'parley case file (JSON)'],
  ['ktab-csv', 'KTAB CSV'],
  ['ktab-xml', 'KTAB XML'],
  ['decide', 'decide'],
  ['bdm', 'BDM CSV'],
  ['deu', 'DEU'],
];

/** Largest file read in the browser: the server's body limit (2 MiB). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Import a file as a new case: its text posted to the import route, which parses and validates it. */
export function ImportCase() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [id, setId] = useState('');
  const [error, setError] = useState<{ message: string; problems: Array<{ path: string; message: string }> } | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const errId = useId();

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    if (!file) return setError({ message: 'choose a file first', problems: [] });
    if (file.size > MAX_FILE_BYTES) return setError({ message: `the file is ${file.size} bytes; the largest import is ${MAX_FILE_BYTES}`, problems: [] });
    setBusy(true);
    try {
      const r = await api.importCase(await file.text(), file.name.replace(/[/\\]/g, '_'), format || undefined, id.trim() || undefined);
      window.location.hash = href({ view: 'overview', caseId: r.id });
    } catch (e) {
      setError({ message: e instanceof ApiError && e.path ? `${e.message} (field: ${e.path})` : (e as Error).message, problems: e instanceof ApiError ? e.problems : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="item-form import-case" onSubmit={submit} aria-labelledby={titleId} data-testid="import-case">
      <h2 id={titleId}>Import a file</h2>
      <p className="muted">A case file (YAML or JSON), KTAB CSV or XML, decide, BDM CSV or DEU data. It becomes a new case.</p>
      <div className="form-grid">
        <Field label="File">
          {(fid) => <input id={fid} name="file" type="file" accept=".yaml,.yml,.json,.csv,.xml,.txt,.tsv" aria-describedby={error ? errId : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Field label="Format">
          {(fid) => (
            <select id={fid} name="format" value={format} onChange={(e) => setFormat(e.target.value)}>
              {FORMATS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Case id (optional)">
          {(fid) => <input id={fid} name="id" type="text" value={id} onChange={(e) => setId(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
      {error ? (
        <div className="error" role="alert" id={errId} data-testid="import-error">
          <p>Not imported: {error.message}</p>
          {error.problems.length > 1 ? (
            <ul>
              {error.problems.map((p, i) => (
                <li key={i}>
                  {p.path ? `${p.path}: ` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
