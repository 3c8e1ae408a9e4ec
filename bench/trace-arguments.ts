// For tuning: the masked sentence, its clauses, and each cue with the subjects and objects the frames give it.
// Usage: npx tsx bench/trace-arguments.ts "SENTENCE" [YYYY-MM-DD]
import { flagsFor } from '../src/analyze/cues/cue-flags.ts'
import { cueArguments, rollups } from '../test/analyze/cue-arguments.ts'
process.stdout.on('error', () => process.exit(0))

const sentence = process.argv[2]!
const date = process.argv[3] ?? '2004-10-01'
const { tokens, masked, clauses, cues } = cueArguments(sentence, date)
console.log(masked)
for (const clause of clauses) {
  console.log('CLAUSE', JSON.stringify(masked.slice(clause.start, clause.end)))
  for (const { cue: c, args: a } of cues.filter((x) => x.clause === clause)) {
    const f = flagsFor(c, clause, {
      tokens,
      reported: false,
      docYear: Number(date.slice(0, 4)),
      agentEnd: a.agentEnd,
      agentStart: a.agentStart,
      denialFrom: 0,
      backdrop: false,
    })
    console.log(
      `  ${c.cue.id} "${masked.slice(c.start, c.end)}": ${rollups(a.subjects)} > ${rollups(a.objects)} inside ${rollups(a.inside)}`,
      JSON.stringify(f),
    )
  }
}
