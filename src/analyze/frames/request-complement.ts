// A request points the way of what it asks for. "urged Washington to halt the attack" or "demanded that Rwanda
// withdraw its troops" asks someone to stop or give something up: a demand, deteriorating. "appealed to the EU to
// commit more troops" asks for help or cooperation: improving. The act asked for is the cue that follows the
// request in its clause, after "to" or "that", a few words on.
import type { CueMatch } from '../cues/match-cues.ts'
import { tokenIndexAt } from '../cues/cue-flags.ts'
import * as words from '../data/context-words.ts'
import type { EventType } from '../data/cue-data.ts'
import { PhraseSet } from '../text/phrase-set.ts'
import type { Token } from '../text/tokenize.ts'

const REVERSERS = new PhraseSet(words.reversers)
// acts the one asked would have to give up something for: asking for them is a demand
const GIVING_UP = new Set<EventType>(['RETREAT', 'CONCEDE'])
const COOPERATIVE = new Set<EventType>(['AID', 'COOPERATE', 'SUPPORT', 'AGREE', 'CONSULT'])
const REACH = 8
const DEMANDED = new Set(words.demandedActs)

/** For each request cue of a clause, the index of the cue it asks for. */
export function requestComplements(cues: CueMatch[], tokens: Token[]): Map<number, number> {
  const out = new Map<number, number>()
  cues.forEach((c, i) => {
    if (c.cue.type !== 'REQUEST') return
    const next = cues[i + 1]
    if (!next || next.cue.type === 'REQUEST') return
    const from = tokenIndexAt(tokens, c.end)
    const to = tokenIndexAt(tokens, next.start)
    const between = tokens.slice(from, to).map((t) => t.norm)
    if (to - from <= REACH && (between.includes('to') || between.includes('that') || to === from)) out.set(i, i + 1)
  })
  return out
}

/** The request read in the light of the act it asks for. */
export function requestReadAs(request: CueMatch, asked: CueMatch, tokens: Token[]): CueMatch {
  const at = tokenIndexAt(tokens, asked.start)
  const undone = REVERSERS.endingAt(tokens, at) > 0 || REVERSERS.endingAt(tokens, at - 1) > 0
  const type = asked.cue.type
  let direction = request.cue.direction
  let score = request.cue.score
  if (undone || GIVING_UP.has(type)) {
    direction = 'deteriorating'
    score = -Math.max(0.35, Math.abs(score))
  } else if (COOPERATIVE.has(type) && asked.cue.direction === 'improving') {
    direction = 'improving'
    score = Math.max(0.3, Math.abs(score))
  }
  return direction === request.cue.direction && score === request.cue.score
    ? request
    : { ...request, cue: { ...request.cue, direction, score } }
}

/**
 * "urged Beijing to recall them", "demanded that Rwanda immediately withdraw": a request whose act no cue names
 * still points the way of its verb — asked to stop, undo or answer for something, it is pressure.
 */
export function requestByVerb(request: CueMatch, tokens: Token[], limit: number): CueMatch {
  if (request.cue.type !== 'REQUEST' || request.cue.direction !== 'improving') return request
  const from = tokenIndexAt(tokens, request.end)
  const end = Math.min(limit, from + REACH + 4)
  for (let k = from; k < end; k++) {
    const n = tokens[k]!.norm
    if (n !== 'to' && n !== 'that') continue
    // past "to" the verb comes at once, past "that" after its subject (a few words); adverbs in "-ly" may stand before it
    for (let j = k + 1; j < Math.min(end + 2, k + (n === 'to' ? 3 : 6)); j++) {
      const w = tokens[j]?.norm ?? ''
      if (DEMANDED.has(w))
        return {
          ...request,
          cue: { ...request.cue, direction: 'deteriorating', score: -Math.max(0.3, Math.abs(request.cue.score)) },
        }
      if (n === 'to' && !/ly$/.test(w)) break
    }
    break
  }
  return request
}
