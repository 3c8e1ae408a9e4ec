// The founding article: a commentary on Hamas–Iran relations with the publisher's boilerplate at the end.
import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../src/analyze/analyze-text.ts'
import { splitSentences } from '../../src/analyze/text/split-sentences.ts'

const SEED = new URL('../../../shared/corpus/seed-hamas-iran.txt', import.meta.url)
const present = existsSync(SEED)
if (!present) console.warn(`skipping the seed article checks: ${SEED.pathname} is not there`)

describe.skipIf(!present)('seed article (2018-01-08)', () => {
  const text = present ? readFileSync(SEED, 'utf8') : ''
  const result = analyzeText(text, { date: '2018-01-08' })
  const verdict = (a: string, b: string) => result.pairs.find((p) => p.pair === [a, b].sort().join('--'))

  it('finds Hamas–Iran improving', () => {
    expect(verdict('hamas', 'iran')?.direction).toBe('improving')
    expect(verdict('hamas', 'iran')!.score).toBeGreaterThan(0)
  })

  it('finds Hamas–Syria frozen', () => {
    expect(verdict('hamas', 'syria')?.direction).toBe('frozen')
  })

  it('finds Hamas–Fatah improving', () => {
    expect(verdict('fatah', 'hamas')?.direction).toBe('improving')
  })

  it('draws no signal from the boilerplate paragraph', () => {
    const boilerplate = text.slice(text.lastIndexOf('The Middle East Institute'))
    const firstBoilerplate = splitSentences(text).findIndex((s) => boilerplate.startsWith(s.text.slice(0, 20)))
    expect(firstBoilerplate).toBeGreaterThan(0)
    expect(result.signals.filter((s) => s.sentenceIndex >= firstBoilerplate)).toEqual([])
  })
})
