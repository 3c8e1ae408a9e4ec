// Languages and sources in workerd: the Worker's cron polls English, Portuguese and Urdu sample feeds over loopback
// into D1, and /api/sources and /healthz say what was read, in which language, and what was not analysed.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import worker, { type Bindings } from '../../src/worker.ts'

const bindings = env as unknown as Bindings
const languages = { ...bindings, POLL_QUEUE: undefined, ENTENTE_SOURCES: `${inject('feedBase')}/languages.opml` } as Bindings
const get = (path: string, headers: Record<string, string> = {}) => worker.fetch(new Request(`http://entente.test${path}`, { headers }), languages)

type SourceJson = { url: string; kind: string; last_outcome: string; last_status: number | null; error: string | null; items: number; signals: number; languages: Record<string, number>; unanalysed: number; next_poll_at: string | null; last_polled_at: string }

describe('sources and languages on Workers', () => {
  beforeAll(async () => {
    for (const table of ['signals', 'items', 'shifts', 'pairs', 'dirty_pair_days', 'sources']) await bindings.DB.prepare(`DELETE FROM ${table}`).run()
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), languages, ctx)
    await waitOnExecutionContext(ctx)
  })

  it('stores each item with its language in D1 and analyses only English', async () => {
    const rows = await bindings.DB.prepare(`SELECT language, COUNT(*) AS n, SUM(signal_count) AS signals FROM items GROUP BY language ORDER BY language`).all<{ language: string; n: number; signals: number }>()
    expect(rows.results.map((r) => [r.language, r.n])).toEqual([['eng', 16], ['por', 3], ['urd', 3]])
    expect(rows.results.find((r) => r.language === 'por')!.signals).toBe(0)
    expect(rows.results.find((r) => r.language === 'eng')!.signals).toBeGreaterThan(16)
    expect((await get('/api/pairs/hamas--iran')).status).toBe(404)
  })

  it('lists every source with its outcome, error, next poll, counts and languages at /api/sources', async () => {
    const res = await get('/api/sources')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await res.json()) as { analysed_languages: string[]; poll_minutes: number; total: number; languages: Record<string, number>; unanalysed: number; sources: SourceJson[] }
    expect(body).toMatchObject({ analysed_languages: ['eng'], poll_minutes: 15, total: 4, languages: { eng: 16, por: 3, urd: 3 }, unanalysed: 6 })
    const by = (suffix: string) => body.sources.find((s) => s.url.endsWith(suffix))!
    expect(by('/noticias.atom')).toMatchObject({ kind: 'feed', last_outcome: 'ok', last_status: 200, error: null, items: 3, signals: 0, languages: { por: 3 }, unanalysed: 3 })
    expect(by('/urdu.rss')).toMatchObject({ last_outcome: 'ok', items: 3, languages: { urd: 3 }, unanalysed: 3 })
    const wire = by('/wire.rss')
    expect(wire).toMatchObject({ last_outcome: 'ok', items: 16, languages: { eng: 16 }, unanalysed: 0 })
    const stored = await bindings.DB.prepare(`SELECT COUNT(*) AS n FROM signals`).first<{ n: number }>()
    expect(wire.signals).toBe(stored!.n)
    expect(Date.parse(wire.next_poll_at!) - Date.parse(wire.last_polled_at)).toBe(15 * 60_000)
    expect(by('/missing.rss')).toMatchObject({ last_outcome: 'error', last_status: 404, error: 'HTTP 404 Not Found', items: 0 })
    expect(body.sources.some((s) => s.url.endsWith('/seed.rss'))).toBe(false)
    expect((await get('/api/sources', { 'If-None-Match': res.headers.get('etag')! })).status).toBe(304)
  })

  it('counts sources, items and languages in /healthz', async () => {
    const res = await get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', sources: { total: 4, ok: 3, failing: 1, never_read: 0 }, items: 22, languages: { eng: 16, por: 3, urd: 3 }, unanalysed: 6 })
  })
})
