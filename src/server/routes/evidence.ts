/** The evidence library across cases, and the review of candidate evidence (accept, reject). */
import { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.ts';
import { conditionalWrite } from '../conditional.ts';
import { Evidence, EvidenceList } from '../schemas.ts';
import { CaseParams, PageQuery, changeInfo, date, definedOnly, route, router, type RouteContext } from './common.ts';

export function evidenceRoutes({ store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'get',
    path: '/api/evidence',
    tag: 'evidence',
    summary: 'Search the evidence of every case (latest revisions)',
    query: PageQuery.extend({
      case: z.string().max(80).optional(),
      actor: z.string().max(80).optional(),
      issue: z.string().max(80).optional(),
      status: z.enum(['accepted', 'candidate', 'rejected']).optional(),
      from: date.optional(),
      to: date.optional(),
      q: z.string().max(200).optional(),
    }),
    ok: { status: 200, schema: EvidenceList, description: 'a page of evidence rows with their case id' },
    handler: ({ query }) => {
      const { case: caseId, q, ...rest } = query;
      return store.listEvidence({ ...definedOnly(rest), ...(caseId ? { caseId } : {}), ...(q ? { text: q } : {}) });
    },
  });
  for (const verdict of ['accept', 'reject'] as const) {
    route(app, {
      method: 'post',
      path: `/api/cases/{id}/evidence/{evidenceId}/${verdict}`,
      tag: 'evidence',
      summary: `${verdict === 'accept' ? 'Accept' : 'Reject'} a candidate piece of evidence`,
      conditional: true,
      params: CaseParams.extend({ evidenceId: z.string().max(80) }),
      ok: { status: 200, schema: Evidence, description: 'the updated evidence' },
      handler: async ({ c, params }) => {
        const { value } = await conditionalWrite(c, store, params.id, () => store.modifyCase(
          params.id,
          (cs) => {
            const e = cs.evidence.find((x) => x.id === params.evidenceId);
            if (!e) throw new ApiError(404, `case "${params.id}" has no evidence "${params.evidenceId}"`, 'evidenceId');
            e.status = verdict === 'accept' ? 'accepted' : 'rejected';
            return e;
          },
          changeInfo(c, `${verdict}ed evidence ${params.evidenceId}`, true),
        ));
        return value;
      },
    });
  }
  return app;
}
