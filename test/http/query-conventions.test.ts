// RSSHub's query conventions on every feed and the API, asked of the real Node server over HTTP: limit, text
// filters without regular expressions, date ranges, PLOVER event types, unknown parameters refused, and one self
// link and ETag per combination however it is spelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts'
import { egyptIsraelShift } from '../helpers/shift-row.ts'

type Item = {
  id: string
  title: string
  _entente: {
    pair: string
    day: string
    direction: string
    evidence: { text: string; source: string; event_type: string | null }[]
  }
}
type Feed = { feed_url: string; next_url?: string; title: string; items: Item[] }

let t: FixtureServer
let origin: string
beforeAll(async () => {
  t = await startFixtureServer()
  origin = `http://localhost:${new URL(t.base).port}`
}, 60_000)
afterAll(() => t?.close())

const feed = async (path: string): Promise<Feed> => {
  const res = await t.get(path)
  expect(res.status, path).toBe(200)
  return (await res.json()) as Feed
}
const error = async (path: string, status = 400) => {
  const res = await t.get(path)
  expect(res.status, path).toBe(status)
  expect(res.headers.get('content-type'), path).toMatch(/^application\/json/)
  return ((await res.json()) as { error: { status: number; message: string; parameters?: string[] } }).error
}
const text = (i: Item) => [i.title, ...i._entente.evidence.flatMap((e) => [e.text, e.source])].join('\n').toLowerCase()

describe('limit', () => {
  it('sizes the page from 1 to 500 and carries into the paging links', async () => {
    const all = await feed('/feeds/shifts.json?limit=500')
    // 12: the desk's undated Colombia–FARC entry is first-poll backlog, never a shift.
    expect(all.items.length).toBe(12)
    const seen: string[] = []
    let next: string | undefined = '/feeds/shifts.json?limit=4'
    while (next) {
      const page = await feed(next.replace(origin, ''))
      expect(page.items.length).toBeLessThanOrEqual(4)
      seen.push(...page.items.map((i) => i.id))
      if (page.next_url) expect(page.next_url).toMatch(/\?limit=4&before=/)
      next = page.next_url
    }
    expect(seen).toEqual(all.items.map((i) => i.id))
    for (const bad of ['0', '501', '-1', '2.5', 'ten', '1'.repeat(400)])
      expect((await error(`/feeds/shifts.atom?limit=${bad}`)).message).toMatch(
        /limit must be a whole number from 1 to 500/,
      )
  })
})

