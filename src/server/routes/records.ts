/**
 * The forecast record over HTTP (docs/record.md): append a sealed entry for a case, read the chain
 * with its verification, resolve a question, read the scores. The same store functions as
 * `parley record | resolve | score`.
 */
import { z } from '@hono/zod-openapi';
import { Entry as EntrySchema, EntryError, QUESTION_ID, Resolution as ResolutionSchema, ResolutionError, checkResolution } from '../../record/index.ts';
import { makeEntryDraft } from '../../record/make.ts';
import { appendRecordEntry, listRecordEntries, listResolutions, questionIssues, recordResolution, scoreStoredRecord, verifyRecord } from '../../store/records.ts';
import { ApiError } from '../errors.ts';
import { latestCaseDate } from '../../analysis/horizon.ts';
import { setEtag } from '../conditional.ts';
import { CaseParams, date, route, router, type RouteContext } from './common.ts';

/** Monte Carlo draws one record request may ask for (the outlook runs within the request). */
export const MAX_RECORD_RUNS = 20_000;

const named = <T extends z.ZodType>(s: T, name: string): T => (s.clone() as T).openapi(name) as T;
const Entry = named(EntrySchema, 'RecordEntry');
const Resolution = named(ResolutionSchema, 'Resolution');

export const RecordBody = z
  .object({
    question: z.string().regex(QUESTION_ID, 'a question id: letters, digits, ".", "_" or "-", up to 80, starting with a letter or digit'),
    by: date,
    text: z.string().min(1).max(2000).optional(),
    rule: z.string().min(1).max(4000).optional(),
    asOf: date.optional(),
    scenario: z.string().max(80).optional(),
    runs: z.number().int().min(1).max(MAX_RECORD_RUNS).optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  })
  .strict()
  .openapi('RecordRequest');

export const SealedEntry = z.object({ hash: z.string(), entry: Entry }).openapi('SealedEntry');
const StoredEntry = z
  .object({ seq: z.number().int(), hash: z.string(), entry: z.unknown().openapi({ description: 'the stored entry (a RecordEntry unless the record was tampered with: see verify)' }) })
  .openapi('StoredRecordEntry');
const Verify = z
  .object({
    ok: z.boolean(),
    count: z.number().int(),
    head: z.string().optional().openapi({ description: 'hash of the last entry (when the chain is intact)' }),
    index: z.number().int().optional(),
    seq: z.number().int().nullable().optional(),
    question: z.string().nullable().optional(),
    reason: z.enum(['content', 'link', 'sequence', 'malformed']).optional(),
    message: z.string().optional(),
  })
  .openapi('RecordVerify');
const StoredResolution = z.object({ question: z.string(), hash: z.string(), createdAt: z.string(), resolution: Resolution }).openapi('StoredResolution');
export const RecordList = z
  .object({ entries: z.array(StoredEntry), verify: Verify, resolutions: z.array(StoredResolution) })
  .openapi('RecordList');
const ModelScore = z
  .object({
    model: z.string(),
    absError: z.number().nullable(),
    crps: z.number().nullable(),
    coverage50: z.number().nullable(),
    coverage90: z.number().nullable(),
    brier: z.number(),
    n: z.number().int(),
    entries: z.number().int(),
    baseline: z.boolean(),
  })
  .openapi('RecordModelScore');
export const Scores = z
  .object({
    models: z.array(ModelScore),
    cases: z.array(z.object({ case: z.string(), title: z.string(), questions: z.number().int(), models: z.array(ModelScore) })),
    questions: z.array(z.object({ question: z.string(), case: z.string(), by: z.string(), entries: z.number().int(), resolved: z.boolean() })),
  })
  .openapi('RecordScores');
const QuestionParams = z.object({ question: z.string().max(80).openapi({ param: { name: 'question', in: 'path' } }) });

/** The record's own input errors as 400s naming the field. */
function asApiError(e: unknown): never {
  if (e instanceof ResolutionError || e instanceof EntryError) throw new ApiError(400, e.message, e.problems[0]?.path || null);
  throw e;
}

