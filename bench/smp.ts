/**
 * SMP benchmark: seconds per run, turns and peak memory on KTAB's dummyData-a040/a080/a160 and on
 * generated 500- and 1,000-actor cases, beside KTAB's own times; checks that results are identical
 * for every thread count.
 *
 *   node --import tsx bench/smp.ts                    # all cases, threads 1 and 2
 *   node --import tsx bench/smp.ts --cases a080,g1000 --threads 2
 *   node --import tsx bench/smp.ts --lean             # Monte Carlo's case: ms per run, explain true/false
 *
 * Each measurement runs in a fresh child process so that its peak memory (max RSS) is its own.
 * The machine's load shows in wall-clock times; CPU seconds (user + system time of the process, all
 * threads) are printed beside them, and the one-minute load average at the end of each run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseKtabCsv } from '../src/formats/ktab.ts';
import { toModelInput } from '../src/case/model-input.ts';
import { loadCaseFile } from '../src/case/load.ts';
import { smp } from '../src/engines/smp.ts';
import { createRng } from '../src/engines/random.ts';
import type { ModelInput } from '../src/engines/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referenceRoot = resolve(process.env.PARLEY_REFERENCE ?? join(root, '../shared/reference'));

/** KTAB's smpc on this kind of machine (issue 4): seconds per run. */
const KTAB_SECONDS: Record<string, number> = { a040: 5.5, a080: 56, a160: 836 };

/**
 * A random case drawn like KTAB's dummyData-a040/a080/a160 files (one dimension; their statistics:
 * positions around 60 with a spread of about 12, capabilities 0.1–5 with mean ≈ 1.75, saliences
 * 5–99% with mean ≈ 41%): positions N(60, 12) clipped to 0–100, capabilities log-normal
 * exp(N(0.35, 0.6)), saliences 5 + 94·u^1.5 %. Seeded, so every run is the same case.
 */
function generatedCase(actors: number, seed = 2017): ModelInput {
  const rng = createRng(seed, actors);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const n = actors;
  const position = new Float64Array(n);
  const salience = new Float64Array(n);
  const capability = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    position[i] = Math.round(100 * Math.min(100, Math.max(0, 60 + 12 * normal()))) / 100;
    capability[i] = Math.round(100 * Math.exp(0.35 + 0.6 * normal())) / 100;
    salience[i] = Math.round(100 * (5 + 94 * Math.pow(rng(), 1.5))) / 10000;
  }
  return {
    actors: Array.from({ length: n }, (_, i) => `Gen-${i + 1}`),
    issues: ['Dim-1'],
    position,
    salience,
    capability,
    scaleMin: new Float64Array(1),
    scaleMax: new Float64Array(1).fill(100),
    statusQuo: new Float64Array(1).fill(NaN),
  };
}

function loadCase(name: string): ModelInput {
  if (name.startsWith('g')) return generatedCase(Number(name.slice(1)));
  const file = join(referenceRoot, 'ktab', `dummyData-${name}.csv`);
  return toModelInput(parseKtabCsv(readFileSync(file, 'utf8'), file));
}

/** One measurement (child process): prints a JSON line. */
function measure(name: string, threads: number): void {
  const input = loadCase(name);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = smp(input, { threads });
  const cpu = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  const digest = createHash('sha256');
  for (const round of r.rounds) {
    digest.update(Float64Array.from(round.positions.flat()));
    digest.update(Float64Array.from(round.probabilities as number[]));
  }
  console.log(
    JSON.stringify({
      name,
      actors: input.actors.length,
      threads,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      turns: r.rounds.length - 1,
      peakMB: process.resourceUsage().maxRSS / 1024,
      digest: digest.digest('hex').slice(0, 16),
      load: loadavg()[0],
    }),
  );
}

/**
 * What Monte Carlo pays per draw: examples/ukraine-2025.yaml (6 actors × 13 issues), many runs with
 * and without explanations (after a warm-up), milliseconds per run (wall and CPU).
 */
async function lean(runs: number): Promise<void> {
  const input = toModelInput(await loadCaseFile(join(root, 'examples/ukraine-2025.yaml')));
  console.log(`examples/ukraine-2025.yaml: ${input.actors.length} actors x ${input.issues.length} issues, ${smp(input).params.turns} turns, ${runs} runs each`);
  for (const explain of [true, false, true, false]) {
    for (let r = 0; r < runs / 10; r++) smp(input, { explain });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let r = 0; r < runs; r++) smp(input, { explain });
    const cpu = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / runs;
    console.log(`explain ${String(explain).padEnd(5)}  ${wall.toFixed(3)} ms/run  ${((cpu.user + cpu.system) / 1000 / runs).toFixed(3)} CPU ms/run  load ${loadavg()[0].toFixed(1)}`);
  }
}

function main(argv: string[]): void {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--lean')) {
    void lean(Number(arg('--runs') ?? 3000));
    return;
  }
  const one = arg('--one');
  if (one) return measure(one, Number(arg('--threads') ?? 1));
  const cases = (arg('--cases') ?? 'a040,a080,a160,g500,g1000').split(',');
  const threadCounts = (arg('--threads') ?? '1,2').split(',').map(Number);
  if (cases.some((c) => c.startsWith('a')) && !existsSync(join(referenceRoot, 'ktab'))) {
    console.error(`${referenceRoot}/ktab not found (set PARLEY_REFERENCE)`);
    process.exitCode = 1;
    return;
  }
  const self = fileURLToPath(import.meta.url);
  console.log('case    actors threads  seconds  cpu-s  turns  peak-MB  KTAB-s  speed-up  load  result digest');
  for (const name of cases) {
    const digests = new Set<string>();
    for (const threads of threadCounts) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--one', name, '--threads', String(threads)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
      if (run.status !== 0) {
        console.error(run.stderr);
        process.exitCode = 1;
        continue;
      }
      const r = JSON.parse(run.stdout.trim().split('\n').pop()!);
      digests.add(r.digest);
      const ktab = KTAB_SECONDS[name];
      console.log(
        [
          name.padEnd(7),
          String(r.actors).padStart(6),
          String(threads).padStart(7),
          r.seconds.toFixed(3).padStart(8),
          r.cpuSeconds.toFixed(2).padStart(6),
          String(r.turns).padStart(6),
          r.peakMB.toFixed(0).padStart(8),
          (ktab ? String(ktab) : '-').padStart(7),
          (ktab ? `${Math.round(ktab / r.seconds)}x` : '-').padStart(9),
          r.load.toFixed(1).padStart(5),
          ` ${r.digest}`,
        ].join(' '),
      );
    }
    if (digests.size > 1) {
      console.log(`${name}: RESULTS DIFFER across thread counts`);
      process.exitCode = 1;
    } else if (threadCounts.length > 1) console.log(`${name}: identical results for threads ${threadCounts.join(', ')}`);
  }
}

main(process.argv.slice(2));
