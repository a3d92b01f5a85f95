import { useState } from 'react';
import type { Case, Draft } from '../../../src/case/schema.ts';
import type { Package } from '../../../src/deal/packages.ts';
import { anchorText } from '../../../src/case/anchors.ts';
import { utilityModel, utilityOf } from '../../../src/analysis/red-lines.ts';
import { defaultFrontierPair, FRONTIER_KEY, frontierChart, frontierText, twoActorFrontier } from '../../../src/charts/frontier.ts';
import { renderChart } from '../../../src/charts/render.ts';
import { api, type DealPackages } from '../api.ts';
import { JobNote } from '../components/JobProgress.tsx';
import { useJob } from '../components/useJob.ts';
import { useCase } from '../case-data.tsx';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { ConflictPanel, useCaseWrite } from '../components/Conflict.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorNote } from '../components/Status.tsx';
import { num } from '../numbers.ts';
import { href } from '../router.ts';
import { LeversPanel, PowerPanel } from './DealTables.tsx';

const KIND_LABEL: Record<Package['kind'], string> = { maxmin: 'max-min gain', nash: 'Nash product', ks: 'Kalai-Smorodinsky', nearest: 'nearest efficient' };

/**
 * The packages view, beside the drafts: whether any package satisfies every veto holder; the max-min,
 * Nash and Kalai-Smorodinsky packages issue by issue with each actor's gain; each can be added as a
 * draft (then the Drafts view checks it like any other); the efficient package nearest a chosen draft;
 * the two-actor frontier; the levers (what would open a zone) and the power table.
 */
