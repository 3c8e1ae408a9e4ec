// The store side of re-analysis: which items still need the current engine, and the writes that replace one
// chunk of items' signals. Every write for an item lands in one batch with its new version, so an item is either
// wholly re-analysed or untouched, and a run that dies halfway resumes with exactly the items still to do.
import { sql, type CompiledQuery, type ExpressionBuilder } from 'kysely'
import {
  insertSignalRows,
  markUpserts,
  signalDays,
  signalRows,
  SIGNAL_INSERT_COLUMNS,
  type SignalValues,
  type StoredItem,
} from './items-store.ts'
import { chunk, IN_LIST } from './d1-limits.ts'
import type { Db, ItemRow, Schema } from './schema.ts'

export type PendingItem = Pick<
  ItemRow,
  | 'id'
  | 'source_url'
  | 'source_title'
  | 'guid'
  | 'url'
  | 'title'
  | 'text'
  | 'published'
  | 'fetched_at'
  | 'content_hash'
  | 'language'
> & { dating: string }

const needsVersion = (version: string, since: string | null) => (eb: ExpressionBuilder<Schema, 'items'>) =>
  eb.and([
    eb.or([eb('analyzed_with', 'is', null), eb('analyzed_with', '!=', version)]),
    ...(since ? [eb('published', '>=', since)] : []),
  ])

/** Items not yet analysed with `version`, published on or after `since`, in id order after `afterId`. */
export async function pendingItems(
  db: Db,
  version: string,
  since: string | null,
  afterId: string,
  limit: number,
): Promise<PendingItem[]> {
  return db.kysely
    .selectFrom('items')
    .select([
      'id',
      'source_url',
      'source_title',
      'guid',
      'url',
      'title',
      'text',
      'published',
      'fetched_at',
      'content_hash',
      'dating',
      'language',
    ])
    .where(needsVersion(version, since))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

export async function countPending(db: Db, version: string, since: string | null): Promise<number> {
  const row = await db.kysely
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(needsVersion(version, since))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** What re-analysis compares: a signal as stored, less the engine version it came from. */
const comparable = (row: SignalValues) =>
  JSON.stringify(row.filter((_, i) => SIGNAL_INSERT_COLUMNS[i] !== 'engine_version'))

/** The items whose new signals differ from what is stored (those alone need replacing and re-aggregating). */
export async function changedItems(db: Db, items: StoredItem[]): Promise<Set<string>> {
  const stored = new Map<string, string[]>()
  for (const some of chunk(items, IN_LIST)) {
    const rows = await db.kysely
      .selectFrom('signals')
      .select([...SIGNAL_INSERT_COLUMNS])
      .where(
        'item_id',
        'in',
        some.map((s) => s.id),
      )
      .execute()
    for (const r of rows) {
      const values = SIGNAL_INSERT_COLUMNS.map((c) => (r as Record<string, string | number | null>)[c] ?? null)
      stored.set(r.item_id, [...(stored.get(r.item_id) ?? []), comparable(values)])
    }
  }
  const changed = new Set<string>()
  for (const item of items) {
    const fresh = signalRows([item]).map(comparable).sort()
    const old = (stored.get(item.id) ?? []).sort()
    if (fresh.length !== old.length || fresh.some((v, i) => v !== old[i])) changed.add(item.id)
  }
  return changed
}

/**
 * The writes that re-analyse a chunk of items: for a changed item, its old pair-days marked dirty (read inside
 * the batch, so nothing stored meanwhile is missed), its old signals deleted, the new ones inserted and their
 * pair-days marked; for every item, its signals and itself stamped with the new version.
 */
export function reanalysisWrites(db: Db, items: StoredItem[], changed: Set<string>, version: string): CompiledQuery[] {
  const q: CompiledQuery[] = []
  const replaced = items.filter((s) => changed.has(s.id))
  for (const some of chunk(replaced, IN_LIST)) {
    const ids = some.map((s) => s.id)
    // `WHERE true` lets SQLite parse the upsert after a SELECT.
    q.push(
      sql`INSERT INTO dirty_pair_days (pair, day, reanalysis) SELECT DISTINCT pair, day, 1 FROM signals WHERE item_id IN (${sql.join(ids)}) AND true
          ON CONFLICT (pair, day) DO UPDATE SET version = dirty_pair_days.version + 1, reanalysis = 1`.compile(
        db.kysely,
      ),
    )
    q.push(db.kysely.deleteFrom('signals').where('item_id', 'in', ids).compile())
  }
  q.push(...insertSignalRows(db, signalRows(replaced)), ...markUpserts(db, signalDays(replaced), true))
  const kept = items.filter((s) => !changed.has(s.id)).map((s) => s.id)
  for (const some of chunk(kept, IN_LIST))
    q.push(db.kysely.updateTable('signals').set({ engine_version: version }).where('item_id', 'in', some).compile())
  const byCount = new Map<number, string[]>()
  for (const s of items) byCount.set(s.signals.length, [...(byCount.get(s.signals.length) ?? []), s.id])
  for (const [count, ids] of byCount) {
    for (const some of chunk(ids, IN_LIST))
      q.push(
        db.kysely
          .updateTable('items')
          .set({ analyzed_with: version, signal_count: count })
          .where('id', 'in', some)
          .compile(),
      )
  }
  // Each source keeps the count of signals its items yielded (for /healthz and /api/sources): recounted for the
  // sources whose items changed, in the same batch, so it never disagrees with the signals stored.
  const sources = [...new Set(replaced.map((s) => s.sourceUrl))]
  for (const some of chunk(sources, IN_LIST)) {
    q.push(
      db.kysely
        .updateTable('sources')
        .set((eb) => ({
          signal_count: eb
            .selectFrom('items')
            .select((e) => e.fn.coalesce(e.fn.sum<number>('signal_count'), e.lit(0)).as('n'))
            .whereRef('items.source_url', '=', 'sources.url'),
        }))
        .where('url', 'in', some)
        .compile(),
    )
  }
  return q
}
