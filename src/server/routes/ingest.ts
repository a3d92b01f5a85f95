/**
 * Ingestion: article text, HTML or a URL → quotes, speakers, sources, dates and actors; with
 * `caseId`, the quotes stored as candidate evidence. The article is read by the same function as
 * `parley ingest` reads a file (src/evidence/input.ts), so the CLI and the API agree on headers and HTML.
 * Into a case, the article is grouped with the articles the case's feeds and earlier posts brought
 * (src/store/case-ingest.ts): a syndicated copy adds no independent outlet; an article that adds no
 * candidate and raises no count writes no revision.
 */
import { z } from '@hono/zod-openapi';
import { ArticleInputError, fetchArticle, ingestJson, type ArticleInput } from '../../evidence/index.ts';
import { ingestIntoCase, postedPrintId } from '../../store/case-ingest.ts';
import { PrintsBusyError } from '../../store/prints.ts';
import { articleFromPage, articleFromText } from '../../evidence/input.ts';
import { ApiError } from '../errors.ts';
import { checkIfMatch, conditionalWrite } from '../conditional.ts';
import { IngestResponse } from '../schemas.ts';
import { offloadPool } from '../offload.ts';
import { changeInfo, date, definedOnly, route, router, type RouteContext } from './common.ts';

/** Request body limit of this route (bytes): whole articles, larger than the 2 MB of the others. */
export const MAX_INGEST_BYTES = 10 * 1024 * 1024;

export const IngestBody = z
  .object({
    text: z.string().max(MAX_INGEST_BYTES).optional().openapi({ description: 'the article; may start with a Title:/Date:/Outlet:/URL: header closed by a line ---' }),
    html: z.string().max(MAX_INGEST_BYTES).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    date: date.optional(),
    outlet: z.string().max(200).optional(),
    title: z.string().max(300).optional(),
    caseId: z.string().max(80).optional(),
  })
  .strict()
  .refine((b) => [b.text, b.html, b.url].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of text, html or url', path: ['text'] })
  .openapi('IngestRequest');

/** The input's field an article error is about. */
const fieldOf = (body: z.output<typeof IngestBody>) => (body.url !== undefined ? 'url' : body.html !== undefined ? 'html' : 'text');

/** Article input errors as 400s naming the field. */
async function asField<T>(field: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ArticleInputError) throw new ApiError(400, e.message, field);
    throw e;
  }
}

export function ingestRoutes({ store, allowPrivateFetch }: RouteContext) {
  const app = router();
  route(app, {
    method: 'post',
    path: '/api/ingest',
    tag: 'evidence',
    summary: 'Find quotes, speakers, sources, dates and actors in an article; with caseId, store the quotes as candidate evidence',
    body: IngestBody,
    conditional: true,
    ok: { status: 200, schema: IngestResponse, description: 'as `parley ingest --format json`, plus `body` (the text the offsets point into), and `stored` and `revision` with caseId' },
    handler: async ({ c, body }) => {
      const read = body.caseId ? await store.getCase(body.caseId) : undefined;
      // A stale If-Match is refused before the article is read (the store checks again when writing).
      if (body.caseId && read) checkIfMatch(c, body.caseId, read.revision);
      const c0 = read?.case;
      const input: ArticleInput = await asField(fieldOf(body), async () => {
        if (body.url !== undefined) return articleFromPage(await fetchArticle(body.url, { timeoutMs: 15_000, guard: { allowPrivate: allowPrivateFetch } }));
        return body.html !== undefined ? { html: body.html } : articleFromText(body.text ?? '');
      });
      const article = { ...input, ...definedOnly({ date: body.date, outlet: body.outlet, title: body.title }) };
      const result = await asField(body.html !== undefined ? 'html' : 'text', () => offloadPool().run('ingest', article, c0 ? { case: c0 } : {}));
      const out = { ...ingestJson(result), body: result.body };
      if (!body.caseId) return out;
      const caseId = body.caseId;
      // Grouped with the articles the case has seen (feeds and posts alike: case-ingest.ts), so a copy adds no outlet.
      const done = await conditionalWrite(c, store, caseId, async () => {
        try {
          return await ingestIntoCase(store, caseId, [{ id: postedPrintId(result), result, feedUrl: null }], changeInfo(c, `ingested ${result.quotes.length} quote(s)${result.article.outlet ? ` from ${result.article.outlet}` : ''}`, true));
        } catch (e) {
          if (e instanceof ArticleInputError) throw new ApiError(400, e.message, 'date');
          // Not a stale If-Match: another write held the case's prints too long (nothing written; try again).
          if (e instanceof PrintsBusyError) throw new ApiError(409, e.message);
          throw e;
        }
      });
      return { ...out, stored: done.added[0].map((x) => x.id), raised: done.raised, revision: done.revision };
    },
  });
  return app;
}
