import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCaseText } from '../../src/case/load.ts';
import type { Case } from '../../src/case/schema.ts';
import { caseToYaml } from '../../src/case/write.ts';

const date = fc
  .record({ y: fc.integer({ min: 2000, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const label = fc.string({ maxLength: 30 });
const estimateOn = (lo: number, hi: number) =>
  fc.oneof(
    fc.double({ min: lo, max: hi, noNaN: true }),
    fc
      .tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }))
      .map(([a, b, c]) => {
        const [low, value, high] = [a, b, c].sort((x, y) => x - y);
        return { value, low, high };
      }),
  );

/** Random valid cases, already in the loader's output form (defaults filled in). */
const validCase: fc.Arbitrary<Case> = fc
  .record({
    nActors: fc.integer({ min: 1, max: 4 }),
    nIssues: fc.integer({ min: 1, max: 3 }),
    title: label,
  })
  .chain(({ nActors, nIssues, title }) => {
    const actorIds = Array.from({ length: nActors }, (_, i) => `a${i}`);
    const issueIds = Array.from({ length: nIssues }, (_, k) => `i${k}`);
    const actors = fc.tuple(
      ...actorIds.map((id) =>
        fc.record({
          id: fc.constant(id),
          name: label,
          kind: fc.constantFrom('state', 'organisation', 'coalition', 'person' as const),
          aliases: fc.array(label, { maxLength: 2 }),
          speakers: fc.array(fc.record({ name: label, aliases: fc.array(label, { maxLength: 2 }) }), { maxLength: 2 }),
          capability: estimateOn(0, 100),
          evidence: fc.constant([] as string[]),
        }),
      ),
    );
    const issues = fc.tuple(
      ...issueIds.map((id) =>
        fc.record({
          id: fc.constant(id),
          title: label,
          aliases: fc.constant([] as string[]),
          scale: fc.record({ min: fc.constant(0), max: fc.constant(100), anchors: fc.array(fc.record({ at: fc.integer({ min: 0, max: 100 }), label }), { maxLength: 3 }) }),
          statusQuo: fc.integer({ min: 0, max: 100 }),
        }),
      ),
    );
    const stance = fc.record({
      actor: fc.constantFrom(...actorIds),
      issue: fc.constantFrom(...issueIds),
      date,
      position: estimateOn(0, 100),
      salience: estimateOn(0, 100),
      evidence: fc.constant(['e0']),
    });
    const stances = fc.uniqueArray(stance, { maxLength: 8, selector: (s) => `${s.actor}/${s.issue}/${s.date}` });
    const evidence = fc.record({
      id: fc.constant('e0'),
      kind: fc.constantFrom('quote', 'report', 'document', 'statement' as const),
      text: label,
      date,
      issues: fc.subarray(issueIds),
      status: fc.constantFrom('accepted', 'candidate', 'rejected' as const),
    });
    const draft = fc.record({
      id: fc.constant('d0'),
      title: label,
      date,
      points: fc.uniqueArray(
        fc.record({ number: fc.integer({ min: 1, max: 30 }), text: label, values: fc.dictionary(fc.constantFrom(...issueIds), fc.integer({ min: 0, max: 100 })) }),
        { maxLength: 4, selector: (p) => p.number },
      ),
      evidence: fc.constant([] as string[]),
    });
    return fc.record({
      id: fc.constant('random-case'),
      title: fc.constant(title),
      actors,
      issues,
      stances,
      evidence: evidence.map((e) => [e]),
      drafts: fc.array(draft, { maxLength: 1 }),
      scenarios: fc.constant([]),
      events: fc.constant([]),
    }) as unknown as fc.Arbitrary<Case>;
  });

describe('case files, property-based', () => {
  it('random valid cases survive YAML → case → YAML unchanged', () => {
    fc.assert(
      fc.property(validCase, (c) => {
        const yaml = caseToYaml(c);
        const { case: back, problems } = parseCaseText(yaml, 'random.yaml');
        expect(problems).toEqual([]);
        expect(back).toEqual(c);
        expect(caseToYaml(back!)).toBe(yaml);
      }),
      { numRuns: 200 },
    );
  });

  it('targeted corruptions are always rejected with a located error', () => {
    const corruption = fc.constantFrom(
      // Anchored to whole lines, so that a random label that happens to read "actor: a1" is left alone.
      (t: string) => t.replace(/^(\s*)position: [\d.e+-]+$/m, '$1position: 1000'),
      (t: string) => t.replace(/^(\s*-?\s*)actor: a\d$/m, '$1actor: nobody'),
      (t: string) => t.replace(/^(\s*-?\s*)kind: (state|organisation|coalition|person)$/m, '$1kind: empire'),
      (t: string) => t.replace(/^(\s*)statusQuo: \d+$/m, '$1statusQuo: -5'),
      (t: string) => t.replace(/^(\s*)evidence:\n(\s*)- e0$/m, '$1evidence:\n$2- missing-evidence'),
    );
    fc.assert(
      fc.property(validCase, corruption, (c, corrupt) => {
        const yaml = caseToYaml(c);
        const broken = corrupt(yaml);
        fc.pre(broken !== yaml);
        const { case: back, problems } = parseCaseText(broken, 'broken.yaml');
        expect(back).toBeUndefined();
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) {
          expect(p.file).toBe('broken.yaml');
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(broken.split('\n').length);
          expect(p.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('random damage never crashes the loader; any rejection is located', () => {
    fc.assert(
      fc.property(validCase, fc.nat(), fc.string({ minLength: 1, maxLength: 5 }), fc.boolean(), (c, at, junk, deleteLine) => {
        const yaml = caseToYaml(c);
        let broken: string;
        if (deleteLine) {
          const lines = yaml.split('\n');
          lines.splice(at % lines.length, 1);
          broken = lines.join('\n');
        } else {
          const i = at % (yaml.length + 1);
          broken = yaml.slice(0, i) + junk + yaml.slice(i);
        }
        const { case: back, problems } = parseCaseText(broken, 'damaged.yaml');
        if (!back) {
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
