// Each cue of one sentence with the arguments the frames give it, clause by clause: what the argument-finder
// tests check and what bench/trace-arguments.ts prints. No test runner here, so tools can import it too.
import { matchCues, type CueMatch } from '../../src/analyze/cues/match-cues.ts'
import { getEngine } from '../../src/analyze/engine.ts'
import { ArgumentFinder, type Arguments } from '../../src/analyze/frames/attach-arguments.ts'
import { findMentions, newDocState, type Mention } from '../../src/analyze/mentions/find-mentions.ts'
import { maskSentence } from '../../src/analyze/text/mask-sentence.ts'
import { splitClauses, type Clause } from '../../src/analyze/text/split-clauses.ts'
import { tokenize, type Token } from '../../src/analyze/text/tokenize.ts'
import { fitsTargetKinds } from '../../src/analyze/signals/sentence-signals.ts'

export interface CueArguments {
  clause: Clause
  cue: CueMatch
  args: Arguments
}

export interface SentenceArguments {
  tokens: Token[]
  masked: string
  clauses: Clause[]
  cues: CueArguments[]
}

export function cueArguments(sentence: string, date: string): SentenceArguments {
  const e = getEngine()
  const tokens = tokenize(sentence)
  const { mentions } = findMentions(
    sentence,
    tokens,
    e.gazetteer.find(tokens, date),
    e.gazetteer,
    e.coref,
    newDocState(),
    date,
  )
  const masked = maskSentence(sentence, mentions, tokens)
  const cues = matchCues(masked, e.cues, sentence, fitsTargetKinds(mentions, e.gazetteer))
  const clauses = splitClauses(masked)
  const out: CueArguments[] = []
  for (const clause of clauses) {
    const here = cues.filter((c) => c.start >= clause.start && c.start < clause.end)
    const finder = new ArgumentFinder(tokens, mentions, clause, here)
    const consumed = new Set<Mention>()
    here.forEach((cue, i) => {
      const args = finder.find(i, consumed, clause.start, undefined)
      for (const o of args.objects) consumed.add(o)
      out.push({ clause, cue, args })
    })
  }
  return { tokens, masked, clauses, cues: out }
}

/** The actors of some mentions as "a+b", or "-" for none. */
export const rollups = (ms: Mention[]): string => [...new Set(ms.map((m) => m.rollup))].join('+') || '-'
