/**
 * The request worker pool (src/server/offload.ts): a task's result is what the same call gives in
 * process, a user error thrown in a worker arrives as the same class with the same message (so the
 * server answers the same 400), and the pool outlives a worker that dies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/case/load.ts';
import { UnknownScenarioError } from '../../src/case/view.ts';
import { compareScenarios, timeline } from '../../src/analysis/index.ts';
import { ArticleInputError, ingestArticle } from '../../src/evidence/index.ts';
import { OffloadPool } from '../../src/server/offload.ts';
import { errorResponse } from '../../src/server/errors.ts';

const pool = new OffloadPool(2);
afterAll(() => pool.close());

const ARTICLE = {
  text: 'Kyiv, 2025-11-24. "We will not give up our land," Zelensky said on Monday. Russia said it was "ready to talk" about the plan.',
  date: '2025-11-24',
};

describe('offload pool', () => {
  it('gives the same results as the calls in this thread', async () => {
    const ukraine = await loadCaseFile(new URL('../../examples/ukraine-2025.yaml', import.meta.url).pathname);
    expect(await pool.run('ingest', ARTICLE, { case: ukraine })).toEqual(await ingestArticle(ARTICLE, { case: ukraine }));
    const opts = { models: ['compromise', 'median'], rounds: 5 };
    expect(await pool.run('timeline', ukraine, opts)).toEqual(timeline(ukraine, opts));
    expect(await pool.run('compareScenarios', ukraine, opts)).toEqual(compareScenarios(ukraine, opts));
  }, 60_000);

  it('reports a user error thrown in a worker as the same error, and any other as an internal one', async () => {
    const ukraine = await loadCaseFile(new URL('../../examples/ukraine-2025.yaml', import.meta.url).pathname);
    const inThread = (() => {
      try {
        compareScenarios(ukraine, { scenarios: ['no-such'] });
      } catch (e) {
        return e as Error;
      }
    })()!;
    const fromWorker = await pool.run('compareScenarios', ukraine, { scenarios: ['no-such'] }).catch((e: Error) => e);
    expect(fromWorker).toBeInstanceOf(UnknownScenarioError);
    expect((fromWorker as Error).message).toBe(inThread.message);
    expect(errorResponse(fromWorker as Error)).toEqual(errorResponse(inThread));
    const article = await pool.run('ingest', { text: '' }, {}).catch((e: Error) => e);
    const articleHere = await Promise.resolve().then(() => ingestArticle({ text: '' }, {})).catch((e: Error) => e);
    if (articleHere instanceof Error) {
      expect(article).toBeInstanceOf(articleHere.constructor);
      expect((article as Error).message).toBe(articleHere.message);
    } else expect(article).toEqual(articleHere);
    const bug = await pool.run('fail', 'boom').catch((e: Error) => e);
    expect(bug).toBeInstanceOf(Error);
    expect(bug).not.toBeInstanceOf(ArticleInputError);
    expect((bug as Error).message).toBe('boom');
    expect(errorResponse(bug as Error).status).toBe(500);
  }, 60_000);

  it('survives a worker crash: the crashed task fails, the next ones run', async () => {
    await pool.run('fail', 'warm').catch(() => undefined);
    await pool.run('fail', 'warm').catch(() => undefined);
    const crashed = await pool.run('crash').catch((e: Error) => e);
    expect((crashed as Error).message).toMatch(/a request worker stopped \(exit code 3\)/);
    const results = await Promise.all([1, 2, 3, 4].map(() => pool.run('ingest', ARTICLE, {})));
    for (const r of results) expect(r.quotes.length).toBeGreaterThan(0);
  }, 60_000);
});
