import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toModelInput } from '../../src/case/model-input.ts';
import { smp } from '../../src/engines/smp.ts';
import { parseKtabCsv, parseKtabXml, writeKtabCsv } from '../../src/formats/ktab.ts';
import { exporters, importText } from '../../src/formats/index.ts';
import { describeWithReference, referencePath } from '../helpers/reference.ts';
import { caseFileProblems } from '../helpers/problems.ts';

const problemsOf = caseFileProblems;

const small = ['Tiny,"A small, quoted description",3,2,', 'Actor,Description,Power,Econ,Econ sal,Law,Law sal,', 'Ann,first,10,20,30,40,50,', 'Bob,,20,80,60,10,40,', 'Cy,third,30,50,50,50,50,', ''].join('\n');

describe('KTAB CSV', () => {
  it('reads scenario, actors, dimensions; positions and saliences stay 0–100', () => {
    const c = importText(small, 'tiny.csv');
    expect(c.title).toBe('Tiny');
    expect(c.description).toMatch(/^A small, quoted description/);
    expect(c.actors.map((a) => [a.id, a.name, a.capability])).toEqual([['Ann', 'Ann', 10], ['Bob', 'Bob', 20], ['Cy', 'Cy', 30]]);
    expect(c.issues.map((i) => [i.id, i.title, i.scale.min, i.scale.max])).toEqual([['Econ', 'Econ', 0, 100], ['Law', 'Law', 0, 100]]);
    expect(c.stances.filter((s) => s.actor === 'Bob').map((s) => [s.issue, s.position, s.salience])).toEqual([['Econ', 80, 60], ['Law', 10, 40]]);
    // toModelInput divides saliences by 100: KTAB's internal shares.
    const inp = toModelInput(c);
    expect(Array.from(inp.salience)).toEqual([0.3, 0.5, 0.6, 0.4, 0.5, 0.5]);
  });

  it('locates bad values: file, line, column and field', () => {
    const bad = small.replace('Bob,,20,80,60,10,40,', 'Bob,,20,80,60,x,45,').replace('Cy,third,30,50,50,50,50,', 'Cy,third,30,50,50,120,50,');
    const problems = problemsOf(() => parseKtabCsv(bad, 'bad.csv'));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'bad.csv', line: 4, column: 15, path: 'actors[1] (Bob).Law', message: 'expected a number, got "x"' }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 5, column: 19, path: 'actors[2] (Cy).Law', message: expect.stringMatching(/within 0–100, got 120/) }));
  });

  it('rejects a total salience above 100 and a wrong actor count', () => {
    const over = small.replace('Bob,,20,80,60,10,40,', 'Bob,,20,80,60,10,41,');
    expect(problemsOf(() => parseKtabCsv(over, 'o.csv'))[0]).toMatchObject({ line: 4, message: expect.stringMatching(/total salience of Bob is 101/) });
    const count = small.replace('Tiny,"A small, quoted description",3,2,', 'Tiny,x,4,2,');
    expect(problemsOf(() => parseKtabCsv(count, 'c.csv'))[0]).toMatchObject({ path: 'scenario.numActors', message: expect.stringMatching(/announces 4 actors but the file has 3/) });
    expect(problemsOf(() => parseKtabCsv('only one line', 'e.csv'))[0]).toMatchObject({ line: 1, path: 'header' });
  });

  it('exports a case to KTAB CSV and reads it back unchanged', () => {
    const c = parseKtabCsv(small, 'tiny.csv');
    const text = exporters.find((e) => e.name === 'ktab-csv')!.write(c);
    expect(text.split('\n')[1]).toBe('Actor,Description,Power,Econ,Econ salience,Law,Law salience,');
    const back = parseKtabCsv(text, 'back.csv');
    expect(back.stances.map((s) => [s.actor, s.issue, s.position, s.salience])).toEqual(c.stances.map((s) => [s.actor, s.issue, s.position, s.salience]));
    expect(back.actors.map((a) => a.capability)).toEqual([10, 20, 30]);
  });

  it('exports other scales to 0–100 and scales saliences summing above 100 down to shares', () => {
    const c = parseKtabCsv(small, 'tiny.csv');
    c.issues[0].scale = { min: 0, max: 10, anchors: [] };
    for (const s of c.stances) if (s.issue === 'Econ') s.position = (s.position as number) / 10;
    c.stances.filter((s) => s.actor === 'Ann').forEach((s) => (s.salience = 80));
    const back = parseKtabCsv(writeKtabCsv(c), 'x.csv');
    const ann = back.stances.filter((s) => s.actor === 'Ann');
    expect(ann.map((s) => s.position)).toEqual([20, 40]);
    expect(ann.map((s) => s.salience)).toEqual([50, 50]);
  });
});

