/** Candidate evidence written into case files: layout kept, deduplicated, validated, atomic; accept/reject. */
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFileError, loadCaseFile, parseCase } from '../../src/case/load.ts';
import { appendEvidence, candidatesFromIngest, ingestArticle, setEvidenceStatus, EvidenceNotFoundError } from '../../src/evidence/index.ts';

const tutorial = new URL('../../examples/tutorial.yaml', import.meta.url);
const article = `MILLBROOK — Mayor David Okafor said on Monday that the property tax rise was "the only honest option."

"We cannot run buses on promises," Okafor told the council.

Tom Hale, the Ratepayers' leader, said his group would block any council tax rise above 2 %. "Not a penny more," he said.`;

function copyOfTutorial(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-evidence-'));
  const file = join(dir, 'case.yaml');
  copyFileSync(tutorial, file);
  return file;
}

describe('candidatesFromIngest', () => {
  it('turns quotes into dated candidate evidence linked to actors and issues', async () => {
    const c = await loadCaseFile(tutorial.pathname);
    const r = ingestArticle({ text: article, date: '2026-01-12', outlet: 'Millbrook Post', url: 'https://example.org/a' }, { case: c });
    const items = candidatesFromIngest(r, c);
    expect(items.map((e) => [e.text, e.speaker, e.actor, e.status, e.date])).toEqual([
      ['the only honest option.', 'David Okafor', 'mayor', 'candidate', '2026-01-12'],
      ['We cannot run buses on promises', 'David Okafor', 'mayor', 'candidate', '2026-01-12'],
      ['Not a penny more', 'Tom Hale', 'ratepayers', 'candidate', '2026-01-12'],
    ]);
    expect(items[0].issues).toContain('property-tax');
    expect(items.every((e) => e.kind === 'quote' && e.outlet === 'Millbrook Post' && e.url === 'https://example.org/a')).toBe(true);
    expect(new Set(items.map((e) => e.id)).size).toBe(3);
  });

  it('needs a date', async () => {
    const c = await loadCaseFile(tutorial.pathname);
    expect(() => candidatesFromIngest(ingestArticle({ text: article }, { case: c }), c)).toThrow(/no date/);
  });
});

describe('appendEvidence and setEvidenceStatus', () => {
  it('appends candidates after the existing evidence, keeping every other byte, and deduplicates', async () => {
    const file = copyOfTutorial();
    const before = readFileSync(file, 'utf8');
    const c = await loadCaseFile(file);
    const r = ingestArticle({ text: article, date: '2026-01-12' }, { case: c });
    await appendEvidence(file, candidatesFromIngest(r, c));
    const after = readFileSync(file, 'utf8');
    // the original text survives: comments, flow mappings and folded strings included
    const inserted = after.length - before.length;
    expect(inserted).toBeGreaterThan(0);
    let i = 0;
    while (before[i] === after[i]) i++;
    expect(before.slice(i)).toBe(after.slice(i + inserted));
    expect(after).toContain('# yaml-language-server');
    const updated = parseCase(after, file);
    expect(updated.evidence.filter((e) => e.status === 'candidate')).toHaveLength(3);
    expect(updated.stances).toEqual(c.stances); // estimates never change
    // a second ingest of the same article adds nothing
    const again = candidatesFromIngest(ingestArticle({ text: article, date: '2026-01-12' }, { case: updated }), updated);
    expect(again).toEqual([]);
  });

  it('creates the evidence list when the case has none, and replaces an empty flow list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-evidence-'));
    const base = parseCase(readFileSync(tutorial, 'utf8'));
    const minimal = `# a minimal case\nid: m\ntitle: M\nactors:\n  - { id: a, name: A, kind: state, capability: 1 }\nissues:\n  - { id: i, title: I, statusQuo: 0 }\n`;
    const item = { id: 'ev-x', kind: 'quote' as const, text: 'x', date: '2026-01-01', issues: [], status: 'candidate' as const };
    for (const [name, text] of [['none.yaml', minimal], ['empty.yaml', `${minimal}evidence: []\n`]]) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const c = await appendEvidence(file, [item]);
      expect(c.evidence.map((e) => e.id)).toEqual(['ev-x']);
      expect(readFileSync(file, 'utf8').startsWith(minimal)).toBe(true);
    }
    expect(base.id).toBe('millbrook-budget-2026');
  });

  it('accepts and rejects by id, changing only the status', async () => {
    const file = copyOfTutorial();
    const c = await loadCaseFile(file);
    await appendEvidence(file, candidatesFromIngest(ingestArticle({ text: article, date: '2026-01-12' }, { case: c }), c));
    const withCandidates = await loadCaseFile(file);
    const [first, second] = withCandidates.evidence.filter((e) => e.status === 'candidate');
    await setEvidenceStatus(file, first.id, 'accepted');
    await setEvidenceStatus(file, second.id, 'rejected');
    const settled = await loadCaseFile(file);
    expect(settled.evidence.find((e) => e.id === first.id)).toEqual({ ...first, status: 'accepted' });
    expect(settled.evidence.find((e) => e.id === second.id)?.status).toBe('rejected');
    // an item written without a status (accepted by default) gets one line added
    const plain = settled.evidence.find((e) => !readFileSync(file, 'utf8').includes(`id: ${e.id}\n    kind`) && e.status === 'accepted');
    if (plain) {
      await setEvidenceStatus(file, plain.id, 'rejected');
      expect((await loadCaseFile(file)).evidence.find((e) => e.id === plain.id)?.status).toBe('rejected');
    }
    await expect(setEvidenceStatus(file, 'no-such-id', 'accepted')).rejects.toThrow(EvidenceNotFoundError);
  });

  it('refuses to write an invalid result and leaves the file untouched', async () => {
    const file = copyOfTutorial();
    const before = readFileSync(file, 'utf8');
    const bad = { id: 'ev-bad', kind: 'quote' as const, text: 'x', date: '2026-01-01', issues: ['no-such-issue'], status: 'candidate' as const };
    await expect(appendEvidence(file, [bad])).rejects.toThrow(CaseFileError);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(join(file, '..'))).toEqual(['case.yaml']); // no temporary file left behind
  });
});
