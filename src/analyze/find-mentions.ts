// Mentions of actors in one sentence, each with the role it plays there: a party to a relation, a place,
// a modifier of another mention, or a mediator. Definite descriptions ("the group", "the kingdom",
// "the two sides") are resolved against what the article mentioned before.
import type { MentionRef } from '../types.ts'
import * as words from './data/context-words.ts'
import type { Gazetteer, Match } from './gazetteer.ts'
import { PhraseSet } from './phrases.ts'
import type { Token } from './tokenize.ts'

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

const set = (xs: string[]) => new Set(xs)
const PLACE_PREP = set(['in', 'at', 'near', 'inside', 'outside', 'across', 'around', 'throughout', 'within', 'over', 'into', 'off'])
const IN_TARGET = set(['interference', 'meddling', 'involvement', 'intervention', 'investment', 'investments', 'invest', 'invested', 'investing', 'incursion', 'incursions', 'offensive', 'offensives', 'war', 'strikes', 'airstrikes', 'operations', 'attacks', 'presence', 'troops', 'deployment'])
const PARTY_NOUNS = new PhraseSet(words.partyNouns)
const TOPIC_NOUNS = new PhraseSet(words.topicNouns)
const VENUE_NOUNS = new PhraseSet(words.venueNouns)
const MEDIATOR_BEFORE = new PhraseSet(words.mediatorBefore)
const FORMER = set(words.formerMarkers)
const CONJ = set(['and', ',', 'or', '&', 'nor'])
const MEDIATION = set(['mediation', 'mediators', 'mediator', 'good', 'brokering'])
const HYPHEN_MEDIATOR = set(['brokered', 'mediated', 'sponsored', 'hosted', 'facilitated', 'backed'])
const HYPHEN_MODIFIER = set(['based', 'born', 'educated', 'headquartered', 'listed', 'made', 'registered', 'owned', 'flagged', 'bound', 'allied', 'aligned', 'friendly', 'affiliated', 'linked', 'inspired', 'trained', 'funded', 'armed', 'supported', 'controlled', 'held', 'occupied', 'annexed', 'administered'])
const CONFIDENCE: Record<MentionRef['via'], number> = { name: 1, alias: 1, metonym: 0.9, person: 0.9, capital: 0.85, demonym: 0.8, coreference: 0.75 }
const PRONOUNS: Record<string, boolean> = { it: false, its: false, they: true, their: true, them: true }
const STATE_KINDS = set(['state'])

