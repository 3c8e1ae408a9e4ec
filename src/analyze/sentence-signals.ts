// One sentence → signals. Cues are matched on the sentence with actor mentions masked; each cue takes its
// subjects from the left of its clause and its objects from the right, so co-subjects pair with the object
// and not with each other, places and mediators never become parties, and negated or denied claims
// produce no signal in the direction they deny.
import type { Direction, Signal, SignalFlag } from '../types.ts'
import { pairKey } from '../types.ts'
import * as words from './data/context-words.ts'
import type { CueData } from './data/cue-data.ts'
import type { Engine } from './engine.ts'
import { findMentions, type DocState, type Mention } from './find-mentions.ts'
import { matchCues, type CueMatch } from './match-cues.ts'
import { PhraseSet } from './phrases.ts'
import { tokenize, type Token } from './tokenize.ts'

const NEGATORS = new PhraseSet(words.negators)
const DENIALS = new PhraseSet(words.denials)
const HYPOTHETICALS = new PhraseSet(words.hypotheticals)
const HISTORICALS = new PhraseSet(words.historicals)
const REPORTERS = new PhraseSet(words.reporters)
const BACKGROUNDS = new PhraseSet(words.backgrounds)
const REPORTING = new Set(words.reportingVerbs)
const NEGATION_IMMUNE = new Set(['standstill', 'level'])
const BARRIERS = new Set(['but', 'however', 'although', 'though', 'while', 'whereas', 'instead'])
const CLAUSE_BREAK =
  /;|\s[–—]\s|\s--\s|:\s|,\s+(?=(?:and|but|while|whereas|which|who|whom|where|although|though|as|after|before|because|since|when|even as|yet|then)\s)|\s(?=(?:while|whereas|although|though|because|after|before|when|unless|if|which|who)\s)|,\s+(?=[a-z]+(?:ing|ed)\s)/g
const SUBJECTLESS = /^(?:,?\s*(?:and|but|then|while|before|after)\s+)?(?:also\s+)?[a-z]+(?:ing|ed)\b/

export interface SentenceResult {
  signals: Signal[]
  mentions: Mention[]
  cues: CueMatch[]
}

interface Clause {
  start: number
  end: number
}

function maskSentence(sentence: string, mentions: Mention[], tokens: Token[]): string {
  const chars = [...sentence].length === sentence.length ? sentence.split('') : Array.from(sentence, (c) => (c.length === 1 ? c : ' '))
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const lower = c.toLowerCase()
    chars[i] = lower.length === 1 ? lower : c
    if (c === '“' || c === '”' || c === '"' || c === '«' || c === '»') chars[i] = ' '
    if (c === '’') chars[i] = "'"
  }
  for (const m of mentions) {
    let end = m.end
    const next = tokens[m.tokenEnd]
    if (next && (next.norm === "'s" || next.norm === "'") && next.start === end) end = next.end
    for (let k = m.start; k < end; k++) chars[k] = '@'
  }
  return chars.join('')
}

function splitClauses(masked: string): Clause[] {
  const cuts: number[] = [0]
  CLAUSE_BREAK.lastIndex = 0
  for (const m of masked.matchAll(CLAUSE_BREAK)) {
    const at = m.index!
    // ", and" between two mentions is a list ("Saudi Arabia, the UAE, and Egypt"), not a new clause.
    if (/@\s*$/.test(masked.slice(Math.max(0, at - 2), at)) && /^,?\s*(and|or)\s+(the\s+)?@/.test(masked.slice(at, at + 14))) continue
    cuts.push(at)
  }
  cuts.push(masked.length)
  const out: Clause[] = []
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1]! > cuts[i]!) out.push({ start: cuts[i]!, end: cuts[i + 1]! })
  return out
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface Flags {
  negated: boolean
  denied: boolean
  hypothetical: boolean
  historical: boolean
  reported: boolean
}

