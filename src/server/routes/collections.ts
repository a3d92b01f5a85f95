/**
 * The sub-resources of a case with ids of their own — actors, issues, evidence, drafts, scenarios,
 * events — each listed, read, added, replaced and deleted; each write a new revision of the whole
 * case, re-validated (a broken reference is a 400 naming it).
 */
import { z } from '@hono/zod-openapi';
import type { Case as CaseT } from '../../case/schema.ts';
import { ApiError } from '../errors.ts';
import { conditionalWrite, setEtag } from '../conditional.ts';
import { Actor, Draft, Event, Evidence, Issue, RevisionOnly, Scenario, itemWrite, pageOf } from '../schemas.ts';
import { CaseParams, PageQuery, RevisionQuery, changeInfo, paged, route, router, type RouteContext } from './common.ts';

export const COLLECTIONS = [
  { key: 'actors', param: 'actorId', schema: Actor, noun: 'actor' },
  { key: 'issues', param: 'issueId', schema: Issue, noun: 'issue' },
  { key: 'evidence', param: 'evidenceId', schema: Evidence, noun: 'evidence' },
  { key: 'drafts', param: 'draftId', schema: Draft, noun: 'draft' },
  { key: 'scenarios', param: 'scenarioId', schema: Scenario, noun: 'scenario' },
  { key: 'events', param: 'eventId', schema: Event, noun: 'event' },
] as const;

type Item = { id: string };

export function collectionRoutes({ store }: RouteContext) {
  const app = router();
  for (const col of COLLECTIONS) {
    const schema = col.schema as unknown as z.ZodType<Item>;
    const items = (cs: CaseT) => cs[col.key] as unknown as Item[];
    // Typed as `itemId` here; named after the collection (actorId, issueId, …) in paths and the OpenAPI document.
    const ItemParams = z.object({ id: z.string().max(80), [col.param]: z.string().max(80) }) as unknown as z.ZodObject<{ id: z.ZodString; itemId: z.ZodString }>;
    const itemPath = `/api/cases/{id}/${col.key}/{${col.param}}`;
    const itemIdOf = (params: { itemId: string }) => (params as unknown as Record<string, string>)[col.param];
    const find = (cs: CaseT, itemId: string) => {
      const index = items(cs).findIndex((x) => x.id === itemId);
      if (index < 0) throw new ApiError(404, `case "${cs.id}" has no ${col.noun} "${itemId}"`, col.param);
      return index;
    };
    const Written = itemWrite(schema);
    route(app, {
      method: 'get',
      path: `/api/cases/{id}/${col.key}`,
      tag: col.key,
      summary: `List the ${col.key} of a case (paged)`,
      params: CaseParams,
      query: PageQuery.merge(RevisionQuery),
      ok: { status: 200, schema: pageOf(schema, `${col.noun[0].toUpperCase()}${col.noun.slice(1)}Page`), description: `a page of ${col.key}` },
      handler: async ({ c, params, query }) => {
        const stored = await store.getCase(params.id, query);
        setEtag(c, stored.revision);
        return paged(items(stored.case), query);
      },
    });
    route(app, {
      method: 'get',
      path: itemPath,
      tag: col.key,
      summary: `One ${col.noun}`,
      params: ItemParams,
      ok: { status: 200, schema, description: `the ${col.noun}` },
      handler: async ({ c, params }) => {
        const { case: cs, revision } = await store.getCase(params.id);
        setEtag(c, revision);
        return items(cs)[find(cs, itemIdOf(params))];
      },
    });
    route(app, {
      method: 'post',
      path: `/api/cases/{id}/${col.key}`,
      tag: col.key,
      summary: `Add a ${col.noun} (a new revision)`,
      conditional: true,
      params: CaseParams,
      body: schema,
      ok: { status: 201, schema: Written, description: `the new revision and the ${col.noun}` },
      handler: async ({ c, params, body }) => {
        const { revision } = await conditionalWrite(c, store, params.id, () => store.modifyCase(
          params.id,
          (cs) => {
            if (items(cs).some((x) => x.id === body.id)) throw new ApiError(409, `case "${params.id}" already has a ${col.noun} "${body.id}"`, 'id');
            items(cs).push(body);
          },
          changeInfo(c, `added ${col.noun} ${body.id}`, true),
        ));
        return { revision, item: body };
      },
    });
    route(app, {
      method: 'put',
      path: itemPath,
      tag: col.key,
      summary: `Replace a ${col.noun} (a new revision)`,
      conditional: true,
      params: ItemParams,
      body: schema,
      ok: { status: 200, schema: Written, description: `the new revision and the ${col.noun}` },
      handler: async ({ c, params, body }) => {
        if (body.id !== itemIdOf(params)) throw new ApiError(400, `the body's id "${body.id}" differs from "${itemIdOf(params)}" in the path (ids cannot be renamed: add a new one and delete the old)`, 'id');
        const { revision } = await conditionalWrite(c, store, params.id, () => store.modifyCase(
          params.id,
          (cs) => {
            items(cs)[find(cs, itemIdOf(params))] = body;
          },
          changeInfo(c, `changed ${col.noun} ${body.id}`, true),
        ));
        return { revision, item: body };
      },
    });
    route(app, {
      method: 'delete',
      path: itemPath,
      tag: col.key,
      summary: `Delete a ${col.noun} (a new revision; refused while anything refers to it)`,
      conditional: true,
      params: ItemParams,
      ok: { status: 200, schema: RevisionOnly, description: 'the new revision' },
      handler: async ({ c, params }) => {
        const { revision } = await conditionalWrite(c, store, params.id, () => store.modifyCase(
          params.id,
          (cs) => {
            items(cs).splice(find(cs, itemIdOf(params)), 1);
          },
          changeInfo(c, `deleted ${col.noun} ${itemIdOf(params)}`, true),
        ));
        return { revision };
      },
    });
  }
  return app;
}
