/**
 * Decision rules: who must agree to a deal on each issue (docs/agreement.md). Pure, over a validated
 * case; no zod, so the Monte Carlo side can import it.
 *
 * - `unanimity`: every veto holder must accept. The veto holders are the rule's `vetoHolders`, or,
 *   when it names none, the actors whose red line on the issue carries `veto: true`.
 * - `qualified-majority`: the accepting members must hold at least `threshold` of the members'
 *   capability (default 0.65) and, when given, `countThreshold` of the members (EU QMV, TEU art.
 *   16(4): 55 % of the member states representing 65 % of the population). No member vetoes alone,
 *   unless its capability share exceeds 1 − threshold.
 * - `single`: the `decider` decides alone; the issue is forecast from its stance only and takes no part
 *   in the zone of agreement (its choice respects its own red lines).
 *
 * A case without any `decision` keeps its earlier reading: unanimity of the veto-flagged actors on
 * every issue.
 */
import type { Case, Decision } from './schema.ts';
import { currentStances, pairKey } from './view.ts';

export const DEFAULT_QMV_THRESHOLD = 0.65;

export interface IssueDecision {
  issue: string;
  rule: Decision['rule'];
  /** Where the rule comes from: the issue's own `decision`, the case's, or the default. */
  from: 'issue' | 'case' | 'default';
  /** unanimity: the actors whose consent the deal needs on this issue (ids, in actor order). */
  vetoHolders: string[];
  /** qualified-majority: the voting actors (ids, in actor order), and the thresholds. */
  members: string[];
  threshold: number;
  countThreshold: number;
  /** single: the decider. */
  decider: string | null;
}

/** The rule in force on each issue, in issue order. */
export function issueDecisions(c: Case): IssueDecision[] {
  const stances = currentStances(c);
  return c.issues.map((iss) => {
    const own = iss.decision;
    const d = own ?? c.decision;
    const from: IssueDecision['from'] = own ? 'issue' : c.decision ? 'case' : 'default';
    const rule = d?.rule ?? 'unanimity';
    const flagged = c.actors.filter((a) => stances.get(pairKey(a.id, iss.id))?.redLine?.veto).map((a) => a.id);
    const listed = d?.vetoHolders ? new Set(d.vetoHolders) : null;
    const memberSet = d?.members ? new Set(d.members) : null;
    return {
      issue: iss.id,
      rule,
      from,
      vetoHolders: rule === 'unanimity' ? (listed ? c.actors.map((a) => a.id).filter((a) => listed.has(a)) : flagged) : rule === 'single' && d?.decider ? [d.decider] : [],
      members: rule === 'qualified-majority' ? c.actors.map((a) => a.id).filter((a) => !memberSet || memberSet.has(a)) : [],
      threshold: d?.threshold ?? DEFAULT_QMV_THRESHOLD,
      countThreshold: d?.countThreshold ?? 0,
      decider: rule === 'single' ? (d?.decider ?? null) : null,
    };
  });
}

/**
 * Whether actor `actor`'s red line on the issue binds a deal under the rule: a veto holder's under
 * unanimity, the decider's under a single decider; under a qualified majority no line binds alone.
 */
export function bindsDeal(d: IssueDecision, actor: string): boolean {
  if (d.rule === 'unanimity') return d.vetoHolders.includes(actor);
  if (d.rule === 'single') return d.decider === actor;
  return false;
}

/** Whether actor `actor` takes part in forecasting the issue (everyone, except beside a single decider). */
export function takesPart(d: IssueDecision, actor: string): boolean {
  return d.rule !== 'single' || d.decider === null || d.decider === actor;
}
