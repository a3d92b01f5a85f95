/**
 * The store: cases with their whole revision history, the evidence library and forecast runs, on
 * SQLite (default, one file) or PostgreSQL (a team server), behind one kysely query layer.
 *
 * Every write is one transaction: a case change writes the new revision, the case row and the
 * evidence rows together or not at all. Revisions are immutable; a case change never edits one.
 * Revisions are stored as a snapshot every so often and JSON Patch deltas between (revisions.ts), each
 * with the hash of its whole text, so a small change costs about its own size.
 */
import { randomUUID } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Case } from '../case/schema.ts';
import { asOf as caseAsOf } from '../case/view.ts';
import type { Database, RunsTable } from './tables.ts';
import { migrations } from './migrations.ts';
import { ConflictError, InvalidCaseError, NotFoundError } from './errors.ts';
import { validateCase } from './validate.ts';
import { chainStats, encodeRevision, readChain, replayChain, revisionHash, type ChainRow } from './revisions.ts';
import { summarizeChanges } from '../case/changes.ts';
import { UserStore } from './users.ts';

export { ConflictError, InvalidCaseError, NotFoundError, StoreError } from './errors.ts';
export { validateCase, type FieldProblem } from './validate.ts';
export { canonicalJson, inputHash } from './hash.ts';
export { DamagedRevisionError, SNAPSHOT_EVERY } from './revisions.ts';

export const DEFAULT_DB = './parley.db';

export interface Page {
  offset?: number;
  limit?: number;
}
export interface Paged<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface CaseSummary {
  id: string;
  title: string;
  actors: number;
  issues: number;
  drafts: number;
  evidence: number;
  revision: number;
  updatedAt: string;
}

export interface RevisionInfo {
  revision: number;
  author: string;
  message: string;
  createdAt: string;
  /** What changed from the revision before (src/case/changes.ts); listed for the newest CHANGES_FOR revisions. */
  changes?: string[];
}

/** How many of the newest revisions `listRevisions(id, { changes: true })` summarises. */
export const CHANGES_FOR = 500;

export interface StoredCase extends RevisionInfo {
  case: Case;
}

export interface ChangeInfo {
  author?: string;
  message?: string;
  /** The revision the writer based the change on; a newer latest revision is a conflict. */
  expectedRevision?: number;
}

export interface ModifyOptions {
  /** Run inside the revision's transaction, after the revision is written (a throw writes nothing). */
  alsoWrite?: (trx: Transaction<Database>) => Promise<void>;
}

export interface GetCaseOptions {
  /** A revision number (default: the latest). */
  revision?: number;
  /** The latest revision written at or before this ISO time. */
  at?: string;
  /** YYYY-MM-DD: the case as it stood on that date (src/case/view.ts asOf). */
  asOf?: string;
}

export interface EvidenceRow {
  caseId: string;
  id: string;
  kind: string;
  status: string;
  date: string;
  actor: string | null;
  speaker: string | null;
  outlet: string | null;
  url: string | null;
  text: string;
  issues: string[];
}

export interface EvidenceQuery extends Page {
  caseId?: string;
  actor?: string;
  issue?: string;
  status?: string;
  /** Inclusive date bounds, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Case-insensitive substring of the text, speaker or outlet. */
  text?: string;
}

