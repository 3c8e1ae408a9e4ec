// WebSub against a hub running on loopback: the real Node server advertises the hub in its plain feeds and, after
// every poll that changes shifts, pings it for exactly the feeds that changed, through the poller's guarded fetch.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig, ConfigError } from '../../src/config.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts'
import { fixture } from '../helpers/temp-db.ts'

let hub: FeedServer
let t: FixtureServer
let origin: string
let pings: { mode: string | null; topic: string | null; type: string | undefined }[] = []
let hubStatus = 204

beforeAll(async () => {
  hub = await startFeedServer({
    '/hub': (req, res) => {
      let body = ''
      req.on('data', (d) => (body += d))
      req.on('end', () => {
        const form = new URLSearchParams(body)
        if (req.method === 'POST')
          pings.push({ mode: form.get('hub.mode'), topic: form.get('hub.url'), type: req.headers['content-type'] })
        res.writeHead(hubStatus).end()
      })
    },
  })
  t = await startFixtureServer({ ENTENTE_WEBSUB_HUB: hub.url('/hub') }, [new URL(hub.url('/')).host])
  origin = `http://localhost:${new URL(t.base).port}`
}, 60_000)
afterAll(async () => {
  await t?.close()
  await hub?.close()
})

const formats = (path: string) => ['atom', 'rss', 'json'].map((f) => `${origin}${path}.${f}`)

describe('WebSub', () => {
  it('pings the hub after the first poll for the global feed and every pair and actor feed it changed', async () => {
    const pairs = (
      (await (await t.get('/api/pairs?limit=500')).json()) as { pairs: { pair: string; a: string; b: string }[] }
    ).pairs
    const actors = [...new Set(pairs.flatMap((p) => [p.a, p.b]))]
    const expected = [
      ...formats('/feeds/shifts'),
      ...pairs.flatMap((p) => formats(`/feeds/pairs/${p.pair}`)),
      ...actors.flatMap((a) => formats(`/feeds/actors/${a}`)),
    ]
    expect(pings.every((p) => p.mode === 'publish' && p.type === 'application/x-www-form-urlencoded')).toBe(true)
    expect(pings.map((p) => p.topic).sort()).toEqual(expected.sort())
    expect(t.summary.websub).toEqual({
      hub: hub.url('/hub'),
      topics: expected.length,
      notified: expected.length,
      failed: 0,
    })
  })

  it('advertises the hub in the plain feeds it pings for, and not in filtered or later pages', async () => {
    const atom = await (await t.get('/feeds/shifts.atom')).text()
    expect(atom).toContain(`<link rel="hub" href="${hub.url('/hub')}"/>`)
    expect(atom).toContain(`<link rel="self" href="${origin}/feeds/shifts.atom"/>`)
    expect(await (await t.get('/feeds/pairs/hamas--iran.rss')).text()).toContain(
      `<atom:link href="${hub.url('/hub')}" rel="hub"/>`,
    )
    const json = (await (await t.get('/feeds/actors/hamas.json')).json()) as { hubs?: { type: string; url: string }[] }
    expect(json.hubs).toEqual([{ type: 'WebSub', url: hub.url('/hub') }])
    expect(await (await t.get('/feeds/shifts.atom?direction=frozen')).text()).not.toContain('rel="hub"')
    expect(((await (await t.get('/feeds/shifts.json?limit=2')).json()) as { hubs?: unknown }).hubs).toBeUndefined()
  })

  it('stays quiet after a poll that changes nothing, and pings exactly the feeds of the one pair that changed', async () => {
    pings = []
    const quiet = (await (await t.poll()).json()) as { shifts_changed: number; websub?: unknown }
    expect(quiet.shifts_changed).toBe(0)
    expect(quiet.websub).toBeUndefined()
    expect(pings).toEqual([])
    const desk = readFileSync(fixture('desk-atom.xml'), 'utf8')
    const entry = `<entry><title>Talks</title><id>urn:x:cairo-talks</id><link href="https://desk.example/cairo"/><updated>2026-05-30T10:00:00Z</updated><summary>Egypt and Israel held talks in Cairo.</summary></entry>`
    t.feeds.route('/desk.atom', staticFeed(desk.replace('</feed>', `${entry}</feed>`), 'application/atom+xml'))
    const changed = (await (await t.poll()).json()) as {
      shifts_changed: number
      websub: { topics: number; notified: number }
    }
    expect(changed.shifts_changed).toBe(1)
    expect(pings.map((p) => p.topic).sort()).toEqual(
      [
        ...formats('/feeds/shifts'),
        ...formats('/feeds/pairs/egypt--israel'),
        ...formats('/feeds/actors/egypt'),
        ...formats('/feeds/actors/israel'),
      ].sort(),
    )
    expect(changed.websub).toMatchObject({ topics: 12, notified: 12 })
  })

  it('reports a hub that refuses, without failing the poll', async () => {
    hubStatus = 503
    pings = []
    t.feeds.route(
      '/desk.atom',
      staticFeed(
        readFileSync(fixture('desk-atom.xml'), 'utf8').replace(
          '</feed>',
          `<entry><title>More</title><id>urn:x:more</id><link href="https://desk.example/more"/><updated>2026-05-31T10:00:00Z</updated><summary>Cuba and Mexico signed a trade agreement.</summary></entry></feed>`,
        ),
        'application/atom+xml',
      ),
    )
    const res = await t.poll()
    expect(res.status).toBe(200)
    const summary = (await res.json()) as {
      websub: { topics: number; notified: number; failed: number; errors: string[] }
    }
    expect(summary.websub.notified).toBe(0)
    expect(summary.websub.failed).toBe(summary.websub.topics)
    expect(summary.websub.errors[0]).toMatch(/^http:\/\/localhost:\d+\/feeds\/.*: HTTP 503$/)
    // A busy hub is asked twice per topic, no more.
    expect(pings.length).toBe(summary.websub.topics * 2)
    hubStatus = 204
  })

  it('refuses at start a hub the poller would refuse to fetch', () => {
    const env = { ENTENTE_WEBSUB_HUB: 'http://127.0.0.1:9/hub' }
    expect(() => parseConfig(env, { sources: 's', dbPath: 'd' })).toThrow(ConfigError)
    expect(() => parseConfig(env, { sources: 's', dbPath: 'd' })).toThrow(
      /ENTENTE_WEBSUB_HUB refused http:\/\/127\.0\.0\.1:9\/hub: 127\.0\.0\.1 is a loopback address \(name it in ENTENTE_ALLOW_HOSTS/,
    )
    expect(parseConfig({ ...env, ENTENTE_ALLOW_HOSTS: '127.0.0.1:9' }, { sources: 's', dbPath: 'd' }).websubHub).toBe(
      'http://127.0.0.1:9/hub',
    )
    expect(() => parseConfig({ ENTENTE_WEBSUB_HUB: 'hub.example' }, { sources: 's', dbPath: 'd' })).toThrow(
      /absolute http\(s\) URL/,
    )
  })
})
