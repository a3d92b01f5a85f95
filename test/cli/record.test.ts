/** The forecast record end to end from the CLI: record → verify → resolve → score, and tampering, on each store backend. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { stringify } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setOutlookProducer, type OutlookOptions } from '../../src/record/make.ts';
import { createStore } from '../../src/store/index.ts';
import { describeEachBackend, sampleCase } from '../store/backends.ts';
import { sampleOutlook } from '../record/fixtures.ts';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-record-'));
const caseFile = join(dir, 'talks.yaml');
writeFileSync(caseFile, stringify(sampleCase('talks')));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const calls: OutlookOptions[] = [];
beforeAll(() => setOutlookProducer(async (_c, opts) => (calls.push(opts), sampleOutlook(opts.by, 0.3))));
afterAll(() => setOutlookProducer(undefined));

describeEachBackend('parley record / resolve / score', (backend) => {
  let db = '';
  beforeAll(async () => {
    db = await backend.create();
  });
  afterAll(() => backend.destroy());

  it('records sealed entries of a stored case, verifies and lists them', async () => {
    expect((await runCli('db', 'import', caseFile, '--db', db)).code).toBe(0);
    const r1 = await runCli('record', 'talks', '--question', 'talks-2026', '--by', '2026-06-30', '--as-of', '2025-03-01', '--runs', '500', '--seed', '7', '--db', db);
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    expect(r1.stdout).toMatch(/^recorded entry 1 for question "talks-2026" \(case "talks" revision 1, by 2026-06-30\): agreement 30\.0 % \(compromise\), 2 models\nhash [0-9a-f]{64}\n$/);
    expect(calls.at(-1)).toEqual({ by: '2026-06-30', asOf: '2025-03-01', runs: 500, seed: 7 });
    // The same question again later (text and rule inherited), and a case file as a second question.
    expect((await runCli('record', 'talks', '--question', 'talks-2026', '--by', '2026-06-30', '--db', db)).code).toBe(0);
    const r3 = await runCli('record', caseFile, '--question', 'file-q', '--by', '2026-01-31', '--text', 'Deal by February?', '--db', db);
    expect(r3.stdout).toContain('recorded entry 3 for question "file-q" (case "talks", by 2026-01-31)');

    const v = await runCli('record', 'verify', '--db', db);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^record verify: 3 entries, chain intact; head [0-9a-f]{64}\n$/);
    const list = await runCli('record', 'list', '--db', db, '--format', 'json');
    const { entries } = JSON.parse(list.stdout) as { entries: Array<{ seq: number; hash: string; entry: { question: { id: string; text: string }; case: { revision: number | null; hash: string }; asOf: string | null; prevHash: string } }> };
    expect(entries.map((e) => [e.seq, e.entry.question.id, e.entry.case.revision, e.entry.asOf])).toEqual([
      [1, 'talks-2026', 1, '2025-03-01'],
      [2, 'talks-2026', 1, null],
      [3, 'file-q', null, null],
    ]);
    expect(entries[1].entry.prevHash).toBe(entries[0].hash);
    expect(entries[0].entry.question.text).toBe('Will the parties of "Border talks" reach an agreement by 2026-06-30, and on what terms?');
    expect(entries[2].entry.question.text).toBe('Deal by February?');
    // Same case content, from the store and from the file: the same hash.
    expect(entries[2].entry.case.hash).toBe(entries[0].entry.case.hash);
    const table = await runCli('record', 'list', '--db', db, '--question', 'file-q');
    expect(table.stdout).toMatch(/3 +\S+ +file-q +talks +- +2026-01-31 +30\.0 % compromise/);
  });

  it('refuses a changed question, wrong usage and unknown cases', async () => {
    const text = await runCli('record', 'talks', '--question', 'talks-2026', '--by', '2026-06-30', '--text', 'Another question', '--db', db);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('question "talks-2026" was asked as "Will the parties of "Border talks" reach an agreement by 2026-06-30, and on what terms?"; its text cannot change');
    const by = await runCli('record', 'talks', '--question', 'talks-2026', '--by', '2026-12-31', '--db', db);
    expect(by.stderr).toContain('question "talks-2026" asks about 2026-06-30, not 2026-12-31');
    expect((await runCli('record', 'nope', '--question', 'x', '--by', '2026-06-30', '--db', db)).stderr).toContain('error: no case "nope"');
    expect((await runCli('record', 'talks', '--by', '2026-06-30', '--db', db)).code).toBe(2);
    expect((await runCli('record', 'talks', '--question', 'a b', '--by', '2026-06-30', '--db', db)).code).toBe(2);
    expect((await runCli('record', 'talks', '--question', 'x', '--by', '2026-02-30', '--db', db)).code).toBe(2);
  });

  it('resolve: every problem of a bad file with its line and field; nothing written', async () => {
    const bad = file('bad.json', '{\n  "agreement": 1,\n  "outcome": {"border": 140, "ports": 3},\n  "source": "ftp://example.org/x"\n}\n');
    const r = await runCli('resolve', '--question', 'talks-2026', '--outcome', bad, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:4:13: source: expected an http(s) URL`);
    const r2 = await runCli('resolve', '--question', 'talks-2026', '--outcome', file('bad2.json', '{\n  "agreement": 1,\n  "outcome": {"border": 140, "ports": 3},\n  "source": "https://example.org/x"\n}\n'), '--db', db);
    expect(r2.stderr).toContain('bad2.json:3:25: outcome.border: 140 is outside the scale of issue "border" (0 to 100)');
    expect(r2.stderr).toContain('bad2.json:3:39: outcome.ports: unknown issue "ports" (the question\'s case has: border, troops)');
    const r3 = await runCli('resolve', '--question', 'talks-2026', '--outcome', file('bad3.json', '{"agreement": 2, "outcome": {}, "source": "https://example.org"}'), '--db', db);
    expect(r3.stderr).toContain('agreement: expected 0 (no agreement) or 1 (an agreement)');
    const r4 = await runCli('resolve', '--question', 'nope', '--outcome', bad, '--db', db);
    expect(r4.stderr).toContain('error: no recorded question "nope"');
    expect((await runCli('resolve', '--question', 'talks-2026', '--outcome', join(dir, 'missing.json'), '--db', db)).stderr).toContain('missing.json:0:0: no such file');
    const s = JSON.parse((await runCli('score', '--db', db, '--format', 'json')).stdout) as { questions: Array<{ resolved: boolean }> };
    expect(s.questions.every((q) => !q.resolved)).toBe(true);
  });

  it('resolve once, then score: per model beside the baselines, per case', async () => {
    const good = file('good.yaml', 'agreement: 1\noutcome: {border: 45, troops: 20}\nsource: https://example.org/deal\n');
    const r = await runCli('resolve', '--question', 'talks-2026', '--outcome', good, '--db', db);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^resolved question "talks-2026": agreement 1, 2 issues \(source https:\/\/example.org\/deal\)\nhash [0-9a-f]{64}\n$/);
    expect((await runCli('resolve', '--question', 'talks-2026', '--outcome', good, '--db', db)).stderr).toContain('question "talks-2026" is resolved already');
    expect((await runCli('record', 'talks', '--question', 'talks-2026', '--by', '2026-06-30', '--db', db)).stderr).toContain('is resolved already: forecasts after the outcome is known are not recorded');

    const json = await runCli('score', '--db', db, '--format', 'json');
    expect(json.code).toBe(0);
    const s = JSON.parse(json.stdout) as { models: Array<Record<string, unknown>>; cases: Array<{ case: string; models: unknown[] }>; questions: Array<{ question: string; resolved: boolean; entries: number }> };
    // Both entries of the question carry the same outlook: compromise border U(40, 80) → median 60, |60 − 45| = 15; troops 0; p = .3.
    expect(s.models.map((m) => m.model)).toEqual(['median', 'compromise', 'status-quo']);
    const comp = s.models.find((m) => m.model === 'compromise')!;
    expect(comp).toMatchObject({ n: 1, entries: 2, coverage50: 0.5, coverage90: 1, baseline: true });
    expect(comp.absError as number).toBeCloseTo(7.5, 9);
    expect(comp.brier as number).toBeCloseTo(0.49, 12);
    expect(s.models.find((m) => m.model === 'status-quo')).toMatchObject({ absError: 2.5, crps: 2.5, brier: 1, baseline: true });
    expect(s.cases.map((c) => c.case)).toEqual(['talks']);
    expect(s.questions).toMatchObject([
      { question: 'talks-2026', resolved: true, entries: 2 },
      { question: 'file-q', resolved: false, entries: 1 },
    ]);
    const table = await runCli('score', '--db', db);
    expect(table.stdout).toContain('forecast record: 2 questions, 1 resolved');
    expect(table.stdout).toMatch(/compromise \(baseline\) +1 +2 +7\.50 +\S+ +50 % +100 % +0\.490/);
  });

  it('a tampered entry fails verify, naming it, and the record is not scored', async () => {
    const store = await createStore(db);
    try {
      // The tables refuse changes…
      await expect(sql`update record_entries set body = body where seq = 2`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from record_entries where seq = 3`.execute(store.db)).rejects.toThrow(/append-only/);
      // …until the database's owner drops the guard: then only the chain tells.
      await sql.raw(store.kind === 'postgres' ? 'DROP TRIGGER record_entries_no_update ON record_entries' : 'DROP TRIGGER record_entries_no_update').execute(store.db);
      await sql`update record_entries set body = replace(body, '"agreement":0.3', '"agreement":0.9') where seq = 2`.execute(store.db);
    } finally {
      await store.close();
    }
    const v = await runCli('record', 'verify', '--db', db);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^record verify: FAILED at entry 2 \[question talks-2026\]: content changed: its seal is [0-9a-f]{64} but its content hashes to [0-9a-f]{64}\n$/);
    const s = await runCli('score', '--db', db);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('the record does not verify, so it is not scored: entry 2');
  });
});
