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

  it('lands many pairs in a few batches, and a batch that fails leaves its pairs dirty for the next run', async () => {
    const actors = ['iran', 'iraq', 'israel', 'india', 'italy', 'japan', 'jordan', 'kenya', 'kuwait', 'laos', 'latvia', 'lebanon', 'libya', 'mali', 'malta', 'mexico', 'monaco', 'nepal', 'niger', 'norway', 'oman', 'peru', 'poland', 'qatar', 'russia']
    const sigs: Signal[] = []
    for (const [i, a] of actors.entries()) for (const b of actors.slice(i + 1)) sigs.push({ ...signal('improving', 0.6), pair: `${a}--${b}`, a, b, sentence: `${a} and ${b} agreed.` })
    expect(sigs.length).toBe(300)
    const items = sigs.map((sig, n) => item(n, '2023-05-0' + (1 + (n % 9)), sig))
    const load = async () => {
      const t = await tempDb()
      for (let i = 0; i < items.length; i += 100) await t.db.batch(saveItemsQueries(t.db, items.slice(i, i + 100)))
      return t
    }
    const snapshot = async (t: Awaited<ReturnType<typeof tempDb>>) => ({
      shifts: await t.db.kysely.selectFrom('shifts').selectAll().orderBy('id').execute(),
      pairs: await t.db.kysely.selectFrom('pairs').selectAll().orderBy('pair').execute(),
      dirty: await t.db.kysely.selectFrom('dirty_pair_days').selectAll().execute(),
    })
    const at = new Date('2023-05-20T00:00:00Z')
    const clean = await load()
    const crashed = await load()
    try {
      let batches = 0
      const counted = { ...clean.db, batch: (q: Parameters<typeof clean.db.batch>[0]) => (batches++, clean.db.batch(q)) }
      const r = await aggregateDirty(counted, at)
      expect(r).toEqual({ pairs: 300, shiftsChanged: 300 })
      expect(batches).toBeGreaterThan(1)
      expect(batches).toBeLessThan(20)
      const done = await snapshot(clean)
      expect(done.shifts).toHaveLength(300)
      expect(done.pairs).toHaveLength(300)
      expect(done.dirty).toHaveLength(0)

      let calls = 0
      const failing = { ...crashed.db, batch: async (q: Parameters<typeof crashed.db.batch>[0]) => (++calls === 2 ? Promise.reject(new Error('database is locked')) : crashed.db.batch(q)) }
      await expect(aggregateDirty(failing, at)).rejects.toThrow('database is locked')
      const half = await snapshot(crashed)
      expect(half.shifts.length).toBeGreaterThan(0)
      // Every pair is either finished or still marked dirty: none is lost between the two.
      const finished = new Set(half.pairs.map((p) => p.pair))
      const dirty = new Set(half.dirty.map((d) => d.pair))
      for (const sig of sigs) expect(finished.has(sig.pair) !== dirty.has(sig.pair), sig.pair).toBe(true)
      await aggregateDirty(crashed.db, at)
      expect(await snapshot(crashed)).toEqual(done)
    } finally {
      await clean.cleanup()
      await crashed.cleanup()
    }
  })
})
