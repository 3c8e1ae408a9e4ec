// Recomputes the shifts of every pair-day marked dirty, then the pair's level series and current state.
// A pair's writes, the clearing of its dirty marks (at the versions read) and the release of its claim always
// land in the same batch, with the data version when a published shift changed, so re-running after a crash is
// safe, and signals stored while a pair was being aggregated keep their mark for the next run.
import { sql, type CompiledQuery } from 'kysely'
import { currentDirection, type RecentShift } from '../aggregate/current-direction.ts'
import { levelSeries, type LevelSeed } from '../aggregate/level-series.ts'
import { mergeDay, round, type DaySignal } from '../aggregate/merge-day.ts'
import type { Direction, EventType, SignalFlag } from '../types.ts'
import { yieldToEventLoop } from '../yield-to-event-loop.ts'
import { claimedMarks, claimQuery, releaseAllQuery, releaseQueries, type DirtyMark } from './aggregate-claims.ts'
import type { Db, PairRow, ShiftRow, SignalRow } from './schema.ts'

export interface AggregateResult {
  pairs: number
  shiftsChanged: number
  /** the pairs whose published shifts changed, sorted: their feeds (and their actors' and the global one) changed */
  changedPairs: string[]
}

const sameShift = (x: ShiftRow, y: ShiftRow): boolean =>
  x.direction === y.direction &&
  x.score === y.score &&
  x.sources === y.sources &&
  x.signals === y.signals &&
  x.evidence === y.evidence &&
  Math.abs(x.level_after - y.level_after) < 0.01 &&
  Math.abs(x.level_before - y.level_before) < 0.01

// Bound parameters per statement stay under D1's 100 (two per pair in the range reads), and a UNION ALL within
// D1's five terms per compound SELECT; one commit serves many pairs, not one each.
const PAIRS_PER_READ = 45
const MARKS_PER_READ = 45
const TAILS_PER_READ = 5
const TAIL = 10
const ROWS_PER_BATCH = 400

const SHIFT_COLUMNS = ['pair', 'a', 'b', 'day', 'direction', 'score', 'confidence', 'weight', 'level_before', 'level_after', 'level_num', 'level_den', 'sources', 'signals', 'evidence', 'published', 'updated'] as const
const PAIR_COLUMNS = ['a', 'b', 'level', 'direction', 'last_day', 'last_direction', 'last_score', 'shift_count', 'signal_count', 'updated'] as const

/**
 * The rows a run of aggregation will write, turned into multi-row statements at the end of each batch: a few
 * statements per batch instead of several per pair, each within D1's 100 bound parameters.
 */
class Writes {
  shifts: ShiftRow[] = []
  deadShifts: string[] = []
  pairs: PairRow[] = []
  deadPairs: string[] = []
  clean: { pair: string; marks: DirtyMark[]; token: string }[] = []
  /** published shifts this batch changes: the data version moves with them */
  changed = 0

  constructor(private readonly at: string) {}

  size(): number {
    return this.shifts.length + this.deadShifts.length + this.pairs.length + this.deadPairs.length + this.clean.length
  }

  take(db: Db): CompiledQuery[] {
    const q: CompiledQuery[] = []
    const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))
    for (const rows of chunks(this.shifts, Math.floor(100 / (SHIFT_COLUMNS.length + 1)))) {
      q.push(
        db.kysely
          .insertInto('shifts')
          .values(rows)
          .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(SHIFT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))))
          .compile(),
      )
    }
    for (const ids of chunks(this.deadShifts, 90)) q.push(db.kysely.deleteFrom('shifts').where('id', 'in', ids).compile())
    for (const rows of chunks(this.pairs, Math.floor(100 / (PAIR_COLUMNS.length + 1)))) {
      q.push(
        db.kysely
          .insertInto('pairs')
          .values(rows)
          .onConflict((oc) => oc.column('pair').doUpdateSet((eb) => Object.fromEntries(PAIR_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))))
          .compile(),
      )
    }
    for (const names of chunks(this.deadPairs, 90)) q.push(db.kysely.deleteFrom('pairs').where('pair', 'in', names).compile())
    // Only the marks this run read, at the versions it read: a mark another poll added or moved meanwhile stays.
    const marks = this.clean.flatMap(({ marks }) => marks)
    for (const some of chunks(marks, 30)) {
      q.push(db.kysely.deleteFrom('dirty_pair_days').where((eb) => eb.or(some.map((m) => eb.and([eb('pair', '=', m.pair), eb('day', '=', m.day), eb('version', '=', m.version)])))).compile())
    }
    q.push(...releaseQueries(db, this.clean.map(({ pair, token }) => ({ pair, token }))))
    // Feeds and API answers are versioned by changed_at: it moves in the same commit as the data, and always
    // forward, so no rendering of an earlier state can be served under the new version.
    if (this.changed) q.push(bumpVersionQuery(db, this.at))
    this.shifts = []
    this.deadShifts = []
    this.pairs = []
    this.deadPairs = []
    this.clean = []
    this.changed = 0
    return q
  }
}

