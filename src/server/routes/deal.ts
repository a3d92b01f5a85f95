/**
 * Finding the deal (docs/cli.md `parley packages`, `parley power`): the packages every veto holder's
 * red lines admit, and voting power under the case's decision rule, for the latest revision of a case.
 * The same JSON as the CLI with `--format json`.
 */
import { z } from '@hono/zod-openapi';
import { caseView } from '../../analysis/forecast.ts';
import { DealError, latestCaseDate, packagesReport } from '../../deal/packages.ts';
import { powerReport, UnknownIssueError } from '../../deal/power.ts';
import { findLevers, LeverTargetError, parseTarget } from '../../deal/levers.ts';
import { UnknownDraftError, UnknownModelError } from '../../analysis/index.ts';
import { loadSolver } from '../../deal/solver.ts';
import { asOf } from '../../case/view.ts';
import { Draft, type Case } from '../../case/schema.ts';
import { setEtag } from '../conditional.ts';
import { ApiError } from '../errors.ts';
import { CaseParams, date, definedOnly, jsonSafe, route, router, type RouteContext } from './common.ts';

const Gains = z.record(z.string(), z.number());
const DealPackage = z
  .object({ kind: z.enum(['maxmin', 'nash', 'ks', 'nearest']), values: Gains, gains: Gains, from: z.string().optional() })
  .openapi('DealPackage');
const Packages = z
  .object({
    feasible: z.boolean(),
    emptyIssues: z.array(z.string()).describe('issues on which the binding red lines leave no common value'),
    actors: z.array(z.string()).describe('the actors whose gains are balanced'),
    packages: z.array(DealPackage),
    frontier: z.array(z.object({ values: Gains, gains: Gains })),
    drafts: z.array(Draft).describe('each package as a generated draft'),
  })
  .openapi('Packages');
const Blocking = z.object({
  opponents: z.array(z.string()).describe('the actors who would vote against: a red line crossed, or worse off than the status quo'),
  objections: z.array(z.object({ actor: z.string(), crosses: z.array(z.string()).describe('issues whose value is outside the actor’s red line'), worseThanStatusQuo: z.boolean() })),
  blocked: z.boolean().describe('whether the opponents can stop it under the decision rule'),
  blockedOn: z.array(z.string()).describe('the issues whose rule the opponents can stop it on'),
  coalitions: z.array(z.array(z.string())).describe('the minimal blocking coalitions among the opponents'),
});
const Power = z
  .object({
    issue: z.string().nullable(),
    rule: z.enum(['unanimity', 'qualified-majority', 'single']),
    method: z.enum(['exact', 'sampled']),
    actors: z.array(z.object({ actor: z.string(), shapleyShubik: z.number(), banzhaf: z.number() })),
    blocking: z.array(z.array(z.string())).describe('the minimal coalitions whose refusal blocks a deal'),
    drafts: z.array(Blocking.extend({ draft: z.string(), title: z.string() })).describe('who blocks each draft of the case (or the one asked for)'),
    packages: z.array(Blocking.extend({ package: z.string().describe('maxmin, nash, ks, or nearest-DRAFT') })).describe('who blocks each package of `parley packages`'),
    packagesError: z.string().nullable().describe('why the packages could not be computed, else null'),
  })
  .openapi('Power');

const LeverMove = z.object({
  actor: z.string(),
  issue: z.string().nullable().describe("null: the actor's overall capability"),
  field: z.enum(['position', 'salience', 'capability', 'redLine']),
  bound: z.enum(['min', 'max']).optional().describe('for a red line: which bound moves'),
  from: z.number(),
  to: z.number(),
  by: z.number().describe('to − from'),
});
const Lever = LeverMove.extend({
  byNormalized: z.number().describe('|by| over the scale width (positions, red lines), over 100 (salience), over the actors’ total capability'),
  model: z.string().nullable().describe('the model whose forecast the lever moves; null for model-free targets'),
  reaches: z.literal(true),
  method: z.enum(['closed-form', 'exact', 'bisection', 'greedy']),
  mcShare: z.number().nullable().describe('share of Monte Carlo draws in which the lever reaches the target (null: runs = 0, or a probability target)'),
  outsideEvidence: z.boolean().describe('to lies outside the range the estimate or red line is given with'),
  achieved: z.number().nullable().describe('the forecast (value targets) or probability (probability targets) with the lever applied'),
  part: z.string().nullable().describe('zone and draft targets: the issue whose part the lever reaches'),
  with: z.array(LeverMove).describe('other moves needed together with this one'),
}).openapi('Lever');
const Levers = z
  .object({
    case: z.object({ id: z.string(), title: z.string() }),
    asOf: z.string().nullable(),
    scenario: z.string().nullable(),
    target: z
      .object({
        text: z.string(),
        kind: z.enum(['zone', 'value', 'draft', 'probability']),
        issue: z.string().nullable().optional(),
        value: z.number().optional(),
        tolerance: z.number().optional(),
        draft: z.string().optional(),
        probability: z.number().optional(),
        by: z.string().optional(),
      })
      .describe('the target as read'),
    reachable: z.boolean(),
    levers: z.array(Lever).describe('ranked: the least normalized movement (with the moves it needs) first, then the larger Monte Carlo share'),
    parts: z.array(z.string()).describe('zone and draft targets: the issues that each need a lever'),
    baseline: z.record(z.string(), z.number()).nullable().describe('before any lever: each model’s forecast (value), or the probability'),
    runs: z.number().int(),
    seed: z.number().int(),
    notes: z.array(z.string()),
  })
  .openapi('Levers');

