// Languages, sources and pages in workerd: the Worker's cron polls English, Portuguese and Urdu sample feeds over
// loopback into D1; /api/sources and /healthz say what was read, in which language, and what was not analysed; the
// pages carry their networks and answer HTML errors, the API JSON ones.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import worker, { type Bindings } from '../../src/worker.ts'

const bindings = env as unknown as Bindings
const languages = {
  ...bindings,
  POLL_QUEUE: undefined,
  ENTENTE_SOURCES: `${inject('feedBase')}/languages.opml`,
} as Bindings
const get = (path: string, headers: Record<string, string> = {}) =>
  worker.fetch(new Request(`http://entente.test${path}`, { headers }), languages)

type SourceJson = {
  url: string
  kind: string
  last_outcome: string
  last_status: number | null
  error: string | null
  items: number
  signals: number
  languages: Record<string, number>
  unanalysed: number
  next_poll_at: string | null
  last_polled_at: string
}

describe('sources and languages on Workers', () => {
  beforeAll(async () => {
    for (const table of ['signals', 'items', 'shifts', 'pairs', 'dirty_pair_days', 'sources'])
      await bindings.DB.prepare(`DELETE FROM ${table}`).run()
    const ctx = createExecutionContext()
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }),
      languages,
      ctx,
    )
    await waitOnExecutionContext(ctx)
  })

  it('stores each item with its language in D1 and analyses only English', async () => {
    const rows = await bindings.DB.prepare(
      `SELECT language, COUNT(*) AS n, SUM(signal_count) AS signals FROM items GROUP BY language ORDER BY language`,
    ).all<{ language: string; n: number; signals: number }>()
    expect(rows.results.map((r) => [r.language, r.n])).toEqual([
      ['eng', 24],
      ['por', 3],
      ['urd', 3],
    ])
    expect(rows.results.find((r) => r.language === 'por')!.signals).toBe(0)
    expect(rows.results.find((r) => r.language === 'eng')!.signals).toBeGreaterThan(23)
    expect((await get('/api/pairs/hamas--iran')).status).toBe(404)
  })

  it('decodes the named character references of a feed (&atilde;, &deg;, &times;, &Eacute;) in what it publishes', async () => {
    const pair = (await (await get('/api/pairs/argentina--brazil')).json()) as {
      shifts: { evidence: { text: string }[] }[]
    }
    expect(pair.shifts[0]!.evidence[0]!.text).toBe(
      'Brazil and Argentina signed a trade agreement in São Paulo on a 30°C day, after 3× delays, as the Élysée looked on.',
    )
  })

  it('lists every source with its outcome, error, next poll, counts and languages at /api/sources', async () => {
    const res = await get('/api/sources')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await res.json()) as {
      analysed_languages: string[]
      poll_minutes: number
      total: number
      languages: Record<string, number>
      unanalysed: number
      sources: SourceJson[]
    }
    expect(body).toMatchObject({
      analysed_languages: ['eng'],
      poll_minutes: 15,
      total: 5,
      languages: { eng: 24, por: 3, urd: 3 },
      unanalysed: 6,
    })
    const by = (suffix: string) => body.sources.find((s) => s.url.endsWith(suffix))!
    expect(by('/noticias.atom')).toMatchObject({
      kind: 'feed',
      last_outcome: 'ok',
      last_status: 200,
      error: null,
      items: 3,
      signals: 0,
      languages: { por: 3 },
      unanalysed: 3,
    })
    expect(by('/urdu.rss')).toMatchObject({ last_outcome: 'ok', items: 3, languages: { urd: 3 }, unanalysed: 3 })
    const wire = by('/wire.rss')
    expect(wire).toMatchObject({ last_outcome: 'ok', items: 23, languages: { eng: 23 }, unanalysed: 0 })
    const stored = await bindings.DB.prepare(
      `SELECT COUNT(*) AS n FROM signals WHERE source_url LIKE '%/wire.rss'`,
    ).first<{ n: number }>()
    expect(wire.signals).toBe(stored!.n)
    expect(Date.parse(wire.next_poll_at!) - Date.parse(wire.last_polled_at)).toBe(15 * 60_000)
    expect(by('/missing.rss')).toMatchObject({
      last_outcome: 'error',
      last_status: 404,
      error: 'HTTP 404 Not Found',
      items: 0,
    })
    expect(body.sources.some((s) => s.url.endsWith('/seed.rss'))).toBe(false)
    expect((await get('/api/sources', { 'If-None-Match': res.headers.get('etag')! })).status).toBe(304)
  })

  it('counts sources, items and languages in /healthz', async () => {
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'ok',
      sources: { total: 5, ok: 4, failing: 1, never_read: 0 },
      items: 30,
      languages: { eng: 24, por: 3, urd: 3 },
      unanalysed: 6,
    })
  })
})

describe('pages on Workers', () => {
  it('draws the network of the most active pairs on the home page and an ego network on an actor page, every line and name a link', async () => {
    const home = await get('/')
    expect(home.status).toBe(200)
    const html = await home.text()
    expect(html).toMatch(
      /<svg class="network" id="pair-network"[^>]* role="group" aria-labelledby="pair-network-title"/,
    )
    expect(html).toContain('<title id="pair-network-title">The most active pairs, 2018-03-01 to 2018-03-30</title>')
    // Lines say where pairs stand on the day of reading: the sample feeds' 2018 evidence has long aged out (the
    // Worker reads at the clock), so every pair is stable and its level faded; the Node browser test reads its pages
    // the day after their news, and checks the colours there.
    expect(html).toMatch(
      /<a href="\/pairs\/north-korea--south-korea" class="edge stable" aria-label="North Korea–South Korea: stable, level [+−]?0\.0\d">/,
    )
    expect(html).toContain('<a href="/actors/united-states" class="node" aria-label="United States">')
    const actor = await (await get('/actors/united-states')).text()
    expect(actor).toMatch(/<svg class="network" id="ego-network"/)
    expect(actor).toContain('<a href="/pairs/russia--united-states" class="edge stable"')
    expect(actor).toContain('<a href="/actors/united-states" class="node centre" aria-label="United States">')
  })

  it('answers a page route with an HTML error page under the pages’ policy, and the API with JSON', async () => {
    const page = await get('/pairs/hamas--atlantis')
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/)
    expect(await page.text()).toContain('<h1>404 · Not found</h1>')
    const bad = await get('/pairs/hamas')
    expect([bad.status, (await bad.text()).includes('<h1>400 · Bad request</h1>')]).toEqual([400, true])
    const api = await get('/api/pairs/hamas--atlantis')
    expect([api.status, await api.json()]).toEqual([
      404,
      { error: { status: 404, message: 'unknown actor "atlantis": see /api/actors' } },
    ])
  })
})
