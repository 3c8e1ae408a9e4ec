// The labeled test tables (fixtures/type-tables.jsonl): for every PLOVER event type and every class of actor
// phrase, sentences written for this project (see fixtures/type-tables.md) that vary the verb and its noun, tense,
// order, voice and actors. Each group must reach its floor; the negative classes (an opposition is not its
// state, a kin group is not a state, a host city is no party, …) must add no pair the rules forbid.
import { describe, expect, it } from 'vitest'
import { loadCases, scoreCases, type LabeledCase } from './score-cases.ts'

const cases = loadCases(new URL('./fixtures/type-tables.jsonl', import.meta.url)) as (LabeledCase & { group: string })[]
const group = (g: string) => cases.filter((c) => c.group === g)

// strict F1 each group reaches today, less a margin for harmless drift
const FLOORS: Record<string, number> = {
  AGREE: 0.7,
  CONSULT: 0.8,
  SUPPORT: 0.6,
  CONCEDE: 0.65,
  COOPERATE: 0.45,
  AID: 0.5,
  RETREAT: 0.45,
  REQUEST: 0.5,
  ACCUSE: 0.6,
  REJECT: 0.65,
  THREATEN: 0.6,
  PROTEST: 0.5,
  SANCTION: 0.75,
  MOBILIZE: 0.45,
  COERCE: 0.45,
  ASSAULT: 0.7,
  FROZEN: 0.6,
  'demonym-role': 0.5,
  'possessive-government': 0.7,
  administration: 0.7,
  'seat-of-power': 0.65,
  'leader-title-name': 0.5,
  'leader-name-only': 0.75,
  'igo-organ': 0.65,
  grouping: 0.75,
  coreference: 0.5,
}
const NEGATIVE = ['negative-opposition', 'negative-kin', 'negative-place', 'negative-warning', 'negative-organ-own-org']

describe('labeled test tables', () => {
  it('cover every event type and actor phrase class with ten or more sentences each', () => {
    for (const g of [...Object.keys(FLOORS), ...NEGATIVE]) expect(group(g).length, g).toBeGreaterThanOrEqual(10)
  })

  it.each(Object.entries(FLOORS))('%s reaches strict F1 %s', (g, floor) => {
    const s = scoreCases(group(g))
    expect(s.unresolved, g).toBe(0)
    expect(s.strictF1, s.misses.join('\n')).toBeGreaterThanOrEqual(floor)
  })

  it.each(NEGATIVE)('%s adds no pair the rules forbid and keeps its no-relation cases clean', (g) => {
    const s = scoreCases(group(g))
    expect(s.violations, s.misses.join('\n')).toBe(0)
    expect(s.noneClean, s.misses.join('\n')).toBeGreaterThanOrEqual(s.noneCases - 1)
    if (s.predicted) expect(s.pairPrecision, s.misses.join('\n')).toBeGreaterThanOrEqual(0.7)
  })
})
