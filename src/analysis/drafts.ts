/**
 * Drafts against red lines, utilities and forecasts; point-by-point diffs of two drafts.
 *
 * Utility is the salience-weighted negative distance of `red-lines.ts` (u_i ∈ [−1, 0]); a draft is
 * read as a package: its values on the issues it sets, the status quo on the others.
 *
 * A draft is judged by the red lines and stances in force on its own date by default: a red line
 * an actor redrew after the draft was tabled cannot have been crossed by it (a draft of 24 November
 * does not "cross" a line first drawn on 14 December). A pair with no stance dated by then takes
 * its earliest recorded stance, the first estimate there is of it (lines are often first reported
 * in answer to a draft: Kyiv's territorial line on 21 November, a day after the 28-point plan).
 * `against: 'latest'` checks every draft against the lines of the case's latest view (or of
 * `asOf`) instead: would the old text pass today?
 */
import type { Case, Draft } from '../case/schema.ts';
import { applyScenario, asOf, pairKey } from '../case/view.ts';
import { caseView, forecastCase, type ForecastOptions } from './forecast.ts';
import { crossing, draftPackage, draftValues, redLines, scaleRange, utilityChange, utilityModel, utilityOf, type RedLineBound, type UtilityModel } from './red-lines.ts';
import { jaccard, wordDiff, type TextOp } from './text-diff.ts';
import { analysisHeading, type AnalysisHeading } from './heading.ts';

export interface RedLineCrossing {
  point: string;
  issue: string;
  value: number;
  actor: string;
  veto: boolean;
  /** Which bound is crossed, the bound, and by how much (on the issue's scale). */
  bound: 'min' | 'max';
  limit: number;
  by: number;
}

export interface ActorDraftUtility {
  actor: string;
  utility: number;
  /** u(draft) − u(status quo): positive when the draft is better for the actor than no deal. */
  vsStatusQuo: number;
  /** u(draft) − u(model's forecast), per model. */
  vsForecast: Record<string, number>;
}

/** Which red lines and stances a draft is checked against. */
export type DraftLinesDate = 'draft-date' | 'latest';

export interface DraftCheck {
  draft: string;
  title: string;
  date: string;
  sponsor: string | null;
  /**
   * The date whose red lines and stances (for the utilities) the draft was checked against: the
   * draft's date, or with `against: 'latest'` the `asOf` date, null meaning the case's latest stances.
   */
  linesAsOf: string | null;
  /** Actor × issue pairs whose stance was first recorded after linesAsOf: their earliest stance was used. */
  firstRecordedLater: Array<{ actor: string; issue: string; date: string }>;
  crossings: RedLineCrossing[];
  /** Actors whose veto red line the draft crosses (the draft cannot pass without them moving). */
  vetoedBy: string[];
  utilities: ActorDraftUtility[];
  /** Per model: mean and per-issue distance from the forecast on the issues the draft sets, in % of each scale. */
  distanceFromForecast: Record<string, { mean: number; issues: Record<string, number> }>;
}

export interface DraftChecks extends AnalysisHeading {
  /** Whether each draft was checked against the lines of its own date or the latest ones. */
  against: DraftLinesDate;
  models: string[];
  forecasts: Record<string, number[]>;
  drafts: DraftCheck[];
}

export interface DraftCheckOptions extends ForecastOptions {
  /** Only these drafts (ids). */
  drafts?: string[];
  /** The red lines of each draft's own date (default) or the latest ones. */
  against?: DraftLinesDate;
}

export class UnknownDraftError extends Error {}

function findDraft(c: Case, id: string): Draft {
  const d = c.drafts.find((x) => x.id === id);
  if (!d) throw new UnknownDraftError(`unknown draft "${id}" (the case has: ${c.drafts.map((x) => x.id).join(', ') || 'none'})`);
  return d;
}

/**
 * The case with the stances in force on `date`: each pair's latest stance dated on or before it,
 * and for a pair first recorded later, its earliest stance (every stance of that earliest date, so
 * that currentStances picks the one written last, as it does everywhere).
 */
