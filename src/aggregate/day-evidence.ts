// The quotes a shift publishes: the day's sentences strongest first, one quote per group of copies with the other
// outlets that carried it listed under it, each with what its whole article said and the story it belongs to.
import type { Evidence } from '../types.ts'
import type { Article, DaySignal } from './merge-day.ts'
import { signalWeight } from './signal-weight.ts'

const MAX_EVIDENCE = 12
/** Outlets listed as copies of the quotes, in all: a story carried by hundreds of sites must not fill a feed page. */
const MAX_COPIES = 24
/** Characters of a quote: a sentence can be a whole 50,000-character item, and a feed page shows 600 quotes. */
export const MAX_QUOTE = 400

/** A quote cut at a word boundary within MAX_QUOTE characters, marked with an ellipsis when cut. */
export function clipQuote(text: string): string {
  if (text.length <= MAX_QUOTE) return text
  const cut = text.slice(0, MAX_QUOTE - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > MAX_QUOTE / 2 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, '')}…`
}

export function dayEvidence(
  signals: DaySignal[],
  articles: Article[],
  storyOf: Map<string, string>,
  groupOf: (s: string) => string,
): Evidence[] {
  const articleOf = new Map<DaySignal, Article>()
  for (const a of articles) for (const s of a.signals) articleOf.set(s, a)
  const evidence: Evidence[] = []
  // Each quote stands for its copy group; the outlets that carried the same sentence are listed under it.
  const taken = new Map<string, { quote: Evidence; outlets: Set<string> }>()
  let copies = 0
  const sorted = [...signals].sort(
    (x, y) => signalWeight(y) - signalWeight(x) || x.published.localeCompare(y.published),
  )
  for (const s of sorted) {
    const group = groupOf(s.sentence)
    const seen = taken.get(group)
    if (seen) {
      if (seen.outlets.has(s.sourceUrl) || copies >= MAX_COPIES) continue
      seen.outlets.add(s.sourceUrl)
      seen.quote.copies!.push({ source: s.sourceTitle, url: s.itemUrl, published: s.published })
      copies++
      continue
    }
    if (evidence.length >= MAX_EVIDENCE) continue
    const article = articleOf.get(s)!
    const quote: Evidence = {
      text: clipQuote(s.sentence),
      url: s.itemUrl,
      source: s.sourceTitle,
      published: s.published,
      direction: s.direction,
      ...(s.eventType ? { eventType: s.eventType } : {}),
      flags: s.flags,
      dateInferred: !!s.dateInferred,
      articleDirection: article.verdict.direction,
      story: storyOf.get(article.key)!,
      copies: [],
    }
    taken.set(group, { quote, outlets: new Set([s.sourceUrl]) })
    evidence.push(quote)
  }
  return evidence
}
