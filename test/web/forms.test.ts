/** The case-building forms' logic (web/src/forms.ts): values <-> items, server paths -> fields, default dates. */
import { describe, expect, it } from 'vitest';
import { Case } from '../../src/case/schema.ts';
import { actorFields, issueFields, stanceFields } from '../../web/src/case-specs.ts';
import { defaultDate, errorsByField, fieldDiff, fieldForPath, fromValues, labelFor, toValues } from '../../web/src/forms.ts';

const cs = Case.parse({
  id: 't',
  title: 'T',
  actors: [{ id: 'a', name: 'A', kind: 'state', capability: 50 }],
  issues: [{ id: 'x', title: 'X', statusQuo: 10 }],
  stances: [{ actor: 'a', issue: 'x', date: '2021-03-04', position: 20, salience: 50 }],
  evidence: [{ id: 'e1', kind: 'quote', text: 'hi', date: '2021-05-06' }],
  events: [{ id: 'v', date: '2030-01-01', kind: 'deadline', title: 'future deadline' }],
});

describe('forms: values and items', () => {
  it('round-trips a stance with an uncertain red line (minRange, maxRange kept)', () => {
    const fields = stanceFields(cs);
    const stance = { actor: 'a', issue: 'x', date: '2021-03-04', position: { value: 20, low: 10, high: 30 }, salience: 50, redLine: { min: 15, minRange: { low: 10, high: 18 }, max: 60, maxRange: { low: 55, high: 70 }, veto: true }, evidence: ['e1'] };
    const v = toValues(stance, fields);
    expect(v['redLine.minRange.low']).toBe('10');
    expect(v['salience.value']).toBe('50');
    expect(fromValues(v, fields)).toEqual(stance);
  });
  it('collapses an estimate of only a value to the number and drops empty groups and a veto-less empty red line', () => {
    const fields = stanceFields(cs);
    const v = { ...toValues(undefined, fields), actor: 'a', issue: 'x', 'position.value': '40', 'salience.value': ' 70 ' };
    expect(fromValues(v, fields)).toEqual({ actor: 'a', issue: 'x', position: 40, salience: 70, evidence: [] });
  });
  it('clearing a field on edit removes it; fields the form does not show are kept', () => {
    const fields = issueFields();
    const issue = { id: 'x', title: 'X', statusQuo: 10, outcome: 12, scale: { min: 0, max: 100, unit: 'km', anchors: [{ at: 0, label: 'none' }] }, aliases: [] };
    const v = toValues(issue, fields);
    v['scale.unit'] = '';
    expect(fromValues(v, fields, issue)).toEqual({ id: 'x', title: 'X', statusQuo: 10, outcome: 12, scale: { min: 0, max: 100, anchors: [{ at: 0, label: 'none' }] }, aliases: [] });
  });
  it('sends text that is not a number as it is, for the server to refuse by name', () => {
    const fields = issueFields();
    expect(fromValues({ ...toValues(undefined, fields), id: 'y', title: 'Y', statusQuo: 'abc' }, fields)).toMatchObject({ statusQuo: 'abc' });
  });
  it('actor speakers are rows with aliases one a line', () => {
    const fields = actorFields(cs);
    const v = { ...toValues(undefined, fields), id: 'b', name: 'B', kind: 'person', 'capability.value': '5', speakers: [{ name: 'Ann', role: '', aliases: ['A. N.', ' ', 'Annie'] }] };
    expect(fromValues(v, fields)).toEqual({ id: 'b', name: 'B', kind: 'person', capability: 5, aliases: [], speakers: [{ name: 'Ann', aliases: ['A. N.', 'Annie'] }], evidence: [] });
  });
});

describe('forms: the server path names the field', () => {
  const fields = stanceFields(cs);
  it.each([
    ['stances[85].position', 'position.value'],
    ['stances[85].position.low', 'position.low'],
    ['stances[3].redLine.minRange.low', 'redLine.minRange.low'],
    ['stances[3].redLine.min', 'redLine.min'],
    ['redLine.maxRange', 'redLine.maxRange.low'.slice(0, 0) || null],
    ['body.salience', 'salience.value'],
    ['stances[1].evidence[0]', 'evidence'],
    ['If-Match', null],
  ])('%s -> %s', (path, key) => {
    expect(fieldForPath(path, fields, 'stances')).toBe(key);
  });
  it('rows: actors[2].speakers[1].name is row 2 of Speakers', () => {
    const af = actorFields(cs);
    const key = fieldForPath('actors[2].speakers[1].name', af, 'actors');
    expect(key).toBe('speakers[1].name');
    expect(labelFor(key!, af)).toBe('Speakers, row 2: Speaker name');
  });
  it('every problem of a refused case goes to its field, labelled; an unknown path above the form', () => {
    const e = {
      message: 'invalid case',
      path: 'stances[85].position',
      problems: [
        { path: 'stances[85].position', message: 'position 150 is outside the scale of issue "x" (0 to 100)' },
        { path: 'stances[85].redLine.minRange.high', message: 'high 5 is below min 15' },
        { path: 'drafts[0].date', message: 'expected a date' },
      ],
    };
    expect(errorsByField(e, fields, 'stances')).toEqual({
      'position.value': 'Position: position 150 is outside the scale of issue "x" (0 to 100)',
      'redLine.minRange.high': 'Red line min, range high: high 5 is below min 15',
      '': 'expected a date',
    });
  });
  it('a body refused by the schema: the "body.x: " prefix goes, the label comes', () => {
    expect(errorsByField({ message: 'body.salience: expected number, received string', path: 'salience' }, fields, 'stances')).toEqual({ 'salience.value': 'Salience: expected number, received string' });
  });
});

describe('forms: default date and conflicts', () => {
  it("a past case: its latest dated record up to today (evidence 2021-05-06; the 2030 deadline does not count)", () => {
    expect(defaultDate(cs, '2026-12-02')).toBe('2021-05-06');
    // 90 days after the latest record is still live (today); 91 days after is past.
    expect(defaultDate(cs, '2021-08-04')).toBe('2021-08-04');
    expect(defaultDate(cs, '2021-08-05')).toBe('2021-05-06');
    // Before the evidence: the stance of 2021-03-04 is the latest up to then, 28 days old: live.
    expect(defaultDate(cs, '2021-04-01')).toBe('2021-04-01');
    expect(defaultDate({ stances: [], evidence: [], drafts: [], events: [] }, '2026-12-02')).toBe('2026-12-02');
  });
  it('fieldDiff lists both versions field by field and marks the differences', () => {
    const d = fieldDiff({ position: 40, salience: 70, evidence: ['e1'] }, { position: { value: 55, low: 50 }, salience: 70, evidence: ['e1'] });
    // A bare number and {value, low} are compared field by field: value against value.
    expect(d).toEqual([
      { field: 'position.value', mine: '40', theirs: '55', differs: true },
      { field: 'salience.value', mine: '70', theirs: '70', differs: false },
      { field: 'evidence', mine: 'e1', theirs: 'e1', differs: false },
      { field: 'position.low', mine: '', theirs: '50', differs: true },
    ]);
  });
});

describe('forms: the new views are routes', () => {
  it('build and history round-trip through href', async () => {
    const { href, parseRoute } = await import('../../web/src/router.ts');
    expect(href({ view: 'build', caseId: 'c' })).toBe('#/case/c/build');
    expect(parseRoute('#/case/c/build')).toEqual({ view: 'build', caseId: 'c' });
    expect(parseRoute('#/case/c/history?asOf=2025-01-02')).toEqual({ view: 'history', caseId: 'c', asOf: '2025-01-02' });
  });
});
