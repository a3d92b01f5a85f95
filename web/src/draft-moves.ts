/**
 * A clause that moved between drafts: the diff aligns points by number and wording, so a clause
 * rewritten under another number comes out as one point "removed" and another "added". Where a
 * removed point and an added point set a value on the same issue, they are the same clause moved:
 * shown as one row, status "moved", with the word diff of the two texts and the value change on
 * that issue. Pure; the dashboard's drafts view uses it.
 */
import type { IssueValueChange, PointDiff } from '../../src/analysis/drafts.ts';
import { wordDiff } from '../../src/analysis/text-diff.ts';

export type ShownPoint = Omit<PointDiff, 'status'> & { status: PointDiff['status'] | 'moved'; movedOn?: string[] };

const issuesOf = (p: PointDiff) => new Set(p.valueChanges.map((v) => v.issue));

/**
 * The diff's points with each removed point paired to the first added point (in B's order) that
 * sets a value on one of its issues; each added point is used at most once. A moved row takes the
 * removed point's place; the added one is dropped.
 */
export function matchMovedPoints(points: readonly PointDiff[]): ShownPoint[] {
  const added = points.filter((p) => p.status === 'added');
  const used = new Set<PointDiff>();
  const pairOf = new Map<PointDiff, PointDiff>();
  for (const r of points) {
    if (r.status !== 'removed') continue;
    const mine = issuesOf(r);
    if (!mine.size) continue;
    const m = added.find((x) => !used.has(x) && [...issuesOf(x)].some((i) => mine.has(i)));
    if (!m) continue;
    used.add(m);
    pairOf.set(r, m);
  }
  const out: ShownPoint[] = [];
  for (const p of points) {
    if (used.has(p)) continue;
    const m = pairOf.get(p);
    if (!m) {
      out.push(p);
      continue;
    }
    const on = [...issuesOf(p)].filter((i) => issuesOf(m).has(i));
    const byIssue = new Map<string, IssueValueChange>();
    // The moved clause's value change per issue: A's value (from the removed point) to B's (the added one).
    for (const v of p.valueChanges) byIssue.set(v.issue, { ...v });
    for (const v of m.valueChanges) {
      const had = byIssue.get(v.issue);
      byIssue.set(v.issue, had ? { issue: v.issue, from: had.from, to: v.to, gains: had.gains.map((g) => ({ actor: g.actor, change: g.change + (v.gains.find((x) => x.actor === g.actor)?.change ?? 0) })) } : v);
    }
    out.push({
      status: 'moved',
      movedOn: on,
      numberA: p.numberA,
      numberB: m.numberB,
      renumbered: p.numberA !== m.numberB,
      similarity: m.similarity,
      textA: p.textA,
      textB: m.textB,
      text: wordDiff(p.textA ?? '', m.textB ?? ''),
      valueChanges: [...byIssue.values()].filter((v) => v.from !== v.to),
    });
  }
  return out;
}
