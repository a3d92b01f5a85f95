/**
 * Analysis of the latest revision of a case, each the same JSON as the matching CLI command with
 * `--format json`. Mounted before the sub-resources, whose `/drafts/{draftId}` would otherwise match
 * `/drafts/check`.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { checkDrafts, diffDrafts, resolveModels, sensitivity, zoneOfAgreement } from '../../analysis/index.ts';
import { DraftChecks, DraftDiff, ResearchReport, ScenarioComparison, SensitivityReport, Timeline, ZoneOfAgreement } from '../schemas.ts';
import { AnalysisQuery, CaseParams, analysisOptions, commaList, date, definedOnly, jsonSafe, route, router, type RouteContext } from './common.ts';
import { ForecastBody, modelOptions } from './model-params.ts';
import { setEtag } from '../conditional.ts';
import { offloadPool } from '../offload.ts';
import { research } from '../../analysis/research.ts';

export function analysisRoutes({ store }: RouteContext) {
  const app = router();
  // Each analysis answers the ETag of the revision it analysed.
  const latest = async (c: Context, id: string) => {
    const stored = await store.getCase(id);
    setEtag(c, stored.revision);
    return stored.case;
  };
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/zopa',
    tag: 'analysis',
    summary: 'Zone of agreement per issue and the red lines that must move',
    params: CaseParams,
    query: AnalysisQuery,
    ok: { status: 200, schema: ZoneOfAgreement, description: 'as `parley zopa --format json`' },
    handler: async ({ c, params, query }) => jsonSafe(zoneOfAgreement(await latest(c, params.id), analysisOptions(query))),
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/drafts/check',
    tag: 'analysis',
    summary: 'Every draft against every red line, with each actor’s utility',
    params: CaseParams,
    query: AnalysisQuery.extend({
      drafts: z.string().max(800).optional(),
      against: z.enum(['draft-date', 'latest']).optional().openapi({ description: 'each draft against the red lines of its own date (default) or the latest ones' }),
    }),
    ok: { status: 200, schema: DraftChecks, description: 'as `parley drafts --format json`' },
    handler: async ({ c, params, query }) => {
      const drafts = query.drafts === undefined ? undefined : commaList(query.drafts);
      return jsonSafe(checkDrafts(await latest(c, params.id), { ...analysisOptions(query), ...definedOnly({ drafts, against: query.against }) }));
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/drafts/diff',
    tag: 'analysis',
    summary: 'Point-by-point diff of two drafts',
    params: CaseParams,
    query: z.object({ a: z.string().max(80), b: z.string().max(80), asOf: date.optional(), scenario: z.string().max(80).optional() }),
    ok: { status: 200, schema: DraftDiff, description: 'as `parley drafts diff --format json`' },
    handler: async ({ c, params, query }) => {
      const { a, b, ...rest } = query;
      return jsonSafe(diffDrafts(await latest(c, params.id), a, b, definedOnly(rest)));
    },
  });
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/sensitivity',
    tag: 'analysis',
    summary: 'Which input moves the forecast most',
    params: CaseParams,
    body: ForecastBody,
    ok: { status: 200, schema: SensitivityReport, description: 'as `parley sensitivity --format json`' },
    handler: async ({ c, params, body }) => {
      const cs = await latest(c, params.id);
      return jsonSafe(sensitivity(cs, modelOptions(body, resolveModels(body.models))));
    },
  });
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/research',
    tag: 'analysis',
    summary: 'Research next: the estimates that move the forecast most and are least well evidenced',
    params: CaseParams,
    body: ForecastBody,
    ok: { status: 200, schema: ResearchReport, description: 'as `parley research --format json`' },
    handler: async ({ c, params, body }) => jsonSafe(research(await latest(c, params.id), modelOptions(body, resolveModels(body.models)))),
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/scenarios/compare',
    tag: 'analysis',
    summary: 'Forecasts of the baseline and each scenario side by side',
    params: CaseParams,
    query: AnalysisQuery.extend({ scenarios: z.string().max(800).optional() }),
    ok: { status: 200, schema: ScenarioComparison, description: 'as `parley scenarios --format json`' },
    handler: async ({ c, params, query }) => {
      const scenarios = query.scenarios === undefined ? undefined : commaList(query.scenarios);
      // In the request worker pool (src/server/offload.ts): a long comparison does not hold up other requests.
      return jsonSafe(await offloadPool().run('compareScenarios', await latest(c, params.id), { ...analysisOptions(query), ...definedOnly({ scenarios }) }));
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/timeline',
    tag: 'analysis',
    summary: 'The forecast re-run as of each date a stance changed',
    params: CaseParams,
    query: AnalysisQuery.extend({ from: date.optional(), to: date.optional() }),
    ok: { status: 200, schema: Timeline, description: 'as `parley timeline --format json`' },
    handler: async ({ c, params, query }) => {
      const { from, to } = query;
      return jsonSafe(await offloadPool().run('timeline', await latest(c, params.id), { ...analysisOptions(query), ...definedOnly({ from, to }) }));
    },
  });
  return app;
}
