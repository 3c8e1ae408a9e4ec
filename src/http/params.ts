// Parsing and validating path and query parameters shared by feeds, pages and the API. Lengths are checked
// before any pattern: a request line may carry 16 KB, and a backtracking pattern over that holds the event loop.
import { DIRECTIONS, type Direction } from '../types.ts'
import type { Gazetteer } from '../analyze/mentions/gazetteer.ts'
import { HttpError } from './errors.ts'

export function parseDirection(v: string | undefined): Direction | undefined {
  if (v === undefined || v === '') return undefined
  if (!(DIRECTIONS as readonly string[]).includes(v))
    throw new HttpError(400, `direction must be one of ${DIRECTIONS.join(', ')}`)
  return v as Direction
}

export function parseConfidence(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined
  const n = Number(v)
  if (v.length > 12 || !/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(v) || n < 0 || n > 1)
    throw new HttpError(400, 'min_confidence must be a number between 0 and 1')
  return n
}

export function parseActor(g: Gazetteer, v: string | undefined, name = 'actor'): string | undefined {
  if (v === undefined || v === '') return undefined
  if (!g.actors.has(v))
    throw new HttpError(name === 'actor' ? 400 : 404, `unknown ${name} "${v.slice(0, 80)}": see /api/actors`)
  return v
}

export function parseLimit(v: string | undefined, fallback: number, max: number): number {
  if (v === undefined || v === '') return fallback
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max)
    throw new HttpError(400, `limit must be a whole number from 1 to ${max}`)
  return Number(v)
}

export function parseOffset(v: string | undefined): number {
  if (v === undefined || v === '') return 0
  if (!/^\d+$/.test(v) || Number(v) > 1_000_000) throw new HttpError(400, 'offset must be a whole number')
  return Number(v)
}

export function parseCursor(v: string | undefined, name: string): { day: string; id: string } | undefined {
  if (v === undefined || v === '') return undefined
  const m = v.length <= 200 ? /^(\d{4}-\d{2}-\d{2})_([a-z0-9-]+--[a-z0-9-]+)$/.exec(v) : null
  if (!m) throw new HttpError(400, `${name} must be a cursor taken from a feed's paging links`)
  return { day: m[1]!, id: `${m[2]}/${m[1]}` }
}

export const cursorOf = (s: { day: string; pair: string }) => `${s.day}_${s.pair}`

/** Validates `a--b`; returns the canonical (sorted) form, which may differ from the input. */
export function parsePair(g: Gazetteer, v: string): { pair: string; a: string; b: string } {
  const m = v.length <= 200 ? /^([a-z0-9-]+?)--([a-z0-9-]+)$/.exec(v) : null
  if (!m) throw new HttpError(400, 'a pair is written as two actor ids joined by "--", e.g. hamas--iran')
  const [x, y] = [m[1]!, m[2]!]
  if (x === y) throw new HttpError(400, 'a pair needs two different actors')
  for (const id of [x, y])
    if (!g.actors.has(id)) throw new HttpError(404, `unknown actor "${id.slice(0, 80)}": see /api/actors`)
  const [a, b] = x < y ? [x, y] : [y, x]
  return { pair: `${a}--${b}`, a, b }
}