export async function aggregateDirty(db: Db, now: Date, maxRows = 5000): Promise<AggregateResult> {
  let shiftsChanged = 0
  let pairsDone = 0
  const changedPairs = new Set<string>()
  let budget = maxRows
  const at = now.toISOString()
  const pending = new Writes(at)
  const tokens: string[] = []
  // Nothing dirty, nothing to claim: a poll in which every source answered 304 writes nothing here.
  if (!(await db.kysely.selectFrom('dirty_pair_days').select('pair').limit(1).executeTakeFirst())) return { pairs: 0, shiftsChanged: 0, changedPairs: [] }
  try {
    while (budget > 0) {
      const token = crypto.randomUUID()
      tokens.push(token)
      await db.batch([claimQuery(db, token, now, PAIRS_PER_READ)])
      const marks = await claimedMarks(db, token)
      if (!marks.length) {
        // Writing what is pending releases its claims; pairs that gained marks meanwhile are claimable again, so
        // the run ends only when a claim finds nothing while it holds nothing.
        if (!pending.size()) break
        await db.batch(pending.take(db))
        continue
      }
      budget -= marks.length
      const byPair = new Map<string, DirtyMark[]>()
      for (const m of marks) byPair.set(m.pair, [...(byPair.get(m.pair) ?? []), m])
      const chunk = [...byPair].map(([pair, list]) => ({ pair, marks: list, days: list.map((m) => m.day), first: list.reduce((min, m) => (m.day < min ? m.day : min), list[0]!.day) }))
      pairsDone += chunk.length
      const ctx = await readChunk(db, chunk)
      for (const { pair, days, marks } of chunk) {
        const changed = await aggregatePair(db, ctx, pair, days, at, pending)
        shiftsChanged += changed
        pending.changed += changed
        if (changed) changedPairs.add(pair)
        pending.clean.push({ pair, marks, token })
        // A pair's writes never straddle two batches, so every batch leaves each pair either done or still dirty.
        if (pending.size() >= ROWS_PER_BATCH) await db.batch(pending.take(db))
        // Aggregation of thousands of pairs is long synchronous work on SQLite: let requests through between pairs.
        await yieldToEventLoop()
      }
    }
    if (pending.size()) await db.batch(pending.take(db))
  } catch (err) {
    // Claims lapse on their own; releasing them now lets the next run start at once.
    await db.batch([releaseAllQuery(db, tokens)]).catch(() => {})
    throw err
  }
  return { pairs: pairsDone, shiftsChanged, changedPairs: [...changedPairs].sort() }
}

