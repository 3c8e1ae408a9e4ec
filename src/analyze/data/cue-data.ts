// Shape of the relation-cue lexicon. Patterns are compiled by ../match-cues.ts.
import type { Direction } from '../../types.ts'

export type CueFamily =
  | 'ties' // restoring, normalising, severing diplomatic relations
  | 'ambassador' // return, recall, expulsion, summons of envoys
  | 'agreement' // agreements, treaties, deals, accords, withdrawals from them
  | 'peace' // ceasefires, truces, peace deals, reconciliation
  | 'visit' // visits, summits, meetings, calls
  | 'support' // support, aid, arms, pledges, backing
  | 'alliance' // alliances, defence pacts, joint exercises, cooperation
  | 'recognition' // recognition of states, sovereignty, governments
  | 'sanctions' // sanctions, tariffs, embargoes, their lifting
  | 'accusation' // accusations, condemnation, criticism, protests
  | 'threat' // threats and ultimatums
  | 'strike' // strikes, attacks, shelling, missile fire
  | 'war' // invasion, war, clashes, annexation
  | 'suspension' // suspensions, boycotts, closures, cutting cooperation
  | 'standstill' // stalled, deadlocked, on hold, yet to, ruled out: the frozen vocabulary
  | 'level' // statements of where a relation stands, with no movement

export interface CueData {
  /** stable id shown in explanations: `family.short-name` */
  id: string
  family: CueFamily
  /**
   * Lower-case pattern over the sentence: words separated by spaces; `word*` matches any ending; `…` a gap of up to
   * six words; `(a|b)` alternatives and `?` for an optional preceding group, as in regular expressions.
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
   * actor inside the match (A) gets the opposite direction from the object (B).
   */
  kind?: 'reaction' | 'switch'
  /**
   * Whether co-subjects with no object are parties to each other ("Iran and Saudi Arabia restored ties": yes;
   * "the US and Britain imposed sanctions": no). Defaults by family, see MUTUAL_FAMILIES in ../attach-arguments.ts.
   */
  mutual?: boolean
  /** a state noun ("crisis", "rift") that is only news when something ends it: fires only under a reverser */
  reversedOnly?: boolean
}
