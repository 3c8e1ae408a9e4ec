// Shift listings for feeds and exports: filtered in SQL where the columns allow (pair, actor, direction,
// confidence, days, event types), keyset-paged on (day, id), and, for text filters SQL cannot apply (a shift's title
// is made from actor names; its evidence is JSON), filtered here while scanning. A scan reads at most `scanLimit`
// rows per page: a filter that matches nothing ends the page early with a cursor where it stopped, instead of
// reading the whole table for one request.
import type { SelectQueryBuilder } from 'kysely'
import { tombstoneCutoff } from '../aggregate/corrections.ts'
import type { Direction, EventType, Shift } from '../types.ts'
import { toShift } from './read-queries.ts'
import type { Db, Schema, ShiftRow } from './schema.ts'

export interface ShiftKey {
  day: string
  id: string
}

export interface ShiftFilter {
  pair?: string
  actor?: string
  direction?: Direction
  minConfidence?: number
  /** UTC days, inclusive */
  since?: string
  until?: string
  /** shifts with at least one signal of one of these types */
  eventTypes?: EventType[]
  /** keyset cursor: entries strictly older than this (day, id) */
  before?: ShiftKey
  /** keyset cursor for the previous page: entries strictly newer */
  after?: ShiftKey
  limit: number
  /** keeps only the shifts this accepts (text filters) */
  match?: (s: Shift) => boolean
  /** rows read at most for one page when `match` is given (default 2,000) */
  scanLimit?: number
  /** only shifts corrected or withdrawn in the last 30 days */
  corrections?: boolean
  /** the moment of reading: tombstones older than 30 days are gone (default: now) */
  now?: Date
}

export interface ShiftPage {
  /** newest first */
  shifts: Shift[]
  /** where the next (older) page starts, or null at the end */
  older: ShiftKey | null
  /** where the previous (newer) page starts, or null at the start */
  newer: ShiftKey | null
}

type ShiftQuery = SelectQueryBuilder<Schema, 'shifts', ShiftRow>

export function filteredShifts(db: Db, f: Omit<ShiftFilter, 'limit' | 'match'>): ShiftQuery {
  const cutoff = tombstoneCutoff(f.now ?? new Date())
  // Tombstones show for 30 days; the corrections feed lists what changed in the same 30 days.
  let q = db.kysely
    .selectFrom('shifts')
    .selectAll()
    .where((eb) => eb.or([eb('withdrawn_at', 'is', null), eb('withdrawn_at', '>=', cutoff)]))
  if (f.corrections) q = q.where('corrected_at', '>=', cutoff)
  if (f.pair) q = q.where('pair', '=', f.pair)
  if (f.actor) {
    const actor = f.actor
    q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]))
  }
  if (f.direction) q = q.where('direction', '=', f.direction)
  if (f.minConfidence !== undefined) q = q.where('confidence', '>=', f.minConfidence)
  if (f.since) q = q.where('day', '>=', f.since)
  if (f.until) q = q.where('day', '<=', f.until)
  if (f.eventTypes?.length) {
    const types = f.eventTypes
    // On the signals (pair, day) index: each candidate shift looks up its own day's signals only.
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('signals')
          .select('signals.id')
          .whereRef('signals.pair', '=', 'shifts.pair')
          .whereRef('signals.day', '=', 'shifts.day')
          .where('signals.event_type', 'in', types),
      ),
    )
  }
  return q
}

const key = (s: { day: string; id: string }): ShiftKey => ({ day: s.day, id: s.id })

/**
 * Rows in keyset order from a position (exclusive), `batch` at a time: newest first (`desc`) or oldest first.
 * Yields each row with its Shift.
 */
export async function* walkShifts(
  db: Db,
  f: Omit<ShiftFilter, 'limit' | 'match'>,
  order: 'asc' | 'desc',
  from: ShiftKey | undefined,
  batch: number,
): AsyncGenerator<{ row: ShiftRow; shift: Shift }> {
  let at = from
  for (;;) {
    let q = filteredShifts(db, f)
    if (at) {
      const { day, id } = at
      q =
        order === 'desc'
          ? q.where((eb) => eb.or([eb('day', '<', day), eb.and([eb('day', '=', day), eb('id', '<', id)])]))
          : q.where((eb) => eb.or([eb('day', '>', day), eb.and([eb('day', '=', day), eb('id', '>', id)])]))
    }
    const rows = await q.orderBy('day', order).orderBy('id', order).limit(batch).execute()
    for (const row of rows) yield { row, shift: toShift(row) }
    if (rows.length < batch) return
    at = key(rows[rows.length - 1]!)
  }
}

export async function listShifts(db: Db, f: ShiftFilter): Promise<ShiftPage> {
  const want = f.limit + 1
  const scanLimit = f.match ? (f.scanLimit ?? 2000) : Infinity
  const order = f.after ? 'asc' : 'desc'
  const found: Shift[] = []
  let scanned = 0
  let last: ShiftKey | undefined
  let capped = false
  for await (const { row, shift } of walkShifts(db, f, order, f.after ?? f.before, f.match ? 200 : want)) {
    scanned++
    last = key(row)
    if (!f.match || f.match(shift)) found.push(shift)
    if (found.length === want) break
    if (scanned >= scanLimit) {
      capped = true
      break
    }
  }
  const page = found.slice(0, f.limit)
  // Where the scan in this page's direction goes on: after the last entry shown when there are more, or after the
  // last row read when the scan stopped at its cap.
  const onward = found.length > f.limit ? key(page[page.length - 1]!) : capped && last ? last : null
  if (order === 'desc') return { shifts: page, older: onward, newer: f.before && page[0] ? key(page[0]) : null }
  page.reverse()
  const oldest = page[page.length - 1]
  return { shifts: page, older: oldest ? key(oldest) : null, newer: onward }
}
