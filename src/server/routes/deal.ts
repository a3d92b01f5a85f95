/**
 * Finding the deal (docs/cli.md `parley packages`, `parley power`): the packages every veto holder's
 * red lines admit, and voting power under the case's decision rule, for the latest revision of a case.
 * The same JSON as the CLI with `--format json`.
 */
import { z } from '@hono/zod-openapi';
import { caseView } from '../../analysis/forecast.ts';
import { DealError, latestCaseDate, packagesReport } from '../../deal/packages.ts';
import { casePower, UnknownIssueError } from '../../deal/power.ts';
import { loadSolver } from '../../deal/solver.ts';
import { asOf } from '../../case/view.ts';
import { Draft } from '../../case/schema.ts';
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
const Power = z
  .object({
    issue: z.string().nullable(),
    rule: z.enum(['unanimity', 'qualified-majority', 'single']),
    method: z.enum(['exact', 'sampled']),
    actors: z.array(z.object({ actor: z.string(), shapleyShubik: z.number(), banzhaf: z.number() })),
    blocking: z.array(z.array(z.string())).describe('the minimal coalitions whose refusal blocks a deal'),
  })
  .openapi('Power');

export function dealRoutes({ store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/packages',
    tag: 'analysis',
    summary: "Packages across all issues inside every veto holder's red lines, and the Pareto frontier",
    params: CaseParams,
    query: z.object({
      asOf: date.optional(),
      scenario: z.string().max(80).optional(),
      draft: z.string().max(80).optional().openapi({ description: 'also the efficient package nearest this draft' }),
      points: z.coerce.number().int().min(2).max(200).optional(),
      seed: z.coerce.number().int().min(0).optional(),
    }),
    ok: { status: 200, schema: Packages, description: 'as `parley packages --format json`' },
    handler: async ({ c, params, query }) => {
      const stored = await store.getCase(params.id);
      setEtag(c, stored.revision);
      const view = caseView(stored.case, definedOnly({ asOf: query.asOf, scenario: query.scenario }));
      const solver = await loadSolver();
      try {
        return jsonSafe(packagesReport(view, solver, { ...definedOnly({ points: query.points, seed: query.seed, draft: query.draft }), date: query.asOf ?? latestCaseDate(stored.case) }));
      } catch (e) {
        if (e instanceof DealError) throw new ApiError(400, e.message, 'draft');
        throw e;
      }
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/power',
    tag: 'analysis',
    summary: "Shapley-Shubik and Banzhaf indices under the case's decision rule, and the minimal blocking coalitions",
    params: CaseParams,
    query: z.object({
      issue: z.string().max(80).optional(),
      asOf: date.optional(),
      samples: z.coerce.number().int().min(100).max(1_000_000).optional(),
      seed: z.coerce.number().int().min(0).optional(),
    }),
    ok: { status: 200, schema: Power, description: 'as `parley power --format json`' },
    handler: async ({ c, params, query }) => {
      const stored = await store.getCase(params.id);
      setEtag(c, stored.revision);
      const view = query.asOf ? asOf(stored.case, query.asOf) : stored.case;
      try {
        return jsonSafe(casePower(view, definedOnly({ issue: query.issue, samples: query.samples, seed: query.seed })));
      } catch (e) {
        if (e instanceof UnknownIssueError) throw new ApiError(400, e.message, 'issue');
        throw e;
      }
    },
  });
  return app;
}
