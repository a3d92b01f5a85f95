import { useCallback, useState } from 'react';
import type { Case } from '../../../src/case/schema.ts';
import { api, isConflict } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { fieldDiff, fieldForPath, labelFor, type FieldSpec } from '../forms.ts';

export interface Conflict {
  what: string;
  mine: unknown;
  theirs: unknown;
  storedRevision: number | undefined;
  /** The form's fields: rows are named by their labels ("Position"), not by their keys. */
  fields?: FieldSpec[];
  /** Re-send my version on top of the stored one (If-Match: the revision just read). */
  keepMine: () => Promise<void>;
}

interface WriteOptions {
  /** What is written, for the conflict's heading (`stance russia/donbas`). */
  what: string;
  /** My version of the item, as sent. */
  mine: unknown;
  /** The stored version of the same item in the case as it is now (undefined: it is gone). */
  theirs: (stored: Case) => unknown;
  fields?: FieldSpec[];
}

/**
 * Writes to the open case: each sends If-Match (api.ts keeps the revision read). When the case
 * changed since (412, or 409 of a write that raced another), the stored case is read again and the
 * conflict holds both versions of the item, so the user chooses: keep mine (re-sent with the new
 * revision) or keep theirs (reload). Any other refusal is thrown to the form, which shows it by field.
 * After a write the case and its forecasts are reloaded.
 */
export function useCaseWrite() {
  const { caseId, refresh } = useCase();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const run = useCallback(
    async (write: () => Promise<unknown>, opts: WriteOptions): Promise<'saved' | 'conflict'> => {
      try {
        await write();
      } catch (e) {
        if (!isConflict(e)) throw e;
        const stored = await api.caseAt(caseId);
        setConflict({
          what: opts.what,
          mine: opts.mine,
          theirs: opts.theirs(stored.case as Case),
          storedRevision: stored.revision,
          fields: opts.fields,
          keepMine: async () => {
            // The revision just read is now the one If-Match names: the write lands on top of theirs.
            await write();
            setConflict(null);
            await refresh();
          },
        });
        return 'conflict';
      }
      setConflict(null);
      await refresh();
      return 'saved';
    },
    [caseId, refresh],
  );
  const keepTheirs = useCallback(async () => {
    setConflict(null);
    await refresh();
  }, [refresh]);
  return { run, conflict, keepTheirs };
}

/** Both versions side by side, field by field (the fields that differ marked), and the choice. */
export function ConflictPanel({ conflict, onKeepTheirs, onDone }: { conflict: Conflict; onKeepTheirs: () => void | Promise<void>; onDone?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const rows = fieldDiff(conflict.mine, conflict.theirs);
  const changed = rows.filter((r) => r.differs);
  const fields = conflict.fields;
  const nameOf = (key: string) => {
    const f = fields ? fieldForPath(key, fields, '-') : null;
    return f && fields ? labelFor(f, fields) : key;
  };
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h3 id="conflict-title">Someone else changed this case: {conflict.what}</h3>
      <p>
        Your save was not applied: the case is now at revision {conflict.storedRevision ?? '?'}.
        {conflict.theirs === undefined ? ' The stored case no longer has this item.' : ` ${changed.length} field${changed.length === 1 ? ' differs' : 's differ'}.`} Choose the version to keep.
      </p>
      <div className="scroll-x" tabIndex={0} role="region" aria-label="Both versions, field by field">
        <table className="conflict-table">
          <caption>Your version and the stored one, field by field</caption>
          <thead>
            <tr>
              <th scope="col">field</th>
              <th scope="col">yours</th>
              <th scope="col">stored</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} className={r.differs ? 'differs' : undefined}>
                <th scope="row">
                  {nameOf(r.field)}
                  {r.differs ? <span className="badge">differs</span> : null}
                </th>
                <td data-testid={`mine-${r.field}`}>{r.mine}</td>
                <td data-testid={`theirs-${r.field}`}>{r.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await conflict.keepMine();
              onDone?.();
            } catch (e) {
              setError((e as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          Keep mine (save over the stored version)
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={async () => {
            await onKeepTheirs();
            onDone?.();
          }}
        >
          Keep theirs (discard my edit and reload)
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
