/** Cases: list, create, import, read (a revision, a time, a date), replace, delete, history, export, overview. */
import { z } from '@hono/zod-openapi';
import { stringify as toYaml } from 'yaml';
import type { Case as CaseT } from '../../case/schema.ts';
import { caseOverview } from '../../case/overview.ts';
import { exporters, importers, importText } from '../../formats/index.ts';
import { ApiError } from '../errors.ts';
import { checkIfMatch, conditionalWrite, requireIfMatch, setEtag } from '../conditional.ts';
import { Case, CaseList, CaseOverview, RevisionList, WriteResult } from '../schemas.ts';
import { CaseParams, PageQuery, changeInfo, date, definedOnly, route, router, type RouteContext } from './common.ts';

/**
 * Export formats: the case file itself (YAML, JSON) and every exporter of the formats registry, each
 * with its media type. The registry is read on each request, so a format added there is served here.
 */
export function exportFormats(): Array<{ name: string; type: string; write: (c: CaseT) => string }> {
  const mediaType = (name: string) => (/csv/.test(name) ? 'text/csv' : /xml/.test(name) ? 'application/xml' : /json/.test(name) ? 'application/json' : 'text/plain');
  return [
    { name: 'yaml', type: 'application/yaml', write: (c) => toYaml(c, { lineWidth: 0 }) },
    { name: 'json', type: 'application/json', write: (c) => `${JSON.stringify(c, null, 2)}\n` },
    ...exporters.map((e) => ({ name: e.name, type: mediaType(e.name), write: (c: CaseT) => e.write(c) })),
  ];
}

/** Import format names the API takes besides the registry's: the case file as yaml or json, bdm for bdm-csv. */
const IMPORT_ALIASES: Record<string, string> = { yaml: 'case', json: 'case', bdm: 'bdm-csv' };

