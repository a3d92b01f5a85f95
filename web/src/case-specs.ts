/**
 * The fields of each case-building form, as src/case/schema.ts declares the item (same keys, so
 * the server's error paths name them). Choices (actors, issues, evidence) come from the case.
 */
import type { Case } from '../../src/case/schema.ts';
import type { FieldSpec, Option } from './forms.ts';

const actorsOf = (c: Case): Option[] => c.actors.map((a) => [a.id, a.name]);
const issuesOf = (c: Case): Option[] => c.issues.map((i) => [i.id, i.title]);
const evidenceOf = (c: Case): Option[] =>
  c.evidence.filter((e) => e.status !== 'rejected').map((e) => [e.id, `${e.date} ${e.speaker ? `${e.speaker}: ` : ''}“${e.text.length > 80 ? `${e.text.slice(0, 80)}…` : e.text}”`]);
const ID_HELP = 'letters, digits, "_", "." and "-"';

const estimate = (key: string, label: string, required: boolean, help?: string): FieldSpec[] => [
  { key: `${key}.value`, label, kind: 'number', required, ...(help ? { help } : {}) },
  { key: `${key}.low`, label: `${label} low`, kind: 'number' },
  { key: `${key}.high`, label: `${label} high`, kind: 'number' },
];

export const actorFields = (c: Case): FieldSpec[] => [
  { key: 'id', label: 'Actor id', kind: 'text', required: true, fixedOnEdit: true, help: ID_HELP },
  { key: 'name', label: 'Name', kind: 'text', required: true },
  { key: 'kind', label: 'Kind', kind: 'select', required: true, options: ['state', 'organisation', 'coalition', 'person'].map((k) => [k, k]) },
  ...estimate('capability', 'Capability', true, 'clout relative to the others (≥ 0; only ratios matter)'),
  { key: 'aliases', label: 'Aliases (one a line)', kind: 'lines' },
  { key: 'description', label: 'Description', kind: 'textarea' },
  {
    key: 'speakers',
    label: 'Speakers',
    kind: 'rows',
    addLabel: 'Add a speaker',
    fields: [
      { key: 'name', label: 'Speaker name', kind: 'text', required: true },
      { key: 'role', label: 'Role', kind: 'text' },
      { key: 'aliases', label: 'Speaker aliases (one a line)', kind: 'lines' },
    ],
  },
  { key: 'evidence', label: 'Evidence behind the capability', kind: 'multi', options: evidenceOf(c) },
];

export const issueFields = (): FieldSpec[] => [
  { key: 'id', label: 'Issue id', kind: 'text', required: true, fixedOnEdit: true, help: ID_HELP },
  { key: 'title', label: 'Title', kind: 'text', required: true },
  { key: 'scale.min', label: 'Scale min', kind: 'number', help: 'default 0' },
  { key: 'scale.max', label: 'Scale max', kind: 'number', help: 'default 100' },
  { key: 'scale.unit', label: 'Unit', kind: 'text' },
  { key: 'statusQuo', label: 'Status quo', kind: 'number', required: true, help: 'where the issue stands now, on its scale' },
  { key: 'aliases', label: 'Aliases (one a line)', kind: 'lines' },
  { key: 'description', label: 'Description', kind: 'textarea' },
  {
    key: 'scale.anchors',
    label: 'Anchors',
    kind: 'rows',
    addLabel: 'Add an anchor',
    help: 'what points of the scale mean',
    fields: [
      { key: 'at', label: 'At', kind: 'number', required: true },
      { key: 'label', label: 'Anchor label', kind: 'text', required: true },
    ],
  },
];

