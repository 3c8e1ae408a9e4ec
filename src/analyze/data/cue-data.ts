// Shape of the relation-cue lexicon (./cues/*.json, one file per PLOVER event type). Patterns are expanded by
// ../cues/expand-lemmas.ts and compiled by ../cues/match-cues.ts.
import type { Direction } from '../../types.ts'

export { EVENT_TYPES, type EventType } from '../../types.ts'
import type { EventType } from '../../types.ts'

export interface CueData {
  /** stable id shown in explanations: `<event type in lower case>.<short name>` */
  id: string
  type: EventType
  /**
   * `event` (the default): an act. `standstill`: the vocabulary of frozen relations (stalled, yet to resume, ruled
   * out) — never negated, and it freezes the improvements of its clause. `level`: a statement of where a relation
   * stands ("ties are excellent"), with no movement.
   */
  aspect?: 'event' | 'standstill' | 'level'
  /**
   * Lower-case pattern over the sentence: words are lemmas and match every inflected form (`=word` matches only as
   * written; `=(…)` keeps a whole group as written); `(a|b)` alternatives and `?`, `*`, `{m,n}` as in regular
   * expressions; `…` a gap of up to six words; `@+` an actor mention; `{NAME}` a macro of ./cues/macros.json.
   */
  pattern: string
  direction: Direction
  /** cooperation positive, conflict negative, in [-1, 1] */
  score: number
  /** how reliably the cue signals a relation at all, in (0, 1]; default 0.8 */
  weight?: number
  /**
   * `reaction`: the cue reacts to an earlier event ("condemned the strike"); with no object of its own it pairs its
   * subject with the agent of the previous event in the text. `switch`: "switched recognition from A to B" — the
   * actor inside the match (A) gets the opposite direction from the object (B). `joint`: the co-subjects act
   * together ("X and Y launched a joint assault on Z"), so they are partners even when the act has a target; only
   * a party named after "with" joins them ("joint drills with Z"), any other object is the act's target, which
   * the act's own cue ("assault") pairs.
   */
  kind?: 'reaction' | 'switch' | 'joint'
  /**
   * Whether co-subjects with no object are parties to each other ("Iran and Saudi Arabia restored ties": yes;
   * "the US and Britain imposed sanctions": no): true for reciprocal predicates (agree, meet, sign, clash, reconcile).
   */
  mutual?: boolean
  /** the place the cue names after it is its target, not only where it happens ("arrived in Britain", "a visit to China") */
  placeTarget?: boolean
  /**
   * the preposition that names the cue's partner ("to": "extradited X to the United States", "handed X over to
   * Iraq"): an actor after it anywhere in the clause is the object, not the actors in what is handed over
   */
  targetAfter?: 'to'
  /** the kinds of actor the cue can be aimed at ("left ECOWAS": only an organisation is left as a bloc) */
  targetKinds?: ('state' | 'government' | 'igo' | 'armed-group' | 'party')[]
  /** a state noun ("crisis", "rift") that is only news when something ends it: fires only under a reverser */
  reversedOnly?: boolean
  /** sentences the pattern must match (checked by the lexicon lint test) */
  examples?: string[]
  note?: string
}

/** One PLOVER event type as ./event-types.json describes it. */
export interface EventTypeData {
  type: EventType
  /** what the type covers, in the editors' words after the PLOVER definitions */
  definition: string
  /** CAMEO quad class: verbal or material, cooperation or conflict */
  quad: 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict'
  /** the type a cue of this type reports when its act is undone ("lifted sanctions": SANCTION → CONCEDE) */
  undone: EventType
}
