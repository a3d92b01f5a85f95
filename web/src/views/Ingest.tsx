import { useState, type FormEvent } from 'react';
import { api, type IngestQuote, type IngestResult } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote } from '../components/Status.tsx';
import { safeUrl } from './Evidence.tsx';
import { Field } from '../components/Field.tsx';
import { FeedsPanel } from './Feeds.tsx';

/** The API's limit for ingest bodies (docs/api.md): 10 MB. */
const MAX_ARTICLE_CHARS = 10_000_000;

/**
 * Paste an article or give a URL; the server finds the quotes, speakers, sources and dates and
 * stores the quotes as candidate evidence; the analyst accepts or rejects each. The article is
 * untrusted: it is shown as text (React text nodes), never parsed or rendered as HTML here.
 */
export function IngestView() {
  const { caseId, data, refresh } = useCase();
  const [mode, setMode] = useState<'text' | 'url'>('text');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [outlet, setOutlet] = useState('');
  const [title, setTitle] = useState('');
  const [result, setResult] = useState<IngestResult>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [settling, setSettling] = useState<string>();

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(undefined);
    if (mode === 'text' && !text.trim()) return setError(new Error('paste the article text first'));
    if (mode === 'text' && text.length > MAX_ARTICLE_CHARS) return setError(new Error('the article is larger than 10 MB'));
    if (mode === 'url' && !safeUrl(url.trim())) return setError(new Error('the URL must start with http:// or https://'));
    setBusy(true);
    try {
      const out = await api.ingest({
        ...(mode === 'text' ? { text } : { url: url.trim() }),
        ...(date ? { date } : {}),
        ...(outlet.trim() ? { outlet: outlet.trim() } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        caseId,
      });
      setResult(out);
      await refresh('case');
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const settle = async (evidenceId: string, verdict: 'accept' | 'reject') => {
    setSettling(evidenceId);
    setError(undefined);
    try {
      await api.settleEvidence(caseId, evidenceId, verdict);
      await refresh('case');
    } catch (e) {
      setError(e as Error);
    } finally {
      setSettling(undefined);
    }
  };

  const candidates = (data?.evidence ?? []).filter((e) => e.status === 'candidate');
  const actorName = (id: string | null | undefined) => (id ? (data?.actors.find((a) => a.id === id)?.name ?? id) : '');
  return (
    <section aria-labelledby="ingest-title" data-testid="ingest">
      <h2 id="ingest-title">Ingest an article</h2>
      <form onSubmit={submit} className="ingest-form">
        <fieldset className="form-row">
          <legend>Source</legend>
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'text'} onChange={() => setMode('text')} /> Paste text
          </label>
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'url'} onChange={() => setMode('url')} /> URL
          </label>
        </fieldset>
        {mode === 'text' ? (
          <Field label="Article text" wide>
            {(id) => (
            <textarea id={id} name="article" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
            )}
          </Field>
        ) : (
          <Field label="Article URL" wide>
            {(id) => (
            <input id={id} name="url" type="url" value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
            )}
          </Field>
        )}
        <div className="form-row">
          <Field label="Article date">
            {(id) => (
            <input id={id} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            )}
          </Field>
          <Field label="Outlet">
            {(id) => (
            <input id={id} name="outlet" value={outlet} maxLength={200} onChange={(e) => setOutlet(e.target.value)} />
            )}
          </Field>
          <Field label="Title">
            {(id) => (
            <input id={id} name="title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
            )}
          </Field>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Reading…' : 'Find quotes'}
        </button>
      </form>
      <ErrorNote error={error} />
      {result ? <IngestReport out={result} actorName={actorName} /> : null}
      <FeedsPanel />
      <section aria-labelledby="candidates-title" data-testid="candidates">
        <h3 id="candidates-title">Candidates to review ({candidates.length})</h3>
        {candidates.length === 0 ? <p className="muted">No candidate evidence waiting.</p> : null}
        <ul className="candidates">
          {candidates.map((e) => (
            <li key={e.id} data-evidence-id={e.id}>
              <blockquote>{e.text}</blockquote>
              <div className="meta">
                {e.speaker ?? 'unknown speaker'}
                {e.actor ? ` (${actorName(e.actor)})` : ''} · {e.date}
                {e.outlet ? ` · ${e.outlet}` : ''}
                {e.issues.length ? ` · ${e.issues.join(', ')}` : ''}
              </div>
              <button type="button" disabled={settling === e.id} onClick={() => void settle(e.id, 'accept')} aria-label={`Accept quote ${e.id}`}>
                Accept
              </button>{' '}
              <button type="button" className="secondary" disabled={settling === e.id} onClick={() => void settle(e.id, 'reject')} aria-label={`Reject quote ${e.id}`}>
                Reject
              </button>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function IngestReport({ out, actorName }: { out: IngestResult; actorName: (id: string | null | undefined) => string }) {
  const listText = (xs: string[]) => xs.join(', ');
  return (
    <section aria-labelledby="report-title" data-testid="ingest-report">
      <h3 id="report-title">
        Found {out.quotes.length} quote{out.quotes.length === 1 ? '' : 's'}
        {out.stored ? `, ${out.stored.length} stored as candidates` : ''}
        {out.raised?.length ? `, independent outlets raised for ${out.raised.length}` : ''}
      </h3>
      <p className="muted">
        {out.article.title ? `${out.article.title} · ` : ''}
        {out.article.outlet ? `${out.article.outlet} · ` : ''}
        {out.article.date ?? 'no date'}
        {out.sources.length ? ` · sources: ${listText(out.sources)}` : ''}
        {out.actors.length ? ` · actors named: ${listText(out.actors)}` : ''}
      </p>
      <DataTable<IngestQuote>
        title="Quotes found"
        rows={out.quotes}
        rowKey={(q, i) => `${q.start}/${i}`}
        columns={[
          { label: 'quote', value: (q) => q.text },
          { label: 'speaker', value: (q) => q.speaker ?? '' },
          { label: 'mention', value: (q) => q.speakerMention ?? '' },
          { label: 'cue', value: (q) => q.cue ?? '' },
          { label: 'actor', value: (q) => actorName(q.actor) },
          { label: 'issues', value: (q) => (q.issues ?? []).join(' ') },
          { label: 'partial', value: (q) => q.partial ?? false },
        ]}
      />
      <MarkedArticle body={out.body} quotes={out.quotes} />
    </section>
  );
}

/**
 * The article with the quotes marked, built from text slices: the text is never parsed as HTML. The
 * offsets are the server's, into the body it measured (`out.body`: the pasted text without its
 * header block, or the text extracted from a page), so they are applied to that text, not to the paste.
 */
function MarkedArticle({ body, quotes }: { body: string; quotes: IngestQuote[] }) {
  const spans = [...quotes].filter((q) => q.start >= 0 && q.end <= body.length && q.start < q.end).sort((a, b) => a.start - b.start);
  const parts: Array<{ text: string; quote?: IngestQuote }> = [];
  let at = 0;
  for (const q of spans) {
    if (q.start < at) continue;
    parts.push({ text: body.slice(at, q.start) });
    parts.push({ text: body.slice(q.start, q.end), quote: q });
    at = q.end;
  }
  parts.push({ text: body.slice(at) });
  return (
    <details open>
      <summary>Article text with the quotes marked</summary>
      <div className="article-text" data-testid="article-text">
        {parts.map((p, i) =>
          p.quote ? (
            <mark key={i} title={p.quote.speaker ? `speaker: ${p.quote.speaker}` : 'speaker unknown'}>
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </div>
    </details>
  );
}
