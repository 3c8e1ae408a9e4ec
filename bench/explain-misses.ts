// For tuning: every case of a labeled set that the engine gets wrong, with its text, what went wrong, and the
// engine's reading (mentions, cues, signals). Usage: npx tsx bench/explain-misses.ts SET.jsonl [ID…]
import { explain } from '../src/cli/analyze-command.ts'
import { analyzeText, type SentenceTrace } from '../src/analyze/analyze-text.ts'
import { getEngine } from '../src/analyze/engine.ts'
import { loadCases, scoreCases } from '../test/analyze/score-cases.ts'

const [file, ...only] = process.argv.slice(2)
if (!file) throw new Error('usage: explain-misses.ts SET.jsonl [ID…]')
const cases = loadCases(file).filter((c) => !only.length || only.includes(c.id))
const g = getEngine().gazetteer
for (const c of cases) {
  const s = scoreCases([c])
  if (!s.misses.length && !only.length) continue
  const sentences: SentenceTrace[] = []
  const { pairs } = analyzeText(c.text, { date: c.date, trace: (t) => sentences.push(t) })
  console.log(`### ${c.id} (${c.date})`)
  console.log(c.text)
  for (const m of s.misses) console.log(`  ✗ ${m}`)
  console.log(explain(sentences, pairs, (id) => g.name(id)).replace(/^/gm, '  | '))
  console.log()
}
