/**
 * `parley forecast <case> --by DATE`: the agreement probability by DATE and, per model and issue, the
 * terms if agreed, the expected outcome and its 50 % / 90 % intervals (docs/agreement.md). The table
 * leads with the probability and how it was reached; `--format json` prints the Outlook itself
 * (top level: the default model; `models`: each), `--format csv` one row per model and issue.
 */
import { Option } from 'commander';
import { forecastOutlook, type Outlook } from '../analysis/outlook.ts';
import { importFileWithParams } from '../formats/index.ts';
import { parseCount, parseIsoDate, type OutputFormat } from './options.ts';
import { formatNumber, renderCsv, renderTable } from './table.ts';

export const byOption = () => new Option('--by <date>', 'the horizon (YYYY-MM-DD): the probability of an agreement by then, the terms if agreed, the expected outcome and its intervals').argParser(parseIsoDate);
export const outlookRunsOption = () => new Option('--runs <n>', 'with --by: Monte Carlo draws (default 2000; the seed is --seed, default 1)').argParser(parseCount);

const pct = (p: number) => (p >= 0.1 ? `${(100 * p).toFixed(0)} %` : p >= 0.001 ? `${(100 * p).toFixed(1)} %` : `${(100 * p).toFixed(2)} %`);
const num = (x: number) => formatNumber(x, 1);
const span = (iv: [number, number]) => `${num(iv[0])} to ${num(iv[1])}`;

/** The outlook as text: the probability, its basis, and one table per model. */
export function outlookTable(o: Outlook, titles: Map<string, string>): string {
  const b = o.agreementBasis as {
    start: string;
    years: number;
    prior: { kind: string; own: boolean; ceiling: number; halfLifeYears: number; derived: boolean; probability: number };
    evidence: { mean: number; everyIssueOpen: number };
    issues: Array<{ issue: string; rule: string; actors: string[]; zoneShare: number | null; medianSlack: number | null; tightestShare: number | null }>;
  };
  const out = [`${o.case.title}: will there be an agreement by ${o.agreement.by}?`, ''];
  out.push(`Probability of an agreement by ${o.agreement.by}: ${pct(o.agreement.probability)}`);
  out.push(
    `  prior ${pct(b.prior.probability)}: ${b.prior.own ? 'the case’s own prior' : `base rate for ${b.prior.kind}`} (ceiling ${pct(b.prior.ceiling)}, half-life ${formatNumber(b.prior.halfLifeYears)} years${b.prior.derived ? ', derived from data' : ', partly assumed'}) over ${formatNumber(b.years, 2)} years from ${b.start}`,
  );
  out.push(`  × red-line evidence ${formatNumber(b.evidence.mean, 3)} (mean over ${o.runs} draws, seed ${o.seed}; a zone of agreement on every joint issue in ${pct(b.evidence.everyIssueOpen)} of draws)`);
  const rows = b.issues.map((i) => [
    titles.get(i.issue) ?? i.issue,
    i.rule === 'single' ? `single: ${i.actors.join(', ')}` : i.rule === 'qualified-majority' ? `QMV of ${i.actors.length}` : i.actors.length ? `veto: ${i.actors.join(', ')}` : 'no binding red line',
    i.zoneShare === null ? 'decided alone' : pct(i.zoneShare),
    i.medianSlack === null ? '' : formatNumber(i.medianSlack, 2),
    i.tightestShare === null ? '' : pct(i.tightestShare),
  ]);
  out.push('', renderTable(['issue', 'who must agree', 'zone in draws', 'median slack', 'tightest in'], rows));
  out.push('  slack: the zone of agreement’s width as a share of the scale (negative: the gap between the closest opposed red lines). docs/agreement.md', '');
  for (const mo of o.models) {
    out.push(`${mo.model}${mo.model === o.model ? ' (default)' : ''}:`);
    out.push(
      renderTable(
        ['issue', 'status quo', 'if agreed', 'expected', '50 % interval', '90 % interval'],
        mo.issues.map((i) => [titles.get(i.issue) ?? i.issue, num(i.statusQuo), num(i.ifAgreed), num(i.expected), span(i.interval50), span(i.interval90)]),
      ),
    );
  }
  out.push('Intervals are of the outcome by the date, agreement or not: with a small probability they sit on the status quo. "If agreed": the median terms should an agreement come.', '');
  return out.join('\n');
}

export function outlookCsv(o: Outlook): string {
  const rows = o.models.flatMap((mo) => mo.issues.map((i) => [mo.model, mo.agreement.by, mo.agreement.probability, i.issue, i.statusQuo, i.ifAgreed, i.expected, i.interval50[0], i.interval50[1], i.interval90[0], i.interval90[1]]));
  return renderCsv(['model', 'by', 'probability', 'issue', 'status_quo', 'if_agreed', 'expected', 'p25', 'p75', 'p05', 'p95'], rows);
}

/** `forecast --by`: the outlook of each input in turn. */
export async function outlookFiles(files: string[], opts: Record<string, unknown> & { format: OutputFormat }): Promise<void> {
  const json: Outlook[] = [];
  for (const file of files) {
    const { case: c } = await importFileWithParams(file, opts.inputFormat as string | undefined);
    const o = await forecastOutlook(c, {
      by: opts.by as string,
      ...(opts.asOf !== undefined ? { asOf: opts.asOf as string } : {}),
      ...(opts.scenario !== undefined ? { scenario: opts.scenario as string } : {}),
      ...(opts.runs !== undefined ? { runs: opts.runs as number } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed as number } : {}),
      ...(opts.model !== undefined ? { models: opts.model as string[] } : {}),
    });
    if (opts.format === 'json') json.push(o);
    else if (opts.format === 'csv') process.stdout.write(outlookCsv(o));
    else process.stdout.write(`${files.length > 1 ? `== ${file} ==\n` : ''}${outlookTable(o, new Map(c.issues.map((i) => [i.id, i.title])))}\n`);
  }
  if (opts.format === 'json') process.stdout.write(`${JSON.stringify(files.length === 1 ? json[0] : json, null, 2)}\n`);
}
