/** The ingest, evidence and score-ingest commands, mounted on a fresh program (as main.ts mounts them). */
import { Command } from 'commander';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerEvidence } from '../../src/cli/commands/evidence.ts';
import { register as registerIngest } from '../../src/cli/commands/ingest.ts';
import { register as registerScore } from '../../src/cli/commands/score-ingest.ts';
import { CliError } from '../../src/cli/errors.ts';

async function run(...args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command('parley').exitOverride();
  registerIngest(program);
  registerEvidence(program);
  registerScore(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

const articles = new URL('./articles/', import.meta.url).pathname;

describe('parley ingest', () => {
  it('prints the JSON contract for a text file with a header', async () => {
    const { out } = await run('ingest', join(articles, 'border-talks.txt'), '--format', 'json');
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['article', 'quotes', 'sources', 'actors', 'dates']);
    expect(json.article).toEqual({ date: '2025-03-14', outlet: 'The Lakeland Herald', title: 'Lakeland and Corvia agree to resume border talks' });
    expect(Object.keys(json.quotes[0])).toEqual(['text', 'start', 'end', 'speaker', 'speakerMention', 'cue', 'partial', 'actor', 'issues']);
    expect(json.sources).toEqual(['Reuters', 'AP']);
  });

  it('reads HTML and prints a table; --date and --outlet override', async () => {
    const { out } = await run('ingest', join(articles, 'headline.html'), '--date', '2025-03-13', '--outlet', 'Herald');
    expect(out).toContain('article: Varga warns of ‘decisive stage’ in talks | Herald | 2025-03-13');
    expect(out).toContain('Helena Varga ("Varga"): "Nobody here wants that."');
  });

  it('reports bad input as a CliError: missing file, binary, wrong options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
    writeFileSync(join(dir, 'bin.dat'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(join(dir, 'empty.txt'), '');
    await expect(run('ingest', join(dir, 'nope.txt'))).rejects.toThrow(new CliError(`${join(dir, 'nope.txt')}: no such file`));
    await expect(run('ingest', join(dir, 'bin.dat'))).rejects.toThrow('this is a binary file');
    await expect(run('ingest', join(dir, 'empty.txt'), '--date', '2025-13-45')).rejects.toThrow('--date');
    await expect(run('ingest', join(dir, 'empty.txt'), '--format', 'xml')).rejects.toThrow('--format must be json or table');
    const { out } = await run('ingest', join(dir, 'empty.txt'), '--format', 'json');
    expect(JSON.parse(out).quotes).toEqual([]);
  });

  it('with --case appends candidates, then evidence lists, accepts and rejects them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
    const file = join(dir, 'case.yaml');
    copyFileSync(new URL('../../examples/tutorial.yaml', import.meta.url), file);
    writeFileSync(join(dir, 'a.txt'), 'Mayor David Okafor said the rise was "the only honest option." "Not a penny more," Tom Hale said.');
    await expect(run('ingest', join(dir, 'a.txt'), '--case', file)).rejects.toThrow(/no date/);
    const { err } = await run('ingest', join(dir, 'a.txt'), '--case', file, '--date', '2026-01-12');
    expect(err).toContain('added 2 candidate evidence items');
    const listed = JSON.parse((await run('evidence', file, '--status', 'candidate', '--format', 'json')).out);
    expect(listed.map((e: { speaker: string }) => e.speaker)).toEqual(['David Okafor', 'Tom Hale']);
    await run('evidence', 'accept', file, listed[0].id);
    await run('evidence', 'reject', file, listed[1].id);
    const text = (await run('evidence', file, '--status', 'candidate')).out;
    expect(text).toBe('no evidence\n');
    expect(readFileSync(file, 'utf8')).toContain('status: accepted');
    await expect(run('evidence', 'accept', file, 'missing-id')).rejects.toThrow('no evidence with id "missing-id"');
    await expect(run('evidence', 'accept', file)).rejects.toThrow('usage: parley evidence accept <case> <id>');
    await expect(run('evidence', file, '--status', 'maybe')).rejects.toThrow('--status must be');
  });
});

describe('parley score-ingest', () => {
  it('refuses a folder without gold/ and articles/', async () => {
    await expect(run('score-ingest', articles)).rejects.toThrow(`${join(articles, 'gold')}: no such folder (expected gold annotations and articles)`);
  });

  it('scores gold and articles kept in separate folders', async () => {
    const { out } = await run('score-ingest', '.', '--gold', 'test/evidence/gold-own', '--articles', 'test/evidence/articles', '--format', 'json');
    const score = JSON.parse(out);
    expect(score.fullQuotes.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.sources.f1).toBeGreaterThanOrEqual(0.9);
    // the date figure is the product's: 57 gold dates on the own set, at least 0.95 right (55), no non-date read
    expect(score.dates.gold).toBe(57);
    expect(score.dates.right).toBeGreaterThanOrEqual(55);
    expect(score.dates.nonDatesReadAsDates).toBe(0);
    expect(score).not.toHaveProperty('errors');
  });

  it('prints the dates row in the table, and date misses with --errors', async () => {
    // Every own date is right now: a copy of the gold with one date moved a day back makes a miss to print.
    const gold = mkdtempSync(join(tmpdir(), 'parley-gold-'));
    cpSync('test/evidence/gold-own', gold, { recursive: true });
    const file = join(gold, 'own-08-interview-nested.json');
    const moved = readFileSync(file, 'utf8').replace('"text": "a day earlier",\n      "resolved": "2025-11-27"', '"text": "a day earlier",\n      "resolved": "2025-11-26"');
    expect(moved).not.toBe(readFileSync(file, 'utf8'));
    writeFileSync(file, moved);
    const { out } = await run('score-ingest', '.', '--gold', gold, '--articles', 'test/evidence/articles', '--errors');
    expect(out).toMatch(/^dates {8}-  .* 57 gold, 56 right at the gold's granularity; 0 of \d+ non-dates read as dates$/m);
    expect(out).toContain('own-08-interview-nested.txt: date-wrong: "a day earlier" expected 2025-11-26 got 2025-11-27');
    rmSync(gold, { recursive: true, force: true });
  });
});