describe('filter and filterout', () => {
  it('keep or drop shifts by case-insensitive text in their title or evidence, | separating alternatives', async () => {
    const all = (await feed('/feeds/shifts.json?limit=500')).items
    const saudi = (await feed('/feeds/shifts.json?filter=SAUDI')).items
    expect(saudi.length).toBeGreaterThan(0)
    expect(saudi.map((i) => i.id)).toEqual(all.filter((i) => text(i).includes('saudi')).map((i) => i.id))
    const either = (await feed('/feeds/shifts.json?filter=saudi|Cuba')).items
    expect(either.map((i) => i.id)).toEqual(all.filter((i) => /saudi|cuba/.test(text(i))).map((i) => i.id))
    expect(either.length).toBeGreaterThan(saudi.length)
    // Evidence counts, not only titles: "Tehran" is in quotes, never in a title.
    const tehran = (await feed('/feeds/shifts.json?filter=tehran')).items
    expect(tehran.length).toBeGreaterThan(0)
    expect(tehran.every((i) => !i.title.toLowerCase().includes('tehran'))).toBe(true)
    const noHamas = (await feed('/feeds/shifts.json?filterout=hamas')).items
    expect(noHamas.map((i) => i.id)).toEqual(all.filter((i) => !text(i).includes('hamas')).map((i) => i.id))
    const both = (await feed('/feeds/pairs/hamas--iran.json?filter=iran&filterout=trump')).items
    expect(both.every((i) => !text(i).includes('trump'))).toBe(true)
  })

  it('refuse regular expressions and oversized patterns instead of running them', async () => {
    for (const pattern of ['.*', '(a+)+$', 'ir[a]n', 'iran\\b', '^iran']) {
      expect((await error(`/feeds/shifts.rss?filter=${encodeURIComponent(pattern)}`)).message).toMatch(
        /plain text, not a regular expression/,
      )
    }
    expect((await error(`/feeds/shifts.rss?filterout=${'a'.repeat(201)}`)).message).toMatch(/at most 200 characters/)
    expect(
      (await error(`/feeds/shifts.rss?filter=${Array.from({ length: 11 }, (_, i) => `w${i}`).join('|')}`)).message,
    ).toMatch(/at most 10 alternatives/)
    // "U.S." is text: a dot is not refused.
    expect((await t.get('/feeds/shifts.json?filter=U.S.')).status).toBe(200)
  })

  it('stop a page after 2,000 rows read and page on from there, so no request reads the whole table', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => {
      const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
      const quote = i % 1000 === 7 ? 'Egypt and Israel held talks about the needle.' : 'Egypt and Israel held talks.'
      return egyptIsraelShift(day, {
        evidence: JSON.stringify([{ text: quote, url: null, source: 'Wire', published: `${day}T00:00:00Z` }]),
      })
    })
    for (let i = 0; i < rows.length; i += 5)
      await t.db.kysely
        .insertInto('shifts')
        .values(rows.slice(i, i + 5))
        .execute()
    await t.db.kysely
      .updateTable('meta')
      .set({ value: '2099-01-01T00:00:00.000Z' })
      .where('key', '=', 'changed_at')
      .execute()
    const found: string[] = []
    let pages = 0
    let next: string | undefined = '/feeds/pairs/egypt--israel.json?filter=needle'
    while (next) {
      const page = await feed(next.replace(origin, ''))
      found.push(...page.items.map((i) => i._entente.day))
      next = page.next_url
      expect(++pages).toBeLessThan(10)
    }
    expect(found).toEqual(
      rows
        .filter((r) => r.evidence.includes('needle'))
        .map((r) => r.day)
        .reverse(),
    )
    // 4,500 rows at 2,000 a page: the walk took three pages although every match would fit on one.
    expect(pages).toBe(3)
    await t.db.kysely.deleteFrom('shifts').where('pair', '=', 'egypt--israel').execute()
    await t.db.kysely
      .updateTable('meta')
      .set({ value: '2099-01-02T00:00:00.000Z' })
      .where('key', '=', 'changed_at')
      .execute()
  })
})

describe('since and until', () => {
  it('bound feeds and the API by UTC day, inclusive', async () => {
    const items = (await feed('/feeds/shifts.json?since=2016-01-03&until=2019-02-28')).items
    expect(new Set(items.map((i) => i._entente.day))).toEqual(new Set(['2016-01-03', '2018-01-08', '2019-02-28']))
    const pairs = (await (await t.get('/api/pairs?since=2019-01-01')).json()) as {
      total: number
      pairs: { pair: string }[]
    }
    expect(pairs.pairs.map((p) => p.pair).sort()).toEqual(
      expect.arrayContaining(['israel--morocco', 'north-korea--united-states']),
    )
    expect(pairs.pairs.map((p) => p.pair)).not.toContain('hamas--iran')
    expect(pairs.total).toBe(pairs.pairs.length)
    const one = (await (await t.get('/api/pairs/hamas--iran?until=2017-12-31')).json()) as {
      series: unknown[]
      shifts: unknown[]
    }
    expect(one).toMatchObject({ series: [], shifts: [] })
  })

  it('refuse dates that do not exist and ranges that end before they start', async () => {
    for (const bad of ['2018-13-01', '2018-02-30', '2018-1-1', 'yesterday', '2018-01-01T00:00:00Z'])
      expect((await error(`/feeds/shifts.json?since=${bad}`)).message).toMatch(
        /since must be a date written YYYY-MM-DD/,
      )
    expect((await error('/feeds/shifts.json?since=2019-01-01&until=2018-01-01')).message).toMatch(
      /since \(2019-01-01\) is after until \(2018-01-01\)/,
    )
    expect((await error('/api/pairs?until=2018-02-29')).message).toMatch(/until must be a date/)
  })
})

