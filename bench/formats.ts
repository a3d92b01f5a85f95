/**
 * Parse time of the delimited and XML readers (src/formats): the biggest reference fixtures
 * (KTAB dummyData-a160.csv and dummyData_3Dim.xml, decide cop21.csv, DEU III deu3_train.tsv, when
 * ../shared/reference is present) and two generated KTAB scenarios of 2,500 actors × 6 dimensions
 * (KTAB's maximum actor count; about 0.3 MB as CSV, 1.3 MB as XML), so that the numbers do not
 * depend on the reference data being present.
 *
 *   node --import tsx bench/formats.ts            # 5 warm-up parses, then the median of 15
 *   node --import tsx bench/formats.ts --runs 40
 *
 * Prints milliseconds per parse (median, and the fastest run) for each input. Small inputs are
 * parsed in a batch per timed run so that the clock's resolution does not dominate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseKtabCsv, parseKtabXml } from '../src/formats/ktab.ts';
import { parseDecide } from '../src/formats/decide.ts';
import { readDeuIssues } from '../src/formats/deu.ts';
import { referenceRoot } from '../test/helpers/reference.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('runs') ?? 15);

/** A deterministic KTAB scenario (no RNG needed: values from the indices). */
function generated(nActors: number, nDims: number): { csv: string; xml: string } {
  const pos = (a: number, d: number) => ((a * 37 + d * 11) % 101).toFixed(2);
  const sal = (a: number, d: number) => (((a * 13 + d * 7) % 100) / nDims).toFixed(2);
  const csv = [`Generated,"${nActors} actors, ${nDims} dimensions",${nActors},${nDims},`];
  csv.push(['Actor', 'Description', 'Power', ...Array.from({ length: nDims }, (_, d) => [`D${d}`, `D${d} sal`]).flat()].join(',') + ',');
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<Scenario>', '  <name>Generated</name>', '  <desc>generated &amp; deterministic</desc>', '  <prngSeed>12345</prngSeed>'];
  xml.push('  <Dimensions>' + Array.from({ length: nDims }, (_, d) => `<dName>D${d}</dName>`).join('') + '</Dimensions>', '  <Actors>');
  for (let a = 0; a < nActors; a++) {
    const cap = ((a * 17) % 200) + 1;
    csv.push([`A${a}`, `"actor ${a}, generated"`, cap, ...Array.from({ length: nDims }, (_, d) => [pos(a, d), sal(a, d)]).flat()].join(',') + ',');
    xml.push(
      `    <Actor>\n      <name>A${a}</name>\n      <description>actor ${a}</description>\n      <capability>${cap}</capability>\n` +
        `      <Position>${Array.from({ length: nDims }, (_, d) => `<dCoord>${pos(a, d)}</dCoord>`).join('')}</Position>\n` +
        `      <Salience>${Array.from({ length: nDims }, (_, d) => `<dSal>${sal(a, d)}</dSal>`).join('')}</Salience>\n    </Actor>`,
    );
  }
  xml.push('  </Actors>', '</Scenario>', '');
  return { csv: csv.join('\n') + '\n', xml: xml.join('\n') };
}

interface Input {
  name: string;
  bytes: number;
  parse: () => unknown;
}

const inputs: Input[] = [];
const ref = (...p: string[]) => join(referenceRoot, ...p);
const add = (name: string, text: string, parse: (t: string) => unknown) => inputs.push({ name, bytes: Buffer.byteLength(text), parse: () => parse(text) });
if (existsSync(ref('ktab', 'dummyData-a160.csv'))) {
  add('ktab dummyData-a160.csv', readFileSync(ref('ktab', 'dummyData-a160.csv'), 'utf8'), (t) => parseKtabCsv(t, 'a160.csv'));
  add('ktab dummyData_3Dim.xml', readFileSync(ref('ktab', 'dummyData_3Dim.xml'), 'utf8'), (t) => parseKtabXml(t, '3dim.xml'));
  add('decide cop21.csv', readFileSync(ref('decide', 'cop21.csv'), 'utf8'), (t) => parseDecide(t, 'cop21.csv'));
  add('deu deu3_train.tsv', readFileSync(ref('deu', 'deu3_train.tsv'), 'utf8'), (t) => readDeuIssues(t, 'deu3_train.tsv'));
} else {
  console.log(`(${referenceRoot} not found: generated inputs only)`);
}
const g = generated(2500, 6);
add('generated 2500×6 KTAB CSV', g.csv, (t) => parseKtabCsv(t, 'g.csv'));
add('generated 2500×6 KTAB XML', g.xml, (t) => parseKtabXml(t, 'g.xml'));

console.log(`node ${process.version}; ${runs} timed runs after 5 warm-up runs`);
console.log('input'.padEnd(30), 'bytes'.padStart(9), 'median ms'.padStart(10), 'min ms'.padStart(9));
for (const inp of inputs) {
  // Batch small inputs: about 1 MB of text per timed run.
  const batch = Math.max(1, Math.round(1e6 / inp.bytes));
  const once = () => {
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) inp.parse();
    return (performance.now() - t0) / batch;
  };
  for (let w = 0; w < 5; w++) once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(inp.name.padEnd(30), String(inp.bytes).padStart(9), median.toFixed(3).padStart(10), times[0].toFixed(3).padStart(9));
}
