import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { ArticleInputError, decodeArticleBytes } from '../../src/evidence/input.ts';

const FR = '« Nous sommes prêts », a déclaré la ministre. Le délégué a répondu : « Ce n’est pas une offre définitive. » Les négociations reprendront à Genève, après l’été, selon le communiqué publié à Bruxelles.';

describe('article encodings', () => {
  it('UTF-8 passes through unchanged', () => {
    expect(decodeArticleBytes(new TextEncoder().encode(FR), 'a.txt')).toBe(FR);
  });
  it('UTF-16 LE and BE with a byte-order mark are decoded', () => {
    const le = iconv.encode(FR, 'utf-16le', { addBOM: true });
    const be = iconv.encode(FR, 'utf-16be', { addBOM: true });
    expect(le[0]).toBe(0xff);
    expect(decodeArticleBytes(le, 'le.txt')).toBe(FR);
    expect(decodeArticleBytes(be, 'be.txt')).toBe(FR);
  });
  it('a cp1252 file is decoded, not garbled', () => {
    const text = FR.replace(/’/g, '\u2019');
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0xab)).toBe(true); // « is one byte, 0xAB, not UTF-8
    expect(decodeArticleBytes(bytes, 'cp.txt')).toBe(text);
  });
  it('an ISO-8859-1 file without curly apostrophes is decoded', () => {
    const text = FR.replace(/’/g, "'");
    expect(decodeArticleBytes(iconv.encode(text, 'latin1'), 'l1.txt')).toBe(text);
  });
  it('binary input is refused with the file named', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    expect(() => decodeArticleBytes(bytes, 'img.png')).toThrow(ArticleInputError);
    expect(() => decodeArticleBytes(bytes, 'img.png')).toThrow(/img\.png: this is a binary file/);
  });
  it('a byte-order mark over bytes that are not text is refused, not decoded as garbage', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i % 2 ? 0xff : 0xfe));
    expect(() => decodeArticleBytes(bytes, 'fake.txt')).toThrow(/fake\.txt: the file starts with a UTF-16BE byte-order mark but is not UTF-16BE text/);
  });
  it('bytes whose encoding cannot be told are refused with the offset of the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Plain start. '), 0xc3, 0x28, 0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    expect(() => decodeArticleBytes(bytes, 'odd.txt')).toThrow(/odd\.txt: the file is not UTF-8 text and its encoding could not be told \(first undecodable byte at offset 1[0-3][;)]/);
  });
});
