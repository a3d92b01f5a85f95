import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseJsonSchemaText } from '../../src/case/json-schema.ts';
import { parseCase } from '../../src/case/load.ts';
import { toModelInput } from '../../src/case/model-input.ts';
import { caseOverview } from '../../src/case/overview.ts';
import { applyScenario, asOf, currentStances, pairKey } from '../../src/case/view.ts';

const c = parseCase(`id: hist
title: History
actors:
  - {id: a, name: Alpha, kind: state, capability: {value: 50, low: 40, high: 60}}
  - {id: b, name: Beta, kind: state, capability: 30}
issues:
  - {id: x, title: X, statusQuo: 40, scale: {min: 0, max: 200}}
  - {id: y, title: Y, statusQuo: 10}
stances:
  - {actor: a, issue: x, date: 2025-11-01, position: 20, salience: 50, evidence: [e1]}
  - {actor: a, issue: x, date: 2025-12-01, position: {value: 80, low: 70, high: 90}, salience: 60, evidence: [e2]}
  - {actor: b, issue: x, date: 2025-11-15, position: 150, salience: 100, redLine: {min: 100, veto: true}, evidence: [e1, e2]}
  - {actor: b, issue: y, position: 0, salience: 20}
evidence:
  - {id: e1, kind: quote, text: first, date: 2025-11-01}
  - {id: e2, kind: report, text: second, date: 2025-12-01, status: rejected}
scenarios:
  - id: shift
    title: Alpha moves and Beta loses clout
    changes:
      - {actor: a, issue: x, field: position, value: 100}
      - {actor: b, field: capability, value: 10}
      - {issue: y, field: statusQuo, value: 50}
`);

describe('case views', () => {
  it('takes the latest stance of each pair, undated stances counting from the start', () => {
    const cur = currentStances(c);
    expect(cur.get(pairKey('a', 'x'))?.date).toBe('2025-12-01');
    expect(cur.get(pairKey('b', 'y'))?.position).toBe(0);
  });

  it('shows the case as of a date', () => {
    const nov = asOf(c, '2025-11-20');
    expect(currentStances(nov).get(pairKey('a', 'x'))?.position).toBe(20);
    expect(nov.evidence.map((e) => e.id)).toEqual(['e1']);
    expect(asOf(c, '2025-10-01').stances.map((s) => s.actor + s.issue)).toEqual(['by']);
  });

  it('applies a scenario, shifting ranges with the value and leaving the input alone', () => {
    const s = applyScenario(c, 'shift');
    expect(currentStances(s).get(pairKey('a', 'x'))?.position).toEqual({ value: 100, low: 90, high: 110 });
    expect(s.actors[1].capability).toEqual({ value: 10 });
    expect(s.issues[1].statusQuo).toBe(50);
    expect(currentStances(c).get(pairKey('a', 'x'))?.position).toEqual({ value: 80, low: 70, high: 90 });
    expect(() => applyScenario(c, 'nope')).toThrow('unknown scenario "nope" (the case has: shift)');
  });

  it('turns the case into engine arrays (salience 0–1, absent pairs silent at the status quo)', () => {
    const input = toModelInput(c);
    expect(input.actors).toEqual(['Alpha', 'Beta']);
    expect([...input.position]).toEqual([80, 10, 150, 0]);
    expect([...input.salience]).toEqual([0.6, 0, 1, 0.2]);
    expect([...input.capability]).toEqual([50, 50, 30, 30]);
    expect([...input.scaleMax]).toEqual([200, 100]);
    const low = toModelInput(c, (e) => e.low ?? e.value);
    expect(low.position[0]).toBe(70);
    expect(low.capability[0]).toBe(40);
  });

  it('builds the overview matrix, counting only usable evidence', () => {
    const ov = caseOverview(c);
    const bx = ov.cells.find((cell) => cell.actor === 'b' && cell.issue === 'x')!;
    expect(bx.evidenceCount).toBe(1);
    expect(bx.redLine).toEqual({ min: 100, veto: true });
    expect(ov.cells).toHaveLength(3);
    expect(ov.counts).toMatchObject({ actors: 2, issues: 2, stances: 4, evidence: 2 });
  });
});

describe('JSON Schema', () => {
  it('the checked-in schema/case.schema.json is the one the zod schemas generate', () => {
    const onDisk = readFileSync(new URL('../../schema/case.schema.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(caseJsonSchemaText());
  });

  it('describes the case fields', () => {
    const schema = JSON.parse(caseJsonSchemaText());
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'actors', 'issues']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['stances', 'evidence', 'drafts', 'scenarios', 'events']));
  });
});
