/** `parley check <case...>`: validate case files, reporting every problem with file, line, column and field. */
import type { Command } from 'commander';
import { CaseFileError, loadCaseFile } from '../../case/load.ts';
import { CliError } from '../errors.ts';

export function register(program: Command): void {
  program
    .command('check')
    .description('validate case files (YAML or JSON); every problem with file:line:column and field path')
    .argument('<case...>', 'case files')
    .option('-q, --quiet', 'print nothing when the files are valid')
    .action(async (files: string[], opts: { quiet?: boolean }) => {
      const messages: string[] = [];
      for (const file of files) {
        try {
          const c = await loadCaseFile(file);
          if (!opts.quiet) {
            process.stdout.write(
              `${file}: ok (${c.actors.length} actors, ${c.issues.length} issues, ${c.stances.length} stances, ` +
                `${c.evidence.length} evidence, ${c.drafts.length} drafts, ${c.scenarios.length} scenarios, ${c.events.length} events)\n`,
            );
          }
        } catch (e) {
          if (!(e instanceof CaseFileError)) throw e;
          messages.push(e.message, `${file}: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}`);
        }
      }
      if (messages.length) throw new CliError(messages.join('\n'), 1);
    });
}
