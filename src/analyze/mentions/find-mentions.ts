// Mentions of actors in one sentence, each with the role it plays there: a party to a relation, a place,
// a modifier of another mention, or a mediator. Definite descriptions ("the group", "the kingdom",
// "the two sides") are resolved against what the article mentioned before.
import type { MentionRef } from '../../types.ts'
import * as words from '../data/context-words.ts'
import type { Gazetteer, Match } from './gazetteer.ts'
import { mentionRole, spreadMediators } from './mention-role.ts'
import { datelineEnd } from '../text/dateline.ts'
import { PhraseSet } from '../text/phrase-set.ts'
import type { Token } from '../text/tokenize.ts'
import * as fw from '../data/function-words.ts'

const NAME_PARTICLES = new Set(['da', 'de', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'des'])

export interface Mention extends MentionRef {
  tokenStart: number
  tokenEnd: number
  confidence: number
  person?: string
}

export interface Pronoun {
  tokenIndex: number
  start: number
  end: number
  plural: boolean
}

/** What the article has said so far, for resolving references in later sentences. */
export interface DocState {
  history: { actor: string; rollup: string; party: boolean }[]
  lastPair: [string, string] | null
  /** agents of the latest event cue, for reactions such as "condemned the strike" */
  lastAgents: string[]
  /** parties that were subjects of the latest clause, for clauses without a subject of their own */
  lastSubjects: string[]
}

export const newDocState = (): DocState => ({ history: [], lastPair: null, lastAgents: [], lastSubjects: [] })

const PLACE_PREP = new Set(fw.placePrepositions)
const FORMER = new Set(words.formerMarkers)
const REPORTING_VERBS = new Set(words.reportingVerbs)
const CONFIDENCE: Record<MentionRef['via'], number> = {
  name: 1,
  alias: 1,
  metonym: 0.9,
  person: 0.9,
  capital: 0.85,
  demonym: 0.8,
  coreference: 0.75,
}
const PRONOUNS: Record<string, boolean> = { it: false, its: false, they: true, their: true, them: true }

/** A name two actors share ("Brussels": the EU or Belgium) means the one the sentence or article already speaks of. */
function inContext(m: Match, matches: Match[], doc: DocState): Match {
  const seen = new Set([
    ...matches.filter((o) => o !== m).map((o) => o.actor),
    ...doc.history.slice(-20).map((h) => h.actor),
  ])
  const alt = m.alternatives!.find((a) => seen.has(a.actor))
  return alt && !seen.has(m.actor) ? { ...m, actor: alt.actor, via: alt.via } : m
}

/** "former President X", "the late Y": a person who no longer speaks for the actor. */
function formerHolder(tokens: Token[], m: Match, covered: Uint8Array): boolean {
  for (let k = m.start - 1; k >= Math.max(0, m.start - 4); k--) {
    const n = tokens[k]!.norm
    if (FORMER.has(n) || n.startsWith('ex-') || n.startsWith('then-')) return true
    if (n === ',' || n === '.' || covered[k]) break
  }
  return false
}

/**
 * "spokesman Abbas Mousavi": a one-word surname match followed at once by an unknown capitalised word is the
 * first name of someone else.
 */
function otherPersonsFirstName(tokens: Token[], m: Match, covered: Uint8Array): boolean {
  if (m.end - m.start !== 1) return false
  const next = tokens[m.end]
  return !!next && !covered[m.end] && /^\p{Lu}\p{Ll}+$/u.test(next.text) && !NOT_NAMES.has(next.norm)
}

const NOT_NAMES = new Set([...fw.weekdays, ...fw.months, 'i'])

export interface CorefIndex {
  /** every class noun any actor may be referred to by */
  nouns: PhraseSet
  pairRefs: PhraseSet
}

export function buildCorefIndex(gaz: Gazetteer): CorefIndex {
  const all = new Set<string>()
  for (const a of gaz.actors.values()) for (const n of a.nouns) all.add(n)
  return { nouns: new PhraseSet([...all]), pairRefs: new PhraseSet(words.pairReferences) }
}

