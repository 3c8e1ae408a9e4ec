// Re-analysis on Workers over D1: POST /admin/reanalyze does a bounded share per request without a queue, and
// with POLL_QUEUE enqueues one chunk per message, each message enqueuing the next. A shift published by an older
// engine is corrected in place and listed in /feeds/corrections; levels and directions are read as of today.
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { beforeEach, describe, expect, inject, it } from 'vitest'
import { engineVersion } from '../../src/analyze/engine-version.ts'
import worker, { type Bindings } from '../../src/worker.ts'

const bindings = env as unknown as Bindings
const withoutQueue = { ...bindings, POLL_QUEUE: undefined, ENTENTE_BASE_URL: 'http://noqueue.test' } as Bindings

beforeEach(async () => {
  for (const table of ['signals', 'items', 'shifts', 'pairs', 'dirty_pair_days', 'aggregate_claims', 'sources'])
    await bindings.DB.prepare(`DELETE FROM ${table}`).run()
  await bindings.DB.prepare(`DELETE FROM meta WHERE key = 'changed_at'`).run()
})

async function cron(e: Bindings) {
  const ctx = createExecutionContext()
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), e, ctx)
  await waitOnExecutionContext(ctx)
}

/** Stored as an older engine would have: Hamas–Syria read as improving, every item at an old version, published. */
async function olderEngineStore() {
  await cron(withoutQueue)
  await bindings.DB.prepare(
    `UPDATE signals SET direction = 'improving', score = 0.5, doc_direction = 'improving', doc_score = 0.5 WHERE pair = 'hamas--syria'`,
  ).run()
  await bindings.DB.prepare(`UPDATE items SET analyzed_with = 'older'`).run()
  await bindings.DB.prepare(`INSERT INTO dirty_pair_days (pair, day) VALUES ('hamas--syria', '2018-01-08')`).run()
  await cron(withoutQueue)
  const shift = await bindings.DB.prepare(`SELECT direction FROM shifts WHERE id = 'hamas--syria/2018-01-08'`).first<{
    direction: string
  }>()
  expect(shift?.direction).toBe('improving')
}

const admin = (e: Bindings, base: string, query = '') =>
  worker.fetch(
    new Request(`${base}/admin/reanalyze${query}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer worker-admin-token' },
    }),
    e,
  )

async function expectCorrected(base: string, e: Bindings) {
  const shift = await bindings.DB.prepare(
    `SELECT direction, previous_direction, correction_reason FROM shifts WHERE id = 'hamas--syria/2018-01-08'`,
  ).first()
  expect(shift).toEqual({ direction: 'frozen', previous_direction: 'improving', correction_reason: 'reanalysis' })
  const feed = (await (await worker.fetch(new Request(`${base}/feeds/corrections.json`), e)).json()) as {
    items: { title: string }[]
  }
  expect(feed.items.map((i) => i.title)).toEqual(['Hamas–Syria: frozen (corrected, was improving)'])
}

describe('re-analysis on Workers', () => {
  it('re-analyses a bounded share per request without a queue, and corrects the shift', async () => {
    await olderEngineStore()
    expect((await admin(withoutQueue, 'http://noqueue.test', '?since=2018-13-01')).status).toBe(400)
    const res = await admin(withoutQueue, 'http://noqueue.test')
    expect(res.status).toBe(200)
    const run = (await res.json()) as { engine: string; items: number; changed_items: number; remaining: number }
    expect(run).toMatchObject({ engine: engineVersion(), remaining: 0, changed_items: 1 })
    const items = await bindings.DB.prepare('SELECT COUNT(*) AS n FROM items').first<{ n: number }>()
    expect(run.items).toBe(items!.n)
    await expectCorrected('http://noqueue.test', withoutQueue)
  })

  it('goes through the queue a chunk per message when POLL_QUEUE is bound', async () => {
    // Six desks of twelve items each besides the fixtures: more than one chunk of 50, so messages must follow.
    const base = inject('feedBase')
    const desks = createMessageBatch<{ url: string; title: string }>(
      'entente-poll',
      [0, 1, 2, 3, 4, 5].map((n) => ({
        id: `d${n}`,
        timestamp: new Date(),
        attempts: 1,
        body: { url: `${base}/desk${n}.rss`, title: `Desk ${n}` },
      })),
    )
    await worker.queue(desks as Parameters<typeof worker.queue>[0], bindings)
    await olderEngineStore()
    const total = await bindings.DB.prepare('SELECT COUNT(*) AS n FROM items').first<{ n: number }>()
    expect(total!.n).toBeGreaterThan(50)
    const res = await admin(bindings, 'http://entente.test')
    expect(res.status).toBe(202)
    expect(await res.json()).toMatchObject({ queued: true, engine: engineVersion() })
    const deadline = Date.now() + 30_000
    for (;;) {
      const left = await bindings.DB.prepare('SELECT COUNT(*) AS n FROM items WHERE analyzed_with IS NOT ?')
        .bind(engineVersion())
        .first<{ n: number }>()
      const marks = await bindings.DB.prepare('SELECT COUNT(*) AS n FROM dirty_pair_days').first<{ n: number }>()
      if (left!.n === 0 && marks!.n === 0) break
      if (Date.now() > deadline) throw new Error(`queue did not finish: ${left!.n} items, ${marks!.n} marks left`)
      await new Promise((ok) => setTimeout(ok, 200))
    }
    await expectCorrected('http://entente.test', bindings)
  })

  it('reads levels and directions as of today on the Worker too', async () => {
    await cron(withoutQueue)
    const pair = (await (
      await worker.fetch(new Request('http://noqueue.test/api/pairs/hamas--iran'), withoutQueue)
    ).json()) as {
      direction: string
      as_of: string
      at_last_shift: { direction: string }
      last_evidence: { day: string; age_days: number }
    }
    expect(pair).toMatchObject({
      direction: 'stable',
      as_of: new Date().toISOString().slice(0, 10),
      at_last_shift: { direction: 'improving' },
      last_evidence: { day: '2018-01-08' },
    })
    expect(pair.last_evidence.age_days).toBeGreaterThan(365 * 8)
  })
})
