import { useState } from 'react';
import { api, isConflict, type HistoryEntry } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.ts';

/**
 * The case's history: every revision with its author, time, message and changes, newest first;
 * "Restore" writes a new revision whose content is that revision's (the history itself is kept).
 */
export function HistoryView() {
  const { caseId, version, refresh } = useCase();
  const history = useLoad(() => api.history(caseId), [caseId, version]);
  const [error, setError] = useState<Error>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState<number | null>(null);
  const restore = async (r: HistoryEntry) => {
    setError(undefined);
    setNote(undefined);
    setBusy(r.revision);
    try {
      const res = await api.restore(caseId, r.revision);
      setNote(`Revision ${r.revision} restored as revision ${res.revision}.`);
      await refresh();
    } catch (e) {
      setError(isConflict(e) ? new Error(`Not restored: the case changed since you opened it (now revision ${e.currentRevision ?? '?'}); the list is reloaded — check the newest change, then restore again.`) : (e as Error));
      if (isConflict(e)) await refresh('case');
    } finally {
      setBusy(null);
    }
  };
  const rows = history.data ? [...history.data].reverse() : undefined;
  const latest = rows?.[0]?.revision;
  return (
    <section aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">History</h2>
      <ErrorNote error={history.error} />
      <ErrorNote error={error} />
      {note ? (
        <p role="status" className="ok">
          {note}
        </p>
      ) : null}
      {!rows ? (
        <Loading what="the history" />
      ) : (
        <div className="scroll-x" tabIndex={0} role="region" aria-label="Revisions">
          <table className="history-table" data-testid="history-table">
            <caption>{rows.length} revisions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">revision</th>
                <th scope="col">author</th>
                <th scope="col">time</th>
                <th scope="col">message</th>
                <th scope="col">changes</th>
                <th scope="col">
                  <span className="visually-hidden">restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.revision}>
                  <td className="num">{r.revision}</td>
                  <td data-testid="author">{r.author}</td>
                  <td>
                    <time dateTime={r.createdAt}>{new Date(r.createdAt).toLocaleString()}</time>
                  </td>
                  <td>{r.message}</td>
                  <td>{r.changes?.length ? <ul className="changes">{r.changes.map((c, i) => <li key={i}>{c}</li>)}</ul> : <span className="muted">—</span>}</td>
                  <td>
                    {r.revision === latest ? (
                      <span className="muted">current</span>
                    ) : (
                      <button type="button" className="small" disabled={busy !== null} onClick={() => void restore(r)}>
                        {busy === r.revision ? 'Restoring…' : 'Restore this revision'}
                        <span className="visually-hidden"> (revision {r.revision})</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
