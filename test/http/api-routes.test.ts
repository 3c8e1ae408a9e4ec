import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { populatedApp } from './populated-app.ts'

let t: Awaited<ReturnType<typeof populatedApp>>
beforeAll(async () => {
  t = await populatedApp()
})
afterAll(() => t.close())

describe('API', () => {
  it('lists actors with ids, names, kinds and aliases', async () => {
    const res = await t.get('/api/actors')
    const body = (await res.json()) as { actors: { id: string; name: string; kind: string; aliases: string[] }[] }
    expect(body.actors.find((a) => a.id === 'hamas')).toMatchObject({ name: 'Hamas', kind: 'armed-group' })
    expect(body.actors.length).toBeGreaterThan(250)
  })

  it('lists pairs with filters and returns one pair with its series and evidence', async () => {
    const all = (await (await t.get('/api/pairs')).json()) as {
      total: number
      pairs: { pair: string; direction: string; at_last_shift: { direction: string } }[]
    }
    // The fixtures' evidence is years old: as of today every pair has aged out to stable, and says what it was.
    expect(all.pairs.find((p) => p.pair === 'hamas--syria')).toMatchObject({
      direction: 'stable',
      at_last_shift: { direction: 'frozen' },
    })
    expect(((await (await t.get('/api/pairs?direction=frozen')).json()) as { pairs: unknown[] }).pairs).toEqual([])
    const stable = (await (await t.get('/api/pairs?direction=stable')).json()) as {
      total: number
      pairs: { direction: string }[]
    }
    expect(stable.total).toBe(all.total)
    expect(stable.pairs.every((p) => p.direction === 'stable')).toBe(true)
    const hamas = (await (await t.get('/api/pairs?actor=hamas')).json()) as { pairs: { a: string; b: string }[] }
    expect(hamas.pairs.every((p) => p.a === 'hamas' || p.b === 'hamas')).toBe(true)
    const one = (await (await t.get('/api/pairs/hamas--iran')).json()) as {
      direction: string
      at_last_shift: { direction: string }
      series: { day: string; level: number }[]
      shifts: { evidence: { text: string; url: string }[] }[]
    }
    expect(one).toMatchObject({ direction: 'stable', at_last_shift: { direction: 'improving' } })
    expect(one.series).toEqual([expect.objectContaining({ day: '2018-01-08' })])
    expect(one.series[0]!.level).toBeGreaterThan(0)
    expect(one.shifts[0]!.evidence[0]!.url).toBe('https://www.mei.example/publications/hamas-and-iran-repair-ties')
    expect(
      (
        await t.get('/api/pairs/hamas--iran', {
          'If-None-Match': (await t.get('/api/pairs/hamas--iran')).headers.get('etag')!,
        })
      ).status,
    ).toBe(304)
  })

  it('rejects bad API parameters and unknown pairs with JSON errors', async () => {
    expect((await t.get('/api/pairs?direction=up')).status).toBe(400)
    expect((await t.get('/api/pairs?limit=0')).status).toBe(400)
    expect((await t.get('/api/pairs/cuba--egypt')).status).toBe(404)
    expect((await t.get('/api/pairs/iran--hamas')).status).toBe(301)
  })

  it('reports health', async () => {
    const res = await t.get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', last_poll: '2026-06-01T12:00:00.000Z' })
  })

  it('runs a poll for the admin only, naming every source with its outcome', async () => {
    const post = (headers: Record<string, string>) => t.request('/admin/poll', { method: 'POST', headers })
    expect((await post({})).status).toBe(401)
    expect((await post({ Authorization: 'Bearer wrong-token-xx' })).status).toBe(401)
    const ok = await post({ Authorization: 'Bearer secret-token-123' })
    expect(ok.status).toBe(200)
    const summary = (await ok.json()) as { sources: { url: string; outcome: string }[] }
    expect(summary.sources).toHaveLength(3)
    expect(summary.sources.every((s) => s.outcome === 'not-modified')).toBe(true)
  })

  it('explains how to enable admin routes when no token is set', async () => {
    const off = await populatedApp({ adminToken: null })
    try {
      const res = await off.request('/admin/poll', { method: 'POST' })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/ENTENTE_ADMIN_TOKEN/)
    } finally {
      await off.close()
    }
  })
})
