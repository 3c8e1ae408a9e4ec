// Words that change what a cue or a mention means, typed: the lists live in ./words/context-words.json, one
// section per list. Lists of lemmas ("refuse to") are expanded here to every form of their first word ("refused
// to", "refusing to"); lists of nouns to their plurals.
import contextWordsFile from './words/context-words.json' with { type: 'json' }
import { inflections, nounForms } from '../text/inflect.ts'
import type { DataFile } from './data-file.ts'

export const contextWordFile = contextWordsFile as unknown as DataFile<string>

function expand(entry: string, inflect: 'head' | 'plural' | undefined): string[] {
  if (!inflect) return [entry]
  const words = entry.split(' ')
  if (inflect === 'head') return inflections(words[0]!).map((w) => [w, ...words.slice(1)].join(' '))
  return nounForms(words[words.length - 1]!).map((w) => [...words.slice(0, -1), w].join(' '))
}

function list(name: string): string[] {
  const section = contextWordFile.sections.find((s) => s.section === name)
  if (!section) throw new Error(`context-words.json has no section "${name}"`)
  return [...new Set(section.entries.flatMap((e) => expand(e, section.inflect)))]
}

/** Within a few words before a cue: the claim is negated. */
export const negators = list('negators')
/** Within a few words before a cue: the action ends or undoes the state the cue names ("lifting of sanctions"). */
export const reversers = list('reversers')
/** Before a cue anywhere earlier in the clause or sentence: the whole claim is denied, so no signal at all. */
export const denials = list('denials')
/** Between a negator and a cue, these carry the negation through ("did not take part in the strikes"). */
export const participation = list('participation')
export const sportWords = list('sportWords')
export const hypotheticals = list('hypotheticals')
export const historicals = list('historicals')
export const reporters = list('reporters')
export const backgrounds = list('backgrounds')
export const agentGapWords = list('agentGapWords')
export const intentionNouns = list('intentionNouns')
export const obliquePrepositions = list('obliquePrepositions')
export const adoptionVerbs = list('adoptionVerbs')
export const coSubjectMarkers = list('coSubjectMarkers')
export const controlVerbs = list('controlVerbs')
export const responseOpeners = list('responseOpeners')
export const mediaNames = list('mediaNames')
export const nominalHeads = list('nominalHeads')
export const mediatorNouns = list('mediatorNouns')
export const documentNouns = list('documentNouns')
export const aimedAt = list('aimedAt')
export const seatNouns = list('seatNouns')
export const venueOnlyNouns = list('venueOnlyNouns')
export const partyNouns = list('partyNouns')
export const goodsNouns = list('goodsNouns')
export const agentNouns = list('agentNouns')
export const nonStateNouns = list('nonStateNouns')
export const topicNouns = list('topicNouns')
export const venueNouns = list('venueNouns')
export const mediatorBefore = list('mediatorBefore')
export const reportingVerbs = list('reportingVerbs')
export const sourceWords = list('sourceWords')
export const formerMarkers = list('formerMarkers')
export const pairReferences = list('pairReferences')
export const demandedActs = list('demandedActs')
/** Class nouns any actor of a kind may be referred back to with ("the country", "the group"). */
export const kindNouns: Record<string, string[]> = Object.fromEntries(
  contextWordFile.sections.filter((s) => s.section.startsWith('kindNouns.')).map((s) => [s.section.slice('kindNouns.'.length), s.entries]),
)
