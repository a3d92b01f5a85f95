/**
 * What the analysis reports (zone of agreement, draft checks, sensitivity) open with: which case,
 * as of which date, under which scenario — so that a saved JSON report says what it was run on.
 */
import type { Case } from '../case/schema.ts';

export interface AnalysisHeading {
  case: { id: string; title: string };
  /** The as-of date the case was viewed at; null: its latest stances. */
  asOf: string | null;
  /** The scenario applied; null: the baseline. */
  scenario: string | null;
}

export const analysisHeading = (c: Pick<Case, 'id' | 'title'>, opts: { asOf?: string; scenario?: string }): AnalysisHeading => ({
  case: { id: c.id, title: c.title },
  asOf: opts.asOf ?? null,
  scenario: opts.scenario ?? null,
});
