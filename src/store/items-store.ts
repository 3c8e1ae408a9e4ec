// Items and their signals. Every write for a batch of new items is compiled here and executed by the caller
// in one atomic batch together with the source's new validators, so a poll that dies halfway leaves either
// everything or nothing of a source behind.
import { sql, type CompiledQuery } from 'kysely'
import type { FeedItem, ItemDating, PairVerdict, Signal } from '../types.ts'
import { chunk, IN_LIST } from './d1-limits.ts'
import type { Db } from './schema.ts'

export interface StoredItem {
  id: string
  sourceUrl: string
  sourceTitle: string
  item: FeedItem
  published: string
  fetchedAt: string
  signals: Signal[]
  /** how `published` was found; 'feed' when absent */
  dating?: ItemDating
  /** the engine version the signals came from */
  engineVersion?: string
  /** the article's verdict per pair, stored beside each of its signals */
  verdicts?: PairVerdict[]
}

/**
 * Returns the indexes of `items` this source already stored: same guid, same link or same content, within the
 * source only. Matching across sources would let a feed that claims another site's link (or copies its text)
 * first hide that site's article; copies in several sources are each kept as their source's item.
 */
export async function findKnownItems(db: Db, sourceUrl: string, items: FeedItem[]): Promise<Set<number>> {
  const known = new Set<number>()
  const guids = new Set<string>()
  const urls = new Set<string>()
  const hashes = new Set<string>()
  const lookUp = async (column: 'guid' | 'url' | 'content_hash', values: string[], into: Set<string>) => {
    const list = [...new Set(values)]
    for (const some of chunk(list, IN_LIST)) {
      const rows = await db.kysely
        .selectFrom('items')
        .select(`${column} as v`)
        .where('source_url', '=', sourceUrl)
        .where(column, 'in', some)
        .execute()
      for (const r of rows) if (r.v) into.add(r.v)
    }
  }
  await lookUp(
    'guid',
    items.map((i) => i.guid),
    guids,
  )
  await lookUp(
    'url',
    items.map((i) => i.url).filter((u): u is string => !!u),
    urls,
  )
  await lookUp(
    'content_hash',
    items.map((i) => i.contentHash),
    hashes,
  )
  // Duplicates inside the same fetch count as known after their first occurrence.
  items.forEach((it, idx) => {
    if (guids.has(it.guid) || (it.url && urls.has(it.url)) || hashes.has(it.contentHash)) known.add(idx)
    guids.add(it.guid)
    if (it.url) urls.add(it.url)
    hashes.add(it.contentHash)
  })
  return known
}

export function dayOf(iso: string): string {
  return iso.slice(0, 10)
}

const ITEM_COLUMNS = 14

/** Rows of a multi-row insert that keep its bound parameters within D1's limit (with room to spare). */
function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(IN_LIST / columns))
}

/** The statements that store a batch of new items, by kind, so a caller can count what each stored. */
export interface ItemWrites {
  items: CompiledQuery[]
  /** the language of the items each statement of `items` inserts: one language per statement, so counts add up */
  itemLanguages: string[]
  signals: CompiledQuery[]
  marks: CompiledQuery[]
}

/**
 * The writes for a batch of new items, as few statements as D1's 100-parameter limit allows: multi-row
 * inserts that ignore rows already present, signals guarded by their item's existence, and their dirty marks.
 */
export function itemWrites(db: Db, stored: StoredItem[]): ItemWrites {
  const itemRows = stored.map((s) => ({
    id: s.id,
    source_url: s.sourceUrl,
    source_title: s.sourceTitle,
    guid: s.item.guid,
    url: s.item.url,
    title: s.item.title,
    text: s.item.text,
    published: s.published,
    fetched_at: s.fetchedAt,
    content_hash: s.item.contentHash,
    signal_count: s.signals.length,
    dating: s.dating ?? 'feed',
    analyzed_with: s.engineVersion ?? null,
    language: s.item.language ?? null,
  }))
  const items: CompiledQuery[] = []
  const itemLanguages: string[] = []
  const step = rowsPerStatement(ITEM_COLUMNS)
  const byLanguage = new Map<string, typeof itemRows>()
  for (const row of itemRows) {
    const list = byLanguage.get(row.language ?? '')
    if (list) list.push(row)
    else byLanguage.set(row.language ?? '', [row])
  }
  for (const [language, rows] of byLanguage) {
    for (const some of chunk(rows, step)) {
      items.push(
        db.kysely
          .insertInto('items')
          .values(some)
          .onConflict((oc) => oc.doNothing())
          .compile(),
      )
      itemLanguages.push(language)
    }
  }
  return { items, itemLanguages, signals: signalInserts(db, stored), marks: markUpserts(db, signalDays(stored)) }
}

