/**
 * `parley power <case>`: Shapley-Shubik and Banzhaf indices under the case's decision rule, the minimal
 * blocking coalitions, and who would block each draft and package.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { powerReport, UnknownIssueError, type BlockingResult, type PowerReport } from '../../deal/power.ts';
import { loadSolver } from '../../deal/solver.ts';
import { loadCaseFile } from '../../case/load.ts';
import { asOf } from '../../case/view.ts';
import type { Case } from '../../case/schema.ts';
import { CliError } from '../errors.ts';
import { asOfOption, formatOption, parseCount, type OutputFormat } from '../options.ts';
import { analysisAction, emit, withOptions } from './analysis-common.ts';
import { caseNames } from './research.ts';

const PACKAGE_TITLE: Record<string, string> = { maxmin: 'package: max-min gain', nash: 'package: Nash product', ks: 'package: Kalai-Smorodinsky' };

/** One line of the "who blocks" table: the draft or package, its opponents and why, whether they block, and the minimal coalitions. */
function blockRows(c: Case, p: PowerReport): Array<Array<string>> {
  const n = caseNames(c);
  const why = (b: BlockingResult) =>
    b.objections
      .map((o) => {
        const lines = o.crosses.length === 1 ? [`red line on ${n.issue(o.crosses[0])}`] : o.crosses.length > 1 ? [`red lines on ${o.crosses.length} issues`] : [];
        return `${n.actor(o.actor)} (${[...lines, ...(o.worseThanStatusQuo ? ['worse off'] : [])].join(', ')})`;
      })
      .join('; ') || 'nobody';
  const row = (what: string, b: BlockingResult) => [what, why(b), b.blocked ? 'yes' : 'no', b.coalitions.map((k) => k.map(n.actor).join(' + ')).join('; ') || '—'];
  return [
    ...p.drafts.map((d) => row(d.title, d)),
    ...p.packages.map((k) => row(PACKAGE_TITLE[k.package] ?? `package: nearest efficient to ${k.package.replace(/^nearest-/, '')}`, k)),
  ];
}

export function register(program: Command): void {
  const command = program
    .command('power')
    .description("voting power under the case's decision rule: Shapley-Shubik and Banzhaf per actor, the minimal coalitions that can block a deal, and who blocks each draft and package")
    .argument('<case>', 'case file (YAML or JSON)');
  withOptions(
    command,
    new Option('--issue <id>', "the issue whose decision rule to use (default: the case's rule)"),
    new Option('--draft <id>', 'only this draft (and the efficient package nearest it) in the "who blocks" table'),
    asOfOption(),
    new Option('--samples <n>', 'random orders beyond 25 actors').argParser(parseCount),
    new Option('--seed <n>', 'seed of the sampling').argParser(parseCount),
    formatOption(),
  ).action((file: string, opts: { issue?: string; draft?: string; asOf?: string; samples?: number; seed?: number; format: OutputFormat }) =>
    analysisAction(async () => {
      let c = await loadCaseFile(file);
      if (opts.asOf) c = asOf(c, opts.asOf);
      let p: PowerReport;
      try {
        p = powerReport(c, await loadSolver(), { issue: opts.issue, draft: opts.draft, samples: opts.samples, seed: opts.seed });
      } catch (e) {
        if (e instanceof UnknownIssueError) throw new CliError(`error: ${e.message}`, 2);
        throw e;
      }
      const n = caseNames(c);
      const rows = p.actors.map((a) => [n.actor(a.actor), Math.round(a.shapleyShubik * 1000) / 1000, Math.round(a.banzhaf * 1000) / 1000]);
      emit(opts.format, p, {
        title: `Voting power (${p.rule}${p.issue ? `, issue ${n.issue(p.issue)}` : ''}, ${p.method})`,
        sections: [
          { title: 'Power', header: ['actor', 'Shapley-Shubik', 'Banzhaf'], rows },
          { title: 'Minimal blocking coalitions', header: ['coalition'], rows: p.blocking.map((b) => [b.map(n.actor).join(' + ')]) },
          {
            title: 'Who blocks each draft and package',
            note: [
              'Against it: an actor whose red line it crosses, or who is worse off than under the status quo (the red lines and stances in force now).',
              ...(p.packagesError ? [`The packages could not be computed: ${p.packagesError}.`] : p.packages.length ? [] : ['No package satisfies every veto holder.']),
            ].join(' '),
            header: ['draft or package', 'against it (why)', 'blocked', 'minimal blocking coalitions'],
            rows: blockRows(c, p),
          },
        ],
        csv: { header: ['actor', 'shapleyShubik', 'banzhaf'], rows: p.actors.map((a) => [a.actor, Math.round(a.shapleyShubik * 1000) / 1000, Math.round(a.banzhaf * 1000) / 1000]) },
      });
    }),
  );
}
