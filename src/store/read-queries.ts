// Reads for feeds, pages and the API. Every listing is keyset-paged on an index; nothing scans signals.
import { tombstoneCutoff } from '../aggregate/corrections.ts'
import { freshSince } from '../aggregate/level-now.ts'
import { clipQuote } from '../aggregate/merge-day.ts'
import { stripControlChars } from '../ingest/html-to-text.ts'
import { httpUrl } from '../ingest/http-url.ts'
import type { Correction, Direction, EventType, Evidence, EvidenceCopy, Shift } from '../types.ts'
import { chunk, IN_LIST } from './d1-limits.ts'
import type { Db, PairRow, ShiftRow } from './schema.ts'

/**
 * Evidence as it may be published, whenever it was stored: rows aggregated before links were limited to http(s),
 * quotes to MAX_QUOTE and bidi controls stripped still come out safe.
 */
function publishable(e: Evidence): Evidence {
  const copy = (c: EvidenceCopy): EvidenceCopy => ({
    source: stripControlChars(c.source),
    url: httpUrl(c.url),
    published: c.published,
  })
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
      ? {
          correction: {
            previousDirection: r.previous_direction as Correction['previousDirection'],
            at: r.corrected_at,
            reason: r.correction_reason === 'reanalysis' ? 'reanalysis' : 'new-evidence',
          },
        }
      : {}),
    ...(r.withdrawn_at ? { withdrawnAt: r.withdrawn_at } : {}),
  }
}

export interface PairFilter {
  actor?: string
  /** the direction as of `asOfDay`: a pair whose evidence has aged out is stable */
  direction?: Direction
  /** pairs with a shift on one of these UTC days (inclusive) */
  since?: string
  until?: string
  /** pairs with a signal of one of these types (within since–until when given) */
  eventTypes?: EventType[]
  limit: number
  offset: number
  /** the day of reading (default: today) */
  asOfDay?: string
}

export function filteredPairs(db: Db, f: Omit<PairFilter, 'limit' | 'offset'>) {
  let q = db.kysely.selectFrom('pairs')
  if (f.actor) {
    const actor = f.actor
    q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]))
  }
  if (f.direction) {
    const fresh = freshSince(f.asOfDay ?? new Date().toISOString().slice(0, 10))
    const direction = f.direction
    q = q.where((eb) =>
      direction === 'stable'
        ? eb.or([eb('direction', '=', 'stable'), eb('last_day', '<', fresh)])
        : eb.and([eb('direction', '=', direction), eb('last_day', '>=', fresh)]),
    )
  }
  const { since, until, eventTypes } = f
  // Both on the (pair, day) indexes of shifts and signals: each pair looks up its own rows only.
  if (eventTypes?.length) {
    q = q.where((eb) => {
      let sub = eb
        .selectFrom('signals')
        .select('signals.id')
        .whereRef('signals.pair', '=', 'pairs.pair')
        .where('signals.event_type', 'in', eventTypes)
      if (since) sub = sub.where('signals.day', '>=', since)
      if (until) sub = sub.where('signals.day', '<=', until)
      return eb.exists(sub)
    })
  } else if (since || until) {
    q = q.where((eb) => {
      let sub = eb.selectFrom('shifts').select('shifts.id').whereRef('shifts.pair', '=', 'pairs.pair')
      if (since) sub = sub.where('shifts.day', '>=', since)
      if (until) sub = sub.where('shifts.day', '<=', until)
      return eb.exists(sub)
    })
  }
  return q
}

export async function listPairs(db: Db, f: PairFilter): Promise<{ pairs: PairRow[]; total: number }> {
  const q = filteredPairs(db, f)
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('last_day', 'desc').orderBy('pair').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ])
  return { pairs: rows, total: Number(count?.n ?? 0) }
}

/** Pairs in listing order (latest shift first), `batch` at a time on a keyset: for exports of any size. */
export async function* walkPairs(
  db: Db,
  f: Omit<PairFilter, 'limit' | 'offset'>,
  batch = 500,
): AsyncGenerator<PairRow> {
  let at: { day: string; pair: string } | undefined
  for (;;) {
    let q = filteredPairs(db, f).selectAll()
    if (at) {
      const { day, pair } = at
      q = q.where((eb) => eb.or([eb('last_day', '<', day), eb.and([eb('last_day', '=', day), eb('pair', '>', pair)])]))
    }
    const rows = await q.orderBy('last_day', 'desc').orderBy('pair').limit(batch).execute()
    yield* rows
    if (rows.length < batch) return
    const last = rows[rows.length - 1]!
    at = { day: last.last_day, pair: last.pair }
  }
}

export async function getPair(db: Db, pair: string): Promise<PairRow | undefined> {
  return db.kysely.selectFrom('pairs').selectAll().where('pair', '=', pair).executeTakeFirst()
}

/**
 * The pair's shifts, oldest first, newest `limit` of them (within since–until when given), with the tombstones still
 * shown at `now`.
 */
