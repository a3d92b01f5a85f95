/**
 * `parley evidence <case> [--status s]` lists a case's evidence; `parley evidence accept|reject
 * <case> <id>` settles a candidate. Only the status changes; the file keeps its comments and layout.
 */
import type { Command } from 'commander';
import { loadCaseFile } from '../../case/load.ts';
import { EvidenceStatus, type Evidence } from '../../case/schema.ts';
import { EvidenceNotFoundError, setEvidenceStatus } from '../../evidence/index.ts';
import { CliError, reportErrors } from '../errors.ts';

function formatEvidence(items: Evidence[]): string {
  if (!items.length) return 'no evidence\n';
  return (
    items
      .map((e) => {
        const head = `${e.id}  [${e.status}] ${e.date} ${e.kind}${e.speaker ? ` — ${e.speaker}` : ''}${e.actor ? ` (${e.actor})` : ''}${e.outlet ? `, ${e.outlet}` : ''}`;
        const text = e.text.length > 300 ? `${e.text.slice(0, 300)}…` : e.text;
        const issues = e.issues.length ? `\n    issues: ${e.issues.join(', ')}` : '';
        return `${head}\n    "${text.replace(/\s+/g, ' ')}"${issues}`;
      })
      .join('\n') + '\n'
  );
}

export function register(program: Command): void {
  program
    .command('evidence')
    .description('list a case\'s evidence, or accept/reject a candidate: parley evidence <case> [--status candidate] | parley evidence accept|reject <case> <id>')
    .argument('<case-or-action>', 'the case file, or "accept" / "reject"')
    .argument('[case]', 'with accept/reject: the case file')
    .argument('[id]', 'with accept/reject: the evidence id')
    .option('--status <status>', 'only evidence with this status (accepted, candidate, rejected)')
    .option('--format <format>', 'table or json', 'table')
    .action((first: string, second: string | undefined, third: string | undefined, opts: { status?: string; format: string }) =>
      reportErrors(async () => {
        if (first === 'accept' || first === 'reject') {
          if (!second || !third) throw new CliError(`usage: parley evidence ${first} <case> <id>`, 2);
          try {
            await setEvidenceStatus(second, third, first === 'accept' ? 'accepted' : 'rejected');
          } catch (e) {
            if (e instanceof EvidenceNotFoundError) throw new CliError(e.message, 1);
            throw e;
          }
          process.stdout.write(`${second}: evidence ${third} ${first === 'accept' ? 'accepted' : 'rejected'}\n`);
          return;
        }
        if (second !== undefined) throw new CliError(`unexpected argument "${second}": to settle a candidate, use parley evidence accept|reject <case> <id>`, 2);
        if (opts.format !== 'table' && opts.format !== 'json') throw new CliError(`--format must be table or json, not "${opts.format}"`, 2);
        if (opts.status !== undefined && !EvidenceStatus.safeParse(opts.status).success) throw new CliError(`--status must be accepted, candidate or rejected, not "${opts.status}"`, 2);
        const c = await loadCaseFile(first);
        const items = opts.status ? c.evidence.filter((e) => e.status === opts.status) : c.evidence;
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(items, null, 2)}\n` : formatEvidence(items));
      }),
    );
}