function flagsFor(cue: CueMatch, clause: Clause, tokens: Token[], sentenceTokensReported: boolean, docYear: number): Flags {
  const cueTok = tokenIndexAt(tokens, cue.start)
  const clauseTok = tokenIndexAt(tokens, clause.start)
  const windowStart = (n: number) => {
    let k = cueTok
    while (k > clauseTok && cueTok - k < n && !BARRIERS.has(tokens[k - 1]!.norm) && tokens[k - 1]!.norm !== ',') k--
    return k
  }
  const negated = !NEGATION_IMMUNE.has(cue.cue.family) && NEGATORS.anyIn(tokens, windowStart(5), cueTok)
  const denied = DENIALS.anyIn(tokens, 0, cueTok)
  const hypothetical = HYPOTHETICALS.anyIn(tokens, windowStart(4), cueTok) || tokens.slice(clauseTok, cueTok).some((t) => t.norm === 'if' || t.norm === 'unless')
  const clauseEndTok = tokenIndexAt(tokens, clause.end)
  let historical = HISTORICALS.anyIn(tokens, clauseTok, clauseEndTok) || BACKGROUNDS.anyIn(tokens, windowStart(3), cueTok)
  for (let k = Math.max(clauseTok, cueTok - 3); k < cueTok; k++) if (tokens[k]!.norm === 'had') historical = true
  for (let k = clauseTok; k < clauseEndTok; k++) {
    const t = tokens[k]!.norm
    if (/^(19|20)\d\d$/.test(t) && Number(t) <= docYear - 2) historical = true
  }
  return { negated, denied, hypothetical, historical, reported: sentenceTokensReported }
}

/** What a cue becomes once negated: a blocked improvement is a stall; a negated rupture is no news. */
function negatedCue(cue: CueData): { direction: Direction; score: number } | null {
  if (cue.direction === 'improving' && cue.family !== 'level') return { direction: 'frozen', score: -0.3 }
  return null
}

