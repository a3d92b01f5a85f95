/** The analysis commands' text tables fitted to the terminal: long text cells wrap, json/csv keep the text whole. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitRowsToWidth, renderText, wrapCell } from '../../src/cli/commands/analysis-common.ts';
import { projectRoot } from '../helpers/reference.ts';
import { runCli } from './run.ts';

describe('wrapCell', () => {
  it('breaks at spaces, and cuts a word longer than the column', () => {
    expect(wrapCell('the army is capped at 600,000', 12)).toEqual(['the army is', 'capped at', '600,000']);
    expect(wrapCell('see https://example.org/a/very/long/path now', 10)).toEqual(['see https:', '//example.', 'org/a/very', '/long/path', 'now']);
    expect(wrapCell('', 10)).toEqual(['']);
  });
});

describe('fitRowsToWidth', () => {
  const header = ['n', 'text', 'note'];
  it('leaves a table that fits as it is', () => {
    const rows = [[1, 'short', 'x']];
    expect(fitRowsToWidth(header, rows, 40)).toBe(rows);
  });

  it('narrows the widest text columns to one width and continues their cells on rows below', () => {
    // Natural widths 1 + 40 + 20 and two gaps of 2 = 65; in 40 columns the text columns share
    // 40 − 1 − 4 = 35: water-filling gives both 17 (17 + 17 ≤ 35 < 18 + 18).
    const rows = [[7, 'Ukraine withdraws from the eastern region', 'a note of twenty ch'], [8, 'short', 'x']];
    const fitted = fitRowsToWidth(header, rows, 40);
    expect(fitted).toEqual([
      [7, 'Ukraine withdraws', 'a note of twenty'],
      ['', 'from the eastern', 'ch'],
      ['', 'region', ''],
      ['', '', ''],
      [8, 'short', 'x'],
    ]);
    const text = renderText({ title: 'T', sections: [{ title: 'S', header, rows }], csv: { header, rows } }, 40);
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(40);
  });

  it('never narrows a column below its header or 16 characters', () => {
    const fitted = fitRowsToWidth(['a long header here', 'b'], [['word '.repeat(10).trim(), 'x']], 10);
    expect(fitted.map((r) => r[0])).toEqual(['word word word', 'word word word', 'word word word', 'word']);
  });
});

describe('parley drafts --diff on the Ukraine case', () => {
  const file = join(projectRoot, 'examples/ukraine-2025.yaml');
  it('fits the terminal (120 columns off a terminal), while JSON and CSV keep the whole text', async () => {
    const r = await runCli('drafts', file, '--diff', 'us-28-point', 'geneva-19-point');
    expect(r.code).toBe(0);
    const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(120);
    const json = JSON.parse((await runCli('drafts', file, '--diff', 'us-28-point', 'geneva-19-point', '--format', 'json')).stdout);
    const longest = json.points.map((p: { textA: string | null }) => p.textA ?? '').sort((a: string, b: string) => b.length - a.length)[0];
    expect(longest.length).toBeGreaterThan(200);
    expect((await runCli('drafts', file, '--diff', 'us-28-point', 'geneva-19-point', '--format', 'csv')).stdout).toContain(longest.includes('"') ? longest.replace(/"/g, '""') : longest);
    // Every word of it is still in the table, on wrapped lines.
    for (const word of longest.split(/\s+/).slice(0, 30)) expect(r.stdout).toContain(word);
  });
});
