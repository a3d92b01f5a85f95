/**
 * `parley evidence <case> [--status s]` lists a case's evidence; `parley evidence accept|reject
 * <case> <id>` settles a candidate. Only the status changes; the file keeps its comments and layout.
 * With `--db`, the case is a stored case (its id), and settling one writes a revision.
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
        const head = `${e.id}  [${e.status}] ${e.date} ${e.kind}${e.speaker ? ` — ${e.speaker}` : ''}${e.actor ? ` (${e.actor})` : ''}${e.outlet ? `, ${e.outlet}` : ''}${(e.outlets ?? 1) > 1 ? ` (${e.outlets} independent outlets)` : ''}`;
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
    .option('--db <url>', 'the case is a stored case (its id) in this database (a SQLite file or postgres://…), not a file')
    .option('--author <name>', 'with --db: who made the change', process.env.USER ?? 'cli')
    .action((first: string, second: string | undefined, third: string | undefined, opts: { status?: string; format: string; db?: string; author: string }) => {
      const settle = first === 'accept' || first === 'reject';
      const usage = () => {
        if (settle && (!second || !third)) throw new CliError(`usage: parley evidence ${first} <case> <id>`, 2);
        if (!settle && second !== undefined) throw new CliError(`unexpected argument "${second}": to settle a candidate, use parley evidence accept|reject <case> <id>`, 2);
        if (opts.format !== 'table' && opts.format !== 'json') throw new CliError(`--format must be table or json, not "${opts.format}"`, 2);
        if (opts.status !== undefined && !EvidenceStatus.safeParse(opts.status).success) throw new CliError(`--status must be accepted, candidate or rejected, not "${opts.status}"`, 2);
      };
      const status = first === 'accept' ? 'accepted' : 'rejected';
      const list = (items: Evidence[]) => {
        const shown = opts.status ? items.filter((e) => e.status === opts.status) : items;
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : formatEvidence(shown));
      };
      return reportErrors(async () => {
        usage();
        if (opts.db !== undefined) {
          const { withStore } = await import('../with-store.ts');
          return withStore(opts.db, async (store) => {
            if (!settle) return list((await store.getCase(first)).case.evidence);
            await store.modifyCase(
              second!,
              (cs) => {
                const e = cs.evidence.find((x) => x.id === third);
                if (!e) throw new CliError(`case "${second}" has no evidence "${third}"`, 1);
                e.status = status;
              },
              { author: opts.author, message: `${first}ed evidence ${third}` },
            );
            process.stdout.write(`${second}: evidence ${third} ${status}\n`);
          });
        }
        if (settle) {
          try {
            await setEvidenceStatus(second!, third!, status);
          } catch (e) {
            if (e instanceof EvidenceNotFoundError) throw new CliError(e.message, 1);
            throw e;
          }
          process.stdout.write(`${second}: evidence ${third} ${status}\n`);
          return;
        }
        list((await loadCaseFile(first)).evidence);
      });
    });
}
