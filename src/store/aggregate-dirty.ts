// Recomputes the shifts of every pair-day marked dirty, then the pair's level series and current state.
// A pair's writes, the clearing of its dirty marks (at the versions read) and the release of its claim always
// land in the same batch, with the data version when a published shift changed, so re-running after a crash is
// safe, and signals stored while a pair was being aggregated keep their mark for the next run. A published shift
// whose direction changes is corrected in place, and one that loses its evidence becomes a tombstone.
import { correctedFrom, tombstoneCutoff, type CorrectionReason } from '../aggregate/corrections.ts'
import { currentDirection } from '../aggregate/current-direction.ts'
import { levelSeries } from '../aggregate/level-series.ts'
import { round } from '../aggregate/merge-day.ts'
import type { Direction } from '../types.ts'
import { yieldToEventLoop } from '../yield-to-event-loop.ts'
import { claimedMarks, claimQuery, releaseAllQuery, type DirtyMark } from './aggregate-claims.ts'
import { priorHistory, readChunk, type ChunkRows, type LevelledShift } from './aggregate-reads.ts'
import { Writes, type StampedColumn } from './aggregate-writes.ts'
import type { Db, ShiftRow, SignalRow } from './schema.ts'
import { mergedRow } from './shift-rows.ts'

export { bumpVersionQuery, changedAt } from './data-version.ts'

export interface AggregateResult {
  pairs: number
  shiftsChanged: number
  /** the pairs whose published shifts changed, sorted: their feeds (and their actors' and the global one) changed */
  changedPairs: string[]
  /** published shifts corrected or withdrawn: the corrections feed changed */
  corrected: number
}

const sameShift = (x: ShiftRow, y: ShiftRow): boolean =>
  x.direction === y.direction &&
  x.score === y.score &&
  x.sources === y.sources &&
  x.independent_sources === y.independent_sources &&
  x.signals === y.signals &&
  x.evidence === y.evidence &&
  Math.abs(x.level_after - y.level_after) < 0.01 &&
  Math.abs(x.level_before - y.level_before) < 0.01

// Claims of 45 pairs keep the range reads within D1's 100 bound parameters; one commit serves many pairs.
const PAIRS_PER_READ = 45
const ROWS_PER_BATCH = 400

export async function aggregateDirty(db: Db, now: Date, maxRows = 5000): Promise<AggregateResult> {
  let shiftsChanged = 0
  let pairsDone = 0
  const changedPairs = new Set<string>()
  let corrected = 0
  let budget = maxRows
  const at = now.toISOString()
  const pending = new Writes(at)
  const tokens: string[] = []
  // Nothing dirty, nothing to claim: a poll in which every source answered 304 writes nothing here.
  if (!(await db.kysely.selectFrom('dirty_pair_days').select('pair').limit(1).executeTakeFirst())) return { pairs: 0, shiftsChanged: 0, changedPairs: [], corrected: 0 }
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
      for (const { pair, marks } of chunk) {
        const { changed, corrections } = await aggregatePair(db, ctx, pair, marks, now, pending)
        shiftsChanged += changed
        corrected += corrections
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
  return { pairs: pairsDone, shiftsChanged, changedPairs: [...changedPairs].sort(), corrected }
}

/** Recomputes one claimed pair's dirty days and what follows from them; says how many published shifts changed and how many of them were corrected or withdrawn. */
async function aggregatePair(db: Db, ctx: ChunkRows, pair: string, marks: DirtyMark[], now: Date, pending: Writes): Promise<{ changed: number; corrections: number }> {
  const at = now.toISOString()
  const expired = tombstoneCutoff(now)
  let changedHere = 0
  let corrections = 0
  // Levels are causal: days before the first dirty one keep theirs, and the running sums stored with the
  // last of them seed the series. Only days from the first dirty one on are read whole and may be rewritten,
  // so the cost follows the change, not the age of the pair.
  const all = ctx.full.get(pair) ?? []
  const full = all.filter((r) => !r.withdrawn_at)
  // A tombstone past its 30 days is forgotten: new evidence for its day makes a new shift, not a restored one.
  const tombstones = new Map(all.filter((r) => r.withdrawn_at && r.withdrawn_at >= expired).map((r) => [r.day, r]))
  const prior = ctx.pairs.get(pair)
  // The pair row is written with its shifts, so its totals less the days about to be recomputed are the totals
  // of the days before them.
  const totals = prior ? { count: prior.shift_count - full.length, signals: prior.signal_count - full.reduce((n, r) => n + r.signals, 0) } : undefined
  const before = await priorHistory(db, pair, ctx.tails.get(pair) ?? [], totals)
  const original = new Map(full.map((r) => [r.day, r]))
  const rows = new Map<string, ShiftRow>(full.map((r) => [r.day, r]))
  const reasons = new Map(marks.map((m): [string, CorrectionReason] => [m.day, m.reanalysis ? 'reanalysis' : 'new-evidence']))
  const byDay = ctx.signals.get(pair) ?? new Map<string, SignalRow[]>()
  for (const { day } of marks) {
    const sigs = byDay.get(day) ?? []
    const old = original.get(day) ?? tombstones.get(day)
    if (sigs.length) rows.set(day, mergedRow(pair, day, sigs, old, at))
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
      if (old.level_num !== lv.num || old.level_den !== lv.den) pending.shift({ ...old, level_num: lv.num, level_den: lv.den })
      return
    }
    const stamped: StampedColumn[] = ['updated']
    const tomb = tombstones.get(row.day)
    const from = correctedFrom(old ? { direction: old.direction as Direction, withdrawn: false } : tomb ? { direction: tomb.direction as Direction, withdrawn: true } : null, next.direction as Direction)
    if (from) {
      next.previous_direction = from
      next.correction_reason = reasons.get(row.day) ?? 'new-evidence'
      stamped.push('corrected_at')
      corrections++
    }
    changedHere++
    pending.shift(next, stamped)
  })
  // A published shift whose evidence is gone stays as a tombstone: its entry says it was withdrawn and what it had said.
  for (const { day } of marks) {
    const old = original.get(day)
    if (!old || rows.has(day)) continue
    pending.shift(
      { ...old, sources: 0, independent_sources: 0, signals: 0, evidence: '[]', votes: null, previous_direction: old.direction, correction_reason: reasons.get(day) ?? 'new-evidence' },
      ['updated', 'corrected_at', 'withdrawn_at'],
    )
    changedHere++
    corrections++
  }
  // The latest ten days, old and recomputed, decide the pair's current direction.
  const recent: LevelledShift[] = [
    ...before.recent,
    ...changed.map((r, i) => ({ day: r.day, direction: r.direction as Direction, score: r.score, confidence: r.confidence, level: levels[i]!.after })),
  ].slice(-10)
  const last = recent[recent.length - 1]
  const lastSums = levels.at(-1) ?? before.seed
  if (last) {
    pending.pairs.push({
      pair,
      a: pair.split('--')[0]!,
      b: pair.split('--')[1]!,
      level: last.level,
      direction: currentDirection(recent, (prior?.direction as Direction | undefined) ?? null),
      last_day: last.day,
      last_direction: last.direction,
      last_score: round(last.score),
      shift_count: before.count + changed.length,
      signal_count: before.signals + changed.reduce((n, r) => n + r.signals, 0),
      updated: at,
      level_num: lastSums?.num ?? null,
      level_den: lastSums?.den ?? null,
    })
  } else {
    pending.deadPairs.push(pair)
  }
  return { changed: changedHere, corrections }
}
