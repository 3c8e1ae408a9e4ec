// The poll orchestrator: fetch → decode → parse → analyze → store, one source at a time per worker, then
// aggregate. It is handed its dependencies so the same code runs on Node and on Workers.
import type { CompiledQuery } from 'kysely'
import { getEngine } from '../analyze/engine.ts'
import { decodeBody } from '../ingest/decode-body.ts'
import { DEFAULT_LIMITS, fetchSource, type FetchLike, type FetchLimits } from '../ingest/fetch-source.ts'
import { parseFeed } from '../ingest/parse-feed.ts'
import { aggregateDirty } from '../store/aggregate-dirty.ts'
import { purgeTombstones } from '../store/read-queries.ts'
import type { Db, SourceRow } from '../store/schema.ts'
import { outcomeUpdate, recordOutcomeQuery, syncSources, type SourceOutcome } from '../store/sources-store.ts'
import type { Source } from '../types.ts'
import { currentAnalyzer, type Analyzer } from './analyze-item.ts'
import { notifyHub, type WebSubReport, type WebSubSettings } from './notify-hub.ts'
import { storeFeed, type StoredCounts } from './store-feed.ts'

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export interface PollDeps {
  fetch: FetchLike
  db: Db
  now: () => Date
  log: Logger
  limits?: FetchLimits
  concurrency?: number
  /** the engine and its version; the built-in engine unless a test injects another */
  analyzer?: Analyzer
  /** with ENTENTE_WEBSUB_HUB set: the hub to tell about every feed a poll changes */
  websub?: WebSubSettings
}

export interface SourceReport {
  url: string
  title: string
  outcome: 'ok' | 'not-modified' | 'error' | 'skipped'
  status: number | null
  newItems: number
  signals: number
  /** new items per language (ISO 639-3), what the store inserted */
  languages?: StoredCounts['languages']
  /** new items stored and counted but not analysed: the engine reads English */
  unanalysed?: number
  error?: string
  nextPollAt?: string
}

export interface PollSummary {
  startedAt: string
  finishedAt: string
  sources: SourceReport[]
  newItems: number
  newSignals: number
  /** new items per language (ISO 639-3) across sources */
  languages: Record<string, number>
  /** new items not analysed for their language, across sources */
  unanalysed: number
  shiftsChanged: number
  /** the hub notification, when a hub is configured and feeds changed */
  websub?: WebSubReport
}

const OUTCOMES_PER_BATCH = 100

export interface PollSourceOptions {
  /** poll even while the source is backing off (its next poll time is still ahead) */
  force?: boolean
  /**
   * Where writes that only record an outcome (a 304, a failure) go instead of their own batch, so a poll of many
   * sources lands them in a few batches instead of one transaction each; losing them in a crash only means the
   * source is asked again.
   */
  deferred?: CompiledQuery[]
}

/** Polls one source: fetch, parse, store and analyse, or record why not. */
export async function pollSource(
  deps: PollDeps,
  source: Source,
  row: SourceRow | undefined,
  options: PollSourceOptions = {},
): Promise<SourceReport> {
  const { force = false, deferred } = options
  const now = deps.now()
  const base = { url: source.url, title: source.title }
  if (!force && row?.next_poll_at && row.next_poll_at > now.toISOString()) {
    return {
      ...base,
      outcome: 'skipped',
      status: row.last_status,
      newItems: 0,
      signals: 0,
      nextPollAt: row.next_poll_at,
      ...(row.last_error ? { error: `backing off after: ${row.last_error}` } : {}),
    }
  }
  const res = await fetchSource(
    deps.fetch,
    source.url,
    { etag: row?.etag ?? null, lastModified: row?.last_modified ?? null },
    deps.limits ?? DEFAULT_LIMITS,
    deps.now,
  )
  const failures = row?.failures ?? 0
  const record = async (query: CompiledQuery) => {
    if (deferred) deferred.push(query)
    else await deps.db.batch([query])
  }
  const fail = async (outcome: Extract<SourceOutcome, { kind: 'error' }>): Promise<SourceReport> => {
    const update = outcomeUpdate({ failures }, outcome, now)
    await record(recordOutcomeQuery(deps.db, source.url, update))
    deps.log.warn('source failed', {
      source: source.url,
      status: outcome.status,
      error: outcome.message,
      retry_at: update.next_poll_at,
    })
    return {
      ...base,
      outcome: 'error',
      status: outcome.status,
      newItems: 0,
      signals: 0,
      error: outcome.message,
      ...(update.next_poll_at ? { nextPollAt: update.next_poll_at } : {}),
    }
  }
  if (res.kind === 'error')
    return fail({
      kind: 'error',
      status: res.status,
      message: res.message,
      ...(res.retryAfterSeconds !== undefined ? { retryAfterSeconds: res.retryAfterSeconds } : {}),
    })
  if (res.kind === 'not-modified') {
    await record(recordOutcomeQuery(deps.db, source.url, outcomeUpdate({ failures }, { kind: 'not-modified' }, now)))
    deps.log.info('source not modified', { source: source.url })
    return { ...base, outcome: 'not-modified', status: 304, newItems: 0, signals: 0 }
  }
  let feed
  try {
    feed = await parseFeed(decodeBody(res.bytes, res.contentType).text, res.url)
  } catch (err) {
    return fail({ kind: 'error', status: res.status, message: err instanceof Error ? err.message : String(err) })
  }
  const update = outcomeUpdate(
    { failures },
    {
      kind: 'ok',
      status: res.status,
      etag: res.etag,
      lastModified: res.lastModified,
      siteUrl: feed.siteUrl,
      newItems: feed.items.length,
    },
    now,
  )
  // Never fetched successfully before: what the feed holds now is its backlog, and an undated item in it may be
  // years old.
  const counts = await storeFeed(deps.db, source, feed.items, now, update, {
    analyzer: deps.analyzer ?? currentAnalyzer(),
    firstPoll: !row?.last_ok_at,
  })
  deps.log.info('source polled', {
    source: source.url,
    status: res.status,
    items: feed.items.length,
    new_items: counts.newItems,
    signals: counts.signals,
    languages: counts.languages,
    unanalysed: counts.unanalysed,
  })
  return { ...base, outcome: 'ok', status: res.status, ...counts }
}

