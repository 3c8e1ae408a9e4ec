// Re-analysis: applies the current engine to what a deployment stored. Items not yet analysed with this engine
// version are read in id order, a chunk at a time; each chunk's items are analysed exactly as a poll would, and
// those whose signals changed have them replaced, atomically per item, with their old and new pair-days marked
// dirty. Aggregation runs once the items are done, so the shifts (and the corrections of those whose direction
// changed) are computed from the final signals: a run killed halfway and run again ends in the same state.
import { aggregateDirty } from '../store/aggregate-dirty.ts'
import type { StoredItem } from '../store/items-store.ts'
import {
  changedItems,
  countPending,
  pendingItems,
  reanalysisWrites,
  type PendingItem,
} from '../store/reanalysis-store.ts'
import type { Db } from '../store/schema.ts'
import type { ItemDating } from '../types.ts'
import { IN_LIST } from '../store/d1-limits.ts'
import { yieldToEventLoop } from '../yield-to-event-loop.ts'
import { analyzeItem, currentAnalyzer, type Analyzer } from './analyze-item.ts'

export interface ReanalysisDeps {
  db: Db
  now: () => Date
  analyzer?: Analyzer
  /** called after each chunk is stored, and once aggregation is done */
  progress?: (p: ReanalysisProgress) => void
}

export interface ReanalysisProgress {
  phase: 'items' | 'aggregated'
  done: number
  total: number
  changed: number
}

export interface ReanalysisOptions {
  /** only items published on or after this day (YYYY-MM-DD) */
  since?: string | null
  /** items per atomic batch (default 50: one queue message on Workers) */
  chunk?: number
  /** stop after this many items (a Worker invocation's share); the rest stays pending for the next call */
  maxItems?: number
  /** aggregate when no item is left (default true) */
  aggregate?: boolean
}

export interface ReanalysisRun {
  engine: string
  since: string | null
  /** items analysed in this run, and how many of them changed */
  items: number
  changedItems: number
  signalsBefore: number
  signalsAfter: number
  /** items still not analysed with this engine (0 when done) */
  remaining: number
  shiftsChanged: number
}

export const DEFAULT_CHUNK = 50

function asStored(row: PendingItem, analyzer: Analyzer): StoredItem {
  const dating = row.dating as ItemDating
  const { signals, verdicts } = analyzeItem(row.text, row.published, dating, analyzer, row.language)
  return {
    id: row.id,
    sourceUrl: row.source_url,
    sourceTitle: row.source_title,
    item: {
      guid: row.guid,
      url: row.url,
      title: row.title,
      text: row.text,
      published: row.published,
      author: null,
      contentHash: row.content_hash,
      ...(row.language ? { language: row.language } : {}),
    },
    published: row.published,
    fetchedAt: row.fetched_at,
    signals,
    dating,
    engineVersion: analyzer.version,
    verdicts,
  }
}

export async function reanalyzeItems(deps: ReanalysisDeps, options: ReanalysisOptions = {}): Promise<ReanalysisRun> {
  const analyzer = deps.analyzer ?? currentAnalyzer()
  const since = options.since ?? null
  // A chunk's ids go into one IN list: within D1's 100 bound parameters.
  const chunk = Math.min(IN_LIST, options.chunk ?? DEFAULT_CHUNK)
  const limit = options.maxItems ?? Number.POSITIVE_INFINITY
  const total = await countPending(deps.db, analyzer.version, since)
  const run: ReanalysisRun = {
    engine: analyzer.version,
    since,
    items: 0,
    changedItems: 0,
    signalsBefore: 0,
    signalsAfter: 0,
    remaining: total,
    shiftsChanged: 0,
  }
  let afterId = ''
  while (run.items < limit) {
    const rows = await pendingItems(deps.db, analyzer.version, since, afterId, Math.min(chunk, limit - run.items))
    if (!rows.length) break
    const items: StoredItem[] = []
    for (const row of rows) {
      items.push(asStored(row, analyzer))
      // Analysis is long synchronous work: one item at a time, then whatever else the process serves.
      await yieldToEventLoop()
    }
    const changed = await changedItems(deps.db, items)
    const before = await deps.db.kysely
      .selectFrom('signals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'item_id',
        'in',
        rows.map((r) => r.id),
      )
      .executeTakeFirstOrThrow()
    await deps.db.batch(reanalysisWrites(deps.db, items, changed, analyzer.version))
    run.items += rows.length
    run.changedItems += changed.size
    run.signalsBefore += Number(before.n)
    run.signalsAfter += items.reduce((n, s) => n + s.signals.length, 0)
    run.remaining = Math.max(0, total - run.items)
    afterId = rows[rows.length - 1]!.id
    deps.progress?.({ phase: 'items', done: run.items, total, changed: run.changedItems })
  }
  if (run.items < limit) run.remaining = 0
  if (run.remaining === 0 && options.aggregate !== false) {
    // Until no mark is left that this process can claim: marks of pairs another live aggregator holds are its to do.
    for (;;) {
      const r = await aggregateDirty(deps.db, deps.now())
      run.shiftsChanged += r.shiftsChanged
      if (!r.pairs) break
    }
    deps.progress?.({ phase: 'aggregated', done: run.items, total, changed: run.changedItems })
  }
  return run
}