function headNoun(tokens: Token[], at: number): 'party' | 'topic' | 'none' {
  const topic = TOPIC_NOUNS.startingAt(tokens, at)
  const party = PARTY_NOUNS.startingAt(tokens, at)
  if (party >= topic && party > 0) return 'party'
  if (topic > 0) return 'topic'
  return 'none'
}

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
): { mentions: Mention[]; pronouns: Pronoun[]; pairRefs: { start: number; end: number; tokenStart: number }[] } {
  const covered = new Uint8Array(tokens.length)
  for (const m of matches) for (let k = m.start; k < m.end; k++) covered[k] = 1
  const startsMatch = new Map(matches.map((m) => [m.start, m]))
  const mentions: Mention[] = []

  // Attribution phrases ("according to Iran's Fars news agency,") name sources, not parties.
  const attributed = new Uint8Array(tokens.length)
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.norm === 'according' && tokens[i + 1]!.norm === 'to') {
      for (let k = i + 2; k < tokens.length && tokens[k]!.norm !== ',' && tokens[k]!.norm !== ';'; k++) attributed[k] = 1
    }
  }

  for (let mi = 0; mi < matches.length; mi++) {
    const m = matches[mi]!
    const actor = gaz.actors.get(m.actor)!
    if (m.via === 'person') {
      let former = false
      for (let k = m.start - 1; k >= Math.max(0, m.start - 4); k--) {
        const n = tokens[k]!.norm
        if (FORMER.has(n) || n.startsWith('ex-') || n.startsWith('then-')) former = true
        if (n === ',' || n === '.' || covered[k]) break
      }
      if (former) continue
    }
    let role: MentionRef['role'] = 'party'
    const prev = m.start > 0 ? tokens[m.start - 1]! : null
    const prevSkipThe = prev?.norm === 'the' && m.start > 1 ? tokens[m.start - 2]! : prev
    const prevIndex = prev?.norm === 'the' ? m.start - 2 : m.start - 1
    let after = m.end
    const possessive = tokens[after]?.norm === "'s" || (tokens[after]?.norm === "'" && /s$/i.test(tokens[after - 1]!.text))
    if (possessive) after++
    const nextMatch = startsMatch.get(after) ?? (tokens[after]?.norm === 'the' ? startsMatch.get(after + 1) : undefined)

    if (MEDIATOR_BEFORE.endingAt(tokens, prevIndex + 1) || (possessive && MEDIATION.has(tokens[after]?.norm ?? ''))) {
      role = 'mediator'
    } else if (tokens[m.end]?.norm === '-' && HYPHEN_MEDIATOR.has(tokens[m.end + 1]?.norm ?? '') && tokens[m.end + 1]?.norm !== 'backed') {
      role = 'mediator'
    } else if (tokens[m.end]?.norm === '-' && (HYPHEN_MODIFIER.has(tokens[m.end + 1]?.norm ?? '') || tokens[m.end + 1]?.norm === 'backed')) {
      role = 'modifier'
    } else if (tokens[m.end]?.norm === '-' && startsMatch.has(m.end + 1)) {
      role = 'party' // "US-China talks": both parts are parties
    } else if (attributed[m.start]) {
      role = 'modifier'
    } else if (m.via !== 'person' && nextMatch && nextMatch.actor !== m.actor && (m.via === 'demonym' || possessive || m.via === 'name' || m.via === 'alias')) {
      // "Palestinian Hamas", "Yemen's Houthi rebels": the first names where the second belongs.
      role = m.via === 'demonym' || possessive ? 'modifier' : 'party'
    } else if (m.via === 'demonym') {
      let k = m.end
      while (k < tokens.length && (CONJ.has(tokens[k]!.norm) || (startsMatch.get(k)?.via === 'demonym'))) {
        const dm = startsMatch.get(k)
        k = dm ? dm.end : k + 1
      }
      const head = headNoun(tokens, k)
      const plural = /s$/.test(tokens[m.end - 1]!.norm) && !/(ese|ss)$/.test(tokens[m.end - 1]!.norm)
      if (head === 'party') role = 'party'
      else if (head === 'topic') role = 'place'
      else if (plural && (k === m.end || !/^\p{L}/u.test(tokens[k]?.text ?? '.'))) role = 'party'
      else role = 'modifier'
    } else if (possessive) {
      const next = tokens[after]
      const head = headNoun(tokens, after)
      if (head === 'topic') role = 'place'
      else if (head === 'party') role = 'party'
      else if (next && /^\p{Lu}/u.test(next.text)) role = 'modifier'
      else role = 'party'
    } else {
      const prepIsPlace = prevSkipThe && PLACE_PREP.has(prevSkipThe.norm)
      const beforePrep = prevSkipThe ? tokens[(prev?.norm === 'the' ? m.start - 3 : m.start - 2)] : undefined
      if (prepIsPlace && !(prevSkipThe!.norm === 'in' && beforePrep && IN_TARGET.has(beforePrep.norm)) && (STATE_KINDS.has(actor.kind) || m.via === 'capital')) {
        role = 'place'
      } else if (m.via === 'capital' && VENUE_NOUNS.startingAt(tokens, m.end)) {
        role = 'place'
      } else if (STATE_KINDS.has(actor.kind) && /^(world cup|olympics|games|grand prix|open|marathon)$/.test(tokens.slice(m.end, m.end + 2).map((t) => t.norm).join(' ').replace(/^(.*?)( .*)?$/, '$1')) ) {
        role = 'place'
      } else {
        const head = headNoun(tokens, m.end)
        if (head === 'topic' && (m.via === 'capital' || m.via === 'name') && STATE_KINDS.has(actor.kind) && !PARTY_NOUNS.startingAt(tokens, m.end)) role = 'place'
      }
    }
    const first = tokens[m.start]!
    const last = tokens[m.end - 1]!
    mentions.push({
      text: sentence.slice(first.start, last.end),
      actor: m.actor,
      rollup: gaz.rollup(m.actor),
      via: m.via,
      role,
      start: first.start,
      end: last.end,
      tokenStart: m.start,
      tokenEnd: m.end,
      confidence: CONFIDENCE[m.via],
      ...(m.person ? { person: m.person } : {}),
    })
  }

  // Definite descriptions: "the (militant) group", "the kingdom", resolved to the latest fitting actor.
  const pronouns: Pronoun[] = []
  const pairRefs: { start: number; end: number; tokenStart: number }[] = []
  const recent = (pred: (actor: string) => boolean, before: number): string | null => {
    for (let k = mentions.length - 1; k >= 0; k--) {
      const mm = mentions[k]!
      if (mm.tokenEnd <= before && mm.role !== 'place' && pred(mm.actor)) return mm.actor
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
      const noun = tokens.slice(at, at + len).map((x) => x.norm).join(' ')
      // "the group's", "the kingdom" — but not "the group of seven", a name the gazetteer would have caught.
      const actor = recent((id) => gaz.actors.get(id)!.nouns.includes(noun), i)
      if (!actor) break
      let role: MentionRef['role'] = 'party'
      const prevTok = tokens[i - 1]
      if (prevTok && PLACE_PREP.has(prevTok.norm) && gaz.actors.get(actor)!.kind === 'state') role = 'place'
      mentions.push({
        text: sentence.slice(t.start, tokens[at + len - 1]!.end),
        actor,
        rollup: gaz.rollup(actor),
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
