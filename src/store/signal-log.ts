// Signals in the order they were stored (signal_log, see sql/0006), for incremental bulk pulls: everything after a
// sequence number, up to the head read when the pull began, so a pull that runs during a poll has a fixed end and
// the next pull starts exactly where it stopped. Deleted signals come back as tombstones.
import type { Direction, EventType } from '../types.ts'
import type { Db, SignalRow } from './schema.ts'

export interface SignalLogFilter {
  pair?: string
  actor?: string
  direction?: Direction
  minConfidence?: number
  eventTypes?: EventType[]
  /** the signal's UTC day (its article's date), inclusive */
  since?: string
  until?: string
}

export type SignalLogEntry =
  | { seq: number; deleted: false; signal: SignalRow }
  | { seq: number; deleted: true; id: string; pair: string | null; day: string | null }

/** The last sequence number stored: where a pull that starts now ends. */
export async function signalLogHead(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('signal_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst()
  return Number(row?.head ?? 0)
}

/**
 * Entries with after < seq <= upto that pass the filter, `batch` at a time. Tombstones carry only their pair and
 * day, so they pass on pair, actor and days alone: a consumer drops ids it never had.
 */
export async function* walkSignalLog(
  db: Db,
  f: SignalLogFilter,
  after: number,
  upto: number,
  batch = 500,
): AsyncGenerator<SignalLogEntry> {
  let at = after
  for (;;) {
    const rows = await db.kysely
      .selectFrom('signal_log as l')
      .leftJoin('signals as s', 's.id', 'l.signal_id')
      .select(['l.seq', 'l.deleted', 'l.signal_id', 'l.pair as log_pair', 'l.day as log_day'])
      .selectAll('s')
      .where('l.seq', '>', at)
      .where('l.seq', '<=', upto)
      .where((eb) => {
        const live = [eb('l.deleted', '=', 0), eb('s.id', 'is not', null)]
        const dead = [eb('l.deleted', '=', 1)]
        if (f.pair) {
          live.push(eb('s.pair', '=', f.pair))
          dead.push(eb('l.pair', '=', f.pair))
        }
        if (f.actor) {
          live.push(eb.or([eb('s.a', '=', f.actor), eb('s.b', '=', f.actor)]))
          // Actor ids are [a-z0-9-]: nothing in them is a LIKE wildcard.
          dead.push(eb.or([eb('l.pair', 'like', `${f.actor}--%`), eb('l.pair', 'like', `%--${f.actor}`)]))
        }
        if (f.since) {
          live.push(eb('s.day', '>=', f.since))
          dead.push(eb('l.day', '>=', f.since))
        }
        if (f.until) {
          live.push(eb('s.day', '<=', f.until))
          dead.push(eb('l.day', '<=', f.until))
        }
        if (f.direction) live.push(eb('s.direction', '=', f.direction))
        if (f.minConfidence !== undefined) live.push(eb('s.confidence', '>=', f.minConfidence))
        if (f.eventTypes?.length) live.push(eb('s.event_type', 'in', f.eventTypes))
        return eb.or([eb.and(live), eb.and(dead)])
      })
      .orderBy('l.seq')
      .limit(batch)
      .execute()
    for (const r of rows) {
      if (r.deleted) yield { seq: r.seq, deleted: true, id: r.signal_id, pair: r.log_pair, day: r.log_day }
      else {
        const { seq, deleted: _deleted, signal_id: _id, log_pair: _pair, log_day: _day, ...signal } = r
        yield { seq, deleted: false, signal: signal as SignalRow }
      }
    }
    if (rows.length < batch) return
    at = rows[rows.length - 1]!.seq
  }
}
