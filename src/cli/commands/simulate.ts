/** `parley simulate <case> --runs N --seed S`: Monte Carlo over the estimates' ranges, on every core. */
import type { Command } from 'commander';
import { simulate } from '../../analysis/montecarlo.ts';
import { simulationTables } from '../../analysis/tables.ts';
import { loadCaseFile } from '../../case/load.ts';
import { formatOption, type OutputFormat } from '../options.ts';
import { analysisAction, emit, forecastOptions, monteCarloMount, monteCarloOptions, simulateOptionsOf, withOptions, type MonteCarloFlags } from './analysis-common.ts';

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
  const command = program
    .command('simulate')
    .description('Monte Carlo over the uncertainty of every estimate: forecast quantiles, the chance of a deal inside every red line')
    .argument('<case>', 'case file (YAML or JSON)');
  withOptions(command, ...monteCarloOptions(), ...forecastOptions(monteCarloMount), formatOption()).action((file: string, opts: MonteCarloFlags & { format: OutputFormat }) =>
    analysisAction(async () => {
      const c = await loadCaseFile(file);
      const bar = progressBar();
      const ac = new AbortController();
      const onInt = () => ac.abort();
      process.once('SIGINT', onInt);
      try {
        const s = await simulate(c, { ...simulateOptionsOf(opts), onProgress: bar, signal: ac.signal });
        bar.end();
        emit(opts.format, s, simulationTables(s));
      } finally {
        process.off('SIGINT', onInt);
      }
    }),
  );
}
