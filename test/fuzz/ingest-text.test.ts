import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestArticle } from '../../src/evidence/ingest.ts';
import { articleFromText, decodeArticleBytes } from '../../src/evidence/input.ts';
import { parseCase } from '../../src/case/load.ts';
import { bytesAsText, expectClean, fuzz, mutated, randomText } from './harness.ts';
import { articleSeeds, hostileArticleSeeds, tutorialYaml } from './seeds.ts';

const tutorial = parseCase(tutorialYaml, 'tutorial.yaml');

/** An article's text, and whether to link it against the tutorial case (actors, issues, aliases). */
const inputs = fc.tuple(
  fc.oneof(
    { weight: 10, arbitrary: mutated([...articleSeeds, ...hostileArticleSeeds]) },
    { weight: 2, arbitrary: fc.constantFrom(...hostileArticleSeeds) },
    { weight: 2, arbitrary: randomText },
    { weight: 1, arbitrary: bytesAsText },
  ),
  fc.boolean(),
  fc.boolean(),
);

describe('fuzz: the article ingester, text (src/evidence/ingest.ts, input.ts)', () => {
  it('no article crashes it or takes a second', async () => {
    ingestArticle(articleFromText(articleSeeds[0]), { case: tutorial }); // loads the lexicon before the timing starts
    const report = await fuzz('ingest-text', inputs, ([text, withCase, asBytes]) => {
      const body = asBytes ? decodeArticleBytes(Buffer.from(text, 'utf8'), 'article.txt') : text;
      const r = ingestArticle(articleFromText(body), withCase ? { case: tutorial } : {});
      // Every quote's offsets point into the body the result measured.
      for (const q of r.quotes) if (r.body.slice(q.start, q.end) !== q.text) return `quote ${JSON.stringify(q.text)} is not at ${q.start}-${q.end} of the body`;
      return undefined;
    });
    expectClean(report);
  }, 150_000);

  it('the words of issue 17 ("Constructor", "toString", …) are read as words, not as the lists\' prototype', () => {
    for (const text of hostileArticleSeeds) expect(() => ingestArticle(articleFromText(text), { case: tutorial }), text).not.toThrow();
  });
});
