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
  /** signals its items yielded, kept with each outcome */
  signal_count: number
  /** its items per language, a JSON object of ISO 639-3 code to count, kept with each outcome */
  languages: string
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
  /** how `published` was found: 'feed', 'first-seen' or 'backlog' (see ItemDating) */
  dating: Generated<string>
  /** engine version of the item's current signals; null before versions were recorded */
  analyzed_with: string | null
  /** ISO 639-3 code detected at ingest; null for items stored before languages were detected */
  language: string | null
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
  /** the engine version that produced the signal; null for signals stored before it was recorded */
  engine_version: string | null
  /** 1 when the item's date was inferred (first seen), not given by its feed */
  date_inferred: number
  /** the whole article's verdict for this pair; null for signals stored before it was recorded */
  doc_direction: string | null
  doc_score: number | null
  doc_confidence: number | null
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
  /** independent reports behind the shift; null on rows written before stories were counted */
  independent_sources?: number | null
  /** JSON: the weight each direction received */
  votes?: string | null
  /** the direction published before the latest correction ('withdrawn' if it came back from a tombstone) */
  previous_direction?: string | null
  corrected_at?: string | null
  /** 'reanalysis' or 'new-evidence' */
  correction_reason?: string | null
  /** set on a tombstone: when the shift was withdrawn */
  withdrawn_at?: string | null
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
  /** the running sums behind `level` as of `last_day`, to decay it to the day it is read */
  level_num?: number | null
  level_den?: number | null
}

export interface Schema {
  sources: SourceRow
  items: ItemRow
  signals: SignalRow
  shifts: ShiftRow
  pairs: PairRow
  dirty_pair_days: { pair: string; day: string; version: Generated<number>; reanalysis: Generated<number> }
  aggregate_claims: { pair: string; token: string; until: string }
  meta: { key: string; value: string }
  signal_log: {
    seq: Generated<number>
    signal_id: string
    deleted: Generated<number>
    pair: string | null
    day: string | null
  }
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
