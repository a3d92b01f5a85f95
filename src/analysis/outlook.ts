/**
 * The outlook of a case by a date: the probability of an agreement, and per model and issue the terms
 * if agreed, the expected outcome and its predictive intervals (docs/agreement.md). The shape is the
 * contract in outlook-types.ts; the per-draw arithmetic is in agreement.ts.
 *
 * One Monte Carlo simulation serves every model (common random numbers). Per draw r it gives each
 * model's outcome, the same outcome moved into the zone the binding red lines leave (the terms if
 * agreed: an agreement lies inside every veto holder's red lines), and each issue's slack. Then
 *
 *   p_r = prior(t) · e_r,   P = mean_r p_r,
 *
 * and per issue the outcome's distribution is the mixture Σ_r (p_r/R)·δ(terms_r) + (1 − P)·δ(status quo),
 * with `predictiveSamples` (the model's fitted error) added to the terms. The status-quo model's
 * outcome is the status quo, whatever P.
 */
import type { Case } from '../case/schema.ts';
import { issueDecisions, type IssueDecision } from '../case/decision.ts';
import { engines } from '../engines/index.ts';
import { predictiveSamples } from './calibration.ts';
import { caseView, resolveModels } from './forecast.ts';
import { simulateDraws } from './montecarlo.ts';
import { uncertainRedLines } from './red-lines.ts';
import {
  EVIDENCE_FLOOR,
  PRIORS,
  RULE_QMV,
  RULE_SINGLE,
  RULE_UNANIMITY,
  SLACK_SCALE,
  drawEvidence,
  mixtureQuantilesSorted,
  packAgreementPlan,
  priorProbability,
  slackEvidence,
  sortWeighted,
  type AgreementPlan,
  type AgreementPriorSpec,
  type PlanIssue,
} from './agreement.ts';
import { OUTLOOK_LEVELS, type IssueOutlook, type ModelOutlook, type Outlook, type OutlookOptions } from './outlook-types.ts';

export * from './outlook-types.ts';
export { PRIORS, priorProbability, slackEvidence, drawEvidence, EVIDENCE_FLOOR, SLACK_SCALE, type AgreementPriorSpec } from './agreement.ts';
export { issueDecisions, type IssueDecision } from '../case/decision.ts';


const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86400e3;

function parseDay(s: string, what: string): number {
  const t = Date.parse(`${s}T00:00:00Z`);
  if (!ISO_DATE.test(s) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) throw new RangeError(`${what} must be a date as YYYY-MM-DD, got "${s}"`);
  return t;
}

/** The latest date the case records (stances, evidence, drafts, events): where its clock stands. */
export function caseDate(c: Case): string | null {
  let last: string | null = null;
  const see = (d: string | undefined) => {
    if (d !== undefined && (last === null || d > last)) last = d;
  };
  c.stances.forEach((s) => see(s.date));
  c.evidence.forEach((e) => see(e.date));
  c.drafts.forEach((d) => see(d.date));
  c.events.forEach((e) => see(e.date));
  return last;
}

/** The prior of a case: its own `agreementPrior`, else the base rate of its kind (`other` when none). */
export function casePrior(c: Case): AgreementPriorSpec & { kind: string; own: boolean } {
  if (c.agreementPrior) return { ...c.agreementPrior, derived: false, kind: c.kind ?? 'other', own: true };
  const kind = c.kind ?? 'other';
  return { ...PRIORS[kind], kind, own: false };
}

/**
 * The red lines and rules of a case view as the Monte Carlo draws them: per issue, under unanimity
 * the veto holders' lines, under a qualified majority every member (with its line, or the whole
 * scale), under a single decider nothing (the issue is not joint).
 */
