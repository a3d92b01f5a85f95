/**
 * The evidence library's filters, each on its own (issue 12 item 7): dropping the `actor`, `status`
 * or `to` condition from `listEvidence` must fail here. Dates are inclusive at both ends.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/index.ts';
import { describeEachBackend, sampleCase } from './backends.ts';

describeEachBackend('evidence library filters', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await createStore(await backend.create());
    const c = sampleCase('filters') as ReturnType<typeof sampleCase> & { evidence: Array<Record<string, unknown>> };
    c.evidence.push({ id: 'q3', kind: 'quote', text: 'The south will not move.', speaker: 'S. Minister', actor: 'south', date: '2025-03-15', issues: ['border'], status: 'candidate' });
    await store.createCase(c);
  });
  afterAll(async () => {
    await store?.close();
    await backend.destroy();
  });
  const ids = async (q: Parameters<Store['listEvidence']>[0]) => (await store.listEvidence(q)).items.map((e) => e.id);

  it('all three items without a filter', async () => {
    expect(await ids({})).toEqual(['q1', 'q2', 'q3']);
  });

  it('actor', async () => {
    expect(await ids({ actor: 'south' })).toEqual(['q3']);
    expect(await ids({ actor: 'north' })).toEqual(['q1', 'q2']);
    expect(await ids({ actor: 'nobody' })).toEqual([]);
  });

  it('status', async () => {
    expect(await ids({ status: 'candidate' })).toEqual(['q3']);
    expect(await ids({ status: 'accepted' })).toEqual(['q1', 'q2']);
  });

  it('to (inclusive), and from with to', async () => {
    expect(await ids({ to: '2025-02-28' })).toEqual(['q1', 'q2']);
    expect(await ids({ to: '2025-02-27' })).toEqual(['q1']);
    expect(await ids({ from: '2025-02-28', to: '2025-02-28' })).toEqual(['q2']);
  });

  it('filters combine (and)', async () => {
    expect(await ids({ actor: 'north', to: '2025-01-31' })).toEqual(['q1']);
    expect(await ids({ actor: 'south', status: 'accepted' })).toEqual([]);
    expect((await store.listEvidence({ actor: 'north', status: 'accepted' })).total).toBe(2);
  });
});