describe('event_type', () => {
  it('keeps shifts and pairs with a signal of the given PLOVER types, in any case', async () => {
    const sanction = (await feed('/feeds/shifts.json?event_type=sanction')).items
    expect(sanction.map((i) => i._entente.pair)).toEqual(['iran--saudi-arabia'])
    const two = (await feed('/feeds/shifts.json?event_type=SANCTION,Assault')).items
    expect(two.map((i) => i._entente.pair).sort()).toEqual(['iran--israel', 'iran--saudi-arabia'])
    const pairs = (await (await t.get('/api/pairs?event_type=ASSAULT')).json()) as { pairs: { pair: string }[] }
    expect(pairs.pairs.map((p) => p.pair)).toEqual(['iran--israel'])
    expect((await error('/feeds/shifts.json?event_type=HUG')).message).toMatch(/PLOVER event types/)
  })
})

describe('parameters a route does not take', () => {
  it('answer 400 naming the ones it does, on feeds and the API', async () => {
    const feedError = await error('/feeds/shifts.atom?utm_source=newsletter')
    expect(feedError.message).toBe(
      'unknown parameter "utm_source": /feeds/shifts.atom takes direction, min_confidence, actor, event_type, since, until, filter, filterout, limit, before, after',
    )
    expect(feedError.parameters).toEqual([
      'direction',
      'min_confidence',
      'actor',
      'event_type',
      'since',
      'until',
      'filter',
      'filterout',
      'limit',
      'before',
      'after',
    ])
    // Once ignored silently: a pair's feed has no actor filter, pairs have no confidence.
    expect((await error('/feeds/pairs/hamas--iran.rss?actor=iran')).parameters).not.toContain('actor')
    expect((await error('/api/pairs?min_confidence=0.5')).message).toMatch(
      /unknown parameter "min_confidence": \/api\/pairs takes limit, offset, actor, direction, since, until, event_type/,
    )
    expect((await error('/api/actors?kind=state')).message).toMatch(/\/api\/actors takes no parameters/)
    expect((await error('/feeds/shifts.json?direction=frozen&direction=improving')).message).toMatch(
      /direction is given more than once/,
    )
  })
})

describe('self links and ETags', () => {
  it('are one per combination, whatever the order or spelling of its parameters', async () => {
    const a = await t.get('/feeds/shifts.atom?event_type=assault,SANCTION&filter=Iran&since=2016-01-01')
    const b = await t.get('/feeds/shifts.atom?since=2016-01-01&filter=IRAN&event_type=sanction,assault,sanction')
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'))
    const body = await a.text()
    expect(body).toContain(
      `<link rel="self" href="${origin}/feeds/shifts.atom?event_type=SANCTION,ASSAULT&amp;since=2016-01-01&amp;filter=iran"/>`,
    )
    expect(body).toContain('(SANCTION or ASSAULT, since 2016-01-01, containing “iran”)')
    const etags = new Set<string | null>()
    for (const q of [
      '',
      '?limit=5',
      '?filter=iran',
      '?filterout=iran',
      '?since=2016-01-01',
      '?until=2019-01-01',
      '?event_type=AGREE',
      '?event_type=AGREE,CONSULT',
    ]) {
      etags.add((await t.get(`/feeds/shifts.json${q}`)).headers.get('etag'))
    }
    expect(etags.size).toBe(8)
    const limited = await feed('/feeds/shifts.json?limit=50')
    expect(limited.feed_url).toBe(`${origin}/feeds/shifts.json`)
  })
})
