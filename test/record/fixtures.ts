/** Outlooks and entry drafts built by hand, for the record tests (no model run needed). */
import { OUTLOOK_LEVELS, type Outlook, type IssueOutlook } from '../../src/analysis/outlook-types.ts';
import { recordOutlook, type EntryDraft } from '../../src/record/index.ts';

/** Quantiles of U(lo, hi) at OUTLOOK_LEVELS. */
export const uniformQuantiles = (lo: number, hi: number): number[] => OUTLOOK_LEVELS.map((t) => lo + t * (hi - lo));

function issue(id: string, statusQuo: number, lo: number, hi: number): IssueOutlook {
  const q = uniformQuantiles(lo, hi);
  const at = (t: number) => lo + t * (hi - lo);
  return { issue: id, statusQuo, ifAgreed: at(0.5), expected: at(0.5), interval50: [at(0.25), at(0.75)], interval90: [at(0.05), at(0.95)], quantiles: q };
}

/** Two issues (border 0–100, troops 0–100); compromise and median models with uniform predictive distributions. */
export function sampleOutlook(by = '2026-06-30', p = 0.3): Outlook {
  const compromise = { model: 'compromise', agreement: { by, probability: p }, issues: [issue('border', 50, 40, 80), issue('troops', 20, 10, 30)] };
  const median = { model: 'median', agreement: { by, probability: 0.6 }, issues: [issue('border', 50, 20, 40), issue('troops', 20, 0, 40)] };
  return {
    case: { id: 'talks', title: 'Border talks' },
    asOf: null,
    scenario: null,
    runs: 1000,
    seed: 1,
    model: 'compromise',
    agreement: compromise.agreement,
    issues: compromise.issues,
    models: [compromise, median],
    agreementBasis: { prior: 0.2 },
  };
}

export function sampleDraft(over: Partial<EntryDraft> = {}, createdAt = '2025-11-01T10:00:00.000Z'): Omit<EntryDraft, 'question'> & Partial<Pick<EntryDraft, 'question'>> {
  return {
    case: {
      id: 'talks',
      title: 'Border talks',
      revision: 1,
      hash: 'a'.repeat(64),
      issues: [
        { id: 'border', title: 'Where the border runs', min: 0, max: 100 },
        { id: 'troops', title: 'Troop ceiling', min: 0, max: 100 },
      ],
    },
    asOf: null,
    by: '2026-06-30',
    version: '0.1.0',
    createdAt,
    outlook: recordOutlook(sampleOutlook()),
    ...over,
  };
}

export const question = (id = 'talks-2026') => ({ id, text: 'Deal by mid-2026?', rule: 'agreement = 1 if signed by 2026-06-30' });
