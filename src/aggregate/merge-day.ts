// One pair's signals of one UTC day, merged across sources into what a shift publishes. The day is a vote of
// articles: each article votes with its own verdict (what `entente analyze` gives for its text), copies of one
// story share one vote, and confidence grows with independent reports, not with outlets repeating one.
import type { Direction, Evidence, EventType, SignalFlag } from '../types.ts'
import { dayEvidence } from './day-evidence.ts'
import { INFERRED_DATE_WEIGHT, modeWeight, signalWeight } from './signal-weight.ts'
import { clusterStories } from './story-clusters.ts'
import { UnionFind } from './union-find.ts'

/** What the whole article says of the pair: the verdict `entente analyze` prints for its text. */
export interface ArticleVerdict {
  direction: Direction
  score: number
  confidence: number
}

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
  /** the article the signal came from: an article's signals vote together */
  itemId?: string
  /** the article's date could not be read: it was filed under the time it was first seen */
  dateInferred?: boolean
  /** the article's verdict for the pair, as stored with the signal (absent: derived from its signals here) */
  article?: ArticleVerdict | null
}

export interface DayAggregate {
  direction: Direction
  score: number
  confidence: number
  /** total evidence weight of the day, what the level series uses */
  weight: number
  /** outlets */
  sources: number
  /** independent reports: copies of one story, and one outlet's articles, count once */
  independentSources: number
  signals: number
  evidence: Evidence[]
  /** the weight each direction received */
  votes: Partial<Record<Direction, number>>
  firstPublished: string
}

/** Ties go to the more newsworthy direction: a stall or a rupture matters more than business as usual. */
const TIE_ORDER: Direction[] = ['frozen', 'deteriorating', 'improving', 'stable']

/**
 * Signals in one fixed order, whatever order the store returned them in: floating-point sums depend on the order
 * of their terms, and evidence ties are broken by position, so a recomputation must see the same sequence.
 */
function canonical(signals: DaySignal[]): DaySignal[] {
  const key = (s: DaySignal) => [
    s.published,
    s.sourceUrl,
    s.itemId ?? '',
    s.sentence,
    s.direction,
    String(s.score),
    String(s.confidence),
    s.flags.join(','),
    s.itemUrl ?? '',
    s.sourceTitle,
    s.eventType ?? '',
  ]
  return [...signals].sort((x, y) => {
    const a = key(x)
    const b = key(y)
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1
    return 0
  })
}

function winner(votes: Map<Direction, number>): Direction {
  let direction: Direction = 'stable'
  let best = -1
  for (const d of TIE_ORDER) {
    const w = votes.get(d) ?? 0
    if (w > best + 1e-9) {
      best = w
      direction = d
    }
  }
  return direction
}

/** An article's verdict from its signals alone, for signals stored before articles' verdicts were. */
function derivedVerdict(signals: DaySignal[]): ArticleVerdict {
  const votes = new Map<Direction, number>()
  let num = 0
  let den = 0
  let miss = 1
  for (const s of signals) {
    const w = signalWeight(s)
    votes.set(s.direction, (votes.get(s.direction) ?? 0) + w)
    num += w * s.score
    den += w
    miss *= 1 - Math.min(0.95, s.confidence)
  }
  return { direction: winner(votes), score: den ? num / den : 0, confidence: 1 - miss }
}

export interface Article {
  key: string
  sourceUrl: string
  signals: DaySignal[]
  verdict: ArticleVerdict
  weight: number
}

function articlesOf(signals: DaySignal[]): Article[] {
  const byKey = new Map<string, DaySignal[]>()
  for (const s of signals) {
    const key = s.itemId ?? `${s.sourceUrl}\u0000${s.itemUrl ?? ''}\u0000${s.published}`
    byKey.set(key, [...(byKey.get(key) ?? []), s])
  }
  return [...byKey.keys()].sort().map((key) => {
    const list = byKey.get(key)!
    const verdict = list.find((s) => s.article)?.article ?? derivedVerdict(list)
    // The article counts as much as its verdict's confidence, in the mode of its strongest supporting claim.
    const support = list.filter((s) => s.direction === verdict.direction)
    const mode = Math.max(...(support.length ? support : list).map((s) => modeWeight(s.flags)))
    const weight =
      Math.min(0.95, verdict.confidence) * mode * (list.some((s) => s.dateInferred) ? INFERRED_DATE_WEIGHT : 1)
    return { key, sourceUrl: list[0]!.sourceUrl, signals: list, verdict, weight }
  })
}

/** Independent reports: articles joined when they are one story or come from one outlet. */
function independentGroups(articles: Article[], storyOf: Map<string, string>): Article[][] {
  const uf = new UnionFind()
  for (const a of articles) uf.union(`story ${storyOf.get(a.key)}`, `source ${a.sourceUrl}`)
  const byRoot = new Map<string, Article[]>()
  for (const a of articles) {
    const root = uf.find(`source ${a.sourceUrl}`)
    byRoot.set(root, [...(byRoot.get(root) ?? []), a])
  }
  return [...byRoot.values()]
}

export function mergeDay(input: DaySignal[]): DayAggregate {
  if (!input.length) throw new Error('mergeDay needs at least one signal')
  const signals = canonical(input)
  const articles = articlesOf(signals)
  const { storyOf, groupOf } = clusterStories(
    articles.map((a) => ({ key: a.key, sentences: a.signals.map((s) => s.sentence) })),
  )
  const members = new Map<string, number>()
  for (const a of articles) members.set(storyOf.get(a.key)!, (members.get(storyOf.get(a.key)!) ?? 0) + 1)
  // A story votes once: its copies share its vote.
  const votes = new Map<Direction, number>()
  let weightSum = 0
  let scoreSum = 0
  for (const a of articles) {
    const w = a.weight / members.get(storyOf.get(a.key)!)!
    votes.set(a.verdict.direction, (votes.get(a.verdict.direction) ?? 0) + w)
    weightSum += w
    scoreSum += w * a.verdict.score
  }
  const groups = independentGroups(articles, storyOf)
  let miss = 1
  for (const g of groups) miss *= 1 - Math.min(0.95, Math.max(...g.map((a) => a.weight)))
  return {
    direction: winner(votes),
    score: round(weightSum > 0 ? scoreSum / weightSum : 0),
    confidence: round(1 - miss),
    weight: round(Math.min(3, weightSum)),
    sources: new Set(signals.map((s) => s.sourceUrl)).size,
    independentSources: groups.length,
    signals: signals.length,
    evidence: dayEvidence(signals, articles, storyOf, groupOf),
    votes: Object.fromEntries(TIE_ORDER.filter((d) => votes.has(d)).map((d) => [d, round(votes.get(d)!)])),
    firstPublished: signals.reduce((m, s) => (s.published < m ? s.published : m), signals[0]!.published),
  }
}

export { clipQuote, MAX_QUOTE } from './day-evidence.ts'
export { signalWeight } from './signal-weight.ts'

export function round(x: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
