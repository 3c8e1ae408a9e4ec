// Sources as /api/sources, /healthz and the empty home page show them: each with its last outcome, next poll,
// error, counts and languages, and a digest of them all. Pure: rows in, plain objects out.
import { isAnalysed } from '../ingest/detect-language.ts'
import type { SourceRow } from '../store/schema.ts'

/** The languages the analysis engine reads; items in others are stored and counted, not analysed. */
export const ANALYSED_LANGUAGES = ['eng'] as const

export interface SourceJson {
  url: string
  title: string
  site_url: string | null
  /** `feed`: polled over http(s); `file`: brought in by `entente import`, never polled */
  kind: 'feed' | 'file'
  /** ok, not-modified or error; null until the source is first read */
  last_outcome: string | null
  last_status: number | null
  last_polled_at: string | null
  last_ok_at: string | null
  /** when the source is due again: after its backoff, or one poll interval after its last poll; null if never */
  next_poll_at: string | null
  error: string | null
  /** consecutive failures */
  failures: number
  items: number
  signals: number
  /** items per language, ISO 639-3 codes (`und`: too short to tell); items stored before detection are not in it */
  languages: Record<string, number>
  /** items stored and counted but not analysed, because the engine does not read their language */
  unanalysed: number
}

/** A source's items per language from its `languages` column, in code order; anything unreadable counts as nothing. */
export function sourceLanguages(column: string | null): Record<string, number> {
  let parsed: unknown
  try {
    parsed = JSON.parse(column || '{}')
  } catch {
    return {}
  }
  const out: Record<string, number> = {}
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return out
  for (const [code, n] of Object.entries(parsed).sort(([x], [y]) => x.localeCompare(y)))
    if (typeof n === 'number' && n > 0) out[code] = n
  return out
}

export function sourceView(row: SourceRow, pollMinutes: number): SourceJson {
  const kind = row.url.startsWith('file:') ? 'file' : 'feed'
  const languages = sourceLanguages(row.languages)
  let next: string | null = null
  if (kind === 'feed') {
    if (row.next_poll_at) next = row.next_poll_at
    else if (pollMinutes > 0 && row.last_polled_at)
      next = new Date(Date.parse(row.last_polled_at) + pollMinutes * 60_000).toISOString()
  }
  return {
    url: row.url,
    title: row.title,
    site_url: row.site_url,
    kind,
    last_outcome: row.last_outcome,
    last_status: row.last_status,
    last_polled_at: row.last_polled_at,
    last_ok_at: row.last_ok_at,
    next_poll_at: next,
    error: row.last_error,
    failures: row.failures,
    items: row.item_count,
    signals: row.signal_count,
    languages,
    unanalysed: Object.entries(languages).reduce((n, [code, count]) => n + (isAnalysed(code) ? 0 : count), 0),
  }
}

/** All sources at a glance, for /healthz and for saying why the home page has no shifts. */
export interface SourcesDigest {
  total: number
  /** read at least once */
  polled: number
  /** whose last outcome was ok or not-modified */
  ok: number
  /** whose last outcome was an error */
  failing: number
  items: number
  signals: number
  languages: Record<string, number>
  unanalysed: number
  /** the latest errors, newest first, at most five */
  errors: { title: string; url: string; error: string }[]
}

export function digestSources(views: SourceJson[]): SourcesDigest {
  const languages: Record<string, number> = {}
  for (const v of views)
    for (const [code, n] of Object.entries(v.languages)) languages[code] = (languages[code] ?? 0) + n
  const failing = views.filter((v) => v.last_outcome === 'error')
  return {
    total: views.length,
    polled: views.filter((v) => v.last_outcome !== null).length,
    ok: views.filter((v) => v.last_outcome === 'ok' || v.last_outcome === 'not-modified').length,
    failing: failing.length,
    items: views.reduce((n, v) => n + v.items, 0),
    signals: views.reduce((n, v) => n + v.signals, 0),
    languages: Object.fromEntries(Object.entries(languages).sort(([x], [y]) => x.localeCompare(y))),
    unanalysed: views.reduce((n, v) => n + v.unanalysed, 0),
    errors: [...failing]
      .sort((x, y) => (y.last_polled_at ?? '').localeCompare(x.last_polled_at ?? '') || x.url.localeCompare(y.url))
      .slice(0, 5)
      .map((v) => ({ title: v.title, url: v.url, error: v.error ?? 'failed' })),
  }
}