export function agreementPlan(view: Case): AgreementPlan {
  const rules = issueDecisions(view);
  const lines = uncertainRedLines(view);
  const actorIndex = new Map(view.actors.map((a, i) => [a.id, i]));
  const issues: PlanIssue[] = view.issues.map((iss, k) => {
    const d = rules[k];
    const own = lines.filter((l) => l.issue === iss.id);
    const entry = (actor: string) => {
      const l = own.find((x) => x.actor === actor);
      const { min, max } = iss.scale;
      return l
        ? { actor: actorIndex.get(actor)!, minValue: l.min, minLow: l.minLow, minHigh: l.minHigh, maxValue: l.max, maxLow: l.maxLow, maxHigh: l.maxHigh }
        : { actor: actorIndex.get(actor)!, minValue: min, minLow: min, minHigh: min, maxValue: max, maxLow: max, maxHigh: max };
    };
    if (d.rule === 'single') return { rule: RULE_SINGLE, threshold: 0, countThreshold: 0, entries: [] };
    if (d.rule === 'qualified-majority') return { rule: RULE_QMV, threshold: d.threshold, countThreshold: d.countThreshold, entries: d.members.map(entry) };
    return { rule: RULE_UNANIMITY, threshold: 1, countThreshold: 0, entries: own.filter((l) => l.veto).map((l) => entry(l.actor)) };
  });
  return packAgreementPlan(issues);
}

const seedFor = (seed: number, j: number, k: number, m: number) => (seed + 1_000_003 * (j * m + k + 1)) % 2 ** 32;

export async function forecastOutlook(c: Case, opts: OutlookOptions): Promise<Outlook> {
  const by = parseDay(opts.by, '--by');
  const start = opts.asOf ?? caseDate(c);
  if (start === null) throw new RangeError('the case has no dated stance, evidence, draft or event: give an as-of date to start the clock from');
  const from = parseDay(start, 'the as-of date');
  if (by < from) throw new RangeError(`--by ${opts.by} is before the as-of date ${start}: an agreement by then would already be in the case`);
  const years = (by - from) / DAY_MS / 365.25;
  const runs = opts.runs ?? 2000;
  const seed = opts.seed ?? 1;
  const models = resolveModels(opts.models);
  const view = caseView(c, opts);
  const { outcomes } = await simulateDraws(c, {
    runs,
    seed,
    models,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.scenario ? { scenario: opts.scenario } : {}),
    ...(opts.threads !== undefined ? { workers: opts.threads } : {}),
    agreement: agreementPlan,
  });
  const m = view.issues.length;
  const nModels = models.length;
  const slack = outcomes[2 * nModels];
  const prior = casePrior(c);
  const p0 = priorProbability(prior, years);

  // Per draw: its evidence and probability of agreement.
  const pDraw = new Float64Array(runs);
  let evidenceSum = 0;
  let allOpen = 0;
  for (let r = 0; r < runs; r++) {
    const e = drawEvidence(slack, r * m, m);
    evidenceSum += e;
    pDraw[r] = p0 * e;
    let open = true;
    for (let k = 0; k < m; k++) if (slack[r * m + k] < 0) open = false;
    if (open) allOpen++;
  }
  const probability = p0 * (evidenceSum / runs);
  const weights = new Float64Array(runs);
  for (let r = 0; r < runs; r++) weights[r] = pDraw[r] / runs;

  const levels = [...OUTLOOK_LEVELS];
  const at = (q: number[], p: number) => q[levels.indexOf(p as (typeof OUTLOOK_LEVELS)[number])];
  const column = new Float64Array(runs);
  const modelOutlooks: ModelOutlook[] = models.map((model, j) => {
    const terms = outcomes[nModels + j];
    const issues: IssueOutlook[] = view.issues.map((iss, k) => {
      const sq = iss.statusQuo;
      if (model === 'status-quo') {
        return { issue: iss.id, statusQuo: sq, ifAgreed: sq, expected: sq, interval50: [sq, sq], interval90: [sq, sq], quantiles: levels.map(() => sq) };
      }
      for (let r = 0; r < runs; r++) column[r] = terms[r * m + k];
      const draws = predictiveSamples(column, model, { min: iss.scale.min, max: iss.scale.max }, seedFor(seed, j, k, m));
      const sorted = sortWeighted(draws, weights);
      let sum = 0;
      for (let r = 0; r < runs; r++) sum += weights[r] * draws[r];
      const quantiles = mixtureQuantilesSorted(sorted.values, sorted.weights, sq, 1 - probability, levels);
      // The terms if agreed: the median of the draws weighted by their chance of agreement (no status quo mass).
      const [ifAgreed] = mixtureQuantilesSorted(sorted.values, sorted.weights, sq, 0, [0.5]);
      return {
        issue: iss.id,
        statusQuo: sq,
        ifAgreed,
        expected: sum + (1 - probability) * sq,
        interval50: [at(quantiles, 0.25), at(quantiles, 0.75)],
        interval90: [at(quantiles, 0.05), at(quantiles, 0.95)],
        quantiles,
      };
    });
    return { model, agreement: { by: opts.by, probability }, issues };
  });

  const preferred = 'ensemble' in engines && models.includes('ensemble') ? 'ensemble' : models.includes('compromise') ? 'compromise' : models[0];
  const top = modelOutlooks.find((o) => o.model === preferred)!;
  return {
    case: { id: c.id, title: c.title },
    asOf: opts.asOf ?? null,
    scenario: opts.scenario ?? null,
    runs,
    seed,
    model: top.model,
    agreement: top.agreement,
    issues: top.issues,
    models: modelOutlooks,
    agreementBasis: agreementBasis(view, { by: opts.by, years, start, prior, p0, probability, evidence: evidenceSum / runs, allOpen: allOpen / runs, slack, runs }),
  };
}

