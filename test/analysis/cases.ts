/**
 * Small cases written for the analysis tests, with every expected figure computed by hand in the
 * tests that use them.
 */
import { Case, type CaseInput } from '../../src/case/schema.ts';

/**
 * Three actors on two issues: x (0–100, status quo 0) and y (0–10, status quo 5).
 * a (capability 2): x 20 (10–30), salience 80, red line x ≤ 40 (veto); y 2, salience 20.
 * b (capability 1): x 80, salience 50, red line x ≥ 60 (veto); y 8, salience 100, red line 3 ≤ y ≤ 9 (no veto).
 * c (capability 1): x 50, salience 100; y 5, salience 50, red line y ≥ 4 (veto).
 */
export const threeActors: CaseInput = {
  id: 'three',
  title: 'Three actors',
  actors: [
    { id: 'a', name: 'Alpha', kind: 'state', capability: 2 },
    { id: 'b', name: 'Beta', kind: 'state', capability: 1 },
    { id: 'c', name: 'Gamma', kind: 'state', capability: 1 },
  ],
  issues: [
    { id: 'x', title: 'Territory', statusQuo: 0 },
    { id: 'y', title: 'Army size', scale: { min: 0, max: 10 }, statusQuo: 5 },
  ],
  stances: [
    { actor: 'a', issue: 'x', position: { value: 20, low: 10, high: 30 }, salience: 80, redLine: { max: 40, veto: true } },
    { actor: 'a', issue: 'y', position: 2, salience: 20 },
    { actor: 'b', issue: 'x', position: 80, salience: 50, redLine: { min: 60, veto: true } },
    { actor: 'b', issue: 'y', position: 8, salience: 100, redLine: { min: 3, max: 9 } },
    { actor: 'c', issue: 'x', position: 50, salience: 100 },
    { actor: 'c', issue: 'y', position: 5, salience: 50, redLine: { min: 4, veto: true } },
  ],
  drafts: [
    {
      id: 'd1',
      title: 'First draft',
      date: '2025-11-20',
      points: [
        { number: 1, text: 'Ukraine withdraws from the eastern region', values: { x: 70 } },
        { number: 2, text: 'The army is capped at six hundred thousand', values: { y: 3 } },
        { number: 3, text: 'Elections are held within one hundred days' },
      ],
    },
    {
      id: 'd2',
      title: 'Second draft',
      date: '2025-11-24',
      revises: 'd1',
      points: [
        { number: 1, text: 'Ukraine withdraws from the eastern region', values: { x: 50 } },
        { number: 2, text: 'Elections are held within one hundred days' },
        { number: 3, text: 'Security guarantees are given by partners' },
      ],
    },
  ],
};

/**
 * Two actors on one issue (0–100, status quo 0), equal salience 100:
 * a at 0, capability {1, 1–3}; b at {60, 40–100}, salience {100, 50–100}, capability 1.
 * Compromise: (1·0 + 1·60) / 2 = 30.
 */
export const twoActors: CaseInput = {
  id: 'two',
  title: 'Two actors',
  actors: [
    { id: 'a', name: 'Alpha', kind: 'state', capability: { value: 1, low: 1, high: 3 } },
    { id: 'b', name: 'Beta', kind: 'state', capability: 1 },
  ],
  issues: [{ id: 'x', title: 'Territory', statusQuo: 0 }],
  stances: [
    { actor: 'a', issue: 'x', date: '2025-01-01', position: 0, salience: 100 },
    { actor: 'b', issue: 'x', date: '2025-01-01', position: { value: 60, low: 40, high: 100 }, salience: { value: 100, low: 50, high: 100 } },
    { actor: 'b', issue: 'x', date: '2025-02-01', position: 80, salience: 100 },
  ],
  evidence: [{ id: 'ev1', kind: 'quote', text: 'We will not move.', date: '2025-01-15' }],
  scenarios: [{ id: 'b-weaker', title: 'Beta weakens', changes: [{ actor: 'b', field: 'capability', value: 0.5 }] }],
};

export const parse = (c: CaseInput): Case => Case.parse(c);

/**
 * threeActors with a history: a's line on x (≤ 40) is dated 1 Nov and a redraws it to ≤ 80 and moves
 * to 60 on 22 Nov; c first draws a veto line x ≤ 60 on 22 Nov; b's stances are first recorded on
 * 21 Nov, the day after d1 (20 Nov). d2 is dated 24 Nov.
 */
export const withHistory = (): CaseInput => {
  const dated = threeActors.stances!.map((s) => ({ ...s, date: s.actor === 'b' ? '2025-11-21' : '2025-11-01' }));
  return {
    ...threeActors,
    stances: [
      ...dated,
      { actor: 'a', issue: 'x', date: '2025-11-22', position: 60, salience: 80, redLine: { max: 80, veto: true } },
      { actor: 'c', issue: 'x', date: '2025-11-22', position: 50, salience: 100, redLine: { max: 60, veto: true } },
    ],
  };
};
