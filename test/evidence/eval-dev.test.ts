/**
 * Checks on the shared evaluation articles, read in place (never copied): the seed article of the
 * issue's "Done when", and the scorer's figures against the targets. eval-dev is seen data: these
 * figures guard against regressions; the acceptance set is other articles.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadCaseFile } from '../../src/case/load.ts';
import { ingestArticle, scoreEvalDir, splitHeader } from '../../src/evidence/index.ts';
import { describeWithEvalDev, evalDevPath } from '../helpers/reference.ts';

describeWithEvalDev('ingest on eval-dev', () => {
  const seed = () => splitHeader(readFileSync(evalDevPath('articles', '000-seed.txt'), 'utf8')).body;
  const first = 'In general, we concur that this can serve as the foundation for future accords,';
  const second = 'Ukrainian forces must retreat from the areas they occupy, and then hostilities will cease,';

  it('attributes both Putin quotes of the seed article and finds Al Jazeera', () => {
    const r = ingestArticle({ text: seed(), date: '2025-11-27' });
    for (const text of [first, second]) {
      const q = r.quotes.find((x) => x.text === text);
      expect(q?.speaker).toBe('Vladimir Putin');
      expect(r.body.slice(q!.start, q!.end)).toBe(text);
    }
    expect(r.sources).toContain('Al Jazeera');
  });

  it('with the Ukraine case links Putin to Russia and the second quote to the territory issue', async () => {
    const c = await loadCaseFile(new URL('../../examples/ukraine-2025.yaml', import.meta.url).pathname);
    const r = ingestArticle({ text: seed(), date: '2025-11-27' }, { case: c });
    const q = r.quotes.find((x) => x.text === second)!;
    expect(q.actor).toBe('russia');
    expect(q.issues).toContain('donbas');
    expect(r.quotes.find((x) => x.text === first)?.actor).toBe('russia');
  });

  it('meets the targets on eval-dev', async () => {
    const s = await scoreEvalDir(evalDevPath());
    expect(s.fullQuotes.f1).toBeGreaterThanOrEqual(0.98);
    expect(s.fullQuotes.speakerAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.allQuotes.f1).toBeGreaterThanOrEqual(0.97);
    expect(s.allQuotes.speakerAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(s.sources.f1).toBeGreaterThanOrEqual(0.95);
    // 13 of 15: the two misses need knowledge the text does not give ("last week's talks" were on
    // the Sunday before last; "today" inside a quote said the day before the article)
    expect(s.dates.right).toBeGreaterThanOrEqual(13);
    expect(s.dates.nonDatesReadAsDates).toBe(0);
  });
});
