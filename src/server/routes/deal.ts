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
import type { Case } from '../../case/schema.ts';
import { setEtag } from '../conditional.ts';
import { ApiError } from '../errors.ts';
import { CaseParams, date, definedOnly, jsonSafe, route, router, type RouteContext } from './common.ts';
import { Levers, Packages, Power } from '../deal-schemas.ts';

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
