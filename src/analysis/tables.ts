/**
 * Tabular views of the analysis reports, defined once for the CLI's `--format table|csv` and for
 * the report's Markdown/HTML tables: each report becomes titled sections of header + rows, and one
 * flat table for CSV. Cells are strings or numbers; numbers are formatted by the renderer.
 */
import type { ZoneOfAgreement } from './zopa.ts';
import type { DraftChecks, DraftDiff } from './drafts.ts';
import type { SimulationResult } from './montecarlo.ts';
import type { SensitivityReport } from './sensitivity.ts';
import type { ScenarioComparison } from './scenarios.ts';
import type { Timeline } from './timeline.ts';
import { renderWordDiff, type TextOp } from './text-diff.ts';

export type Cell = string | number;
export interface Section {
  title: string;
  header: string[];
  rows: Cell[][];
  /** A sentence under the title (conclusions, notes). */
  note?: string;
}
export interface Tabular {
  title: string;
  sections: Section[];
  csv: { header: string[]; rows: Cell[][] };
}

/** Round for display: 2 decimals, integers as they are. */
const r2 = (x: number): number => (Number.isInteger(x) ? x : Math.round(x * 100) / 100);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const range = (z: { min: number; max: number } | null): string => (z ? `${r2(z.min)}–${r2(z.max)}` : 'none');

/** How actors and issues are named in the tables' text (not in CSV, which keeps ids): ids by default, names in the report. */
export interface Names {
  actor(id: string): string;
  issue(id: string): string;
}
export const ID_NAMES: Names = { actor: (id) => id, issue: (id) => id };

