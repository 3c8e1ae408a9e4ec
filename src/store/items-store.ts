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

export function saveItemsQueries(db: Db, stored: StoredItem[]): CompiledQuery[] {
  const q: CompiledQuery[] = []
  for (const s of stored) {
    q.push(
      db.kysely
        .insertInto('items')
        .values({
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
        })
        .onConflict((oc) => oc.doNothing())
        .compile(),
    )
    const day = dayOf(s.published)
    const pairs = new Set<string>()
    for (const sig of s.signals) {
      pairs.add(sig.pair)
      // Guarded by the item's existence: if a concurrent poll stored the same article under another id,
      // the item insert above was ignored and these signals must not be orphaned.
      q.push(
        sql`INSERT OR IGNORE INTO signals (id, item_id, pair, a, b, day, published, direction, score, confidence, flags, cues, sentence, mentions, source_url, source_title, item_url)
            SELECT ${`${s.id}:${sig.sentenceIndex}:${sig.pair}`}, ${s.id}, ${sig.pair}, ${sig.a}, ${sig.b}, ${day}, ${s.published}, ${sig.direction},
                   ${sig.score}, ${sig.confidence}, ${JSON.stringify(sig.flags)}, ${JSON.stringify(sig.cues)}, ${sig.sentence},
                   ${JSON.stringify(sig.mentions)}, ${s.sourceUrl}, ${s.sourceTitle}, ${s.item.url}
            WHERE EXISTS (SELECT 1 FROM items WHERE id = ${s.id})`.compile(db.kysely),
      )
    }
    for (const pair of pairs) {
      q.push(db.kysely.insertInto('dirty_pair_days').values({ pair, day }).onConflict((oc) => oc.doNothing()).compile())
    }
  }
  return q
}
