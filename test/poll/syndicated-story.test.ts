// A wire story syndicated by three outlets and an independent report, polled over loopback: one story counted
// once (independent_sources 2 of 4 outlets, every outlet listed in the evidence), the same shifts whatever the
// order the sources are polled in, and pages and feeds that say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEngine } from '../../src/analyze/engine.ts'
import { runPoll } from '../../src/poll/run-poll.ts'
import type { Db } from '../../src/store/schema.ts'
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.ts'
import { appAt, pollDeps, rssFeed } from '../helpers/loopback-poll.ts'
import { tempDb } from '../helpers/temp-db.ts'

const NOW = new Date('2020-08-14T06:00:00Z')
const WIRE =
  'Israel and the United Arab Emirates agreed on Thursday to establish full diplomatic relations in a deal brokered by the United States, the three countries said in a joint statement.'
const DESKS = [
  {
    path: '/gulf.rss',
    title: 'Gulf Times Desk',
    headline: 'Israel and UAE to normalise relations',
    body: WIRE,
    date: 'Thu, 13 Aug 2020 16:05:00 GMT',
  },
  {
    path: '/capital.rss',
    title: 'Capital Wire',
    headline: 'Historic deal between Israel and the Emirates',
    body: `WASHINGTON (AP) — ${WIRE} Officials called it a breakthrough.`,
    date: 'Thu, 13 Aug 2020 12:30:00 -0400',
  },
  {
    path: '/levant.rss',
    title: 'Levant Review',
    headline: 'A deal brokered in Washington',
    body: WIRE.replace('agreed on Thursday', 'agreed Thursday'),
    date: '2020-08-13T19:10:00+03:00',
  },
]
const OWN = {
  path: '/abudhabi.rss',
  title: 'Abu Dhabi Correspondent',
  headline: 'Embassy plans',
  body: 'The United Arab Emirates will open an embassy in Tel Aviv and exchange ambassadors with Israel, Emirati officials told reporters in Abu Dhabi.',
  date: 'Thu, 13 Aug 2020 18:00:00 +0400',
}

let server: FeedServer
beforeAll(async () => {
  getEngine()
  server = await startFeedServer()
  for (const d of [...DESKS, OWN])
    server.route(
      d.path,
      staticFeed(rssFeed(d.title, [{ guid: `${d.path}-1`, title: d.headline, text: d.body, date: d.date }])),
    )
})
afterAll(() => server.close())

const sourcesOf = (desks: typeof DESKS) => desks.map((d) => ({ url: server.url(d.path), title: d.title }))
const shiftsOf = (db: Db) =>
  db.kysely
    .selectFrom('shifts')
    .select([
      'id',
      'direction',
      'score',
      'confidence',
      'weight',
      'sources',
      'independent_sources',
      'signals',
      'evidence',
      'votes',
      'level_after',
      'published',
    ])
    .orderBy('id')
    .execute()

describe('a syndicated story carried by three sources', () => {
  it('is one story: independent reports 2 of 4 outlets, every outlet listed, confidence as for one copy', async () => {
    const t = await tempDb()
    const single = await tempDb()
    try {
      await runPoll(pollDeps(server, t.db, NOW), sourcesOf([...DESKS, OWN]))
      const shift = await t.db.kysely
        .selectFrom('shifts')
        .selectAll()
        .where('id', '=', 'israel--united-arab-emirates/2020-08-13')
        .executeTakeFirstOrThrow()
      expect(shift).toMatchObject({ direction: 'improving', sources: 4, independent_sources: 2 })
      const evidence = JSON.parse(shift.evidence) as {
        source: string
        text: string
        story: string
        copies: { source: string }[]
      }[]
      const outlets = evidence.flatMap((e) => [e.source, ...e.copies.map((c) => c.source)])
      expect(new Set(outlets)).toEqual(new Set([...DESKS, OWN].map((d) => d.title)))
      const wire = evidence.find((e) => e.copies.length === 2)!
      expect(wire.text).toContain('agreed')

      // The same day from one copy of the wire and the independent report: the same confidence and weight.
      await runPoll(pollDeps(server, single.db, NOW), sourcesOf([DESKS[0]!, OWN]))
      const one = await single.db.kysely
        .selectFrom('shifts')
        .selectAll()
        .where('id', '=', shift.id)
        .executeTakeFirstOrThrow()
      expect(one).toMatchObject({
        sources: 2,
        independent_sources: 2,
        confidence: shift.confidence,
        weight: shift.weight,
        votes: shift.votes,
      })

      const view = appAt(t.db, NOW)
      const feed = await view.json<{
        items: {
          summary: string
          _entente: { sources: number; independent_sources: number; evidence: { copies: { source: string }[] }[] }
        }[]
      }>('/feeds/pairs/israel--united-arab-emirates.json')
      const item = feed.items.find((i) => i._entente.sources === 4)!
      expect(item._entente.independent_sources).toBe(2)
      expect(item.summary).toContain('4 sources carrying 2 independent reports')
      const page = await (await view.get('/pairs/israel--united-arab-emirates')).text()
      expect(page).toContain('4 sources (2 independent reports)')
      expect(page).toMatch(
        /also carried by (Capital Wire|Gulf Times Desk|Levant Review), (Capital Wire|Gulf Times Desk|Levant Review)/,
      )
    } finally {
      await t.cleanup()
      await single.cleanup()
    }
  })

  it('gives the same shifts whatever order the sources are polled in, together or one poll each', async () => {
    const orders = [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [2, 0, 3, 1],
    ]
    const all = [...DESKS, OWN]
    const results: string[] = []
    for (const [k, order] of orders.entries()) {
      const t = await tempDb()
      try {
        const desks = order.map((i) => all[i]!)
        if (k === 1) for (const d of desks) await runPoll(pollDeps(server, t.db, NOW), sourcesOf([d]))
        else await runPoll(pollDeps(server, t.db, NOW), sourcesOf(desks))
        results.push(JSON.stringify(await shiftsOf(t.db)))
      } finally {
        await t.cleanup()
      }
    }
    expect(results[0]).toContain('israel--united-arab-emirates')
    expect(new Set(results).size).toBe(1)
  })
})
