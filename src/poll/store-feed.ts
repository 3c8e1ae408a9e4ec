// Stores what one fetch (a poll) or one file (an import) of a source brought: the items this source has not stored
// yet, analysed when the engine reads their language, written in batches with the source's outcome in the last.
// Polling and importing share it, so an imported file is deduplicated exactly as a polled feed is.
import { contentHash } from '../ingest/content-hash.ts'
import { isAnalysed } from '../ingest/detect-language.ts'
import { findKnownItems, itemWrites, type StoredItem } from '../store/items-store.ts'
import type { Db, SourceRow } from '../store/schema.ts'
import { recordOutcomeQuery } from '../store/sources-store.ts'
import type { FeedItem, Source } from '../types.ts'
import { yieldToEventLoop } from '../yield-to-event-loop.ts'
import { analyzeItem, type Analyzer } from './analyze-item.ts'
import { dateItem } from './date-item.ts'

const ITEMS_PER_BATCH = 100
const SIGNALS_PER_BATCH = 400
const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0)

/** What the store says a feed added: items, signals, items per language, and items not analysed for their language. */
export interface StoredCounts {
  newItems: number
  signals: number
  /** new items per ISO 639-3 code */
  languages: Record<string, number>
  /** new items stored and counted but not analysed: the engine reads English */
  unanalysed: number
}

export interface StoreOptions {
  /** the engine and its version, stored with each item and signal */
  analyzer: Analyzer
  /** the source was never read successfully before: its undated items are backlog, never analysed (see dateItem) */
  firstPoll: boolean
}

export async function storeFeed(
  db: Db,
  source: Source,
  items: FeedItem[],
  now: Date,
  update: Partial<SourceRow>,
  options: StoreOptions,
): Promise<StoredCounts> {
  const known = await findKnownItems(db, source.url, items)
  const fresh = items.filter((_, i) => !known.has(i))
  const ids = Promise.all(fresh.map((item) => contentHash(`${source.url}\n${item.guid}`)))
  const stored: StoredItem[] = []
  for (const item of fresh) {
    const { published, dating } = dateItem(item.published, now, options.firstPoll)
    const { signals, verdicts } = analyzeItem(item.text, published, dating, options.analyzer, item.language)
    stored.push({
      id: '',
      sourceUrl: source.url,
      sourceTitle: source.title,
      item,
      published,
      fetchedAt: now.toISOString(),
      signals,
      dating,
      engineVersion: options.analyzer.version,
      verdicts,
    })
    // Analysis is the longest synchronous step of a poll: one item at a time, then the server's requests.
    await yieldToEventLoop()
  }
  // The digests were computed off the main thread while the items were analysed.
  for (const [i, id] of (await ids).entries()) stored[i]!.id = id
  // Each group of items lands with its signals and dirty marks in one batch; the new validators land with the
  // last group. A poll that dies halfway refetches the same body next time, skips what was stored and stores
  // the rest: nothing twice, nothing lost. Groups keep every batch within D1's per-invocation query budget.
  // What is reported is what the store says it inserted: a concurrent poll of the same source may have stored
  // some of these items first.
  const counts: StoredCounts = { newItems: 0, signals: 0, languages: {}, unanalysed: 0 }
  // A group is at most 100 items and 400 signals: on SQLite a batch is one synchronous transaction, and a
  // larger one would hold the event loop for more than a tenth of a second.
  const groups: StoredItem[][] = []
  for (const s of stored) {
    const group = groups.at(-1)
    if (
      group &&
      group.length < ITEMS_PER_BATCH &&
      group.reduce((n, g) => n + g.signals.length, 0) + s.signals.length <= SIGNALS_PER_BATCH
    )
      group.push(s)
    else groups.push([s])
  }
  for (const [i, group] of groups.entries()) {
    const last = i === groups.length - 1
    const writes = itemWrites(db, group)
    const changes = await db.batch([
      ...writes.items,
      ...writes.signals,
      ...writes.marks,
      ...(last ? [recordOutcomeQuery(db, source.url, update, true)] : []),
    ])
    writes.itemLanguages.forEach((language, n) => {
      const inserted = changes[n] ?? 0
      counts.newItems += inserted
      if (!inserted) return
      counts.languages[language || 'und'] = (counts.languages[language || 'und'] ?? 0) + inserted
      if (!isAnalysed(language)) counts.unanalysed += inserted
    })
    counts.signals += sum(changes.slice(writes.items.length, writes.items.length + writes.signals.length))
    await yieldToEventLoop()
  }
  if (!groups.length) await db.batch([recordOutcomeQuery(db, source.url, update, true)])
  return counts
}
