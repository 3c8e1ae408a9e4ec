import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { populatedApp } from './populated-app.ts'
import { egyptIsraelShift } from '../helpers/shift-row.ts'

let t: Awaited<ReturnType<typeof populatedApp>>
beforeAll(async () => {
  t = await populatedApp()
})
afterAll(() => t.close())

describe('feeds', () => {
  it('serves the global feed in three formats with the right content types', async () => {
    const atom = await t.get('/feeds/shifts.atom')
    expect(atom.status).toBe(200)
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const rss = await t.get('/feeds/shifts.rss')
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const json = await t.get('/feeds/shifts.json')
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    expect(json.headers.get('access-control-allow-origin')).toBe('*')
    const doc = (await json.json()) as {
      version: string
      items: { id: string; title: string; _entente: Record<string, unknown> }[]
      feed_url: string
    }
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1')
    expect(doc.feed_url).toBe('http://entente.test/feeds/shifts.json')
    const hamasIran = doc.items.find((i) => i._entente.pair === 'hamas--iran')!
    expect(hamasIran.title).toBe('Hamas–Iran: improving')
    expect(hamasIran.id).toBe('tag:entente.test,2026:shift/hamas--iran/2018-01-08')
    expect(hamasIran._entente).toMatchObject({
      a: 'hamas',
      b: 'iran',
      direction: 'improving',
      sources: 1,
      about: 'http://entente.test/docs/json-feed-extension',
    })
    expect((hamasIran._entente.evidence as unknown[]).length).toBeGreaterThan(0)
    // newest first
    const days = doc.items.map((i) => i._entente.day as string)
    expect([...days].sort().reverse()).toEqual(days)
  })

  it('answers 304 to If-None-Match and If-Modified-Since, and the ETag differs per filter', async () => {
    const first = await t.get('/feeds/shifts.atom')
    const etag = first.headers.get('etag')!
    // Served gzipped to fetch's Accept-Encoding: the representation's own ETag, with the coding's suffix.
    expect(first.headers.get('content-encoding')).toBe('gzip')
    expect(etag).toMatch(/^"[0-9a-f]{16}-gz"$/)
    expect(first.headers.get('cache-control')).toMatch(/max-age=300/)
    expect((await t.get('/feeds/shifts.atom', { 'If-None-Match': etag })).status).toBe(304)
    expect(
      (await t.get('/feeds/shifts.atom', { 'If-Modified-Since': first.headers.get('last-modified')! })).status,
    ).toBe(304)
    const filtered = await t.get('/feeds/shifts.atom?direction=frozen')
    expect(filtered.headers.get('etag')).not.toBe(etag)
    const body = await filtered.text()
    expect(body).toContain('<link rel="self" href="http://entente.test/feeds/shifts.atom?direction=frozen"/>')
    expect(body).toContain('Hamas–Syria: frozen')
    expect(body).not.toContain(': improving')
  })

  it('serves pair and actor feeds and redirects an unsorted pair to its canonical URL', async () => {
    const pair = await t.get('/feeds/pairs/hamas--iran.rss')
    expect(pair.status).toBe(200)
    const xml = await pair.text()
    expect(xml).toContain(
      '<atom:link href="http://entente.test/feeds/pairs/hamas--iran.rss" rel="self" type="application/rss+xml"/>',
    )
    expect(xml).toContain('<guid isPermaLink="false">tag:entente.test,2026:shift/hamas--iran/2018-01-08</guid>')
    const swapped = await t.get('/feeds/pairs/iran--hamas.json?direction=improving')
    expect(swapped.status).toBe(301)
    expect(swapped.headers.get('location')).toBe('/feeds/pairs/hamas--iran.json?direction=improving')
    const actor = (await (await t.get('/feeds/actors/hamas.json')).json()) as {
      items: { _entente: { a: string; b: string } }[]
    }
    expect(actor.items.length).toBeGreaterThanOrEqual(3)
    expect(actor.items.every((i) => i._entente.a === 'hamas' || i._entente.b === 'hamas')).toBe(true)
  })

  it('escapes source titles and evidence in every format', async () => {
    const atom = await (await t.get('/feeds/pairs/hamas--iran.atom')).text()
    expect(atom).toContain('Desk &lt;/seed.rss&gt; &amp; co')
    expect(atom).not.toContain('Desk </seed.rss>')
    expect(atom).not.toMatch(/<script/)
    const json = (await (await t.get('/feeds/pairs/hamas--iran.json')).json()) as { items: { content_html: string }[] }
    expect(json.items[0]!.content_html).toContain('Desk &lt;/seed.rss&gt; &amp; co')
  })

  it('rejects bad parameters with JSON errors', async () => {
    const cases: [string, number, RegExp][] = [
      ['/feeds/shifts.atom?direction=sideways', 400, /direction must be one of/],
      ['/feeds/shifts.json?min_confidence=2', 400, /min_confidence/],
      ['/feeds/shifts.rss?actor=atlantis', 400, /unknown actor/],
      ['/feeds/shifts.rss?before=yesterday', 400, /cursor/],
      ['/feeds/pairs/hamas--atlantis.atom', 404, /unknown actor/],
      ['/feeds/pairs/hamas.atom', 400, /pair is written/],
      ['/feeds/shifts.xml', 404, /\.atom, \.rss or \.json/],
      ['/api/nowhere', 404, /no page or route for GET \/api\/nowhere/],
      ['/feeds/nowhere/x.json', 404, /no page or route/],
    ]
    for (const [path, status, message] of cases) {
      const res = await t.get(path)
      expect(res.status, path).toBe(status)
      expect(res.headers.get('content-type'), path).toMatch(/application\/json/)
      expect(((await res.json()) as { error: { message: string } }).error.message, path).toMatch(message)
    }
  })

  it('pages with next links that lead to the following entries', async () => {
    for (let i = 0; i < 60; i++) {
      const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)
      await t.db.kysely.insertInto('shifts').values(egyptIsraelShift(day)).execute()
    }
    await t.db.kysely
      .updateTable('meta')
      .set({ value: '2026-06-01T12:30:00.000Z' })
      .where('key', '=', 'changed_at')
      .execute()
    const page1 = (await (await t.get('/feeds/pairs/egypt--israel.json')).json()) as {
      items: { id: string }[]
      next_url?: string
    }
    expect(page1.items).toHaveLength(50)
    expect(page1.next_url).toMatch(/before=2024-01-11_egypt--israel$/)
    const page2 = (await (await t.get(page1.next_url!.replace('http://entente.test', ''))).json()) as {
      items: { id: string }[]
      next_url?: string
    }
    expect(page2.items).toHaveLength(10)
    expect(page2.next_url).toBeUndefined()
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(60)
    const atom = await (await t.get('/feeds/pairs/egypt--israel.atom')).text()
    expect(atom).toMatch(
      /<link rel="next" href="http:\/\/entente.test\/feeds\/pairs\/egypt--israel.atom\?before=2024-01-11_egypt--israel"\/>/,
    )
    expect(atom).not.toContain('rel="previous"')
    // The second page links back: its previous cursor leads to the entries just newer than its first, in order.
    const older = await (await t.get('/feeds/pairs/egypt--israel.atom?before=2024-01-11_egypt--israel')).text()
    const previous = /<link rel="previous" href="http:\/\/entente\.test([^"]+)"\/>/
      .exec(older)![1]!
      .replace(/&amp;/g, '&')
    expect(previous).toBe('/feeds/pairs/egypt--israel.atom?after=2024-01-10_egypt--israel')
    const back = (await (await t.get(previous.replace('.atom', '.json'))).json()) as { items: { id: string }[] }
    expect(back.items.map((i) => i.id)).toEqual(page1.items.map((i) => i.id))
    expect(
      (await t.get('/feeds/pairs/egypt--israel.json?before=2024-01-11_egypt--israel&after=2024-01-01_egypt--israel'))
        .status,
    ).toBe(400)
  })

  it('documents the _entente extension at the URL its items name', async () => {
    const res = await t.get('/docs/json-feed-extension')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await res.text()
    for (const field of [
      'level_before',
      'level_after',
      'independent_sources',
      'evidence',
      'correction',
      'withdrawn',
      'last_evidence',
    ])
      expect(page, field).toContain(field)
  })
})
