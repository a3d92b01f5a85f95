import { useState } from 'react';
import type { IssueValueChange, RedLineCrossing } from '../../../src/analysis/drafts.ts';
import { anchorText } from '../../../src/case/anchors.ts';
import { matchMovedPoints, type ShownPoint } from '../draft-moves.ts';
import { api } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.ts';
import { num } from '../numbers.ts';
import { Field } from '../components/Field.tsx';

/** Two drafts side by side, point by point, with who gains and whose red lines they cross. */
export function DraftsView() {
  const { caseId, asOf, data, version } = useCase();
  const drafts = data?.drafts ?? [];
  // Default: the latest revision against the draft it revises; else the first two.
  const revision = [...drafts].reverse().find((d) => d.revises && drafts.some((x) => x.id === d.revises));
  const [a, setA] = useState(revision?.revises ?? drafts[0]?.id ?? '');
  const [b, setB] = useState(revision?.id ?? drafts[1]?.id ?? drafts[0]?.id ?? '');
  const check = useLoad(() => (drafts.length ? api.draftsCheck(caseId, asOf) : Promise.resolve(null)), [caseId, asOf, version]);
  const diff = useLoad(() => (a && b && a !== b && drafts.some((d) => d.id === a) && drafts.some((d) => d.id === b) ? api.draftsDiff(caseId, a, b, asOf) : Promise.resolve(null)), [caseId, a, b, asOf, version]);
  if (!data) return null;
  if (drafts.length === 0) return <p className="muted">The case has no drafts.</p>;
  const name = (actor: string) => data.actors.find((x) => x.id === actor)?.name ?? actor;
  const issueTitle = (id: string) => data.issues.find((x) => x.id === id)?.title ?? id;
  const draftTitle = (id: string) => drafts.find((d) => d.id === id)?.title ?? id;
  // A value on an issue with its anchor words; "status quo" where the draft is silent.
  const valueWords = (issue: string, v: number | null) => {
    const iss = data.issues.find((x) => x.id === issue);
    if (v === null) return iss ? `status quo (${num(iss.statusQuo)})` : 'status quo';
    const words = iss ? anchorText(iss, v) : '';
    return words ? `${num(v)} (${words})` : num(v);
  };
  const gainsText = (v: IssueValueChange) =>
    v.gains
      .filter((g) => Math.abs(g.change) > 1e-9)
      .sort((x, y) => y.change - x.change)
      .map((g) => `${name(g.actor)} ${g.change > 0 ? '+' : ''}${num(g.change * 100)}`)
      .join(', ');
  const shownPoints = diff.data ? matchMovedPoints(diff.data.points) : [];
  // Each draft is checked against the red lines in force on its own date (linesAsOf).
  const crossings = (check.data?.drafts ?? []).flatMap((d) => d.crossings.map((c) => ({ ...c, draft: d.draft, linesAsOf: d.linesAsOf })));
  const select = (label: string, value: string, onChange: (v: string) => void) => (
    <Field label={label}>
      {(id) => (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {drafts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title} ({d.date})
          </option>
        ))}
      </select>
      )}
    </Field>
  );
  return (
    <section aria-labelledby="drafts-title" data-testid="drafts">
      <h2 id="drafts-title">Drafts</h2>
      <div className="form-row">
        {select('Draft A', a, setA)}
        {select('Draft B', b, setB)}
      </div>
      {a === b ? <p className="muted">Choose two different drafts to compare.</p> : null}
      <ErrorNote error={diff.error} />
      {diff.loading && !diff.data && a !== b ? <Loading what="the diff" /> : null}
      {diff.data ? (
        <>
          <DataTable<IssueValueChange>
            title={`${diff.data.a.title} → ${diff.data.b.title}: issue by issue`}
            testId="draft-issues"
            rows={diff.data.issues}
            rowKey={(v) => v.issue}
            empty="The two drafts set the same value on every issue."
            columns={[
              { label: 'issue', value: (v) => issueTitle(v.issue) },
              { label: `A: ${diff.data.a.title}`, value: (v) => valueWords(v.issue, v.from) },
              { label: `B: ${diff.data.b.title}`, value: (v) => valueWords(v.issue, v.to) },
              { label: 'who gains (utility × 100)', value: (v) => gainsText(v) },
            ]}
          />
          <DataTable<ShownPoint>
            title={`${diff.data.a.title} → ${diff.data.b.title}: point by point`}
            testId="draft-diff"
            rows={shownPoints}
            rowKey={(p, i) => `${p.numberA}/${p.numberB}/${i}`}
            columns={[
              { label: `# in A`, value: (p) => p.numberA },
              { label: `A: ${diff.data.a.title}`, value: (p) => p.textA },
              { label: `# in B`, value: (p) => p.numberB },
              { label: `B: ${diff.data.b.title}`, value: (p) => p.textB },
              {
                label: 'change',
                value: (p) => changeText(p, issueTitle),
                render: (p) => <span className={`status-${p.status}`}>{changeText(p, issueTitle)}</span>,
              },
              {
                label: 'text diff',
                value: (p) => p.text.map((t) => (t.op === 'equal' ? t.text : t.op === 'insert' ? `[+${t.text}]` : `[-${t.text}]`)).join(' '),
                // Added and removed points are already shown whole in their column.
                render: (p) =>
                  p.status !== 'modified' && p.status !== 'moved' ? null : (
                  <span className="word-diff">
                    {p.text.map((t, i) =>
                      t.op === 'insert' ? <ins key={i}>{t.text} </ins> : t.op === 'delete' ? <del key={i}>{t.text} </del> : <span key={i}>{t.text} </span>,
                    )}
                  </span>
                ),
              },
              {
                label: 'issue values',
                value: (p) => p.valueChanges.map((v) => `${issueTitle(v.issue)}: ${valueWords(v.issue, v.from)} → ${valueWords(v.issue, v.to)}`).join('; '),
              },
              {
                label: 'who gains',
                value: (p) =>
                  p.valueChanges
                    .map(gainsText)
                    .filter(Boolean)
                    .join('; '),
              },
            ]}
          />
          <DataTable
            title={`Net gain from ${diff.data.a.title} to ${diff.data.b.title} (utility × 100)`}
            rows={diff.data.netGains}
            rowKey={(g) => g.actor}
            columns={[
              { label: 'actor', value: (g) => name(g.actor) },
              { label: 'gain', value: (g) => g.change, numeric: true, render: (g) => num(g.change * 100) },
            ]}
          />
        </>
      ) : null}
      <ErrorNote error={check.error} />
      <DataTable<RedLineCrossing & { draft: string; linesAsOf: string | null }>
        title="Red-line crossings"
        testId="crossings"
        rows={crossings}
        rowKey={(c, i) => `${c.draft}/${c.point}/${c.actor}/${i}`}
        empty={check.loading ? 'Checking…' : 'No draft crosses a red line.'}
        columns={[
          { label: 'draft', value: (c) => draftTitle(c.draft) },
          { label: 'point', value: (c) => c.point },
          { label: 'issue', value: (c) => issueTitle(c.issue) },
          { label: 'value', value: (c) => c.value, numeric: true },
          { label: 'actor', value: (c) => name(c.actor) },
          { label: 'red line', value: (c) => `${c.bound} ${num(c.limit)}` },
          { label: 'by', value: (c) => c.by, numeric: true, render: (c) => num(c.by) },
          { label: 'veto', value: (c) => c.veto, render: (c) => (c.veto ? <strong>veto</strong> : 'no') },
          { label: 'lines as of', value: (c) => c.linesAsOf ?? 'latest' },
        ]}
      />
      {check.data ? (
        <DataTable
          title="Each actor’s utility of each draft (vs status quo, × 100)"
          rows={check.data.drafts.flatMap((d) => d.utilities.map((u) => ({ draft: d.title, vetoed: d.vetoedBy.map(name).join(', '), ...u })))}
          rowKey={(r) => `${r.draft}/${r.actor}`}
          columns={[
            { label: 'draft', value: (r) => r.draft },
            { label: 'actor', value: (r) => name(r.actor) },
            { label: 'utility', value: (r) => r.utility, numeric: true, render: (r) => num(r.utility * 100) },
            { label: 'vs status quo', value: (r) => r.vsStatusQuo, numeric: true, render: (r) => num(r.vsStatusQuo * 100) },
            { label: 'vetoed by', value: (r) => r.vetoed },
          ]}
        />
      ) : null}
    </section>
  );
}

/** "moved (point 21 → 7, same issue: Donbas)", "modified (renumbered)", "removed", … */
function changeText(p: ShownPoint, issueTitle: (id: string) => string): string {
  if (p.status === 'moved') return `moved (point ${p.numberA} → ${p.numberB}, same issue: ${(p.movedOn ?? []).map(issueTitle).join(', ')})`;
  return p.status + (p.renumbered ? ' (renumbered)' : '');
}