export function caseRoutes({ store, requireIfMatch: ifMatchRequired }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/cases',
    tag: 'cases',
    summary: 'List the cases (paged)',
    query: PageQuery,
    ok: { status: 200, schema: CaseList, description: 'a page of case summaries' },
    handler: ({ query }) => store.listCases(query),
  });
  route(app, {
    method: 'post',
    path: '/api/cases',
    tag: 'cases',
    summary: 'Create a case (revision 1)',
    body: Case,
    ok: { status: 201, schema: WriteResult, description: 'created' },
    handler: async ({ c, body }) => {
      const created = await store.createCase(body, changeInfo(c, 'created'));
      setEtag(c, created.revision);
      return created;
    },
  });
  route(app, {
    method: 'post',
    path: '/api/cases/import',
    tag: 'cases',
    summary: 'Import a case file or another format (raw text body)',
    query: z.object({
      format: z.string().max(40).optional().openapi({ description: 'yaml, json, bdm, or an importer name (detected when absent)' }),
      name: z.string().max(200).regex(/^[^/\\]+$/, 'a file name, without folders').optional().openapi({ description: 'the original file name: helps detection; importers derive the case id from it' }),
      id: z.string().max(80).optional().openapi({ description: "id of the new case (default: the file's own, or derived from the name)" }),
    }),
    body: 'text',
    ok: { status: 201, schema: WriteResult, description: 'imported as a new case' },
    handler: async ({ c, query }) => {
      const text = await c.req.text();
      const format = query.format === undefined ? undefined : (IMPORT_ALIASES[query.format] ?? query.format);
      if (format !== undefined && !importers.some((i) => i.name === format)) {
        throw new ApiError(400, `unknown import format "${query.format}" (known: yaml, json${importers.filter((i) => i.name !== 'case').map((i) => `, ${i.name}`).join('')})`, 'format');
      }
      // Without a format the registry detects it; a name ending .yaml makes the case-file parser the fallback.
      const parsed = importText(text, query.name ?? (format ? 'imported' : 'imported.yaml'), format);
      const imported = query.id === undefined ? parsed : { ...parsed, id: query.id };
      const created = await store.createCase(imported, changeInfo(c, `imported${query.format ? ` (${query.format})` : ''}`));
      setEtag(c, created.revision);
      return created;
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}',
    tag: 'cases',
    summary: 'A case: the latest revision, a given revision or the one current at a time, and/or as of a date',
    params: CaseParams,
    query: z.object({
      asOf: date.optional(),
      revision: z.coerce.number().int().min(1).optional(),
      at: z.iso.datetime({ offset: true, error: 'expected an ISO time, e.g. 2025-11-25T12:00:00Z' }).optional().openapi({ description: 'the latest revision written at or before this time' }),
    }),
    ok: { status: 200, schema: Case, description: 'the case (validated output form); headers ETag: "<revision>" and X-Parley-Revision' },
    handler: async ({ c, params, query }) => {
      if (query.asOf === undefined && query.at === undefined) {
        // The stored JSON is the validated output form already: sent as it is, without parsing.
        const { json: text, revision } = await store.getCaseJson(params.id, query);
        setEtag(c, revision);
        return c.body(text, 200, { 'Content-Type': 'application/json', 'X-Parley-Revision': String(revision) });
      }
      const stored = await store.getCase(params.id, { ...definedOnly(query), ...(query.at ? { at: new Date(query.at).toISOString() } : {}) });
      setEtag(c, stored.revision);
      c.header('X-Parley-Revision', String(stored.revision));
      return stored.case;
    },
  });
  route(app, {
    method: 'put',
    path: '/api/cases/{id}',
    tag: 'cases',
    summary: 'Replace a case (a new revision; If-Match: "<revision>" required on a server off loopback)',
    conditional: true,
    params: CaseParams,
    body: Case,
    ok: { status: 200, schema: WriteResult, description: 'the new revision (and its ETag)' },
    handler: ({ c, params, body }) => {
      requireIfMatch(c, ifMatchRequired ?? false, 'replacing a whole case');
      return conditionalWrite(c, store, params.id, () => store.updateCase(params.id, body, changeInfo(c, undefined, true)));
    },
  });
  route(app, {
    method: 'delete',
    path: '/api/cases/{id}',
    tag: 'cases',
    summary: 'Delete a case with its history',
    conditional: true,
    params: CaseParams,
    ok: { status: 204, description: 'deleted' },
    handler: async ({ c, params }) => {
      // The store's delete takes no revision: a stale If-Match is refused against the revision read here.
      if (c.req.header('if-match') !== undefined) checkIfMatch(c, params.id, (await store.getCaseJson(params.id)).revision);
      await store.deleteCase(params.id);
      return c.body(null, 204);
    },
  });
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/restore',
    tag: 'cases',
    summary: 'Restore an earlier revision: a new revision with its content (the history is kept)',
    params: CaseParams,
    body: z.object({ revision: z.number().int().min(1) }).strict().openapi('RestoreRequest'),
    conditional: true,
    ok: { status: 200, schema: WriteResult, description: 'the new revision' },
    handler: ({ c, params, body }) => conditionalWrite(c, store, params.id, () => store.restoreCase(params.id, body.revision, changeInfo(c, `restored revision ${body.revision}`, true))),
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/revisions',
    tag: 'cases',
    summary: 'The revision history of a case',
    params: CaseParams,
    ok: { status: 200, schema: RevisionList, description: 'oldest first; ETag: the latest revision' },
    handler: async ({ c, params }) => {
      const revisions = await store.listRevisions(params.id, { changes: true });
      if (revisions.length) setEtag(c, revisions[revisions.length - 1].revision);
      return revisions;
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/export',
    tag: 'cases',
    summary: 'Export a case (yaml, json, or an exporter of the formats registry)',
    params: CaseParams,
    query: z.object({ format: z.string().max(40).default('yaml'), asOf: date.optional(), revision: z.coerce.number().int().min(1).optional() }),
    ok: { status: 200, schema: 'text', description: 'the exported text' },
    handler: async ({ c, params, query }) => {
      const formats = exportFormats();
      const format = formats.find((f) => f.name === query.format);
      if (!format) throw new ApiError(400, `unknown export format "${query.format}" (known: ${formats.map((f) => f.name).join(', ')})`, 'format');
      const { case: cs, revision } = await store.getCase(params.id, { asOf: query.asOf, revision: query.revision });
      setEtag(c, revision);
      return c.body(format.write(cs), 200, { 'Content-Type': `${format.type}; charset=utf-8` });
    },
  });
  route(app, {
    method: 'get',
    path: '/api/cases/{id}/overview',
    tag: 'cases',
    summary: 'The actors × issues matrix (as `parley show --format json`)',
    params: CaseParams,
    query: z.object({ asOf: date.optional() }),
    ok: { status: 200, schema: CaseOverview, description: 'the overview' },
    handler: async ({ c, params, query }) => {
      const stored = await store.getCase(params.id, query);
      setEtag(c, stored.revision);
      return caseOverview(stored.case, query.asOf ?? null);
    },
  });
  return app;
}
