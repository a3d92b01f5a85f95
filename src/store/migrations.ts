/**
 * Schema migrations, as objects (no migration files to find at run time, so they work the same from
 * tsx, tests and any bundler). Kysely's Migrator records which ran in its own table; each migration
 * runs in a transaction on both SQLite and PostgreSQL. Append new ones; never edit a released one.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { encodeRevision, extendChain, readChain, revisionHash, type ChainStats } from './revisions.ts';

export const migrations: Record<string, Migration> = {
  '0001_cases_revisions_evidence_runs': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('actor_count', 'integer', (c) => c.notNull())
        .addColumn('issue_count', 'integer', (c) => c.notNull())
        .addColumn('draft_count', 'integer', (c) => c.notNull())
        .addColumn('evidence_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('case_revisions')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_revisions_pk', ['case_id', 'revision'])
        .execute();
      await db.schema
        .createTable('evidence')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('evidence_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('actor', 'text')
        .addColumn('speaker', 'text')
        .addColumn('outlet', 'text')
        .addColumn('url', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('issues', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('evidence_pk', ['case_id', 'evidence_id'])
        .execute();
      await db.schema.createIndex('evidence_actor_date').on('evidence').columns(['actor', 'date']).execute();
      await db.schema.createIndex('evidence_date').on('evidence').column('date').execute();
      // Runs outlive the case they forecast (they carry their own inputs' hash and results), so no foreign key.
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_revision', 'integer', (c) => c.notNull())
        .addColumn('models', 'text', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('seed', 'double precision')
        .addColumn('input_hash', 'text', (c) => c.notNull())
        .addColumn('engine_version', 'text', (c) => c.notNull())
        .addColumn('results', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('runs_case_seq').on('runs').columns(['case_id', 'seq']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['runs', 'evidence', 'case_revisions', 'cases']) await db.schema.dropTable(t).execute();
    },
  },
  // Monte Carlo simulations are stored as runs too; the runs before them were forecasts.
  '0002_run_kind': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('runs').addColumn('kind', 'text', (c) => c.notNull().defaultTo('forecast')).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('runs').dropColumn('kind').execute();
    },
  },
  // The forecast record (src/record, docs/record.md): sealed entries chained by hash, and one resolution per
  // question. Append-only: triggers refuse UPDATE and DELETE, so no code path can rewrite the record (whoever
  // owns the database can drop them; the hash chain is what shows that it was rewritten).
  '0003_forecast_record': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('record_entries')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('by_date', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('record_entries_question').on('record_entries').columns(['question_id', 'seq']).execute();
      await db.schema
        .createTable('record_resolutions')
        .addColumn('question_id', 'text', (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      if (postgres) {
        await sql`CREATE FUNCTION parley_record_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the forecast record is append-only: % on % refused', TG_OP, TG_TABLE_NAME; END; $$ LANGUAGE plpgsql`.execute(db);
      }
      for (const table of ['record_entries', 'record_resolutions']) {
        for (const op of ['UPDATE', 'DELETE']) {
          const name = sql.raw(`${table}_no_${op.toLowerCase()}`);
          const t = sql.raw(table);
          const o = sql.raw(op);
          await (postgres
            ? sql`CREATE TRIGGER ${name} BEFORE ${o} ON ${t} FOR EACH ROW EXECUTE FUNCTION parley_record_append_only()`
            : sql`CREATE TRIGGER ${name} BEFORE ${o} ON ${t} BEGIN SELECT RAISE(ABORT, ${sql.lit(`the forecast record is append-only: ${op} on ${table} refused`)}); END`
          ).execute(db);
        }
      }
    },
    async down(db: Kysely<any>) {
      for (const t of ['record_resolutions', 'record_entries']) await db.schema.dropTable(t).execute();
      if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`DROP FUNCTION IF EXISTS parley_record_append_only()`.execute(db);
    },
  },
  // Workbench accounts (src/store/users.ts, docs/security.md): users with an Argon2id password hash (or none: a
  // token-only user), their API tokens and their browser sessions. Tokens and session ids are stored as SHA-256
  // hashes only, so a copy of the database gives no way in.
  '0004_users': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('user_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_name', 'text', (c) => c.notNull().references('users.name').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('user_tokens_user').on('user_tokens').column('user_name').execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_name', 'text', (c) => c.notNull().references('users.name').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_name').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['sessions', 'user_tokens', 'users']) await db.schema.dropTable(t).execute();
    },
  },
  // Revisions as chains (src/store/revisions.ts): every case's history, oldest first, re-encoded as a
  // snapshot now and then and JSON Patch deltas between, each row given the hash of its whole text. A
  // delta is written only when it rebuilds the old text byte for byte, so every revision reads back as
  // it was stored. In one transaction (Kysely runs SQLite migrations outside one): all or nothing.
  '0005_revision_deltas': {
    async up(db: Kysely<any>) {
      await inTransaction(db, async (trx) => {
        await trx.schema.alterTable('case_revisions').addColumn('base', 'integer').execute();
        await trx.schema.alterTable('case_revisions').addColumn('hash', 'text').execute();
        for (const { case_id: id } of await trx.selectFrom('case_revisions').select('case_id').distinct().orderBy('case_id').execute()) {
          let prev: { revision: number; text: string } | null = null;
          let chain: ChainStats = { length: 0, snapshotBytes: 0, deltaBytes: 0 };
          let base = 0;
          let after = 0;
          for (;;) {
            // A page at a time: a long history is not held in memory whole.
            const rows = await trx.selectFrom('case_revisions').select(['revision', 'body']).where('case_id', '=', id).where('revision', '>', after).orderBy('revision').limit(50).execute();
            if (rows.length === 0) break;
            for (const r of rows as Array<{ revision: number; body: string }>) {
              after = r.revision;
              // A gap in the numbering (not something parley writes) starts a new chain.
              const enc = encodeRevision(prev && prev.revision === r.revision - 1 ? prev.text : null, r.body, chain);
              if (enc.kind === 'snapshot') base = r.revision;
              await trx.updateTable('case_revisions').set({ body: enc.body, base, hash: revisionHash(r.body) }).where('case_id', '=', id).where('revision', '=', r.revision).execute();
              chain = extendChain(chain, enc);
              prev = { revision: r.revision, text: r.body };
            }
          }
        }
      });
    },
    async down(db: Kysely<any>) {
      await inTransaction(db, async (trx) => {
        for (const { case_id: id } of await trx.selectFrom('case_revisions').select('case_id').distinct().orderBy('case_id').execute()) {
          let prev: { revision: number; base: number; hash: string; text: string } | null = null;
          let after = 0;
          for (;;) {
            const rows = await trx.selectFrom('case_revisions').select(['revision', 'base', 'hash', 'body']).where('case_id', '=', id).where('revision', '>', after).orderBy('revision').limit(50).execute();
            if (rows.length === 0) break;
            for (const r of rows as Array<{ revision: number; base: number; hash: string; body: string }>) {
              after = r.revision;
              const text: string = r.base === r.revision ? readChain(id, [r]) : readChain(id, [{ ...prev!, body: '' }, r], prev!);
              if (r.base !== r.revision) await trx.updateTable('case_revisions').set({ body: text }).where('case_id', '=', id).where('revision', '=', r.revision).execute();
              prev = { revision: r.revision, base: r.base, hash: r.hash, text };
            }
          }
        }
        await trx.schema.alterTable('case_revisions').dropColumn('hash').execute();
        await trx.schema.alterTable('case_revisions').dropColumn('base').execute();
      });
    },
  },  // Durable background jobs (src/store/jobs.ts, docs/jobs.md): a job's kind, parameters, status,
  // progress and result, and the chunks of work it has finished (base64 bytes), so that a restarted
  // server resumes it under the same id from its last finished chunk.
  '0006_jobs': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull())
        .addColumn('chunks', 'integer', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('jobs_status_created').on('jobs').columns(['status', 'created_at']).execute();
      await db.schema
        .createTable('job_chunks')
        .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('chunk', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_chunks_pk', ['job_id', 'chunk'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('job_chunks').execute();
      await db.schema.dropTable('jobs').execute();
    },
  },
  // Case feeds polled by the server (src/store/feeds.ts, src/server/feeds.ts): each feed's last poll and the
  // items already seen, so a poll queues only new items. A feed is keyed by the SHA-256 of its URL (a URL can
  // be longer than an index entry may); rows go with their case (foreign keys, cascade).
  '0007_feeds': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('feed_state')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('feed', 'text', (c) => c.notNull())
        .addColumn('feed_url', 'text', (c) => c.notNull())
        .addColumn('last_polled_at', 'text')
        .addColumn('last_ok_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_new', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total_new', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('polling_until', 'text')
        .addPrimaryKeyConstraint('feed_state_pk', ['case_id', 'feed'])
        .execute();
      await db.schema
        .createTable('feed_items')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('feed', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('feed_items_pk', ['case_id', 'feed', 'item_key'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('feed_items').execute();
      await db.schema.dropTable('feed_state').execute();
    },
  },
  // Feeds over time (src/store/prints.ts, src/server/feeds.ts): the prints of the articles polls ingested into
  // a case (shingles as base64 bytes, outlet, syndication group, the quote keys carried), so later polls group
  // copies with them and count a quote's independent outlets across polls; and an item's failed tries with the
  // poll it is tried again at (backoff), with each feed's poll count, items given up and the last item error.
  '0008_feed_history': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('article_prints')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('print_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('feed_url', 'text')
        .addColumn('url', 'text')
        .addColumn('outlet', 'text')
        .addColumn('date', 'text')
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addColumn('shingles', 'text', (c) => c.notNull())
        .addColumn('quotes', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_prints_pk', ['case_id', 'print_id'])
        .execute();
      await db.schema.createIndex('article_prints_case_seq').on('article_prints').columns(['case_id', 'seq']).execute();
      // One poll at a time compares with and adds to a case's prints, across processes too: a lease per case.
      await db.schema
        .createTable('print_leases')
        .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('until', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('feed_item_attempts')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('feed', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_poll', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('feed_item_attempts_pk', ['case_id', 'feed', 'item_key'])
        .execute();
      await db.schema.alterTable('feed_state').addColumn('polls', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('feed_state').addColumn('failed_items', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('feed_state').addColumn('last_item_error', 'text').execute();
    },
    async down(db: Kysely<any>) {
      for (const col of ['last_item_error', 'failed_items', 'polls']) await db.schema.alterTable('feed_state').dropColumn(col).execute();
      await db.schema.dropTable('feed_item_attempts').execute();
      await db.schema.dropTable('print_leases').execute();
      await db.schema.dropTable('article_prints').execute();
    },
  },
};

/** Run `work` in a transaction: the migrator's own on PostgreSQL, a new one on SQLite (where the migrator opens none). */
async function inTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}
