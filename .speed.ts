import { analyzeText } from './src/analyze/analyze-text.ts'
import { readFileSync } from 'node:fs'
const docs = readFileSync('/work/main/test/analyze/fixtures/labeled-sentences.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
for (const d of docs) analyzeText(d.text, { date: d.date })
const t = performance.now()
let n = 0
while (performance.now() - t < 2500) {
  for (const d of docs) analyzeText(d.text, { date: d.date })
  n += docs.length
}
console.log(process.cwd(), Math.round(n / ((performance.now() - t) / 1000)), 'sent/s')