export function stancesInForceOn(c: Case, date: string): { view: Case; firstRecordedLater: DraftCheck['firstRecordedLater'] } {
  const dated = asOf(c, date);
  const known = new Set(dated.stances.map((s) => pairKey(s.actor, s.issue)));
  const earliest = new Map<string, string>();
  for (const s of c.stances) {
    const key = pairKey(s.actor, s.issue);
    // Undated stances are in force on every date, so only dated ones can be missing.
    if (known.has(key) || s.date === undefined) continue;
    const prev = earliest.get(key);
    if (prev === undefined || s.date < prev) earliest.set(key, s.date);
  }
  const later = c.stances.filter((s) => s.date !== undefined && earliest.get(pairKey(s.actor, s.issue)) === s.date);
  const firstRecordedLater = c.actors.flatMap((a) =>
    c.issues.flatMap((iss) => {
      const d = earliest.get(pairKey(a.id, iss.id));
      return d === undefined ? [] : [{ actor: a.id, issue: iss.id, date: d }];
    }),
  );
  return { view: { ...c, stances: [...dated.stances, ...later] }, firstRecordedLater };
}

export function checkDrafts(c: Case, opts: DraftCheckOptions = {}): DraftChecks {
  const view = caseView(c, opts);
  const { asOf: _a, scenario: _s, drafts: only, against = 'draft-date', ...rest } = opts;
  if (against !== 'draft-date' && against !== 'latest') throw new RangeError(`against must be "draft-date" or "latest", not "${String(against)}"`);
  const { results } = forecastCase(view, rest);
  // The lines of one date, computed once for the drafts that share it (null: the view's own).
  // Never a stance recorded after asOf, even as a pair's earliest one.
  const known = opts.asOf ? asOf(c, opts.asOf) : c;
  const linesOn = new Map<string | null, { lines: RedLineBound[]; um: UtilityModel; sq: number[]; firstRecordedLater: DraftCheck['firstRecordedLater'] }>();
  const judgedOn = (date: string | null) => {
    let j = linesOn.get(date);
    if (!j) {
      const inForce = date === null ? { view, firstRecordedLater: [] } : stancesInForceOn(known, date);
      const v = date === null || !opts.scenario ? inForce.view : applyScenario(inForce.view, opts.scenario);
      j = { lines: redLines(v), um: utilityModel(v), sq: v.issues.map((i) => i.statusQuo), firstRecordedLater: inForce.firstRecordedLater };
      linesOn.set(date, j);
    }
    return j;
  };
  const selected = only && only.length ? only.map((id) => findDraft(view, id)) : view.drafts;
  const drafts = selected.map((d): DraftCheck => {
    // view.drafts holds only drafts dated on or before asOf, so a draft's date never reaches past it.
    const linesAsOf = against === 'latest' ? (opts.asOf ?? null) : d.date;
    const { lines, um, sq, firstRecordedLater } = judgedOn(against === 'latest' ? null : d.date);
    const crossings: RedLineCrossing[] = [];
    for (const p of d.points) {
      for (const [issue, value] of Object.entries(p.values)) {
        for (const l of lines) {
          if (l.issue !== issue) continue;
          const { by, side } = crossing(l, value);
          if (side) crossings.push({ point: String(p.number), issue, value, actor: l.actor, veto: l.veto, bound: side, limit: side === 'min' ? l.min : l.max, by });
        }
      }
    }
    const pkg = draftPackage(view, d);
    const utilities = view.actors.map((a, i): ActorDraftUtility => {
      const u = utilityOf(um, i, pkg);
      return {
        actor: a.id,
        utility: u,
        vsStatusQuo: u - utilityOf(um, i, sq),
        vsForecast: Object.fromEntries(results.map((r) => [r.model, u - utilityOf(um, i, r.outcome)])),
      };
    });
    const values = draftValues(d);
    const distanceFromForecast = Object.fromEntries(
      results.map((r) => {
        const issues: Record<string, number> = {};
        view.issues.forEach((iss, k) => {
          const v = values.get(iss.id);
          if (v) issues[iss.id] = (100 * Math.abs(v.value - r.outcome[k])) / scaleRange(iss);
        });
        const ds = Object.values(issues);
        return [r.model, { mean: ds.length ? ds.reduce((s, x) => s + x, 0) / ds.length : 0, issues }];
      }),
    );
    return {
      draft: d.id,
      title: d.title,
      date: d.date,
      sponsor: d.sponsor ?? null,
      linesAsOf,
      firstRecordedLater,
      crossings,
      vetoedBy: [...new Set(crossings.filter((x) => x.veto).map((x) => x.actor))],
      utilities,
      distanceFromForecast,
    };
  });
  return {
    ...analysisHeading(c, opts),
    against,
    models: results.map((r) => r.model),
    forecasts: Object.fromEntries(results.map((r) => [r.model, r.outcome])),
    drafts,
  };
}

