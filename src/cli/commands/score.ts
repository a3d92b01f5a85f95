/**
 * `parley score`: every resolved question of the record scored per model, across cases and per case,
 * beside the status-quo and compromise baselines (docs/record.md "Scores"). A record that does not
 * verify is not scored.
 */
import type { Command } from 'commander';
import type { ModelScore } from '../../record/index.ts';
import { scoreStoredRecord } from '../../store/records.ts';
import { formatOption } from '../options.ts';
import { formatNumber, renderTable } from '../table.ts';
import { dbOption } from './serve.ts';
import { withRecordStore } from './record.ts';

const num = (x: number | null, digits = 2) => (x === null ? '-' : formatNumber(x, digits));
const pct = (x: number | null) => (x === null ? '-' : `${formatNumber(100 * x, 0)} %`);

function table(models: ModelScore[]): string {
  return renderTable(
    ['model', 'questions', 'entries', 'abs error', 'CRPS', '50 % cov.', '90 % cov.', 'Brier'],
    models.map((m) => [`${m.model}${m.baseline ? ' (baseline)' : ''}`, m.n, m.entries, num(m.absError), num(m.crps), pct(m.coverage50), pct(m.coverage90), num(m.brier, 3)]),
  );
}

export function register(program: Command): void {
  program
    .command('score')
    .description('score the recorded forecasts of every resolved question: absolute error, CRPS, 50/90 % coverage, Brier, per model and per case')
    .addOption(dbOption())
    .addOption(formatOption(['table', 'json']))
    .action((opts: { db: string; format: 'table' | 'json' }) =>
      withRecordStore(opts.db, async (store) => {
        const s = await scoreStoredRecord(store);
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
          return;
        }
        const resolved = s.questions.filter((q) => q.resolved).length;
        const out = [`forecast record: ${s.questions.length} question${s.questions.length === 1 ? '' : 's'}, ${resolved} resolved (lower is better but for coverage, which should be near 50 % and 90 %)`, ''];
        if (resolved === 0) out.push('nothing to score yet: resolve a question with parley resolve --question ID --outcome FILE', '');
        else {
          out.push('all cases', table(s.models));
          for (const c of s.cases) out.push(`${c.title} (${c.case}): ${c.questions} question${c.questions === 1 ? '' : 's'}`, table(c.models));
        }
        process.stdout.write(`${out.join('\n')}\n`);
      }),
    );
}
