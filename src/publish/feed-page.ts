// What every feed format renders: the feed's identity and links, and one view of each shift.
import { describeReason } from '../aggregate/corrections.ts'
import { ageText } from '../aggregate/level-now.ts'
import type { Correction, Direction, Evidence, Shift } from '../types.ts'

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
  /** how old the newest evidence the feed covers is, as of the day it was rendered */
  lastEvidence?: LastEvidence | null
}

/** The newest evidence behind a feed or page, and how old it is on the day of reading. */
export interface LastEvidence {
  day: string
  ageDays: number
  asOf: string
  /** for one pair: its level decayed to the day of reading, and its direction then */
  levelNow?: number
  directionNow?: Direction
}

/** "Last evidence 2015-07-20 (11 years ago, as of 2026-12-06); level today +0.00, stable." */
export function lastEvidenceText(e: LastEvidence): string {
  const level =
    e.levelNow !== undefined ? `; level today ${signed(e.levelNow)}${e.directionNow ? `, ${e.directionNow}` : ''}` : ''
  return `Last evidence ${e.day} (${ageText(e.ageDays)}, as of ${e.asOf})${level}.`
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
  independentSources: number
  signals: number
  day: string
  published: string
  updated: string
  evidence: Evidence[]
  votes: Shift['votes']
  summary: string
  correction?: Correction
  withdrawnAt?: string
  /** the visible note of a correction or withdrawal, '' for neither */
  note: string
}

const signed = (x: number): string => (x > 0 ? `+${x.toFixed(2)}` : x < 0 ? `−${Math.abs(x).toFixed(2)}` : '0.00')

export function tagAuthority(baseUrl: string): string {
  return new URL(baseUrl).hostname || 'localhost'
}

export function shiftTagId(baseUrl: string, pair: string, day: string): string {
  return `tag:${tagAuthority(baseUrl)},2026:shift/${pair}/${day}`
}

/** The visible note of a corrected or withdrawn shift: when, why, and what it said before. */
export function correctionNote(shift: Pick<Shift, 'day' | 'direction' | 'correction' | 'withdrawnAt'>): string {
  const c = shift.correction
  if (shift.withdrawnAt && c) {
    return `Withdrawn on ${shift.withdrawnAt.slice(0, 10)} after ${describeReason(c.reason)}: the evidence for this shift (published as ${c.previousDirection}) no longer supports it. This entry stays for 30 days so that readers who saw it learn it is gone.`
  }
  if (!c) return ''
  if (c.previousDirection === 'withdrawn')
    return `Corrected on ${c.at.slice(0, 10)} after ${describeReason(c.reason)}: this shift had been withdrawn and is restored as ${shift.direction}.`
  return `Corrected on ${c.at.slice(0, 10)} after ${describeReason(c.reason)}: previously published as ${c.previousDirection}, now ${shift.direction}.`
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

export function shiftView(shift: Shift, baseUrl: string, nameOf: (id: string) => string): ShiftView {
  const a = { id: shift.a, name: nameOf(shift.a) }
  const b = { id: shift.b, name: nameOf(shift.b) }
  const c = shift.correction
  const title = shift.withdrawnAt
    ? `${a.name}–${b.name}: withdrawn (was ${c?.previousDirection ?? shift.direction})`
    : `${a.name}–${b.name}: ${shift.direction}${c ? ` (corrected, was ${c.previousDirection})` : ''}`
  const summary = shift.withdrawnAt
    ? `${a.name} and ${b.name}: the shift published for ${shift.day} was withdrawn.`
    : `${a.name} and ${b.name}: ${shift.direction} on ${shift.day} (score ${signed(shift.score)}, ` +
      `level ${signed(shift.levelBefore)} → ${signed(shift.levelAfter)}, ${count(shift.sources, 'source')}` +
      `${shift.independentSources !== shift.sources ? ` carrying ${count(shift.independentSources, 'independent report')}` : ''}, ` +
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
    independentSources: shift.independentSources,
    signals: shift.signals,
    day: shift.day,
    published: shift.published,
    updated: shift.updated,
    evidence: shift.evidence,
    votes: shift.votes,
    summary,
    ...(c ? { correction: c } : {}),
    ...(shift.withdrawnAt ? { withdrawnAt: shift.withdrawnAt } : {}),
    note: correctionNote(shift),
  }
}
