/**
 * What the analysis commands (zopa, drafts, simulate, sensitivity, scenarios, timeline, report)
 * share: their common options, declared once, the errors users cause turned into messages, and
 * the output in the three formats (the tables come from src/analysis/tables.ts, as the report's do).
 */
import { Option } from 'commander';
import { UnknownModelError } from '../../analysis/forecast.ts';
import { UnknownDraftError } from '../../analysis/drafts.ts';
import { SimulationCancelled } from '../../analysis/montecarlo.ts';
import type { Tabular } from '../../analysis/tables.ts';
import { UnknownScenarioError } from '../../case/view.ts';
import { CliError, reportErrors } from '../errors.ts';
import type { OutputFormat } from '../options.ts';
import { renderCsv, renderTable } from '../table.ts';

export const modelOption = () =>
  new Option('--model <name...>', 'models to run (repeatable; "all" for every model; default: all)').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), ...v.split(',').filter(Boolean)]);
export const scenarioOption = () => new Option('--scenario <id>', "apply one of the case's scenarios first");
export const againstOption = () =>
  new Option('--against <lines>', "check each draft against the red lines of its own date, or against the latest ones (would the old text pass today?)").choices(['draft-date', 'latest']).default('draft-date');

/**
 * Run a command body; unknown models, scenarios and drafts and out-of-range options become exit-2
 * messages, a cancelled simulation (Ctrl-C) an exit-1 message.
 */
export function analysisAction<T>(body: () => Promise<T>): Promise<T> {
  return reportErrors(async () => {
    try {
      return await body();
    } catch (e) {
      if (e instanceof SimulationCancelled) throw new CliError('\nsimulation cancelled', 1);
      if (e instanceof UnknownModelError || e instanceof UnknownScenarioError || e instanceof UnknownDraftError || e instanceof RangeError) throw new CliError(`error: ${e.message}`, 2);
      throw e;
    }
  });
}

/** Write a report: JSON as computed, or its tables as text or CSV. */
export function emit(format: OutputFormat, data: unknown, tables: Tabular): void {
  if (format === 'json') process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else if (format === 'csv') process.stdout.write(renderCsv(tables.csv.header, tables.csv.rows));
  else process.stdout.write(renderText(tables));
}

export function renderText(t: Tabular): string {
  const out = [t.title, ''];
  for (const s of t.sections) {
    out.push(s.title);
    if (s.note) out.push(s.note);
    out.push(s.rows.length ? renderTable(s.header, s.rows) : '(none)\n');
  }
  return out.join('\n');
}
