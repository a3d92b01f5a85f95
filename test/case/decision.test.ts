import { describe, expect, it } from 'vitest';
import { Case, type CaseInput } from '../../src/case/schema.ts';
import { parseCaseText, formatProblem } from '../../src/case/load.ts';
import { issueDecisions } from '../../src/case/decision.ts';
import { toModelInput } from '../../src/case/model-input.ts';
import { forecastCase } from '../../src/analysis/forecast.ts';
import { redLines } from '../../src/analysis/red-lines.ts';

const base = (extra: Partial<CaseInput> = {}, issueExtra: Record<string, unknown> = {}): CaseInput => ({
  id: 'd',
  title: 'Decision',
  actors: [
    { id: 'a', name: 'A', kind: 'state', capability: 60 },
    { id: 'b', name: 'B', kind: 'state', capability: 30 },
    { id: 'c', name: 'C', kind: 'state', capability: 10 },
  ],
  issues: [
    { id: 'x', title: 'X', statusQuo: 0, ...issueExtra },
    { id: 'y', title: 'Y', statusQuo: 50 },
  ],
  stances: [
    { actor: 'a', issue: 'x', position: 20, salience: 50, redLine: { max: 40, veto: true } },
    { actor: 'b', issue: 'x', position: 80, salience: 50, redLine: { min: 30, veto: true } },
    { actor: 'c', issue: 'x', position: 100, salience: 100 },
    { actor: 'a', issue: 'y', position: 10, salience: 50 },
    { actor: 'b', issue: 'y', position: 90, salience: 50 },
  ],
  ...extra,
});

describe('decision rules', () => {
  it('without a decision, unanimity of the veto-flagged actors (the earlier reading)', () => {
    const d = issueDecisions(Case.parse(base()));
    expect(d[0]).toMatchObject({ rule: 'unanimity', from: 'default', vetoHolders: ['a', 'b'] });
    expect(d[1].vetoHolders).toEqual([]);
  });

  it('an issue override beats the case rule; a single decider is forecast from its stance alone', () => {
    const c = Case.parse(base({ decision: { rule: 'unanimity', vetoHolders: ['a', 'b'] } }, { decision: { rule: 'single', decider: 'c' } }));
    const d = issueDecisions(c);
    expect(d[0]).toMatchObject({ rule: 'single', from: 'issue', decider: 'c' });
    expect(d[1]).toMatchObject({ rule: 'unanimity', from: 'case', vetoHolders: ['a', 'b'] });
    // Only c takes part on x: every model's forecast there is c's position, 100.
    const input = toModelInput(c);
    expect([input.salience[0 * 2 + 0], input.salience[1 * 2 + 0], input.salience[2 * 2 + 0]]).toEqual([0, 0, 1]);
    for (const r of forecastCase(c, { models: ['compromise', 'median'] }).results) expect(r.outcome[0]).toBeCloseTo(100, 9);
    // Under the rule, only the decider's red line binds on x (c has none): a and b's veto marks are reported.
    expect(redLines(c).filter((l) => l.issue === 'x').map((l) => l.veto)).toEqual([false, false]);
  });

  it('reports unknown actors, fields the rule does not read, a veto mark the rule denies, with file and line', () => {
    const text = `id: d
title: D
decision: { rule: unanimity, vetoHolders: [a, zz], threshold: 0.5 }
actors:
  - { id: a, name: A, kind: state, capability: 1 }
  - { id: b, name: B, kind: state, capability: 1 }
issues:
  - { id: x, title: X, statusQuo: 0, decision: { rule: single } }
  - { id: y, title: Y, statusQuo: 0 }
stances:
  - { actor: b, issue: y, position: 10, salience: 10, redLine: { max: 20, veto: true } }
  - { actor: a, issue: y, position: 10, salience: 10, redLine: { max: 20, maxRange: { low: 25, high: 30 } } }
`;
    const msgs = parseCaseText(text, 'c.yaml').problems.map(formatProblem);
    expect(msgs).toContain('c.yaml:3:47: decision.vetoHolders[1]: unknown actor "zz" (did you mean "a"?)');
    expect(msgs.some((m) => m.startsWith('c.yaml:3:') && m.includes('decision.threshold: threshold is read only by rule qualified-majority'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('c.yaml:8:') && m.includes('issues[0].decision.decider: rule single names the actor'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('c.yaml:11:') && m.includes('stances[0].redLine.veto: "b" holds no veto on "y"'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('c.yaml:12:') && m.includes('stances[1].redLine.maxRange.low: low 25 is above max 20'))).toBe(true);
  });

  it('a veto mark on an issue with no rule of its own, in a case whose only rule is another issue\'s, stands (no crash)', () => {
    const text = `id: d
title: D
actors:
  - { id: a, name: A, kind: state, capability: 1 }
  - { id: b, name: B, kind: state, capability: 1 }
issues:
  - { id: x, title: X, statusQuo: 0, decision: { rule: single, decider: a } }
  - { id: y, title: Y, statusQuo: 0 }
stances:
  - { actor: b, issue: y, position: 10, salience: 10, redLine: { max: 20, veto: true } }
`;
    expect(parseCaseText(text, 'c.yaml').problems.map(formatProblem)).toEqual([]);
  });

  it('qualified majority: members and thresholds, defaults 0.65 and no count threshold', () => {
    const c = Case.parse(base({ decision: { rule: 'qualified-majority', countThreshold: 0.55, members: ['a', 'b'] } }));
    expect(issueDecisions(c)[1]).toMatchObject({ rule: 'qualified-majority', members: ['a', 'b'], threshold: 0.65, countThreshold: 0.55 });
  });
});
