/**
 * Ingesting a folder of 500 articles in one process, start-up included: `npm run bench -- ingest-folder`.
 *
 * Generates 500 varied articles of its own (a seeded generator over invented names, places, cues,
 * quotes and dates: wire reports, interviews, analysis; 1.5-5 KB; 10 % HTML pages, 10 % lightly edited
 * copies of an earlier article, so that syndication has something to group) into a temporary folder,
 * then times `node bin/parley.js ingest DIR --format json` (the compiled dist/, rebuilt first when
 * stale) as a user runs it, and prints articles per second by wall clock and per core (articles over
 * the CPU seconds the process used, all its threads: what one core does, whatever else the machine
 * runs). Goal (issue 15): at least 200 articles per second per core.
 *
 *   npm run bench -- ingest-folder                    # 500 articles, 3 runs, the median
 *   npm run bench -- ingest-folder --articles 1000 --runs 5 --seed 7 [--case examples/ukraine-2025.yaml]
 *   npm run bench -- ingest-folder --keep DIR         # write the articles to DIR and keep them
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const count = Number(arg('articles', '500'));
const runs = Number(arg('runs', '3'));
const seed = Number(arg('seed', '15'));
const caseFile = arg('case', '');
const keep = arg('keep', '');
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--articles and --runs must be positive whole numbers');

/** mulberry32: a small seeded generator (same seed, same articles). */
function rng(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const FIRST = ['Ilse', 'Pavel', 'Mara', 'Anton', 'Helena', 'Tomas', 'Sofia', 'Karim', 'Ines', 'Jonas', 'Lena', 'Viktor', 'Amara', 'Oskar', 'Nadia', 'Ruben', 'Elif', 'Marek', 'Yara', 'Felix'];
const LAST = ['Marant', 'Dressen', 'Quint', 'Greb', 'Varga', 'Holm', 'Castell', 'Nouri', 'Baptiste', 'Lindqvist', 'Osei', 'Petrak', 'Albescu', 'Moreau', 'Tanaka', 'Kowal', 'Rainer', 'Sund', 'Ferro', 'Adler'];
const STATES = ['Velmora', 'Ostria', 'Lakeland', 'Corvia', 'Tarsen', 'Belrun', 'Kaldor', 'Morvane'];
const ROLES = ['foreign minister', 'trade minister', 'chief negotiator', 'defence minister', 'prime minister', 'spokesperson for the government', 'envoy', 'union leader', 'central bank governor'];
const CITIES = ['Nova Haven', 'Kessel', 'Port Arlen', 'Dunmoor', 'Vesk', 'Halbrook', 'Sorrel Bay'];
const OUTLETS = ['Continental Press Agency', 'The Kessel Herald', 'Southern Daily', 'Marsh Observer', 'The River Review', 'Harbour Gazette', 'Northern Ledger', 'Capital Wire'];
const CREDITED = ['Reuters', 'AFP', 'the Associated Press', 'the BBC', 'Al Jazeera'];
const TOPICS = ['the grain corridor', 'the border crossings', 'the fishing quotas', 'the gas transit fees', 'the prisoner exchange', 'the river locks', 'the customs union', 'the ceasefire line'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SAID = ['said', 'told reporters', 'said in a statement', 'told a news conference', 'added', 'warned', 'insisted'];
const QUOTES = [
  'We are ready to sign within days if the other side keeps its word',
  'Nothing is agreed until everything is agreed',
  'This is not the time for ultimatums',
  'Our patience is not unlimited',
  'We have made real progress, but the hardest questions are still open',
  'Any deal must be verifiable, or it is not a deal',
  'The people on the ground cannot wait another month',
  'We will not accept a freeze on these terms',
  'There is a window, and it is closing',
  'Both delegations showed a willingness to listen',
  'The offer on the table is our final offer',
  'We expect to see movement by the end of the week',
];
const FILLER = [
  'Officials said the talks would continue at expert level while the delegations consulted their capitals.',
  'Trade between the two countries has fallen by nearly a third since the dispute began, according to customs figures.',
  'Diplomats described the atmosphere in the conference hall as tense but businesslike.',
  'The previous round collapsed after three days over the sequencing of inspections and payments.',
  'Analysts in the region cautioned that a framework agreement would leave many details to later rounds.',
  'Farmers and hauliers on both sides of the border have staged protests over the delays.',
  'The river commission, which hosts the talks, declined to comment on the substance of the negotiations.',
  'Opposition lawmakers have accused the government of conceding too much too early.',
  'A joint statement is expected once the working groups have finished their drafts.',
  'The European mediators have proposed a phased timetable with reviews every ninety days.',
];

/** A quote: one of the stock lines, or one put together from parts (a few thousand different ones). */
const OPENERS = ['We are ready to talk about', 'Nobody in this room wants to give up on', 'Our position on', 'There will be no agreement without progress on', 'We have offered a compromise on', 'It is too early to say anything definite about'];
const CLOSERS = ['and we expect an answer this week', 'but the other side keeps moving the goalposts', 'and that has not changed since the spring', 'as long as the guarantees are real', 'whatever the newspapers say', 'and our partners know it'];
const quote = () => (rand() < 0.3 ? pick(QUOTES) : `${pick(OPENERS)} ${pick(TOPICS)} ${pick(CLOSERS)}`);
const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const when = () => pick([`on ${pick(WEEKDAYS)}`, `last ${pick(WEEKDAYS)}`, `by ${pick(WEEKDAYS)}`, `in ${pick(MONTHS)} 2026`, `on ${between(1, 28)} ${pick(MONTHS)}`, 'earlier this week', 'later in the day']);

function paragraph(): string {
  const who = person();
  const state = pick(STATES);
  switch (between(0, 7)) {
    case 0:
      return `"${quote()}," ${who}, ${state}'s ${pick(ROLES)}, ${pick(SAID)} ${when()}.`;
    case 1:
      return `${state}'s ${pick(ROLES)}, ${who}, ${pick(SAID)} ${when()} that the talks on ${pick(TOPICS)} had reached "${pick(['a decisive stage', 'a difficult moment', 'the last mile', 'an impasse'])}".`;
    case 2:
      return `"${quote()}," ${who} ${pick(SAID)}. "${quote()}."`;
    case 3:
      return `According to ${pick(CREDITED)}, ${between(2, 40)} ${pick(['barges', 'lorries', 'ships', 'convoys'])} were waiting at ${pick(CITIES)} ${when()}, and ${between(100, 9000)} people had signed a petition.`;
    case 4:
      return `${who} told ${pick(CREDITED)} ${when()}: "${quote()}."`;
    case 5:
      return `An official from ${state}, who spoke on condition of anonymity, said the delegation would "${pick(['not sign anything yet', 'wait for instructions', 'keep the door open'])}".`;
    default:
      return `${pick(FILLER)} ${pick(FILLER)}`;
  }
}

function article(i: number): { name: string; text: string; body: string } {
  const state = pick(STATES);
  const other = pick(STATES.filter((s) => s !== state));
  const topic = pick(TOPICS);
  const title = `${state} and ${other} ${pick(['resume', 'suspend', 'extend', 'widen'])} talks on ${topic}`;
  const target = between(1500, 5000);
  const paragraphs = [`${pick(CITIES).toUpperCase()} — ${state} and ${other} ${pick(['will resume', 'have suspended', 'agreed to extend'])} talks on ${topic} ${when()}, officials said.`];
  while (paragraphs.join('\n\n').length < target) paragraphs.push(paragraph());
  const body = paragraphs.join('\n\n');
  const date = `2026-${String(between(1, 11)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
  const outlet = pick(OUTLETS);
  if (rand() < 0.1) {
    const html = `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${date}T08:00:00Z"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</article><footer>© ${outlet}</footer></body></html>`;
    return { name: `${String(i).padStart(4, '0')}.html`, text: html, body };
  }
  return { name: `${String(i).padStart(4, '0')}.txt`, text: `title: ${title}\npublisher: ${outlet}\ndate: ${date}\n---\n${title}\n\n${body}\n`, body };
}

/** A syndicated copy: another outlet's headline and lead, a paragraph cut, a word changed. */
function copyOf(source: { body: string }, i: number): { name: string; text: string; body: string } {
  const paragraphs = source.body.split('\n\n');
  const kept = paragraphs.filter((_, k) => k === 0 || k !== paragraphs.length - 1 || rand() < 0.5).map((p) => (rand() < 0.2 ? p.replace(/ said /, ' stated ') : p));
  const body = [`${pick(['Talks update', 'Latest', 'In brief'])}: ${kept[0]}`, ...kept.slice(1)].join('\n\n');
  return { name: `${String(i).padStart(4, '0')}.txt`, text: `title: Copy of a wire story\npublisher: ${pick(OUTLETS)}\ndate: 2026-11-30\n---\n${body}\n`, body };
}

const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'parley-bench-folder-'));
mkdirSync(dir, { recursive: true });
const written: Array<{ body: string }> = [];
let bytes = 0;
for (let i = 0; i < count; i++) {
  const a = i > 10 && rand() < 0.1 ? copyOf(pick(written), i) : article(i);
  written.push(a);
  writeFileSync(join(dir, a.name), a.text);
  bytes += Buffer.byteLength(a.text);
}