export const stanceFields = (c: Case): FieldSpec[] => [
  { key: 'actor', label: 'Actor', kind: 'select', required: true, fixedOnEdit: true, options: actorsOf(c) },
  { key: 'issue', label: 'Issue', kind: 'select', required: true, fixedOnEdit: true, options: issuesOf(c) },
  { key: 'date', label: 'Date of the stance', kind: 'date', fixedOnEdit: true },
  ...estimate('position', 'Position', true, "on the issue's scale"),
  ...estimate('salience', 'Salience', true, '0 (indifferent) to 100 (top priority)'),
  { key: 'capability.value', label: 'Capability on this issue', kind: 'number', help: "empty: the actor's overall capability" },
  { key: 'redLine.min', label: 'Red line min', kind: 'number', help: 'lowest acceptable value' },
  { key: 'redLine.minRange.low', label: 'Red line min, range low', kind: 'number' },
  { key: 'redLine.minRange.high', label: 'Red line min, range high', kind: 'number' },
  { key: 'redLine.max', label: 'Red line max', kind: 'number', help: 'highest acceptable value' },
  { key: 'redLine.maxRange.low', label: 'Red line max, range low', kind: 'number' },
  { key: 'redLine.maxRange.high', label: 'Red line max, range high', kind: 'number' },
  { key: 'redLine.veto', label: 'Veto: can block a deal outside the red line', kind: 'checkbox' },
  { key: 'redLine.note', label: 'Red line note', kind: 'text' },
  { key: 'rationale', label: 'Rationale', kind: 'textarea' },
  { key: 'uncertain', label: 'Uncertain (single-sourced or disputed)', kind: 'checkbox' },
  { key: 'evidence', label: 'Evidence behind the stance', kind: 'multi', options: evidenceOf(c) },
];

export const draftFields = (c: Case): FieldSpec[] => [
  { key: 'id', label: 'Draft id', kind: 'text', required: true, fixedOnEdit: true, help: ID_HELP },
  { key: 'title', label: 'Title', kind: 'text', required: true },
  { key: 'date', label: 'Date', kind: 'date', required: true },
  { key: 'sponsor', label: 'Sponsor', kind: 'select', options: actorsOf(c) },
  { key: 'revises', label: 'Revises', kind: 'select', options: c.drafts.map((d) => [d.id, d.title]) },
  { key: 'description', label: 'Description', kind: 'textarea' },
  {
    key: 'points',
    label: 'Points',
    kind: 'rows',
    addLabel: 'Add a point',
    fields: [
      { key: 'number', label: 'Number', kind: 'label', required: true },
      { key: 'text', label: 'Text of the point', kind: 'textarea', required: true },
      ...c.issues.map((i): FieldSpec => ({ key: `values.${i.id}`, label: `Value on ${i.title}`, kind: 'number' })),
    ],
  },
  { key: 'evidence', label: 'Evidence', kind: 'multi', options: evidenceOf(c) },
];

export const scenarioFields = (c: Case): FieldSpec[] => [
  { key: 'id', label: 'Scenario id', kind: 'text', required: true, fixedOnEdit: true, help: ID_HELP },
  { key: 'title', label: 'Title', kind: 'text', required: true },
  { key: 'description', label: 'Description', kind: 'textarea' },
  {
    key: 'changes',
    label: 'Changes',
    kind: 'rows',
    addLabel: 'Add a change',
    help: 'at least one',
    fields: [
      { key: 'actor', label: 'Actor', kind: 'select', options: actorsOf(c) },
      { key: 'issue', label: 'Issue', kind: 'select', options: issuesOf(c) },
      { key: 'field', label: 'Field', kind: 'select', required: true, options: ['position', 'salience', 'capability', 'redLineMin', 'redLineMax', 'statusQuo'].map((f) => [f, f]) },
      { key: 'value', label: 'New value', kind: 'number', required: true },
    ],
  },
];

export const eventFields = (c: Case): FieldSpec[] => [
  { key: 'id', label: 'Event id', kind: 'text', required: true, fixedOnEdit: true, help: ID_HELP },
  { key: 'title', label: 'Title', kind: 'text', required: true },
  { key: 'date', label: 'Date', kind: 'date', required: true },
  { key: 'kind', label: 'Kind', kind: 'select', required: true, options: ['meeting', 'deadline', 'draft', 'statement', 'other'].map((k) => [k, k]) },
  { key: 'place', label: 'Place', kind: 'text' },
  { key: 'participants', label: 'Participants', kind: 'multi', options: actorsOf(c) },
  { key: 'note', label: 'Note', kind: 'textarea' },
  { key: 'uncertain', label: 'Uncertain', kind: 'checkbox' },
  { key: 'evidence', label: 'Evidence', kind: 'multi', options: evidenceOf(c) },
];

/** The reviewer's corrections of a candidate quote before it is accepted (views/Evidence.tsx). */
export const evidenceReviewFields = (c: Case): FieldSpec[] => [
  { key: 'speaker', label: 'Speaker', kind: 'text' },
  { key: 'actor', label: 'Actor', kind: 'select', options: actorsOf(c) },
  { key: 'date', label: 'Date the words were said', kind: 'date', required: true },
  { key: 'issues', label: 'Issues', kind: 'multi', options: issuesOf(c) },
  { key: 'note', label: 'Reviewer note', kind: 'textarea' },
];
