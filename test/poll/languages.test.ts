// What the engine cannot read is said, not silently dropped: the Urdu and Portuguese sample feeds polled over
// loopback HTTP by the real server are stored with their language, counted in the poll summary, /healthz and
// /api/sources, and not analysed — a Portuguese article quoting one English sentence yields nothing.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeText } from '../../src/analyze/analyze-text.ts'
import { detectLanguage } from '../../src/ingest/detect-language.ts'
import { sourceView } from '../../src/publish/source-view.ts'
import type { SourceRow } from '../../src/store/schema.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { startRealServer } from '../helpers/real-server.ts'
import { fixture } from '../helpers/temp-db.ts'

type Report = {
  url: string
  outcome: string
  new_items: number
  signals: number
  languages?: Record<string, number>
  unanalysed?: number
  error?: string
}
type Summary = { sources: Report[]; new_items: number; languages: Record<string, number>; unanalysed: number }

describe('items in languages the engine does not read, polled by the real server', () => {
  let feeds: FeedServer
  let server: Awaited<ReturnType<typeof startRealServer>>
  let summary: Summary
  const path = (r: { url: string }) => new URL(r.url).pathname
  beforeAll(async () => {
    feeds = await startFeedServer({
      '/wire.rss': staticFeed(readFileSync(fixture('wire-2018-rss.xml'))),
      '/noticias.atom': staticFeed(readFileSync(fixture('noticias-pt-atom.xml')), 'application/atom+xml'),
      '/urdu.rss': staticFeed(readFileSync(fixture('urdu-rss.xml'))),
    })
    const outlines = ['/wire.rss', '/noticias.atom', '/urdu.rss', '/gone.rss'].map((p) => ({
      title: `Loopback ${p}`,
      url: feeds.url(p),
    }))
    server = await startRealServer(outlines, new URL(feeds.url('/')).host)
    const res = await server.poll()
    expect(res.status).toBe(200)
    summary = (await res.json()) as Summary
  })
  afterAll(async () => {
    await server?.close()
    await feeds?.close()
  })

  it('counts new items per language and source in the poll summary, and those it did not analyse', () => {
    const by = new Map(summary.sources.map((r) => [path(r), r]))
    expect(by.get('/wire.rss')).toMatchObject({ outcome: 'ok', new_items: 23, languages: { eng: 23 }, unanalysed: 0 })
    expect(by.get('/wire.rss')!.signals).toBeGreaterThan(23)
    expect(by.get('/noticias.atom')).toMatchObject({
      outcome: 'ok',
      new_items: 3,
      signals: 0,
      languages: { por: 3 },
      unanalysed: 3,
    })
    expect(by.get('/urdu.rss')).toMatchObject({
      outcome: 'ok',
      new_items: 3,
      signals: 0,
      languages: { urd: 3 },
      unanalysed: 3,
    })
    expect(by.get('/gone.rss')).toMatchObject({ outcome: 'error', error: 'HTTP 404 Not Found' })
    expect(summary.languages).toEqual({ eng: 23, por: 3, urd: 3 })
    expect(summary.unanalysed).toBe(6)
  })

  it('stores every item with its language and analyses none in Portuguese, even one quoting English', async () => {
    const items = await server.db.kysely
      .selectFrom('items')
      .select(['source_url', 'title', 'text', 'language', 'signal_count'])
      .execute()
    const portuguese = items.filter((i) => i.source_url.endsWith('/noticias.atom'))
    expect(portuguese.map((i) => [i.language, i.signal_count])).toEqual([
      ['por', 0],
      ['por', 0],
      ['por', 0],
    ])
    const quoting = portuguese.find((i) => i.title.startsWith('Hamas diz'))!
    // Read as English it would have published a Hamas–Iran reading of an article the engine cannot read.
    expect(analyzeText(quoting.text, { date: '2018-01-09' }).signals.map((s) => s.pair)).toContain('hamas--iran')
    expect(detectLanguage(quoting.text)).toBe('por')
    expect((await fetch(`${server.base}/api/pairs/hamas--iran`)).status).toBe(404)
    expect(items.filter((i) => i.source_url.endsWith('/urdu.rss')).map((i) => i.language)).toEqual([
      'urd',
      'urd',
      'urd',
    ])
    expect(new Set(items.filter((i) => i.source_url.endsWith('/wire.rss')).map((i) => i.language))).toEqual(
      new Set(['eng']),
    )
    const signals = await server.db.kysely.selectFrom('signals').select('source_url').execute()
    expect(signals.filter((s) => !s.source_url.endsWith('/wire.rss'))).toEqual([])
  })

  it('says per language and per source outcome in /healthz', async () => {
    const res = await fetch(`${server.base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'ok',
      sources: { total: 4, ok: 3, failing: 1, never_read: 0 },
      items: 29,
      languages: { eng: 23, por: 3, urd: 3 },
      unanalysed: 6,
    })
  })

  it('lists every source at /api/sources with its outcome, error, next poll, counts and languages', async () => {
    const res = await fetch(`${server.base}/api/sources`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await res.json()) as {
      analysed_languages: string[]
      total: number
      languages: Record<string, number>
      unanalysed: number
      sources: Record<string, unknown>[]
    }
    expect(body).toMatchObject({
      analysed_languages: ['eng'],
      poll_minutes: 0,
      total: 4,
      languages: { eng: 23, por: 3, urd: 3 },
      unanalysed: 6,
    })
    const by = new Map(body.sources.map((s) => [path(s as { url: string }), s]))
    const signals = await server.db.kysely
      .selectFrom('signals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    expect(by.get('/wire.rss')).toMatchObject({
      kind: 'feed',
      title: 'Loopback /wire.rss',
      last_outcome: 'ok',
      last_status: 200,
      error: null,
      failures: 0,
      items: 23,
      signals: Number(signals!.n),
      languages: { eng: 23 },
      unanalysed: 0,
      next_poll_at: null,
    })
    expect(by.get('/noticias.atom')).toMatchObject({
      last_outcome: 'ok',
      items: 3,
      signals: 0,
      languages: { por: 3 },
      unanalysed: 3,
    })
    expect(by.get('/urdu.rss')).toMatchObject({
      last_outcome: 'ok',
      items: 3,
      signals: 0,
      languages: { urd: 3 },
      unanalysed: 3,
      site_url: 'https://urdu.example/',
    })
    const gone = by.get('/gone.rss')!
    expect(gone).toMatchObject({
      last_outcome: 'error',
      last_status: 404,
      error: 'HTTP 404 Not Found',
      failures: 1,
      items: 0,
      languages: {},
    })
    // Backing off: due again after the first backoff step, whatever the poll interval.
    expect(Date.parse(gone.next_poll_at as string) - Date.parse(gone.last_polled_at as string)).toBe(15 * 60_000)
    // Revalidated by its ETag; unknown parameters are refused, not ignored.
    expect(
      (await fetch(`${server.base}/api/sources`, { headers: { 'If-None-Match': res.headers.get('etag')! } })).status,
    ).toBe(304)
    const bad = await fetch(`${server.base}/api/sources?lang=por`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      error: { status: 400, message: 'unknown parameter "lang": /api/sources takes no parameters', parameters: [] },
    })
  })

  it('keeps the counts through a poll where every feed answers 304', async () => {
    const again = (await (await server.poll()).json()) as Summary
    expect(again.sources.filter((r) => !path(r).endsWith('gone.rss')).map((r) => r.outcome)).toEqual([
      'not-modified',
      'not-modified',
      'not-modified',
    ])
    expect(again.languages).toEqual({})
    const body = (await (await fetch(`${server.base}/api/sources`)).json()) as { languages: Record<string, number> }
    expect(body.languages).toEqual({ eng: 23, por: 3, urd: 3 })
  })
})

describe('a source’s next poll', () => {
  const row = (over: Partial<SourceRow>): SourceRow => ({
    url: 'https://a.example/rss',
    title: 'A',
    site_url: null,
    etag: null,
    last_modified: null,
    last_polled_at: null,
    last_ok_at: null,
    last_outcome: null,
    last_status: null,
    last_error: null,
    failures: 0,
    next_poll_at: null,
    item_count: 0,
    signal_count: 0,
    languages: '{}',
    ...over,
  })
  it('is one interval after the last poll, its backoff when failing, and none for a file or a source never read', () => {
    expect(sourceView(row({ last_polled_at: '2026-01-01T10:00:00.000Z', last_outcome: 'ok' }), 15).next_poll_at).toBe(
      '2026-01-01T10:15:00.000Z',
    )
    expect(
      sourceView(
        row({
          last_polled_at: '2026-01-01T10:00:00.000Z',
          last_outcome: 'error',
          next_poll_at: '2026-01-01T11:00:00.000Z',
        }),
        15,
      ).next_poll_at,
    ).toBe('2026-01-01T11:00:00.000Z')
    expect(sourceView(row({ last_polled_at: '2026-01-01T10:00:00.000Z' }), 0).next_poll_at).toBeNull()
    expect(sourceView(row({}), 15).next_poll_at).toBeNull()
    expect(
      sourceView(row({ url: 'file:///feeds/a.xml', last_polled_at: '2026-01-01T10:00:00.000Z' }), 15),
    ).toMatchObject({ kind: 'file', next_poll_at: null })
  })
  it('counts as unanalysed the items in languages the engine does not read, whatever the column holds', () => {
    expect(sourceView(row({ languages: '{"eng":4,"und":2,"por":3,"urd":1}' }), 0)).toMatchObject({
      languages: { eng: 4, por: 3, und: 2, urd: 1 },
      unanalysed: 4,
    })
    expect(sourceView(row({ languages: 'not json' }), 0).languages).toEqual({})
    expect(sourceView(row({ languages: '[1,2]' }), 0).languages).toEqual({})
  })
})
