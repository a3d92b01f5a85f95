import { useCallback, useEffect, useState } from 'react';
import { api, isConflict, type FeedPoll, type FeedStatus } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote } from '../components/Status.tsx';

const when = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC') : 'never');

/**
 * The case's news feeds (`feeds:` in the case; the server polls them on their intervals) with what
 * their polls found, and "Poll now". New items' quotes arrive as candidates in the review queue below.
 * Feed labels, URLs and errors come from outside: shown as text, never as HTML.
 */
export function FeedsPanel() {
  const { caseId, refresh } = useCase();
  const [feeds, setFeeds] = useState<FeedStatus[]>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<FeedPoll>();

  const load = useCallback(async () => {
    try {
      setFeeds((await api.feeds(caseId)).feeds);
    } catch (e) {
      setError(e as Error);
    }
  }, [caseId]);
  useEffect(() => {
    setFeeds(undefined);
    setLast(undefined);
    void load();
  }, [load]);

  const poll = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const out = await api.pollFeeds(caseId);
      setLast(out);
      if (out.changed) await refresh('case');
    } catch (e) {
      setError(isConflict(e) ? new Error(`Not polled: the case changed since you opened it (now revision ${e.currentRevision ?? '?'}); it is reloaded, poll again.`) : (e as Error));
      if (isConflict(e)) await refresh('case');
    } finally {
      setBusy(false);
      await load();
    }
  };

  if (feeds === undefined && !error) return null;
  return (
    <section aria-labelledby="feeds-title" data-testid="feeds">
      <h3 id="feeds-title">Feeds ({feeds?.length ?? 0})</h3>
      {feeds && feeds.length === 0 ? (
        <p className="muted">
          This case has no feeds. List them in the case as <code>feeds: [{'{'} url, every, label {'}'}]</code> and the server polls them.
        </p>
      ) : null}
      {feeds && feeds.length > 0 ? (
        <>
          <DataTable<FeedStatus>
            title="Feeds polled"
            testId="feeds-table"
            rows={feeds}
            rowKey={(f) => f.url}
            columns={[
              { label: 'feed', value: (f) => f.label },
              { label: 'url', value: (f) => f.url, render: (f) => <span className="muted">{f.url}</span> },
              { label: 'every', value: (f) => f.every },
              { label: 'last polled', value: (f) => when(f.lastPolledAt) },
              { label: 'status', value: (f) => (f.polling ? 'polling…' : f.lastError ? `error: ${f.lastError}` : f.lastPolledAt ? 'ok' : 'not polled yet') },
              { label: 'items seen', value: (f) => f.itemsSeen, numeric: true },
              { label: 'new (last poll)', value: (f) => f.lastNew, numeric: true },
              { label: 'added in all', value: (f) => f.totalNew, numeric: true },
              { label: 'next poll', value: (f) => when(f.nextPollAt) },
            ]}
          />
          <button type="button" onClick={() => void poll()} disabled={busy}>
            {busy ? 'Polling…' : 'Poll now'}
          </button>
        </>
      ) : null}
      <ErrorNote error={error} />
      {last ? (
        <p role="status" data-testid="feeds-result">
          {last.added.length === 0 ? 'No new candidates' : `${last.added.length} new candidate${last.added.length === 1 ? '' : 's'} to review`}
          {last.feeds.some((f) => f.status === 'failed') ? ` · failed: ${last.feeds.filter((f) => f.status === 'failed').map((f) => `${f.label} (${f.error ?? 'error'})`).join('; ')}` : ''}
          {last.feeds.some((f) => f.status === 'busy') ? ` · already being polled: ${last.feeds.filter((f) => f.status === 'busy').map((f) => f.label).join(', ')}` : ''}
        </p>
      ) : null}
    </section>
  );
}
