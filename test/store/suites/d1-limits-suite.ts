// Store queries at sizes past D1's statement limits, on either dialect: hundreds of sources, items, signals and
// pairs at once. better-sqlite3 would accept one statement for each; on D1 every query that is not cut to fit
// (store/d1-limits.ts) fails here with "too many SQL variables".
import { describe, expect, it } from 'vitest'
import { aggregateDirty } from '../../../src/store/aggregate-dirty.ts'
import { findKnownItems, saveItemsQueries, type StoredItem } from '../../../src/store/items-store.ts'
import { activeFeeds, levelPoints } from '../../../src/store/read-queries.ts'
import { changedItems, reanalysisWrites } from '../../../src/store/reanalysis-store.ts'
import { getSources, syncSources } from '../../../src/store/sources-store.ts'
import type { Signal } from '../../../src/types.ts'
import { ACTORS as ALL_ACTORS } from './aggregate-dirty-suite.ts'
import type { StoreDialect } from './store-dialect.ts'

const ACTORS = ALL_ACTORS.slice(0, 22)

/** 231 pairs, one item each on one of nine days, each item with three signals (one per sentence). */
function manyItems(): StoredItem[] {
  const pairs = ACTORS.flatMap((a, i) => ACTORS.slice(i + 1).map((b) => [a, b] as const))
  return pairs.map(([a, b], n) => {
    const signals: Signal[] = [0, 1, 2].map((k) => ({
      pair: `${a}--${b}`,
      a,
      b,
      direction: 'improving',
      score: 0.5,
      confidence: 0.8,
      eventType: 'AGREE',
      flags: [],
      cues: ['agree'],
      cueText: 'agreed',
      sentence: `${a} and ${b} agreed (${k}).`,
      sentenceIndex: k,
      mentions: [],
    }))
    const day = `2024-03-0${1 + (n % 9)}`
    return {
      id: `bulk-${n}`,
      sourceUrl: 'https://bulk.example/feed',
      sourceTitle: 'Bulk',
      published: `${day}T08:00:00.000Z`,
      fetchedAt: '2024-03-10T00:00:00.000Z',
      signals,
      item: {
        guid: `bulk-guid-${n}`,
        url: `https://bulk.example/${n}`,
        title: `${a} and ${b}`,
        text: `${a} and ${b} agreed.`,
        published: null,
        author: null,
        contentHash: `bulk-hash-${n}`,
      },
    }
  })
}

export function d1LimitsSuite(dialect: StoreDialect) {
  describe(`store queries past D1's statement limits (${dialect.name})`, () => {
    it('syncs and reads back 250 sources', async () => {
      const t = await dialect.open()
      try {
        const list = Array.from({ length: 250 }, (_, i) => ({
          url: `https://s${i}.example/feed`,
          title: `Source ${i}`,
        }))
        expect((await syncSources(t.db, list)).size).toBe(250)
        expect(
          (
            await getSources(
              t.db,
              list.map((s) => s.url),
            )
          ).size,
        ).toBe(250)
      } finally {
        await t.cleanup()
      }
    })

    it('stores, recognises, re-analyses and aggregates 231 items with 693 signals over 231 pairs', async () => {
      const t = await dialect.open()
      try {
        const items = manyItems()
        await t.db.batch(saveItemsQueries(t.db, items))
        const feedItems = items.map((s) => s.item)
        expect((await findKnownItems(t.db, 'https://bulk.example/feed', feedItems)).size).toBe(231)
        const r = await aggregateDirty(t.db, new Date('2024-03-10T00:00:00Z'))
        expect(r).toMatchObject({ pairs: 231, shiftsChanged: 231 })
        const names = r.changedPairs
        const points = await levelPoints(t.db, names, 5)
        expect(points.size).toBe(231)
        expect((await activeFeeds(t.db)).pairs).toHaveLength(231)
        // Re-analysis that finds every item changed replaces every signal, in statements D1 takes.
        const turned = items.map((s) => ({
          ...s,
          signals: s.signals.map((sig) => ({ ...sig, direction: 'deteriorating' as const, score: -0.5 })),
        }))
        const changed = await changedItems(t.db, turned)
        expect(changed.size).toBe(231)
        await t.db.batch(reanalysisWrites(t.db, turned, changed, 'test-engine'))
        const again = await aggregateDirty(t.db, new Date('2024-03-11T00:00:00Z'))
        expect(again).toMatchObject({ pairs: 231, corrected: 231 })
        const rows = await t.db.kysely.selectFrom('shifts').select(['direction', 'previous_direction']).execute()
        expect(new Set(rows.map((x) => `${x.direction}<${x.previous_direction}`))).toEqual(
          new Set(['deteriorating<improving']),
        )
      } finally {
        await t.cleanup()
      }
    })
  })
}
