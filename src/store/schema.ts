// Kysely table types for the schema in sql/.
import type { CompiledQuery, Generated, Kysely } from 'kysely'

export interface SourceRow {
  url: string
  title: string
  site_url: string | null
  etag: string | null
  last_modified: string | null
  last_polled_at: string | null
  last_ok_at: string | null
  last_outcome: string | null
  last_status: number | null
  last_error: string | null
  failures: number
  next_poll_at: string | null
  item_count: number
}

export interface ItemRow {
  id: string
  source_url: string
  source_title: string
  guid: string
  url: string | null
  title: string
  text: string
  published: string
  fetched_at: string
  content_hash: string
  signal_count: number
}

export interface SignalRow {
  id: string
  item_id: string
  pair: string
  a: string
  b: string
  day: string
  published: string
  direction: string
  score: number
  confidence: number
  flags: string
  cues: string
  sentence: string
  mentions: string
  source_url: string
  source_title: string
  item_url: string | null
  /** the PLOVER type of the act; null for signals stored before it was recorded */
  event_type: string | null
}

export interface ShiftRow {
  id: string
  pair: string
  a: string
  b: string
  day: string
  direction: string
  score: number
  confidence: number
  weight: number
  level_before: number
  level_after: number
  level_num?: number | null
  level_den?: number | null
  sources: number
  signals: number
  evidence: string
  published: string
  updated: string
}

export interface PairRow {
  pair: string
  a: string
  b: string
  level: number
  direction: string
  last_day: string
  last_direction: string
  last_score: number
  shift_count: number
  signal_count: number
  updated: string
}

export interface Schema {
  sources: SourceRow
  items: ItemRow
  signals: SignalRow
  shifts: ShiftRow
  pairs: PairRow
  dirty_pair_days: { pair: string; day: string; version: Generated<number> }
  aggregate_claims: { pair: string; token: string; until: string }
  meta: { key: string; value: string }
  signal_log: { seq: Generated<number>; signal_id: string; deleted: Generated<number>; pair: string | null; day: string | null }
  d1_migrations: { id: Generated<number>; name: string; applied_at: Generated<string> }
}

/**
 * The database as the core sees it: a Kysely instance for reads, and `batch` for every write: statements that
 * land together (a D1 batch on Workers, a transaction on SQLite). It answers the rows each statement changed,
 * so callers count what was stored, not what they asked to store.
 */
export interface Db {
  kysely: Kysely<Schema>
  batch(queries: CompiledQuery[]): Promise<number[]>
  /**
   * Reads one `meta` value without a query builder or a round trip, where the driver allows it (better-sqlite3).
   * Every feed request asks for the data version, so this is on the hot path.
   */
  readMeta?(key: string): string | null
}
