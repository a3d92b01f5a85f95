import { describe, expect, it } from 'vitest';
import { summarizeChanges } from '../../src/case/changes.ts';
import { createStore } from '../../src/store/index.ts';
import type { Case } from '../../src/case/schema.ts';
import { parse, twoActors } from '../analysis/cases.ts';

const base = (): Case => parse(twoActors);

describe('summarizeChanges', () => {
  it('names a changed stance by actor and issue, and a new event', () => {
    const prev = base();
    const next = structuredClone(prev);
    next.stances[0].salience = 20;
    next.events.push({ id: 'ev1', date: '2025-01-02', kind: 'meeting', title: 'Meeting', participants: [], evidence: [] });
    expect(summarizeChanges(prev, next)).toEqual(['stances: a/x (2025-01-01) changed', 'events: +ev1']);
  });

  it('counts when more than three items changed, and lists changed top-level fields', () => {
    const prev = base();
    const next = structuredClone(prev);
    next.title = 'Other talks';
    for (let i = 0; i < 5; i++) next.evidence.push({ ...prev.evidence[0], id: `e${i}` });
    next.actors = next.actors.slice(0, 1);
    expect(summarizeChanges(prev, next)).toEqual(['title changed', 'actors: −b', 'evidence: +5']);
    expect(summarizeChanges(null, next)).toEqual(['created']);
    expect(summarizeChanges(prev, structuredClone(prev))).toEqual(['no change']);
  });

  it('the store lists each revision with what changed, across snapshots and deltas', async () => {
    const store = await createStore(':memory:');
    try {
      await store.createCase(base());
      await store.modifyCase('two', (c) => {
        c.stances[2].salience = 90;
      });
      await store.modifyCase('two', (c) => {
        c.issues.push({ ...c.issues[0], id: 'y', title: 'Y' });
      });
      const revs = await store.listRevisions('two', { changes: true });
      expect(revs.map((r) => r.changes)).toEqual([['created'], ['stances: b/x (2025-02-01) changed'], ['issues: +y']]);
      expect((await store.listRevisions('two'))[1].changes).toBeUndefined();
      // Past a snapshot (every 50 revisions) the replay still pairs each revision with the one before.
      for (let i = 0; i < 60; i++) {
        await store.modifyCase('two', (c) => {
          c.stances[0].salience = 10 + i;
        });
      }
      const long = await store.listRevisions('two', { changes: true });
      expect(long).toHaveLength(63);
      expect(long.slice(3).every((r) => r.changes?.join() === 'stances: a/x (2025-01-01) changed')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
