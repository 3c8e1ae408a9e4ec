// One evidence quote as the JSON outputs give it (JSON Feed `_entente.evidence[]`, `/api/pairs/{pair}`), and the
// short note pages and feed entries print beside it: the act the quote reports, which way it points, and its mode,
// so that a historical or hypothetical quote never reads as today's news.
import type { Evidence } from '../types.ts'

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
}

export function evidenceJson(e: Evidence): EvidenceJson {
  return { text: e.text, url: e.url, source: e.source, published: e.published, direction: e.direction ?? null, event_type: e.eventType ?? null, flags: e.flags ?? [] }
}

const MODE: Record<string, string> = { negated: 'negated', hypothetical: 'hypothetical', historical: 'historical, not today’s news', reported: 'reported' }

/** "ASSAULT · deteriorating · historical, not today’s news", or '' for a quote stored without them. */
export function evidenceNote(e: Evidence): string {
  const parts = [e.eventType, e.direction, ...(e.flags ?? []).map((f) => MODE[f] ?? f)].filter((p): p is string => !!p)
  return parts.join(' · ')
}
