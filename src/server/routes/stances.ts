/** Stances: no id of their own; addressed by actor, issue and date. */
import { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';
import { conditionalWrite, setEtag } from '../conditional.ts';
import { RevisionOnly, Stance, StanceWrite, pageOf } from '../schemas.ts';
import { CaseParams, PageQuery, RevisionQuery, changeInfo, date, paged, route, router, type RouteContext } from './common.ts';

export function stanceRoutes({ store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/stances',
    tag: 'stances',
    summary: 'Stances of a case, optionally of one actor and/or issue (paged)',
    params: CaseParams,
    query: PageQuery.merge(RevisionQuery).extend({ actor: z.string().max(80).optional(), issue: z.string().max(80).optional() }),
    ok: { status: 200, schema: pageOf(Stance, 'StancePage'), description: 'a page of stances' },
    handler: async ({ c, params, query }) => {
      const { case: cs, revision } = await store.getCase(params.id, query);
      setEtag(c, revision);
      return paged(cs.stances.filter((s) => (!query.actor || s.actor === query.actor) && (!query.issue || s.issue === query.issue)), query);
    },
  });
  route(app, {
    method: 'put',
    path: '/api/cases/{id}/stances',
    tag: 'stances',
    summary: 'Add or replace the stance of an actor on an issue at a date (a new revision)',
    conditional: true,
    params: CaseParams,
    body: Stance,
    ok: { status: 200, schema: StanceWrite, description: 'the new revision' },
    handler: async ({ c, params, body }) => {
      const { revision, value: created } = await conditionalWrite(c, store, params.id, () => store.modifyCase(
        params.id,
        (cs) => {
          const index = cs.stances.findIndex((s) => s.actor === body.actor && s.issue === body.issue && s.date === body.date);
          if (index >= 0) cs.stances[index] = body;
          else cs.stances.push(body);
          return index < 0;
        },
        changeInfo(c, `set stance ${body.actor}/${body.issue}${body.date ? ` (${body.date})` : ''}`, true),
      ));
      return { revision, item: body, created };
    },
  });
  route(app, {
    method: 'delete',
    path: '/api/cases/{id}/stances',
    tag: 'stances',
    summary: 'Delete the stance of an actor on an issue at a date (no date: the undated stance)',
    conditional: true,
    params: CaseParams,
    query: z.object({ actor: z.string().max(80), issue: z.string().max(80), date: date.optional() }),
    ok: { status: 200, schema: RevisionOnly, description: 'the new revision' },
    handler: async ({ c, params, query }) => {
      const { revision } = await conditionalWrite(c, store, params.id, () => store.modifyCase(
        params.id,
        (cs) => {
          const index = cs.stances.findIndex((s) => s.actor === query.actor && s.issue === query.issue && s.date === query.date);
          if (index < 0) throw new ApiError(404, `case "${params.id}" has no stance of ${query.actor} on ${query.issue}${query.date ? ` dated ${query.date}` : ' without a date'}`, 'actor');
          cs.stances.splice(index, 1);
        },
        changeInfo(c, `deleted stance ${query.actor}/${query.issue}${query.date ? ` (${query.date})` : ''}`, true),
      ));
      return { revision };
    },
  });
  return app;
}
