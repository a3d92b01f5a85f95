/** Broken and hostile input: a clear error or an empty result, never a crash or a hang. */
import { describe, expect, it } from 'vitest';
import { ArticleInputError, MAX_ARTICLE_BYTES, decodeArticleBytes, ingestArticle, splitHeader } from '../../src/evidence/index.ts';

describe('article input limits', () => {
  it('gives an empty result for an empty article', () => {
    const r = ingestArticle({ text: '' });
    expect(r).toMatchObject({ quotes: [], sources: [], actors: [], dates: [], article: { date: null, outlet: null, title: null } });
    expect(ingestArticle({ html: '' }).quotes).toEqual([]);
    expect(ingestArticle({ text: '   \n\n  ' }).quotes).toEqual([]);
  });

  it('refuses binary data with a clear message', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeArticleBytes(png, 'photo.png')).toThrow(ArticleInputError);
    expect(() => decodeArticleBytes(png, 'photo.png')).toThrow('photo.png: this is a binary file, not article text or HTML');
    expect(() => ingestArticle({ text: 'abc\u0000def' })).toThrow(/NUL characters/);
  });

  it('refuses input over 10 MB before reading it as text', () => {
    const big = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    expect(() => decodeArticleBytes(big, 'huge.html')).toThrow('huge.html: the article is 10.0 MB; the limit is 10 MB');
    expect(() => ingestArticle({ text: 'a'.repeat(MAX_ARTICLE_BYTES + 1) })).toThrow(ArticleInputError);
  });

  it('processes a generated 1 MB page of quotes in linear time', () => {
    const paragraph = '<p>“We are ready,” Molnar said on Monday, according to Reuters. She said "no".</p>\n';
    const html = `<html><body><article>${paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length))}</article></body></html>`;
    const t0 = performance.now();
    const r = ingestArticle({ html, date: '2025-03-12' });
    expect(performance.now() - t0).toBeLessThan(30000);
    expect(r.quotes.length).toBeGreaterThan(10000);
    expect(r.sources).toEqual(['Reuters']);
  }, 60000);

  it('survives unbalanced and stray quotation marks', () => {
    const text = `He said “this will never work.\n\n"" ” ‘ ’ “”\n\nShe said "yes and then.\n\nA plain paragraph.\n\n“Fine,” Varga said.${' “open'.repeat(5000)}`;
    const r = ingestArticle({ text });
    expect(r.quotes.map((q) => [q.text, q.speaker])).toEqual([['Fine,', 'Varga']]);
    // an unclosed quote followed by a paragraph that opens with a quote reads as one quote over two paragraphs
    expect(ingestArticle({ text: 'She said: "Yes, and then.\n\n"We left," Varga said.' }).quotes.map((q) => q.text)).toEqual(['Yes, and then.\n\n"We left,']);
  });

  it('handles text with no letters, only punctuation or very long words', () => {
    expect(ingestArticle({ text: '!!!...???'.repeat(1000) }).quotes).toEqual([]);
    expect(ingestArticle({ text: 'x'.repeat(200000) }).quotes).toEqual([]);
    expect(ingestArticle({ text: '“”“”“”'.repeat(1000) }).quotes).toEqual([]);
  });

  it('decodes invalid UTF-8 with a clear error when most of it is not text', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i % 2 ? 0xff : 0xfe));
    expect(() => decodeArticleBytes(bytes, 'latin.txt')).toThrow(/not UTF-8 text/);
  });
});

describe('splitHeader', () => {
  it('reads a key: value header closed by ---, and leaves plain text alone', () => {
    expect(splitHeader('title: T\ndate: 2025-11-27\npublisher: (not given)\n---\nBody "text".')).toEqual({ header: { title: 'T', date: '2025-11-27' }, body: 'Body "text".' });
    expect(splitHeader('Just a body.\n---\nmore')).toEqual({ header: {}, body: 'Just a body.\n---\nmore' });
  });
});
