/**
 * The in-memory size limit of case text (issue 12 item 7): `parseCaseText` refuses text over
 * MAX_CASE_BYTES before parsing it, counting UTF-8 bytes (not characters), with a located problem.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CASE_BYTES, parseCaseText } from '../../src/case/load.ts';

describe('parseCaseText size limit', () => {
  it('refuses text one byte over the limit, before parsing it', () => {
    const r = parseCaseText(`# ${'x'.repeat(MAX_CASE_BYTES - 1)}`, 'big.yaml');
    expect(r.case).toBeUndefined();
    expect(r.problems).toEqual([{ file: 'big.yaml', line: 1, column: 1, path: '', message: `file is larger than ${MAX_CASE_BYTES} bytes` }]);
  });

  it('exactly MAX_CASE_BYTES is not refused for its size (the limit is inclusive)', () => {
    const text = `# ${'x'.repeat(MAX_CASE_BYTES - 3)}\n`; // a YAML comment of exactly MAX bytes
    expect(Buffer.byteLength(text)).toBe(MAX_CASE_BYTES);
    expect(parseCaseText(text, 'edge.yaml').problems.some((p) => /larger than/.test(p.message))).toBe(false);
  });

  it('counts bytes: fewer characters than the limit, but more UTF-8 bytes, is refused', () => {
    const text = `# ${'é'.repeat(MAX_CASE_BYTES / 2)}`; // about MAX/2 characters, MAX + 2 bytes
    expect(text.length).toBeLessThan(MAX_CASE_BYTES);
    expect(parseCaseText(text, 'wide.yaml').problems).toEqual([expect.objectContaining({ message: `file is larger than ${MAX_CASE_BYTES} bytes` })]);
  });

  it('a small text is parsed (the limit is not a blanket refusal)', () => {
    const r = parseCaseText('id: t\n', 'small.yaml');
    expect(r.problems.every((p) => !/larger than/.test(p.message))).toBe(true);
  });
});