/** Recomputes one claimed pair's dirty days and what follows from them; returns how many published shifts changed. */
async function aggregatePair(db: Db, ctx: ChunkRows, pair: string, days: string[], at: string, pending: Writes): Promise<number> {
  let changedHere = 0
  // Levels are causal: days before the first dirty one keep theirs, and the running sums stored with the
  // last of them seed the series. Only days from the first dirty one on are read whole and may be rewritten,
  // so the cost follows the change, not the age of the pair.
  const full = ctx.full.get(pair) ?? []
  const prior = ctx.pairs.get(pair)
  // The pair row is written with its shifts, so its totals less the days about to be recomputed are the totals
  // of the days before them.
  const totals = prior ? { count: prior.shift_count - full.length, signals: prior.signal_count - full.reduce((n, r) => n + r.signals, 0) } : undefined
  const before = await priorHistory(db, pair, ctx.tails.get(pair) ?? [], totals)
  const [a, b] = pair.split('--') as [string, string]
  const original = new Map(full.map((r) => [r.day, r]))
  const rows = new Map<string, ShiftRow>(full.map((r) => [r.day, r]))
  const recomputed = new Map<string, ShiftRow | null>()
  const byDay = ctx.signals.get(pair) ?? new Map<string, SignalRow[]>()
  for (const day of days) {
    const sigs = byDay.get(day) ?? []
    if (!sigs.length) {
      recomputed.set(day, null)
      continue
    }
    const merged = mergeDay(
      sigs.map((s): DaySignal => ({
        direction: s.direction as Direction,
        score: s.score,
        confidence: s.confidence,
        flags: JSON.parse(s.flags) as SignalFlag[],
        sentence: s.sentence,
        sourceUrl: s.source_url,
        sourceTitle: s.source_title,
        itemUrl: s.item_url,
        published: s.published,
        eventType: (s.event_type as EventType | null) ?? null,
      })),
    )
    const old = original.get(day)
    recomputed.set(day, {
      id: `${pair}/${day}`,
      pair,
      a,
      b,
      day,
      direction: merged.direction,
      score: merged.score,
      confidence: merged.confidence,
      weight: merged.weight,
      level_before: 0,
      level_after: 0,
      level_num: null,
      level_den: null,
      sources: merged.sources,
      signals: merged.signals,
      evidence: JSON.stringify(merged.evidence),
      published: old?.published ?? (merged.firstPublished < at ? merged.firstPublished : at),
      updated: old?.updated ?? at,
    })
  }
  for (const [day, row] of recomputed) {
    if (row) rows.set(day, row)
    else rows.delete(day)
  }
  const changed = [...rows.values()].sort((x, y) => x.day.localeCompare(y.day))
  const levels = levelSeries(changed, before.seed)
  changed.forEach((row, i) => {
    const lv = levels[i]!
    const next: ShiftRow = { ...row, level_before: lv.before, level_after: lv.after, level_num: lv.num, level_den: lv.den }
    const old = original.get(row.day)
    if (old && sameShift(old, next)) {
      // Published values within rounding of the old ones stay as they were, but the running sums must be exact:
      // later days resume from them.
      if (old.level_num !== lv.num || old.level_den !== lv.den) pending.shifts.push({ ...old, level_num: lv.num, level_den: lv.den })
      return
    }
    next.updated = at
    changedHere++
    pending.shifts.push(next)
  })
  for (const [day, row] of recomputed) {
    if (!row && original.has(day)) {
      pending.deadShifts.push(`${pair}/${day}`)
      changedHere++
    }
  }
  // The latest ten days, old and recomputed, decide the pair's current direction.
  const recent: LevelledShift[] = [
    ...before.recent,
    ...changed.map((r, i) => ({ day: r.day, direction: r.direction as Direction, score: r.score, confidence: r.confidence, level: levels[i]!.after })),
  ].slice(-10)
  const last = recent[recent.length - 1]
  if (last) {
    const direction = currentDirection(recent, (prior?.direction as Direction | undefined) ?? null)
    const pairRow = {
      pair,
      a,
      b,
      level: last.level,
      direction,
      last_day: last.day,
      last_direction: last.direction,
      last_score: round(last.score),
      shift_count: before.count + changed.length,
      signal_count: before.signals + changed.reduce((n, r) => n + r.signals, 0),
      updated: at,
    }
    pending.pairs.push(pairRow)
  } else {
    pending.deadPairs.push(pair)
  }
  return changedHere
}

type LevelledShift = RecentShift & { level: number }

interface PriorHistory {
  /** running sums as of the last day before the first dirty one; absent when there is no such day */
  seed?: LevelSeed
  /** up to the last ten of those days, oldest first */
  recent: LevelledShift[]
  count: number
  signals: number
}

type LightShift = Pick<ShiftRow, 'pair' | 'day' | 'score' | 'weight' | 'direction' | 'confidence' | 'signals' | 'level_after' | 'level_num' | 'level_den'>

