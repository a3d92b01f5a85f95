/** `parley show <case>`: the actors × issues matrix (position, salience, red line, evidence count). */
import type { Command } from 'commander';
import { loadCaseFile } from '../../case/load.ts';
import { caseOverview, type CaseOverview } from '../../case/overview.ts';
import { asOf } from '../../case/view.ts';
import { reportErrors } from '../errors.ts';
import { asOfOption, formatOption, type OutputFormat } from '../options.ts';
import { formatNumber, renderCsv, renderTable } from '../table.ts';

export function register(program: Command): void {
  program
    .command('show')
    .description('show a case: for each actor and issue the position, salience, red line and evidence count')
    .argument('<case>', 'case file (YAML or JSON)')
    .addOption(asOfOption())
    .addOption(formatOption())
    .action((file: string, opts: { asOf?: string; format: OutputFormat }) =>
      reportErrors(async () => {
        const full = await loadCaseFile(file);
        const c = opts.asOf ? asOf(full, opts.asOf) : full;
        const ov = caseOverview(c, opts.asOf ?? null);
        if (opts.format === 'json') process.stdout.write(`${JSON.stringify(ov, null, 2)}\n`);
        else if (opts.format === 'csv') process.stdout.write(overviewCsv(ov));
        else process.stdout.write(overviewTable(ov));
      }),
    );
}

const range = (e: { value: number; low?: number; high?: number }) =>
  e.low !== undefined || e.high !== undefined
    ? `${formatNumber(e.value)} (${formatNumber(e.low ?? e.value)}–${formatNumber(e.high ?? e.value)})`
    : formatNumber(e.value);

const redLineText = (rl: CaseOverview['cells'][number]['redLine']) =>
  rl ? `${rl.min !== undefined ? formatNumber(rl.min) : '…'}–${rl.max !== undefined ? formatNumber(rl.max) : '…'}${rl.veto ? ' veto' : ''}` : '';

function overviewTable(ov: CaseOverview): string {
  const actorName = new Map(ov.actors.map((a) => [a.id, a.name]));
  const out: string[] = [`${ov.case.title}${ov.asOf ? ` — as of ${ov.asOf}` : ''}`, ''];
  for (const issue of ov.issues) {
    const anchors = issue.scale.anchors.map((a) => `${formatNumber(a.at)} = ${a.label}`).join('; ');
    out.push(`${issue.title} [${issue.id}] scale ${issue.scale.min}–${issue.scale.max}${issue.scale.unit ? ` ${issue.scale.unit}` : ''}, status quo ${formatNumber(issue.statusQuo)}`);
    if (anchors) out.push(`  ${anchors}`);
    const rows = ov.cells
      .filter((c) => c.issue === issue.id)
      .map((c) => [
        actorName.get(c.actor) ?? c.actor,
        range(c.position),
        range(c.salience),
        redLineText(c.redLine),
        c.evidenceCount,
        c.date ?? '',
        c.uncertain ? '?' : '',
      ]);
    out.push(rows.length ? renderTable(['actor', 'position', 'salience', 'red line', 'evidence', 'dated', 'uncertain'], rows) : '  (no stances)\n');
  }
  return out.join('\n');
}

function overviewCsv(ov: CaseOverview): string {
  const rows = ov.cells.map((c) => [
    c.actor,
    c.issue,
    c.position.value,
    c.position.low,
    c.position.high,
    c.salience.value,
    c.salience.low,
    c.salience.high,
    c.redLine?.min,
    c.redLine?.max,
    c.redLine ? String(c.redLine.veto) : '',
    c.evidenceCount,
    c.date,
  ]);
  return renderCsv(
    ['actor', 'issue', 'position', 'position_low', 'position_high', 'salience', 'salience_low', 'salience_high', 'redline_min', 'redline_max', 'veto', 'evidence', 'date'],
    rows,
  );
}
