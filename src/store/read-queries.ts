// Reads for feeds, pages and the API. Every listing is keyset-paged on an index; nothing scans signals.
import { clipQuote } from '../aggregate/merge-day.ts'
import { stripControlChars } from '../ingest/html-to-text.ts'
import { httpUrl } from '../ingest/http-url.ts'
import type { Direction, Evidence, Shift } from '../types.ts'
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
}

/**
 * Evidence as it may be published, whenever it was stored: rows aggregated before links were limited to http(s),
 * quotes to MAX_QUOTE and bidi controls stripped still come out safe.
 */
function publishable(e: Evidence): Evidence {
  return {
    text: clipQuote(stripControlChars(e.text)),
    url: httpUrl(e.url),
    source: stripControlChars(e.source),
    published: e.published,
    ...(e.direction ? { direction: e.direction } : {}),
    ...(e.eventType ? { eventType: e.eventType } : {}),
    ...(e.flags ? { flags: e.flags } : {}),
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
    signals: r.signals,
    evidence: (JSON.parse(r.evidence) as Evidence[]).map(publishable),
    published: r.published,
    updated: r.updated,
  }
}

export async function listShifts(db: Db, f: ShiftFilter): Promise<{ shifts: Shift[]; hasMore: boolean; hasNewer: boolean }> {
  let q = db.kysely.selectFrom('shifts').selectAll()
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
  direction?: Direction
  limit: number
  offset: number
}

export async function listPairs(db: Db, f: PairFilter): Promise<{ pairs: PairRow[]; total: number }> {
  let q = db.kysely.selectFrom('pairs')
  if (f.actor) {
    const actor = f.actor
    q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]))
  }
  if (f.direction) q = q.where('direction', '=', f.direction)
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('last_day', 'desc').orderBy('pair').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ])
  return { pairs: rows, total: Number(count?.n ?? 0) }
}

export async function getPair(db: Db, pair: string): Promise<PairRow | undefined> {
  return db.kysely.selectFrom('pairs').selectAll().where('pair', '=', pair).executeTakeFirst()
}

/** The pair's shifts, oldest first, newest `limit` of them. */
export async function pairShifts(db: Db, pair: string, limit = 365): Promise<Shift[]> {
  const rows = await db.kysely.selectFrom('shifts').selectAll().where('pair', '=', pair).orderBy('day', 'desc').limit(limit).execute()
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

export interface ActivePair {
  pair: string
  a: string
  b: string
  direction: string
  level: number
  /** signals in the window */
  signals: number
  /** days with shifts in the window */
  days: number
}

/**
 * The most active pairs of the `days` days up to the latest shift: most signals, then most days with shifts. The
 * window ends at the latest shift, not the clock, so a page rendered for a data version stays right until the data
 * changes (and an archive of old news still has a picture). Returns the window's first and last day.
 */
export async function activePairs(db: Db, days = 30, limit = 16): Promise<{ pairs: ActivePair[]; from: string | null; to: string | null }> {
  const latest = await db.kysely.selectFrom('shifts').select((eb) => eb.fn.max('day').as('day')).executeTakeFirst()
  const to = (latest?.day as string | null | undefined) ?? null
  if (!to) return { pairs: [], from: null, to: null }
  const from = new Date(Date.parse(to) - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  const rows = await db.kysely
    .selectFrom('shifts as s')
    .innerJoin('pairs as p', 'p.pair', 's.pair')
    .select((eb) => ['s.pair', 'p.a', 'p.b', 'p.direction', 'p.level', eb.fn.sum<number>('s.signals').as('signals'), eb.fn.countAll<number>().as('days')])
    .where('s.day', '>=', from)
    .groupBy(['s.pair', 'p.a', 'p.b', 'p.direction', 'p.level'])
    .orderBy('signals', 'desc')
    .orderBy('days', 'desc')
    .orderBy('s.pair')
    .limit(limit)
    .execute()
  return { pairs: rows.map((r) => ({ ...r, signals: Number(r.signals), days: Number(r.days) })), from, to }
}
