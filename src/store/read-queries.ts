// Reads for feeds, pages and the API. Every listing is keyset-paged on an index; nothing scans signals.
import { tombstoneCutoff } from '../aggregate/corrections.ts'
import { freshSince } from '../aggregate/level-now.ts'
import { clipQuote } from '../aggregate/merge-day.ts'
import { stripControlChars } from '../ingest/html-to-text.ts'
import { httpUrl } from '../ingest/http-url.ts'
import type { Correction, Direction, Evidence, EvidenceCopy, Shift } from '../types.ts'
import type { Db, PairRow, ShiftRow } from './schema.ts'

export interface ShiftFilter {
  pair?: string
  actor?: string
  direction?: Direction
  minConfidence?: number
  /** keyset cursor: entries strictly older than this (day, id) */
  before?: { day: string; id: string }
  /** keyset cursor for the previous page: entries strictly newer */
  after?: { day: string; id: string }
  limit: number
  /** only shifts corrected or withdrawn in the last 30 days */
  corrections?: boolean
  /** the moment of reading: tombstones older than 30 days are gone (default: now) */
  now?: Date
}

/**
 * Evidence as it may be published, whenever it was stored: rows aggregated before links were limited to http(s),
 * quotes to MAX_QUOTE and bidi controls stripped still come out safe.
 */
function publishable(e: Evidence): Evidence {
  const copy = (c: EvidenceCopy): EvidenceCopy => ({ source: stripControlChars(c.source), url: httpUrl(c.url), published: c.published })
  return {
    text: clipQuote(stripControlChars(e.text)),
    url: httpUrl(e.url),
    source: stripControlChars(e.source),
    published: e.published,
    ...(e.direction ? { direction: e.direction } : {}),
    ...(e.eventType ? { eventType: e.eventType } : {}),
    ...(e.flags ? { flags: e.flags } : {}),
    ...(e.dateInferred !== undefined ? { dateInferred: e.dateInferred } : {}),
    ...(e.articleDirection ? { articleDirection: e.articleDirection } : {}),
    ...(e.story ? { story: e.story } : {}),
    ...(e.copies ? { copies: e.copies.map(copy) } : {}),
  }
}

export function toShift(r: ShiftRow): Shift {
  return {
    id: r.id,
    pair: r.pair,
    a: r.a,
    b: r.b,
    day: r.day,
    direction: r.direction as Direction,
    score: r.score,
    confidence: r.confidence,
    levelBefore: r.level_before,
    levelAfter: r.level_after,
    sources: r.sources,
    independentSources: r.independent_sources ?? r.sources,
    signals: r.signals,
    evidence: (JSON.parse(r.evidence) as Evidence[]).map(publishable),
    votes: r.votes ? (JSON.parse(r.votes) as Shift['votes']) : {},
    published: r.published,
    updated: r.updated,
    ...(r.previous_direction && r.corrected_at
      ? { correction: { previousDirection: r.previous_direction as Correction['previousDirection'], at: r.corrected_at, reason: r.correction_reason === 'reanalysis' ? 'reanalysis' : 'new-evidence' } }
      : {}),
    ...(r.withdrawn_at ? { withdrawnAt: r.withdrawn_at } : {}),
  }
}

export async function listShifts(db: Db, f: ShiftFilter): Promise<{ shifts: Shift[]; hasMore: boolean; hasNewer: boolean }> {
  const cutoff = tombstoneCutoff(f.now ?? new Date())
  // Tombstones show for 30 days; the corrections feed lists what changed in the same 30 days.
  let q = db.kysely.selectFrom('shifts').selectAll().where((eb) => eb.or([eb('withdrawn_at', 'is', null), eb('withdrawn_at', '>=', cutoff)]))
  if (f.corrections) q = q.where('corrected_at', '>=', cutoff)
  if (f.pair) q = q.where('pair', '=', f.pair)
  if (f.actor) {
    const actor = f.actor
    q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]))
  }
  if (f.direction) q = q.where('direction', '=', f.direction)
  if (f.minConfidence !== undefined) q = q.where('confidence', '>=', f.minConfidence)
  if (f.after) {
    const { day, id } = f.after
    const rows = await q
      .where((eb) => eb.or([eb('day', '>', day), eb.and([eb('day', '=', day), eb('id', '>', id)])]))
      .orderBy('day', 'asc')
      .orderBy('id', 'asc')
      .limit(f.limit + 1)
      .execute()
    const page = rows.slice(0, f.limit).reverse()
    return { shifts: page.map(toShift), hasMore: true, hasNewer: rows.length > f.limit }
  }
  if (f.before) {
    const { day, id } = f.before
    q = q.where((eb) => eb.or([eb('day', '<', day), eb.and([eb('day', '=', day), eb('id', '<', id)])]))
  }
  const rows = await q.orderBy('day', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute()
  return { shifts: rows.slice(0, f.limit).map(toShift), hasMore: rows.length > f.limit, hasNewer: !!f.before }
}

