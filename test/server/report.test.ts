/**
 * GET /api/cases/{id}/report: the document `parley report` writes (same function, same seed), as a
 * download; bad queries refused as 400s naming the field; the route in the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { buildReport } from '../../src/analysis/report.ts';
import { nodeDocument } from '../../src/charts/node-document.ts';
import { Case } from '../../src/case/schema.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import { sampleCase } from '../store/backends.ts';
import type { JobManager } from '../../src/server/jobs.ts';

describe('GET /api/cases/{id}/report', () => {
  let store: Store;
  let jobs: JobManager;
  let get: (path: string) => Promise<Response>;

  beforeAll(async () => {
    store = await createStore(':memory:');
    const made = createApp({ store, logError: (line) => expect.fail(`logged an internal error: ${line}`) });
    jobs = made.jobs;
    get = (path) => made.app.request(path) as Promise<Response>;
    const res = await made.app.request('/api/cases', { method: 'POST', body: JSON.stringify(sampleCase('talks')), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await jobs?.shutdown();
    await store?.close();
  });

  it('answers the HTML report as an attachment, the same document buildReport writes for the same draws (apart from the generation date)', async () => {
    const res = await get('/api/cases/talks/report?runs=80&seed=3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="talks-report-r1.html"');
    expect(res.headers.get('etag')).toBe('W/"1"');
    const html = await res.text();
    const direct = await buildReport(Case.parse(sampleCase('talks')), { format: 'html', document: nodeDocument(), runs: 80, seed: 3 });
    const undated = (t: string) => t.replace(/Generated \d{4}-\d\d-\d\d\./, 'Generated D.');
    expect(undated(html)).toBe(undated(direct));
    expect(html).toContain('<h2>Key findings</h2>');
  });

  it('answers Markdown, and reads the case as of a date', async () => {
    const res = await get('/api/cases/talks/report?format=md&runs=40&asOf=2025-02-15');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="talks-report-r1-as-of-2025-02-15.md"');
    const md = await res.text();
    expect(md.startsWith('# parley report: ')).toBe(true);
    expect(md).toContain('As of 2025-02-15: only what the case records up to that date is used.');
  });

  it('refuses bad queries with a 400 naming the field, and an unknown case with a 404', async () => {
    for (const [q, field] of [
      ['format=pdf', 'format'],
      ['runs=50000', 'runs'],
      ['runs=abc', 'runs'],
      ['asOf=garbage', 'asOf'],
      ['scenario=nope', 'scenario'],
      ['by=1990-01-01', 'by'],
      ['colour=red', ''],
    ] as const) {
      const res = await get(`/api/cases/talks/report?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { message: string; path: string | null } };
      if (field) expect(JSON.stringify(body.error), q).toContain(field);
    }
    expect((await get('/api/cases/nope/report')).status).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await get('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/cases/{id}/report'])).toEqual(['get']);
  });
});
