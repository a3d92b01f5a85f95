/** `parley power <case>`: Shapley-Shubik and Banzhaf indices under the case's decision rule, and the minimal blocking coalitions. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { casePower, UnknownIssueError } from '../../deal/power.ts';
import { loadCaseFile } from '../../case/load.ts';
import { asOf } from '../../case/view.ts';
import { CliError } from '../errors.ts';
import { asOfOption, formatOption, parseCount, type OutputFormat } from '../options.ts';
import { analysisAction, emit, withOptions } from './analysis-common.ts';

export function register(program: Command): void {
  const command = program
    .command('power')
    .description("voting power under the case's decision rule: Shapley-Shubik and Banzhaf per actor, and the minimal coalitions that can block a deal")
    .argument('<case>', 'case file (YAML or JSON)');
  withOptions(
    command,
    new Option('--issue <id>', "the issue whose decision rule to use (default: the case's rule)"),
    asOfOption(),
    new Option('--samples <n>', 'random orders beyond 25 actors').argParser(parseCount),
    new Option('--seed <n>', 'seed of the sampling').argParser(parseCount),
    formatOption(),
  ).action((file: string, opts: { issue?: string; asOf?: string; samples?: number; seed?: number; format: OutputFormat }) =>
    analysisAction(async () => {
      let c = await loadCaseFile(file);
      if (opts.asOf) c = asOf(c, opts.asOf);
      let p;
      try {
        p = casePower(c, { issue: opts.issue, samples: opts.samples, seed: opts.seed });
      } catch (e) {
        if (e instanceof UnknownIssueError) throw new CliError(`error: ${e.message}`, 2);
        throw e;
      }
      const rows = p.actors.map((a) => [a.actor, Math.round(a.shapleyShubik * 1000) / 1000, Math.round(a.banzhaf * 1000) / 1000]);
      emit(opts.format, p, {
        title: `Voting power (${p.rule}${p.issue ? `, issue ${p.issue}` : ''}, ${p.method})`,
        sections: [
          { title: 'Power', header: ['actor', 'Shapley-Shubik', 'Banzhaf'], rows },
          { title: 'Minimal blocking coalitions', header: ['coalition'], rows: p.blocking.map((b) => [b.join(' + ')]) },
        ],
        csv: { header: ['actor', 'shapleyShubik', 'banzhaf'], rows },
      });
    }),
  );
}
