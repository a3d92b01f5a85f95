/**
 * A number on an issue's scale in words, from the scale's anchors: the nearest anchor's label where
 * that anchor is close, otherwise "between A and B" (the two anchors the number lies between), or
 * "beyond" the outermost. Dependency-free, so the dashboard bundles it too.
 */

export interface AnchorLike {
  at: number;
  label: string;
}
export interface ScaledIssue {
  scale: { min: number; max: number; anchors: readonly AnchorLike[] };
}

/** How close an anchor must be to name a value by itself: this share of the scale's length. */
export const ANCHOR_NEAR_SHARE = 0.05;

/** The anchor nearest to `value` (undefined when the scale has none; ties: the first). */
export function nearestAnchor<A extends AnchorLike>(anchors: readonly A[], value: number): A | undefined {
  let best: A | undefined;
  for (const a of anchors) if (!best || Math.abs(a.at - value) < Math.abs(best.at - value)) best = a;
  return best;
}

/**
 * `value` in words: `"<label>"` when an anchor lies within ANCHOR_NEAR_SHARE of the scale, else
 * `"between <label> and <label>"`, `"below <label>"` / `"beyond <label>"` past the outermost anchor;
 * "" when the scale has no anchors or the value is not a number.
 */
export function anchorText(issue: ScaledIssue, value: number, near = ANCHOR_NEAR_SHARE): string {
  const anchors = [...issue.scale.anchors].sort((a, b) => a.at - b.at);
  if (!anchors.length || !Number.isFinite(value)) return '';
  const span = Math.abs(issue.scale.max - issue.scale.min) || 1;
  const closest = nearestAnchor(anchors, value)!;
  if (Math.abs(closest.at - value) <= near * span) return closest.label;
  if (value < anchors[0].at) return `below ${anchors[0].label}`;
  const last = anchors[anchors.length - 1];
  if (value > last.at) return `beyond ${last.label}`;
  const k = anchors.findIndex((a) => a.at > value);
  return `between ${anchors[k - 1].label} and ${anchors[k].label}`;
}
