/**
 * `parley explain <input> --model M --actor A`: in words, why actor A moved in each round of model M
 * (the engines' `why` for each move), or, for the one-shot models, how A's stance enters the forecast.
 */
import { Option, type Command } from 'commander';
import { resolveModels } from '../../analysis/forecast.ts';
import type { NashBargain } from '../../engines/nash.ts';
import { CliError } from '../errors.ts';
import { asOfOption } from '../options.ts';
import { formatNumber } from '../table.ts';
import { analysisAction, scenarioOption } from './analysis-common.ts';
import { addModelParamOptions, inputFormatOption, runForecast, type ForecastRun } from './forecast.ts';

/** The explanation, line by line, of `actor` (index) in the run's only result. */
export function explainActor(run: ForecastRun, actor: number, issueFilter?: number): string[] {
  const result = run.results[0];
  const { input } = run;
  const name = input.actors[actor];
  const m = input.issues.length;
  const issues = issueFilter === undefined ? [...Array(m).keys()] : [issueFilter];
  const lines: string[] = [`${name} in the ${result.model} model (${run.case.title}):`];
  if (result.rounds.length <= 1) {
    const bargains = result.rounds[0].bargains as NashBargain[] | undefined;
    for (const k of issues) {
      const x = input.position[actor * m + k];
      const s = input.salience[actor * m + k];
      const stance = s > 0 ? `stands at ${formatNumber(x)} with salience ${formatNumber(100 * s)}` : 'takes no part (salience 0)';
      lines.push(`- ${input.issues[k]}: ${name} ${stance}; the model does not move actors, it forecasts ${formatNumber(result.outcome[k])}.`);
      const b = bargains?.find((x) => x.issue === k);
      if (b) lines.push(`  ${b.coalition.includes(actor) ? `${name} is in the coalition that must gain. ` : ''}${b.why}`);
    }
    return lines;
  }
  for (let t = 1; t < result.rounds.length; t++) {
    const moves = result.rounds[t].moves.filter((mv) => mv.actor === actor && issues.includes(mv.issue));
    if (moves.length === 0) {
      lines.push(`Round ${t}: ${name} did not move${issueFilter === undefined ? '' : ` on ${input.issues[issueFilter]}`} (no offer or exchange made it better off).`);
      continue;
    }
    for (const mv of moves) lines.push(`Round ${t}, ${input.issues[mv.issue]}: ${mv.why}`);
  }
  return lines;
}

/** An actor or issue by id, name or title, case-insensitively. */
function findIndex(kind: string, wanted: string, ids: string[], names: string[]): number {
  const w = wanted.toLowerCase();
  let idx = ids.findIndex((id) => id.toLowerCase() === w);
  if (idx < 0) idx = names.findIndex((n) => n.toLowerCase() === w);
  if (idx < 0) throw new CliError(`error: unknown ${kind} "${wanted}" (known: ${ids.join(', ')})`, 2);
  return idx;
}

export function register(program: Command): void {
  const cmd = program
    .command('explain')
    .description('explain in words why an actor moved in each round of a model')
    .argument('<input>', 'case file (YAML/JSON) or an importable file')
    .addOption(new Option('--model <name>', 'the model to explain').makeOptionMandatory())
    .addOption(new Option('--actor <id>', 'the actor (id or name)').makeOptionMandatory())
    .addOption(new Option('--issue <id>', 'only this issue (id or title)'))
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(inputFormatOption());
  addModelParamOptions(cmd).action((file: string, opts: Record<string, unknown> & { model: string; actor: string; issue?: string }) =>
    analysisAction(async () => {
      resolveModels([opts.model]);
      const run = await runForecast(file, { ...opts, model: [opts.model] });
      const actor = findIndex('actor', opts.actor, run.case.actors.map((a) => a.id), run.case.actors.map((a) => a.name));
      const issue = opts.issue === undefined ? undefined : findIndex('issue', opts.issue, run.case.issues.map((i) => i.id), run.case.issues.map((i) => i.title));
      process.stdout.write(`${explainActor(run, actor, issue).join('\n')}\n`);
    }),
  );
}
