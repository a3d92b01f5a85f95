/**
 * Valid inputs the fuzz tests mutate: small invented examples of each format (the same shapes as the
 * format tests use), plus the project's own exports of examples/tutorial.yaml. Third-party files are
 * not used here (they are read from ../shared by the conformance tests).
 */
import { readFileSync } from 'node:fs';
import { parseCase } from '../../src/case/load.ts';
import { writeDecide } from '../../src/formats/decide.ts';
import { writeKtabCsv } from '../../src/formats/ktab.ts';

const root = new URL('../../', import.meta.url);
export const tutorialYaml = readFileSync(new URL('examples/tutorial.yaml', root), 'utf8');
const tutorial = parseCase(tutorialYaml, 'tutorial.yaml');

/** A small case in YAML: every section, few entries (mutations of it parse fast). */
export const smallYaml = `id: towns
title: Two towns and a road
actors:
  - id: north
    name: North Town
    kind: organisation
    capability: 3
  - id: south
    name: South Town
    kind: state
    capability: 1
issues:
  - id: road
    title: Road width
    scale: { min: 0, max: 10, anchors: [{ at: 0, label: none }, { at: 10, label: six lanes }] }
    statusQuo: 2
stances:
  - { actor: north, issue: road, position: 8, salience: 70 }
  - { actor: south, issue: road, position: 3, salience: 40 }
`;

// The tutorial (11 KB, ~9 ms a parse) is one seed in ten, so that 10,000 inputs stay within seconds.
const oneInTen = <T>(small: T, large: T): T[] => [...Array<T>(9).fill(small), large];
export const caseYamlSeeds = oneInTen(smallYaml, tutorialYaml);
export const caseJsonSeeds = oneInTen(JSON.stringify(parseCase(smallYaml, 's.yaml'), null, 1), JSON.stringify(tutorial));

export const ktabCsvSeeds = [
  ['Tiny,"A small, quoted description",3,2,', 'Actor,Description,Power,Econ,Econ sal,Law,Law sal,', 'Ann,first,10,20,30,40,50,', 'Bob,,20,80,60,10,40,', 'Cy,third,30,50,50,50,50,', ''].join('\n'),
  writeKtabCsv(tutorial),
];

export const ktabXmlSeeds = [
  `<?xml version="1.0"?>
<Scenario>
  <name>X &amp; Y</name><desc>d &#x41;&#66;</desc><prngSeed>18446744073709551615</prngSeed>
  <ModelParameters>
    <VictoryProbModel>Square</VictoryProbModel><PCEModel>MarkovIncentive</PCEModel><StateTransitions>Stochastic</StateTransitions>
    <VotingRule>PropCbc</VotingRule><BigRAdjust>Half</BigRAdjust><BigRRange>Max</BigRRange><ThirdPartyCommit>FullCommit</ThirdPartyCommit>
    <InterVecBrgn>S1P1</InterVecBrgn><BargnModel>PWCompInterp</BargnModel>
  </ModelParameters>
  <Dimensions><dName>D1</dName><dName>D2</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><description>a</description><capability>10</capability><Position><dCoord>10</dCoord><dCoord>20</dCoord></Position><Salience><dSal>50</dSal><dSal>10</dSal></Salience></Actor>
    <Actor><name>B</name><description>b</description><capability>20</capability><Position><dCoord>90</dCoord><dCoord>30</dCoord></Position><Salience><dSal>60</dSal><dSal>20</dSal></Salience></Actor>
    <Actor><name>C</name><description>c</description><capability>5</capability><Position><dCoord>40</dCoord><dCoord>50</dCoord></Position><Salience><dSal>70</dSal><dSal>5</dSal></Salience></Actor>
  </Actors>
</Scenario>`,
];

export const decideSeeds = [
  [
    '#O;Two towns and a road',
    '#/;comment rows are skipped;;',
    '#A;North;North Town;the larger one',
    "#A;'South; the other';South Town;",
    '#P;road;Road width;',
    '#M;road;2;two lanes',
    '#M;road;6;six lanes',
    '#P;toll;Toll;',
    '#D;North;road;6;0,8;1',
    '#D;south the other;road;2;0.5;0.4',
    '#D;North;toll;0;0.3;0.9',
    "#D;'South; the other';toll;100;0;0.4",
  ].join('\n'),
  writeDecide(tutorial),
];

export const bdmCsvSeeds = [
  'Actor,Capability,Position,Salience\nA,2,10,0.5\n"B, Inc.",1,30,1\nC,3,20,0.9\n',
  'Stakeholder,Resources,Position,Salience\nA,80,25,50\nB,90,15,0.5\n',
];

const deuHeader = 'prnr;prname;isnr;proc;pcom;pep;pfr;scom;sep;sfr;rp;out';
export const deuSeeds = [
  `${deuHeader}\nd1;Dossier one;d1i1;COD;80;60;999;100;50;;0;50\nd1;Dossier one;d1i2;COD;10;;30;50;;50;;999\nd2;Dossier two;d2i1;CNS;20;40;60;70;80;90;10;30\n`,
];

const q = (cells: string[]) => cells.map((c) => `"${c}"`).join('\t');
deuSeeds.push(
  [
    q(['prnr', 'prname', 'isnr', 'proc', 'pcom', 'pep', 'pfr', 'pde', 'scom', 'sep', 'sfr', 'sde', 'rp', 'out']),
    ['', '', '', '', '"4.1"', '"4.1"', '"2.8"', '"4.1"', '', '', '', '', '', ''].join('\t'),
    ['"d1"', '"one"', '"d1i1"', '"COD"', '100', '0', '', '40', '80', '50', '', '20', '0', '50'].join('\t'),
    ['"d1"', '"one"', '"d1i2"', '"COD"', '0', '100', '50', '', '50', '50', '50', '', '', ''].join('\t'),
  ].join('\n'),
);

/** The ingester's own test articles (invented), whole and in windows of at most 700 characters. */
const articleDir = new URL('test/evidence/articles/', root);
const articleNames = ['attribution-order.txt', 'traps.txt', 'briefing.txt', 'border-talks.txt', 'own-04-ap-said.txt', 'own-08-interview-nested.txt', 'wire-style.txt', 'headline-tags.txt'];
export const articleSeeds: string[] = articleNames.map((n) => readFileSync(new URL(n, articleDir), 'utf8')).flatMap((t) => {
  const windows = [t.slice(0, 700)];
  for (let at = 700; at < t.length; at += 700) windows.push(t.slice(at, at + 700));
  return windows;
});
/** Sentences built around the words that crashed the ingester (issue 17). */
export const hostileArticleSeeds: string[] = ['Constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype'].flatMap((w) => [
  `"We will not move," ${w} said on Monday.`,
  `${w} ${w}, the ${w} minister, told reporters: "A deal is close," according to ${w} News.`,
  `Title: ${w}\nDate: 2025-03-03\nOutlet: ${w}\n---\n"Talks resume in ${w}," said ${w} of the ${w} Party, citing the ${w} agency.`,
]);
export const htmlSeeds: string[] = [
  readFileSync(new URL('headline.html', articleDir), 'utf8'),
  '<!doctype html><html><head><title>Envoys meet</title><meta property="article:published_time" content="2025-03-03"><meta name="author" content="toString"></head><body><article><h1>Envoys</h1><p>"We will not give up one metre," North\'s foreign minister Anna Berg said on Monday in Geneva.</p><p>Constructor, a spokesman, said: "No &#x110000; deal &amp; no &bogus; peace."</p></article></body></html>',
];