export interface PairFilter {
  actor?: string
  /** the direction as of `asOfDay`: a pair whose evidence has aged out is stable */
  direction?: Direction
  limit: number
  offset: number
  /** the day of reading (default: today) */
  asOfDay?: string
}

export async function listPairs(db: Db, f: PairFilter): Promise<{ pairs: PairRow[]; total: number }> {
  let q = db.kysely.selectFrom('pairs')
  if (f.actor) {
    const actor = f.actor
    q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]))
  }
  if (f.direction) {
    const fresh = freshSince(f.asOfDay ?? new Date().toISOString().slice(0, 10))
    const direction = f.direction
    q = q.where((eb) =>
      direction === 'stable' ? eb.or([eb('direction', '=', 'stable'), eb('last_day', '<', fresh)]) : eb.and([eb('direction', '=', direction), eb('last_day', '>=', fresh)]),
    )
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('last_day', 'desc').orderBy('pair').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ])
  return { pairs: rows, total: Number(count?.n ?? 0) }
}

export async function getPair(db: Db, pair: string): Promise<PairRow | undefined> {
  return db.kysely.selectFrom('pairs').selectAll().where('pair', '=', pair).executeTakeFirst()
}

/** The pair's shifts, oldest first, newest `limit` of them, with the tombstones still shown at `now`. */
export async function pairShifts(db: Db, pair: string, limit = 365, now = new Date()): Promise<Shift[]> {
  const cutoff = tombstoneCutoff(now)
  const rows = await db.kysely
    .selectFrom('shifts')
    .selectAll()
    .where('pair', '=', pair)
    .where((eb) => eb.or([eb('withdrawn_at', 'is', null), eb('withdrawn_at', '>=', cutoff)]))
    .orderBy('day', 'desc')
    .limit(limit)
    .execute()
  return rows.reverse().map(toShift)
}

export async function activeFeeds(db: Db, limit = 500): Promise<{ pairs: string[]; actors: string[] }> {
  const rows = await db.kysely.selectFrom('pairs').select(['pair', 'a', 'b']).orderBy('last_day', 'desc').limit(limit).execute()
  const actors = new Set<string>()
  for (const r of rows) {
    actors.add(r.a)
    actors.add(r.b)
  }
  return { pairs: rows.map((r) => r.pair), actors: [...actors].sort() }
}

export async function lastPoll(db: Db): Promise<string | null> {
  const row = await db.kysely.selectFrom('sources').select((eb) => eb.fn.max('last_polled_at').as('at')).executeTakeFirst()
  return (row?.at as string | null | undefined) ?? null
}

/** Level points of several pairs at once, for sparklines: the latest `perPair` days of each. */
export async function levelPoints(db: Db, pairs: string[], perPair = 60): Promise<Map<string, { day: string; level: number; direction: Direction; score: number }[]>> {
  const out = new Map<string, { day: string; level: number; direction: Direction; score: number }[]>()
  for (let i = 0; i < pairs.length; i += 90) {
    const chunk = pairs.slice(i, i + 90)
    const rows = await db.kysely
      .selectFrom('shifts')
      .select(['pair', 'day', 'level_after', 'direction', 'score'])
      .where('pair', 'in', chunk)
      .where('withdrawn_at', 'is', null)
      .orderBy('pair')
      .orderBy('day', 'desc')
      .execute()
    for (const r of rows) {
      const list = out.get(r.pair) ?? []
      if (list.length < perPair) list.push({ day: r.day, level: r.level_after, direction: r.direction as Direction, score: r.score })
      out.set(r.pair, list)
    }
  }
  for (const list of out.values()) list.reverse()
  return out
}

/**
 * Forgets tombstones past their 30 days (no longer shown, and new evidence for their day starts afresh). Looked up
 * first, so a poll with nothing to forget takes no write lock.
 */
export async function purgeTombstones(db: Db, now: Date): Promise<void> {
  const cutoff = tombstoneCutoff(now)
  if (!(await db.kysely.selectFrom('shifts').select('id').where('withdrawn_at', '<', cutoff).limit(1).executeTakeFirst())) return
  await db.batch([db.kysely.deleteFrom('shifts').where('withdrawn_at', '<', cutoff).compile()])
}

/** The day of the newest live evidence among the pairs a feed covers, for "last evidence N days ago". */
export async function lastEvidenceDay(db: Db, f: { pair?: string; actor?: string }): Promise<string | null> {
  let q = db.kysely.selectFrom('pairs').select((eb) => eb.fn.max('last_day').as('day'))
  if (f.pair) q = q.where('pair', '=', f.pair)
  if (f.actor) {
    const actor = f.actor
    q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]))
  }
  const row = await q.executeTakeFirst()
  return (row?.day as string | null | undefined) ?? null
}
