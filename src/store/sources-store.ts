// Source rows: the list from OPML, their HTTP validators, outcomes and backoff.
import { sql } from 'kysely'
import type { Source } from '../types.ts'
import { chunk, IN_LIST } from './d1-limits.ts'
import type { Db, SourceRow } from './schema.ts'

/**
 * Makes the sources table hold every listed source and returns their rows. Only new sources and changed titles
 * are written, so a poll of an unchanged list costs reads alone. A feed's own site link, learned when it was
 * fetched, is kept unless the list names one.
 */
export async function syncSources(db: Db, sources: Source[]): Promise<Map<string, SourceRow>> {
  const rows = await getSources(
    db,
    sources.map((s) => s.url),
  )
  const changed = sources.filter((s) => {
    const row = rows.get(s.url)
    return !row || row.title !== s.title || (s.siteUrl && row.site_url !== s.siteUrl)
  })
  const queries = changed.map((s) =>
    db.kysely
      .insertInto('sources')
      .values({
        url: s.url,
        title: s.title,
        site_url: s.siteUrl ?? null,
        failures: 0,
        item_count: 0,
        signal_count: 0,
        languages: '{}',
      })
      .onConflict((oc) =>
        oc.column('url').doUpdateSet({ title: s.title, ...(s.siteUrl ? { site_url: s.siteUrl } : {}) }),
      )
      .compile(),
  )
  if (!queries.length) return rows
  await db.batch(queries)
  for (const [url, row] of await getSources(
    db,
    changed.map((s) => s.url),
  ))
    rows.set(url, row)
  return rows
}

export async function getSources(db: Db, urls: string[]): Promise<Map<string, SourceRow>> {
  const out = new Map<string, SourceRow>()
  for (const some of chunk(urls, IN_LIST)) {
    const rows = await db.kysely.selectFrom('sources').selectAll().where('url', 'in', some).execute()
    for (const r of rows) out.set(r.url, r)
  }
  return out
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.kysely.selectFrom('sources').selectAll().orderBy('url').execute()
}

export type SourceOutcome =
  | {
      kind: 'ok'
      status: number
      etag: string | null
      lastModified: string | null
      title?: string
      siteUrl?: string | null
      newItems: number
    }
  | { kind: 'not-modified' }
  | { kind: 'error'; status: number | null; message: string; retryAfterSeconds?: number }

const BASE_BACKOFF_S = 15 * 60
const MAX_BACKOFF_S = 24 * 3600

/** Seconds to wait before the next attempt after `failures` consecutive failures. */
export function backoffSeconds(failures: number, retryAfterSeconds?: number): number {
  const exp = Math.min(MAX_BACKOFF_S, BASE_BACKOFF_S * 2 ** Math.max(0, failures - 1))
  return retryAfterSeconds !== undefined ? Math.min(MAX_BACKOFF_S, Math.max(retryAfterSeconds, 60)) : exp
}

export function outcomeUpdate(row: Pick<SourceRow, 'failures'>, outcome: SourceOutcome, now: Date): Partial<SourceRow> {
  const at = now.toISOString()
  if (outcome.kind === 'error') {
    const failures = row.failures + 1
    // A 4xx other than 429 is the publisher's answer, not overload: retry at the normal pace, still backing off.
    const wait = backoffSeconds(failures, outcome.retryAfterSeconds)
    return {
      last_polled_at: at,
      last_outcome: 'error',
      last_status: outcome.status,
      last_error: outcome.message.slice(0, 500),
      failures,
      next_poll_at: new Date(now.getTime() + wait * 1000).toISOString(),
    }
  }
  const base: Partial<SourceRow> = {
    last_polled_at: at,
    last_ok_at: at,
    last_error: null,
    failures: 0,
    next_poll_at: null,
  }
  if (outcome.kind === 'not-modified') return { ...base, last_outcome: 'not-modified', last_status: 304 }
  return {
    ...base,
    last_outcome: 'ok',
    last_status: outcome.status,
    etag: outcome.etag,
    last_modified: outcome.lastModified,
    ...(outcome.siteUrl ? { site_url: outcome.siteUrl } : {}),
  }
}

/**
 * The outcome of a poll; with `countItems`, the source's counts taken from the items stored, in the same statement:
 * items, the signals they yielded, and items per language (a JSON object in code order).
 */
export function recordOutcomeQuery(db: Db, url: string, update: Partial<SourceRow>, countItems = false) {
  return db.kysely
    .updateTable('sources')
    .set((eb) => ({
      ...update,
      ...(countItems
        ? {
            item_count: eb
              .selectFrom('items')
              .select((e) => e.fn.countAll<number>().as('n'))
              .where('source_url', '=', url),
            signal_count: eb
              .selectFrom('items')
              .select((e) => e.fn.coalesce(e.fn.sum<number>('signal_count'), e.lit(0)).as('n'))
              .where('source_url', '=', url),
            languages: sql<string>`(SELECT COALESCE(json_group_object(language, n), '{}') FROM (SELECT language, COUNT(*) AS n FROM items WHERE source_url = ${url} AND language IS NOT NULL GROUP BY language ORDER BY language))`,
          }
        : {}),
    }))
    .where('url', '=', url)
    .compile()
}