interface ChunkRows {
  pairs: Map<string, Pick<PairRow, 'direction' | 'shift_count' | 'signal_count'>>
  /** each pair's shifts from its first dirty day on, whole, in day order */
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
async function readChunk(db: Db, chunk: { pair: string; days: string[]; first: string }[]): Promise<ChunkRows> {
  const names = chunk.map((c) => c.pair)
  const pairs = await db.kysely.selectFrom('pairs').select(['pair', 'direction', 'shift_count', 'signal_count']).where('pair', 'in', names).execute()
  const full = await db.kysely
    .selectFrom('shifts')
    .selectAll()
    .where((eb) => eb.or(chunk.map((c) => eb.and([eb('pair', '=', c.pair), eb('day', '>=', c.first)]))))
    .orderBy('pair')
    .orderBy('day')
    .execute()
  const tails: LightShift[] = []
  for (let i = 0; i < chunk.length; i += TAILS_PER_READ) {
    const parts = chunk.slice(i, i + TAILS_PER_READ).map((c, k) =>
      db.kysely
        .selectFrom(
          db.kysely
            .selectFrom('shifts')
            .select(['pair', 'day', 'score', 'weight', 'direction', 'confidence', 'signals', 'level_after', 'level_num', 'level_den'])
            .where('pair', '=', c.pair)
            .where('day', '<', c.first)
            .orderBy('day', 'desc')
            .limit(TAIL)
            .as(`t${k}`),
        )
        .selectAll(),
    )
    const union = parts.slice(1).reduce((q, part) => q.unionAll(part), parts[0]!)
    tails.push(...(await union.execute()))
  }
  // The signals of the dirty days, 45 days to a query (D1's 100 parameters): a first poll can bring tens of
  // thousands, and a single read of them all would hold the event loop on SQLite for half a second.
  const marks = chunk.flatMap((c) => c.days.map((day) => ({ pair: c.pair, day })))
  const signals = new Map<string, Map<string, SignalRow[]>>()
  for (let i = 0; i < marks.length; i += MARKS_PER_READ) {
    const some = marks.slice(i, i + MARKS_PER_READ)
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
    if (i + MARKS_PER_READ < marks.length) await yieldToEventLoop()
  }
  const byDayAsc = (x: { day: string }, y: { day: string }) => x.day.localeCompare(y.day)
  const tailMap = group(tails)
  for (const list of tailMap.values()) list.sort(byDayAsc)
  return { pairs: new Map(pairs.map((p) => [p.pair, p])), full: group(full), tails: tailMap, signals }
}

/** What aggregation needs of a pair's days before its first dirty one, from their last ten rows. */
async function priorHistory(db: Db, pair: string, tail: LightShift[], totals?: { count: number; signals: number }): Promise<PriorHistory> {
  const recent = tail.map((r): LevelledShift => ({ day: r.day, direction: r.direction as Direction, score: r.score, confidence: r.confidence, level: r.level_after }))
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
      .executeTakeFirstOrThrow()
    count = Number(sums.n)
    signals = Number(sums.s)
  }
  if (last.level_num != null && last.level_den != null) return { seed: { day: last.day, num: last.level_num, den: last.level_den }, recent, count, signals }
  // Rows written before the running sums were stored: rebuild the sums from the whole history, once.
  const all = await db.kysely.selectFrom('shifts').select(['day', 'score', 'weight']).where('pair', '=', pair).where('day', '<=', last.day).orderBy('day').execute()
  const end = levelSeries(all).at(-1)!
  return { seed: { day: end.day, num: end.num, den: end.den }, recent, count, signals }
}

/**
 * Feeds and API answers are versioned by this timestamp: ETags and caches change exactly when it does. It only
 * moves forward, by at least a millisecond, so two batches of one run (or two runs in the same millisecond) never
 * share a version over different data.
 */
export function bumpVersionQuery(db: Db, at: string): CompiledQuery {
  return sql`INSERT INTO meta (key, value) VALUES ('changed_at', ${at})
    ON CONFLICT (key) DO UPDATE SET value = CASE WHEN excluded.value > meta.value THEN excluded.value
      ELSE strftime('%Y-%m-%dT%H:%M:%fZ', meta.value, '+0.001 seconds') END`.compile(db.kysely)
}

export async function changedAt(db: Db): Promise<string | null> {
  if (db.readMeta) return db.readMeta('changed_at')
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', 'changed_at').executeTakeFirst()
  return row?.value ?? null
}
