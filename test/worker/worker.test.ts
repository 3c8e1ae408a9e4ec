// The Worker in workerd: cron → poll of fixture feeds on 127.0.0.1 → D1 → feeds served by the Worker. Requests and
// crons with the configured bindings go through the Worker's own entry (`exports.default` of cloudflare:workers, the
// successor of SELF); the local queue delivers its messages to the real queue handler. Handlers are called directly
// only where a test needs other bindings (no queue, another source list) or a batch it can inspect.
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { exports } from 'cloudflare:workers'
import { beforeEach, describe, expect, inject, it } from 'vitest'
import worker, { type Bindings } from '../../src/worker.ts'

const bindings = env as unknown as Bindings
const withoutQueue = { ...bindings, POLL_QUEUE: undefined } as Bindings

async function clear() {
  for (const table of ['signals', 'items', 'shifts', 'pairs', 'dirty_pair_days', 'sources'])
    await bindings.DB.prepare(`DELETE FROM ${table}`).run()
  await bindings.DB.prepare(`DELETE FROM meta WHERE key = 'changed_at'`).run()
}

async function cron(e: Bindings) {
  const ctx = createExecutionContext()
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), e, ctx)
  await waitOnExecutionContext(ctx)
}

/** The Worker as deployed: its default export, with the bindings of vitest.worker.config.ts. */
const self = (
  exports as unknown as {
    default: {
      fetch(req: Request): Promise<Response>
      scheduled(controller: { scheduledTime: number; cron: string }): Promise<void>
    }
  }
).default
const get = (path: string, headers: Record<string, string> = {}) =>
  self.fetch(new Request(`http://entente.test${path}`, { headers }))

/** Waits until the SQL count is `n` (the local queue delivers in the background). */
async function until(query: string, n: number, what: string) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const row = await bindings.DB.prepare(query).first<{ n: number }>()
    if (row!.n === n) return
    if (Date.now() > deadline) throw new Error(`${what}: ${row!.n}, not ${n}`)
    await new Promise((ok) => setTimeout(ok, 100))
  }
}

type JsonFeed = {
  items: {
    id: string
    title: string
    _entente: { pair: string; day: string; direction: string; evidence: unknown[] }
  }[]
}

async function expectSeedShifts() {
  const res = await get('/feeds/shifts.json')
  expect(res.status).toBe(200)
  const feed = (await res.json()) as JsonFeed
  const find = (pair: string) => feed.items.find((i) => i._entente.pair === pair && i._entente.day === '2018-01-08')
  expect(find('hamas--iran')?._entente.direction).toBe('improving')
  expect(find('hamas--syria')?._entente.direction).toBe('frozen')
  expect(find('hamas--iran')!.id).toBe('tag:entente.test,2026:shift/hamas--iran/2018-01-08')
  const atom = await (await get('/feeds/shifts.atom')).text()
  expect(atom).toContain('<title type="html"><![CDATA[Hamas–Iran: improving]]></title>')
  expect(atom).toContain('<title type="html"><![CDATA[Hamas–Syria: frozen]]></title>')
}

