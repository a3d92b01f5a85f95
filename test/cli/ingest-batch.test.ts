/** `parley ingest a b dir/ --case C`: many articles in one process; one bad article does not stop the others. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSources } from '../../src/cli/commands/ingest.ts';
import { runCli } from './run.ts';

const articles = new URL('../evidence/articles/', import.meta.url).pathname;

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-batch-'));
  mkdirSync(join(dir, 'news'));
  // Copied in reverse name order, to show that a folder is read in name order, not creation order.
  copyFileSync(join(articles, 'headline.html'), join(dir, 'news/b-headline.html'));
  copyFileSync(join(articles, 'border-talks.txt'), join(dir, 'news/a-border-talks.txt'));
  writeFileSync(join(dir, 'news/notes.json'), '{}'); // not an article file: left out
  mkdirSync(join(dir, 'news/sub'));
  writeFileSync(join(dir, 'news/sub/c.txt'), 'ignored: folders are not read recursively');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 0]));
  mkdirSync(join(dir, 'empty'));
  return dir;
}

describe('parley ingest with many articles', () => {
  it('expands a folder to its article files in name order, and keeps files, URLs and - as given', async () => {
    const dir = workspace();
    expect(await expandSources([join(dir, 'news'), 'https://example.org/a', '-', join(dir, 'missing.txt'), join(dir, 'empty')])).toEqual([
      { source: join(dir, 'news/a-border-talks.txt') },
      { source: join(dir, 'news/b-headline.html') },
      { source: 'https://example.org/a' },
      { source: '-' },
      { source: join(dir, 'missing.txt') },
      { source: join(dir, 'empty'), error: `${join(dir, 'empty')}: a folder without article files (.txt, .html, .htm, .md)` },
    ]);
  });

  it('prints a JSON array with each source; reports each bad input and still ingests the others (exit 1)', async () => {
    const dir = workspace();
    const r = await runCli('ingest', join(dir, 'binary.txt'), join(dir, 'news'), join(dir, 'missing.txt'), '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Array<{ source: string; article: { title: string }; sources: string[] }>;
    expect(json.map((a) => a.source)).toEqual([join(dir, 'news/a-border-talks.txt'), join(dir, 'news/b-headline.html')]);
    expect(json[0].article.title).toBe('Lakeland and Corvia agree to resume border talks');
    expect(json[0].sources).toEqual(['Reuters', 'AP']);
    expect(r.stderr.split('\n')).toEqual([
      `${join(dir, 'binary.txt')}: this is a binary file, not article text or HTML`,
      `${join(dir, 'missing.txt')}: no such file`,
      '2 of 4 articles could not be ingested (above)',
      '',
    ]);
  });

  it('with --case appends the quotes of every article, each checked against the case as the previous left it', async () => {
    const dir = workspace();
    const file = join(dir, 'case.yaml');
    copyFileSync(new URL('../../examples/tutorial.yaml', import.meta.url), file);
    // The same article twice: its quotes are added once, the second time they are "already in the case".
    const r = await runCli('ingest', join(dir, 'news'), join(dir, 'news/a-border-talks.txt'), '--case', file, '--date', '2026-01-12');
    expect(r.code).toBe(0);
    const added = [...r.stderr.matchAll(/: added (\d+) candidate evidence items? to .*?(?: \((\d+) already in the case\))?$/gm)].map((m) => [Number(m[1]), Number(m[2] ?? 0)]);
    expect(added).toHaveLength(3);
    expect(added[0][0]).toBeGreaterThan(0);
    expect(added[2]).toEqual([0, added[0][0]]);
    expect(r.stdout.match(/^== /gm)).toHaveLength(3);
    const listed = JSON.parse((await runCli('evidence', file, '--status', 'candidate', '--format', 'json')).stdout) as Array<{ id: string }>;
    expect(listed).toHaveLength(added[0][0] + added[1][0]);
    expect(new Set(listed.map((e) => e.id)).size).toBe(listed.length);
    expect(readFileSync(file, 'utf8')).toContain('status: candidate');
  });

  it('one article keeps the single-article output (a JSON object, not an array)', async () => {
    const r = await runCli('ingest', join(articles, 'border-talks.txt'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(false);
  });
});
