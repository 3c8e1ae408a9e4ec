// aggregateDirty on either dialect: late days re-level later ones, many pairs land in few batches and survive a
// failed one, resuming from running sums equals a whole recompute, and the data version moves with the data.
import { describe, expect, it } from 'vitest'
import { getEngine } from '../../../src/analyze/engine.ts'
import { createApp } from '../../../src/http/app.ts'
import { RenderCache } from '../../../src/http/conditional.ts'
import { aggregateDirty } from '../../../src/store/aggregate-dirty.ts'
import { saveItemsQueries, type StoredItem } from '../../../src/store/items-store.ts'
import { bumpVersionQuery, changedAt } from '../../../src/store/meta.ts'
import type { Signal } from '../../../src/types.ts'
import type { StoreDialect } from './store-dialect.ts'

type StoreDb = Awaited<ReturnType<StoreDialect['open']>>['db']

/** Actors of 300 pairs, for runs over many pairs at once. */
export const ACTORS = [
  'iran',
  'iraq',
  'israel',
  'india',
  'italy',
  'japan',
  'jordan',
  'kenya',
  'kuwait',
  'laos',
  'latvia',
  'lebanon',
  'libya',
  'mali',
  'malta',
  'mexico',
  'monaco',
  'nepal',
  'niger',
  'norway',
  'oman',
  'peru',
  'poland',
  'qatar',
  'russia',
]

export const signal = (direction: Signal['direction'], score: number): Signal => ({
  pair: 'iran--saudi-arabia',
  a: 'iran',
  b: 'saudi-arabia',
  direction,
  score,
  confidence: 0.9,
  eventType: score >= 0 ? 'COOPERATE' : 'SANCTION',
  flags: [],
  cues: ['t'],
  cueText: 't',
  sentence: `${direction} ${score}`,
  sentenceIndex: 0,
  mentions: [],
})
export const item = (n: number, day: string, sig: Signal): StoredItem => ({
  id: `item-${n}`,
  sourceUrl: 'https://wire.example/feed',
  sourceTitle: 'Wire',
  published: `${day}T10:00:00.000Z`,
  fetchedAt: '2026-06-01T00:00:00.000Z',
  signals: [sig],
  item: {
    guid: `g${n}`,
    url: `https://wire.example/${n}`,
    title: `t${n}`,
    text: `text ${n}`,
    published: null,
    author: null,
    contentHash: `h${n}`,
  },
})

