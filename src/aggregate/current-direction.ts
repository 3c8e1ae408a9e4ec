// The direction a pair is heading now, from its latest shifts. Hysteresis keeps one weak day from flipping it.
import type { Direction } from '../types.ts'
import { daysBetween } from './level-series.ts'

export interface RecentShift {
  day: string
  direction: Direction
  score: number
  confidence: number
}

const WINDOW_DAYS = 45
const SWITCH_MARGIN = 1.3

export function currentDirection(shifts: RecentShift[], previous: Direction | null): Direction {
  if (!shifts.length) return previous ?? 'stable'
  const sorted = [...shifts].sort((x, y) => y.day.localeCompare(x.day))
  const latest = sorted[0]!.day
  const votes = new Map<Direction, number>()
  for (const s of sorted) {
    const age = daysBetween(s.day, latest)
    if (age > WINDOW_DAYS) break
    const w = s.confidence * Math.exp((-Math.LN2 * age) / 14)
    votes.set(s.direction, (votes.get(s.direction) ?? 0) + w)
  }
  // A stall stays the story while the latest confident word on the pair says it is stalled.
  const lastStrong = sorted.find((s) => s.confidence >= 0.5)
  if (lastStrong?.direction === 'frozen') return 'frozen'
  let best: Direction = sorted[0]!.direction
  for (const [d, w] of votes) if (w > (votes.get(best) ?? 0)) best = d
  if (previous && previous !== best && votes.has(previous) && (votes.get(best) ?? 0) < SWITCH_MARGIN * (votes.get(previous) ?? 0)) {
    return previous
  }
  return best
}
