import { useState, type FormEvent } from 'react';
import type { z } from '@hono/zod-openapi';
import type { RecordBody, RecordList, Scores, SealedEntry } from '../../../src/server/routes/records.ts';
import type { Entry } from '../../../src/record/entry.ts';
import { ApiError, apiToken } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { recordHistoryChart, type RecordPoint } from '../charts/record-history.ts';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.ts';
import { num } from '../numbers.ts';

type RecordListT = z.output<typeof RecordList>;
type ScoresT = z.output<typeof Scores>;
type ModelScoreT = ScoresT['models'][number];

/** The record's own requests (same token and error handling as the dashboard's client). */
async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = apiToken.get();
  if (token && method !== 'GET') headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(300_000) });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const err = (json as { error?: { message?: string; path?: string | null } } | undefined)?.error;
    throw new ApiError(err?.message ?? `${res.status} ${res.statusText}`, res.status, err?.path ?? null);
  }
  return json as T;
}
const enc = encodeURIComponent;

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);

/**
 * The forecast record of this case (docs/record.md): each question's sealed forecasts over the dates
 * they were made (median and 90 % interval per entry, the resolved outcome as a line), whether the
 * record's hash chain verifies, and the scores of the resolved questions beside the baselines.
 */
export function RecordView() {
  const { caseId, data } = useCase();
  const [tick, setTick] = useState(0);
  const record = useLoad(() => call<RecordListT>('GET', `/api/record?case=${enc(caseId)}`), [caseId, tick]);
  const scores = useLoad(() => call<ScoresT>('GET', '/api/record/scores'), [tick]);
  const [question, setQuestion] = useState('');
  const [model, setModel] = useState('');
  if (!data) return null;
  const entries = (record.data?.entries ?? []).map((e) => e.entry as Entry).filter((e) => e && e.question);
  const questions = [...new Set(entries.map((e) => e.question.id))];
  const chosenQ = questions.includes(question) ? question : (questions.at(-1) ?? '');
  const mine = entries.filter((e) => e.question.id === chosenQ);
  const models = [...new Set(mine.flatMap((e) => e.outlook.models.map((m) => m.model)))];
  const chosenModel = models.includes(model) ? model : (mine.at(-1)?.outlook.model ?? models[0] ?? '');
  const resolution = record.data?.resolutions.find((r) => r.question === chosenQ)?.resolution;
  const caseScores = scores.data?.cases.find((c) => c.case === caseId);
  const verify = record.data?.verify;
  return (
    <section aria-labelledby="record-title" data-testid="record">
      <h2 id="record-title">Forecast record</h2>
      <p className="muted">
        Sealed forecasts of this case, each chained to the one before by its SHA-256, scored once the question is resolved (<code>parley resolve</code> or the API).
      </p>
      <ErrorNote error={record.error} />
      {verify ? (
        verify.ok ? (
          <p role="status" data-testid="record-verify">
            The record verifies: {verify.count} entries, head <code>{verify.head?.slice(0, 16)}…</code>
          </p>
        ) : (
          <p className="error" role="alert" data-testid="record-verify">
            The record does not verify: {verify.message}
          </p>
        )
      ) : record.loading ? (
        <Loading what="the record" />
      ) : null}
      <RecordForm caseId={caseId} onRecorded={(q) => (setQuestion(q), setTick((t) => t + 1))} />
      {questions.length ? (
        <div className="form-row">
          <Field label="Question">
            {(id) => (
              <select id={id} value={chosenQ} onChange={(e) => setQuestion(e.target.value)}>
                {questions.map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Model">
            {(id) => (
              <select id={id} value={chosenModel} onChange={(e) => setModel(e.target.value)}>
                {models.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : record.data ? (
        <p className="muted">Nothing recorded for this case yet.</p>
      ) : null}
      {mine.length ? (
        <>
          <p data-testid="record-question">
            <strong>{mine[0].question.text}</strong> <span className="muted">Resolution rule: {mine[0].question.rule}</span>
            <br />
            {resolution ? (
              <span>
                Resolved: agreement {resolution.agreement ? 'reached' : 'not reached'} (<a href={resolution.source} rel="noreferrer noopener" target="_blank">source</a>).
              </span>
            ) : (
              <span className="muted">Not resolved yet (by {mine[0].by}).</span>
            )}
          </p>
          {mine[0].case.issues.map((iss) => {
            const points: RecordPoint[] = [];
            for (const e of mine) {
              const m = e.outlook.models.find((x) => x.model === chosenModel);
              const f = m?.issues.find((i) => i.issue === iss.id);
              if (!m || !f) continue;
              const at = (t: number) => {
                const k = e.outlook.levels.indexOf(t);
                return k >= 0 ? f.quantiles[k] : f.expected;
              };
              points.push({ date: new Date(e.createdAt), median: at(0.5), lo90: f.interval90[0], hi90: f.interval90[1], agreement: m.agreement });
            }
            const outcome = resolution?.outcome[iss.id] ?? null;
            return (
              <ChartFrame
                key={iss.id}
                title={`${iss.title}: forecasts over time (${chosenModel})`}
                testId="record-chart"
                build={(doc, width) => recordHistoryChart({ points, outcome, scale: { min: iss.min, max: iss.max }, title: iss.title }, doc, width)}
                deps={[record.data, chosenQ, chosenModel, outcome]}
              />
            );
          })}
        </>
      ) : null}
      <ErrorNote error={scores.error} />
      {caseScores ? (
        <DataTable<ModelScoreT>
          title={`Scores of this case's resolved questions (${caseScores.questions})`}
          testId="record-scores"
          rows={caseScores.models}
          rowKey={(m) => m.model}
          columns={[
            { label: 'model', value: (m) => `${m.model}${m.baseline ? ' (baseline)' : ''}` },
            { label: 'questions', value: (m) => m.n, numeric: true },
            { label: 'entries', value: (m) => m.entries, numeric: true },
            { label: 'abs. error of the median', value: (m) => m.absError, numeric: true, render: (m) => num(m.absError) },
            { label: 'CRPS', value: (m) => m.crps, numeric: true, render: (m) => num(m.crps) },
            { label: '50 % coverage', value: (m) => m.coverage50, numeric: true, render: (m) => pct(m.coverage50) },
            { label: '90 % coverage', value: (m) => m.coverage90, numeric: true, render: (m) => pct(m.coverage90) },
            { label: 'Brier', value: (m) => m.brier, numeric: true, render: (m) => (Math.round(m.brier * 1000) / 1000).toFixed(3) },
          ]}
        />
      ) : scores.data ? (
        <p className="muted">No resolved question of this case yet: nothing to score.</p>
      ) : null}
    </section>
  );
}

/** Record a forecast now: the question's id and horizon (text and rule default on the server). */
function RecordForm({ caseId, onRecorded }: { caseId: string; onRecorded: (question: string) => void }) {
  const [question, setQuestion] = useState('');
  const [by, setBy] = useState('');
  const [runs, setRuns] = useState('1000');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [done, setDone] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: z.input<typeof RecordBody> = { question, by, runs: Number(runs) };
      const sealed = await call<z.output<typeof SealedEntry>>('POST', `/api/cases/${enc(caseId)}/record`, body);
      setDone(`Recorded entry ${sealed.entry.seq} (${sealed.hash.slice(0, 16)}…).`);
      onRecorded(question);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form-row" onSubmit={submit} aria-label="Record a forecast">
      <Field label="Question id">{(id) => <input id={id} required value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="deal-by-mid-2026" />}</Field>
      <Field label="Agreement by">{(id) => <input id={id} type="date" required value={by} onChange={(e) => setBy(e.target.value)} />}</Field>
      <Field label="Monte Carlo runs">{(id) => <input id={id} type="number" min={1} max={20000} value={runs} onChange={(e) => setRuns(e.target.value)} />}</Field>
      <button type="submit" disabled={busy}>
        {busy ? 'Recording…' : 'Record a forecast now'}
      </button>
      {done ? <span role="status">{done}</span> : null}
      <ErrorNote error={error} />
    </form>
  );
}