describe('KTAB XML', () => {
  const xml = `<?xml version="1.0"?>
<Scenario>
  <name>X &amp; Y</name><desc>d</desc><prngSeed>18446744073709551615</prngSeed>
  <ModelParameters>
    <VictoryProbModel>Square</VictoryProbModel><PCEModel>MarkovIncentive</PCEModel><StateTransitions>Stochastic</StateTransitions>
    <VotingRule>PropCbc</VotingRule><BigRAdjust>Half</BigRAdjust><BigRRange>Max</BigRRange><ThirdPartyCommit>FullCommit</ThirdPartyCommit>
    <InterVecBrgn>S1P1</InterVecBrgn><BargnModel>PWCompInterp</BargnModel>
  </ModelParameters>
  <Dimensions><dName>D1</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><description>a</description><capability>10</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
    <Actor><name>B</name><description>b</description><capability>20</capability><Position><dCoord>90</dCoord></Position><Salience><dSal>60</dSal></Salience></Actor>
    <Actor><name>C</name><description>c</description><capability>5</capability><Position><dCoord>40</dCoord></Position><Salience><dSal>70</dSal></Salience></Actor>
  </Actors>
</Scenario>`;

  it('reads the case and the model parameters, ready for the smp engine', () => {
    const { case: c, params } = parseKtabXml(xml, 'x.xml');
    expect(c.title).toBe('X & Y');
    expect(c.stances.map((s) => [s.actor, s.position, s.salience])).toEqual([['A', 10, 50], ['B', 90, 60], ['C', 40, 70]]);
    expect(params).toMatchObject({ VictoryProbModel: 'Square', PCEModel: 'MarkovIncentive', StateTransitions: 'Stochastic', VotingRule: 'PropCbc', BigRAdjust: 'Half', BigRRange: 'Max', ThirdPartyCommit: 'FullCommit', InterVecBrgn: 'S1P1', BargnModel: 'PWCompInterp' });
    expect(params.seed).toBe(Number((2n ** 64n - 1n) % 2n ** 53n));
    const r = smp(toModelInput(c), params);
    expect(r.params).toMatchObject({ VictoryProbModel: 'Square', BargnModel: 'PWCompInterp' });
    expect(importText(xml, 'x.xml').title).toBe('X & Y');
  });

  it('locates unknown parameter values, missing text and malformed XML', () => {
    const p1 = problemsOf(() => parseKtabXml(xml.replace('<BigRRange>Max<', '<BigRRange>Huge<'), 'x.xml'));
    expect(p1).toEqual([expect.objectContaining({ line: 6, column: 66, path: 'ModelParameters.BigRRange', message: 'unknown value "Huge" (allowed: Min, Mid, Max)' })]);
    const p2 = problemsOf(() => parseKtabXml(xml.replace('<capability>20<', '<capability><'), 'x.xml'));
    expect(p2[0]).toMatchObject({ line: 12, path: 'Actors.Actor[1] (B).capability', message: 'no text for capability' });
    const p3 = problemsOf(() => parseKtabXml(xml.replace('</Actors>', '</Actor>'), 'x.xml'));
    expect(p3[0]).toMatchObject({ line: 14, message: expect.stringMatching(/<\/Actor> closes <Actors>/) });
    const p4 = problemsOf(() => parseKtabXml('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><Scenario/>', 'x.xml'));
    expect(p4[0]).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/DTDs/) });
  });
});

describe('KTAB XML read by saxes: entities, character references, well-formedness', () => {
  const doc = (body: string) => `<?xml version="1.0"?>\n<Scenario>\n  <name>${body}</name>\n  <Dimensions><dName>D</dName></Dimensions>\n  <Actors>\n${['A', 'B', 'C'].map((n) => `    <Actor><name>${n}</name><capability>1</capability><Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>`).join('\n')}\n  </Actors>\n</Scenario>\n`;

  it('decodes the predefined entities, character references and CDATA', () => {
    expect(parseKtabXml(doc('&lt;A&gt; &amp; &quot;B&quot; &apos;C&apos; &#65;&#x42;<![CDATA[ <raw> & ]]>'), 'x.xml').case.title).toBe(`<A> & "B" 'C' AB <raw> &`);
  });

  it('an out-of-range character reference is a located error, not a RangeError', () => {
    for (const ref of ['&#x110000;', '&#1114112;', '&#0;']) {
      const problems = problemsOf(() => parseKtabXml(doc(`x${ref}`), 'x.xml'));
      expect(problems).toEqual([{ file: 'x.xml', line: 3, column: 10, path: '', message: expect.stringContaining(ref) }]);
    }
  });

  it('no entity is expanded beyond the five predefined ones: an undeclared one is located, a DOCTYPE refused', () => {
    expect(problemsOf(() => parseKtabXml(doc('x&ext;'), 'x.xml'))).toEqual([{ file: 'x.xml', line: 3, column: 10, path: '', message: 'undefined entity &ext;' }]);
    const withDtd = doc('&ext;').replace('<Scenario>', '<!DOCTYPE Scenario [<!ENTITY ext SYSTEM "file:///etc/passwd">]>\n<Scenario>');
    expect(problemsOf(() => parseKtabXml(withDtd, 'x.xml'))).toEqual([{ file: 'x.xml', line: 2, column: 1, path: '', message: expect.stringMatching(/DTDs/) }]);
  });

  it('an element never closed and text after the root are located', () => {
    expect(problemsOf(() => parseKtabXml(doc('x').replace('</Scenario>\n', ''), 'x.xml'))).toEqual([{ file: 'x.xml', line: 2, column: 1, path: '', message: '<Scenario> is never closed' }]);
    const after = problemsOf(() => parseKtabXml(doc('x') + 'junk', 'x.xml'));
    expect(after).toEqual([expect.objectContaining({ line: 11, path: '', message: expect.stringMatching(/^malformed XML: /) })]);
  });
});