export function recordRoutes({ store }: RouteContext) {
  const app = router();
  route(app, {
    method: 'post',
    path: '/api/cases/{id}/record',
    tag: 'record',
    summary: 'Forecast the case (agreement probability and predictive distributions) and append it to the record as a sealed entry',
    params: CaseParams,
    body: RecordBody,
    ok: { status: 201, schema: SealedEntry, description: 'the sealed entry' },
    handler: async ({ c, params, body }) => {
      const stored = await store.getCase(params.id);
      if (body.scenario && !stored.case.scenarios.some((s) => s.id === body.scenario)) throw new ApiError(400, `unknown scenario "${body.scenario}"`, 'scenario');
      // What the outlook would refuse with a RangeError (a 500), refused first as the user's 400 (as routes/outlook.ts does).
      const start = body.asOf ?? latestCaseDate(stored.case);
      if (start === null) throw new ApiError(400, 'body.asOf: the case has no dated stance, evidence, draft or event: give an as-of date to start the clock from', 'asOf');
      if (body.by < start) throw new ApiError(400, `body.by: ${body.by} is before the ${body.asOf ? 'as-of date' : 'case’s latest date'} ${start}; an agreement by then would already be in the case`, 'by');
      const { question, text, rule, ...opts } = body;
      const draft = await makeEntryDraft({ case: stored.case, revision: stored.revision, createdAt: new Date().toISOString(), ...opts }).catch(asApiError);
      const sealed = await appendRecordEntry(store, { id: question, caseId: params.id, by: body.by, ...(text !== undefined ? { text } : {}), ...(rule !== undefined ? { rule } : {}) }, draft).catch(asApiError);
      return c.json(sealed, 201);
    },
  });
  route(app, {
    method: 'get',
    path: '/api/record',
    tag: 'record',
    summary: 'The record: its entries in order (optionally of one question or case), the chain check over the whole record, and the resolutions',
    query: z.object({ question: z.string().max(80).optional(), case: z.string().max(80).optional() }),
    ok: { status: 200, schema: RecordList, description: 'entries, verification, resolutions; ETag: the hash of the last entry' },
    handler: async ({ c, query }) => {
      const [entries, verify, resolutions] = await Promise.all([
        listRecordEntries(store, { ...(query.question ? { question: query.question } : {}), ...(query.case ? { caseId: query.case } : {}) }),
        verifyRecord(store),
        listResolutions(store),
      ]);
      const shown = resolutions.filter((r) => (query.question ? r.question === query.question : true));
      // The chain's head names the entries; the resolutions (written once each) are counted beside it.
      if (verify.ok && verify.head) setEtag(c, `${verify.head}.${resolutions.length}`);
      return { entries, verify, resolutions: shown };
    },
  });
  route(app, {
    method: 'post',
    path: '/api/record/questions/{question}/resolution',
    tag: 'record',
    summary: 'Resolve a recorded question: {agreement: 0|1, outcome: {issue: value}, source: URL}, once',
    params: QuestionParams,
    body: z.unknown().openapi({ description: 'a Resolution; checked against the question\'s case (issue ids, scales)' }),
    ok: { status: 201, schema: StoredResolution, description: 'the stored resolution' },
    handler: async ({ c, params, body }) => {
      const issues = await questionIssues(store, params.question);
      let resolution;
      try {
        resolution = checkResolution(body, issues);
      } catch (e) {
        if (e instanceof ResolutionError) throw new ApiError(400, `body.${e.message}`, e.problems[0]?.path || null);
        throw e;
      }
      return c.json(await recordResolution(store, params.question, resolution, new Date().toISOString(), resolution), 201);
    },
  });
  route(app, {
    method: 'get',
    path: '/api/record/scores',
    tag: 'record',
    summary: 'Scores of the resolved questions per model (absolute error, CRPS, coverage, Brier), across cases and per case; 409 when the record does not verify',
    ok: { status: 200, schema: Scores, description: 'the scores' },
    handler: async () => scoreStoredRecord(store),
  });
  return app;
}
