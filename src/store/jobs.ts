/**
 * Durable background jobs in the store (tables jobs and job_chunks, migration 0006): a job's kind,
 * parameters, status, progress and result, and the chunks of its work already finished, so that a
 * restarted server resumes it under the same id from the last stored chunk (docs/jobs.md). Works on
 * SQLite and PostgreSQL through the same queries.
 */
import { sql, type Kysely } from 'kysely';

export type StoredJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface StoredJob {
  id: string;
  kind: string;
  params: unknown;
  status: StoredJobStatus;
  progress: number;
  chunks: number;
  result: unknown;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface JobRow {
  id: string;
  kind: string;
  params: string;
  status: string;
  progress: number;
  chunks: number;
  result: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const toJob = (r: JobRow): StoredJob => ({
  id: r.id,
  kind: r.kind,
  params: JSON.parse(r.params),
  status: r.status as StoredJobStatus,
  progress: Number(r.progress),
  chunks: Number(r.chunks),
  result: r.result === null ? undefined : JSON.parse(r.result),
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** The case a job's parameters name (`caseId`), if one. */
export const caseIdOf = (params: unknown): string | undefined =>
  typeof params === 'object' && params !== null && typeof (params as { caseId?: unknown }).caseId === 'string' ? (params as { caseId: string }).caseId : undefined;

export class JobStore {
  private readonly db: Kysely<any>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }

  async create(job: { id: string; kind: string; params: unknown; chunks: number; createdAt: string }): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({ id: job.id, kind: job.kind, params: JSON.stringify(job.params), status: 'queued', progress: 0, chunks: job.chunks, result: null, error: null, created_at: job.createdAt, started_at: null, finished_at: null })
      .execute();
  }

  async get(id: string): Promise<StoredJob | undefined> {
    const row = (await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()) as JobRow | undefined;
    return row && toJob(row);
  }

  /**
   * Jobs newest first, without their results (a listing stays small): of the given statuses, kind and
   * case (the `caseId` of the job's parameters: backtests, of many cases, have none), at most `limit`.
   */
  async list(filter: { status?: readonly StoredJobStatus[]; kind?: string; caseId?: string; limit: number }): Promise<StoredJob[]> {
    let q = this.db.selectFrom('jobs').select(['id', 'kind', 'params', 'status', 'progress', 'chunks', 'error', 'created_at', 'started_at', 'finished_at']);
    if (filter.status?.length) q = q.where('status', 'in', [...filter.status]);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    // The parameters are JSON text: a LIKE narrows to rows that may hold the id (a % or _ in it only
    // widens the match), then the parsed value decides.
    if (filter.caseId !== undefined) q = q.where('params', 'like', `%"caseId":${JSON.stringify(filter.caseId)}%`);
    const out: StoredJob[] = [];
    const page = Math.max(filter.limit, 1);
    for (let offset = 0; out.length < filter.limit; offset += page) {
      const rows = (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page).offset(offset).execute()) as JobRow[];
      for (const r of rows) {
        const job = toJob({ ...r, result: null });
        if (filter.caseId === undefined || caseIdOf(job.params) === filter.caseId) out.push(job);
        if (out.length === filter.limit) break;
      }
      if (rows.length < page) break;
    }
    return out;
  }

  /** Jobs to resume after a restart: queued, and running ones whose process stopped; oldest first. */
  async unfinished(): Promise<StoredJob[]> {
    const rows = (await this.db.selectFrom('jobs').selectAll().where('status', 'in', ['queued', 'running']).orderBy('created_at').orderBy('id').execute()) as JobRow[];
    return rows.map(toJob);
  }

  async markRunning(id: string, at: string): Promise<void> {
    // The first start is kept (a resumed job, or a chunk of it on a second worker, does not move it).
    await this.db.updateTable('jobs').set({ status: 'running', started_at: sql`coalesce(started_at, ${at})` }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
  }

  /** Raise a running job's progress (never lowers it: workers report out of order). */
  async setProgress(id: string, progress: number): Promise<void> {
    await this.db.updateTable('jobs').set({ progress }).where('id', '=', id).where('status', '=', 'running').where('progress', '<', progress).execute();
  }

  /** Finish a job that is still queued or running (a cancelled one stays cancelled). */
  async finish(id: string, status: 'done' | 'failed' | 'cancelled', at: string, outcome: { result?: unknown; error?: string } = {}): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ status, finished_at: at, ...(status === 'done' ? { progress: 1 } : {}), result: outcome.result === undefined ? null : JSON.stringify(outcome.result), error: outcome.error ?? null })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Store a finished chunk's bytes (again: the same bytes, kept once). */
  async saveChunk(id: string, chunk: number, data: Uint8Array): Promise<void> {
    await this.db
      .insertInto('job_chunks')
      .values({ job_id: id, chunk, data: Buffer.from(data).toString('base64') })
      .onConflict((oc) => oc.columns(['job_id', 'chunk']).doNothing())
      .execute();
  }

  async hasChunk(id: string, chunk: number): Promise<boolean> {
    return (await this.db.selectFrom('job_chunks').select('chunk').where('job_id', '=', id).where('chunk', '=', chunk).executeTakeFirst()) !== undefined;
  }

  /** How many of a job's chunks are stored. */
  async countChunks(id: string): Promise<number> {
    const row = await this.db.selectFrom('job_chunks').select((eb) => eb.fn.countAll().as('n')).where('job_id', '=', id).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Finish a job as done exactly once among concurrent callers (the workers that stored its last
   * chunks): the job's row is locked (SELECT … FOR UPDATE) while `compute` runs, and a caller that
   * finds it no longer queued or running skips it. `compute` runs outside the transaction (it may
   * write through other connections, e.g. record the run); its throw rolls back and is rethrown.
   * PostgreSQL only: on SQLite the one connection would wait on itself (the local queue has a single
   * process and needs no guard). True: this caller finished it.
   */
  async finishOnce(id: string, compute: () => Promise<unknown>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = (await trx.selectFrom('jobs').select('status').where('id', '=', id).forUpdate().executeTakeFirst()) as { status: string } | undefined;
      if (!row || (row.status !== 'queued' && row.status !== 'running')) return false;
      const result = await compute();
      await trx
        .updateTable('jobs')
        .set({ status: 'done', progress: 1, finished_at: new Date().toISOString(), result: JSON.stringify(result), error: null })
        .where('id', '=', id)
        .execute();
      return true;
    });
  }

  async chunks(id: string): Promise<Map<number, Buffer>> {
    const rows = (await this.db.selectFrom('job_chunks').select(['chunk', 'data']).where('job_id', '=', id).orderBy('chunk').execute()) as Array<{ chunk: number; data: string }>;
    return new Map(rows.map((r) => [Number(r.chunk), Buffer.from(r.data, 'base64')]));
  }

  /** Drop a finished job's chunks (its result is kept as a run). */
  async dropChunks(id: string): Promise<void> {
    await this.db.deleteFrom('job_chunks').where('job_id', '=', id).execute();
  }
}