export function findMentions(
  sentence: string,
  tokens: Token[],
  matches: Match[],
  gaz: Gazetteer,
  coref: CorefIndex,
  doc: DocState,
  date?: string,
): { mentions: Mention[]; pronouns: Pronoun[]; pairRefs: { start: number; end: number; tokenStart: number }[] } {
  const covered = new Uint8Array(tokens.length)
  for (const m of matches) for (let k = m.start; k < m.end; k++) covered[k] = 1
  const startsMatch = new Map(matches.map((m) => [m.start, m]))
  const mentions: Mention[] = []

  // Attribution phrases ("according to Iran's Fars news agency,") name sources, not parties.
  const attributed = new Uint8Array(tokens.length)
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.norm === 'according' && tokens[i + 1]!.norm === 'to') {
      for (let k = i + 2; k < tokens.length && tokens[k]!.norm !== ',' && tokens[k]!.norm !== ';'; k++)
        attributed[k] = 1
    }
  }

  // headline style capitalises every word, and then a capital says nothing about names
  const titleCase =
    tokens.filter((t) => /^\p{Lu}/u.test(t.text)).length > 0.6 * tokens.filter((t) => /^\p{L}/u.test(t.text)).length
  const ctx = { tokens, startsMatch, attributed, endsMatch: new Set(matches.map((m) => m.end)) }
  const kept: Match[] = []
  for (const m of matches) {
    if (m.via === 'person' && formerHolder(tokens, m, covered)) continue
    if (m.via === 'person' && !titleCase && otherPersonsFirstName(tokens, m, covered)) continue
    // "Mocimboa da Praia", "Rio de Janeiro": after a name particle that follows a capitalised word, a capital or a
    // country name is the tail of a longer place name.
    if (
      m.via !== 'person' &&
      NAME_PARTICLES.has(tokens[m.start - 1]?.text ?? '') &&
      /^\p{Lu}/u.test(tokens[m.start - 2]?.text ?? '') &&
      !covered[m.start - 2]
    )
      continue
    kept.push(m.alternatives ? inContext(m, matches, doc) : m)
  }
  const roles = kept.map((m) => mentionRole(m, gaz.actors.get(m.actor)!, ctx))
  spreadMediators(roles, kept, tokens)
  // "ISLAMABAD, Dec 3 (Reuters) -": where the story was filed
  const dateline = datelineEnd(sentence)
  if (dateline)
    kept.forEach((m, i) => {
      if (tokens[m.start]!.start < dateline) roles[i] = 'place'
    })
  kept.forEach((m, i) => {
    const first = tokens[m.start]!
    let last = tokens[m.end - 1]!
    let tokenEnd = m.end
    // "Rwanda's Kagame": a leader the gazetteer does not know, named after the state's possessive, is that state.
    const poss = tokens[m.end]?.norm === "'s" || tokens[m.end]?.norm === "'"
    if (poss && roles[i] === 'party' && m.via !== 'person') {
      let k = m.end + 1
      while (k < tokens.length && k < m.end + 4 && !covered[k] && /^\p{Lu}\p{Ll}/u.test(tokens[k]!.text)) k++
      if (k > m.end + 1 && !/^\p{Lu}/u.test(tokens[k]?.text ?? 'x')) {
        tokenEnd = k
        last = tokens[k - 1]!
      }
    }
    mentions.push({
      text: sentence.slice(first.start, last.end),
      actor: m.actor,
      rollup: gaz.rollup(m.actor, date),
      via: m.via,
      role: roles[i]!,
      start: first.start,
      end: last.end,
      tokenStart: m.start,
      tokenEnd,
      confidence: CONFIDENCE[m.via],
      ...(m.person ? { person: m.person } : {}),
    })
  })

  // "France destroyed most of the country's air force": an actor whose own act leads straight to the description
  // would be "its"; the country meant is another (but "Iran said the country would …" is Iran)
  const ownActBefore = (m: Mention, before: number): boolean => {
    const between = tokens.slice(m.tokenEnd, before)
    if (
      !between.length ||
      between.length > 5 ||
      between.some((x) => !/^[a-z]+$/.test(x.text) || REPORTING_VERBS.has(x.norm))
    )
      return false
    return (
      /^[a-z]+ed$/.test(between[0]!.text) &&
      !mentions.some((o) => o !== m && o.tokenStart >= m.tokenEnd && o.tokenEnd <= before)
    )
  }
  // Definite descriptions: "the (militant) group", "the kingdom", resolved to the latest fitting actor.
  const pronouns: Pronoun[] = []
  const pairRefs: { start: number; end: number; tokenStart: number }[] = []
  const recent = (pred: (actor: string) => boolean, before: number): string | null => {
    for (let k = mentions.length - 1; k >= 0; k--) {
      const mm = mentions[k]!
      if (mm.tokenEnd <= before && mm.role !== 'place' && pred(mm.actor) && !ownActBefore(mm, before)) return mm.actor
    }
    for (let k = doc.history.length - 1; k >= 0; k--) if (pred(doc.history[k]!.actor)) return doc.history[k]!.actor
    return null
  }
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue
    const t = tokens[i]!
    if (t.norm in PRONOUNS) {
      pronouns.push({ tokenIndex: i, start: t.start, end: t.end, plural: PRONOUNS[t.norm]! })
      continue
    }
    const pairLen = coref.pairRefs.startingAt(tokens, i)
    if (pairLen) {
      pairRefs.push({ start: t.start, end: tokens[i + pairLen - 1]!.end, tokenStart: i })
      i += pairLen - 1
      continue
    }
    if (t.norm !== 'the') continue
    // up to two describing words between "the" and the class noun
    for (let skip = 0; skip <= 2; skip++) {
      const at = i + 1 + skip
      if (at >= tokens.length) break
      if (skip > 0 && (covered[at - 1] || !/^[\p{L}-]+$/u.test(tokens[at - 1]!.text))) break
      const len = coref.nouns.startingAt(tokens, at)
      if (!len || covered[at]) continue
      const noun = tokens
        .slice(at, at + len)
        .map((x) => x.norm)
        .join(' ')
      // "the group's", "the kingdom" — but not "the group of seven", a name the gazetteer would have caught.
      const actor = recent((id) => gaz.actors.get(id)!.nouns.includes(noun), i)
      if (!actor) break
      let role: MentionRef['role'] = 'party'
      const prevTok = tokens[i - 1]
      if (prevTok && PLACE_PREP.has(prevTok.norm) && gaz.actors.get(actor)!.kind === 'state') role = 'place'
      mentions.push({
        text: sentence.slice(t.start, tokens[at + len - 1]!.end),
        actor,
        rollup: gaz.rollup(actor, date),
        via: 'coreference',
        role,
        start: t.start,
        end: tokens[at + len - 1]!.end,
        tokenStart: i,
        tokenEnd: at + len,
        confidence: CONFIDENCE.coreference,
      })
      for (let k = i; k < at + len; k++) covered[k] = 1
      i = at + len - 1
      break
    }
  }
  mentions.sort((x, y) => x.start - y.start)
  return { mentions, pronouns, pairRefs }
}
