/** `parley research <case>`: the estimates worth researching next (large swing, thin evidence), ranked. */
import { Option, type Command } from 'commander';
import { research, type ResearchReport } from '../../analysis/research.ts';
import { ID_NAMES, type Names, type Tabular } from '../../analysis/tables.ts';
import type { Case } from '../../case/schema.ts';
import { loadCaseFile } from '../../case/load.ts';
import { formatOption, parseCount, type OutputFormat } from '../options.ts';
import { analysisAction, emit, forecastOptions, forecastOptionsOf, withOptions, type ForecastFlags } from './analysis-common.ts';

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Actor names and issue titles of a case, as the forecast and packages tables show them (JSON and CSV keep ids). */
export function caseNames(c: Pick<Case, 'actors' | 'issues'>): Names {
  const actors = new Map(c.actors.map((a) => [a.id, a.name]));
  const issues = new Map(c.issues.map((i) => [i.id, i.title]));
  return { actor: (id) => actors.get(id) ?? id, issue: (id) => issues.get(id) ?? id };
}

export function researchTables(r: ResearchReport, top: number, names: Names = ID_NAMES): Tabular {
  const rows = r.items.slice(0, top);
  return {
    title: `Research next: ${r.case.title}${r.asOf ? ` (as of ${r.asOf})` : ''}`,
    sections: [
      {
        title: 'Estimates that move the forecast most and are least well evidenced',
        note: 'score = swing (% of scale, mean over models) × gap; gap = widening factor ÷ (1 + evidence that counts). docs/evidence.md "Reliability".',
        header: ['#', 'actor', 'issue', 'field', 'range', 'swing %', 'evidence', 'grades', 'outlets', 'gap', 'score'],
        rows: rows.map((i) => [i.rank, names.actor(i.actor), i.issue === null ? '(overall)' : names.issue(i.issue), i.field, `${r2(i.low)}–${r2(i.high)}`, r2(i.swingPercent), `${i.counted}/${i.cited}`, i.grades.join(' ') || '-', i.outlets ?? '?', r2(i.gap), r2(i.score)]),
      },
    ],
    csv: {
      header: ['rank', 'actor', 'issue', 'field', 'value', 'low', 'high', 'swing_percent', 'counted', 'cited', 'outlets', 'grades', 'factor', 'gap', 'score'],
      rows: r.items.map((i) => [i.rank, i.actor, i.issue ?? '', i.field, i.value, i.low, i.high, i.swingPercent, i.counted, i.cited, i.outlets ?? '', i.grades.join(' '), i.factor, i.gap, i.score]),
    },
  };
}

export function register(program: Command): void {
  const command = program
    .command('research')
    .description('research next: the estimates that move the forecast most and are least well evidenced, ranked')
    .argument('<case>', 'case file (YAML or JSON)')
    .addOption(new Option('--top <n>', 'rows in the table').argParser(parseCount).default(10));
  withOptions(command, ...forecastOptions(), formatOption())
    .action((file: string, opts: ForecastFlags & { top: number; format: OutputFormat }) =>
      analysisAction(async () => {
        const c = await loadCaseFile(file);
        const r = research(c, forecastOptionsOf(opts));
        emit(opts.format, r, researchTables(r, opts.top, caseNames(c)));
      }),
    );
}
