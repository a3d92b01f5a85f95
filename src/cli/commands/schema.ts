/** `parley schema [--out file]`: the JSON Schema of case files, for editor completion and checks. */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { caseJsonSchemaText } from '../../case/json-schema.ts';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of case files (or write it with --out)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (opts: { out?: string }) => {
      const text = caseJsonSchemaText();
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    });
}