/** Per-actor utility change of one issue moving (positive: the actor gains). */
export interface IssueValueChange {
  issue: string;
  /** null: the draft is silent on the issue (the status quo is used for the utilities). */
  from: number | null;
  to: number | null;
  gains: Array<{ actor: string; change: number }>;
}

export interface PointDiff {
  status: 'unchanged' | 'modified' | 'removed' | 'added';
  /** The point's number in draft A and in draft B (null where absent). */
  numberA: string | null;
  numberB: string | null;
  /** Aligned to a point with another number. */
  renumbered: boolean;
  /** Word-set similarity of the aligned texts (0..1). */
  similarity: number;
  textA: string | null;
  textB: string | null;
  text: TextOp[];
  valueChanges: IssueValueChange[];
}

export interface DraftDiff {
  case: { id: string; title: string };
  a: { id: string; title: string; date: string };
  b: { id: string; title: string; date: string };
  points: PointDiff[];
  /** The package-level change per issue (the value each draft sets, status quo where silent). */
  issues: IssueValueChange[];
  /** Per actor: u(B) − u(A), the net gain from A to B. */
  netGains: Array<{ actor: string; change: number }>;
}

/** Minimum word-set similarity for two points with different numbers to count as the same point moved. */
export const RENUMBER_SIMILARITY = 0.35;
/** Minimum similarity for two same-numbered points to be aligned (below it: one removed, one added). */
export const SAME_NUMBER_SIMILARITY = 0.2;

type Point = Draft['points'][number];

/**
 * Aligns the points of two drafts: first same-numbered points whose texts are alike, then, greedily
 * by decreasing similarity, points whose numbers differ but whose texts match (moved or renumbered:
 * a point dropped early in a draft shifts every later number).
 */
