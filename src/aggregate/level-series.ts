// The level of a pair: a recency-weighted mean of its daily scores, shrunk towards neutral so that one
// weak signal cannot pin a pair at ±1. Old news fades with a half-life.
import { round } from './merge-day.ts'

export const LEVEL_HALF_LIFE_DAYS = 60
const PRIOR_WEIGHT = 0.5

export interface DayPoint {
  day: string
  score: number
  weight: number
}

export interface LevelPoint {
  day: string
  before: number
  after: number
}

const DAY_MS = 86_400_000

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** Levels before and after each day, for days sorted ascending. */
export function levelSeries(points: DayPoint[]): LevelPoint[] {
  const out: LevelPoint[] = []
  let num = 0
  let den = 0
  let prevDay: string | null = null
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
    out.push({ day: p.day, before: round(before), after: round(after) })
    prevDay = p.day
  }
  return out
}
