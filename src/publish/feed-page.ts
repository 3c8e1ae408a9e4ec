// What every feed format renders: the feed's identity and links, and one view of each shift.
import type { Direction, Evidence, Shift } from '../types.ts'

export interface FeedLinks {
  /** the exact URL this document is served at */
  self: string
  /** the HTML page this feed mirrors */
  alternate: string
  first: string
  next: string | null
  previous: string | null
  /** the same feed in the other formats, for discovery */
  atom: string
  rss: string
  json: string
  /** the WebSub hub this feed is pushed through, or null */
  hub: string | null
}

export interface FeedPage {
  /** `tag:` URI identifying the feed (stable across pages and formats) */
  id: string
  title: string
  description: string
  links: FeedLinks
  /** when the content last changed; also the ETag basis */
  updated: string
  baseUrl: string
  shifts: ShiftView[]
}

export interface ShiftView {
  id: string
  title: string
  url: string
  a: { id: string; name: string }
  b: { id: string; name: string }
  direction: Direction
  score: number
  confidence: number
  levelBefore: number
  levelAfter: number
  sources: number
  signals: number
  day: string
  published: string
  updated: string
  evidence: Evidence[]
  summary: string
}

const signed = (x: number): string => (x > 0 ? `+${x.toFixed(2)}` : x < 0 ? `−${Math.abs(x).toFixed(2)}` : '0.00')

export function tagAuthority(baseUrl: string): string {
  return new URL(baseUrl).hostname || 'localhost'
}

export function shiftTagId(baseUrl: string, pair: string, day: string): string {
  return `tag:${tagAuthority(baseUrl)},2026:shift/${pair}/${day}`
}

export function shiftView(shift: Shift, baseUrl: string, nameOf: (id: string) => string): ShiftView {
  const a = { id: shift.a, name: nameOf(shift.a) }
  const b = { id: shift.b, name: nameOf(shift.b) }
  const title = `${a.name}–${b.name}: ${shift.direction}`
  const summary =
    `${a.name} and ${b.name}: ${shift.direction} on ${shift.day} (score ${signed(shift.score)}, ` +
    `level ${signed(shift.levelBefore)} → ${signed(shift.levelAfter)}, ${shift.sources} source${shift.sources === 1 ? '' : 's'}, ` +
    `confidence ${shift.confidence.toFixed(2)}).`
  return {
    id: shiftTagId(baseUrl, shift.pair, shift.day),
    title,
    url: `${baseUrl}/pairs/${shift.pair}#${shift.day}`,
    a,
    b,
    direction: shift.direction,
    score: shift.score,
    confidence: shift.confidence,
    levelBefore: shift.levelBefore,
    levelAfter: shift.levelAfter,
    sources: shift.sources,
    signals: shift.signals,
    day: shift.day,
    published: shift.published,
    updated: shift.updated,
    evidence: shift.evidence,
    summary,
  }
}
