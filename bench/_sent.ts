import { analyzeText } from '../src/analyze/analyze-text.ts'
const r = analyzeText(process.argv[2]!, { date: process.argv[3] ?? '2006-10-09', trace: (t) => console.log(t.index, t.signals.map((s) => `${s.pair} ${s.direction} ${s.cues} ${s.flags}`)) })
console.log(r.pairs)
