// One story, counted once: near-duplicate sentences found by MinHash over word shingles, clusters that do not
// depend on input order, and a day's merge where copies share a vote and confidence grows with independent reports.
import { describe, expect, it } from 'vitest'
import { mergeDay, type DaySignal } from '../../src/aggregate/merge-day.ts'
import { minhash, similarity } from '../../src/aggregate/minhash.ts'
import { clusterStories } from '../../src/aggregate/story-clusters.ts'

const WIRE =
  'Israel and the United Arab Emirates agreed on Thursday to establish full diplomatic relations in a deal brokered by the United States, the three countries said in a joint statement.'
const COPIES = [
  WIRE,
  `WASHINGTON (AP) — ${WIRE}`,
  WIRE.replace('agreed on Thursday', 'agreed Thursday').replace('statement.', 'statement on Thursday.'),
]
const OTHER =
  'The United Arab Emirates will open an embassy in Tel Aviv and exchange ambassadors with Israel, Emirati officials told reporters in Abu Dhabi.'

const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1
    ? [xs]
    : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]))

const signal = (n: number, sentence: string, over: Partial<DaySignal> = {}): DaySignal => ({
  direction: 'improving',
  score: 0.64,
  confidence: 0.9,
  flags: [],
  sentence,
  sourceUrl: `https://desk${n}.example/feed`,
  sourceTitle: `Desk ${n}`,
  itemUrl: `https://desk${n}.example/story`,
  published: `2020-08-13T1${n}:00:00.000Z`,
  eventType: 'AGREE',
  itemId: `item-${n}`,
  article: { direction: 'improving', score: 0.64, confidence: 0.99 },
  ...over,
})

describe('near-duplicates', () => {
  it('finds copies with a dateline, a credit or a changed word, and tells different reports of the same event apart', () => {
    const [a, b, c] = COPIES.map(minhash)
    expect(similarity(a!, b!)).toBeGreaterThanOrEqual(0.5)
    expect(similarity(a!, c!)).toBeGreaterThanOrEqual(0.5)
    expect(similarity(a!, minhash(OTHER))).toBeLessThan(0.2)
    expect(similarity(minhash(WIRE.toUpperCase()), a!)).toBe(1)
  })

  it('clusters the same way whatever order the articles come in', () => {
    const docs = [...COPIES, OTHER].map((s, i) => ({ key: `doc-${i}`, sentences: [s] }))
    const answers = new Set(permutations(docs).map((p) => JSON.stringify([...clusterStories(p).storyOf].sort())))
    expect(answers.size).toBe(1)
    const { storyOf } = clusterStories(docs)
    expect(new Set([storyOf.get('doc-0'), storyOf.get('doc-1'), storyOf.get('doc-2')]).size).toBe(1)
    expect(storyOf.get('doc-3')).not.toBe(storyOf.get('doc-0'))
  })

  it('compares only band-sharing sentences when there are hundreds, and still finds the copies', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      key: `n${i}`,
      sentences: [
        `Report number ${i} says ${['Chile', 'Peru', 'Ghana', 'Laos'][i % 4]} and ${i} partners met on day ${i * 7}.`,
      ],
    }))
    const { storyOf } = clusterStories([...many, ...COPIES.map((s, i) => ({ key: `copy${i}`, sentences: [s] }))])
    expect(new Set(COPIES.map((_, i) => storyOf.get(`copy${i}`))).size).toBe(1)
    expect(new Set(many.map((d) => storyOf.get(d.key))).size).toBe(400)
  })
})

describe('a day with a syndicated story', () => {
  const day = [
    ...COPIES.map((s, i) => signal(i + 1, s)),
    signal(4, OTHER, { score: 0.7, article: { direction: 'improving', score: 0.7, confidence: 0.9 } }),
  ]

  it('counts every outlet, the independent reports apart, and lists every outlet in the evidence', () => {
    const merged = mergeDay(day)
    expect(merged).toMatchObject({ direction: 'improving', sources: 4, independentSources: 2, signals: 4 })
    const wire = merged.evidence.find((e) => e.copies?.length)!
    expect([wire.source, ...wire.copies!.map((c) => c.source)].sort()).toEqual(['Desk 1', 'Desk 2', 'Desk 3'])
    expect(merged.evidence).toHaveLength(2)
    expect(merged.evidence[0]!.story).not.toBe(merged.evidence[1]!.story)
  })

  it('grows confidence and weight with stories, not copies', () => {
    const oneCopy = mergeDay([day[0]!, day[3]!])
    const merged = mergeDay(day)
    expect(merged.confidence).toBe(oneCopy.confidence)
    expect(merged.weight).toBe(oneCopy.weight)
    expect(merged.votes).toEqual(oneCopy.votes)
    expect(merged.confidence).toBeGreaterThan(mergeDay([day[0]!]).confidence)
    // Three copies of a contrary wire story do not outvote one independent report three to one.
    const contrary = COPIES.map((s, i) =>
      signal(i + 1, s, {
        direction: 'deteriorating',
        score: -0.6,
        article: { direction: 'deteriorating', score: -0.6, confidence: 0.9 },
      }),
    )
    const mixed = mergeDay([
      ...contrary,
      signal(4, OTHER, { article: { direction: 'improving', score: 0.7, confidence: 0.9 } }),
    ])
    expect(mixed.votes.deteriorating).toBe(mixed.votes.improving)
  })

  it('gives the same shift, to the last digit, in any input order', () => {
    expect(new Set(permutations(day).map((p) => JSON.stringify(mergeDay(p)))).size).toBe(1)
  })

  it('counts one outlet’s several articles as one independent source', () => {
    const sameDesk = [signal(1, WIRE), signal(1, OTHER, { itemId: 'item-1b', itemUrl: 'https://desk1.example/other' })]
    expect(mergeDay(sameDesk)).toMatchObject({ sources: 1, independentSources: 1 })
  })
})