export interface IssueBasis {
  issue: string;
  rule: IssueDecision['rule'];
  from: IssueDecision['from'];
  /** Whose consent binds: veto holders (unanimity), the decider (single), the members (qualified majority). */
  actors: string[];
  /** Share of draws with a zone of agreement on this issue (null: decided alone, not joint). */
  zoneShare: number | null;
  /** Median slack (zone width, or −gap, as a share of the scale). */
  medianSlack: number | null;
  /** Share of draws in which this issue is the tightest (it sets e_r). */
  tightestShare: number | null;
}

export interface AgreementBasis {
  by: string;
  start: string;
  years: number;
  prior: AgreementPriorSpec & { kind: string; own: boolean; probability: number };
  evidence: { mean: number; floor: number; slackScale: number; everyIssueOpen: number };
  probability: number;
  issues: IssueBasis[];
  [key: string]: unknown;
}

function agreementBasis(
  view: Case,
  a: { by: string; years: number; start: string; prior: ReturnType<typeof casePrior>; p0: number; probability: number; evidence: number; allOpen: number; slack: Float64Array; runs: number },
): AgreementBasis {
  const m = view.issues.length;
  const rules = issueDecisions(view);
  const tight = new Int32Array(m);
  for (let r = 0; r < a.runs; r++) {
    let best = -1;
    let bestS = Infinity;
    for (let k = 0; k < m; k++) {
      const s = a.slack[r * m + k];
      if (!Number.isNaN(s) && s < bestS) {
        bestS = s;
        best = k;
      }
    }
    if (best >= 0 && bestS < 1) tight[best]++;
  }
  const issues: IssueBasis[] = view.issues.map((iss, k) => {
    const d = rules[k];
    const actors = d.rule === 'qualified-majority' ? d.members : d.vetoHolders;
    if (d.rule === 'single') return { issue: iss.id, rule: d.rule, from: d.from, actors, zoneShare: null, medianSlack: null, tightestShare: null };
    const xs = new Float64Array(a.runs);
    let open = 0;
    for (let r = 0; r < a.runs; r++) {
      xs[r] = a.slack[r * m + k];
      if (xs[r] >= 0) open++;
    }
    xs.sort();
    return { issue: iss.id, rule: d.rule, from: d.from, actors, zoneShare: open / a.runs, medianSlack: xs[Math.floor((a.runs - 1) / 2)], tightestShare: tight[k] / a.runs };
  });
  return {
    by: a.by,
    start: a.start,
    years: a.years,
    prior: { ...a.prior, probability: a.p0 },
    evidence: { mean: a.evidence, floor: EVIDENCE_FLOOR, slackScale: SLACK_SCALE, everyIssueOpen: a.allOpen },
    probability: a.probability,
    issues,
  };
}
