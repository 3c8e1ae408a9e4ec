// Interleavings of polls and aggregations on one database, made deterministic: a Db whose first batch that writes
// shifts first runs what another process did between this aggregation's reads and its write. The same scenarios
// run on SQLite (Node suite) and on D1 (workerd suite); nothing here touches a runtime.
import { sql, type CompiledQuery } from 'kysely'
import { aggregateDirty } from '../../src/store/aggregate-dirty.ts'
import { saveItemsQueries, type StoredItem } from '../../src/store/items-store.ts'
import type { Db } from '../../src/store/schema.ts'
import type { Direction, Signal } from '../../src/types.ts'

const writesShifts = (q: CompiledQuery[]) => q.some((x) => /insert into "shifts"/i.test(x.sql))

export function interleaved(db: Db, meanwhile: () => Promise<void>): Db {
  let done = false
  return {
    ...db,
    async batch(q) {
      if (!done && writesShifts(q)) {
        done = true
        await meanwhile()
      }
      return db.batch(q)
    },
  }
}

let serial = 0
/** One stored item with one signal per direction given, on `day`, for the pair `pair`. */
export function item(
  pair: string,
  day: string,
  directions: [Direction, number][],
  source = 'https://wire.example/feed',
): StoredItem {
  const n = ++serial
  const [a, b] = pair.split('--') as [string, string]
  const signals = directions.map(([direction, score], i): Signal => ({
    pair,
    a,
    b,
    direction,
    score,
    confidence: 0.9,
    eventType: score >= 0 ? 'COOPERATE' : 'SANCTION',
    flags: [],
    cues: ['t'],
    cueText: 't',
    sentence: `${pair} ${direction} ${n}.${i}`,
    sentenceIndex: i,
    mentions: [],
  }))
  return {
    id: `race-${n}`,
    sourceUrl: source,
    sourceTitle: 'Wire',
    published: `${day}T10:00:00.000Z`,
    fetchedAt: `${day}T12:00:00.000Z`,
    signals,
    item: {
      guid: `race-${n}`,
      url: `https://wire.example/race/${n}`,
      title: `t${n}`,
      text: `text ${n}`,
      published: null,
      author: null,
      contentHash: `race-${n}`,
    },
  }
}

export const store = (db: Db, items: StoredItem[]) => db.batch(saveItemsQueries(db, items))

/** What is published about `pairs`, and the marks left. */
export async function snapshot(db: Db, pairs: string[]) {
  return {
    shifts: await db.kysely
      .selectFrom('shifts')
      .select(['pair', 'day', 'direction', 'score', 'signals', 'sources', 'evidence', 'level_before', 'level_after'])
      .where('pair', 'in', pairs)
      .orderBy('pair')
      .orderBy('day')
      .execute(),
    pairs: await db.kysely
      .selectFrom('pairs')
      .select(['pair', 'level', 'direction', 'shift_count', 'signal_count'])
      .where('pair', 'in', pairs)
      .orderBy('pair')
      .execute(),
    marks: (await db.kysely.selectFrom('dirty_pair_days').select('pair').where('pair', 'in', pairs).execute()).length,
  }
}

/** What one aggregation of every stored signal of `pairs`, from nothing, publishes: the answer a correct run must give. */
export async function fromScratch(db: Db, pairs: string[], at: Date) {
  await db.batch([
    db.kysely.deleteFrom('shifts').where('pair', 'in', pairs).compile(),
    db.kysely.deleteFrom('pairs').where('pair', 'in', pairs).compile(),
    sql`INSERT INTO dirty_pair_days (pair, day) SELECT DISTINCT pair, day FROM signals WHERE pair IN (${sql.join(pairs)}) ON CONFLICT DO NOTHING`.compile(
      db.kysely,
    ),
  ])
  await aggregateDirty(db, at)
  return snapshot(db, pairs)
}

/** Stored signals per pair-day against the count on its shift: every stored signal aggregated means equal. */
export async function unaggregated(db: Db): Promise<string[]> {
  const rows = await sql<{ pair: string; day: string; stored: number; shown: number | null }>`
    SELECT s.pair, s.day, COUNT(*) AS stored, (SELECT signals FROM shifts WHERE shifts.pair = s.pair AND shifts.day = s.day) AS shown
    FROM signals s GROUP BY s.pair, s.day`.execute(db.kysely)
  return rows.rows
    .filter((r) => Number(r.stored) !== Number(r.shown ?? 0))
    .map((r) => `${r.pair} ${r.day}: ${r.stored} stored, ${r.shown ?? 'no'} shown`)
}

/**
 * A poll stores signals for a pair-day after an aggregation read that day and before it wrote: the mark must
 * survive that write (its version moved), so that the signals are counted (by the same run, which looks for
 * marks again before it ends, or by the next).
 */
export async function signalsDuringAggregation(db: Db, pair: string) {
  const at = new Date('2024-02-01T00:00:00Z')
  await store(db, [item(pair, '2024-01-10', [['improving', 0.6]])])
  await aggregateDirty(
    interleaved(
      db,
      async () =>
        void (await store(db, [
          item(pair, '2024-01-10', [
            ['deteriorating', -0.8],
            ['deteriorating', -0.7],
          ]),
        ])),
    ),
    at,
  )
  await aggregateDirty(db, at)
  return { after: await snapshot(db, [pair]), expected: await fromScratch(db, [pair], at) }
}

/**
 * Two aggregations of one pair interleaved: A reads the pair; meanwhile a poll stores a signal for a later day and
 * aggregation B runs to the end; then A writes. A's older view of the later day must not replace B's.
 */
export async function overlappingAggregations(db: Db, pair: string) {
  const at = new Date('2024-03-01T00:00:00Z')
  await store(db, [item(pair, '2024-02-01', [['improving', 0.7]]), item(pair, '2024-02-03', [['improving', 0.5]])])
  await aggregateDirty(db, at)
  await store(db, [
    item(pair, '2024-02-01', [
      ['deteriorating', -0.9],
      ['deteriorating', -0.9],
    ]),
  ])
  await aggregateDirty(
    interleaved(db, async () => {
      await store(db, [item(pair, '2024-02-03', [['frozen', -0.3]])])
      await aggregateDirty(db, at)
    }),
    at,
  )
  await aggregateDirty(db, at)
  return { after: await snapshot(db, [pair]), expected: await fromScratch(db, [pair], at) }
}