/** The pair-days an item's signals fall on. */
export function signalDays(stored: StoredItem[]): [string, string][] {
  return [...new Set(stored.flatMap((s) => s.signals.map((sig) => `${sig.pair}|${dayOf(s.published)}`)))].map(
    (k) => k.split('|') as [string, string],
  )
}

/**
 * Inserts of the items' signals, guarded by their item's existence. One sentence may carry several signals for one
 * pair (two cues, a claim and its reversal): each is stored, numbered in the order the engine gave them, so
 * re-storing the same analysis yields the same ids.
 */
export function signalInserts(db: Db, stored: StoredItem[]): CompiledQuery[] {
  return insertSignalRows(db, signalRows(stored))
}

/** A signal row as stored, in the column order of SIGNAL_INSERT_COLUMNS. */
export type SignalValues = (string | number | null)[]

export const SIGNAL_INSERT_COLUMNS = [
  'id',
  'item_id',
  'pair',
  'a',
  'b',
  'day',
  'published',
  'direction',
  'score',
  'confidence',
  'flags',
  'cues',
  'sentence',
  'mentions',
  'source_url',
  'source_title',
  'item_url',
  'event_type',
  'engine_version',
  'date_inferred',
  'doc_direction',
  'doc_score',
  'doc_confidence',
] as const

export function signalRows(stored: StoredItem[]): SignalValues[] {
  return stored.flatMap((s) => {
    const seen = new Map<string, number>()
    const verdicts = new Map((s.verdicts ?? []).map((v) => [v.pair, v]))
    return s.signals.map((sig) => {
      const base = `${s.id}:${sig.sentenceIndex}:${sig.pair}`
      const n = seen.get(base) ?? 0
      seen.set(base, n + 1)
      const verdict = verdicts.get(sig.pair)
      return [
        n ? `${base}:${n}` : base,
        s.id,
        sig.pair,
        sig.a,
        sig.b,
        dayOf(s.published),
        s.published,
        sig.direction,
        sig.score,
        sig.confidence,
        JSON.stringify(sig.flags),
        JSON.stringify(sig.cues),
        sig.sentence,
        JSON.stringify(sig.mentions),
        s.sourceUrl,
        s.sourceTitle,
        s.item.url,
        sig.eventType,
        s.engineVersion ?? null,
        s.dating && s.dating !== 'feed' ? 1 : 0,
        verdict?.direction ?? null,
        verdict?.score ?? null,
        verdict?.confidence ?? null,
      ]
    })
  })
}

/** Multi-row inserts of signal rows, each within D1's 100 bound parameters. */
export function insertSignalRows(db: Db, signalRows: SignalValues[]): CompiledQuery[] {
  const out: CompiledQuery[] = []
  for (const rows of chunk(signalRows, rowsPerStatement(SIGNAL_INSERT_COLUMNS.length))) {
    // If a concurrent poll of the same source stored the item first, the item insert above was ignored and so
    // are these signals (same ids); a signal is never inserted without its item.
    out.push(
      sql`INSERT OR IGNORE INTO signals (${sql.raw(SIGNAL_INSERT_COLUMNS.join(', '))})
          SELECT * FROM (VALUES ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}) AS v
          WHERE EXISTS (SELECT 1 FROM items WHERE items.id = v.column2)`.compile(db.kysely),
    )
  }
  return out
}

/**
 * A dirty mark per pair-day whose version moves, so an aggregation that read the day before these signals keeps
 * the mark; `reanalysis` records that re-analysis changed the day, so a correction can say why.
 */
export function markUpserts(db: Db, days: [string, string][], reanalysis = false): CompiledQuery[] {
  const out: CompiledQuery[] = []
  const flag = reanalysis ? 1 : 0
  for (const rows of chunk(days, rowsPerStatement(3))) {
    out.push(
      sql`INSERT INTO dirty_pair_days (pair, day, reanalysis) VALUES ${sql.join(rows.map(([pair, day]) => sql`(${pair}, ${day}, ${flag})`))}
          ON CONFLICT (pair, day) DO UPDATE SET version = dirty_pair_days.version + 1, reanalysis = max(dirty_pair_days.reanalysis, excluded.reanalysis)`.compile(
        db.kysely,
      ),
    )
  }
  return out
}

export function saveItemsQueries(db: Db, stored: StoredItem[]): CompiledQuery[] {
  const w = itemWrites(db, stored)
  return [...w.items, ...w.signals, ...w.marks]
}
