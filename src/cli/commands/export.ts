/** `parley export <input> --to FORMAT`: a case file or any importable format, written in another format. */
import { Option, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { caseToJson, caseToYaml } from '../../case/write.ts';
import { exporters, importFile, importers } from '../../formats/index.ts';
import { reportErrors } from '../errors.ts';

export function register(program: Command): void {
  const formats = ['yaml', 'json', ...exporters.map((e) => e.name)];
  program
    .command('export')
    .description('convert a case file or an imported format (KTAB, decide, BDM, DEU) to YAML, JSON, KTAB CSV or decide CSV')
    .argument('<input>', 'case file or any importable format')
    .addOption(new Option('--to <format>', 'output format').choices(formats).makeOptionMandatory())
    .addOption(new Option('--input-format <format>', 'input format (default: detected)').choices(importers.map((i) => i.name)))
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action((file: string, opts: { to: string; inputFormat?: string; out?: string }) =>
      reportErrors(async () => {
        const c = await importFile(file, opts.inputFormat);
        const text =
          opts.to === 'yaml' ? caseToYaml(c) : opts.to === 'json' ? caseToJson(c) : exporters.find((e) => e.name === opts.to)!.write(c);
        if (opts.out) await writeFile(opts.out, text);
        else process.stdout.write(text);
      }),
    );
}