/** What a run is: a forecast, a Monte Carlo simulation, or an analysis job's result (src/jobs/analysis-runs.ts). */
export const RUN_KINDS = ['forecast', 'simulate', 'sensitivity', 'research', 'scenarios', 'timeline', 'packages', 'power', 'levers'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export interface RunRecord {
  /** A forecast (per-model results), a Monte Carlo simulation (one summary) or an analysis (its one JSON answer); default 'forecast'. */
  kind?: RunKind;
  caseId: string;
  caseRevision: number;
  models: string[];
  /** Engine parameters and the case view options (asOf, scenario): enough to run it again. */
  params: Record<string, unknown>;
  seed: number | null;
  inputHash: string;
  engineVersion: string;
  results: unknown[];
}
export interface StoredRun extends RunRecord {
  kind: RunKind;
  id: string;
  createdAt: string;
}
export type RunSummary = Omit<StoredRun, 'results'>;

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The query builder, for migrations tooling, benchmarks and tests. */
  readonly db: Kysely<Database>;
  /** Workbench accounts, API tokens and sessions (src/store/users.ts). */
  readonly users: UserStore;
  listCases(page?: Page): Promise<Paged<CaseSummary>>;
  getCase(id: string, opts?: GetCaseOptions): Promise<StoredCase>;
  /** A revision exactly as stored (JSON text), for serving it without parsing and re-serialising. */
  getCaseJson(id: string, opts?: Pick<GetCaseOptions, 'revision'>): Promise<{ json: string; revision: number }>;
  hasCase(id: string): Promise<boolean>;
  createCase(c: unknown, info?: ChangeInfo): Promise<{ id: string; revision: number }>;
  updateCase(id: string, c: unknown, info?: ChangeInfo): Promise<{ id: string; revision: number }>;
  /**
   * Read the latest revision, change it, validate the result and write it as a new revision, atomically.
   * `opts.alsoWrite` writes rows that belong with the revision (an ingest's article prints) in the same
   * transaction: both are written, or neither.
   */
  modifyCase<T>(id: string, change: (c: Case) => T, info?: ChangeInfo, opts?: ModifyOptions): Promise<{ id: string; revision: number; value: T; case: Case }>;
  deleteCase(id: string): Promise<void>;
  listRevisions(id: string, opts?: { changes?: boolean }): Promise<RevisionInfo[]>;
  /** Write an earlier revision's content as a new revision (message "restored revision N" unless given). */
  restoreCase(id: string, revision: number, info?: ChangeInfo): Promise<{ id: string; revision: number }>;
  listEvidence(q?: EvidenceQuery): Promise<Paged<EvidenceRow>>;
  recordRun(run: RunRecord): Promise<string>;
  getRun(id: string): Promise<StoredRun>;
  listRuns(q?: Page & { caseId?: string }): Promise<Paged<RunSummary>>;
  close(): Promise<void>;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** Page bounds: offset ≥ 0, 1 ≤ limit ≤ 500 (default 50). */
export function pageOf(p: Page = {}): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(p.offset ?? 0));
  const limit = Math.min(500, Math.max(1, Math.floor(p.limit ?? 50)));
  return { offset, limit };
}

/** SQLite's `synchronous` setting under WAL: NORMAL may lose the last commits on power loss (never corrupts); FULL loses none. */
export const SQLITE_SYNCHRONOUS = ['normal', 'full'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS)[number];

export interface StoreOptions {
  /** SQLite only (default 'full', or PARLEY_SQLITE_SYNCHRONOUS): see docs/security.md, "What survives a crash". */
  sqliteSynchronous?: SqliteSynchronous;
}

