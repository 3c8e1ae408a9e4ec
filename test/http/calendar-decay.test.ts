// Calendar decay: a pair's level fades with the calendar up to the day it is read, its direction is stable once
// its evidence has aged out, and pages, feeds and the API say how old the last evidence is. The same store is read
// at several clocks; renderings change with the day of reading, not only with the data.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEngine } from '../../src/analyze/engine.ts'
import { directionAsOf, levelAsOf } from '../../src/aggregate/level-now.ts'
import { levelSeries } from '../../src/aggregate/level-series.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { appAt, pollDeps } from '../helpers/loopback-poll.ts'
import { fixture, tempDb } from '../helpers/temp-db.ts'

const DAY_AFTER = new Date('2015-07-21T12:00:00Z')
const TODAY = new Date('2026-12-06T09:00:00Z')

let server: FeedServer
let t: Awaited<ReturnType<typeof tempDb>>
beforeAll(async () => {
  getEngine()
  server = await startFeedServer({
    '/world.rdf': staticFeed(readFileSync(fixture('world-rdf.xml')), 'application/rdf+xml'),
  })
  t = await tempDb()
  await runPoll(pollDeps(server, t.db, TODAY), [{ url: server.url('/world.rdf'), title: 'World Wire' }])
})
afterAll(async () => {
  await server.close()
  await t.cleanup()
})

interface PairJson {
  direction: string
  level: number
  as_of: string
  last_evidence: { day: string; age_days: number }
  at_last_shift: { direction: string; level: number }
}

describe('the level and direction as of the day of reading', () => {
  it('decays by the level’s half-life and falls back to stable after the 45-day window', () => {
    const [point] = levelSeries([{ day: '2020-01-01', score: 0.8, weight: 1 }])
    const pair = {
      level: point!.after,
      direction: 'improving',
      last_day: '2020-01-01',
      level_num: point!.num,
      level_den: point!.den,
    }
    expect(levelAsOf(pair, '2020-01-01')).toBe(point!.after)
    // After one half-life the sums are halved: 0.4 / (0.5 + 0.5)
    expect(levelAsOf(pair, '2020-03-01')).toBeCloseTo(0.4, 2)
    expect(levelAsOf(pair, '2026-01-01')).toBe(0)
    expect(directionAsOf(pair, '2020-02-15')).toBe('improving')
    expect(directionAsOf(pair, '2020-02-16')).toBe('stable')
  })

  it('reads a single 2015 day as improving the day after, and as faded, stable, 11-year-old news in 2026', async () => {
    const then = await appAt(t.db, DAY_AFTER).json<PairJson>('/api/pairs/cuba--united-states')
    expect(then).toMatchObject({
      direction: 'improving',
      as_of: '2015-07-21',
      last_evidence: { day: '2015-07-20', age_days: 1 },
    })
    expect(then.level).toBeGreaterThan(0.4)
    const now = await appAt(t.db, TODAY).json<PairJson>('/api/pairs/cuba--united-states')
    expect(now).toMatchObject({
      direction: 'stable',
      level: 0,
      as_of: '2026-12-06',
      last_evidence: { day: '2015-07-20', age_days: 4157 },
      at_last_shift: { direction: 'improving' },
    })
    expect(now.at_last_shift.level).toBeCloseTo(then.level, 1)
    const listing = await appAt(t.db, TODAY).json<{ pairs: PairJson[] }>('/api/pairs?direction=improving')
    expect(listing.pairs).toEqual([])
    const earlier = await appAt(t.db, DAY_AFTER).json<{ pairs: (PairJson & { pair: string })[] }>(
      '/api/pairs?direction=improving',
    )
    expect(earlier.pairs.map((p) => p.pair)).toContain('cuba--united-states')
  })

  it('says on pages how old the last evidence is, and draws the decay to today', async () => {
    const view = appAt(t.db, TODAY)
    const page = await (await view.get('/pairs/cuba--united-states')).text()
    expect(page).toContain('<span class="stable">stable</span></h1>')
    expect(page).toMatch(
      /Level today 0\.00 \(\+0\.\d\d after the last shift\) · last evidence <time datetime="2015-07-20">2015-07-20<\/time>, 11 years ago · improving until its evidence aged out/,
    )
    expect(page).toContain('class="decay"')
    const home = await (await view.get('/')).text()
    expect(home).toMatch(/Last evidence <time datetime="2019-02-28">2019-02-28<\/time>, 7 years ago/)
    expect(home).toContain('(11 years ago)')
  })

  it('says in feeds how old the last evidence is, and a pair feed gives the level today', async () => {
    const view = appAt(t.db, TODAY)
    const atom = await (await view.get('/feeds/pairs/cuba--united-states.atom')).text()
    expect(atom).toContain('Last evidence 2015-07-20 (11 years ago, as of 2026-12-06); level today 0.00, stable.')
    const json = await view.json<{ description: string; _entente: { last_evidence: unknown } }>(
      '/feeds/pairs/cuba--united-states.json',
    )
    expect(json._entente.last_evidence).toEqual({
      day: '2015-07-20',
      age_days: 4157,
      as_of: '2026-12-06',
      level_now: 0,
      direction_now: 'stable',
    })
    const global = await view.json<{ _entente: { last_evidence: unknown } }>('/feeds/shifts.json')
    expect(global._entente.last_evidence).toEqual({ day: '2019-02-28', age_days: 2838, as_of: '2026-12-06' })
    const rss = await (await view.get('/feeds/shifts.rss')).text()
    expect(rss).toMatch(/<description>[^<]*Last evidence 2019-02-28 \(7 years ago, as of 2026-12-06\)/)
  })

  it('renders anew when the day of reading changes, over the same data', async () => {
    const today = appAt(t.db, TODAY)
    const first = await today.get('/api/pairs/cuba--united-states')
    expect(
      (await today.get('/api/pairs/cuba--united-states', { 'If-None-Match': first.headers.get('etag')! })).status,
    ).toBe(304)
    const tomorrow = appAt(t.db, new Date('2026-12-07T09:00:00Z'))
    const next = await tomorrow.get('/api/pairs/cuba--united-states', { 'If-None-Match': first.headers.get('etag')! })
    expect(next.status).toBe(200)
    expect(((await next.json()) as PairJson).last_evidence.age_days).toBe(4158)
    expect(Date.parse(next.headers.get('last-modified')!)).toBe(Date.parse('2026-12-07T00:00:00Z'))
  })
})
