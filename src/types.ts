// Shared vocabulary of the pipeline (see DESIGN.md in the project docs). Pure types only.

export type Direction = 'improving' | 'deteriorating' | 'frozen' | 'stable'
export const DIRECTIONS: readonly Direction[] = ['improving', 'deteriorating', 'frozen', 'stable']

/** A source listed in the OPML file. */
export interface Source {
  url: string
  title: string
  siteUrl?: string
}

/** One article of a fetched feed, normalised and reduced to plain text. */
export interface FeedItem {
  /** publisher's guid, else link, else content hash: what identifies the item within its source */
  guid: string
  url: string | null
  title: string
  /** plain text of title + description/content, for analysis */
  text: string
  /** ISO 8601, or null when the feed gave no usable date */
  published: string | null
  author: string | null
  /** hex digest of the normalised title + text, for cross-source deduplication */
  contentHash: string
  /** ISO 639-3 code of the language the text is written in (`eng`, `por`, `urd`…; `und` when too short to tell) */
  language?: string
}

/**
 * How an item's date was found: the publisher's (`feed`), or none readable and filed under the poll that first saw
 * it (`first-seen`), or none readable on its source's first poll (`backlog`: it may be years old, so it is kept as
 * known but never analysed into a shift dated today).
 */
export type ItemDating = 'feed' | 'first-seen' | 'backlog'

export type SignalFlag = 'negated' | 'hypothetical' | 'historical' | 'reported'

/** The sixteen PLOVER event types, as POLECAT codes them: the kind of act a signal reports. */
export const EVENT_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export interface MentionRef {
  /** surface text as it appears in the sentence */
  text: string
  /** actor the surface resolved to (before roll-up) */
  actor: string
  /** actor used for pairing (after roll-up to the parent) */
  rollup: string
  via: 'name' | 'alias' | 'capital' | 'demonym' | 'metonym' | 'person' | 'coreference'
  role: 'party' | 'place' | 'modifier' | 'mediator'
  start: number
  end: number
}

/** One sentence's claim about one pair. */
export interface Signal {
  /** sorted actor ids joined by `--` */
  pair: string
  a: string
  b: string
  direction: Direction
  /** cooperation positive, conflict negative, in [-1, 1] */
  score: number
  confidence: number
  /** the PLOVER type of the act reported (of its undoing, for "lifted sanctions": CONCEDE) */
  eventType: EventType
  flags: SignalFlag[]
  cues: string[]
  /** the words of the sentence the cue matched */
  cueText: string
  sentence: string
  sentenceIndex: number
  mentions: MentionRef[]
}

/** Document-level verdict for a pair. */
export interface PairVerdict {
  a: string
  b: string
  pair: string
  direction: Direction
  score: number
  confidence: number
  signals: number
}

/** One quote of a shift: the sentence, where it was published, and what the engine read in it. */
export interface Evidence {
  text: string
  url: string | null
  source: string
  published: string
  /** the direction this quote's claim points (shifts stored before it was recorded lack it) */
  direction?: Direction
  /** the PLOVER type of the act the quote reports */
  eventType?: EventType
  /** its mode: negated, hypothetical, historical, reported */
  flags?: SignalFlag[]
  /** the article's date could not be read: it is filed under the time it was first seen, and weighs less */
  dateInferred?: boolean
  /** what the whole article says of the pair (what `entente analyze` gives for it) */
  articleDirection?: Direction
  /** the story this quote belongs to: copies of one report across outlets share it */
  story?: string
  /** other outlets that carried the same sentence (syndicated or copied), each still counted in `sources` */
  copies?: EvidenceCopy[]
}

/** An outlet that carried a quoted sentence too. */
export interface EvidenceCopy {
  source: string
  url: string | null
  published: string
}

/** How a published shift was corrected: the direction it had before, when and why it changed. */
export interface Correction {
  /** the direction published before the change; 'withdrawn' when the shift had been withdrawn and came back */
  previousDirection: Direction | 'withdrawn'
  at: string
  reason: 'reanalysis' | 'new-evidence'
}

/** All signals of one pair on one UTC day, merged across sources. */
export interface Shift {
  id: string
  pair: string
  a: string
  b: string
  day: string
  direction: Direction
  score: number
  confidence: number
  levelBefore: number
  levelAfter: number
  /** outlets that carried the day's evidence */
  sources: number
  /** independent reports among them: copies of one story, and one outlet's articles, count once */
  independentSources: number
  signals: number
  evidence: Evidence[]
  /** the weight each direction received from the day's stories */
  votes: Partial<Record<Direction, number>>
  published: string
  updated: string
  /** set when the published direction changed after it was first published */
  correction?: Correction
  /** set on a tombstone: the shift was withdrawn (its evidence is gone) at this time */
  withdrawnAt?: string
}

export const pairKey = (x: string, y: string): string => (x < y ? `${x}--${y}` : `${y}--${x}`)
