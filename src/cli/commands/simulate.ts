/** `parley simulate <case> --runs N --seed S`: Monte Carlo over the estimates' ranges, on every core. */
import { Option, type Command } from 'commander';
import { simulate } from '../../analysis/montecarlo.ts';
import { distributionNames, type DistributionName } from '../../analysis/distributions.ts';
import { simulationTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { asOfOption, formatOption, parseCount, type OutputFormat } from '../options.ts';
import { analysisAction, emit, modelOption, scenarioOption } from './analysis-common.ts';

/** A one-line progress bar redrawn on a terminal's stderr (nothing when stderr is not a terminal). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) & { end: () => void } {
  const tty = stream.isTTY === true;
  const start = performance.now();
  const draw = (done: number, total: number) => {
    if (!tty) return;
    const width = 30;
    const filled = Math.round((width * done) / total);
    const secs = (performance.now() - start) / 1000;
    stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.floor((100 * done) / total)}% ${done}/${total} runs ${secs.toFixed(1)} s`);
  };
  return Object.assign(draw, { end: () => { if (tty) stream.write('\n'); } });
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('Monte Carlo over the uncertainty of every estimate: forecast quantiles, the chance of a deal inside every red line')
    .argument('<case>', 'case file (YAML or JSON)')
    .addOption(new Option('--runs <n>', 'number of runs').argParser(parseCount).default(1000))
    .addOption(new Option('--seed <s>', 'random seed (same seed, same numbers)').argParser(parseCount).default(1))
    .addOption(new Option('--workers <k>', 'worker threads (default: every core; 1: none)').argParser(parseCount))
    .addOption(new Option('--distribution <name>', "each estimate's distribution over its range").choices(distributionNames).default('triangular'))
    .option('--rounds <n>', 'rounds for the iterative models', parseCount)
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(scenarioOption())
    .addOption(formatOption())
    .action((file: string, opts: { runs: number; seed: number; workers?: number; distribution: DistributionName; rounds?: number; model?: string[]; asOf?: string; scenario?: string; format: OutputFormat }) =>
      analysisAction(async () => {
        const c = await loadCaseFile(file);
        const bar = progressBar();
        const ac = new AbortController();
        const onInt = () => ac.abort();
        process.once('SIGINT', onInt);
        try {
          const s = await simulate(c, {
            runs: opts.runs,
            seed: opts.seed,
            workers: opts.workers,
            distribution: opts.distribution,
            models: opts.model,
            asOf: opts.asOf,
            scenario: opts.scenario,
            ...(opts.rounds !== undefined ? { rounds: opts.rounds } : {}),
            onProgress: bar,
            signal: ac.signal,
          });
          bar.end();
          emit(opts.format, s, simulationTables(s));
        } finally {
          process.off('SIGINT', onInt);
        }
      }),
    );
}
