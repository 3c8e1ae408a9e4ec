import { describe, expect, it } from 'vitest'
import { SALIENCE, salientPairs } from '../../../src/analyze/signals/salient-pairs.ts'
import { analyzeText } from '../../../src/analyze/analyze-text.ts'
import type { PairVerdict } from '../../../src/types.ts'

const verdict = (pair: string, confidence: number): PairVerdict => {
  const [a, b] = pair.split('--') as [string, string]
  return { pair, a, b, direction: 'improving', score: 0.5, confidence, signals: 1 }
}

describe('salientPairs', () => {
  it('keeps the pairs an article is about and drops one touched in passing', () => {
    const kept = salientPairs([
      verdict('iran--saudi-arabia', 0.9),
      verdict('china--iran', 0.5),
      verdict('iraq--iran', 0.3),
    ])
    expect(kept.map((p) => p.pair)).toEqual(['iran--saudi-arabia', 'china--iran'])
  })

  it('measures against the best-supported pair, so a lone weak pair stays', () => {
    expect(salientPairs([verdict('iran--iraq', 0.2)])).toHaveLength(1)
    expect(salientPairs([])).toEqual([])
  })

  it('leaves analyzeText with signals only for the pairs it reports', () => {
    const text =
      'Iran and Saudi Arabia agreed on Friday to restore diplomatic ties and reopen embassies within two months. An Iranian envoy said Monday that Iraq could be asked to host a meeting.'
    const { pairs, signals } = analyzeText(text, { date: '2023-03-10' })
    const best = Math.max(...pairs.map((p) => p.confidence))
    for (const p of pairs) expect(p.confidence).toBeGreaterThanOrEqual(SALIENCE * best)
    expect(new Set(signals.map((s) => s.pair))).toEqual(new Set(pairs.map((p) => p.pair)))
  })
})
