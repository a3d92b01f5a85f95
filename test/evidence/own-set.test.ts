/**
 * The project's own annotated set: eight articles we wrote in the house styles of different outlets
 * (test/evidence/articles/own-*.txt) with gold in the eval-dev schema (test/evidence/gold-own).
 * The ingester's rules were not written against these articles' gold; the test holds the issue's
 * acceptance targets on them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreEvalDir, splitHeader } from '../../src/evidence/index.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const goldDir = here('./gold-own');
const articlesDir = here('./articles');

describe('own annotated set', () => {
  it('gold offsets point at the quoted text in each article body', () => {
    const files = readdirSync(goldDir).filter((f) => f.endsWith('.json') && f !== 'canonical_names.json');
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const gold = JSON.parse(readFileSync(`${goldDir}/${f}`, 'utf8')) as { article: string; quotes: Array<{ text: string; start: number; end: number }> };
      const { body } = splitHeader(readFileSync(`${articlesDir}/${gold.article}`, 'utf8'));
      for (const q of gold.quotes) expect(body.slice(q.start, q.end), `${f}: ${q.text}`).toBe(q.text);
    }
  });

  it('meets the issue targets on the own set', async () => {
    const s = await scoreEvalDir('', { gold: goldDir, articles: articlesDir });
    const misses = s.errors.map((e) => `${e.article} ${e.kind}: ${e.text} (expected ${e.expected}, got ${e.got})`).join('\n');
    expect(s.articles).toBeGreaterThanOrEqual(8);
    expect(s.fullQuotes.f1, misses).toBeGreaterThanOrEqual(0.98);
    expect(s.fullQuotes.speakerAccuracy, misses).toBeGreaterThanOrEqual(0.95);
    expect(s.allQuotes.f1, misses).toBeGreaterThanOrEqual(0.97);
    expect(s.allQuotes.speakerAccuracy, misses).toBeGreaterThanOrEqual(0.9);
    expect(s.sources.f1, misses).toBeGreaterThanOrEqual(0.9);
  });
});