/** Counts per language added up, in code order. */
export function addLanguages(counts: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {}
  for (const c of counts) for (const [code, n] of Object.entries(c)) total[code] = (total[code] ?? 0) + n
  return Object.fromEntries(Object.entries(total).sort(([x], [y]) => x.localeCompare(y)))
}

async function pool<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
  return out
}

export async function runPoll(
  deps: PollDeps,
  sources: Source[],
  options: { force?: boolean } = {},
): Promise<PollSummary> {
  const startedAt = deps.now().toISOString()
  // Built before the first fetch starts: its half second of construction would otherwise run inside the deadlines
  // of the fetches already under way. An injected engine is the test's to build.
  if (!deps.analyzer?.engine) getEngine()
  const rows = await syncSources(deps.db, sources)
  const deferred: CompiledQuery[] = []
  const flush = async () => {
    const queries = deferred.splice(0)
    try {
      for (let i = 0; i < queries.length; i += OUTCOMES_PER_BATCH)
        await deps.db.batch(queries.slice(i, i + OUTCOMES_PER_BATCH))
    } catch (err) {
      // Outcomes only move next poll times and backoff; items and signals were stored with their own batches.
      deps.log.error('could not record source outcomes', {
        sources: queries.length,
        error: err instanceof Error ? err.message : String(err),
      })
    }
  }
  const reports = await pool(sources, deps.concurrency ?? 6, async (s) => {
    try {
      return await pollSource(deps, s, rows.get(s.url), { force: options.force ?? false, deferred })
    } catch (err) {
      // A bug or a database error for one source must not take the others down.
      const message = err instanceof Error ? err.message : String(err)
      deps.log.error('source crashed', { source: s.url, error: message })
      return {
        url: s.url,
        title: s.title,
        outcome: 'error' as const,
        status: null,
        newItems: 0,
        signals: 0,
        error: `internal error: ${message}`,
      }
    } finally {
      if (deferred.length >= OUTCOMES_PER_BATCH) await flush()
    }
  })
  await flush()
  const aggregatingAt = deps.now()
  const { shiftsChanged, changedPairs, corrected } = await aggregateDirty(deps.db, aggregatingAt)
  await purgeTombstones(deps.db, aggregatingAt)
  const websub = deps.websub
    ? await notifyHub(deps.fetch, deps.websub, changedPairs, deps.log, corrected > 0)
    : undefined
  const summary: PollSummary = {
    startedAt,
    finishedAt: deps.now().toISOString(),
    sources: reports,
    newItems: reports.reduce((n, r) => n + r.newItems, 0),
    newSignals: reports.reduce((n, r) => n + r.signals, 0),
    languages: addLanguages(reports.map((r) => r.languages ?? {})),
    unanalysed: reports.reduce((n, r) => n + (r.unanalysed ?? 0), 0),
    shiftsChanged,
    ...(websub ? { websub } : {}),
  }
  deps.log.info('poll finished', {
    sources: reports.length,
    ok: reports.filter((r) => r.outcome === 'ok').length,
    not_modified: reports.filter((r) => r.outcome === 'not-modified').length,
    errors: reports.filter((r) => r.outcome === 'error').length,
    new_items: summary.newItems,
    signals: summary.newSignals,
    languages: summary.languages,
    unanalysed: summary.unanalysed,
    shifts_changed: shiftsChanged,
    sources_ms: aggregatingAt.getTime() - Date.parse(startedAt),
    aggregate_ms: Date.parse(summary.finishedAt) - aggregatingAt.getTime(),
  })
  return summary
}
