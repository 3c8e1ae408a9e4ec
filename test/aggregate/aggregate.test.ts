import { describe, expect, it } from 'vitest'
import { currentDirection } from '../../src/aggregate/current-direction.ts'
import { levelSeries } from '../../src/aggregate/level-series.ts'
import { mergeDay, type DaySignal } from '../../src/aggregate/merge-day.ts'

const sig = (over: Partial<DaySignal>): DaySignal => ({
  direction: 'improving',
  score: 0.6,
  confidence: 0.8,
  flags: [],
  sentence: 's',
  sourceUrl: 'https://a.example/feed',
  sourceTitle: 'A',
  itemUrl: null,
  published: '2020-01-01T10:00:00Z',
  ...over,
})

describe('mergeDay', () => {
  it('counts distinct sources and lets independent confirmation raise confidence', () => {
    const one = mergeDay([sig({}), sig({ sentence: 't' })])
    const two = mergeDay([sig({}), sig({ sourceUrl: 'https://b.example/feed', sentence: 't' })])
    expect(one.sources).toBe(1)
    expect(two.sources).toBe(2)
    expect(two.confidence).toBeGreaterThan(one.confidence)
  })
  it('lets current news outweigh history and a stall outweigh a tie', () => {
    expect(mergeDay([sig({ direction: 'deteriorating', score: -0.6, flags: ['historical'] }), sig({})]).direction).toBe(
      'improving',
    )
    expect(mergeDay([sig({ direction: 'frozen', score: -0.3 }), sig({})]).direction).toBe('frozen')
  })
  it('gives the same shift, to the last digit and the order of its evidence, whatever order the store returns signals in', () => {
    // Summed in this order and in reverse, the weight of this day differed in its third decimal (1.697 and 1.698).
    const day: DaySignal[] = (
      [
        [0.7, 0.7, []],
        [-0.6, 0.7, ['hypothetical']],
        [0.35, 0.35, ['reported']],
        [0.9, 0.45, ['hypothetical']],
        [-0.65, 0.4, ['historical']],
        [-0.4, 0.4, ['historical']],
      ] as const
    ).map(([score, confidence, flags], i) =>
      sig({ score, confidence, flags: [...flags], sentence: `s${i % 3}`, sourceUrl: `https://s${i % 4}.example/feed` }),
    )
    const permutations = (xs: DaySignal[]): DaySignal[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]))
    const outputs = new Set(permutations(day).map((p) => JSON.stringify(mergeDay(p))))
    expect(outputs.size).toBe(1)
  })
  it('quotes at most 400 characters of a sentence, cut at a word', () => {
    const long = `Iran and Iraq agreed ${'to hold further talks on trade and water '.repeat(300)}today.`
    const quote = mergeDay([sig({ sentence: long })]).evidence[0]!.text
    expect(quote.length).toBeLessThanOrEqual(400)
    expect(quote).toMatch(/^Iran and Iraq agreed to hold .* \w+…$/)
  })
})

describe('levelSeries', () => {
  it('starts neutral, moves with the scores and fades back with time', () => {
    const s = levelSeries([
      { day: '2020-01-01', score: 0.8, weight: 1 },
      { day: '2020-01-02', score: 0.8, weight: 1 },
      { day: '2021-01-01', score: -0.2, weight: 0.2 },
    ])
    expect(s[0]!.before).toBe(0)
    expect(s[0]!.after).toBeGreaterThan(0.4)
    expect(s[1]!.after).toBeGreaterThan(s[0]!.after)
    expect(s[2]!.before).toBeLessThan(s[1]!.after)
    expect(s[2]!.after).toBeLessThan(s[2]!.before)
  })
})

describe('currentDirection', () => {
  it('keeps the previous direction when one weak day disagrees', () => {
    const shifts = [
      { day: '2020-01-10', direction: 'improving' as const, score: 0.6, confidence: 0.9 },
      { day: '2020-01-12', direction: 'deteriorating' as const, score: -0.3, confidence: 0.3 },
    ]
    expect(currentDirection(shifts, 'improving')).toBe('improving')
    expect(
      currentDirection(
        [...shifts, { day: '2020-01-13', direction: 'deteriorating', score: -0.8, confidence: 0.9 }],
        'improving',
      ),
    ).toBe('deteriorating')
  })
  it('counts a clear movement of the level as a vote for its direction', () => {
    const shifts = [
      { day: '2020-01-01', direction: 'stable' as const, score: 0.3, confidence: 0.4, level: -0.2 },
      { day: '2020-01-20', direction: 'stable' as const, score: 0.5, confidence: 0.4, level: 0.3 },
    ]
    expect(currentDirection(shifts, null)).toBe('improving')
    expect(
      currentDirection(
        shifts.map((s) => ({ ...s, level: 0.1 })),
        null,
      ),
    ).toBe('stable')
  })
  it('stays frozen while the latest strong word says the relation is stalled', () => {
    expect(
      currentDirection(
        [
          { day: '2020-01-01', direction: 'improving', score: 0.6, confidence: 0.9 },
          { day: '2020-02-01', direction: 'frozen', score: -0.3, confidence: 0.8 },
        ],
        'improving',
      ),
    ).toBe('frozen')
  })
})