describe('Entente on Workers', () => {
  beforeEach(clear)

  it('polls in-process from the cron when no queue is bound, and serves the shifts', async () => {
    await cron(withoutQueue)
    await expectSeedShifts()
    const sources = await bindings.DB.prepare('SELECT url, last_outcome, last_error FROM sources ORDER BY url').all<{
      url: string
      last_outcome: string
      last_error: string | null
    }>()
    const outcome = (suffix: string) => sources.results.find((s) => s.url.endsWith(suffix))
    expect(outcome('/seed.rss')?.last_outcome).toBe('ok')
    expect(outcome('/arabic.rss')?.last_outcome).toBe('ok')
    expect(outcome('/broken.xml')).toMatchObject({
      last_outcome: 'error',
      last_error: expect.stringMatching(/malformed/),
    })
    expect(outcome('/missing.rss')).toMatchObject({ last_outcome: 'error', last_error: 'HTTP 404 Not Found' })
    const arabic = await bindings.DB.prepare(
      `SELECT title FROM items WHERE url = 'https://arab.example/turkey-russia'`,
    ).first<{ title: string }>()
    expect(arabic?.title).toBe('تركيا وروسيا تصلحان العلاقات')
  })

  it('answers 304 to a matching ETag and changes the ETag when a poll changes the data', async () => {
    await cron(withoutQueue)
    const first = await get('/feeds/shifts.atom')
    const etag = first.headers.get('etag')!
    expect((await get('/feeds/shifts.atom', { 'If-None-Match': etag })).status).toBe(304)
    // A second cron: every source answers 304, nothing changes, the cached rendering stays valid.
    await cron(withoutQueue)
    expect((await get('/feeds/shifts.atom', { 'If-None-Match': etag })).status).toBe(304)
    // New evidence arrives: the rendering is invalidated.
    await bindings.DB.prepare(`UPDATE sources SET etag = NULL, last_modified = NULL`).run()
    await bindings.DB.prepare(`DELETE FROM signals WHERE item_url = 'https://wire.example/world/cuba-us'`).run()
    await bindings.DB.prepare(`DELETE FROM items WHERE url = 'https://wire.example/world/cuba-us'`).run()
    await bindings.DB.prepare(`DELETE FROM shifts WHERE pair = 'cuba--united-states'`).run()
    await bindings.DB.prepare(`UPDATE meta SET value = '2020-01-01T00:00:00Z' WHERE key = 'changed_at'`).run()
    const stale = await get('/feeds/shifts.atom')
    expect(await stale.text()).not.toContain('Cuba–United States')
    await cron(withoutQueue)
    const fresh = await get('/feeds/shifts.atom', { 'If-None-Match': stale.headers.get('etag')! })
    expect(fresh.status).toBe(200)
    expect(await fresh.text()).toContain('Cuba–United States: improving')
  })

  it('fans out through the queue when POLL_QUEUE is bound, and the next cron enqueues only the sources not backing off', async () => {
    const start = Date.now()
    await self.scheduled({ scheduledTime: start, cron: '*/15 * * * *' })
    // The local queue delivers the messages to this Worker's queue handler.
    await until(
      'SELECT COUNT(*) AS n FROM sources WHERE last_polled_at IS NOT NULL',
      5,
      'sources polled through the queue',
    )
    await until('SELECT COUNT(*) AS n FROM dirty_pair_days', 0, 'pair-days left unaggregated')
    await expectSeedShifts()
    const polled = async () =>
      (
        await bindings.DB.prepare('SELECT url, last_polled_at, next_poll_at, failures FROM sources ORDER BY url').all<{
          url: string
          last_polled_at: string
          next_poll_at: string | null
          failures: number
        }>()
      ).results
    const first = await polled()
    const backingOff = first.filter((s) => s.next_poll_at)
    expect(backingOff.map((s) => new URL(s.url).pathname).sort()).toEqual(['/broken.xml', '/missing.rss'])
    // A second cron a minute later: the three good sources are polled again (and answer 304); the two failing
    // ones are still backing off, so no message is sent for them and their rows do not move.
    await self.scheduled({ scheduledTime: start + 60_000, cron: '*/15 * * * *' })
    const good = first.filter((s) => !s.next_poll_at)
    await until(`SELECT COUNT(*) AS n FROM sources WHERE last_outcome = 'not-modified'`, 3, 'good sources polled again')
    const second = await polled()
    expect(second.filter((s) => s.next_poll_at)).toEqual(backingOff)
    expect(second.filter((s) => !s.next_poll_at).every((s, i) => s.last_polled_at > good[i]!.last_polled_at)).toBe(true)
    // Once their time has come, the next cron enqueues them again.
    const due = Math.max(...backingOff.map((s) => Date.parse(s.next_poll_at!))) + 1000
    await self.scheduled({ scheduledTime: due, cron: '*/15 * * * *' })
    await until('SELECT COUNT(*) AS n FROM sources WHERE failures = 2', 2, 'failing sources polled when due')
  })

  it('retries a queue message that fails, later each time, and acknowledges the rest of the batch', async () => {
    const url = `${inject('feedBase')}/seed.rss`
    // A message the handler cannot read (as a producer bug would send) throws inside the handler.
    const batch = createMessageBatch<unknown>('entente-poll', [
      { id: 'bad', timestamp: new Date(), attempts: 3, body: { reanalyze: null } },
      { id: 'good', timestamp: new Date(), attempts: 1, body: { url, title: 'Seed' } },
    ])
    // The pool's result records which messages were retried but not their delay: read it on its way through.
    const delays: (QueueRetryOptions | undefined)[] = []
    for (const m of batch.messages) {
      const retry = m.retry.bind(m)
      m.retry = (options) => (delays.push(options), retry(options))
    }
    const ctx = createExecutionContext()
    await worker.queue(batch as Parameters<typeof worker.queue>[0], bindings)
    const result = await getQueueResult(batch, ctx)
    expect(result.explicitAcks).toEqual(['good'])
    expect(result.retryMessages).toEqual([{ msgId: 'bad' }])
    // 60 s doubled per attempt so far (the third: 480 s), capped at an hour.
    expect(delays).toEqual([{ delaySeconds: 480 }])
  })

  it('a redelivered queue message (an invocation that died after storing) duplicates nothing', async () => {
    const url = `${inject('feedBase')}/seed.rss`
    const deliver = async (id: string) => {
      const batch = createMessageBatch<{ url: string; title: string }>('entente-poll', [
        { id, timestamp: new Date(), attempts: 1, body: { url, title: 'Seed' } },
      ])
      const ctx = createExecutionContext()
      await worker.queue(batch as Parameters<typeof worker.queue>[0], bindings)
      return getQueueResult(batch, ctx)
    }
    expect((await deliver('m1')).explicitAcks).toEqual(['m1'])
    const count = async () =>
      (await bindings.DB.prepare(
        'SELECT (SELECT COUNT(*) FROM items) AS items, (SELECT COUNT(*) FROM signals) AS signals, (SELECT COUNT(*) FROM shifts) AS shifts',
      ).first<{ items: number; signals: number; shifts: number }>())!
    const once = await count()
    expect(once.items).toBe(3)
    // Forget the validators, as if the first invocation died before recording them: the body is refetched.
    await bindings.DB.prepare('UPDATE sources SET etag = NULL, last_modified = NULL').run()
    expect((await deliver('m2')).explicitAcks).toEqual(['m2'])
    expect(await count()).toEqual(once)
  })

  it('refuses a publisher redirect to a loopback port ENTENTE_ALLOW_HOSTS does not name, and reports it', async () => {
    await cron({ ...withoutQueue, ENTENTE_SOURCES: `${inject('feedBase')}/hostile.opml` })
    const row = await bindings.DB.prepare(
      `SELECT last_outcome, last_error FROM sources WHERE url LIKE '%/moved.rss'`,
    ).first<{ last_outcome: string; last_error: string }>()
    expect(row?.last_outcome).toBe('error')
    expect(row?.last_error).toMatch(
      /^redirect from http:\/\/127\.0\.0\.1:\d+\/moved\.rss: refused http:\/\/127\.0\.0\.1:\d+\/admin\.rss: 127\.0\.0\.1 is a loopback address/,
    )
    expect(await (await fetch(`${inject('feedBase')}/internal-requests`)).text()).toBe('0')
  })

  it('stops at the byte cap of a source list URL that never ends', async () => {
    await expect(cron({ ...withoutQueue, ENTENTE_SOURCES: `${inject('feedBase')}/endless.opml` })).rejects.toThrow(
      /ENTENTE_SOURCES .*endless\.opml: body exceeds the 5242880-byte cap/,
    )
  })

  it('keeps the renderings for two origins apart in the shared Cache API when ENTENTE_BASE_URL is unset', async () => {
    await cron(withoutQueue)
    const byOrigin = { ...bindings, ENTENTE_BASE_URL: '' } as Bindings
    const feedAt = async (origin: string) => {
      const res = await worker.fetch(new Request(`${origin}/feeds/shifts.json`), byOrigin)
      return {
        etag: res.headers.get('etag'),
        feed: (await res.json()) as { feed_url: string; items: { url: string }[] },
      }
    }
    const a = await feedAt('https://a.example')
    const b = await feedAt('https://b.example')
    expect(a.feed.feed_url).toBe('https://a.example/feeds/shifts.json')
    expect(b.feed.feed_url).toBe('https://b.example/feeds/shifts.json')
    expect(b.feed.items.every((i) => i.url.startsWith('https://b.example/'))).toBe(true)
    expect(b.etag).not.toBe(a.etag)
  })

  it('runs a poll from the admin route with the secret token', async () => {
    const res = await worker.fetch(
      new Request('http://entente.test/admin/poll', {
        method: 'POST',
        headers: { Authorization: 'Bearer worker-admin-token' },
      }),
      withoutQueue,
    )
    expect(res.status).toBe(200)
    const summary = (await res.json()) as { sources: { outcome: string }[] }
    expect(summary.sources.map((s) => s.outcome).sort()).toEqual(['error', 'error', 'ok', 'ok', 'ok'])
  })

  it('answers 500 with the configuration problem, or only "internal error", when a request cannot be served', async () => {
    const misconfigured = await worker.fetch(new Request('http://entente.test/feeds/shifts.json'), {
      ...bindings,
      ENTENTE_POLL_MINUTES: 'often',
    } as Bindings)
    expect(misconfigured.status).toBe(500)
    expect(await misconfigured.json()).toEqual({
      error: { status: 500, message: 'ENTENTE_POLL_MINUTES must be a whole number between 0 and 10080, got "often"' },
    })
    // A D1 database without its tables: the app's own handler answers, without the cause.
    const unmigrated = (env as unknown as { UNMIGRATED: D1Database }).UNMIGRATED
    const broken = await worker.fetch(new Request('http://broken.test/api/pairs'), {
      ...bindings,
      DB: unmigrated,
    } as Bindings)
    expect(broken.status).toBe(500)
    expect(await broken.json()).toEqual({ error: { status: 500, message: 'internal error' } })
  })
})
