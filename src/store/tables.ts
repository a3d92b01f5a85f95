/**
 * The tables of the store, as kysely sees them. The same column types work on SQLite and
 * PostgreSQL: text for ids, ISO timestamps and JSON (so one query layer serves both), integers for
 * revisions and counts.
 */

export interface CasesTable {
  id: string;
  title: string;
  /** Number of the latest revision (revisions count from 1). */
  revision: number;
  actor_count: number;
  issue_count: number;
  draft_count: number;
  evidence_count: number;
  created_at: string;
  updated_at: string;
}

/**
 * Every version of every case: a revision is never changed once written. Stored as chains
 * (src/store/revisions.ts, migration 0005): a snapshot, then deltas each from the revision before.
 */
export interface CaseRevisionsTable {
  case_id: string;
  revision: number;
  author: string;
  message: string;
  created_at: string;
  /**
   * A snapshot (`base` = `revision`): the whole case (validated output form) as JSON. A delta: the
   * RFC 6902 JSON Patch, as JSON, that turns revision - 1 into this one.
   */
  body: string;
  /** The revision of the snapshot this revision's chain starts at (itself for a snapshot). */
  base: number;
  /** SHA-256 (hex) of the revision's whole JSON text, what `getCaseJson` serves; checked on every rebuild. */
  hash: string;
}

/** The evidence library: the evidence of each case's latest revision, one row per item, queryable across cases. */
export interface EvidenceTable {
  case_id: string;
  evidence_id: string;
  kind: string;
  status: string;
  date: string;
  actor: string | null;
  speaker: string | null;
  outlet: string | null;
  url: string | null;
  text: string;
  /** JSON array of issue ids. */
  issues: string;
}

/** A forecast run: everything needed to run it again and get the same numbers. */
export interface RunsTable {
  id: string;
  /** 'forecast' or 'simulate' (Monte Carlo). */
  kind: string;
  case_id: string;
  case_revision: number;
  /** JSON array of model names. */
  models: string;
  /** JSON: engine parameters plus asOf and scenario. */
  params: string;
  seed: number | null;
  /** sha256 of the canonical JSON of the model input. */
  input_hash: string;
  engine_version: string;
  /** JSON array of per-model results. */
  results: string;
  created_at: string;
  /** Insertion order (created_at can tie within a millisecond). */
  seq: number;
}

/** The forecast record (src/record, docs/record.md): sealed entries, append-only, chained by hash. */
export interface RecordEntriesTable {
  /** Position in the chain, from 1 (the entry's own `seq`). */
  seq: number;
  /** SHA-256 (hex) of `body`. */
  hash: string;
  question_id: string;
  case_id: string;
  by_date: string;
  created_at: string;
  /** The entry's canonical JSON, exactly the bytes that were hashed. */
  body: string;
}

/** One resolution per question, append-only. */
export interface RecordResolutionsTable {
  question_id: string;
  /** SHA-256 (hex) of `body`. */
  hash: string;
  created_at: string;
  /** The resolution's canonical JSON. */
  body: string;
}

/** What the server's feed poller knows of each case feed (src/store/feeds.ts, migration 0007): its last poll. */
export interface FeedStateTable {
  case_id: string;
  /** SHA-256 (hex) of the feed's URL, the key (a URL can be longer than an index entry may be). */
  feed: string;
  feed_url: string;
  /** ISO times; null before the first poll (or the first that succeeded). */
  last_polled_at: string | null;
  last_ok_at: string | null;
  last_error: string | null;
  /** Distinct items seen over all polls, and candidates added by the last poll and by all of them. */
  items_seen: number;
  last_new: number;
  total_new: number;
  /** A poll in progress holds the feed until this ISO time (no overlapping polls, across processes too). */
  polling_until: string | null;
  /** Polls that read the feed (migration 0008): the clock of the items' backoff. */
  polls: number;
  /** Items given up after their tries failed, and the last such item's error. */
  failed_items: number;
  last_item_error: string | null;
}

/** An item of a feed that gave no text, tried again at poll `next_poll` (migration 0008). */
export interface FeedItemAttemptsTable {
  case_id: string;
  feed: string;
  /** The item's first key (src/store/feeds.ts itemKeys). */
  item_key: string;
  attempts: number;
  next_poll: number;
  last_error: string;
}

/** What is kept of an article a poll ingested into a case, to compare later ones with (migration 0008). */
export interface ArticlePrintsTable {
  case_id: string;
  print_id: string;
  /** Order of storing in the case (ties: print_id). */
  seq: number;
  /** The print id of its syndication group's first article. */
  group_id: string;
  feed_url: string | null;
  url: string | null;
  outlet: string | null;
  /** The article's date (YYYY-MM-DD), and when it was stored (ISO; the 60-day bound). */
  date: string | null;
  seen_at: string;
  /** Base64 of syndication.ts articlePrint (sorted shingle hashes, 4 bytes each). */
  shingles: string;
  /** JSON array of the quote keys it carried (hashed: src/store/prints.ts). */
  quotes: string;
}

/** The items of a feed already seen: SHA-256 (hex) of `id:<item id>` or `link:<item link>`. */
export interface FeedItemsTable {
  case_id: string;
  feed: string;
  item_key: string;
  seen_at: string;
}

/** The poll that holds a case's prints (compares with them and adds its own) until `until` (ISO; '' when free). */
export interface PrintLeasesTable {
  case_id: string;
  holder: string;
  until: string;
}

export interface Database {
  cases: CasesTable;
  case_revisions: CaseRevisionsTable;
  evidence: EvidenceTable;
  runs: RunsTable;
  record_entries: RecordEntriesTable;
  record_resolutions: RecordResolutionsTable;
  feed_state: FeedStateTable;
  feed_items: FeedItemsTable;
  feed_item_attempts: FeedItemAttemptsTable;
  article_prints: ArticlePrintsTable;
  print_leases: PrintLeasesTable;
}
