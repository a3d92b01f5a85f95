/**
 * Storage benchmark: bytes added per small write on the Ukraine case (SQLite), the database file's size
 * after N writes, and the time to read an old revision (rebuilt from its snapshot and deltas, no cache).
 *
 *   node --import tsx bench/storage.ts                 # 500 single-event writes
 *   node --import tsx bench/storage.ts --writes 200
 *
 * Each write adds one event to the case through `modifyCase`, as a small API write does. The file size is
 * measured after a WAL checkpoint (TRUNCATE), so it is what the database holds, not the log.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadCaseFile } from '../src/case/load.ts';
import type { Case } from '../src/case/schema.ts';
import { createStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { writes: { type: 'string', default: '500' } } });
const writes = Number(values.writes);
if (!(writes >= 1 && writes <= 10_000)) {
  console.error('usage: bench/storage.ts [--writes 1..10000]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-storage-'));
const file = join(dir, 'bench.db');
try {
  const ukraine = await loadCaseFile(new URL('../examples/ukraine-2025.yaml', import.meta.url).pathname);
  const store = await createStore(file);
  const size = async () => {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    return statSync(file).size;
  };
  await store.createCase(ukraine);
  const before = await size();
  const t0 = performance.now();
  for (let n = 0; n < writes; n++) {
    await store.modifyCase(ukraine.id, (c: Case) => void c.events.push({ id: `bench-${n}`, date: '2025-12-01', kind: 'meeting', title: `Round ${n}`, participants: [c.actors[0].id, c.actors[1].id] } as Case['events'][number]));
  }
  const writeMs = (performance.now() - t0) / writes;
  const after = await size();
  const rows = await store.db.selectFrom('case_revisions').select([sql<number>`sum(length(body))`.as('bytes'), sql<number>`count(*)`.as('n'), sql<number>`sum(case when base = revision then 1 else 0 end)`.as('snapshots')]).executeTakeFirstOrThrow();
  const caseBytes = JSON.stringify(ukraine).length;
  await store.close();

  // Reads from a fresh store (no cache): the revision just before a snapshot is the longest chain.
  const fresh = await createStore(file);
  const timeRead = async (revision: number, times = 20) => {
    const ms: number[] = [];
    for (let i = 0; i < times; i++) {
      const s = await createStore(file);
      const t = performance.now();
      await s.getCaseJson(ukraine.id, { revision });
      ms.push(performance.now() - t);
      await s.close();
    }
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)];
  };
  const longest = Math.min(writes + 1, 50);
  const readSnapshot = await timeRead(1);
  const readChain = await timeRead(longest);
  const readLatest = await timeRead(writes + 1);
  await fresh.close();

  console.log(`parley storage: Ukraine case (${caseBytes} bytes of JSON), ${writes} single-event writes on SQLite; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`  database file: ${before} bytes after creating the case, ${after} after the writes`);
  console.log(`  bytes added per write (file):        ${((after - before) / writes).toFixed(0)}`);
  console.log(`  bytes stored per revision (bodies):  ${(Number(rows.bytes) / Number(rows.n)).toFixed(0)} (${rows.n} revisions, ${rows.snapshots} snapshots)`);
  console.log(`  write: ${writeMs.toFixed(2)} ms each (modifyCase, validation included)`);
  console.log(`  read (fresh store, median of 20): revision 1 (snapshot) ${readSnapshot.toFixed(2)} ms, revision ${longest} (snapshot + ${longest - 1} deltas) ${readChain.toFixed(2)} ms, latest (${writes + 1}) ${readLatest.toFixed(2)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
