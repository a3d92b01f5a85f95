import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CaseFileError, parseCase, parseCaseText } from '../../src/case/load.ts';
import { expectClean, fuzz, nested, textInputs, unacceptable } from './harness.ts';
import { caseJsonSeeds, caseYamlSeeds } from './seeds.ts';

/** parseCaseText answers a case or located problems; it never throws. */
function loads(text: string, file: string): string | undefined {
  const r = parseCaseText(text, file);
  if (r.case === undefined && r.problems.length === 0) return 'neither a case nor a problem';
  if (r.problems.length) return unacceptable(new CaseFileError(r.problems), file);
  return undefined;
}

const laughs = fc.integer({ min: 2, max: 12 }).map((n) => {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nid: *a${n - 1}\n`;
});

describe('fuzz: the case loader (src/case/load.ts)', () => {
  it('YAML: no input crashes it or takes a second', async () => {
    const inputs = textInputs(caseYamlSeeds, [nested('[', ']'), nested('{a: ', '}'), nested('- ', '', 'x'), nested('  ', '', 'actors:\n'), laughs]);
    const report = await fuzz('case-yaml', inputs, (text) => loads(text, 'case.yaml'));
    expectClean(report);
  }, 150_000);

  it('JSON: no input crashes it or takes a second', async () => {
    const inputs = textInputs(caseJsonSeeds, [nested('[', ']'), nested('{"a":', '}'), nested('{"__proto__":', '}', '{"id":1}')]);
    const report = await fuzz('case-json', inputs, (text) => loads(text, 'case.json'));
    expectClean(report);
  }, 150_000);

  it('parseCase throws only located CaseFileErrors (a sample of the same inputs)', () => {
    for (const text of ['__proto__: {id: x}', 'constructor: 1\ntoString: 2', '{"__proto__": {"polluted": true}}', '[[[[[[[[[[[[[[[[[[[[', 'id: &a [*a]']) {
      let error: unknown;
      try {
        parseCase(text, 'x.yaml');
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(CaseFileError);
      expect(unacceptable(error, 'x.yaml'), text).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
