// What aggregation reads for a chunk of claimed pairs: their state, their shifts from the first dirty day on (live
// ones and tombstones), the light tail of live days before it, and the signals of the dirty days. A handful of
// reads per chunk instead of several per pair: on D1 every query is a round trip and counts against the
// per-invocation limit; each stays within D1's 100 bound parameters and five terms per compound SELECT.
import type { Direction } from '../types.ts'
import { levelSeries } from '../aggregate/level-series.ts'
import type { LevelledShift, PriorHistory } from '../aggregate/recompute-pair.ts'
import { yieldToEventLoop } from '../yield-to-event-loop.ts'
import { chunk as chunkOf, D1_MAX_COMPOUND_TERMS, PAIR_TERMS } from './d1-limits.ts'
import type { Db, PairRow, ShiftRow, SignalRow } from './schema.ts'

export const TAIL = 10

type LightShift = Pick<
  ShiftRow,
  | 'pair'
  | 'day'
  | 'score'
  | 'weight'
  | 'direction'
  | 'confidence'
  | 'signals'
  | 'level_after'
  | 'level_num'
  | 'level_den'
>

export interface ChunkRows {
  pairs: Map<string, Pick<PairRow, 'direction' | 'shift_count' | 'signal_count'>>
  /** each pair's shifts from its first dirty day on, whole (tombstones too), in day order */
  full: Map<string, ShiftRow[]>
  /** each pair's last ten shifts before its first dirty day, light, in day order */
  tails: Map<string, LightShift[]>
  /** each pair's signals of its dirty days, by day */
  signals: Map<string, Map<string, SignalRow[]>>
}

const group = <T extends { pair: string }>(rows: T[]): Map<string, T[]> => {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const list = out.get(r.pair)
    if (list) list.push(r)
    else out.set(r.pair, [r])
  }
  return out
}

/**
 * Four kinds of read for a chunk of pairs instead of four reads per pair: on D1 every query is a round trip and counts
 * against the per-invocation limit. Each pair's own first dirty day bounds its rows, so a mark that another
 * poll adds meanwhile changes nothing here; it stays dirty for the next run.
 */
export async function readChunk(db: Db, chunk: { pair: string; days: string[]; first: string }[]): Promise<ChunkRows> {
  const names = chunk.map((c) => c.pair)
  const pairs = await db.kysely
    .selectFrom('pairs')
    .select(['pair', 'direction', 'shift_count', 'signal_count'])
    .where('pair', 'in', names)
    .execute()
  const full = await db.kysely
    .selectFrom('shifts')
    .selectAll()
    .where((eb) => eb.or(chunk.map((c) => eb.and([eb('pair', '=', c.pair), eb('day', '>=', c.first)]))))
    .orderBy('pair')
    .orderBy('day')
    .execute()
  const tails: LightShift[] = []
  for (const some of chunkOf(chunk, D1_MAX_COMPOUND_TERMS)) {
    const parts = some.map((c, k) =>
      db.kysely
        .selectFrom(
          db.kysely
            .selectFrom('shifts')
            .select([
              'pair',
              'day',
              'score',
              'weight',
              'direction',
              'confidence',
              'signals',
              'level_after',
              'level_num',
              'level_den',
            ])
            .where('pair', '=', c.pair)
            .where('day', '<', c.first)
            .where('withdrawn_at', 'is', null)
            .orderBy('day', 'desc')
            .limit(TAIL)
            .as(`t${k}`),
        )
        .selectAll(),
    )
    const union = parts.slice(1).reduce((q, part) => q.unionAll(part), parts[0]!)
    tails.push(...(await union.execute()))
  }
  // The signals of the dirty days, PAIR_TERMS days to a query (D1's bound parameters): a first poll can bring tens of
  // thousands, and a single read of them all would hold the event loop on SQLite for half a second.
  const marks = chunk.flatMap((c) => c.days.map((day) => ({ pair: c.pair, day })))
  const signals = new Map<string, Map<string, SignalRow[]>>()
  const slices = chunkOf(marks, PAIR_TERMS)
  for (const [k, some] of slices.entries()) {
    const found = await db.kysely
      .selectFrom('signals')
      .selectAll()
      .where((eb) => eb.or(some.map((m) => eb.and([eb('pair', '=', m.pair), eb('day', '=', m.day)]))))
      .orderBy('id')
      .execute()
    for (const sig of found) {
      const days = signals.get(sig.pair) ?? new Map<string, SignalRow[]>()
      signals.set(sig.pair, days)
      const list = days.get(sig.day)
      if (list) list.push(sig)
      else days.set(sig.day, [sig])
    }
    if (k < slices.length - 1) await yieldToEventLoop()
  }
  const byDayAsc = (x: { day: string }, y: { day: string }) => x.day.localeCompare(y.day)
  const tailMap = group(tails)
  for (const list of tailMap.values()) list.sort(byDayAsc)
  return { pairs: new Map(pairs.map((p) => [p.pair, p])), full: group(full), tails: tailMap, signals }
}

/** What aggregation needs of a pair's days before its first dirty one, from their last ten rows. */
export async function priorHistory(
  db: Db,
  pair: string,
  tail: LightShift[],
  totals?: { count: number; signals: number },
): Promise<PriorHistory> {
  const recent = tail.map((r): LevelledShift => ({
    day: r.day,
    direction: r.direction as Direction,
    score: r.score,
    confidence: r.confidence,
    level: r.level_after,
  }))
  const last = tail[tail.length - 1]
  if (!last) return { recent, count: 0, signals: 0 }
  let count = tail.length
  let signals = tail.reduce((n, r) => n + r.signals, 0)
  if (tail.length === TAIL && totals) ({ count, signals } = totals)
  else if (tail.length === TAIL) {
    const sums = await db.kysely
      .selectFrom('shifts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('signals').as('s')])
      .where('pair', '=', pair)
      .where('day', '<=', last.day)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirstOrThrow()
    count = Number(sums.n)
    signals = Number(sums.s)
  }
  if (last.level_num != null && last.level_den != null)
    return { seed: { day: last.day, num: last.level_num, den: last.level_den }, recent, count, signals }
  // Rows written before the running sums were stored: rebuild the sums from the whole history, once.
  const all = await db.kysely
    .selectFrom('shifts')
    .select(['day', 'score', 'weight'])
    .where('pair', '=', pair)
    .where('day', '<=', last.day)
    .where('withdrawn_at', 'is', null)
    .orderBy('day')
    .execute()
  const end = levelSeries(all).at(-1)!
  return { seed: { day: end.day, num: end.num, den: end.den }, recent, count, signals }
}
