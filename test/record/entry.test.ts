import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/store/hash.ts';
import { EntryError, GENESIS_HASH, checkEntry, entryText, sealEntry, verifyChain, type SealedEntry } from '../../src/record/index.ts';
import { question, sampleDraft } from './fixtures.ts';

function chain(n: number): SealedEntry[] {
  const out: SealedEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(sealEntry({ ...sampleDraft({}, `2025-11-0${i + 1}T10:00:00.000Z`), question: question(`q${i % 2}`) }, out.at(-1) ?? null));
  }
  return out;
}
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('sealing', () => {
  it('the first entry follows 64 zeros, each next one the hash before it; the hash is SHA-256 of the canonical JSON', () => {
    const c = chain(3);
    expect(c[0].entry.prevHash).toBe(GENESIS_HASH);
    expect(c[0].entry.seq).toBe(1);
    expect(c[1].entry.prevHash).toBe(c[0].hash);
    expect(c[2].entry.prevHash).toBe(c[1].hash);
    expect(c[2].entry.seq).toBe(3);
    expect(c[0].hash).toBe(sha256Hex(canonicalJson(c[0].entry)));
    // Canonical: sorted keys, no white space; the same entry built in another key order gives the same bytes.
    const text = entryText(c[0].entry);
    expect(text.startsWith('{"asOf":null,"by":"2026-06-30","case":{"hash":')).toBe(true);
    const reordered = Object.fromEntries(Object.entries(c[0].entry).reverse());
    expect(canonicalJson(reordered)).toBe(text);
    expect(verifyChain(c)).toEqual({ ok: true, count: 3, head: c[2].hash });
  });

  it('the hash is pinned: a change to the canonical form would be caught here', () => {
    const e = sealEntry({ ...sampleDraft(), question: question() }, null);
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex('{"a":1}')).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('refuses an incomplete entry, naming the field', () => {
    const d = { ...sampleDraft(), question: question() };
    const bad = copy(d);
    bad.outlook.models[0].issues[1].quantiles.pop();
    expect(() => sealEntry(bad, null)).toThrow(/outlook\.models\[0\]\.issues\[1\]\.quantiles: 20 quantiles for 21 levels/);
    const inverted = copy(d);
    inverted.outlook.models[1].issues[0].quantiles[3] = 0;
    expect(() => sealEntry(inverted, null)).toThrow(/outlook\.models\[1\]\.issues\[0\]\.quantiles\[3\]: quantiles must not decrease \(0 after 22\)/);
    const nan = copy(d);
    nan.outlook.models[0].agreement = 1.5;
    expect(() => sealEntry(nan, null)).toThrow(EntryError);
    expect(() => sealEntry({ ...d, by: '2026-02-30' }, null)).toThrow(/by: expected a date/);
    expect(() => sealEntry({ ...d, asOf: '2027-01-01' }, null)).toThrow(/asOf: the as-of date 2027-01-01 is after the by date 2026-06-30/);
    expect(() => sealEntry({ ...d, question: { ...d.question, id: 'has space' } }, null)).toThrow(/question\.id/);
    const unknown = copy(d);
    unknown.outlook.models[0].issues[0].issue = 'nope';
    expect(() => checkEntry({ ...unknown, format: 'parley-record/1', seq: 1, prevHash: GENESIS_HASH })).toThrow(/issue "nope" is not an issue of case "talks"/);
  });
});

describe('verifyChain finds the first broken entry', () => {
  it('a changed value: content changed, at that entry', () => {
    const c = copy(chain(4));
    c[2].entry.outlook.models[0].issues[0].quantiles[10] += 0.001;
    const r = verifyChain(c);
    expect(r).toMatchObject({ ok: false, index: 2, seq: 3, question: 'q0', reason: 'content' });
    if (!r.ok) expect(r.message).toMatch(/^entry 3 \[question q0\]: content changed/);
  });

  it('a changed value re-sealed by the tamperer: the link of the next entry breaks', () => {
    const c = copy(chain(4));
    c[1].entry.outlook.models[0].agreement = 0.99;
    c[1].hash = sha256Hex(canonicalJson(c[1].entry));
    expect(verifyChain(c)).toMatchObject({ ok: false, index: 2, reason: 'link' });
  });

  it('a removed entry: the one after the gap is named', () => {
    const c = chain(4);
    const r = verifyChain([c[0], c[1], c[3]]);
    expect(r).toMatchObject({ ok: false, index: 2, seq: 4, reason: 'link' });
    if (!r.ok) expect(r.message).toMatch(/entry 3 \(numbered 4\) \[question q1\]: link broken: .*removed, inserted or reordered/);
    // The first one removed: the new first entry does not start from zeros.
    expect(verifyChain(c.slice(1))).toMatchObject({ ok: false, index: 0, reason: 'link' });
  });

  it('reordered entries', () => {
    const c = chain(4);
    expect(verifyChain([c[0], c[2], c[1], c[3]])).toMatchObject({ ok: false, index: 1, seq: 3, reason: 'link' });
  });

  it('an entry that is no longer an entry, and an unhashable one', () => {
    const c = copy(chain(2));
    const bare = { seq: 2, question: { id: 'q1' } };
    expect(verifyChain([c[0], { hash: sha256Hex(canonicalJson(bare)), entry: bare }])).toMatchObject({ ok: false, index: 1, reason: 'malformed' });
    expect(verifyChain([{ hash: c[0].hash, entry: { f: () => 1 } }])).toMatchObject({ ok: false, index: 0, reason: 'malformed' });
  });

  it('an empty chain verifies, its head the zeros', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
  });
});
