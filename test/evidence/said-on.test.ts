/** When the words were said: the attribution's own date, at its granularity, on the quote and on candidate evidence. */
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/case/load.ts';
import { candidatesFromIngest, ingestArticle } from '../../src/evidence/index.ts';
import { saidOnOf } from '../../src/evidence/dates.ts';

// Article date: Wednesday 2025-11-26.
const D = '2025-11-26';
const said = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  return saidOnOf(text, { start, end: start + quote.length }, D);
};

describe('saidOnOf', () => {
  it('the date of the attribution clause, at the granularity the text gives', () => {
    expect(said('"Nothing was agreed," Ushakov told state media on Monday. The talks resume on Friday.', 'Nothing was agreed,')).toBe('2025-11-24');
    expect(said('"It went well," he said in 2019, before the war.', 'It went well,')).toBe('2019');
    expect(said('Speaking last month, she said the plan was "dead".', 'dead')).toBe('2025-10');
  });
  it('no date for a deadline, a date inside the quotation, a range, or another sentence\'s date', () => {
    expect(said('He said Kyiv must reply "within days" by Thursday.', 'within days')).toBeUndefined();
    expect(said('"We met on Monday," he said.', 'We met on Monday,')).toBeUndefined();
    expect(said('"It went well," he said last week.', 'It went well,')).toBeUndefined();
    expect(said('On Monday the envoys met. "It went well," he said.', 'It went well,')).toBeUndefined();
  });
});

describe('candidate evidence keeps saidOn beside the date reported', () => {
  it('a quote said on an earlier day, month or year gets saidOn at that granularity; the others none', async () => {
    const c = await loadCaseFile(new URL('../../examples/ukraine-2025.yaml', import.meta.url).pathname);
    const text = [
      '"No, the plan was not discussed," Ushakov told state media on Monday.',
      'Lavrov said in 2022 that the talks were "a waste of time".',
      '"We are close," Trump said.',
    ].join('\n\n');
    const r = ingestArticle({ text, date: D }, { case: c });
    const items = candidatesFromIngest(r, c);
    expect(items.map((e) => [e.speaker, e.date, e.saidOn])).toEqual([
      ['Yuri Ushakov', D, '2025-11-24'],
      ['Sergei Lavrov', D, '2022'],
      ['Donald Trump', D, undefined],
    ]);
  });
});
