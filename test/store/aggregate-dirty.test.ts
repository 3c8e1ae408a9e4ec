import { describe, expect, it } from 'vitest'
import { aggregateDirty } from '../../src/store/aggregate-dirty.ts'
import { saveItemsQueries, type StoredItem } from '../../src/store/items-store.ts'
import type { Signal } from '../../src/types.ts'
import { tempDb } from '../helpers/temp-db.ts'

const signal = (direction: Signal['direction'], score: number): Signal => ({
  pair: 'iran--saudi-arabia', a: 'iran', b: 'saudi-arabia', direction, score, confidence: 0.9, flags: [], cues: ['t'], cueText: 't', sentence: `${direction} ${score}`, sentenceIndex: 0, mentions: [],
})
const item = (n: number, day: string, sig: Signal): StoredItem => ({
  id: `item-${n}`, sourceUrl: 'https://wire.example/feed', sourceTitle: 'Wire', published: `${day}T10:00:00.000Z`, fetchedAt: '2026-06-01T00:00:00.000Z', signals: [sig],
  item: { guid: `g${n}`, url: `https://wire.example/${n}`, title: `t${n}`, text: `text ${n}`, published: null, author: null, contentHash: `h${n}` },
})

describe('aggregateDirty', () => {
  it('re-levels later days when an earlier day arrives late, and leaves untouched days alone', async () => {
    const t = await tempDb()
    try {
      await t.db.batch(saveItemsQueries(t.db, [item(1, '2023-01-10', signal('deteriorating', -0.8)), item(2, '2023-03-10', signal('improving', 0.8))]))
      await aggregateDirty(t.db, new Date('2023-03-11T00:00:00Z'))
      const before = await t.db.kysely.selectFrom('shifts').selectAll().orderBy('day').execute()
      expect(before.map((r) => r.direction)).toEqual(['deteriorating', 'improving'])
      await t.db.batch(saveItemsQueries(t.db, [item(3, '2023-02-10', signal('improving', 0.9))]))
      const r = await aggregateDirty(t.db, new Date('2023-03-12T00:00:00Z'))
      const after = await t.db.kysely.selectFrom('shifts').selectAll().orderBy('day').execute()
      expect(after.map((x) => x.day)).toEqual(['2023-01-10', '2023-02-10', '2023-03-10'])
      expect(after[0]).toEqual(before[0]) // before the backfilled day: untouched, same `updated`
      expect(after[2]!.level_before).toBeGreaterThan(before[1]!.level_before)
      expect(after[2]!.updated).toBe('2023-03-12T00:00:00.000Z')
      expect(r.shiftsChanged).toBe(2)
      const pair = await t.db.kysely.selectFrom('pairs').selectAll().executeTakeFirstOrThrow()
      expect(pair).toMatchObject({ shift_count: 3, signal_count: 3, last_day: '2023-03-10', level: after[2]!.level_after })
    } finally {
      await t.cleanup()
    }
  })
})
