import { useState } from 'react';
import { currentStances, pairKey } from '../../../src/case/view.ts';
import { useCase } from '../case-data.tsx';
import { trajectoryChart, type TrajectoryPoint } from '../charts/trajectories.ts';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNote, Loading } from '../components/Status.tsx';
import { num } from '../numbers.ts';
import { Field } from '../components/Field.tsx';

interface MoveRow {
  round: number;
  actor: string;
  from: number;
  to: number;
  why: string;
}

/** Round-by-round positions per model, with why each actor moved (hover a point, or read the table). */
export function TrajectoriesView() {
  const { data, forecasts, forecastError } = useCase();
  const [model, setModel] = useState<string>('');
  const [issueId, setIssueId] = useState<string>('');
  if (!data) return null;
  if (!forecasts) return forecastError ? <ErrorNote error={forecastError} /> : <Loading what="forecasts" />;
  const iterative = forecasts.filter((f) => (f.rounds?.length ?? 0) > 1);
  const chosen = forecasts.find((f) => f.model === model) ?? iterative[0] ?? forecasts[0];
  const k = Math.max(0, data.issues.findIndex((i) => i.id === issueId));
  const issue = data.issues[k];
  const rounds = chosen?.rounds ?? [];
  const current = currentStances(data);
  // The JSON names actors and issues (unique names, case order): index i of the case ↔ chosen.actors[i].
  const issueKey = chosen?.issues[k] ?? '';
  const points: TrajectoryPoint[] = [];
  const moves: MoveRow[] = [];
  const outcome: Array<{ round: number; value: number }> = [];
  rounds.forEach((r, t) => {
    data.actors.forEach((a, i) => {
      // An actor without a stance on the issue takes no part in it (salience 0): no line.
      if (!current.has(pairKey(a.id, issue.id))) return;
      const key = chosen.actors[i];
      const position = r.positions[key]?.[issueKey];
      if (typeof position !== 'number') return;
      const move = r.moves.find((m) => m.actor === key && m.issue === issueKey);
      points.push({ round: t, actor: a.name, position, why: move?.why ?? '' });
    });
    for (const m of r.moves) {
      if (m.issue !== issueKey || m.from === null || m.to === null) continue;
      const i = chosen.actors.indexOf(m.actor);
      moves.push({ round: t, actor: data.actors[i]?.name ?? m.actor, from: m.from, to: m.to, why: m.why });
    }
    const o = r.outcome[issueKey];
    if (typeof o === 'number') outcome.push({ round: t, value: o });
  });
  return (
    <section aria-labelledby="traj-title" data-testid="trajectories">
      <h2 id="traj-title">Trajectories</h2>
      <div className="form-row">
        <Field label="Model">
          {(id) => (
          <select id={id} value={chosen?.model ?? ''} onChange={(e) => setModel(e.target.value)}>
            {forecasts.map((f) => (
              <option key={f.model} value={f.model}>
                {f.model} ({Math.max(0, (f.rounds?.length ?? 1) - 1)} rounds)
              </option>
            ))}
          </select>
          )}
        </Field>
        <Field label="Issue">
          {(id) => (
          <select id={id} value={issue.id} onChange={(e) => setIssueId(e.target.value)}>
            {data.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
          )}
        </Field>
      </div>
      {rounds.length <= 1 ? (
        <p className="muted">{chosen?.model} is a one-shot model: it has no rounds, only its forecast ({num(rounds[0]?.outcome[issueKey])}).</p>
      ) : null}
      {rounds.length > 0 ? (
        <ChartFrame
          title={`${chosen.model}: ${issue.title} by round`}
          testId="trajectory-chart"
          build={(doc, width) => trajectoryChart({ points, outcome, scale: issue.scale, rounds: rounds.length - 1 }, doc, width)}
          deps={[chosen.model, issue.id, rounds]}
          description="Lines: each actor’s position after each round; dashed: the model’s forecast. Hover a point for why the actor moved."
        />
      ) : null}
      <DataTable<MoveRow>
        title={`Why actors moved (${chosen?.model ?? ''}, ${issue.title})`}
        testId="moves"
        rows={moves}
        rowKey={(m, i) => `${m.round}/${m.actor}/${i}`}
        empty="No moves on this issue."
        columns={[
          { label: 'round', value: (m) => m.round, numeric: true },
          { label: 'actor', value: (m) => m.actor },
          { label: 'from', value: (m) => m.from, numeric: true, render: (m) => num(m.from) },
          { label: 'to', value: (m) => m.to, numeric: true, render: (m) => num(m.to) },
          { label: 'why', value: (m) => m.why },
        ]}
      />
    </section>
  );
}
