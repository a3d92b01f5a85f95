import { currentStances, pairKey } from '../../../src/case/view.ts';
import { api } from '../api.ts';
import { useCase } from '../case-data.tsx';
import { issuePositionsChart, type ActorMark, type IssueChartData } from '../charts/issue-positions.ts';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.ts';
import { intervalOf } from '../monte-carlo.ts';
import { estimateText, num, outcomeOn, redLineText, valueOf } from '../numbers.ts';
import { EditEstimate } from './EditEstimate.tsx';
import { ForecastTable } from './ForecastTable.tsx';

export function IssueView({ issueId }: { issueId: string }) {
  const { caseId, asOf, data, forecasts, monteCarlo, version } = useCase();
  const zopa = useLoad(() => api.zopa(caseId, asOf), [caseId, asOf, version]);
  if (!data) return null;
  const k = data.issues.findIndex((i) => i.id === issueId);
  if (k < 0)
    return (
      <p role="alert">
        The case has no issue “{issueId}”.
      </p>
    );
  const issue = data.issues[k];
  const current = currentStances(data);
  const stances = new Map(data.actors.flatMap((a) => {
    const s = current.get(pairKey(a.id, issueId));
    return s ? [[a.id, s] as const] : [];
  }));
  const actors: ActorMark[] = data.actors
    .filter((a) => stances.has(a.id))
    .map((a) => {
      const s = stances.get(a.id)!;
      const p = valueOf(s.position);
      return {
        actor: a.id,
        name: a.name,
        position: p.value,
        low: p.low ?? p.value,
        high: p.high ?? p.value,
        salience: valueOf(s.salience).value,
        capability: valueOf(s.capability ?? a.capability).value,
        redLine: s.redLine ? { min: s.redLine.min, max: s.redLine.max, veto: s.redLine.veto } : null,
      };
    });
  const zoneEntry = zopa.data?.issues.find((z) => z.issue === issueId);
  const chart: IssueChartData = {
    title: issue.title,
    scale: issue.scale,
    statusQuo: issue.statusQuo,
    actors,
    zone: zoneEntry?.zone ?? null,
    drafts: data.drafts.flatMap((d) =>
      d.points.filter((p) => p.values[issueId] !== undefined).map((p) => ({ draft: d.id, title: d.title, point: String(p.number), value: p.values[issueId] })),
    ),
    forecasts: (forecasts ?? []).flatMap((f) => {
      const v = outcomeOn(f, k);
      if (v === null) return [];
      return [{ model: f.model, value: v, interval: monteCarlo.status === 'done' ? intervalOf(monteCarlo.result, f.model, issueId) : null }];
    }),
  };
  const key = JSON.stringify(chart);
  return (
    <section aria-labelledby="issue-title" data-testid="issue-view">
      <h2 id="issue-title">{issue.title}</h2>
      {issue.description ? <p className="lead">{issue.description}</p> : null}
      <dl className="anchors" aria-label="Scale anchors">
        {[...issue.scale.anchors]
          .sort((a, b) => a.at - b.at)
          .map((a) => (
            <div key={a.at}>
              <dt>{num(a.at)}</dt>
              <dd>{a.label}</dd>
            </div>
          ))}
      </dl>
      <ChartFrame
        title={`Positions on ${issue.title}`}
        testId="issue-chart"
        build={(doc, width) => issuePositionsChart(chart, doc, width)}
        deps={[key]}
        description={
          <>
            Dots: actors’ positions (area ∝ salience; line: estimate range). Red bands: what each actor rejects (darker: veto).
            Green: zone of agreement{zoneEntry ? (zoneEntry.zone ? ` ${num(zoneEntry.zone.min)}–${num(zoneEntry.zone.max)}` : ' — empty: no value satisfies every veto holder') : ''}.
            Dashed: status quo {num(issue.statusQuo)}. Diamonds: draft points. Triangles: model forecasts with Monte Carlo 5–95 % (line) and
            25–75 % (box).
          </>
        }
      />
      <ErrorNote error={zopa.error} />
      {zoneEntry && !zoneEntry.zone && zoneEntry.toOpen ? (
        <p data-testid="zone-to-open">
          For a deal on this issue, red lines must move by {num(zoneEntry.toOpen.totalMovement)} in total to meet at {num(zoneEntry.toOpen.at)}:{' '}
          {zoneEntry.toOpen.moves.map((m) => `${data.actors.find((a) => a.id === m.actor)?.name ?? m.actor} ${m.bound} ${num(m.from)} → ${num(m.to)}`).join('; ')}.
        </p>
      ) : null}
      <DataTable<ActorMark>
        title={`Actors on ${issue.title}`}
        rows={actors}
        rowKey={(a) => a.actor}
        columns={[
          { label: 'actor', value: (a) => a.name },
          { label: 'position', value: (a) => a.position, numeric: true, render: (a) => estimateText(stances.get(a.actor)!.position) },
          { label: 'salience', value: (a) => a.salience, numeric: true },
          { label: 'capability', value: (a) => a.capability, numeric: true },
          { label: 'red line', value: (a) => redLineText(a.redLine) },
          { label: 'evidence', value: (a) => stances.get(a.actor)?.evidence.join(' ') ?? '' },
        ]}
      />
      <ForecastTable issueId={issueId} />
      <EditEstimate issueId={issueId} />
    </section>
  );
}
