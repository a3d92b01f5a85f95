import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/load.ts';
import { importText } from '../../src/formats/index.ts';
import { runCli } from './run.ts';

describe('parley export', () => {
  it('writes a case as YAML that loads back to the same case', async () => {
    const r = await runCli('export', 'examples/tutorial.yaml', '--to', 'yaml');
    expect(r.code).toBe(0);
    const back = parseCase(r.stdout, 'out.yaml');
    const json = await runCli('export', 'examples/tutorial.yaml', '--to', 'json');
    expect(JSON.parse(json.stdout)).toEqual(back);
  });

  it('writes KTAB CSV and decide CSV that the importers read back', async () => {
    const ktab = await runCli('export', 'examples/tutorial.yaml', '--to', 'ktab-csv');
    expect(ktab.code).toBe(0);
    const fromKtab = importText(ktab.stdout, 'out.csv', 'ktab-csv');
    expect(fromKtab.actors.map((a) => a.name)).toEqual(['Millbrook Greens', "Ratepayers' Association", 'Millbrook Labour', 'Mayor of Millbrook']);
    const decide = await runCli('export', 'examples/tutorial.yaml', '--to', 'decide');
    expect(decide.code).toBe(0);
    expect(importText(decide.stdout, 'out.csv', 'decide').issues).toHaveLength(3);
  });

  it('exit 2 without --to or with an unknown format; exit 1 for a missing file', async () => {
    expect((await runCli('export', 'examples/tutorial.yaml')).code).toBe(2);
    expect((await runCli('export', 'examples/tutorial.yaml', '--to', 'pdf')).code).toBe(2);
    const missing = await runCli('export', 'nope.yaml', '--to', 'json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yaml:0:0: no such file');
  });
});
