// A pair's level and direction as of the day they are read, not as of its last evidence: the level keeps decaying
// with calendar time (the same half-life as between days with data), and once the last evidence is older than the
// window the current direction is voted over, the pair is `stable` again. So a single 2015 day reads as what it
// is in 2026: old news, long faded.
import type { Direction } from '../types.ts'
import { WINDOW_DAYS } from './current-direction.ts'
import { daysBetween, LEVEL_HALF_LIFE_DAYS, PRIOR_WEIGHT } from './level-series.ts'
import { round } from './merge-day.ts'

export interface PairState {
  level: number
  direction: string
  last_day: string
  /** the running sums behind `level` (absent on rows stored before they were kept) */
  level_num?: number | null
  level_den?: number | null
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/** Whole days from the last evidence to the day of reading (0 on the same day). */
export function evidenceAge(lastDay: string, asOfDay: string): number {
  return Math.max(0, daysBetween(lastDay, asOfDay))
}

export function levelAsOf(p: PairState, asOfDay: string): number {
  const decay = Math.exp((-Math.LN2 * evidenceAge(p.last_day, asOfDay)) / LEVEL_HALF_LIFE_DAYS)
  if (p.level_num == null || p.level_den == null) return round(p.level * decay)
  return round((p.level_num * decay) / (p.level_den * decay + PRIOR_WEIGHT))
}

/** The last day whose evidence still counts on `asOfDay`: evidence older than this has aged out. */
export function freshSince(asOfDay: string): string {
  return new Date(Date.parse(`${asOfDay}T00:00:00Z`) - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10)
}

export function directionAsOf(p: Pick<PairState, 'direction' | 'last_day'>, asOfDay: string): Direction {
  return p.last_day < freshSince(asOfDay) ? 'stable' : (p.direction as Direction)
}

/** "today", "yesterday", "12 days ago", "3 years ago": how old the last evidence is, for pages and feeds. */
export function ageText(days: number): string {
  if (days <= 0) return 'today'
  if (days === 1) return 'yesterday'
  if (days < 60) return `${days} days ago`
  if (days < 730) return `${Math.round(days / 30.44)} months ago`
  return `${Math.floor(days / 365.25)} years ago`
}