export function zoneTables(z: ZoneOfAgreement, n: Names = ID_NAMES): Tabular {
  const moves = (i: ZoneOfAgreement['issues'][number], nm: Names = n) =>
    i.toOpen ? i.toOpen.moves.map((m) => `${nm.actor(m.actor)} ${m.bound} ${r2(m.from)}→${r2(m.to)} (${r2(m.by)})`).join('; ') : '';
  const meet = (t: NonNullable<ZoneOfAgreement['issues'][number]['toOpen']>) => (t.between.min < t.between.max ? `${r2(t.at)} (any of ${r2(t.between.min)}–${r2(t.between.max)})` : String(r2(t.at)));
  const sections: Section[] = [
    {
      title: 'Zone of agreement per issue',
      note: z.packagesExist
        ? 'A package respecting every veto holder\'s red line exists: the box of the zones below.'
        : `No package respects every veto holder's red line; red lines must move by ${r2(z.totalMovement)} in all (scale units summed over issues).`,
      header: ['issue', 'scale', 'zone (veto holders)', 'zone (every actor)', 'veto holders', 'to open: meet at', 'lines that must move'],
      rows: z.issues.map((i) => [n.issue(i.issue), `${r2(i.scale.min)}–${r2(i.scale.max)}`, range(i.zone), range(i.zoneAllActors), i.vetoHolders.map(n.actor).join(n === ID_NAMES ? ' ' : ', ') || '—', i.toOpen ? meet(i.toOpen) : '', moves(i)]),
    },
    {
      title: 'Red lines',
      header: ['actor', 'issue', 'min', 'max', 'veto'],
      rows: z.issues.flatMap((i) => i.redLines.map((l) => [n.actor(l.actor), n.issue(l.issue), r2(l.min), r2(l.max), l.veto ? 'yes' : 'no'])),
    },
    {
      title: 'Drafts and forecasts against the zone',
      header: ['kind', 'id', 'inside', 'outside the zone (issue = value, by)'],
      rows: [...z.drafts, ...z.forecasts].map((p) => [p.kind, p.id, p.inside ? 'yes' : 'no', p.outside.map((o) => `${o.point ? `#${o.point} ` : ''}${n.issue(o.issue)} = ${r2(o.value)} (${r2(o.by)})`).join('; ')]),
    },
  ];
  return {
    title: `Zone of agreement: ${z.case.title}`,
    sections,
    csv: {
      header: ['issue', 'zone_min', 'zone_max', 'all_actors_min', 'all_actors_max', 'veto_holders', 'open_at', 'open_movement', 'moves'],
      rows: z.issues.map((i) => [i.issue, i.zone?.min ?? '', i.zone?.max ?? '', i.zoneAllActors?.min ?? '', i.zoneAllActors?.max ?? '', i.vetoHolders.join(' '), i.toOpen?.at ?? '', i.toOpen?.totalMovement ?? '', moves(i, ID_NAMES)]),
    },
  };
}

/** Which red lines a draft was checked against, in words. */
const linesUsed = (dr: DraftChecks['drafts'][number]): string => (dr.linesAsOf === null ? 'the latest red lines' : dr.linesAsOf === dr.date ? `red lines in force on its date, ${dr.linesAsOf}` : `red lines in force on ${dr.linesAsOf}`);

export function draftCheckTables(d: DraftChecks, n: Names = ID_NAMES): Tabular {
  const sections: Section[] = [];
  for (const dr of d.drafts) {
    sections.push({
      title: `${dr.title} [${dr.draft}], ${dr.date}: red lines crossed (${linesUsed(dr)})`,
      note:
        (dr.vetoedBy.length ? `Crosses the veto red line of: ${dr.vetoedBy.map(n.actor).join(', ')}.` : 'Crosses no veto red line.') +
        (dr.firstRecordedLater.length ? ` ${dr.firstRecordedLater.length} actor × issue stance${dr.firstRecordedLater.length === 1 ? ' was' : 's were'} first recorded after ${dr.linesAsOf}: the earliest record is used.` : ''),
      header: ['point', 'issue', 'value', 'actor', 'veto', 'crosses', 'by'],
      rows: dr.crossings.map((x) => [x.point, n.issue(x.issue), r2(x.value), n.actor(x.actor), x.veto ? 'yes' : 'no', `${x.bound} ${r2(x.limit)}`, r2(x.by)]),
    });
    sections.push({
      title: `${dr.title} [${dr.draft}]: utility by actor (0 = ideal, −1 = farthest; stances of ${dr.linesAsOf ?? 'the latest view'})`,
      header: ['actor', 'utility', 'vs status quo', ...d.models.map((m) => `vs ${m}`)],
      rows: dr.utilities.map((u) => [n.actor(u.actor), r3(u.utility), r3(u.vsStatusQuo), ...d.models.map((m) => r3(u.vsForecast[m]))]),
    });
    sections.push({
      title: `${dr.title} [${dr.draft}]: distance from each forecast (% of scale)`,
      header: ['model', 'mean', ...Object.keys(dr.distanceFromForecast[d.models[0]]?.issues ?? {}).map(n.issue)],
      rows: d.models.map((m) => [m, r2(dr.distanceFromForecast[m].mean), ...Object.values(dr.distanceFromForecast[m].issues).map(r2)]),
    });
  }
  return {
    title: `Drafts: ${d.case.title}`,
    sections,
    csv: {
      header: ['draft', 'lines_as_of', 'actor', 'utility', 'vs_status_quo', ...d.models.map((m) => `vs_${m}`), 'veto', 'crossings'],
      rows: d.drafts.flatMap((dr) =>
        dr.utilities.map((u) => {
          const own = dr.crossings.filter((x) => x.actor === u.actor);
          return [dr.draft, dr.linesAsOf ?? 'latest', u.actor, u.utility, u.vsStatusQuo, ...d.models.map((m) => u.vsForecast[m]), own.some((x) => x.veto) ? 'yes' : own.length ? 'no' : '', own.map((x) => `#${x.point} ${x.issue}=${x.value} ${x.bound} ${x.limit} by ${x.by}`).join('; ')];
        }),
      ),
    },
  };
}

/** A word diff in plain text: [-deleted-] {+inserted+} (the wdiff convention). */
export const plainWordDiff = (ops: TextOp[]): string => renderWordDiff(ops, { escape: (t) => t, deleted: (t) => `[-${t}-]`, inserted: (t) => `{+${t}+}` });

export function draftDiffTables(d: DraftDiff, n: Names = ID_NAMES): Tabular {
  const val = (v: number | null) => (v === null ? 'silent' : String(r2(v)));
  const changes = (p: DraftDiff['points'][number], nm: Names = n) => p.valueChanges.map((c) => `${nm.issue(c.issue)} ${val(c.from)}→${val(c.to)}`).join('; ');
  const actors = d.netGains.map((g) => g.actor);
  return {
    title: `Draft diff: ${d.a.title} [${d.a.id}] → ${d.b.title} [${d.b.id}]`,
    sections: [
      {
        title: 'Points',
        header: ['status', d.a.id, d.b.id, 'similarity', 'text ([-removed-] {+added+})', 'value changes'],
        rows: d.points.map((p) => [p.status + (p.renumbered ? ', renumbered' : ''), p.numberA ?? '', p.numberB ?? '', r2(p.similarity), plainWordDiff(p.text), changes(p)]),
      },
      {
        title: 'Issue values and who gains (utility change per actor)',
        header: ['issue', d.a.id, d.b.id, ...actors.map(n.actor)],
        rows: d.issues.map((c) => [n.issue(c.issue), val(c.from), val(c.to), ...c.gains.map((g) => r3(g.change))]),
      },
      { title: 'Net gain from A to B', header: ['actor', 'utility change'], rows: d.netGains.map((g) => [n.actor(g.actor), r3(g.change)]) },
    ],
    csv: {
      header: ['status', 'number_a', 'number_b', 'renumbered', 'similarity', 'text_a', 'text_b', 'value_changes'],
      rows: d.points.map((p) => [p.status, p.numberA ?? '', p.numberB ?? '', p.renumbered ? 'yes' : 'no', p.similarity, p.textA ?? '', p.textB ?? '', changes(p, ID_NAMES)]),
    },
  };
}

export function simulationTables(s: SimulationResult, n: Names = ID_NAMES): Tabular {
  return {
    title: `Monte Carlo: ${s.case.title} (${s.runs} runs, seed ${s.seed}, ${s.distribution})`,
    sections: [
      {
        title: 'Forecast quantiles',
        note: `${s.randomEstimates} estimates have a range and were drawn; the others are fixed.`,
        header: ['model', 'issue', '5%', '25%', '50%', '75%', '95%', 'mean'],
        rows: s.models.flatMap((m) => s.issues.map((i) => { const q = s.quantiles[m][i.id]; return [m, n.issue(i.id), r2(q.p05), r2(q.p25), r2(q.p50), r2(q.p75), r2(q.p95), r2(q.mean)]; })),
      },
      {
        title: 'Probability the outcome respects the red lines',
        header: ['model', 'every veto holder', 'every actor', ...s.issues.map((i) => n.issue(i.id))],
        rows: s.models.map((m) => [m, r3(s.acceptance[m].vetoHolders), r3(s.acceptance[m].everyActor), ...s.issues.map((i) => r3(s.acceptance[m].issues[i.id]))]),
      },
      {
        title: 'Draft points in the forecast distribution',
        header: ['draft', 'point', 'issue', 'value', 'model', 'within 5–95%', 'share of runs ≤ value'],
        rows: s.draftPoints.map((p) => [p.draft, p.point, n.issue(p.issue), r2(p.value), p.model, p.withinInterval ? 'yes' : 'no', r3(p.quantileRank)]),
      },
      ...((s.effectiveRanges ?? []).length > 0
        ? [{
            title: 'Effective ranges (widened for weak, retracted or single-sourced evidence)',
            header: ['actor', 'issue', 'field', 'value', 'range', 'effective range', 'factor', 'why'],
            rows: (s.effectiveRanges ?? []).map((e) => [n.actor(e.actor), n.issue(e.issue), e.field, r2(e.value), `${r2(e.low)}–${r2(e.high)}`, `${r2(e.effectiveLow)}–${r2(e.effectiveHigh)}`, `×${r2(e.factor)}`, e.reason]),
          }]
        : []),
    ],
    csv: {
      header: ['model', 'issue', 'p05', 'p25', 'p50', 'p75', 'p95', 'mean', 'p_issue_veto_holders', 'p_all_veto_holders', 'p_every_actor'],
      rows: s.models.flatMap((m) => s.issues.map((i) => { const q = s.quantiles[m][i.id]; return [m, i.id, q.p05, q.p25, q.p50, q.p75, q.p95, q.mean, s.acceptance[m].issues[i.id], s.acceptance[m].vetoHolders, s.acceptance[m].everyActor]; })),
    },
  };
}

export function sensitivityTables(s: SensitivityReport, top = 15, n: Names = ID_NAMES): Tabular {
  // The swung estimate behind a tornado bar (its range), looked up once per estimate.
  const entries = new Map(s.entries.map((e) => [`${e.actor}\u0000${e.issue ?? ''}\u0000${e.field}`, e]));
  const estimateOf = (b: SensitivityReport['tornado'][string][number]) => entries.get(`${b.actor}\u0000${b.issue ?? ''}\u0000${b.field}`)!;
  return {
    title: `Sensitivity: ${s.case.title}`,
    sections: s.models.map((m) => ({
      title: `${m}: the ${Math.min(top, s.tornado[m].length)} largest swings (of ${s.tornado[m].length})`,
      ...(s.fixedEstimates ? { note: `${s.fixedEstimates} estimates have no range and were not swung.` } : {}),
      header: ['rank', 'actor', 'estimate', 'range', 'forecast issue', 'at low', 'at high', 'swing', 'swing %'],
      rows: s.tornado[m].slice(0, top).map((b, i) => {
        const e = estimateOf(b);
        return [i + 1, n.actor(b.actor), `${b.field}${b.issue ? ` on ${n.issue(b.issue)}` : ''}`, `${r2(e.low)}–${r2(e.high)}`, n.issue(b.forecastIssue), r2(b.outcomeLow), r2(b.outcomeHigh), r2(b.swing), r2(b.swingPercent)];
      }),
    })),
    csv: {
      header: ['model', 'rank', 'actor', 'issue', 'field', 'low', 'high', 'forecast_issue', 'outcome_low', 'outcome_high', 'swing', 'swing_percent'],
      rows: s.models.flatMap((m) => s.tornado[m].map((b, i) => {
        const e = estimateOf(b);
        return [m, i + 1, b.actor, b.issue ?? '', b.field, e.low, e.high, b.forecastIssue, b.outcomeLow, b.outcomeHigh, b.swing, b.swingPercent];
      })),
    },
  };
}

export function scenarioTables(s: ScenarioComparison, n: Names = ID_NAMES): Tabular {
  const signed = (x: number) => (Math.abs(x) < 0.005 ? '' : ` (${x > 0 ? '+' : '−'}${r2(Math.abs(x))})`);
  return {
    title: `Scenarios: ${s.case.title}`,
    // Issues down, scenarios across: cases have more issues than scenarios.
    sections: s.models.map((m) => ({
      title: `${m}: forecast per issue (difference from the baseline)`,
      header: ['issue', ...s.scenarios.map((sc) => sc.scenario ?? 'baseline')],
      rows: [
        ...s.issues.map((iss, k) => [n.issue(iss), ...s.scenarios.map((sc) => `${r2(sc.outcome[m][k])}${signed(sc.difference[m][k])}`)]),
        ['largest shift %', ...s.scenarios.map((sc) => String(r2(sc.largestShiftPercent[m])))],
      ],
    })),
    csv: {
      header: ['scenario', 'model', 'issue', 'outcome', 'difference'],
      rows: s.scenarios.flatMap((sc) => s.models.flatMap((m) => s.issues.map((iss, k) => [sc.scenario ?? 'baseline', m, iss, sc.outcome[m][k], sc.difference[m][k]]))),
    },
  };
}

export function timelineTables(t: Timeline, n: Names = ID_NAMES): Tabular {
  const changed = (p: Timeline['points'][number]) => {
    const actors = [...new Set(p.changes.stances.map((s) => s.actor))];
    const st = p.changes.stances.length ? `${p.changes.stances.length} stances (${actors.map(n.actor).join(n === ID_NAMES ? ' ' : ', ')})` : '';
    const ev = p.changes.evidence.length ? `${p.changes.evidence.length} evidence` : '';
    return [st, ev].filter(Boolean).join(', ');
  };
  return {
    title: `Timeline: ${t.case.title}`,
    sections: t.models.map((m) => ({
      title: `${m}: forecast as of each date`,
      header: ['date', ...t.issues.map(n.issue), 'zone exists', 'what changed'],
      rows: t.points.map((p) => [p.date, ...p.outcome[m].map(r2), p.packagesExist ? 'yes' : 'no', changed(p)]),
    })),
    csv: {
      header: ['date', 'model', 'issue', 'outcome'],
      rows: t.points.flatMap((p) => t.models.flatMap((m) => t.issues.map((iss, k) => [p.date, m, iss, p.outcome[m][k]]))),
    },
  };
}