/** Open the store (a SQLite file path, `:memory:`, or a postgres:// URL) and bring its schema up to date. */
export async function createStore(url: string = DEFAULT_DB, opts: StoreOptions = {}): Promise<Store> {
  const kind = isPostgresUrl(url) ? 'postgres' : 'sqlite';
  let db: Kysely<Database>;
  if (kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the server (restart, network) must not crash the process; the pool reconnects.
    pool.on('error', (e) => process.stderr.write(`parley store: PostgreSQL connection lost: ${e.message}\n`));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    const file = url.replace(/^sqlite:(\/\/)?/i, '');
    const sqlite = new SqliteDatabase(file);
    // WAL lets readers run while a write commits; foreign keys make case deletion cascade.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const env = process.env.PARLEY_SQLITE_SYNCHRONOUS?.toLowerCase();
    const synchronous = opts.sqliteSynchronous ?? (env === 'normal' || env === 'full' ? env : 'full');
    // FULL: a commit is on disk (the WAL synced) before it is acknowledged; NORMAL syncs only at checkpoints.
    sqlite.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStore(kind, db);
}

export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

const now = (): string => new Date().toISOString();

/** Unique-key violations of both drivers (SQLite's SQLITE_CONSTRAINT_PRIMARYKEY/UNIQUE, PostgreSQL's 23505). */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function evidenceRows(caseId: string, c: Case) {
  return c.evidence.map((e) => ({
    case_id: caseId,
    evidence_id: e.id,
    kind: e.kind,
    status: e.status,
    date: e.date,
    actor: e.actor ?? null,
    speaker: e.speaker ?? null,
    outlet: e.outlet ?? null,
    url: e.url ?? null,
    text: e.text,
    issues: JSON.stringify(e.issues),
  }));
}

function counts(c: Case) {
  return { actor_count: c.actors.length, issue_count: c.issues.length, draft_count: c.drafts.length, evidence_count: c.evidence.length };
}

function valid(data: unknown): Case {
  const { case: c, problems } = validateCase(data);
  if (!c) throw new InvalidCaseError(problems);
  return c;
}

/** Recently read revisions' JSON, by case (id and creation time) and revision: safe to keep, since a revision never changes. */
class RevisionCache {
  private readonly entries = new Map<string, string>();
  constructor(private readonly size = 64) {}
  get(id: string, revision: number): string | undefined {
    const key = `${id}\u0000${revision}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(id: string, revision: number, json: string): void {
    this.entries.set(`${id}\u0000${revision}`, json);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

class KyselyStore implements Store {
  private readonly revisions = new RevisionCache();
  readonly users: UserStore;

  constructor(
    readonly kind: 'sqlite' | 'postgres',
    readonly db: Kysely<Database>,
  ) {
    this.users = new UserStore(db, kind === 'postgres');
  }

  async listCases(page?: Page): Promise<Paged<CaseSummary>> {
    const { offset, limit } = pageOf(page);
    const [rows, total] = await Promise.all([
      this.db.selectFrom('cases').selectAll().orderBy('id').offset(offset).limit(limit).execute(),
      this.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        actors: r.actor_count,
        issues: r.issue_count,
        drafts: r.draft_count,
        evidence: r.evidence_count,
        revision: r.revision,
        updatedAt: r.updated_at,
      })),
      total: Number(total.n),
      offset,
      limit,
    };
  }

  async hasCase(id: string): Promise<boolean> {
    return (await this.db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async getCase(id: string, opts: GetCaseOptions = {}): Promise<StoredCase> {
    const head = await this.db.selectFrom('cases').select(['revision', 'created_at']).where('id', '=', id).executeTakeFirst();
    if (!head) throw new NotFoundError(`no case "${id}"`);
    let revision = opts.revision ?? head.revision;
    if (opts.at !== undefined) {
      let q = this.db.selectFrom('case_revisions').select('revision').where('case_id', '=', id).where('created_at', '<=', opts.at);
      if (opts.revision !== undefined) q = q.where('revision', '=', opts.revision);
      const row = await q.orderBy('revision', 'desc').limit(1).executeTakeFirst();
      if (!row) {
        if (opts.revision !== undefined && (await this.revisionMeta(this.db, id, opts.revision)) === undefined) throw new NotFoundError(`case "${id}" has no revision ${opts.revision}`);
        throw new NotFoundError(`case "${id}" has no revision written at or before ${opts.at}`);
      }
      revision = row.revision;
    }
    const { text, meta } = await this.revisionText(this.db, id, head.created_at, revision);
    const stored = JSON.parse(text) as Case;
    return {
      case: opts.asOf ? caseAsOf(stored, opts.asOf) : stored,
      revision,
      author: meta.author,
      message: meta.message,
      createdAt: meta.created_at,
    };
  }

  async getCaseJson(id: string, opts: Pick<GetCaseOptions, 'revision'> = {}): Promise<{ json: string; revision: number }> {
    const head = await this.db.selectFrom('cases').select(['revision', 'created_at']).where('id', '=', id).executeTakeFirst();
    if (!head) throw new NotFoundError(`no case "${id}"`);
    const revision = opts.revision ?? head.revision;
    // The creation time tells a case from an earlier one deleted under the same id (by any server).
    const cached = this.revisions.get(`${id}\u0000${head.created_at}`, revision);
    if (cached !== undefined) return { json: cached, revision };
    const { text } = await this.revisionText(this.db, id, head.created_at, revision);
    return { json: text, revision };
  }

  private async revisionMeta(db: Kysely<Database>, id: string, revision: number) {
    return db.selectFrom('case_revisions').select(['revision', 'base']).where('case_id', '=', id).where('revision', '=', revision).executeTakeFirst();
  }

  /**
   * A revision's whole JSON text: from the cache, or rebuilt from its chain (its snapshot and the deltas
   * up to it, starting from the newest revision of the chain in the cache), checked against its hash.
   */
  private async revisionText(db: Kysely<Database>, id: string, caseCreatedAt: string, revision: number) {
    const key = `${id}\u0000${caseCreatedAt}`;
    // The chain: the rows from the revision's snapshot (its `base`) up to it, without their bodies.
    const metas = await db
      .selectFrom('case_revisions')
      .select(['revision', 'base', 'hash', 'author', 'message', 'created_at', sql<number>`length(body)`.as('bytes')])
      .where('case_id', '=', id)
      .where('revision', '<=', revision)
      .where('revision', '>=', (eb) => eb.selectFrom('case_revisions as b').select('b.base').where('b.case_id', '=', id).where('b.revision', '=', revision))
      .orderBy('revision')
      .execute();
    const meta = metas.at(-1);
    if (!meta || meta.revision !== revision) throw new NotFoundError(`case "${id}" has no revision ${revision}`);
    let start: { revision: number; text: string } | undefined;
    for (let i = metas.length - 1; i >= 0 && !start; i--) {
      const text = this.revisions.get(key, metas[i].revision);
      if (text !== undefined) start = { revision: metas[i].revision, text };
    }
    const from = start ? start.revision + 1 : metas[0].revision;
    const bodies = from > revision ? [] : await db.selectFrom('case_revisions').select(['revision', 'body']).where('case_id', '=', id).where('revision', '>=', from).where('revision', '<=', revision).orderBy('revision').execute();
    const bodyOf = new Map(bodies.map((b) => [b.revision, b.body]));
    const rows: ChainRow[] = metas.map((m) => ({ revision: m.revision, base: m.base, hash: m.hash, body: bodyOf.get(m.revision) ?? '' }));
    const text = readChain(id, rows, start);
    this.revisions.set(key, revision, text);
    return { text, meta, base: metas[0].base, chain: chainStats(metas.map((m) => ({ revision: m.revision, base: m.base, bytes: Number(m.bytes) }))) };
  }

  async createCase(data: unknown, info: ChangeInfo = {}): Promise<{ id: string; revision: number }> {
    const c = valid(data);
    const t = now();
    let written: { key: string; text: string } | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('cases').select('id').where('id', '=', c.id).executeTakeFirst()) {
          throw new ConflictError(`a case with id "${c.id}" exists already`);
        }
        await trx.insertInto('cases').values({ id: c.id, title: c.title, revision: 1, ...counts(c), created_at: t, updated_at: t }).execute();
        await this.writeRevision(trx, null, c, 1, t, { message: 'created', ...info });
        written = { key: `${c.id}\u0000${t}`, text: JSON.stringify(c) };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(`a case with id "${c.id}" exists already`);
      throw e;
    }
    this.revisions.set(written!.key, 1, written!.text);
    return { id: c.id, revision: 1 };
  }

  async updateCase(id: string, data: unknown, info: ChangeInfo = {}): Promise<{ id: string; revision: number }> {
    const c = valid(data);
    if (c.id !== id) throw new InvalidCaseError([{ path: 'id', message: `the case id "${c.id}" differs from "${id}"; a case cannot be renamed` }]);
    const { revision } = await this.writeCase(id, () => undefined, info, {}, c);
    return { id, revision };
  }

  modifyCase<T>(id: string, change: (c: Case) => T, info: ChangeInfo = {}, opts: ModifyOptions = {}): Promise<{ id: string; revision: number; value: T; case: Case }> {
    return this.writeCase(id, change, info, opts);
  }

  /** modifyCase, or with `replacement` the whole case replaced (updateCase). */
  private async writeCase<T>(
    id: string,
    change: (c: Case) => T,
    info: ChangeInfo,
    opts: ModifyOptions,
    replacement?: Case,
  ): Promise<{ id: string; revision: number; value: T; case: Case }> {
    let written: { key: string; revision: number; text: string } | undefined;
    try {
      const result = await this.db.transaction().execute(async (trx) => {
        // Lock the case row on PostgreSQL so concurrent writers queue (SQLite serialises writers itself).
        let q = trx.selectFrom('cases').select(['revision', 'created_at']).where('id', '=', id);
        if (this.kind === 'postgres') q = q.forUpdate();
        const head = await q.executeTakeFirst();
        if (!head) throw new NotFoundError(`no case "${id}"`);
        if (info.expectedRevision !== undefined && info.expectedRevision !== head.revision) {
          throw new ConflictError(`case "${id}" is at revision ${head.revision}, not ${info.expectedRevision}: reload and apply the change again`);
        }
        const prev = await this.revisionText(trx, id, head.created_at, head.revision);
        let next: Case;
        let value: T;
        if (replacement) {
          next = replacement;
          value = change(next);
        } else {
          const working = JSON.parse(prev.text) as Case;
          value = change(working);
          next = valid(working);
        }
        const revision = head.revision + 1;
        const t = now();
        await trx.updateTable('cases').set({ title: next.title, revision, ...counts(next), updated_at: t }).where('id', '=', id).execute();
        const text = await this.writeRevision(trx, prev, next, revision, t, { message: 'updated', ...info });
        await opts.alsoWrite?.(trx);
        written = { key: `${id}\u0000${head.created_at}`, revision, text };
        return { id, revision, value, case: next };
      });
      this.revisions.set(written!.key, written!.revision, written!.text);
      return result;
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError(`case "${id}" was changed by another writer at the same time; apply the change again`);
      throw e;
    }
  }

  /**
   * Write revision `revision` of `c` after `prev` (null: the first), as a delta from it or a snapshot
   * (revisions.ts decides), and bring the case's evidence rows to `c`'s evidence, touching only the rows
   * that changed. Returns the revision's JSON text.
   */
  private async writeRevision(
    trx: Transaction<Database>,
    prev: { text: string; base: number; chain: ReturnType<typeof chainStats> } | null,
    c: Case,
    revision: number,
    t: string,
    info: ChangeInfo,
  ): Promise<string> {
    const text = JSON.stringify(c);
    const enc = encodeRevision(prev?.text ?? null, text, prev?.chain ?? { length: 0, snapshotBytes: 0, deltaBytes: 0 });
    const base = enc.kind === 'snapshot' || !prev ? revision : prev.base;
    await trx
      .insertInto('case_revisions')
      .values({ case_id: c.id, revision, author: info.author ?? 'anonymous', message: info.message ?? '', created_at: t, body: enc.body, base, hash: revisionHash(text) })
      .execute();
    const rows = evidenceRows(c.id, c);
    let inserts = rows;
    if (prev) {
      // Rows as the previous revision wrote them; unchanged ones stay.
      const before = new Map(evidenceRows(c.id, JSON.parse(prev.text) as Case).map((r) => [r.evidence_id, JSON.stringify(r)]));
      const after = new Set(rows.map((r) => r.evidence_id));
      inserts = rows.filter((r) => before.get(r.evidence_id) !== JSON.stringify(r));
      const gone = [...before.keys()].filter((k) => !after.has(k)).concat(inserts.map((r) => r.evidence_id).filter((k) => before.has(k)));
      for (let i = 0; i < gone.length; i += 500) await trx.deleteFrom('evidence').where('case_id', '=', c.id).where('evidence_id', 'in', gone.slice(i, i + 500)).execute();
    }
    // Chunked: SQLite caps bound parameters per statement (32766), 11 per row.
    for (let i = 0; i < inserts.length; i += 500) await trx.insertInto('evidence').values(inserts.slice(i, i + 500)).execute();
    return text;
  }

  async restoreCase(id: string, revision: number, info: ChangeInfo = {}): Promise<{ id: string; revision: number }> {
    const { case: old } = await this.getCase(id, { revision });
    return this.updateCase(id, old, { ...info, message: info.message ?? `restored revision ${revision}` });
  }

  async deleteCase(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('evidence').where('case_id', '=', id).execute();
      await trx.deleteFrom('case_revisions').where('case_id', '=', id).execute();
      const res = await trx.deleteFrom('cases').where('id', '=', id).executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw new NotFoundError(`no case "${id}"`);
    });
  }

  async listRevisions(id: string, opts: { changes?: boolean } = {}): Promise<RevisionInfo[]> {
    const rows = await this.db
      .selectFrom('case_revisions')
      .select(['revision', 'base', 'author', 'message', 'created_at'])
      .where('case_id', '=', id)
      .orderBy('revision')
      .execute();
    if (rows.length === 0 && !(await this.hasCase(id))) throw new NotFoundError(`no case "${id}"`);
    const out: RevisionInfo[] = rows.map((r) => ({ revision: r.revision, author: r.author, message: r.message, createdAt: r.created_at }));
    if (opts.changes && rows.length) {
      const changes = await this.revisionChanges(id, rows);
      for (const r of out) {
        const c = changes.get(r.revision);
        if (c) r.changes = c;
      }
    }
    return out;
  }

  /** The change summaries of the newest CHANGES_FOR revisions, replayed from the snapshot before them. */
  private async revisionChanges(id: string, metas: ReadonlyArray<{ revision: number; base: number }>): Promise<Map<number, string[]>> {
    const firstShown = metas[Math.max(0, metas.length - CHANGES_FOR)];
    // The revision before the first shown one is needed as its "before"; replay from its snapshot.
    const before = metas[metas.indexOf(firstShown) - 1];
    const from = (before ?? firstShown).base;
    const rows = await this.db
      .selectFrom('case_revisions')
      .select(['revision', 'base', 'hash', 'body'])
      .where('case_id', '=', id)
      .where('revision', '>=', from)
      .orderBy('revision')
      .execute();
    const out = new Map<number, string[]>();
    let prev: { revision: number; doc: Case } | null = null;
    for (const { revision, doc } of replayChain(id, rows)) {
      if (revision >= firstShown.revision) {
        out.set(revision, revision === 1 ? ['created'] : prev && prev.revision === revision - 1 ? summarizeChanges(prev.doc, doc as Case) : []);
      }
      prev = { revision, doc: doc as Case };
    }
    return out;
  }

  async listEvidence(query: EvidenceQuery = {}): Promise<Paged<EvidenceRow>> {
    const { offset, limit } = pageOf(query);
    let q = this.db.selectFrom('evidence');
    if (query.caseId !== undefined) q = q.where('case_id', '=', query.caseId);
    if (query.actor !== undefined) q = q.where('actor', '=', query.actor);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    if (query.from !== undefined) q = q.where('date', '>=', query.from);
    if (query.to !== undefined) q = q.where('date', '<=', query.to);
    // Issues are a JSON array of ids; ids cannot contain quotes, so the quoted id is an exact element match.
    if (query.issue !== undefined) q = q.where(contains('issues', JSON.stringify(query.issue)));
    if (query.text !== undefined && query.text !== '') {
      const needle = query.text.toLowerCase();
      q = q.where((eb) => eb.or([contains('text', needle, true), contains('speaker', needle, true), contains('outlet', needle, true)]));
    }
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('date').orderBy('case_id').orderBy('evidence_id').offset(offset).limit(limit).execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        caseId: r.case_id,
        id: r.evidence_id,
        kind: r.kind,
        status: r.status,
        date: r.date,
        actor: r.actor,
        speaker: r.speaker,
        outlet: r.outlet,
        url: r.url,
        text: r.text,
        issues: JSON.parse(r.issues) as string[],
      })),
      total: Number(total.n),
      offset,
      limit,
    };
  }

  async recordRun(run: RunRecord): Promise<string> {
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('runs').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      await trx
        .insertInto('runs')
        .values({
          id,
          kind: run.kind ?? 'forecast',
          seq: Number(last?.seq ?? 0) + 1,
          case_id: run.caseId,
          case_revision: run.caseRevision,
          models: JSON.stringify(run.models),
          params: JSON.stringify(run.params),
          seed: run.seed,
          input_hash: run.inputHash,
          engine_version: run.engineVersion,
          results: JSON.stringify(run.results),
          created_at: now(),
        })
        .execute();
    });
    return id;
  }

  async getRun(id: string): Promise<StoredRun> {
    const r = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError(`no run "${id}"`);
    return { ...runSummary(r), results: JSON.parse(r.results) as unknown[] };
  }

  async listRuns(query: Page & { caseId?: string } = {}): Promise<Paged<RunSummary>> {
    const { offset, limit } = pageOf(query);
    let q = this.db.selectFrom('runs');
    if (query.caseId !== undefined) q = q.where('case_id', '=', query.caseId);
    const [rows, total] = await Promise.all([
      q.select(['id', 'kind', 'case_id', 'case_revision', 'models', 'params', 'seed', 'input_hash', 'engine_version', 'created_at']).orderBy('seq', 'desc').offset(offset).limit(limit).execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(runSummary), total: Number(total.n), offset, limit };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** `column LIKE '%needle%'` with the wildcards in the needle taken literally (same SQL on SQLite and PostgreSQL). */
function contains(column: 'issues' | 'text' | 'speaker' | 'outlet', needle: string, caseless = false) {
  const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const col = caseless ? sql`lower(${sql.ref(column)})` : sql.ref(column);
  return sql<boolean>`${col} like ${pattern} escape '\\'`;
}

function runSummary(r: Omit<RunsTable, 'results' | 'seq'>): RunSummary {
  return {
    id: r.id,
    kind: r.kind as RunKind,
    caseId: r.case_id,
    caseRevision: r.case_revision,
    models: JSON.parse(r.models) as string[],
    params: JSON.parse(r.params) as Record<string, unknown>,
    seed: r.seed,
    inputHash: r.input_hash,
    engineVersion: r.engine_version,
    createdAt: r.created_at,
  };
}