export function alignPoints(a: Point[], b: Point[]): Array<[number | null, number | null, number]> {
  const sims = a.map((pa) => b.map((pb) => jaccard(pa.text, pb.text)));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Array<[number | null, number | null, number]> = [];
  const take = (i: number, j: number) => {
    usedA.add(i);
    usedB.add(j);
    pairs.push([i, j, sims[i][j]]);
  };
  // Same number and alike (or on the same issue), unless the text matches another point much better (then it moved).
  a.forEach((pa, i) => {
    const j = b.findIndex((pb) => String(pb.number) === String(pa.number));
    // A rewritten point that still settles the same issue (the same number, a value on a common
    // issue) is that point revised, however different its words.
    if (j < 0 || usedB.has(j)) return;
    const sameIssue = Object.keys(pa.values).some((k) => k in b[j].values);
    if (sims[i][j] < SAME_NUMBER_SIMILARITY && !sameIssue) return;
    const bestElsewhere = Math.max(0, ...b.map((_, jj) => (jj === j ? 0 : sims[i][jj])));
    if (bestElsewhere > sims[i][j] + 0.3) return;
    take(i, j);
  });
  const candidates: Array<[number, number, number]> = [];
  a.forEach((_, i) => b.forEach((_, j) => { if (!usedA.has(i) && !usedB.has(j) && sims[i][j] >= RENUMBER_SIMILARITY) candidates.push([i, j, sims[i][j]]); }));
  candidates.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  for (const [i, j] of candidates) if (!usedA.has(i) && !usedB.has(j)) take(i, j);
  a.forEach((_, i) => { if (!usedA.has(i)) pairs.push([i, null, 0]); });
  b.forEach((_, j) => { if (!usedB.has(j)) pairs.push([null, j, 0]); });
  // Reading order: by B's order, removed points after the point that preceded them in A.
  const key = (p: [number | null, number | null, number]) => (p[1] !== null ? p[1] : (() => {
    const i = p[0]!;
    for (let k = i - 1; k >= 0; k--) {
      const q = pairs.find((x) => x[0] === k && x[1] !== null);
      if (q) return q[1]! + 0.5;
    }
    return -0.5;
  })());
  return pairs.map((p) => [p, key(p)] as const).sort((x, y) => x[1] - y[1] || (x[0][0] ?? 0) - (y[0][0] ?? 0)).map((x) => x[0]);
}

export function diffDrafts(c: Case, aId: string, bId: string, opts: { asOf?: string; scenario?: string } = {}): DraftDiff {
  const view = caseView(c, opts);
  const a = findDraft(view, aId);
  const b = findDraft(view, bId);
  const um = utilityModel(view);
  const issueIndex = new Map(view.issues.map((iss, k) => [iss.id, k]));
  const change = (issue: string, from: number | null, to: number | null): IssueValueChange => {
    const k = issueIndex.get(issue)!;
    const sq = view.issues[k].statusQuo;
    return { issue, from, to, gains: view.actors.map((act, i) => ({ actor: act.id, change: utilityChange(um, i, k, from ?? sq, to ?? sq) })) };
  };
  const points = alignPoints(a.points, b.points).map(([i, j, sim]): PointDiff => {
    const pa = i !== null ? a.points[i] : null;
    const pb = j !== null ? b.points[j] : null;
    const issues = [...new Set([...Object.keys(pa?.values ?? {}), ...Object.keys(pb?.values ?? {})])];
    const valueChanges = issues
      .filter((iss) => pa?.values[iss] !== pb?.values[iss])
      .map((iss) => change(iss, pa?.values[iss] ?? null, pb?.values[iss] ?? null));
    const same = pa && pb && pa.text === pb.text && valueChanges.length === 0;
    return {
      status: !pa ? 'added' : !pb ? 'removed' : same ? 'unchanged' : 'modified',
      numberA: pa ? String(pa.number) : null,
      numberB: pb ? String(pb.number) : null,
      renumbered: !!pa && !!pb && String(pa.number) !== String(pb.number),
      similarity: sim,
      textA: pa?.text ?? null,
      textB: pb?.text ?? null,
      text: pa && pb ? wordDiff(pa.text, pb.text) : pa ? [{ op: 'delete', text: pa.text }] : [{ op: 'insert', text: pb!.text }],
      valueChanges,
    };
  });
  const va = draftValues(a);
  const vb = draftValues(b);
  const issues = view.issues
    .filter((iss) => va.get(iss.id)?.value !== vb.get(iss.id)?.value)
    .map((iss) => change(iss.id, va.get(iss.id)?.value ?? null, vb.get(iss.id)?.value ?? null));
  const pa = draftPackage(view, a);
  const pb = draftPackage(view, b);
  return {
    case: { id: c.id, title: c.title },
    a: { id: a.id, title: a.title, date: a.date },
    b: { id: b.id, title: b.title, date: b.date },
    points,
    issues,
    netGains: view.actors.map((act, i) => ({ actor: act.id, change: utilityOf(um, i, pb) - utilityOf(um, i, pa) })),
  };
}
