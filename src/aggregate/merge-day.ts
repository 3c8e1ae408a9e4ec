// One pair's signals of one UTC day, merged across sources into what a shift publishes.
import type { Direction, Evidence, EventType, SignalFlag } from '../types.ts'

export interface DaySignal {
  direction: Direction
  score: number
  confidence: number
  flags: SignalFlag[]
  sentence: string
  sourceUrl: string
  sourceTitle: string
  itemUrl: string | null
  published: string
  /** the PLOVER type of the act, when the signal recorded one */
  eventType?: EventType | null
}

export interface DayAggregate {
  direction: Direction
  score: number
  confidence: number
  /** total evidence weight of the day, what the level series uses */
  weight: number
  sources: number
  signals: number
  evidence: Evidence[]
  firstPublished: string
}

const MAX_EVIDENCE = 12
/** Characters of a quote: a sentence can be a whole 50,000-character item, and a feed page shows 600 quotes. */
export const MAX_QUOTE = 400

/** A quote cut at a word boundary within MAX_QUOTE characters, marked with an ellipsis when cut. */
export function clipQuote(text: string): string {
  if (text.length <= MAX_QUOTE) return text
  const cut = text.slice(0, MAX_QUOTE - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > MAX_QUOTE / 2 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, '')}…`
}

/**
 * Signals in one fixed order, whatever order the store returned them in: floating-point sums depend on the order
 * of their terms, and evidence ties are broken by position, so a recomputation must see the same sequence.
 */
function canonical(signals: DaySignal[]): DaySignal[] {
  const key = (s: DaySignal) => [s.published, s.sourceUrl, s.sentence, s.direction, String(s.score), String(s.confidence), s.flags.join(','), s.itemUrl ?? '', s.sourceTitle, s.eventType ?? '']
  return [...signals].sort((x, y) => {
    const a = key(x)
    const b = key(y)
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1
    return 0
  })
}

/** How much a signal counts: history and hypotheticals weigh less than current, asserted news. */
export function signalWeight(s: Pick<DaySignal, 'confidence' | 'flags'>): number {
  let w = s.confidence
  if (s.flags.includes('historical')) w *= 0.3
  if (s.flags.includes('hypothetical')) w *= 0.4
  if (s.flags.includes('reported')) w *= 0.85
  return w
}

export function mergeDay(input: DaySignal[]): DayAggregate {
  if (!input.length) throw new Error('mergeDay needs at least one signal')
  const signals = canonical(input)
  const byDirection = new Map<Direction, number>()
  let weightSum = 0
  let scoreSum = 0
  for (const s of signals) {
    const w = signalWeight(s)
    byDirection.set(s.direction, (byDirection.get(s.direction) ?? 0) + w)
    weightSum += w
    scoreSum += w * s.score
  }
  // Ties go to the more newsworthy direction: a stall or a rupture matters more than business as usual.
  const order: Direction[] = ['frozen', 'deteriorating', 'improving', 'stable']
  let direction: Direction = 'stable'
  let best = -1
  for (const d of order) {
    const w = byDirection.get(d) ?? 0
    if (w > best + 1e-9) {
      best = w
      direction = d
    }
  }
  const sources = new Set(signals.map((s) => s.sourceUrl)).size
  // Independent confirmations raise confidence; repeated signals from one source barely do.
  const perSource = new Map<string, number>()
  for (const s of signals) perSource.set(s.sourceUrl, Math.max(perSource.get(s.sourceUrl) ?? 0, signalWeight(s)))
  let miss = 1
  for (const c of perSource.values()) miss *= 1 - Math.min(0.95, c)
  const confidence = round(1 - miss)

  const seen = new Set<string>()
  const evidence: Evidence[] = []
  const sorted = [...signals].sort((x, y) => signalWeight(y) - signalWeight(x) || x.published.localeCompare(y.published))
  for (const s of sorted) {
    const key = `${s.sourceUrl}\u0000${s.sentence}`
    if (seen.has(key)) continue
    seen.add(key)
    evidence.push({
      text: clipQuote(s.sentence),
      url: s.itemUrl,
      source: s.sourceTitle,
      published: s.published,
      direction: s.direction,
      ...(s.eventType ? { eventType: s.eventType } : {}),
      flags: s.flags,
    })
    if (evidence.length >= MAX_EVIDENCE) break
  }
  return {
    direction,
    score: round(weightSum > 0 ? scoreSum / weightSum : 0),
    confidence,
    weight: round(Math.min(3, weightSum)),
    sources,
    signals: signals.length,
    evidence,
    firstPublished: signals.reduce((m, s) => (s.published < m ? s.published : m), signals[0]!.published),
  }
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