export function aggregateDirtySuite(dialect: StoreDialect) {
  describe(`aggregateDirty (${dialect.name})`, () => {
    it('re-levels later days when an earlier day arrives late, and leaves untouched days alone', async () => {
      const t = await dialect.open()
      try {
        await t.db.batch(
          saveItemsQueries(t.db, [
            item(1, '2023-01-10', signal('deteriorating', -0.8)),
            item(2, '2023-03-10', signal('improving', 0.8)),
          ]),
        )
        await aggregateDirty(t.db, new Date('2023-03-11T00:00:00Z'))
        const before = await t.db.kysely.selectFrom('shifts').selectAll().orderBy('day').execute()
        expect(before.map((r) => r.direction)).toEqual(['deteriorating', 'improving'])
        await t.db.batch(saveItemsQueries(t.db, [item(3, '2023-02-10', signal('improving', 0.9))]))
        const r = await aggregateDirty(t.db, new Date('2023-03-12T00:00:00Z'))
        const after = await t.db.kysely.selectFrom('shifts').selectAll().orderBy('day').execute()
        expect(after.map((x) => x.day)).toEqual(['2023-01-10', '2023-02-10', '2023-03-10'])
        expect(after[0]).toEqual(before[0]) // before the backfilled day: untouched, same `updated`
        expect(after[2]!.level_before).toBeGreaterThan(before[1]!.level_before)
        // Each changed entry gets an instant of its own in the run: the second of the two is a millisecond later.
        expect([after[1]!.updated, after[2]!.updated]).toEqual(['2023-03-12T00:00:00.000Z', '2023-03-12T00:00:00.001Z'])
        expect(r.shiftsChanged).toBe(2)
        const pair = await t.db.kysely.selectFrom('pairs').selectAll().executeTakeFirstOrThrow()
        expect(pair).toMatchObject({
          shift_count: 3,
          signal_count: 3,
          last_day: '2023-03-10',
          level: after[2]!.level_after,
        })
      } finally {
        await t.cleanup()
      }
    })

    it('lands many pairs in a few batches, and a batch that fails leaves its pairs dirty for the next run', async () => {
      const actors = ACTORS
      const sigs: Signal[] = []
      for (const [i, a] of actors.entries())
        for (const b of actors.slice(i + 1))
          sigs.push({ ...signal('improving', 0.6), pair: `${a}--${b}`, a, b, sentence: `${a} and ${b} agreed.` })
      expect(sigs.length).toBe(300)
      const items = sigs.map((sig, n) => item(n, '2023-05-0' + (1 + (n % 9)), sig))
      const load = async () => {
        const t = await dialect.open()
        for (let i = 0; i < items.length; i += 100) await t.db.batch(saveItemsQueries(t.db, items.slice(i, i + 100)))
        return t
      }
      const snapshot = async (t: { db: StoreDb }) => ({
        shifts: await t.db.kysely.selectFrom('shifts').selectAll().orderBy('id').execute(),
        pairs: await t.db.kysely.selectFrom('pairs').selectAll().orderBy('pair').execute(),
        dirty: await t.db.kysely.selectFrom('dirty_pair_days').selectAll().execute(),
      })
      const at = new Date('2023-05-20T00:00:00Z')
      const clean = await load()
      const crashed = await load()
      try {
        let batches = 0
        const counted = {
          ...clean.db,
          batch: (q: Parameters<typeof clean.db.batch>[0]) => (batches++, clean.db.batch(q)),
        }
        const r = await aggregateDirty(counted, at)
        expect(r).toMatchObject({ pairs: 300, shiftsChanged: 300 })
        expect(r.changedPairs).toHaveLength(300)
        expect(batches).toBeGreaterThan(1)
        expect(batches).toBeLessThan(20)
        const done = await snapshot(clean)
        expect(done.shifts).toHaveLength(300)
        expect(done.pairs).toHaveLength(300)
        expect(done.dirty).toHaveLength(0)

        // The second batch that writes shifts fails (claims are batches of their own).
        let calls = 0
        const failing = {
          ...crashed.db,
          batch: async (q: Parameters<typeof crashed.db.batch>[0]) =>
            q.some((x) => /insert into "shifts"/.test(x.sql)) && ++calls === 2
              ? Promise.reject(new Error('database is locked'))
              : crashed.db.batch(q),
        }
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

    it('resuming from stored running sums gives exactly what a recompute of the whole history gives', async () => {
      // 40 days over a year, some with two signals; deterministic pseudo-random scores.
      let x = 7
      const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      const days = Array.from({ length: 40 }, (_, i) =>
        new Date(Date.UTC(2022, 0, 1 + i * 9 + Math.floor(rand() * 5))).toISOString().slice(0, 10),
      )
      const all = days.flatMap((day, i) => {
        const s = Math.round((rand() * 2 - 1) * 100) / 100
        const one = item(1000 + i, day, { ...signal(s >= 0 ? 'improving' : 'deteriorating', s), sentence: `d${i}` })
        return rand() < 0.3 ? [one, item(2000 + i, day, { ...signal('frozen', 0), sentence: `f${i}` })] : [one]
      })
      const at = new Date('2023-02-01T00:00:00Z')
      const view = async (t: { db: StoreDb }) => ({
        shifts: await t.db.kysely
          .selectFrom('shifts')
          .select(['day', 'direction', 'score', 'level_before', 'level_after', 'level_num', 'level_den', 'signals'])
          .orderBy('day')
          .execute(),
        pair: await t.db.kysely
          .selectFrom('pairs')
          .select(['level', 'direction', 'last_day', 'shift_count', 'signal_count'])
          .executeTakeFirstOrThrow(),
      })
      const whole = await dialect.open()
      const pieces = await dialect.open()
      const legacy = await dialect.open()
      try {
        await whole.db.batch(saveItemsQueries(whole.db, all))
        await aggregateDirty(whole.db, at)
        const expected = await view(whole)
        expect(expected.shifts).toHaveLength(40)

        // The same items arriving in eight polls, out of order (late reports land before earlier days).
        const order = [...all.keys()].sort((i, j) => ((i * 7919) % 13) - ((j * 7919) % 13) || i - j)
        for (let k = 0; k < 8; k++) {
          const part = order.filter((_, n) => n % 8 === k).map((i) => all[i]!)
          await pieces.db.batch(saveItemsQueries(pieces.db, part))
          await aggregateDirty(pieces.db, at)
        }
        // The running sums are exact; a published level is rewritten only when it moves by 0.01 or more, so that
        // feeds do not churn over rounding, and may trail the exact one by less than that.
        const got8 = await view(pieces)
        const exact = (v: typeof expected) => ({
          ...v,
          shifts: v.shifts.map(({ level_before, level_after, ...rest }) => rest),
        })
        expect(exact(got8)).toEqual(exact(expected))
        got8.shifts.forEach((r, i) => {
          expect(Math.abs(r.level_after - expected.shifts[i]!.level_after), r.day).toBeLessThanOrEqual(0.0101)
          expect(Math.abs(r.level_before - expected.shifts[i]!.level_before), r.day).toBeLessThanOrEqual(0.0101)
        })

        // A store written before the sums existed: the first aggregation rebuilds them from the history.
        const [late, ...rest] = [
          all.find((i) => i.published.startsWith(days[30]!))!,
          ...all.filter((i) => !i.published.startsWith(days[30]!)),
        ]
        await legacy.db.batch(saveItemsQueries(legacy.db, rest))
        await aggregateDirty(legacy.db, at)
        await legacy.db.kysely.updateTable('shifts').set({ level_num: null, level_den: null }).execute()
        await legacy.db.batch(
          saveItemsQueries(legacy.db, [late, ...all.filter((i) => i !== late && i.published.startsWith(days[30]!))]),
        )
        await aggregateDirty(legacy.db, at)
        const got = await view(legacy)
        expect(got.pair).toEqual(expected.pair)
        expect(got.shifts.filter((r) => r.day >= days[30]!)).toEqual(expected.shifts.filter((r) => r.day >= days[30]!))
        expect(
          got.shifts.filter((r) => r.day < days[30]!).map((r) => ({ ...r, level_num: null, level_den: null })),
        ).toEqual(
          expected.shifts.filter((r) => r.day < days[30]!).map((r) => ({ ...r, level_num: null, level_den: null })),
        )
      } finally {
        await whole.cleanup()
        await pieces.cleanup()
        await legacy.cleanup()
      }
    })

    it('moves the data version in the commit that changes the shifts: a crash right after it leaves no stale ETag', async () => {
      const t = await dialect.open()
      try {
        const app = createApp({
          db: t.db,
          gazetteer: getEngine().gazetteer,
          baseUrl: 'http://entente.test',
          pollMinutes: 15,
          adminToken: null,
          cache: new RenderCache(),
        })
        const before = await app.request('http://entente.test/feeds/shifts.json')
        await t.db.batch(saveItemsQueries(t.db, [item(1, '2023-01-10', signal('deteriorating', -0.8))]))
        // The process dies as soon as the batch with the shifts has committed.
        const dying = {
          ...t.db,
          batch: async (q: Parameters<typeof t.db.batch>[0]) => {
            const done = await t.db.batch(q)
            if (q.some((x) => /insert into "shifts"/.test(x.sql))) throw new Error('killed')
            return done
          },
        }
        await expect(aggregateDirty(dying, new Date('2023-01-11T00:00:00Z'))).rejects.toThrow('killed')
        expect(await t.db.kysely.selectFrom('shifts').selectAll().execute()).toHaveLength(1)
        expect(await changedAt(t.db)).toBe('2023-01-11T00:00:00.000Z')
        const after = await app.request('http://entente.test/feeds/shifts.json', {
          headers: { 'If-None-Match': before.headers.get('etag')! },
        })
        expect(after.status).toBe(200)
        expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(1)
        // Each commit moves it forward, even within the same millisecond, so two batches never share a version.
        await t.db.batch([bumpVersionQuery(t.db, '2023-01-11T00:00:00.000Z')])
        expect(await changedAt(t.db)).toBe('2023-01-11T00:00:00.001Z')
      } finally {
        await t.cleanup()
      }
    })

    it('rebuilds the totals of a pair whose row is gone from its whole history, beyond the days it reads', async () => {
      const t = await dialect.open()
      try {
        const days = Array.from({ length: 14 }, (_, i) => `2023-04-${String(1 + i).padStart(2, '0')}`)
        await t.db.batch(
          saveItemsQueries(
            t.db,
            days.map((day, i) => item(3000 + i, day, signal('improving', 0.5))),
          ),
        )
        await aggregateDirty(t.db, new Date('2023-05-01T00:00:00Z'))
        expect(await t.db.kysely.selectFrom('pairs').selectAll().executeTakeFirstOrThrow()).toMatchObject({
          shift_count: 14,
          signal_count: 14,
        })
        // The pair's row is lost (its totals with it); a later day arrives: more than the ten days before it that
        // aggregation reads, so the counts come from the whole history.
        await t.db.kysely.deleteFrom('pairs').execute()
        await t.db.batch(saveItemsQueries(t.db, [item(3100, '2023-04-20', signal('improving', 0.5))]))
        await aggregateDirty(t.db, new Date('2023-05-02T00:00:00Z'))
        expect(await t.db.kysely.selectFrom('pairs').selectAll().executeTakeFirstOrThrow()).toMatchObject({
          shift_count: 15,
          signal_count: 15,
          last_day: '2023-04-20',
        })
      } finally {
        await t.cleanup()
      }
    })
  })
}
