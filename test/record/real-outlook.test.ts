/** An entry from the real outlook (analysis/outlook.ts) of a small case: complete, sealable, reproducible by its seed. */
import { expect, it } from 'vitest';
import { Case } from '../../src/case/schema.ts';
import { OUTLOOK_LEVELS } from '../../src/analysis/outlook-types.ts';
import { makeEntryDraft } from '../../src/record/make.ts';
import { caseHash, scoreEntry, sealEntry, verifyChain } from '../../src/record/index.ts';
import { sampleCase } from '../store/backends.ts';

it('records every model of the real outlook, the status quo among them, and the same seed gives the same entry', async () => {
  const c = Case.parse(sampleCase('talks'));
  const req = { case: c, revision: 3, by: '2026-06-30', runs: 60, seed: 5, createdAt: '2025-11-01T00:00:00.000Z' };
  const [a, b] = [await makeEntryDraft(req), await makeEntryDraft(req)];
  expect(a).toEqual(b);
  expect(a.case).toMatchObject({ id: 'talks', revision: 3, hash: caseHash(c) });
  expect(a.outlook.levels).toEqual([...OUTLOOK_LEVELS]);
  expect(a.outlook.models.map((m) => m.model)).toEqual(expect.arrayContaining(['compromise', 'status-quo']));
  const e1 = sealEntry({ ...a, question: { id: 'q', text: 't', rule: 'r' } }, null);
  const e2 = sealEntry({ ...b, question: { id: 'q', text: 't', rule: 'r' } }, e1);
  expect(verifyChain([e1, e2]).ok).toBe(true);
  const scores = scoreEntry(e1.entry, { agreement: 0, outcome: { border: 50, troops: 20 }, source: 'https://example.org' });
  for (const s of scores) for (const i of s.issues) expect(Number.isFinite(i.crps) && i.crps >= 0).toBe(true);
}, 60_000);
