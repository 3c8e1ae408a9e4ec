// The `meta` table: the data version (`changed_at`), the database's creation time, and the instants stamped on
// changed shifts. Feeds and API answers are
// versioned by the data version: it moves in the same commit as the data, always forward. Each changed shift's
// `updated` is an instant of its own, allocated inside that commit just after the version it moves past, so no two
// entries ever share one (feed validators flag entries with equal atom:updated) and none predates the feed's.
import { sql, type CompiledQuery, type RawBuilder } from 'kysely'
import type { Db } from './schema.ts'

const ISO_MS = '%Y-%m-%dT%H:%M:%fZ'

/**
 * The k-th instant allocated in a batch that runs at `at`: k milliseconds after the later of `at` and the version
 * before the batch plus one millisecond. Evaluated by the database inside the batch, so concurrent writers (two
 * pollers on one SQLite file, two queue consumers on D1) never allocate the same instant.
 */
export function stampAt(at: string, k: number): RawBuilder<string> {
  const base = sql`max(${sql.lit(at)}, coalesce(strftime(${sql.lit(ISO_MS)}, (SELECT value FROM meta WHERE key = 'changed_at'), '+0.001 seconds'), ${sql.lit(at)}))`
  return sql<string>`strftime(${sql.lit(ISO_MS)}, ${base}, ${sql.lit(`+${(k / 1000).toFixed(3)} seconds`)})`
}

/**
 * Moves the data version forward by at least a millisecond, to `at` if later; with `stamps`, to the last instant
 * the batch allocated, so two batches of one run (or two runs in the same millisecond) never share a version over
 * different data.
 */
export function bumpVersionQuery(db: Db, at: string, stamps = 0): CompiledQuery {
  const value = stamps ? stampAt(at, stamps - 1) : sql`${at}`
  return sql`INSERT INTO meta (key, value) VALUES ('changed_at', ${value})
    ON CONFLICT (key) DO UPDATE SET value = CASE WHEN excluded.value > meta.value THEN excluded.value
      ELSE strftime('%Y-%m-%dT%H:%M:%fZ', meta.value, '+0.001 seconds') END`.compile(db.kysely)
}

async function readMeta(db: Db, key: string): Promise<string | null> {
  // On SQLite a prepared statement of its own: this is read by every feed and API request.
  if (db.readMeta) return db.readMeta(key)
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

/** The data version: the instant of the last change to published data, or null before the first. */
export const changedAt = (db: Db): Promise<string | null> => readMeta(db, 'changed_at')

/** When the database was created (set by the first migration), or null where it was not recorded. */
export const createdAt = (db: Db): Promise<string | null> => readMeta(db, 'created_at')
