// From raw claims to signals: a stall absorbs the improvements it stalls, and each claim becomes a Signal with
// its confidence discounted for being hypothetical, historical or reported.
import type { Direction, Signal, SignalFlag } from '../../types.ts'
import { eventTypes } from '../data/cues.ts'
import { polarity, type Flags } from '../cues/cue-flags.ts'
import type { Mention } from '../mentions/find-mentions.ts'
import type { CueMatch } from '../cues/match-cues.ts'

/** One pair's claim in one clause, before reversal and negation are resolved. */
export interface Raw {
  x: string
  y: string
  cue: CueMatch
  flags: Flags
  conf: number
  involved: Mention[]
  clause: number
}

/**
 * In a clause that says talks or a process have stalled ("talks with Ethiopia ended without results", "the
 * border remains closed despite normalisation talks"), the improvement it names is what stalled: one frozen claim.
 */
export function absorbIntoStandstill(
  raw: Raw[],
  stalled: Set<number>,
): (Raw & { polarity: { direction: Direction; score: number } | null })[] {
  const out = raw.map((r) => ({ ...r, polarity: polarity(r.cue.cue, r.flags) }))
  for (const r of out) {
    if (r.polarity?.direction === 'improving' && !r.flags.reversed && stalled.has(r.clause))
      r.polarity = { direction: 'frozen', score: -0.35 }
  }
  return out
}

export function toSignal(
  a: string,
  b: string,
  direction: Direction,
  score: number,
  r: Raw,
  sentence: string,
  index: number,
): Signal {
  const fl: SignalFlag[] = []
  if (r.flags.negated) fl.push('negated')
  if (r.flags.hypothetical) fl.push('hypothetical')
  if (r.flags.historical) fl.push('historical')
  if (r.flags.reported) fl.push('reported')
  let confidence = (r.cue.cue.weight ?? 0.8) * r.conf
  if (r.flags.hypothetical) confidence *= 0.5
  if (r.flags.historical) confidence *= 0.6
  if (r.flags.reported) confidence *= 0.9
  return {
    pair: `${a}--${b}`,
    a,
    b,
    direction,
    score: Math.round(score * 1000) / 1000,
    confidence: Math.round(confidence * 1000) / 1000,
    // an undone act is its own kind of act: lifting sanctions is a concession
    eventType: r.flags.reversed ? (eventTypes.get(r.cue.cue.type)?.undone ?? r.cue.cue.type) : r.cue.cue.type,
    flags: fl,
    cues: [r.cue.cue.id],
    cueText: sentence.slice(r.cue.start, r.cue.end),
    sentence,
    sentenceIndex: index,
    // only the mentions that name this pair, so an explanation shows who stands on either side
    mentions: r.involved
      .filter((m, i, all) => (m.rollup === a || m.rollup === b) && all.indexOf(m) === i)
      .map(({ text, actor, rollup, via, role, start, end }) => ({ text, actor, rollup, via, role, start, end })),
  }
}
