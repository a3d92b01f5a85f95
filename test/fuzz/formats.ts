/** One fuzz test per importer of src/formats, all alike: text in, a case or a located CaseFileError out. */
import { it } from 'vitest';
import type fc from 'fast-check';
import { expectClean, fuzz, unacceptable } from './harness.ts';

export function fuzzImporter(name: string, file: string, inputs: fc.Arbitrary<string>, parse: (text: string, file: string) => unknown, timeoutMs = 120_000): void {
  it(`${name}: no input crashes it or takes a second`, async () => {
    const report = await fuzz(name, inputs, (text) => {
      parse(text, file);
    }, (e) => unacceptable(e, file));
    expectClean(report);
  }, timeoutMs);
}
