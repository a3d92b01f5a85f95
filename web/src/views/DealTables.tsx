import { useState, type FormEvent } from 'react';
import type { Lever, LeverMove } from '../../../src/deal/levers.ts';
import { api } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { JobNote } from '../components/JobProgress.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { useJob } from '../components/useJob.ts';
import { useLoad } from '../components/useLoad.ts';
import { num } from '../numbers.ts';

type TargetKind = 'zone' | 'zone-issue' | 'value' | 'draft';
const TARGET_KINDS: Array<[TargetKind, string]> = [
  ['zone', 'a zone of agreement on every issue'],
  ['zone-issue', 'a zone of agreement on one issue'],
  ['value', 'a value on an issue'],
  ['draft', 'a draft every veto holder accepts'],
];

const pctText = (x: number | null): string => (x === null ? '–' : `${num(x * 100)} %`);

/**
 * What would it take: for a target chosen in a small form, the smallest changes per actor that reach
 * it, ranked (GET /api/cases/{id}/levers). Names, not ids; a lever that needs an actor to move outside
 * the range its evidence supports is flagged in words.
 */
export function LeversPanel({ infeasible }: { infeasible: boolean }) {
  const { caseId, asOf, data, version } = useCase();
  const [kind, setKind] = useState<TargetKind>('zone');
  const [issue, setIssue] = useState('');
  const [value, setValue] = useState('');
  const [draft, setDraft] = useState('');
  const [target, setTarget] = useState('zone');
  // A background job (POST /api/cases/{id}/jobs, kind levers): its result is GET …/levers's answer.
  const levers = useJob(caseId, 'levers', { target, ...(asOf ? { asOf } : {}) }, [caseId, asOf, version, target]);
  if (!data) return null;
  const name = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string | null) => (id === null ? 'every issue' : (data.issues.find((i) => i.id === id)?.title ?? id));
  const issueId = issue || data.issues[0]?.id || '';
  const draftId = draft || data.drafts[0]?.id || '';
  const fieldText = (m: LeverMove) => (m.field === 'redLine' ? `red line (${m.bound === 'min' ? 'lower' : 'upper'} bound)` : m.field);
  const moveText = (m: LeverMove) => `${name(m.actor)}: ${fieldText(m)} on ${issueTitle(m.issue)} ${num(m.from)} → ${num(m.to)}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTarget(kind === 'zone' ? 'zone' : kind === 'zone-issue' ? `zone:${issueId}` : kind === 'value' ? `value:${issueId}=${value}` : `draft:${draftId}`);
  };
  const r = levers.data;
  return (
    <section aria-labelledby="levers-title" data-testid="levers" className="levers">
      <h3 id="levers-title">What would it take? Levers</h3>
      {infeasible ? <p className="lead">The smallest changes of position, salience, capability or red line, per actor, that would open a zone of agreement.</p> : null}
      <form className="form-row" onSubmit={submit} aria-label="Target of the levers">
        <Field label="Target">
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as TargetKind)} data-testid="lever-kind">
              {TARGET_KINDS.map(([k, text]) => (
                <option key={k} value={k}>
                  {text}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'zone-issue' || kind === 'value' ? (
          <Field label="Issue">
            {(id) => (
              <select id={id} value={issueId} onChange={(e) => setIssue(e.target.value)}>
                {data.issues.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {kind === 'value' ? (
          <Field label="Value">
            {(id) => <input id={id} type="number" step="any" required value={value} onChange={(e) => setValue(e.target.value)} />}
          </Field>
        ) : null}
        {kind === 'draft' ? (
          <Field label="Draft">
            {(id) => (
              <select id={id} value={draftId} onChange={(e) => setDraft(e.target.value)}>
                {data.drafts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title} ({d.date})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <button type="submit" disabled={kind === 'draft' && !draftId}>
          Find the levers
        </button>
      </form>
      <JobNote job={levers} label="Levers search" />
      {r ? (
        <>
          <p className="muted" data-testid="levers-summary">
            Target: {r.target.text}. {r.levers.length ? `${r.levers.length} lever${r.levers.length === 1 ? '' : 's'}, smallest first.` : r.reachable ? 'No lever is needed.' : 'No lever found reaches it.'}
            {r.runs > 0 ? ` “Works in draws”: the share of ${r.runs} Monte Carlo draws (seed ${r.seed}) in which the lever reaches the target.` : ''}
          </p>
          {r.notes.length ? (
            <ul className="muted small-text">
              {r.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <DataTable<Lever>
            title={`Levers: ${r.target.text}`}
            testId="levers-table"
            rows={r.levers}
            rowKey={(l, i) => `${i}/${l.actor}/${l.issue}/${l.field}/${l.model}`}
            empty="No lever: the target is already met, or nothing within the scales reaches it."
            columns={[
              { label: 'rank', value: (_l) => r.levers.indexOf(_l) + 1, numeric: true },
              { label: 'actor', value: (l) => name(l.actor) },
              { label: 'issue', value: (l) => issueTitle(l.issue) },
              { label: 'what moves', value: (l) => fieldText(l) },
              { label: 'from', value: (l) => l.from, numeric: true, render: (l) => num(l.from) },
              { label: 'to', value: (l) => l.to, numeric: true, render: (l) => num(l.to) },
              { label: 'by (% of scale)', value: (l) => l.byNormalized, numeric: true, render: (l) => pctText(l.byNormalized) },
              { label: 'model', value: (l) => l.model ?? 'any' },
              ...(r.levers.some((l) => l.achieved !== null)
                ? [{ label: r.target.kind === 'probability' ? 'probability with it' : 'forecast with it', value: (l: Lever) => l.achieved, numeric: true, render: (l: Lever) => (r.target.kind === 'probability' ? pctText(l.achieved) : num(l.achieved)) }]
                : []),
              { label: 'works in draws', value: (l) => l.mcShare, numeric: true, render: (l) => pctText(l.mcShare) },
              {
                label: 'evidence',
                value: (l) => (l.outsideEvidence ? 'outside its evidence' : 'within its evidence'),
                render: (l) => (l.outsideEvidence ? <strong className="flag-outside">⚠ outside its evidence</strong> : 'within'),
              },
              { label: 'together with', value: (l) => l.with.map(moveText).join('; ') || '–' },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

const PACKAGE_TITLE: Record<string, string> = { maxmin: 'Package: max-min gain', nash: 'Package: Nash product', ks: 'Package: Kalai-Smorodinsky' };

/** Why an actor is against a draft or package, in words. */
function whyText(o: { crosses: string[]; worseThanStatusQuo: boolean }, issueTitle: (id: string) => string): string {
  const lines = o.crosses.length === 1 ? [`red line on ${issueTitle(o.crosses[0])}`] : o.crosses.length > 1 ? [`red lines on ${o.crosses.length} issues`] : [];
  return [...lines, ...(o.worseThanStatusQuo ? ['worse off than the status quo'] : [])].join(', ');
}

/** Voting power under the case's decision rule: Shapley-Shubik and Banzhaf per actor, the minimal blocking coalitions, and who blocks each draft and package. */
export function PowerPanel() {
  const { caseId, asOf, data, version } = useCase();
  const power = useLoad(() => api.power(caseId, asOf), [caseId, asOf, version]);
  if (!data) return null;
  const name = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string) => data.issues.find((i) => i.id === id)?.title ?? id;
  const p = power.data;
  const rule = p ? (p.rule === 'unanimity' ? 'unanimity of the veto holders' : p.rule === 'qualified-majority' ? 'a qualified majority' : 'a single decider') : '';
  return (
    <section aria-labelledby="power-title" data-testid="power" className="power">
      <h3 id="power-title">Who can block: voting power</h3>
      <ErrorNote error={power.error} />
      {power.loading && !p ? <Loading what="the power indices" /> : null}
      {p ? (
        <>
          <p className="muted">
            Decision rule{p.issue ? ` on ${data.issues.find((i) => i.id === p.issue)?.title ?? p.issue}` : ''}: {rule}; indices {p.method === 'exact' ? 'exact' : 'sampled'}.
          </p>
          <DataTable
            title="Power indices (share of the decisive votes)"
            testId="power-table"
            rows={p.actors}
            rowKey={(a) => a.actor}
            columns={[
              { label: 'actor', value: (a) => name(a.actor) },
              { label: 'Shapley-Shubik', value: (a) => a.shapleyShubik, numeric: true, render: (a) => pctText(a.shapleyShubik) },
              { label: 'Banzhaf', value: (a) => a.banzhaf, numeric: true, render: (a) => pctText(a.banzhaf) },
            ]}
          />
          <h4>Minimal blocking coalitions</h4>
          {p.blocking.length ? (
            <ul data-testid="blocking">
              {p.blocking.map((b) => (
                <li key={b.join('+')}>{b.map(name).join(' + ')}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">No coalition can block a deal.</p>
          )}
          <DataTable
            title="Who blocks it: each draft and package"
            testId="who-blocks"
            rows={[
              ...p.drafts.map((d) => ({ key: `draft:${d.draft}`, what: d.title, b: d })),
              ...p.packages.map((k) => ({ key: `package:${k.package}`, what: PACKAGE_TITLE[k.package] ?? `Package: nearest efficient to ${k.package.replace(/^nearest-/, '')}`, b: k })),
            ]}
            rowKey={(r) => r.key}
            empty="The case has no draft, and no package satisfies every veto holder."
            columns={[
              { label: 'draft or package', value: (r) => r.what },
              { label: 'against it', value: (r) => r.b.objections.map((o) => `${name(o.actor)} (${whyText(o, issueTitle)})`).join('; ') || 'nobody' },
              { label: 'blocked', value: (r) => (r.b.blocked ? 'yes' : 'no') },
              { label: 'minimal blocking coalitions', value: (r) => r.b.coalitions.map((k) => k.map(name).join(' + ')).join('; ') || '—' },
            ]}
          />
          <p className="muted">
            Against it: an actor whose red line it crosses, or who is worse off than under the status quo. Blocked: the opponents can stop it under the rule of an issue it settles.
            {p.packagesError ? ` The packages could not be computed: ${p.packagesError}.` : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}
