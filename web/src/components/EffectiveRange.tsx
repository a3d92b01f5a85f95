import type { EffectiveRange } from '../../../src/analysis/reliability.ts';
import { useCase } from '../case-data.tsx';
import { num } from '../numbers.ts';

/** 2 decimals at most (effective bounds, factors and research scores differ in the second decimal). */
export const num2 = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : String(Math.round(x * 100) / 100));

/** The effective ranges of the dashboard's last Monte Carlo run (null: no finished run). */
export function useEffectiveRanges(): EffectiveRange[] | null {
  const { monteCarlo } = useCase();
  if (monteCarlo.status !== 'done') return null;
  return (monteCarlo.result as { effectiveRanges?: EffectiveRange[] } | undefined)?.effectiveRanges ?? [];
}

/**
 * Beside a stance's stated range: the wider range Monte Carlo draws it from when its evidence is
 * weak, single-sourced or retracted (src/analysis/reliability.ts), with one line saying why. Nothing
 * when the ranges are the same (or no run has finished yet).
 */
export function EffectiveRangeNote({ actor, issue }: { actor: string; issue: string }) {
  const ranges = useEffectiveRanges();
  const mine = (ranges ?? []).filter((r) => r.actor === actor && r.issue === issue);
  if (mine.length === 0) return null;
  return (
    <div className="effective-range" data-testid="effective-range" role="note">
      {mine.map((r) => (
        <p key={r.field}>
          Monte Carlo draws the {r.field} from <strong>{num2(r.effectiveLow)}–{num2(r.effectiveHigh)}</strong>, not the stated {num(r.low)}–{num(r.high)}: its range is widened
          ×{num2(r.factor)} because of its evidence ({r.reason}).
        </p>
      ))}
    </div>
  );
}
