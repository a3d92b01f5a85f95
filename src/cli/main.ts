/**
 * The `parley` command: a thin shell over the same functions the HTTP server calls. Each command
 * lives in `commands/` and registers itself on the program with `register(program)`; `main`
 * returns the exit code (0 ok, 1 invalid input, 2 wrong usage, 3 internal error, i.e. a bug).
 *
 * Start-up is kept short (docs/startup.md): the command list below is data, and only the module of
 * the command being run is imported: `parley --help` and `parley --version` load none, `parley
 * check …` loads the case loader but not the engines, the server or the NLP libraries.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { formatInternalError, userErrorExitCode } from './errors.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

interface CommandEntry {
  /** The command's name as typed; its module must register a command of this name. */
  name: string;
  /** One line for `parley --help` (the command's own `--help` has the full description). */
  summary: string;
  load: () => Promise<{ register: (program: Command) => void }>;
}

/** Every command, in the order `parley --help` lists them. A new command is one line here. */
export const commands: readonly CommandEntry[] = [
  // case model
  { name: 'check', summary: 'validate case files, every problem with its line and field', load: () => import('./commands/check.ts') },
  { name: 'show', summary: 'show a case: positions, saliences, red lines, evidence', load: () => import('./commands/show.ts') },
  { name: 'schema', summary: 'print the JSON Schema of case files', load: () => import('./commands/schema.ts') },
  { name: 'export', summary: 'convert a case or KTAB, decide, BDM, DEU data to a format', load: () => import('./commands/export.ts') },
  // engines
  { name: 'forecast', summary: 'forecast every issue with each model, side by side', load: () => import('./commands/forecast.ts') },
  { name: 'explain', summary: 'why an actor moved in each round of a model, in words', load: () => import('./commands/explain.ts') },
  { name: 'backtest', summary: 'score the models against known outcomes', load: () => import('./commands/backtest.ts') },
  // analysis
  { name: 'zopa', summary: 'zone of agreement per issue; which red lines must move', load: () => import('./commands/zopa.ts') },
  { name: 'packages', summary: "packages every veto holder's red lines admit: max-min, Nash, Kalai-Smorodinsky, frontier", load: () => import('./commands/packages.ts') },
  { name: 'levers', summary: 'what would it take: the smallest moves per actor that reach a target (zone, value, draft, probability)', load: () => import('./commands/levers.ts') },
  { name: 'power', summary: 'voting power (Shapley-Shubik, Banzhaf) and minimal blocking coalitions', load: () => import('./commands/power.ts') },
  { name: 'drafts', summary: "check drafts against the red lines, or diff two drafts", load: () => import('./commands/drafts.ts') },
  { name: 'simulate', summary: 'Monte Carlo over the uncertainty of every estimate', load: () => import('./commands/simulate.ts') },
  { name: 'sensitivity', summary: 'which estimate moves each forecast most', load: () => import('./commands/sensitivity.ts') },
  { name: 'research', summary: 'research next: estimates that move the forecast most, least well evidenced', load: () => import('./commands/research.ts') },
  { name: 'scenarios', summary: "forecast each scenario beside the baseline", load: () => import('./commands/scenarios.ts') },
  { name: 'timeline', summary: 'how the outlook moved over the dated stances and evidence', load: () => import('./commands/timeline.ts') },
  { name: 'report', summary: 'one Markdown or HTML document with every analysis', load: () => import('./commands/report.ts') },
  // evidence
  { name: 'ingest', summary: 'quotes, speakers, sources and dates from news articles', load: () => import('./commands/ingest.ts') },
  { name: 'evidence', summary: "list a case's evidence, accept or reject candidates", load: () => import('./commands/evidence.ts') },
  { name: 'score-ingest', summary: 'score the article ingester against gold annotations', load: () => import('./commands/score-ingest.ts') },
  // workbench
  { name: 'serve', summary: 'serve the HTTP API and the dashboard', load: () => import('./commands/serve.ts') },
  { name: 'worker', summary: 'run the queued jobs of a PostgreSQL database (any number, on any machines)', load: () => import('./commands/worker.ts') },
  { name: 'db', summary: 'the database: migrate, list, import, export, revisions', load: () => import('./commands/db.ts') },
  { name: 'user', summary: 'the workbench accounts: add (prints an API token), list, remove', load: () => import('./commands/user.ts') },
  // forecast record
  { name: 'record', summary: 'append a sealed forecast to the record; verify or list the record', load: () => import('./commands/record.ts') },
  { name: 'resolve', summary: 'enter the outcome of a recorded question', load: () => import('./commands/resolve.ts') },
  { name: 'score', summary: 'score the recorded forecasts of resolved questions per model', load: () => import('./commands/score.ts') },
];

/**
 * The program for these arguments: the command named by `argv[2]` (or by `help <command>`) is
 * loaded and registered in full; the others appear as name and summary only, which is all
 * `parley --help` and commander's "did you mean" need.
 */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
  const program = new Command('parley')
    .description('parley: a negotiation-intelligence workbench')
    .version(version, '-v, --version')
    .showHelpAfterError('(run parley --help)')
    .exitOverride();
  const wanted = commands.find((c) => c.name === (argv[2] === 'help' ? argv[3] : argv[2]));
  for (const entry of commands) {
    if (entry === wanted) {
      (await entry.load()).register(program);
      const cmd = program.commands.find((c) => c.name() === entry.name);
      if (!cmd) throw new Error(`src/cli/commands: the module of "${entry.name}" registered no command of that name`);
      hintOnError(cmd, `parley ${entry.name}`);
    } else {
      program.command(entry.name).description(entry.summary);
    }
  }
  return program;
}

/** A usage error prints commander's one-line message and this hint, not the whole help. */
function hintOnError(cmd: Command, path: string): void {
  cmd.exitOverride().showHelpAfterError(`(run ${path} --help)`);
  for (const sub of cmd.commands) hintOnError(sub, `${path} ${sub.name()}`);
}

export async function main(argv: string[]): Promise<number> {
  try {
    // `parley help <command>` shows that command's own help.
    const args = argv[2] === 'help' && commands.some((c) => c.name === argv[3]) ? [...argv.slice(0, 2), argv[3], '--help'] : argv;
    const program = await buildProgram(args);
    await program.parseAsync(args);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2;
    }
    const code = userErrorExitCode(e);
    if (code !== undefined) {
      const message = (e as Error).message;
      process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
      return code;
    }
    process.stderr.write(formatInternalError(e));
    return 3;
  }
}
