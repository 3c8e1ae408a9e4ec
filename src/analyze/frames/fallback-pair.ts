// The last resort of attachment: a cue that no frame could give a subject and an object, in a clause that names a
// party before it and another after it ("Caracas had rejected a U.S. offer of humanitarian aid"), is read as a claim
// between the nearest of the two, at lower confidence. Only parties count — places, modifiers and mediators never do.
import type { Mention } from '../mentions/find-mentions.ts'
import type { CueMatch } from '../cues/match-cues.ts'
import type { Clause } from '../text/split-clauses.ts'
import type { Token } from '../text/tokenize.ts'

/** How much a fallback claim is believed, relative to one a frame attached. */
export const FALLBACK_CONFIDENCE = 0.6
// How far, in tokens, the agent and the target may stand from the cue.
const REACH = 10

export function fallbackPair(mentions: Mention[], clause: Clause, cue: CueMatch, subjects: string[], tokens: Token[]): [Mention, Mention] | null {
  const inClause = mentions.filter((m) => m.role === 'party' && m.start >= clause.start && m.end <= clause.end)
  const cueTok = tokens.findIndex((t) => t.start >= cue.start)
  const cueEndTok = tokens.findIndex((t) => t.start >= cue.end)
  const before = inClause.filter((m) => m.end <= cue.start && cueTok - m.tokenEnd <= REACH)
  const agent = before[before.length - 1] ?? (subjects.length ? mentions.find((m) => m.role === 'party' && subjects.includes(m.rollup)) : undefined)
  if (!agent) return null
  const target = inClause.find((m) => m.start >= cue.end && m.rollup !== agent.rollup && (cueEndTok < 0 || m.tokenStart - cueEndTok <= REACH))
  return target ? [agent, target] : null
}
