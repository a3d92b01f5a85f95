/**
 * The report of a case over HTTP, for the dashboard's download: the same document as
 * `parley report` (src/analysis/report.ts), in HTML or Markdown, of the latest revision (or the
 * case as it stood on an as-of date). Synchronous with the draws bounded, as the outlook route is
 * (see routes/outlook.ts for why): a report of the Ukraine case at the default draws takes a few
 * seconds.
 */
import { z } from '@hono/zod-openapi';
import { latestCaseDate } from '../../analysis/horizon.ts';
import { ApiError } from '../errors.ts';
import { CaseParams, date, route, router, type RouteContext } from './common.ts';

/** Draws of the report's Monte Carlo and outlook when the request names none, and at most. */
export const DEFAULT_REPORT_RUNS = 500;
export const MAX_REPORT_RUNS = 5000;

const ReportQuery = z
  .object({
    format: z.enum(['html', 'md']).default('html'),
    asOf: date.optional().openapi({ description: 'the case as it stood that day' }),
    by: date.optional().openapi({ description: 'the horizon of the agreement probability (default: six months after the clock starts)' }),
    scenario: z.string().max(80).optional(),
    runs: z.coerce.number().int().min(1).max(MAX_REPORT_RUNS).default(DEFAULT_REPORT_RUNS).openapi({ description: `Monte Carlo draws (default ${DEFAULT_REPORT_RUNS}, at most ${MAX_REPORT_RUNS})` }),
    seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
  })
  .strict();

export function reportRoutes({ store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/report',
    tag: 'analysis',
    summary: 'The report of a case (as `parley report`): key findings first, every analysis with its charts, the sources; HTML or Markdown, as a download',
    params: CaseParams,
    query: ReportQuery,
    ok: { status: 200, schema: 'text', description: 'the report document (text/html or text/markdown)' },
    handler: async ({ c, params, query }) => {
      const { case: cs, revision } = await store.getCase(params.id);
      if (query.scenario && !cs.scenarios.some((s) => s.id === query.scenario)) throw new ApiError(400, `scenario: unknown scenario "${query.scenario}"`, 'scenario');
      const start = query.asOf ?? latestCaseDate(cs);
      if (query.by && start && query.by < start) throw new ApiError(400, `by: ${query.by} is before the ${query.asOf ? 'as-of date' : 'case’s latest date'} ${start}`, 'by');
      // Loaded on first use: the report pulls in every analysis and the chart renderer.
      const [{ buildReport }, { nodeDocument }] = await Promise.all([import('../../analysis/report.ts'), import('../../charts/node-document.ts')]);
      const text = await buildReport(cs, {
        format: query.format,
        document: nodeDocument(),
        runs: query.runs,
        seed: query.seed,
        ...(query.asOf ? { asOf: query.asOf } : {}),
        ...(query.by ? { by: query.by } : {}),
        ...(query.scenario ? { scenario: query.scenario } : {}),
      });
      const filename = `${cs.id}-report-r${revision}${query.asOf ? `-as-of-${query.asOf}` : ''}.${query.format}`;
      return c.body(text, 200, {
        'Content-Type': `${query.format === 'html' ? 'text/html' : 'text/markdown'}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${filename}"`,
        // Weak: the same revision and query give the same report but for its "generated" date.
        ETag: `W/"${revision}"`,
      });
    },
  });
  return app;
}
