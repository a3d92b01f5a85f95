/**
 * "Will there be a deal by DATE?" over HTTP: the agreement outlook of the latest revision of a case,
 * the same JSON as `parley forecast <case> --by DATE --format json` (src/analysis/outlook.ts,
 * docs/agreement.md).
 *
 * Synchronous, with the draws bounded, rather than a background job like `simulate`: the outlook
 * cannot be cancelled or report progress (forecastOutlook takes no signal), so a job would only add
 * polling; the forecast-record route already runs the same computation within its request under the
 * same bound, so whatever can be recorded can first be looked at; and the budget for the
 * largest useful size (10,000 draws of every model on the Ukraine case) is under 10 s on 2 cores.
 * Not stored as a run: the runs table holds forecasts and simulations, which replay bit for bit
 * through runs.ts; an outlook worth keeping is sealed in the forecast record (`POST …/record`), which
 * is where it gets scored.
 */
import { z } from '@hono/zod-openapi';
import { latestCaseDate } from '../../analysis/horizon.ts';
import type { AgreementBasis } from '../../analysis/outlook.ts';
import { resolveModels } from '../../analysis/index.ts';
import { ApiError } from '../errors.ts';
import { Outlook } from '../schemas.ts';
import { CaseParams, date, jsonSafe, route, router, type RouteContext } from './common.ts';
import { MAX_RECORD_RUNS } from './records.ts';

/** Monte Carlo draws one outlook request may ask for: the record route's bound (see above). */
export const MAX_OUTLOOK_RUNS = MAX_RECORD_RUNS;
/** Draws when the request names none: forecastOutlook's default. */
export const DEFAULT_OUTLOOK_RUNS = 2000;

export const OutlookBody = z
  .object({
    by: date.openapi({ description: 'the horizon (YYYY-MM-DD): the probability of an agreement by then' }),
    asOf: date.optional().openapi({ description: 'the case as it stood that day, and the day the clock starts (default: the case’s latest date)' }),
    scenario: z.string().max(80).optional(),
    runs: z.number().int().min(1).max(MAX_OUTLOOK_RUNS).default(DEFAULT_OUTLOOK_RUNS).openapi({ description: `Monte Carlo draws (default ${DEFAULT_OUTLOOK_RUNS}, at most ${MAX_OUTLOOK_RUNS})` }),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    models: z.array(z.string().max(40)).max(20).optional().openapi({ description: 'model names (default: every one, status-quo included)' }),
  })
  .strict()
  .openapi('OutlookRequest');

export function outlookRoutes({ store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/outlook',
    tag: 'forecasts',
    summary: 'Will there be a deal by a date: the agreement probability and, per model and issue, the terms if agreed, the expected outcome and its 50 %/90 % intervals',
    params: CaseParams,
    body: OutlookBody,
    ok: { status: 200, schema: Outlook, description: 'as `parley forecast --by DATE --format json`' },
    handler: async ({ params, body }) => {
      const { case: c } = await store.getCase(params.id);
      // What forecastOutlook would refuse with a RangeError (a 500 here), refused first as the user's 400.
      const models = resolveModels(body.models);
      if (body.scenario && !c.scenarios.some((s) => s.id === body.scenario)) throw new ApiError(400, `body.scenario: unknown scenario "${body.scenario}"`, 'scenario');
      const start = body.asOf ?? latestCaseDate(c);
      if (start === null) throw new ApiError(400, 'body.asOf: the case has no dated stance, evidence, draft or event: give an as-of date to start the clock from', 'asOf');
      if (body.by < start) throw new ApiError(400, `body.by: ${body.by} is before the ${body.asOf ? 'as-of date' : 'case’s latest date'} ${start}; an agreement by then would already be in the case`, 'by');
      // Loaded on first use, as the record's producer is (src/record/make.ts): server start-up stays light.
      const { forecastOutlook } = await import('../../analysis/outlook.ts');
      const o = await forecastOutlook(c, {
        by: body.by,
        runs: body.runs,
        seed: body.seed,
        models,
        ...(body.asOf ? { asOf: body.asOf } : {}),
        ...(body.scenario ? { scenario: body.scenario } : {}),
      });
      // The contract types the basis loosely (Record); what forecastOutlook builds is an AgreementBasis, which the schema declares.
      return jsonSafe({ ...o, agreementBasis: o.agreementBasis as AgreementBasis });
    },
  });
  return app;
}
