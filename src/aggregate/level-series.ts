// The level of a pair: a recency-weighted mean of its daily scores, shrunk towards neutral so that one
// weak signal cannot pin a pair at ±1. Old news fades with a half-life.
import { round } from './merge-day.ts'

export const LEVEL_HALF_LIFE_DAYS = 60
export const PRIOR_WEIGHT = 0.5

export interface DayPoint {
  day: string
  score: number
  weight: number
}

export interface LevelPoint {
  day: string
  before: number
  after: number
  /** the decayed running sums after this day, unrounded: a later recompute can start from them */
  num: number
  den: number
}

/** Where a series resumes: the last day already computed and its running sums. */
export interface LevelSeed {
  day: string
  num: number
  den: number
}

const DAY_MS = 86_400_000

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/**
 * Levels before and after each day, for days sorted ascending. Given the seed of the day before the first
 * point, the answer is exactly what the whole history would give, so only changed days need recomputing.
 */
export function levelSeries(points: DayPoint[], seed?: LevelSeed): LevelPoint[] {
  const out: LevelPoint[] = []
  let num = seed?.num ?? 0
  let den = seed?.den ?? 0
  let prevDay: string | null = seed?.day ?? null
  const lambda = Math.LN2 / LEVEL_HALF_LIFE_DAYS
  for (const p of points) {
    if (prevDay) {
      const decay = Math.exp(-lambda * daysBetween(prevDay, p.day))
      num *= decay
      den *= decay
    }
    const before = den > 0 ? num / (den + PRIOR_WEIGHT) : 0
    num += p.weight * p.score
    den += p.weight
    const after = num / (den + PRIOR_WEIGHT)
    out.push({ day: p.day, before: round(before), after: round(after), num, den })
    prevDay = p.day
  }
  return out
}
