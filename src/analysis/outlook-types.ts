/**
 * CONTRACT: the shape of a forecast with its agreement probability ("will there be a deal by DATE, and on
 * what terms"), shared by the CLI (`parley forecast --by`), the API, the dashboard and the forecast record.
 * Produced by `forecastOutlook` in `outlook.ts`. All values on each issue's own scale.
 */

/** The probability levels of `IssueOutlook.quantiles` (the record scores CRPS from these). */
export const OUTLOOK_LEVELS = [0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975] as const;

export interface AgreementOutlook {
  /** YYYY-MM-DD: the horizon. */
  by: string;
  /** Probability that an agreement is reached by `by`, in [0, 1]. */
  probability: number;
}

export interface IssueOutlook {
  /** Issue id. */
  issue: string;
  /** The status quo (the outcome if there is no agreement). */
  statusQuo: number;
  /** The model's forecast if an agreement is reached (median of the predictive draws). */
  ifAgreed: number;
  /** The expected outcome: mixes the terms if agreed with the status quo by the agreement probability. */
  expected: number;
  /** Central 50 % and 90 % predictive intervals of the outcome (a point mass at the status quo included). */
  interval50: [number, number];
  interval90: [number, number];
  /** Predictive quantiles of the outcome at OUTLOOK_LEVELS (same mixture as the intervals). */
  quantiles: number[];
}

export interface ModelOutlook {
  model: string;
  agreement: AgreementOutlook;
  issues: IssueOutlook[];
}

export interface Outlook {
  case: { id: string; title: string };
  asOf: string | null;
  scenario: string | null;
  /** Monte Carlo draws and seed behind the figures. */
  runs: number;
  seed: number;
  /** The default model (the ensemble once it exists) at the top level… */
  model: string;
  agreement: AgreementOutlook;
  issues: IssueOutlook[];
  /** …and every model, `status-quo` included, the same way. */
  models: ModelOutlook[];
  /** How the agreement probability was reached: prior, vetoes, zone width per draw; see docs/agreement.md. */
  agreementBasis: Record<string, unknown>;
}

/** What `forecastOutlook` is asked. */
export interface OutlookOptions {
  /** YYYY-MM-DD: the horizon. */
  by: string;
  /** YYYY-MM-DD: the case as it stood that day, and the day the clock starts (default: the case's latest date). */
  asOf?: string;
  scenario?: string;
  /** Monte Carlo draws (default 2000) and seed (default 1). */
  runs?: number;
  seed?: number;
  /** Models (default: every registered one). */
  models?: string[];
  /** Worker threads (default: as the Monte Carlo decides). */
  threads?: number;
}
