// One claimed pair's dirty days recomputed from their signals, and what follows from them: the level series from
// the first dirty day on, corrections and tombstones of published shifts, and the pair's current state. Pure: the
// store reads what it needs (aggregate-reads.ts) and writes what this returns (aggregate-writes.ts).
import type { PairRow, ShiftRow, SignalRow } from '../store/schema.ts'
import type { Direction } from '../types.ts'
import { correctedFrom, tombstoneCutoff, type CorrectionReason } from './corrections.ts'
import { currentDirection, type RecentShift } from './current-direction.ts'
import { levelSeries, type LevelSeed } from './level-series.ts'
import { round } from './merge-day.ts'
import { mergedRow } from './merged-row.ts'

export type LevelledShift = RecentShift & { level: number }

/** What aggregation needs of a pair's days before its first dirty one. */
export interface PriorHistory {
  /** running sums as of the last day before the first dirty one; absent when there is no such day */
  seed?: LevelSeed
  /** up to the last ten of those days, oldest first */
  recent: LevelledShift[]
  count: number
  signals: number
}

/** Columns of a shift row that take the instant of its change. */
export type StampedColumn = 'updated' | 'corrected_at' | 'withdrawn_at'

export interface PairInput {
  pair: string
  /** the dirty days claimed, each saying whether re-analysis marked it */
  marks: { day: string; reanalysis: number | boolean }[]
  /** the pair's shifts from its first dirty day on, whole (tombstones too), in day order */
  from: ShiftRow[]
  /** the pair's stored state, if any */
  prior: Pick<PairRow, 'direction' | 'shift_count' | 'signal_count'> | undefined
  before: PriorHistory
  /** the signals of the dirty days, by day */
  signals: Map<string, SignalRow[]>
  now: Date
}

export interface PairRecomputation {
  /** shift rows to write, in order; `stamped` columns take the instant of the change */
  shifts: { row: ShiftRow; stamped: StampedColumn[] }[]
  /** the pair's new state, or null when it has no live shift left */
  pairRow: PairRow | null
  /** published shifts changed, and how many of them were corrected or withdrawn */
  changed: number
  corrections: number
}

/** The pair's totals less the days about to be recomputed: the totals of the days before them. */
export function totalsBefore(
  prior: PairInput['prior'],
  from: ShiftRow[],
): { count: number; signals: number } | undefined {
  const live = from.filter((r) => !r.withdrawn_at)
  return prior
    ? { count: prior.shift_count - live.length, signals: prior.signal_count - live.reduce((n, r) => n + r.signals, 0) }
    : undefined
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

export function recomputePair({ pair, marks, from, prior, before, signals, now }: PairInput): PairRecomputation {
  const at = now.toISOString()
  const expired = tombstoneCutoff(now)
  const shifts: PairRecomputation['shifts'] = []
  let changedHere = 0
  let corrections = 0
  // Levels are causal: days before the first dirty one keep theirs, and the running sums stored with the
  // last of them seed the series. Only days from the first dirty one on are read whole and may be rewritten,
  // so the cost follows the change, not the age of the pair.
  const full = from.filter((r) => !r.withdrawn_at)
  // A tombstone past its 30 days is forgotten: new evidence for its day makes a new shift, not a restored one.
  const tombstones = new Map(from.filter((r) => r.withdrawn_at && r.withdrawn_at >= expired).map((r) => [r.day, r]))
  const original = new Map(full.map((r) => [r.day, r]))
  const rows = new Map<string, ShiftRow>(full.map((r) => [r.day, r]))
  const reasons = new Map(
    marks.map((m): [string, CorrectionReason] => [m.day, m.reanalysis ? 'reanalysis' : 'new-evidence']),
  )
  for (const { day } of marks) {
    const sigs = signals.get(day) ?? []
    const old = original.get(day) ?? tombstones.get(day)
    if (sigs.length) rows.set(day, mergedRow(pair, day, sigs, old, at))
    else rows.delete(day)
  }
  const changed = [...rows.values()].sort((x, y) => x.day.localeCompare(y.day))
  const levels = levelSeries(changed, before.seed)
  changed.forEach((row, i) => {
    const lv = levels[i]!
    const next: ShiftRow = {
      ...row,
      level_before: lv.before,
      level_after: lv.after,
      level_num: lv.num,
      level_den: lv.den,
    }
    const old = original.get(row.day)
    if (old && sameShift(old, next)) {
      // Published values within rounding of the old ones stay as they were, but the running sums must be exact:
      // later days resume from them.
      if (old.level_num !== lv.num || old.level_den !== lv.den)
        shifts.push({ row: { ...old, level_num: lv.num, level_den: lv.den }, stamped: [] })
      return
    }
    const stamped: StampedColumn[] = ['updated']
    const tomb = tombstones.get(row.day)
    const corrected = correctedFrom(
      old
        ? { direction: old.direction as Direction, withdrawn: false }
        : tomb
          ? { direction: tomb.direction as Direction, withdrawn: true }
          : null,
      next.direction as Direction,
    )
    if (corrected) {
      next.previous_direction = corrected
      next.correction_reason = reasons.get(row.day) ?? 'new-evidence'
      stamped.push('corrected_at')
      corrections++
    }
    changedHere++
    shifts.push({ row: next, stamped })
  })
  // A published shift whose evidence is gone stays as a tombstone: its entry says it was withdrawn and what it had said.
  for (const { day } of marks) {
    const old = original.get(day)
    if (!old || rows.has(day)) continue
    shifts.push({
      row: {
        ...old,
        sources: 0,
        independent_sources: 0,
        signals: 0,
        evidence: '[]',
        votes: null,
        previous_direction: old.direction,
        correction_reason: reasons.get(day) ?? 'new-evidence',
      },
      stamped: ['updated', 'corrected_at', 'withdrawn_at'],
    })
    changedHere++
    corrections++
  }
  // The latest ten days, old and recomputed, decide the pair's current direction.
  const recent: LevelledShift[] = [
    ...before.recent,
    ...changed.map((r, i) => ({
      day: r.day,
      direction: r.direction as Direction,
      score: r.score,
      confidence: r.confidence,
      level: levels[i]!.after,
    })),
  ].slice(-10)
  const last = recent[recent.length - 1]
  const lastSums = levels.at(-1) ?? before.seed
  const pairRow: PairRow | null = last
    ? {
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
      }
    : null
  return { shifts, pairRow, changed: changedHere, corrections }
}