describe('KTAB CSV read by csv-parse: quoted commas and line breaks', () => {
  it('a quoted description may hold commas and a line break; later cells keep their own line and column', () => {
    const multi = small.replace('Bob,,20,80,60,10,40,', 'Bob,"two\nlines, quoted",20,80,60,x,40,');
    const problems = problemsOf(() => parseKtabCsv(multi, 'm.csv'));
    // The record starts on line 4; "x" is on line 5 after `lines, quoted",20,80,60,`.
    expect(problems).toEqual([expect.objectContaining({ file: 'm.csv', line: 5, column: 25, path: 'actors[1] (Bob).Law', message: 'expected a number, got "x"' })]);
    const c = parseKtabCsv(multi.replace(',x,40,', ',10,40,'), 'm.csv');
    expect(c.actors[1].description).toBe('two\nlines, quoted');
    expect(c.actors[2]).toMatchObject({ name: 'Cy', capability: 30 });
  });

  it('an unclosed quote is located where its cell starts', () => {
    const bad = small.replace('Cy,third,', 'Cy,"third,');
    expect(problemsOf(() => parseKtabCsv(bad, 'q.csv'))).toEqual([{ file: 'q.csv', line: 5, column: 4, path: '', message: expect.stringMatching(/never closed/) }]);
  });
});

describeWithReference('KTAB files in reference/ktab', () => {
  const read = (name: string) => readFileSync(referencePath('ktab', name), 'utf8');

  it('the no-final-comma CSV reads as the usual one', () => {
    const a = parseKtabCsv(read('dummyData_3Dim.csv'), 'a.csv');
    const b = parseKtabCsv(read('dummyData_3Dim-no-final-comma.csv'), 'b.csv');
    expect(b.stances).toEqual(a.stances);
    expect(a.actors).toHaveLength(7);
    expect(a.stances[0]).toMatchObject({ actor: 'SActor-00', issue: 'Pstn1', position: 75.79, salience: 49.53 });
  });

  it('SOE-Pol-Comp: semicolons stay inside fields; "Influence" is the capability', () => {
    const c = parseKtabCsv(read('SOE-Pol-Comp.csv'), 'soe.csv');
    expect(c.title).toBe('China Policy/Competitive; scen 2');
    expect(c.actors.map((a) => a.id).slice(0, 3)).toEqual(['XJ', 'LK', 'ZG']);
    expect(c.actors[1]).toMatchObject({ description: 'Li Keqiang', capability: 60.2 });
    expect(c.issues.map((i) => i.title)).toEqual(['Policy Position', 'Competitive Position']);
  });

  it('the XML and CSV versions of dummyData_3Dim give the same case numbers and forecast', () => {
    const fromCsv = parseKtabCsv(read('dummyData_3Dim.csv'), 'a.csv');
    const { case: fromXml, params } = parseKtabXml(read('dummyData_3Dim.xml'), 'a.xml');
    expect(fromXml.stances.map((s) => [s.position, s.salience])).toEqual(fromCsv.stances.map((s) => [s.position, s.salience]));
    expect(params.prngSeed).toBe('03707583219545544125');
    expect(smp(toModelInput(fromXml), params).outcome).toEqual(smp(toModelInput(fromCsv)).outcome);
  });

  it("smpExample.xml as shipped: Alice's blank first coordinate, located", () => {
    const problems = problemsOf(() => parseKtabXml(read('smpExample.xml'), 'smpExample.xml'));
    expect(problems).toEqual([{ file: 'smpExample.xml', line: 32, column: 9, path: 'Actors.Actor[0] (Alice).Position.dCoord[0]', message: 'no text for dCoord' }]);
  });

  it('every KTAB CSV in the folder imports', () => {
    for (const f of ['SOE-Competitive.csv', 'SOE-Policy.csv', 'dummyData-a040.csv', 'dummyData-a080.csv', 'dummyData-a160.csv', 'dummyData_6Dim.csv']) {
      const c = importText(read(f), f);
      expect(c.actors.length).toBeGreaterThanOrEqual(3);
    }
  });
});
