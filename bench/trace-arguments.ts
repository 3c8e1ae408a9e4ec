// For tuning: the masked sentence, its clauses, and each cue with the subjects and objects the frames give it.
// Usage: npx tsx bench/trace-arguments.ts "SENTENCE" [YYYY-MM-DD]
import { ArgumentFinder } from '../src/analyze/frames/attach-arguments.ts'
process.stdout.on('error', () => process.exit(0))
import { getEngine } from '../src/analyze/engine.ts'
import { findMentions, newDocState } from '../src/analyze/mentions/find-mentions.ts'
import { maskSentence } from '../src/analyze/text/mask-sentence.ts'
import { matchCues } from '../src/analyze/cues/match-cues.ts'
import { splitClauses } from '../src/analyze/text/split-clauses.ts'
import { tokenize } from '../src/analyze/text/tokenize.ts'
import { flagsFor } from '../src/analyze/cues/cue-flags.ts'
const sentence = process.argv[2]!,
  date = process.argv[3] ?? '2004-10-01'
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
console.log(masked)
const cues = matchCues(masked, e.cues, sentence)
for (const clause of splitClauses(masked)) {
  console.log('CLAUSE', JSON.stringify(masked.slice(clause.start, clause.end)))
  const here = cues.filter((c) => c.start >= clause.start && c.start < clause.end)
  const finder = new ArgumentFinder(tokens, mentions, clause, here)
  const consumed = new Set<(typeof mentions)[number]>()
  here.forEach((c, i) => {
    const a = finder.find(i, consumed, clause.start, undefined)
    for (const o of a.objects) consumed.add(o)
    const ids = (ms: typeof mentions) => [...new Set(ms.map((m) => m.rollup))].join('+') || '-'
    const f = flagsFor(c, clause, {
      tokens,
      reported: false,
      docYear: 2004,
      agentEnd: a.agentEnd,
      agentStart: a.agentStart,
      denialFrom: 0,
      backdrop: false,
    })
    console.log(
      `  ${c.cue.id} "${masked.slice(c.start, c.end)}": ${ids(a.subjects)} > ${ids(a.objects)} inside ${ids(a.inside)}`,
      JSON.stringify(f),
    )
  })
}
