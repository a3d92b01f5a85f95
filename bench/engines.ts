/**
 * Engine benchmark: seconds per run of compromise, median, Nash and BDM on the BDM fixtures
 * (ChinaData, Sultan; 10 rounds) and on generated cases up to 1,000 actors × 50 issues.
 *
 *   node --import tsx bench/engines.ts            # everything
 *   node --import tsx bench/engines.ts --quick    # skip the 1,000 × 50 case
 *
 * Reference (issue 3): the BDM replication (Python, jmckib/dmasad) takes 63.7 s for Sultan, 10 rounds;
 * target: BDM Sultan 10 rounds under 20 ms. Each figure is the median CPU time of repeated runs (at
 * least 5, or as many as fit in ~0.5 s of CPU).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toModelInput } from '../src/case/model-input.ts';
import { bdm } from '../src/engines/bdm.ts';
import { compromise } from '../src/engines/compromise.ts';
import { median } from '../src/engines/median.ts';
import { nash } from '../src/engines/nash.ts';
import { createRng } from '../src/engines/random.ts';
import type { EngineResult, ModelInput } from '../src/engines/types.ts';
import { parseBdmCsv } from '../src/formats/bdm-csv.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referenceRoot = resolve(process.env.PARLEY_REFERENCE ?? join(root, '../shared/reference'));
const quick = process.argv.includes('--quick');

/** Positions uniform on 0–100, saliences on 0.1–1, capabilities on 1–100; seeded. */
function generatedCase(n: number, m: number, seed = 3): ModelInput {
  const rng = createRng(seed, n * 1000 + m);
  const grid = (f: () => number) => Float64Array.from({ length: n * m }, f);
  const capabilities = Array.from({ length: n }, () => 1 + 99 * rng());
  return {
    actors: Array.from({ length: n }, (_, i) => `A${i}`),
    issues: Array.from({ length: m }, (_, k) => `I${k}`),
    position: grid(() => 100 * rng()),
    salience: grid(() => 0.1 + 0.9 * rng()),
    capability: Float64Array.from({ length: n * m }, (_, j) => capabilities[Math.floor(j / m)]),
    scaleMin: new Float64Array(m),
    scaleMax: new Float64Array(m).fill(100),
    statusQuo: Float64Array.from({ length: m }, () => 100 * rng()),
  };
}

function fixture(name: string): ModelInput | undefined {
  const file = join(referenceRoot, 'bdm', `${name}.csv`);
  return existsSync(file) ? toModelInput(parseBdmCsv(readFileSync(file, 'utf8'), file)) : undefined;
}

/** CPU seconds (user + system) of this process since `from`. */
const cpuSeconds = (from?: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};

/**
 * Median CPU seconds per run over repeated runs. CPU time, not wall-clock: on a shared machine the
 * wall clock mostly measures the queue for a core (the load average is printed with the table).
 */
function secondsPerRun(run: () => EngineResult): number {
  const times: number[] = [];
  const start = process.cpuUsage();
  while (times.length < 5 || (cpuSeconds(start) < 0.5 && times.length < 1000)) {
    const t0 = process.cpuUsage();
    run();
    times.push(cpuSeconds(t0));
    if (times[times.length - 1] > 2) break; // one slow run is enough
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

interface Case {
  label: string;
  input: ModelInput;
  rounds: number;
  /** Skip the reference BDM variant (its normaliser is O(N³) per pass). */
  skipReference?: boolean;
  bdmRounds?: number;
}

const cases: Case[] = [];
for (const name of ['ChinaData', 'Sultan']) {
  const input = fixture(name);
  if (input) cases.push({ label: `${name} (${input.actors.length}×${input.issues.length})`, input, rounds: 10 });
  else console.log(`(${name}.csv not found under ${referenceRoot}; set PARLEY_REFERENCE)`);
}
for (const [n, m] of [[10, 5], [100, 20], [1000, 50]] as const) {
  if (quick && n === 1000) continue;
  cases.push({ label: `generated ${n}×${m}`, input: generatedCase(n, m), rounds: 10, skipReference: n >= 1000, bdmRounds: n >= 1000 ? 1 : 10 });
}

const fmt = (s: number) => (s < 1e-3 ? `${(s * 1e6).toFixed(1)} µs` : s < 1 ? `${(s * 1e3).toFixed(2)} ms` : `${s.toFixed(2)} s`);
const header = ['case', 'compromise', 'median', 'nash lin', 'nash quad coal', 'bdm paper', 'bdm reference'];
const rows: string[][] = [];
for (const c of cases) {
  const r = c.bdmRounds ?? c.rounds;
  const row = [
    c.label,
    fmt(secondsPerRun(() => compromise(c.input))),
    fmt(secondsPerRun(() => median(c.input))),
    fmt(secondsPerRun(() => nash(c.input))),
    fmt(secondsPerRun(() => nash(c.input, { utility: 'quadratic', rule: 'coalition' }))),
    `${fmt(secondsPerRun(() => bdm(c.input, { rounds: r })))} (${r} r)`,
    c.skipReference ? 'skipped (O(N³))' : `${fmt(secondsPerRun(() => bdm(c.input, { rounds: r, variant: 'reference' })))} (${r} r)`,
  ];
  rows.push(row);
  console.error(`done: ${c.label}`);
}
const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
const line = (r: string[]) => r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  ');
console.log(`CPU seconds per run (median), Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}; reference: BDM replication (Python) Sultan 10 rounds 63.7 s, target < 20 ms`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
