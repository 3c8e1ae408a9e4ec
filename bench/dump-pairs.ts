// For tuning: every document-level pair the engine reports for each case of the given sets, one line per pair
// (`id pair direction score`), so two versions of the engine can be compared with diff.
// Usage: npx tsx bench/dump-pairs.ts SET.jsonl…
import { analyzeText } from '../src/analyze/analyze-text.ts'
import { loadCases } from '../test/analyze/score-cases.ts'

for (const file of process.argv.slice(2)) {
  for (const c of loadCases(file)) {
    for (const p of analyzeText(c.text, { date: c.date }).pairs)
      console.log(`${c.id} ${p.pair} ${p.direction} ${p.score.toFixed(2)}`)
  }
}
