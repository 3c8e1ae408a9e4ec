import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEngine } from '../../src/analyze/engine.ts'
import { contentHash } from '../../src/ingest/content-hash.ts'
import { runPoll, pollSource } from '../../src/poll/run-poll.ts'
import { parseAllowHosts } from '../../src/ingest/url-policy.ts'
import { guardedFetch } from '../../src/runtime/node/guarded-fetch.ts'
import type { Source } from '../../src/types.ts'
import { startFeedServer, staticFeed, type FeedServer, type Handler } from '../helpers/feed-server.ts'
import { fixture, silentLog, tempDb } from '../helpers/temp-db.ts'

const read = (name: string) => readFileSync(fixture(name))
const NOW = new Date('2026-11-26T12:00:00Z')

describe('a poll of real-looking sources on 127.0.0.1', () => {
  let server: FeedServer
  let sources: Source[]
  beforeAll(async () => {
    // Built before the first poll: building it holds the event loop long enough, on a loaded machine, for the
    // fetch deadline of the sources fetched meanwhile to pass.
    getEngine()
    server = await startFeedServer({
      '/seed.rss': staticFeed(read('seed-rss.xml')),
      '/world.rdf': staticFeed(read('world-rdf.xml'), 'application/rdf+xml'),
      '/desk.atom': staticFeed(read('desk-atom.xml'), 'application/atom+xml'),
      '/arabic.rss': staticFeed(read('arabic-1256.xml'), 'application/rss+xml; charset=windows-1256'),
      '/broken.xml': staticFeed(read('broken.xml')),
      '/page.html': staticFeed(read('page.html'), 'text/html; charset=utf-8'),
      '/bomb.xml': staticFeed(read('entity-bomb.xml')),
      // never answers: the request is held until the poller hangs up
      '/slow.rss': () => {},
      '/huge.rss': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' })
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>')
        const chunk = '<item><title>padding</title><description>' + 'x'.repeat(64 * 1024) + '</description></item>'
        for (let i = 0; i < 40; i++) res.write(chunk)
        res.end('</channel></rss>')
      },
      '/busy.rss': (_req, res) => {
        res.writeHead(429, { 'Retry-After': '3600' })
        res.end('slow down')
      },
    })
    sources = [
      '/seed.rss',
      '/world.rdf',
      '/desk.atom',
      '/arabic.rss',
      '/broken.xml',
      '/page.html',
      '/bomb.xml',
      '/missing.rss',
      '/huge.rss',
      '/busy.rss',
    ].map((p) => ({ url: server.url(p), title: `Fixture ${p}` }))
  })
  afterAll(() => server.close())

  // No source of these tests depends on a deadline but /slow.rss, polled alone with a short one: a good source
  // waiting for its turn on a loaded event loop can never time out (a 700 ms deadline once made that happen).
  const deps = (db: Awaited<ReturnType<typeof tempDb>>['db'], timeoutMs = 20_000) => ({
    // The poller's own fetch, told about the fixture server as ENTENTE_ALLOW_HOSTS would.
    fetch: guardedFetch(parseAllowHosts(new URL(server.url('/')).host)),
    db,
    now: () => NOW,
    log: silentLog,
    limits: { timeoutMs, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'Entente-test/1.0 (+https://example.org)' },
  })

  it('stores items and signals from good sources and reports every broken one alone', async () => {
    const t = await tempDb()
    try {
      const summary = await runPoll(deps(t.db), sources)
      const by = new Map(summary.sources.map((s) => [new URL(s.url).pathname, s]))
      for (const p of ['/seed.rss', '/world.rdf', '/desk.atom', '/arabic.rss'])
        expect(by.get(p)?.outcome, `${p} ${by.get(p)?.error}`).toBe('ok')
      expect(by.get('/broken.xml')).toMatchObject({ outcome: 'error', error: expect.stringMatching(/malformed feed/) })
      expect(by.get('/page.html')).toMatchObject({ outcome: 'error', error: expect.stringMatching(/HTML page/) })
      expect(by.get('/bomb.xml')).toMatchObject({ outcome: 'error', error: expect.stringMatching(/entit/) })
      expect(by.get('/missing.rss')).toMatchObject({ outcome: 'error', status: 404 })
      expect(by.get('/huge.rss')).toMatchObject({ outcome: 'error', error: expect.stringMatching(/cap/) })
      expect(by.get('/busy.rss')).toMatchObject({ outcome: 'error', status: 429 })

      const items = await t.db.kysely.selectFrom('items').selectAll().execute()
      expect(items.length).toBe(3 + 2 + 2 + 1)
      const arabic = items.find((i) => i.url === 'https://arab.example/turkey-russia')!
      expect(arabic.title).toBe('تركيا وروسيا تصلحان العلاقات')
      const seed = items.find((i) => i.guid === 'mei-2018-hamas-iran')!
      expect(seed.published).toBe('2018-01-08T10:00:00.000Z')
      expect(seed.text).not.toMatch(/<p>|<script|alert/)
      // The Atom entry with unparseable dates, seen on its source's first poll, is kept as backlog under the fetch
      // time: known, so never new again, but never today's shift (the Colombia–FARC peace deal is from 2016).
      expect(items.find((i) => i.guid === 'tag:desk.example,2020:broken-date')).toMatchObject({
        published: NOW.toISOString(),
        dating: 'backlog',
        signal_count: 0,
      })

      const shifts = await t.db.kysely.selectFrom('shifts').selectAll().execute()
      const shift = (pair: string, day: string) => shifts.find((s) => s.pair === pair && s.day === day)
      expect(shift('hamas--iran', '2018-01-08')?.direction).toBe('improving')
      expect(shift('hamas--syria', '2018-01-08')?.direction).toBe('frozen')
      expect(shift('fatah--hamas', '2018-01-08')?.direction).toBe('improving')
      expect(shift('iran--saudi-arabia', '2016-01-03')?.direction).toBe('deteriorating')
      expect(shift('cuba--united-states', '2015-07-20')?.direction).toBe('improving')
      expect(shift('north-korea--united-states', '2019-02-28')?.direction).toBe('frozen')
      expect(shift('russia--turkey', '2016-06-27')?.direction).toBe('improving')
      expect(shifts.some((s) => s.pair.includes('farc'))).toBe(false)
      // nothing from the weather item
      expect(shifts.some((s) => s.pair === 'iran--saudi-arabia' && s.day === '2018-01-10')).toBe(false)
      const evidence = JSON.parse(shift('hamas--iran', '2018-01-08')!.evidence)
      expect(evidence[0]).toMatchObject({
        url: 'https://www.mei.example/publications/hamas-and-iran-repair-ties',
        source: 'Fixture /seed.rss',
      })
      expect(JSON.stringify(evidence)).not.toMatch(/donations|listing of MEI donors/)

      const busy = await t.db.kysely
        .selectFrom('sources')
        .selectAll()
        .where('url', '=', server.url('/busy.rss'))
        .executeTakeFirstOrThrow()
      expect(Date.parse(busy.next_poll_at!) - NOW.getTime()).toBe(3600_000)
      expect(busy.failures).toBe(1)
    } finally {
      await t.cleanup()
    }
  })

  it('gives up on a source that never answers at the deadline, recording the failure', async () => {
    const t = await tempDb()
    try {
      const summary = await runPoll(deps(t.db, 300), [{ url: server.url('/slow.rss'), title: 'Slow' }])
      expect(summary.sources).toEqual([
        expect.objectContaining({ outcome: 'error', error: expect.stringMatching(/timed out/) }),
      ])
      const row = await t.db.kysely.selectFrom('sources').selectAll().executeTakeFirstOrThrow()
      expect(row.failures).toBe(1)
    } finally {
      await t.cleanup()
    }
  })

  it('sends a descriptive User-Agent and, on the second poll, conditional requests that write nothing', async () => {
    const t = await tempDb()
    try {
      const good = sources.filter((s) => /seed|world|desk|arabic/.test(s.url))
      await runPoll(deps(t.db), good)
      const counts = async () => ({
        items: (
          await t.db.kysely
            .selectFrom('items')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
        signals: (
          await t.db.kysely
            .selectFrom('signals')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
        shifts: await t.db.kysely.selectFrom('shifts').select(['id', 'updated']).orderBy('id').execute(),
      })
      const before = await counts()
      const first = server.requests.filter((r) => r.path === '/seed.rss').at(-1)!
      expect(first.headers['user-agent']).toMatch(/Entente/)
      const summary = await runPoll(deps(t.db), good)
      expect(summary.sources.map((s) => s.outcome)).toEqual([
        'not-modified',
        'not-modified',
        'not-modified',
        'not-modified',
      ])
      const second = server.requests.filter((r) => r.path === '/seed.rss').at(-1)!
      expect(second.headers['if-none-match']).toMatch(/^"/)
      expect(second.headers['if-modified-since']).toBe('Mon, 08 Jan 2018 12:00:00 GMT')
      expect(await counts()).toEqual(before)
    } finally {
      await t.cleanup()
    }
  })

  it('records the outcome of each of 250 sources that answer 304 or fail, in a few transactions, and survives losing them', async () => {
    const t = await tempDb()
    try {
      const many: Source[] = []
      for (let n = 0; n < 250; n++) {
        const path = `/many/${n}.rss`
        const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk ${n}</title><link>https://desk${n}.example/</link><item><title>Bulletin ${n}</title><link>https://desk${n}.example/1</link><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate><description>Desk ${n} reports that Morocco and Algeria held talks.</description></item></channel></rss>`
        const ok = staticFeed(body)
        // Every tenth source breaks after the first poll.
        const flaky: Handler = (req, res) => {
          if (!req.headers['if-none-match']) return ok(req, res)
          res.writeHead(503)
          res.end()
        }
        server.route(path, n % 10 === 0 ? flaky : ok)
        many.push({ url: server.url(path), title: `Desk ${n}` })
      }
      await runPoll(deps(t.db), many)
      let batches = 0
      const counted = {
        ...t.db,
        batch: (q: Parameters<typeof t.db.batch>[0]) => (q.length && batches++, t.db.batch(q)),
      }
      const later = new Date(NOW.getTime() + 3_600_000)
      const summary = await runPoll({ ...deps(counted), now: () => later }, many)
      expect(summary.sources.filter((s) => s.outcome === 'not-modified')).toHaveLength(225)
      expect(summary.sources.filter((s) => s.outcome === 'error')).toHaveLength(25)
      expect(batches).toBeLessThanOrEqual(3)
      const rows = await t.db.kysely.selectFrom('sources').selectAll().execute()
      expect(rows).toHaveLength(250)
      for (const r of rows) {
        expect(r.last_polled_at, r.url).toBe(later.toISOString())
        if (/\/many\/\d*0\.rss$/.test(r.url)) expect(r, r.url).toMatchObject({ last_status: 503, failures: 1 })
        else expect(r, r.url).toMatchObject({ last_outcome: 'not-modified', last_status: 304, failures: 0 })
      }
      // If those writes fail, the poll still finishes and says so; the sources are simply asked again next time.
      const errors: string[] = []
      const broken = { ...t.db, batch: async () => Promise.reject(new Error('disk I/O error')) }
      const log = { ...silentLog, error: (m: string) => void errors.push(m) }
      const again = await runPoll(
        { ...deps(broken), log, now: () => new Date(later.getTime() + 7_200_000) },
        many.slice(1, 10),
      )
      expect(again.sources.map((s) => s.outcome)).toEqual(Array(9).fill('not-modified'))
      expect(errors).toEqual(['could not record source outcomes'])
    } finally {
      await t.cleanup()
    }
  })

  it('re-fetching a changed body stores only the new items, and a poll that died before aggregating is completed by the next', async () => {
    const t = await tempDb()
    try {
      const src = { url: server.url('/grow.rss'), title: 'Growing feed' }
      const feed = (items: string[]) =>
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Grow</title><link>https://grow.example/</link>${items.join('')}</channel></rss>`
      const item = (n: number, text: string) =>
        `<item><title>Item ${n}</title><link>https://grow.example/${n}</link><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate><description>${text}</description></item>`
      const one = item(1, 'Saudi Arabia severed diplomatic relations with Iran.')
      const two = item(2, 'Israel and the United Arab Emirates agreed to establish full diplomatic relations.')
      server.route('/grow.rss', staticFeed(feed([one])))
      // First poll dies after storing the source's items but before aggregation.
      await pollSource(deps(t.db), src, undefined)
      expect(await t.db.kysely.selectFrom('shifts').selectAll().execute()).toHaveLength(0)
      expect((await t.db.kysely.selectFrom('dirty_pair_days').selectAll().execute()).length).toBeGreaterThan(0)
      server.route('/grow.rss', staticFeed(feed([two, one])))
      await runPoll(deps(t.db), [src])
      const items = await t.db.kysely.selectFrom('items').select(['id', 'guid']).orderBy('guid').execute()
      expect(items.map((i) => i.guid)).toEqual(['https://grow.example/1', 'https://grow.example/2'])
      // Ids are a digest of source and guid, stable across versions, so re-deploys never store an item twice.
      for (const i of items) expect(i.id).toBe(await contentHash(`${src.url}\n${i.guid}`))
      const shifts = await t.db.kysely.selectFrom('shifts').select(['pair', 'direction']).orderBy('pair').execute()
      expect(shifts).toEqual([
        { pair: 'iran--saudi-arabia', direction: 'deteriorating' },
        { pair: 'israel--united-arab-emirates', direction: 'improving' },
      ])
      expect(await t.db.kysely.selectFrom('dirty_pair_days').selectAll().execute()).toHaveLength(0)
      // Forcing a full re-fetch of the same body stores nothing twice.
      await runPoll(deps(t.db), [src], { force: true })
      expect(await t.db.kysely.selectFrom('items').selectAll().execute()).toHaveLength(2)
    } finally {
      await t.cleanup()
    }
  })
})
