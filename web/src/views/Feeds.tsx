import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, isConflict, type FeedInput, type FeedPoll, type FeedStatus } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorNote } from '../components/Status.tsx';
import { safeUrl } from './Evidence.tsx';

/** Poll intervals offered (the case format takes any from 5m to 30d). */
const INTERVALS = ['5m', '15m', '30m', '1h', '6h', '12h', '1d'];

const when = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC') : 'never');

/**
 * The case's news feeds (`feeds:` in the case; the server polls them on their intervals) with what
 * their polls found, and "Poll now". New items' quotes arrive as candidates in the review queue below.
 * Feed labels, URLs and errors come from outside: shown as text, never as HTML.
 */
export function FeedsPanel() {
  const { caseId, data, refresh } = useCase();
  const [feeds, setFeeds] = useState<FeedStatus[]>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<FeedPoll>();
  const [url, setUrl] = useState('');
  const [every, setEvery] = useState('1h');
  const [label, setLabel] = useState('');

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

  /** Write the case's feed list (a new revision); a conflict reloads the case. */
  const write = async (next: FeedInput[]): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      setFeeds((await api.putFeeds(caseId, next)).feeds);
      await refresh('case');
      return true;
    } catch (e) {
      setError(isConflict(e) ? new Error(`Not saved: the case changed since you opened it (now revision ${e.currentRevision ?? '?'}); it is reloaded, try again.`) : (e as Error));
      if (isConflict(e)) await refresh('case');
      return false;
    } finally {
      setBusy(false);
    }
  };
  const current = (): FeedInput[] => (data?.feeds ?? []).map((f) => ({ ...f }));
  const add = async (ev: FormEvent) => {
    ev.preventDefault();
    const u = url.trim();
    if (!safeUrl(u)) return setError(new Error('the feed URL must start with http:// or https://'));
    if (current().some((f) => f.url === u)) return setError(new Error('the case has this feed already'));
    if (await write([...current(), { url: u, every, ...(label.trim() ? { label: label.trim() } : {}) }])) {
      setUrl('');
      setLabel('');
    }
  };
  const remove = (feedUrl: string) => void write(current().filter((f) => f.url !== feedUrl));

  if (feeds === undefined && !error) return null;
  return (
    <section aria-labelledby="feeds-title" data-testid="feeds">
      <h3 id="feeds-title">Feeds ({feeds?.length ?? 0})</h3>
      {feeds && feeds.length === 0 ? (
        <p className="muted">This case has no feeds. Add an RSS or Atom feed below: the server polls it on its interval and queues the quotes of new items here for review.</p>
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
              {
                label: 'items failing',
                value: (f) => f.retryingItems + f.failedItems,
                numeric: true,
                // An item whose page keeps failing is tried again after 1, 2, 4, 8 polls, then given up.
                render: (f) =>
                  f.retryingItems + f.failedItems === 0 ? (
                    '0'
                  ) : (
                    <span title={f.lastItemError ?? undefined}>
                      {[f.retryingItems ? `${f.retryingItems} retrying` : '', f.failedItems ? `${f.failedItems} given up` : ''].filter(Boolean).join(', ')}
                      {f.lastItemError ? <span className="muted"> ({f.lastItemError})</span> : null}
                    </span>
                  ),
              },
              { label: 'next poll', value: (f) => when(f.nextPollAt) },
              {
                label: 'remove',
                value: () => '',
                render: (f) => (
                  <button type="button" className="secondary" disabled={busy} onClick={() => remove(f.url)} aria-label={`Remove feed ${f.label}`}>
                    Remove
                  </button>
                ),
              },
            ]}
          />
          <button type="button" onClick={() => void poll()} disabled={busy}>
            {busy ? 'Polling…' : 'Poll now'}
          </button>
        </>
      ) : null}
      <form onSubmit={add} className="form-row" aria-label="Add a feed">
        <Field label="Feed URL">
          {(id) => <input id={id} name="feed-url" type="url" value={url} placeholder="https://…/rss.xml" maxLength={2000} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label="Poll every">
          {(id) => (
            <select id={id} name="feed-every" value={every} onChange={(e) => setEvery(e.target.value)}>
              {INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {i}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Feed label">
          {(id) => <input id={id} name="feed-label" value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <button type="submit" disabled={busy}>
          Add feed
        </button>
      </form>
      <ErrorNote error={error} />
      {last ? (
        <p role="status" data-testid="feeds-result">
          {last.added.length === 0 ? 'No new candidates' : `${last.added.length} new candidate${last.added.length === 1 ? '' : 's'} to review`}
          {last.raised.length ? ` · independent outlets raised for ${last.raised.length} (another outlet's own report)` : ''}
          {last.feeds.some((f) => f.status === 'failed') ? ` · failed: ${last.feeds.filter((f) => f.status === 'failed').map((f) => `${f.label} (${f.error ?? 'error'})`).join('; ')}` : ''}
          {last.feeds.some((f) => f.status === 'busy') ? ` · already being polled: ${last.feeds.filter((f) => f.status === 'busy').map((f) => f.label).join(', ')}` : ''}
        </p>
      ) : null}
    </section>
  );
}
