// Items and their signals. Every write for a batch of new items is compiled here and executed by the caller
// in one atomic batch together with the source's new validators, so a poll that dies halfway leaves either
// everything or nothing of a source behind.
import { sql, type CompiledQuery } from 'kysely'
import type { FeedItem, Signal } from '../types.ts'
import type { Db } from './schema.ts'

const CHUNK = 90 // D1 allows 100 bound parameters per statement

export interface StoredItem {
  id: string
  sourceUrl: string
  sourceTitle: string
  item: FeedItem
  published: string
  fetchedAt: string
  signals: Signal[]
}

/** Returns the indexes of `items` already stored (same source guid, same link, or same content). */
export async function findKnownItems(db: Db, sourceUrl: string, items: FeedItem[]): Promise<Set<number>> {
  const known = new Set<number>()
  const guids = new Set<string>()
  const urls = new Set<string>()
  const hashes = new Set<string>()
  const guidList = [...new Set(items.map((i) => i.guid))]
  for (let i = 0; i < guidList.length; i += CHUNK) {
    const rows = await db.kysely.selectFrom('items').select('guid').where('source_url', '=', sourceUrl).where('guid', 'in', guidList.slice(i, i + CHUNK)).execute()
    for (const r of rows) guids.add(r.guid)
  }
  const urlList = [...new Set(items.map((i) => i.url).filter((u): u is string => !!u))]
  for (let i = 0; i < urlList.length; i += CHUNK) {
    const rows = await db.kysely.selectFrom('items').select('url').where('url', 'in', urlList.slice(i, i + CHUNK)).execute()
    for (const r of rows) if (r.url) urls.add(r.url)
  }
  const hashList = [...new Set(items.map((i) => i.contentHash))]
  for (let i = 0; i < hashList.length; i += CHUNK) {
    const rows = await db.kysely.selectFrom('items').select('content_hash').where('content_hash', 'in', hashList.slice(i, i + CHUNK)).execute()
    for (const r of rows) hashes.add(r.content_hash)
  }
  // Duplicates inside the same fetch count as known after their first occurrence.
  const seenGuid = new Set<string>()
  const seenUrl = new Set<string>()
  const seenHash = new Set<string>()
  items.forEach((it, idx) => {
    if (guids.has(it.guid) || (it.url && urls.has(it.url)) || hashes.has(it.contentHash) || seenGuid.has(it.guid) || (it.url && seenUrl.has(it.url)) || seenHash.has(it.contentHash)) {
      known.add(idx)
    }
    seenGuid.add(it.guid)
    if (it.url) seenUrl.add(it.url)
    seenHash.add(it.contentHash)
  })
  return known
}

export function dayOf(iso: string): string {
  return iso.slice(0, 10)
}

const ITEM_COLUMNS = 11
const SIGNAL_COLUMNS = 17

function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(CHUNK / columns))
}

/**
 * The writes for a batch of new items, as few statements as D1's 100-parameter limit allows: multi-row
 * inserts that ignore rows already present, signals guarded by their item's existence.
 */
export function saveItemsQueries(db: Db, stored: StoredItem[]): CompiledQuery[] {
  const q: CompiledQuery[] = []
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
  }))
  const step = rowsPerStatement(ITEM_COLUMNS)
  for (let i = 0; i < itemRows.length; i += step) {
    q.push(db.kysely.insertInto('items').values(itemRows.slice(i, i + step)).onConflict((oc) => oc.doNothing()).compile())
  }
  const signalRows = stored.flatMap((s) =>
    s.signals.map((sig) => [
      `${s.id}:${sig.sentenceIndex}:${sig.pair}`, s.id, sig.pair, sig.a, sig.b, dayOf(s.published), s.published, sig.direction, sig.score,
      sig.confidence, JSON.stringify(sig.flags), JSON.stringify(sig.cues), sig.sentence, JSON.stringify(sig.mentions), s.sourceUrl, s.sourceTitle, s.item.url,
    ]),
  )
  const sigStep = rowsPerStatement(SIGNAL_COLUMNS)
  for (let i = 0; i < signalRows.length; i += sigStep) {
    const rows = signalRows.slice(i, i + sigStep)
    // If a concurrent poll stored the same article under another id, the item insert above was ignored and
    // these signals must not be orphaned: only rows whose item exists are inserted.
    q.push(
      sql`INSERT OR IGNORE INTO signals (id, item_id, pair, a, b, day, published, direction, score, confidence, flags, cues, sentence, mentions, source_url, source_title, item_url)
          SELECT * FROM (VALUES ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}) AS v
          WHERE EXISTS (SELECT 1 FROM items WHERE items.id = v.column2)`.compile(db.kysely),
    )
  }
  const dirty = [...new Set(stored.flatMap((s) => s.signals.map((sig) => `${sig.pair}|${dayOf(s.published)}`)))].map((k) => {
    const [pair, day] = k.split('|') as [string, string]
    return { pair, day }
  })
  const dirtyStep = rowsPerStatement(2)
  for (let i = 0; i < dirty.length; i += dirtyStep) {
    q.push(db.kysely.insertInto('dirty_pair_days').values(dirty.slice(i, i + dirtyStep)).onConflict((oc) => oc.doNothing()).compile())
  }
  return q
}
