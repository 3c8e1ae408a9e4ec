// One feed file imported as a source: decoded, parsed and stored exactly as a poll stores a fetched body, so the
// same dedup within the source applies and importing a file twice stores nothing the second time. The caller reads
// the file (only src/cli touches the file system); this records the outcome on the source's row.
import { decodeBody } from '../ingest/decode-body.ts'
import { parseFeed } from '../ingest/parse-feed.ts'
import type { Db, SourceRow } from '../store/schema.ts'
import { recordOutcomeQuery, syncSources } from '../store/sources-store.ts'
import { currentAnalyzer, type Analyzer } from './analyze-item.ts'
import type { SourceReport } from './run-poll.ts'
import { storeFeed } from './store-feed.ts'

export interface ImportDeps {
  db: Db
  now: () => Date
  /** the engine and its version; the built-in engine unless a test injects another */
  analyzer?: Analyzer
}

export interface ImportedFile {
  /** the source's identity: the file's `file://` URL */
  url: string
  /** the title an OPML outline gave it; else the feed's own title, else `fallbackTitle` */
  title?: string
  fallbackTitle: string
}

/** What importing one file did; `items` counts what the file holds, `newItems` what was stored. */
export type ImportReport = SourceReport & { items: number }

export async function importFeed(deps: ImportDeps, file: ImportedFile, bytes: Uint8Array): Promise<ImportReport> {
  const now = deps.now()
  const at = now.toISOString()
  let feed
  try {
    feed = await parseFeed(decodeBody(bytes, null).text)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const title = file.title || file.fallbackTitle
    const row = (await syncSources(deps.db, [{ url: file.url, title }])).get(file.url)
    // A file is never polled: no backoff, no next poll, only the failure recorded for /api/sources.
    const update: Partial<SourceRow> = {
      last_polled_at: at,
      last_outcome: 'error',
      last_status: null,
      last_error: message.slice(0, 500),
      failures: (row?.failures ?? 0) + 1,
      next_poll_at: null,
    }
    await deps.db.batch([recordOutcomeQuery(deps.db, file.url, update)])
    return { url: file.url, title, outcome: 'error', status: null, items: 0, newItems: 0, signals: 0, error: message }
  }
  const source = {
    url: file.url,
    title: file.title || (feed.title !== '(untitled feed)' ? feed.title : '') || file.fallbackTitle,
  }
  const row = (await syncSources(deps.db, [{ ...source, ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}) }])).get(
    source.url,
  )
  const update: Partial<SourceRow> = {
    last_polled_at: at,
    last_ok_at: at,
    last_outcome: 'ok',
    last_status: null,
    last_error: null,
    failures: 0,
    next_poll_at: null,
  }
  // A file never read before is a first poll: its undated items may be of any age, kept but not analysed.
  const counts = await storeFeed(deps.db, source, feed.items, now, update, {
    analyzer: deps.analyzer ?? currentAnalyzer(),
    firstPoll: !row?.last_ok_at,
  })
  return { ...source, outcome: 'ok', status: null, items: feed.items.length, ...counts }
}
