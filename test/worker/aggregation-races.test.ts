// Two queue consumers polling sources about the same pairs and days at once, on D1 (the deterministic
// interleavings run on both dialects in test/store/suites/aggregation-races-suite.ts).
import { createMessageBatch, env } from 'cloudflare:test'
import { beforeEach, describe, expect, inject, it } from 'vitest'
import { d1Db } from '../../src/runtime/workers/d1-db.ts'
import worker, { type Bindings } from '../../src/worker.ts'
import { unaggregated } from '../helpers/aggregation-races.ts'

const bindings = env as unknown as Bindings
const db = d1Db(bindings.DB)

beforeEach(async () => {
  for (const table of ['signals', 'items', 'shifts', 'pairs', 'dirty_pair_days', 'aggregate_claims', 'sources'])
    await bindings.DB.prepare(`DELETE FROM ${table}`).run()
})

describe('aggregation next to other polls (D1)', () => {
  it('two queue consumers polling sources about the same pair-days at once end with every stored signal aggregated', async () => {
    const base = inject('feedBase')
    const batch = (ns: number[]) =>
      createMessageBatch<{ url: string; title: string }>(
        'entente-poll',
        ns.map((n) => ({
          id: `m${n}`,
          timestamp: new Date(),
          attempts: 1,
          body: { url: `${base}/desk${n}.rss`, title: `Desk ${n}` },
        })),
      )
    const consume = (ns: number[]) => worker.queue(batch(ns) as Parameters<typeof worker.queue>[0], bindings)
    await Promise.all([consume([0, 2, 4]), consume([1, 3, 5])])
    const signals = await bindings.DB.prepare('SELECT COUNT(*) AS n FROM signals').first<{ n: number }>()
    expect(signals!.n).toBeGreaterThan(36)
    expect(await unaggregated(db)).toEqual([])
    expect((await bindings.DB.prepare('SELECT COUNT(*) AS n FROM dirty_pair_days').first<{ n: number }>())!.n).toBe(0)
    expect((await bindings.DB.prepare('SELECT COUNT(*) AS n FROM aggregate_claims').first<{ n: number }>())!.n).toBe(0)
  })
})