export function analyzeSentence(sentence: string, index: number, date: string, engine: Engine, doc: DocState): SentenceResult {
  const tokens = tokenize(sentence)
  const matches = engine.gazetteer.find(tokens, date)
  const { mentions, pronouns, pairRefs } = findMentions(sentence, tokens, matches, engine.gazetteer, engine.coref, doc)
  const signals: Signal[] = []
  const masked = maskSentence(sentence, mentions, tokens)
  const cues = mentions.length || pairRefs.length || pronouns.length ? matchCues(masked, engine.cues) : []
  const reported = REPORTERS.anyIn(tokens, 0, tokens.length)
  const docYear = Number(date.slice(0, 4))
  const parties = mentions.filter((m) => m.role === 'party')
  const emitted = new Set<string>()

  const resolvePronoun = (exclude: Set<string>): string | null => {
    for (let k = doc.history.length - 1; k >= 0; k--) {
      const h = doc.history[k]!
      if (h.party && !exclude.has(h.rollup)) return h.rollup
    }
    return null
  }

  const emit = (x: string, y: string, cue: CueMatch, flags: Flags, conf: number, involved: Mention[]) => {
    if (x === y) return
    const key = `${pairKey(x, y)}|${cue.start}`
    if (emitted.has(key)) return
    emitted.add(key)
    let direction = cue.cue.direction
    let score = cue.cue.score
    const fl: SignalFlag[] = []
    if (flags.denied) return
    if (flags.negated) {
      const n = negatedCue(cue.cue)
      if (!n) return
      direction = n.direction
      score = n.score
      fl.push('negated')
    }
    if (flags.hypothetical) fl.push('hypothetical')
    if (flags.historical) fl.push('historical')
    if (flags.reported) fl.push('reported')
    let confidence = (cue.cue.weight ?? 0.8) * conf
    if (flags.hypothetical) confidence *= 0.5
    if (flags.historical) confidence *= 0.6
    if (flags.reported) confidence *= 0.9
    const [a, b] = x < y ? [x, y] : [y, x]
    signals.push({
      pair: `${a}--${b}`,
      a,
      b,
      direction,
      score: Math.round(score * 1000) / 1000,
      confidence: Math.round(confidence * 1000) / 1000,
      flags: fl,
      cues: [cue.cue.id],
      sentence,
      sentenceIndex: index,
      mentions: involved.map(({ text, actor, rollup, via, role, start, end }) => ({ text, actor, rollup, via, role, start, end })),
    })
  }

  const clauses = splitClauses(masked)
  let sentenceSubjects: string[] = []
  for (const clause of clauses) {
    const inClause = (m: { start: number; end: number }) => m.start >= clause.start && m.end <= clause.end
    const clauseCues = cues.filter((c) => c.start >= clause.start && c.start < clause.end)
    const clauseParties = parties.filter(inClause)
    const consumed = new Set<Mention>()
    const clauseText = masked.slice(clause.start, clause.end)

    // "relations between A and B", "US-China talks": the clause is about exactly that pair.
    let explicit: [Mention, Mention] | null = null
    const between = /\bbetween\s+(?:the\s+)?(@+)\s+and\s+(?:the\s+)?(@+)/.exec(clauseText)
    if (between) {
      const at1 = clause.start + between.index! + between[0].indexOf(between[1]!)
      const at2 = clause.start + between.index! + between[0].lastIndexOf(between[2]!)
      const m1 = mentions.find((m) => m.start === at1)
      const m2 = mentions.find((m) => m.start === at2)
      if (m1 && m2 && m1.rollup !== m2.rollup) explicit = [m1, m2]
    }
    if (!explicit) {
      const hy = /(@+)-(@+)\s+(relations|ties|talks|relationship|summit|trade war|rivalry|rapprochement|dialogue|negotiations|détente|detente|tensions|conflict|war|deal|agreement|accord|border)/.exec(clauseText)
      if (hy) {
        const at1 = clause.start + hy.index!
        const m1 = mentions.find((m) => m.start === at1)
        const m2 = mentions.find((m) => m.start === at1 + hy[1]!.length + 1)
        if (m1 && m2 && m1.rollup !== m2.rollup) explicit = [m1, m2]
      }
    }

    const reportingAt: number[] = []
    for (const t of tokens) if (t.start >= clause.start && t.end <= clause.end && REPORTING.has(t.norm)) reportingAt.push(t.end)

    let clauseSubjects: string[] | null = null
    clauseCues.forEach((cue, ci) => {
      const flags = flagsFor(cue, clause, tokens, reported, docYear)
      const nextStart = clauseCues[ci + 1]?.start ?? clause.end
      const rv = [...reportingAt].reverse().find((e) => e <= cue.start)
      const leftFrom = rv ?? clause.start
      let left = clauseParties.filter((m) => m.end <= cue.start && m.start >= leftFrom && !consumed.has(m))
      if (!left.length && rv !== undefined) left = clauseParties.filter((m) => m.end <= rv && !consumed.has(m))
      if (!left.length) left = clauseParties.filter((m) => m.end <= cue.start && !consumed.has(m))
      const inside = mentions.filter((m) => m.start >= cue.start && m.end <= cue.end && m.role !== 'place' && m.role !== 'mediator')
      const right = clauseParties.filter((m) => m.start >= cue.end && m.end <= nextStart)
      for (const r of right) consumed.add(r)

      let leftIds = [...new Set(left.map((m) => m.rollup))]
      let rightIds = [...new Set(right.map((m) => m.rollup))]
      const insideIds = [...new Set(inside.map((m) => m.rollup))]
      const involved = [...left, ...inside, ...right]
      let conf = Math.min(1, ...involved.map((m) => m.confidence))

      if (!leftIds.length && !insideIds.length) {
        if (clauseSubjects === null && SUBJECTLESS.test(masked.slice(clause.start, cue.start).trimStart())) leftIds = [...sentenceSubjects]
        if (!leftIds.length) {
          const p = pronouns.find((pr) => pr.start >= clause.start && pr.end <= cue.start)
          if (p) {
            const r = resolvePronoun(new Set(rightIds))
            if (r) {
              leftIds = [r]
              conf = Math.min(conf, 0.7)
            }
          }
        }
      }
      if (!rightIds.length && !insideIds.length) {
        const p = pronouns.find((pr) => pr.start >= cue.end && pr.end <= nextStart)
        if (p && leftIds.length) {
          const r = resolvePronoun(new Set(leftIds))
          if (r) {
            rightIds = [r]
            conf = Math.min(conf, 0.7)
          }
        }
      }
      if (!rightIds.length && !insideIds.length && cue.cue.kind === 'reaction' && leftIds.length) {
        rightIds = doc.lastAgents.filter((a) => !leftIds.includes(a))
        conf = Math.min(conf, 0.75)
      }
      const refHere = pairRefs.find((r) => r.start >= clause.start && r.end <= clause.end)

      if (explicit) {
        emit(explicit[0].rollup, explicit[1].rollup, cue, flags, Math.min(conf, explicit[0].confidence, explicit[1].confidence), [explicit[0], explicit[1]])
      } else if (rightIds.length) {
        const sideA = [...new Set([...leftIds, ...insideIds])]
        for (const x of sideA) for (const y of rightIds) emit(x, y, cue, flags, conf, involved)
      } else if (insideIds.length && leftIds.length) {
        for (const x of leftIds) for (const y of insideIds) emit(x, y, cue, flags, conf, involved)
      } else {
        const all = [...new Set([...leftIds, ...insideIds])]
        if (all.length >= 2) {
          for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) emit(all[i]!, all[j]!, cue, flags, conf, involved)
        } else if (refHere && doc.lastPair) {
          emit(doc.lastPair[0], doc.lastPair[1], cue, flags, Math.min(conf, 0.7), involved)
        } else if (refHere && all.length === 1) {
          const other = doc.history.slice().reverse().find((h) => h.party && h.rollup !== all[0])
          if (other) emit(all[0]!, other.rollup, cue, flags, Math.min(conf, 0.65), involved)
        }
      }
      if (cue.cue.kind !== 'reaction' && (leftIds.length || insideIds.length)) doc.lastAgents = leftIds.length ? leftIds : insideIds
      if (clauseSubjects === null) clauseSubjects = leftIds
    })
    const subjects = clauseSubjects ?? [...new Set(clauseParties.filter((m) => !consumed.has(m)).map((m) => m.rollup))].slice(0, 1)
    if (!sentenceSubjects.length && subjects.length) sentenceSubjects = subjects
  }

  // A party that credits a mediator ("Hamas said Egypt's mediation helped") has a positive relation with it.
  const mediators = mentions.filter((m) => m.role === 'mediator')
  if (mediators.length && reportingSpeakers(tokens, parties).length) {
    for (const speaker of reportingSpeakers(tokens, parties)) {
      if (!signals.some((s) => (s.a === speaker.rollup || s.b === speaker.rollup) && s.score > 0)) continue
      for (const med of mediators) {
        const fake: CueMatch = { cue: { id: 'level.credits-mediation', family: 'level', pattern: '', direction: 'stable', score: 0.35, weight: 0.6 }, start: med.start, end: med.end }
        emit(speaker.rollup, med.rollup, fake, { negated: false, denied: false, hypothetical: false, historical: false, reported }, Math.min(speaker.confidence, med.confidence), [speaker, med])
      }
    }
  }

  for (const s of signals) doc.lastPair = [s.a, s.b]
  for (const m of mentions) doc.history.push({ actor: m.actor, rollup: m.rollup, party: m.role === 'party' })
  if (doc.history.length > 60) doc.history.splice(0, doc.history.length - 60)
  return { signals, mentions, cues }
}

function reportingSpeakers(tokens: Token[], parties: Mention[]): Mention[] {
  const rv = tokens.find((t) => REPORTING.has(t.norm))
  if (!rv) return []
  return parties.filter((m) => m.end <= rv.start)
}