export async function pairShifts(
  db: Db,
  pair: string,
  limit = 365,
  range: { since?: string; until?: string } = {},
  now = new Date(),
): Promise<Shift[]> {
  const cutoff = tombstoneCutoff(now)
  let q = db.kysely
    .selectFrom('shifts')
    .selectAll()
    .where('pair', '=', pair)
    .where((eb) => eb.or([eb('withdrawn_at', 'is', null), eb('withdrawn_at', '>=', cutoff)]))
  if (range.since) q = q.where('day', '>=', range.since)
  if (range.until) q = q.where('day', '<=', range.until)
  const rows = await q.orderBy('day', 'desc').limit(limit).execute()
  return rows.reverse().map(toShift)
}

export async function activeFeeds(db: Db, limit = 500): Promise<{ pairs: string[]; actors: string[] }> {
  const rows = await db.kysely
    .selectFrom('pairs')
    .select(['pair', 'a', 'b'])
    .orderBy('last_day', 'desc')
    .limit(limit)
    .execute()
  const actors = new Set<string>()
  for (const r of rows) {
    actors.add(r.a)
    actors.add(r.b)
  }
  return { pairs: rows.map((r) => r.pair), actors: [...actors].sort() }
}

export async function lastPoll(db: Db): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('sources')
    .select((eb) => eb.fn.max('last_polled_at').as('at'))
    .executeTakeFirst()
  return (row?.at as string | null | undefined) ?? null
}

/** Level points of several pairs at once, for sparklines: the latest `perPair` days of each. */
export async function levelPoints(
  db: Db,
  pairs: string[],
  perPair = 60,
): Promise<Map<string, { day: string; level: number; direction: Direction; score: number }[]>> {
  const out = new Map<string, { day: string; level: number; direction: Direction; score: number }[]>()
  for (const some of chunk(pairs, IN_LIST)) {
    const rows = await db.kysely
      .selectFrom('shifts')
      .select(['pair', 'day', 'level_after', 'direction', 'score'])
      .where('pair', 'in', some)
      .where('withdrawn_at', 'is', null)
      .orderBy('pair')
      .orderBy('day', 'desc')
      .execute()
    for (const r of rows) {
      const list = out.get(r.pair) ?? []
      if (list.length < perPair)
        list.push({ day: r.day, level: r.level_after, direction: r.direction as Direction, score: r.score })
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
  last_day: string
  /** the running sums behind `level`, to decay it to the day it is read (see level-now) */
  level_num: number | null
  level_den: number | null
  /** signals in the window */
  signals: number
  /** days with shifts in the window */
  days: number
}

/**
 * The most active pairs of the `days` days up to the latest shift: most signals, then most days with shifts. The
 * window ends at the latest shift, not the clock, so a page rendered for a data version stays right until the data
 * changes (and an archive of old news still has a picture). Withdrawn shifts are not activity. Returns the window's
 * first and last day.
 */
export async function activePairs(
  db: Db,
  days = 30,
  limit = 16,
): Promise<{ pairs: ActivePair[]; from: string | null; to: string | null }> {
  const latest = await db.kysely
    .selectFrom('shifts')
    .select((eb) => eb.fn.max('day').as('day'))
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst()
  const to = (latest?.day as string | null | undefined) ?? null
  if (!to) return { pairs: [], from: null, to: null }
  const from = new Date(Date.parse(to) - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  const rows = await db.kysely
    .selectFrom('shifts as s')
    .innerJoin('pairs as p', 'p.pair', 's.pair')
    .select((eb) => [
      's.pair',
      'p.a',
      'p.b',
      'p.direction',
      'p.level',
      'p.last_day',
      'p.level_num',
      'p.level_den',
      eb.fn.sum<number>('s.signals').as('signals'),
      eb.fn.countAll<number>().as('days'),
    ])
    .where('s.day', '>=', from)
    .where('s.withdrawn_at', 'is', null)
    .groupBy(['s.pair', 'p.a', 'p.b', 'p.direction', 'p.level', 'p.last_day', 'p.level_num', 'p.level_den'])
    .orderBy('signals', 'desc')
    .orderBy('days', 'desc')
    .orderBy('s.pair')
    .limit(limit)
    .execute()
  return {
    pairs: rows.map((r) => ({
      ...r,
      level_num: r.level_num ?? null,
      level_den: r.level_den ?? null,
      signals: Number(r.signals),
      days: Number(r.days),
    })),
    from,
    to,
  }
}

/**
 * Forgets tombstones past their 30 days (no longer shown, and new evidence for their day starts afresh). Looked up
 * first, so a poll with nothing to forget takes no write lock.
 */
export async function purgeTombstones(db: Db, now: Date): Promise<void> {
  const cutoff = tombstoneCutoff(now)
  if (
    !(await db.kysely.selectFrom('shifts').select('id').where('withdrawn_at', '<', cutoff).limit(1).executeTakeFirst())
  )
    return
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
