/**
 * Start-up benchmark: wall-clock time of `parley` commands as a user runs them (a fresh `node
 * bin/parley.js …` process, which runs the compiled dist/), beside a bare `node -e ''` timed in the
 * same run, and each one's ratio to it. Goals (issue 12): `--version` within 2x of bare node, `check
 * examples/tutorial.yaml` within 4x, `forecast examples/tutorial.yaml --model all` within 6x.
 *
 *   npm run bench -- startup              # one warm-up each, then the median of 7
 *   npm run bench -- startup --runs 15
 *
 * The commands are timed in rounds (bare node, --version, check, forecast, then again), so that a
 * change in the machine's load falls on all of them alike; each figure is the median of its runs.
 * The goals are read on the wall-clock medians. Beside them: the fastest run (the least disturbed by
 * other work on the machine) and the median CPU time (user + system, every thread, reported by each
 * process itself through bench/cpu-report.mjs, which every timed process, bare node included,
 * preloads), both as ratios to bare node's: on a busy machine those two say more than the medians.
 * dist/ is rebuilt first when it is missing or older than src/ (bin/parley.js would otherwise run
 * the sources through tsx, which is not what is to be measured).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got ${process.argv[runsArg + 1]}`);

const env = { ...process.env, PARLEY_REQUIRE_DIST: '1' };
const bin = join(root, 'bin/parley.js');
const tutorial = join(root, 'examples/tutorial.yaml');

interface Subject {
  label: string;
  args: string[];
  /** Goal: at most this many times bare node (none for bare node itself). */
  goal?: number;
}
const subjects: Subject[] = [
  { label: "node -e ''", args: ['-e', ''] },
  { label: 'parley --version', args: [bin, '--version'], goal: 2 },
  { label: 'parley check examples/tutorial.yaml', args: [bin, 'check', tutorial], goal: 4 },
  { label: 'parley forecast examples/tutorial.yaml --model all', args: [bin, 'forecast', tutorial, '--model', 'all'], goal: 6 },
];

const cpuReport = join(root, 'bench/cpu-report.mjs');

/** Wall-clock and CPU milliseconds of one run of `node args`, start to exit; it must succeed and print something. */
function time(s: Subject): { wall: number; cpu: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', cpuReport, ...s.args], { cwd: root, env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${s.label}: exit ${r.status}\n${r.stderr}`);
  if (s.goal !== undefined && !r.stdout.trim()) throw new Error(`${s.label}: printed nothing`);
  const cpu = /__parley_cpu_us (\d+)/.exec(r.stderr);
  if (!cpu) throw new Error(`${s.label}: no CPU time reported\n${r.stderr}`);
  return { wall, cpu: Number(cpu[1]) / 1000 };
}

const probe = spawnSync(process.execPath, [bin, '--version'], { cwd: root, env, encoding: 'utf8' });
if (probe.status !== 0) {
  process.stdout.write(`${probe.stderr.trim()}; building dist/ first (npm run build)\n`);
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

for (const s of subjects) time(s); // warm-up: file-system cache, lazy OS work
const samples = subjects.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let r = 0; r < runs; r++) {
  subjects.forEach((s, i) => {
    const t = time(s);
    samples[i].wall.push(t.wall);
    samples[i].cpu.push(t.cpu);
  });
}

const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const rows = samples.map((x) => ({ median: median(x.wall), min: Math.min(...x.wall), cpu: median(x.cpu) }));
const bare = rows[0];
const width = Math.max(...subjects.map((s) => s.label.length));
const num = (x: number, w: number) => x.toFixed(0).padStart(w);
const ratio = (x: number, w: number) => `${x.toFixed(2)}x`.padStart(w);
process.stdout.write(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${runs} runs of each after a warm-up, in rounds\n`);
process.stdout.write(`${'command'.padEnd(width)}  median ms  × bare  |  min ms  × bare  |  cpu ms  × bare  |  goal (median)\n`);
let failed = 0;
subjects.forEach((s, i) => {
  const r = rows[i];
  const x = r.median / bare.median;
  const ok = s.goal === undefined || x <= s.goal;
  if (!ok) failed++;
  const goal = s.goal === undefined ? '' : `≤ ${s.goal}x ${ok ? 'met' : 'NOT met'}`;
  process.stdout.write(
    `${s.label.padEnd(width)}  ${num(r.median, 9)}  ${ratio(x, 6)}  |  ${num(r.min, 6)}  ${ratio(r.min / bare.min, 6)}  |  ${num(r.cpu, 6)}  ${ratio(r.cpu / bare.cpu, 6)}  |  ${goal}\n`,
  );
});
process.stdout.write(`load average (1 min) at the end: ${loadavg()[0].toFixed(2)} on ${cpus().length} cores\n`);
process.exitCode = failed ? 1 : 0;
