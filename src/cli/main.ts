/**
 * The `parley` command: a thin shell over the same functions the HTTP server calls. Each command
 * lives in `commands/` and registers itself on the program; `main` returns the exit code
 * (0 ok, 1 invalid input, 2 wrong usage).
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { CliError } from './errors.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Each module exports `register(program)`. Keep this list in the order `--help` should show. */
const commandModules: Array<() => Promise<{ register: (p: Command) => void }>> = [
  // case model (issue 2)
  () => import('./commands/check.ts'),
  () => import('./commands/show.ts'),
  () => import('./commands/schema.ts'),
  () => import('./commands/export.ts'),
  // engines (issues 3, 4)
  () => import('./commands/forecast.ts'),
  () => import('./commands/explain.ts'),
  () => import('./commands/backtest.ts'),
  // analysis (issue 5)
  () => import('./commands/zopa.ts'),
  () => import('./commands/drafts.ts'),
  () => import('./commands/simulate.ts'),
  () => import('./commands/sensitivity.ts'),
  () => import('./commands/scenarios.ts'),
  () => import('./commands/timeline.ts'),
  () => import('./commands/report.ts'),
  // evidence (issue 6)
  () => import('./commands/ingest.ts'),
  () => import('./commands/evidence.ts'),
  () => import('./commands/score-ingest.ts'),
  // workbench (issue 7)
  () => import('./commands/serve.ts'),
  () => import('./commands/db.ts'),
];

export async function buildProgram(): Promise<Command> {
  const program = new Command('parley')
    .description('parley: a negotiation-intelligence workbench')
    .version(version, '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  for (const load of commandModules) (await load()).register(program);
  program.commands.forEach((cmd) => cmd.exitOverride());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
