// Text in, signals and document-level pair verdicts out. Pure: no I/O, same answer on Node and Workers.
import type { PairVerdict, Signal } from '../types.ts'
import { combinePairs } from './signals/combine-pairs.ts'
import { salientPairs } from './signals/salient-pairs.ts'
import { getEngine, type Engine } from './engine.ts'
import { documentNames, withDocumentNames } from './mentions/document-names.ts'
import { newDocState } from './mentions/find-mentions.ts'
import { analyzeSentence, JOINT_ACTION, type SentenceResult } from './signals/sentence-signals.ts'
import { splitSentences } from './text/split-sentences.ts'
import { tokenize } from './text/tokenize.ts'

export interface AnalyzeOptions {
  /** publication date, YYYY-MM-DD: office holders and dated names resolve as of this day */
  date?: string
  engine?: Engine
  /** when given, receives every sentence with its mentions, cue matches and clauses (for `analyze --explain`) */
  trace?: (sentence: SentenceTrace) => void
}

export interface SentenceTrace extends SentenceResult {
  index: number
  text: string
}

export interface Analysis {
  signals: Signal[]
  pairs: PairVerdict[]
}

export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const engine = options.engine ?? getEngine()
  const date = options.date ?? new Date().toISOString().slice(0, 10)
  const doc = newDocState()
  const signals: Signal[] = []
  const sentences = splitSentences(text).map((s) => {
    const tokens = tokenize(s.text)
    return { text: s.text, tokens, matches: engine.gazetteer.find(tokens, date) }
  })
  const names = documentNames(sentences)
  sentences.forEach((s, i) => {
    const result = analyzeSentence(
      s.text,
      i,
      date,
      engine,
      doc,
      s.tokens,
      withDocumentNames(s.tokens, s.matches, names),
    )
    signals.push(...result.signals)
    options.trace?.({ ...result, index: i, text: s.text })
  })
  const merged = toOrgans(withoutSideJointActs(signals), engine)
  const pairs = salientPairs(combinePairs(merged))
  const kept = new Set(pairs.map((p) => p.pair))
  return { signals: merged.filter((s) => kept.has(s.pair)), pairs }
}

/**
 * "U.N. slaps sanctions on Iran. … The U.N. Security Council voted to impose sanctions": when an article pairs both an
 * organisation and one of its organs with the same partner in the same direction, the organ is who acted, and the
 * organisation's claims are the organ's too.
 */
function toOrgans(signals: Signal[], engine: Engine): Signal[] {
  const organFor = new Map<string, string>()
  for (const s of signals) {
    for (const [organ, partner] of [
      [s.a, s.b],
      [s.b, s.a],
    ] as const) {
      const parent = engine.gazetteer.actors.get(organ)?.within
      if (parent) organFor.set(`${parent}|${partner}|${s.direction}`, organ)
    }
  }
  if (!organFor.size) return signals
  return signals.map((s) => {
    // only what the two are said to do alike: a different act of the organisation stays its own
    const organ = organFor.get(`${s.a}|${s.b}|${s.direction}`) ?? organFor.get(`${s.b}|${s.a}|${s.direction}`)
    if (!organ) return s
    const other = organFor.has(`${s.a}|${s.b}|${s.direction}`) ? s.b : s.a
    const [a, b] = organ < other ? [organ, other] : [other, organ]
    return { ...s, a, b, pair: `${a}--${b}` }
  })
}

/**
 * "Australia, New Zealand impose sanctions after Fiji coup. … imposed travel bans on Fiji's military leaders": acting
 * together says two actors are aligned only when the article pairs neither of them with anyone else; otherwise the
 * story is about that other party, and the joint act is already told in their pairs with it.
 */
function withoutSideJointActs(signals: Signal[]): Signal[] {
  const isJoint = (s: Signal) => s.cues.includes(JOINT_ACTION.id)
  if (!signals.some(isJoint)) return signals
  const paired = new Set(signals.filter((s) => !isJoint(s)).flatMap((s) => [s.a, s.b]))
  return signals.filter((s) => !isJoint(s) || (!paired.has(s.a) && !paired.has(s.b)))
}
