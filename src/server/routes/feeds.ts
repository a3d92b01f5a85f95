/**
 * A case's feeds (src/server/feeds.ts, docs/evidence.md "Feeds"): their status, a poll now, and the
 * list itself. The feeds are part of the case (`feeds: [{ url, every, label }]`): PUT here writes a
 * revision as any other change to the case does (so do a whole-case PUT and the case file).
 */
import { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';
import { checkIfMatch, conditionalWrite } from '../conditional.ts';
import { FeedPoller } from '../feeds.ts';
import { Evidence } from '../schemas.ts';
import { Feed as CaseFeed } from '../../case/schema.ts';
import { CaseParams, changeInfo, route, router, type RouteContext } from './common.ts';

const isoTime = z.string().openapi({ description: 'an ISO 8601 time (UTC)', example: '2026-12-03T07:00:00.000Z' });

export const FeedStatus = z
  .object({
    url: z.string(),
    label: z.string().openapi({ description: "the feed's label, else its URL's host" }),
    every: z.string().openapi({ description: 'the poll interval as the case gives it (default 1h)' }),
    everyMs: z.number().int(),
    lastPolledAt: isoTime.nullable().openapi({ description: 'when the last poll began (null: never polled)' }),
    lastOkAt: isoTime.nullable().openapi({ description: 'when the last poll that succeeded began' }),
    lastError: z.string().nullable().openapi({ description: "the last poll's error (null when it succeeded)" }),
    itemsSeen: z.number().int().openapi({ description: 'distinct items seen over all polls' }),
    lastNew: z.number().int().openapi({ description: 'candidates the last poll added' }),
    totalNew: z.number().int().openapi({ description: 'candidates added by all polls' }),
    retryingItems: z.number().int().openapi({ description: 'items that gave no text (page failed, no summary), waiting for their next try (after 1, 2, 4, 8 polls)' }),
    failedItems: z.number().int().openapi({ description: 'items given up after 5 failed tries (taken as seen)' }),
    lastItemError: z.string().nullable().openapi({ description: "the last given-up item's error (null: none given up)" }),
    polling: z.boolean().openapi({ description: 'a poll holds the feed now' }),
    nextPollAt: isoTime.openapi({ description: 'when the scheduler polls it next' }),
  })
  .openapi('FeedStatus');

export const FeedList = z.object({ revision: z.number().int(), feeds: z.array(FeedStatus) }).openapi('FeedList');

export const FeedPollOutcome = z
  .object({
    url: z.string(),
    label: z.string(),
    status: z.enum(['polled', 'failed', 'busy']).openapi({ description: 'failed: the feed could not be fetched or read (error); busy: another poll held it' }),
    items: z.number().int().openapi({ description: 'items in the feed' }),
    newItems: z.number().int().openapi({ description: 'new items this poll took' }),
    added: z.array(z.string()).openapi({ description: 'ids of the candidates added from this feed' }),
    error: z.string().optional(),
    itemErrors: z.array(z.string()).openapi({ description: "items that could not be read (when they are tried again, given up, or the feed's own text used)" }),
    waiting: z.number().int().openapi({ description: 'new items not tried this poll: their page failed before and their next try is at a later poll' }),
  })
  .openapi('FeedPollOutcome');

export const FeedPollResult = z
  .object({
    revision: z.number().int().openapi({ description: "the case's revision after the poll" }),
    changed: z.boolean().openapi({ description: 'the poll wrote a revision (false: no new quote and no outlet raised)' }),
    added: z.array(z.string()),
    evidence: z.array(Evidence).openapi({ description: 'the candidate evidence added (status candidate, pending review)' }),
    raised: z
      .array(z.object({ id: z.string(), outlets: z.number().int() }))
      .openapi({ description: "candidates already in the case whose independent outlets this poll's articles raised (an outlet not counted for the quote, in an article that copies none of its stored carriers), with the new count" }),
    feeds: z.array(FeedPollOutcome),
  })
  .openapi('FeedPollResult');

// Cloned, as schemas.ts clones the case's schemas: a clone made now has zod-openapi's `.openapi`.
const Feed = (CaseFeed.clone() as typeof CaseFeed).openapi('Feed');
export const FeedsBody = z.object({ feeds: z.array(Feed).max(50) }).strict().openapi('FeedsRequest');

export function feedRoutes({ store, allowPrivateFetch }: RouteContext) {
  const app = router();
  const poller = new FeedPoller(store, { guard: { allowPrivate: allowPrivateFetch } });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/feeds',
    tag: 'evidence',
    summary: "The case's feeds with the status of their polls",
    params: CaseParams,
    ok: { status: 200, schema: FeedList, description: 'each feed: interval, last poll, last error, items seen, candidates added, next poll' },
    handler: ({ params }) => poller.list(params.id),
  });
  route(app, {
    method: 'put',
    path: '/api/cases/{id}/feeds',
    tag: 'evidence',
    summary: "Replace the case's feeds (a new revision; a feed that stays keeps the items its polls saw)",
    params: CaseParams,
    body: FeedsBody,
    conditional: true,
    ok: { status: 200, schema: FeedList, description: 'the feeds as written, with their status' },
    handler: async ({ c, params, body }) => {
      const { revision } = await conditionalWrite(c, store, params.id, () =>
        store.modifyCase(
          params.id,
          (cs) => {
            if (body.feeds.length) cs.feeds = body.feeds;
            else delete cs.feeds;
          },
          changeInfo(c, `feeds: ${body.feeds.length ? body.feeds.map((f) => f.label ?? new URL(f.url).hostname).join(', ') : 'none'}`, true),
        ),
      );
      const listed = await poller.list(params.id);
      return { ...listed, revision };
    },
  });
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/feeds/poll',
    tag: 'evidence',
    summary: "Poll the case's feeds now (or one, ?url=) and queue the new items' quotes as candidate evidence",
    params: CaseParams,
    query: z.object({ url: z.string().max(2000).optional().openapi({ description: 'poll only this feed of the case' }) }),
    conditional: true,
    ok: { status: 200, schema: FeedPollResult, description: 'what each feed gave and the candidates added (one revision for all of them; none when nothing was new)' },
    handler: async ({ c, params, query }) => {
      const read = await store.getCase(params.id);
      // A stale If-Match is refused before any feed is fetched (the store checks again when writing).
      checkIfMatch(c, params.id, read.revision);
      if (query.url !== undefined && !(read.case.feeds ?? []).some((f) => f.url === query.url)) {
        throw new ApiError(404, `case "${params.id}" has no feed "${query.url.slice(0, 200)}"`, 'url');
      }
      const info = changeInfo(c, undefined, true);
      return conditionalWrite(c, store, params.id, () => poller.poll(params.id, { ...(query.url !== undefined ? { urls: [query.url] } : {}), info }));
    },
  });
  return app;
}
