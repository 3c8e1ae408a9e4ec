import { describe, expect, it } from 'vitest'
import { combinePairs } from '../../../src/analyze/signals/combine-pairs.ts'
import type { Direction, Signal } from '../../../src/types.ts'

const sig = (direction: Direction, score: number, confidence: number): Signal => ({
  pair: 'iran--israel',
  a: 'iran',
  b: 'israel',
  direction,
  score,
  confidence,
  eventType: direction === 'improving' ? 'COOPERATE' : 'ASSAULT',
  flags: [],
  cues: ['x'],
  cueText: 'x',
  sentence: '',
  sentenceIndex: 0,
  mentions: [],
})

describe('combinePairs', () => {
  it('gives one verdict per pair, its score signed like its direction', () => {
    const [v] = combinePairs([sig('deteriorating', -0.7, 0.9), sig('improving', 0.3, 0.3)])
    expect(v!.direction).toBe('deteriorating')
    expect(v!.score).toBeLessThan(0)
    expect(v!.signals).toBe(2)
  })

  it('lets a weighty change outvote a level statement', () => {
    expect(combinePairs([sig('stable', 0.6, 0.8), sig('improving', 0.7, 0.8)])[0]!.direction).toBe('improving')
  })

  it('keeps confidence below 1 for a single signal and raises it with agreement', () => {
    const one = combinePairs([sig('improving', 0.5, 0.6)])[0]!.confidence
    const two = combinePairs([sig('improving', 0.5, 0.6), sig('improving', 0.5, 0.6)])[0]!.confidence
    expect(one).toBeLessThan(1)
    expect(two).toBeGreaterThan(one)
  })
})
