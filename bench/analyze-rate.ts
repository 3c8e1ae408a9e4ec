// analyze_sentences_per_s: the analysis engine alone, one core, over the labelled test sentences and
// generated news sentences. Rates count sentences as the engine's own splitter sees them.
import { readFileSync } from 'node:fs'
import { analyzeText } from '../src/analyze/analyze-text.ts'
import { splitSentences } from '../src/analyze/text/split-sentences.ts'
import { profiled, progress, runPart } from './bench-child.ts'
import { createRng } from './prng.ts'
import { sentence } from './generate-sentences.ts'

interface Doc {
  text: string
  date: string
}

export function sentenceCorpus(generated = 3000): Doc[] {
  const labelled = readFileSync(new URL('../test/analyze/fixtures/labeled-sentences.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc)
  const rng = createRng(7)
  const made = Array.from({ length: generated }, (): Doc => ({ text: sentence(rng), date: '2025-05-20' }))
  return [...labelled, ...labelled, ...made]
}

export async function measureAnalyze(minMs = 8000) {
  const docs = sentenceCorpus()
  const sentences = docs.reduce((n, d) => n + splitSentences(d.text).length, 0)
  progress(`analyzeText over ${docs.length} texts (${sentences} sentences), warm-up`)
  for (const d of docs.slice(0, 500)) analyzeText(d.text, { date: d.date })
  progress(`analyzeText for ${minMs / 1000} s`)
  let rounds = 0
  let signals = 0
  const t0 = performance.now()
  await profiled('analyze', async () => {
    do {
      for (const d of docs) signals += analyzeText(d.text, { date: d.date }).signals.length
      rounds++
    } while (performance.now() - t0 < minMs)
  })
  const seconds = (performance.now() - t0) / 1000
  return {
    texts: docs.length,
    sentences,
    rounds,
    signals_per_round: signals / rounds,
    analyze_sentences_per_s: Math.round((sentences * rounds) / seconds),
  }
}

runPart(import.meta.url, () => measureAnalyze(Number(process.env.BENCH_ANALYZE_MS) || 8000))