export function PackagesView() {
  const { caseId, asOf, data, version } = useCase();
  const [nearTo, setNearTo] = useState('');
  // A background job (POST /api/cases/{id}/jobs, kind packages): its result is GET …/packages's answer.
  const packages = useJob(caseId, 'packages', { ...(asOf ? { asOf } : {}), ...(nearTo ? { draft: nearTo } : {}) }, [caseId, asOf, version, nearTo]);
  if (!data) return null;
  const p = packages.data;
  const name = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id;
  const issueTitle = (id: string) => data.issues.find((i) => i.id === id)?.title ?? id;
  const list = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
  return (
    <section aria-labelledby="packages-title" data-testid="packages">
      <h2 id="packages-title">Packages</h2>
      <p className="lead muted">
        Complete packages across every issue inside the red lines of every veto holder: the one that maximises the smallest gain over the status quo (max-min), the Nash
        product and the Kalai-Smorodinsky package. Gains are utility over the status quo × 100 (salience-weighted distance on each issue’s scale).
      </p>
      {!p || !nearTo ? <JobNote job={packages} label="Package search" /> : null}
      {p ? (
        <>
          <p className={p.feasible ? 'ok' : 'deal-none'} data-testid="packages-feasible" role="status">
            {p.feasible ? (
              <>
                <strong>A package satisfies every veto holder</strong> ({list(p.actors.map(name))}).
              </>
            ) : (
              <>
                <strong>No package satisfies every veto holder.</strong>{' '}
                {p.emptyIssues.length
                  ? `Their red lines leave no common value on ${list(p.emptyIssues.map(issueTitle))}.`
                  : 'Their red lines admit no package together.'}{' '}
                The levers below show the smallest changes that would open a zone of agreement, and whose.
              </>
            )}
          </p>
          {p.feasible ? <PackageTables result={p} nearTo={nearTo} /> : null}
          {data.drafts.length ? (
            <Field label="Nearest efficient package to draft">
              {(id) => (
                <select id={id} value={nearTo} onChange={(e) => setNearTo(e.target.value)} data-testid="nearest-draft">
                  <option value="">(none)</option>
                  {data.drafts.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title} ({d.date})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {nearTo && p.feasible && !p.packages.some((k) => k.kind === 'nearest') ? <p className="muted">No package inside the red lines leaves every veto holder at least as well off as this draft.</p> : null}
          {nearTo ? <JobNote job={packages} label="Nearest efficient package" /> : null}
          <FrontierPanel result={p} />
        </>
      ) : null}
      <LeversPanel infeasible={p ? !p.feasible : false} />
      <PowerPanel />
      <p className="muted small-text">
        Added packages are drafts like any other: <a href={href({ view: 'drafts', caseId, asOf })}>the Drafts view</a> checks them against every red line and compares them.
      </p>
    </section>
  );
}

/** The packages issue by issue (values with their anchor words), each actor's gain, and "Add as draft". */
function PackageTables({ result, nearTo }: { result: DealPackages; nearTo: string }) {
  const { caseId, asOf, data } = useCase();
  const { run, conflict, keepTheirs } = useCaseWrite();
  const [added, setAdded] = useState<string>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  if (!data) return null;
  const pks = result.packages.filter((k) => k.kind !== 'nearest' || k.from === nearTo);
  const label = (k: Package) => (k.kind === 'nearest' ? `nearest to ${data.drafts.find((d) => d.id === k.from)?.title ?? k.from}` : KIND_LABEL[k.kind]);
  const words = (issue: string, v: number) => {
    const iss = data.issues.find((i) => i.id === issue);
    const w = iss ? anchorText(iss, v) : '';
    return w ? `${num(v)} (${w})` : num(v);
  };
  const um = utilityModel(data);
  const sq = um.actors.map((_, i) => utilityOf(um, i, um.statusQuo));
  // Every actor with a stance, not only the veto holders the packages balance.
  const actors = um.actors.map((id, i) => ({ id, i })).filter(({ i }) => um.weight[i].some((w) => w > 0));
  const gainOf = (k: Package, i: number) => utilityOf(um, i, um.issues.map((id, n) => k.values[id] ?? um.statusQuo[n])) - sq[i];
  const draftOf = (k: Package): Draft | undefined => result.drafts[result.packages.indexOf(k)];
  const add = async (k: Package) => {
    const d = draftOf(k);
    if (!d) return;
    // A package added before keeps its id: the next copy gets a free one.
    let id = d.id;
    for (let n = 2; data.drafts.some((x) => x.id === id); n++) id = `${d.id}-${n}`;
    const draft = { ...d, id, title: id === d.id ? d.title : `${d.title} ${id.slice(d.id.length + 1)}` };
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      const r = await run(() => api.addItem(caseId, 'drafts', draft), { what: `draft ${draft.title}`, mine: draft, theirs: (stored) => stored.drafts.find((x) => x.id === draft.id) });
      if (r === 'saved') setAdded(draft.title);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <DataTable<Case['issues'][number]>
        title="The packages, issue by issue"
        testId="package-values"
        rows={data.issues}
        rowKey={(i) => i.id}
        columns={[
          { label: 'issue', value: (i) => i.title },
          { label: 'status quo', value: (i) => words(i.id, i.statusQuo) },
          ...pks.map((k) => ({ label: label(k), value: (i: Case['issues'][number]) => words(i.id, k.values[i.id]) })),
        ]}
      />
      <DataTable<{ id: string; i: number }>
        title="Each actor’s gain over the status quo (utility × 100)"
        testId="package-gains"
        rows={actors}
        rowKey={(a) => a.id}
        columns={[
          { label: 'actor', value: (a) => `${data.actors[a.i].name}${result.actors.includes(a.id) ? ' (veto)' : ''}` },
          ...pks.map((k) => ({ label: label(k), value: (a: { i: number }) => gainOf(k, a.i), numeric: true, render: (a: { i: number }) => num(gainOf(k, a.i) * 100) })),
        ]}
      />
      {asOf ? (
        <p className="muted" data-testid="packages-as-of">
          You are looking at the case as of {asOf}; packages are added as drafts to its latest state (clear “As of” above).
        </p>
      ) : (
      <div className="form-row" role="group" aria-label="Add a package as a draft">
        {pks.map((k) => (
          <button key={`${k.kind}/${k.from ?? ''}`} type="button" disabled={busy} onClick={() => void add(k)} data-testid={`add-${k.kind}`}>
            Add as draft: {label(k)}
          </button>
        ))}
      </div>
      )}
      {added ? (
        <p className="ok" role="status" data-testid="package-added">
          Added “{added}” as a draft. <a href={href({ view: 'drafts', caseId })}>See it in Drafts</a>, with its checks.
        </p>
      ) : null}
      <ErrorNote error={error} />
      {conflict ? <ConflictPanel conflict={conflict} onKeepTheirs={keepTheirs} /> : null}
    </>
  );
}

/** Gains of actor A against actor B: the frontier inside the red lines, the packages and the drafts. */
function FrontierPanel({ result }: { result: DealPackages }) {
  const { data } = useCase();
  const pair = data ? defaultFrontierPair(data, result.actors) : null;
  const [a, setA] = useState<string>();
  const [b, setB] = useState<string>();
  if (!data || !pair) return null;
  const A = a ?? pair[0];
  const B = b ?? (pair[1] === A ? pair[0] : pair[1]);
  const name = (id: string) => data.actors.find((x) => x.id === id)?.name ?? id;
  const label = (k: Package) => (k.kind === 'nearest' ? `nearest to ${data.drafts.find((d) => d.id === k.from)?.title ?? k.from}` : KIND_LABEL[k.kind]);
  const select = (text: string, value: string, set: (v: string) => void) => (
    <Field label={text}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => set(e.target.value)}>
          {data.actors.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  let f: ReturnType<typeof twoActorFrontier> | null = null;
  let failed: Error | undefined;
  try {
    f = A !== B ? twoActorFrontier(data, A, B, result.packages.map((k) => ({ label: label(k), values: k.values }))) : null;
  } catch (e) {
    // A scale the deal cannot read (dealProblem's DealError): said, not a blank view.
    failed = e as Error;
  }
  return (
    <section aria-labelledby="frontier-title" className="frontier">
      <h3 id="frontier-title">Frontier of two actors</h3>
      <div className="form-row">
        {select('Actor A (across)', A, setA)}
        {select('Actor B (up)', B, setB)}
      </div>
      <ErrorNote error={failed} />
      {A === B ? <p className="muted">Choose two different actors.</p> : null}
      {f ? (
        <ChartFrame
          title={`Gains of ${name(A)} and ${name(B)}`}
          testId="frontier-chart"
          description={
            <>
              <p>{FRONTIER_KEY[0].toUpperCase() + FRONTIER_KEY.slice(1)}.</p>
              <p data-testid="frontier-text">{frontierText(f, name(A), name(B))}</p>
            </>
          }
          build={(doc, width) => renderChart({ ...frontierChart(f, name(A), name(B), width), title: undefined, subtitle: undefined }, doc)}
          deps={[result, A, B]}
        />
      ) : null}
    </section>
  );
}
