/**
 * The actors × issues matrix of a case: for each pair, the current position, salience and red line,
 * and how much evidence backs the estimate. Used by `parley show`, the API and the dashboard.
 */
import type { Case, RedLine } from './schema.ts';
import { estimate, type EstimateValue } from './estimate.ts';
import { currentStances, pairKey } from './view.ts';

export interface OverviewCell {
  actor: string;
  issue: string;
  position: EstimateValue;
  salience: EstimateValue;
  redLine: RedLine | null;
  date: string | null;
  /** Evidence ids cited by the stance that exist in the (as-of) case and are not rejected. */
  evidenceCount: number;
  uncertain: boolean;
}

export interface CaseOverview {
  case: { id: string; title: string };
  asOf: string | null;
  actors: Array<{ id: string; name: string; kind: string; capability: EstimateValue }>;
  issues: Array<{ id: string; title: string; scale: Case['issues'][number]['scale']; statusQuo: number }>;
  cells: OverviewCell[];
  counts: { actors: number; issues: number; stances: number; evidence: number; drafts: number; scenarios: number; events: number };
}

export function caseOverview(c: Case, asOfDate: string | null = null): CaseOverview {
  const usable = new Set(c.evidence.filter((e) => e.status !== 'rejected').map((e) => e.id));
  const current = currentStances(c);
  const cells: OverviewCell[] = [];
  for (const a of c.actors) {
    for (const i of c.issues) {
      const s = current.get(pairKey(a.id, i.id));
      if (!s) continue;
      cells.push({
        actor: a.id,
        issue: i.id,
        position: estimate(s.position),
        salience: estimate(s.salience),
        redLine: s.redLine ?? null,
        date: s.date ?? null,
        evidenceCount: s.evidence.filter((id) => usable.has(id)).length,
        uncertain: s.uncertain ?? false,
      });
    }
  }
  return {
    case: { id: c.id, title: c.title },
    asOf: asOfDate,
    actors: c.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, capability: estimate(a.capability) })),
    issues: c.issues.map((i) => ({ id: i.id, title: i.title, scale: i.scale, statusQuo: i.statusQuo })),
    cells,
    counts: {
      actors: c.actors.length,
      issues: c.issues.length,
      stances: c.stances.length,
      evidence: c.evidence.length,
      drafts: c.drafts.length,
      scenarios: c.scenarios.length,
      events: c.events.length,
    },
  };
}
