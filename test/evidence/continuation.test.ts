/**
 * How far a quote without its own attribution continues the previous speaker (issue 12 item 7):
 * in the same paragraph or the next one only (src/evidence/attribution.ts); across a paragraph
 * in between it is unattributed, and in the next paragraph the speaker carries over without the
 * earlier mention (that mention is in another paragraph).
 */
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/evidence/ingest.ts';

const speakers = (text: string) => ingestArticle({ text }).quotes.map((q) => [q.text, q.speaker, q.speakerMention !== null]);

describe('continuation of a speaker', () => {
  const first = 'Maria Lopez, the foreign minister, said: “We will not sign this agreement today.”';
  const cont = '“We need guarantees from every partner before anything else.”';

  it('the next paragraph continues the speaker, without the earlier mention', () => {
    expect(speakers(`${first}\n\n${cont}`)).toEqual([
      ['We will not sign this agreement today.', 'Maria Lopez', true],
      ['We need guarantees from every partner before anything else.', 'Maria Lopez', false],
    ]);
  });

  it('the same paragraph continues the speaker with the mention', () => {
    const r = speakers(`${first} ${cont}`);
    expect(r[1]).toEqual(['We need guarantees from every partner before anything else.', 'Maria Lopez', true]);
  });

  it('a paragraph in between breaks the continuation: the quote has no speaker', () => {
    const r = speakers(`${first}\n\nThe talks resumed in the afternoon after a long break.\n\n${cont}`);
    expect(r).toEqual([
      ['We will not sign this agreement today.', 'Maria Lopez', true],
      ['We need guarantees from every partner before anything else.', null, false],
    ]);
  });
});