export const PackagesQuery = z.object({
  asOf: date.optional(),
  scenario: z.string().max(80).optional(),
  draft: z.string().max(80).optional().openapi({ description: 'also the efficient package nearest this draft' }),
  points: z.coerce.number().int().min(2).max(200).optional(),
  seed: z.coerce.number().int().min(0).optional(),
});
export const PowerQuery = z.object({
  issue: z.string().max(80).optional(),
  draft: z.string().max(80).optional().openapi({ description: 'only this draft, and the efficient package nearest it' }),
  asOf: date.optional(),
  samples: z.coerce.number().int().min(100).max(1_000_000).optional(),
  seed: z.coerce.number().int().min(0).optional(),
});
export const LeversQuery = z.object({
  target: z.string().min(1).max(200).openapi({ description: 'zone, zone:ISSUE, value:ISSUE=V[:TOL], draft:ID or probability:P[:BY]' }),
  asOf: date.optional(),
  scenario: z.string().max(80).optional(),
  model: z.string().max(400).optional().openapi({ description: 'value targets: comma-separated model names (default: every model but status-quo)' }),
  runs: z.coerce.number().int().min(0).max(2000).optional().openapi({ description: 'Monte Carlo draws (default 100)' }),
  seed: z.coerce.number().int().min(0).optional(),
  budget: z.coerce.number().int().min(1).max(20_000).optional().openapi({ description: 'value targets: a search model starts no new search after this many runs (default 2000)' }),
});

/** `parley packages --format json` of a case (the route's and the packages job's answer). */
export async function packagesAnswer(cs: Case, query: z.output<typeof PackagesQuery>) {
  const view = caseView(cs, definedOnly({ asOf: query.asOf, scenario: query.scenario }));
  const solver = await loadSolver();
  try {
    return jsonSafe(packagesReport(view, solver, { ...definedOnly({ points: query.points, seed: query.seed, draft: query.draft }), date: query.asOf ?? latestCaseDate(cs) }));
  } catch (e) {
    if (e instanceof DealError) throw new ApiError(400, e.message, 'draft');
    throw e;
  }
}

/** `parley power --format json` of a case. */
export async function powerAnswer(cs: Case, query: z.output<typeof PowerQuery>) {
  const view = query.asOf ? asOf(cs, query.asOf) : cs;
  try {
    return jsonSafe(powerReport(view, await loadSolver(), definedOnly({ issue: query.issue, draft: query.draft, samples: query.samples, seed: query.seed })));
  } catch (e) {
    if (e instanceof UnknownIssueError) throw new ApiError(400, e.message, 'issue');
    if (e instanceof UnknownDraftError) throw new ApiError(400, e.message, 'draft');
    throw e;
  }
}

/** `parley levers --format json` of a case. */
export async function leversAnswer(cs: Case, query: z.output<typeof LeversQuery>) {
  try {
    const models = query.model?.split(',').map((m) => m.trim()).filter(Boolean);
    return jsonSafe(await findLevers(cs, { target: query.target, ...definedOnly({ asOf: query.asOf, scenario: query.scenario, runs: query.runs, seed: query.seed, budget: query.budget, models }) }));
  } catch (e) {
    if (e instanceof LeverTargetError || e instanceof UnknownIssueError || e instanceof UnknownDraftError) throw new ApiError(400, e.message, 'target');
    if (e instanceof UnknownModelError) throw new ApiError(400, e.message, 'model');
    throw e;
  }
}

/** A target that does not parse for this case is refused before a levers job is stored. */
export function checkLeversQuery(cs: Case, query: z.output<typeof LeversQuery>): void {
  try {
    parseTarget(query.target, cs);
  } catch (e) {
    if (e instanceof LeverTargetError || e instanceof UnknownIssueError || e instanceof UnknownDraftError) throw new ApiError(400, e.message, 'target');
    throw e;
  }
}

export function dealRoutes({ store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/packages',
    tag: 'analysis',
    summary: "Packages across all issues inside every veto holder's red lines, and the Pareto frontier",
    params: CaseParams,
    query: PackagesQuery,
    ok: { status: 200, schema: Packages, description: 'as `parley packages --format json`' },
    handler: async ({ c, params, query }) => {
      const stored = await store.getCase(params.id);
      setEtag(c, stored.revision);
      return packagesAnswer(stored.case, query);
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/power',
    tag: 'analysis',
    summary: "Shapley-Shubik and Banzhaf indices under the case's decision rule, the minimal blocking coalitions, and who blocks each draft and package",
    params: CaseParams,
    query: PowerQuery,
    ok: { status: 200, schema: Power, description: 'as `parley power --format json`' },
    handler: async ({ c, params, query }) => {
      const stored = await store.getCase(params.id);
      setEtag(c, stored.revision);
      return powerAnswer(stored.case, query);
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/levers',
    tag: 'analysis',
    summary: 'What would it take: the smallest moves per actor in position, salience, capability or red line that reach a target',
    params: CaseParams,
    query: LeversQuery,
    ok: { status: 200, schema: Levers, description: 'as `parley levers --format json`' },
    handler: async ({ c, params, query }) => {
      const stored = await store.getCase(params.id);
      setEtag(c, stored.revision);
      return leversAnswer(stored.case, query);
    },
  });
  return app;
}
