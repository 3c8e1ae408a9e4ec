// One evidence quote as the JSON outputs give it (JSON Feed `_entente.evidence[]`, `/api/pairs/{pair}`), and the
// short note pages and feed entries print beside it: the act the quote reports, which way it points, its mode and
// whether its date was inferred, so that a historical, hypothetical or undated quote never reads as today's news.
import type { Direction, Evidence } from '../types.ts'

export interface EvidenceJson {
  text: string
  url: string | null
  source: string
  published: string
  /** improving, deteriorating, frozen or stable; null for quotes stored before it was recorded */
  direction: string | null
  /** one of the sixteen PLOVER event types; null when unknown */
  event_type: string | null
  /** the quote's mode: negated, hypothetical, historical, reported */
  flags: string[]
  /** the article had no readable date: `published` is when it was first seen */
  date_inferred: boolean
  /** what the whole article says of the pair (what `entente analyze` gives for it); null for older quotes */
  article_direction: string | null
  /** the story the quote belongs to: quotes of one story share it; null for older quotes */
  story: string | null
  /** other outlets that carried the same sentence */
  copies: { source: string; url: string | null; published: string }[]
}

export function evidenceJson(e: Evidence): EvidenceJson {
  return {
    text: e.text,
    url: e.url,
    source: e.source,
    published: e.published,
    direction: e.direction ?? null,
    event_type: e.eventType ?? null,
    flags: e.flags ?? [],
    date_inferred: e.dateInferred ?? false,
    article_direction: e.articleDirection ?? null,
    story: e.story ?? null,
    copies: e.copies ?? [],
  }
}

const MODE: Record<string, string> = {
  negated: 'negated',
  hypothetical: 'hypothetical',
  historical: 'historical, not today’s news',
  reported: 'reported',
}

/** "ASSAULT · deteriorating · historical, not today’s news", or '' for a quote stored without them. */
export function evidenceNote(e: Evidence): string {
  const parts = [
    e.eventType,
    e.direction,
    ...(e.flags ?? []).map((f) => MODE[f] ?? f),
    e.dateInferred ? 'date inferred: first seen then' : null,
  ].filter((p): p is string => !!p)
  return parts.join(' · ')
}

/** "the article as a whole: deteriorating", when the article's verdict differs from the quote's own direction. */
export function articleNote(e: Evidence): string {
  return e.articleDirection && e.articleDirection !== e.direction ? `the article as a whole: ${e.articleDirection}` : ''
}

/** "also carried by Desk B, Desk C" for a syndicated quote, '' otherwise. */
export function copiesNote(e: Evidence): string {
  return e.copies?.length ? `also carried by ${e.copies.map((c) => c.source).join(', ')}` : ''
}

/** "improving 0.80 · deteriorating 0.40": the weight each direction received, each story counted once. */
export function votesNote(votes: Partial<Record<Direction, number>>): string {
  return Object.entries(votes)
    .map(([d, w]) => `${d} ${(w ?? 0).toFixed(2)}`)
    .join(' · ')
}
