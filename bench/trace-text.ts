// For tuning: the signals of each sentence of a text and the document-level pairs.
// Usage: npx tsx bench/trace-text.ts "TEXT" [YYYY-MM-DD]
import { analyzeText } from '../src/analyze/analyze-text.ts'
process.stdout.on('error', () => process.exit(0))
const r = analyzeText(process.argv[2]!, {
  date: process.argv[3] ?? '2006-10-09',
  trace: (t) =>
    console.log(t.index, JSON.stringify(t.signals.map((s) => `${s.pair} ${s.direction} ${s.cues} ${s.flags}`))),
})
console.log(r.pairs)
