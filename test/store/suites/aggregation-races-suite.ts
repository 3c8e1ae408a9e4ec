// Lost updates between overlapping polls, on either dialect: the deterministic interleavings of
// test/helpers/aggregation-races.ts.
import { describe, expect, it } from 'vitest'
import { overlappingAggregations, signalsDuringAggregation, unaggregated } from '../../helpers/aggregation-races.ts'
import type { StoreDialect } from './store-dialect.ts'

export function aggregationRacesSuite(dialect: StoreDialect) {
  describe(`aggregation next to other polls (${dialect.name})`, () => {
    it('keeps the dirty mark of a pair-day that gained signals while it was being aggregated', async () => {
      const t = await dialect.open()
      try {
        const { after, expected } = await signalsDuringAggregation(t.db, 'iran--saudi-arabia')
        expect(after).toEqual(expected)
        expect(after.shifts[0]!.signals).toBe(3)
        expect(await unaggregated(t.db)).toEqual([])
      } finally {
        await t.cleanup()
      }
    })

    it('never lets an aggregation write its older view of a pair over a newer one', async () => {
      const t = await dialect.open()
      try {
        const { after, expected } = await overlappingAggregations(t.db, 'egypt--israel')
        expect(after).toEqual(expected)
        expect(after.shifts.map((s) => s.signals)).toEqual([3, 2])
        expect(await unaggregated(t.db)).toEqual([])
      } finally {
        await t.cleanup()
      }
    })
  })
}
