/**
 * `parley packages <case>`: across all issues, the packages every veto holder's red lines admit (max-min
 * gain, Nash product, Kalai-Smorodinsky), the Pareto frontier, and the nearest efficient package to a
 * draft; `--out` writes the case with the packages added as drafts, for `parley drafts`.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { caseView } from '../../analysis/forecast.ts';
import { loadCaseFile } from '../../case/load.ts';
import { caseToJson, caseToYaml } from '../../case/write.ts';
import type { Case } from '../../case/schema.ts';
import { DealError, latestCaseDate, packagesReport, type Package } from '../../deal/packages.ts';
import { loadSolver } from '../../deal/solver.ts';
import { CliError } from '../errors.ts';
import { asOfOption, formatOption, parseCount, type OutputFormat } from '../options.ts';
import { analysisAction, emit, scenarioOption, withOptions } from './analysis-common.ts';

const KIND_TITLE: Record<Package['kind'], string> = { maxmin: 'max-min gain', nash: 'Nash product', ks: 'Kalai-Smorodinsky', nearest: 'nearest efficient' };

export function register(program: Command): void {
  const command = program
    .command('packages')
    .description("packages across all issues inside every veto holder's red lines: max-min gain, Nash product, Kalai-Smorodinsky, the Pareto frontier")
    .argument('<case>', 'case file (YAML or JSON)');
  withOptions(
    command,
    asOfOption(),
    scenarioOption(),
    new Option('--draft <id>', 'also the efficient package nearest this draft (every actor at least as well off)'),
    new Option('--points <n>', 'frontier points (default 21)').argParser(parseCount),
    new Option('--seed <n>', 'seed of the frontier weights for more than two actors').argParser(parseCount),
    new Option('--out <file>', 'write the case with the packages added as drafts (.yaml or .json)'),
    formatOption(['table', 'json']),
  ).action((file: string, opts: { asOf?: string; scenario?: string; draft?: string; points?: number; seed?: number; out?: string; format: OutputFormat }) =>
    analysisAction(async () => {
      const original = await loadCaseFile(file);
      const c = caseView(original, { asOf: opts.asOf, scenario: opts.scenario });
      const solver = await loadSolver();
      let data: ReturnType<typeof packagesReport>;
      try {
        data = packagesReport(c, solver, { points: opts.points, seed: opts.seed, draft: opts.draft, date: opts.asOf ?? latestCaseDate(original) });
      } catch (e) {
        if (e instanceof DealError) throw new CliError(`error: ${e.message}`, 1);
        throw e;
      }
      const { packages, drafts } = data;
      if (opts.out) {
        const taken = new Set(original.drafts.map((d) => d.id));
        const clash = drafts.find((d) => taken.has(d.id));
        if (clash) throw new CliError(`error: the case already has a draft "${clash.id}"; remove it first`, 1);
        const out: Case = { ...original, drafts: [...original.drafts, ...drafts] };
        await writeFile(opts.out, opts.out.endsWith('.json') ? caseToJson(out) : caseToYaml(out));
      }
      const actorName = new Map(c.actors.map((a) => [a.id, a.name]));
      const issueTitle = new Map(c.issues.map((i) => [i.id, i.title]));
      const valueRows = c.issues.map((i) => [i.title, ...packages.map((p) => p.values[i.id])]);
      emit(opts.format, data, {
        csv: { header: ['issue', ...packages.map((p) => p.kind)], rows: valueRows },
        title: data.feasible
          ? `Packages inside every veto holder's red lines (${data.actors.map((a) => actorName.get(a) ?? a).join(', ')})`
          : `No package satisfies every veto holder: the red lines leave no common value on ${data.emptyIssues.map((i) => issueTitle.get(i) ?? i).join(', ') || 'the issues together'}`,
        sections: packages.length
          ? [
              { title: 'Values', header: ['issue', ...packages.map((p) => KIND_TITLE[p.kind])], rows: valueRows },
              { title: 'Gain over the status quo', header: ['actor', ...packages.map((p) => KIND_TITLE[p.kind])], rows: data.actors.map((a) => [actorName.get(a) ?? a, ...packages.map((p) => Math.round((p.gains[a] ?? 0) * 10000) / 10000)]) },
            ]
          : [],
      });
      if (opts.out && opts.format !== 'json') process.stderr.write(`wrote ${opts.out} with ${drafts.length} generated draft(s)\n`);
    }),
  );
}