const env = { ...process.env, PARLEY_REQUIRE_DIST: '1' };
const bin = join(root, 'bin/parley.js');
const probe = spawnSync(process.execPath, [bin, '--version'], { cwd: root, env, encoding: 'utf8' });
if (probe.status !== 0) {
  process.stdout.write(`${probe.stderr.trim()}; building dist/ first (npm run build)\n`);
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const cpuReport = join(root, 'bench/cpu-report.mjs');
const ingestArgs = ['ingest', dir, '--format', 'json', ...(caseFile ? ['--case', join(dir, 'case.yaml')] : [])];
// On a shared working tree another change to src/ can make dist/ stale again between the build and
// the runs; bin/parley.js would then refuse (PARLEY_REQUIRE_DIST). The runs then load dist/cli/main.js
// as bin/parley.js does, without its staleness check (about 3 ms): still the compiled code.
const fresh = spawnSync(process.execPath, [bin, '--version'], { cwd: root, env, encoding: 'utf8' }).status === 0;
const launcher = `const { main } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/cli/main.js')).href)}); process.exitCode = await main(['node', 'parley', ...process.argv.slice(1)]);`;
const args = fresh ? [bin, ...ingestArgs] : ['--input-type=module', '-e', launcher, ...ingestArgs];
if (!fresh) process.stdout.write('dist/ is stale again (src/ changed since the build): the runs load dist/cli/main.js directly\n');
const samples: Array<{ wall: number; cpu: number; groups: number; quotes: number }> = [];
for (let r = 0; r < runs; r++) {
  if (caseFile) writeFileSync(join(dir, 'case.yaml'), readCase(caseFile));
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', cpuReport, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) throw new Error(`parley ingest: exit ${run.status}\n${run.stderr.slice(0, 4000)}`);
  const cpu = Number(/__parley_cpu_us (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1e6;
  const out = JSON.parse(run.stdout) as Array<{ source: string; syndicationGroup: string; quotes: unknown[] }>;
  if (out.length !== count) throw new Error(`parley ingest: ${out.length} articles in the output, ${count} expected`);
  samples.push({ wall, cpu, groups: new Set(out.filter((a) => a.syndicationGroup !== a.source).map((a) => a.syndicationGroup)).size, quotes: out.reduce((n, a) => n + a.quotes.length, 0) });
}

function readCase(file: string): string {
  return readFileSync(resolve(root, file), 'utf8');
}

const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const wall = median(samples.map((s) => s.wall));
const cpu = median(samples.map((s) => s.cpu));
const perCore = count / cpu;
process.stdout.write(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${count} articles (${(bytes / 1024 / count).toFixed(1)} KB on average, seed ${seed}) in ${dir}${caseFile ? `, --case ${caseFile}` : ''}\n`);
process.stdout.write(`one process, start-up included, median of ${runs}: ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU; ${samples[0].quotes} quotes, ${samples[0].groups} syndication groups\n`);
process.stdout.write(`${(count / wall).toFixed(0)} articles/s wall clock; ${perCore.toFixed(0)} articles/s per core (CPU time) — goal ≥ 200: ${perCore >= 200 ? 'met' : 'NOT met'}\n`);
process.stdout.write(`load average (1 min) at the end: ${loadavg()[0].toFixed(2)} on ${cpus().length} cores\n`);
if (!keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = perCore >= 200 ? 0 : 1;
