// The direction a pair is heading now, from the latest shifts and the recent movement of its level.
// Hysteresis keeps one weak day from flipping it.
import type { Direction } from '../types.ts'
import { daysBetween } from './level-series.ts'

export interface RecentShift {
  day: string
  direction: Direction
  score: number
  confidence: number
  /** the pair's level after this day */
  level?: number
}

/** Days over which shifts vote on the current direction; older evidence has aged out of it. */
export const WINDOW_DAYS = 45
const SWITCH_MARGIN = 1.3
/** A level that moved this much over the window is itself a vote for that direction. */
const LEVEL_MOVE = 0.15

export function currentDirection(shifts: RecentShift[], previous: Direction | null): Direction {
  if (!shifts.length) return previous ?? 'stable'
  const sorted = [...shifts].sort((x, y) => y.day.localeCompare(x.day))
  const latest = sorted[0]!.day
  const votes = new Map<Direction, number>()
  const inWindow = sorted.filter((s) => daysBetween(s.day, latest) <= WINDOW_DAYS)
  for (const s of inWindow) {
    const w = s.confidence * Math.exp((-Math.LN2 * daysBetween(s.day, latest)) / 14)
    votes.set(s.direction, (votes.get(s.direction) ?? 0) + w)
  }
  const oldest = inWindow[inWindow.length - 1]!
  const newest = inWindow[0]!
  if (inWindow.length > 1 && newest.level !== undefined && oldest.level !== undefined) {
    const move = newest.level - oldest.level
    if (Math.abs(move) >= LEVEL_MOVE) {
      const d: Direction = move > 0 ? 'improving' : 'deteriorating'
      votes.set(d, (votes.get(d) ?? 0) + Math.min(1.5, 2 * Math.abs(move)))
    }
  }
  // A stall stays the story while the latest confident word on the pair says it is stalled.
  const lastStrong = sorted.find((s) => s.confidence >= 0.5)
  if (lastStrong?.direction === 'frozen') return 'frozen'
  let best: Direction = sorted[0]!.direction
  for (const [d, w] of votes) if (w > (votes.get(best) ?? 0)) best = d
  if (
    previous &&
    previous !== best &&
    votes.has(previous) &&
    (votes.get(best) ?? 0) < SWITCH_MARGIN * (votes.get(previous) ?? 0)
  ) {
    return previous
  }
  return best
}
